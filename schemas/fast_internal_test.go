package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestIsDateMatchesTimeParse checks the fast date check against the one
// the JSON Schema validator runs, on every day of several years and on
// malformed strings.
func TestIsDateMatchesTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []string{"0000", "1900", "1999", "2000", "2024", "2025", "2100", "9999"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	cases = append(cases, "", "2024-1-01", "2024-01-1", "2024/01/01", "20240101", "2024-01-01T00:00:00Z",
		"+024-01-01", "2024-0a-01", "2024-01-01 ", " 2024-01-01", "２０２４-01-01", "2024--1-01", "-024-01-01")
	for _, s := range cases {
		_, err := time.Parse("2006-01-02", s)
		if got, want := isDate(s), err == nil; got != want {
			t.Errorf("isDate(%q) = %v, time.Parse dit %v", s, got, want)
		}
	}
}

// TestDecodeErrDetail: errors met storing a document into its Go type are
// told in French, without encoding/json's English text. Expected texts
// worked by hand from decodeErrDetail's wording (then spie.DescribeJSONError's).
func TestDecodeErrDetail(t *testing.T) {
	typeErr := &json.UnmarshalTypeError{Value: "number 1e400", Type: reflect.TypeOf(float64(0)), Field: "situation.rayon"}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{typeErr, "valeur nombre 1e400 impossible à stocker dans le type Go float64 (champ situation.rayon)"},
		{fmt.Errorf("délais illisibles : %w", typeErr), "valeur nombre 1e400 impossible à stocker dans le type Go float64 (champ situation.rayon)"},
		{&json.UnmarshalTypeError{Value: "string", Type: reflect.TypeOf(0)}, "valeur texte impossible à stocker dans le type Go int"},
		{&json.SyntaxError{Offset: 7}, "JSON mal formé (octet 7)"},
		{errors.New("délais incohérents : il faut 0 < réponse ≤ relance ≤ expiration"), "délais incohérents : il faut 0 < réponse ≤ relance ≤ expiration"},
		{errors.New("json: unknown field"), "contenu inattendu"},
		{json.Unmarshal([]byte(`"2026-04-08t10:00:00z"`), new(time.Time)), "date ou heure illisible : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SSZ (RFC 3339) attendu"},
	} {
		if got := decodeErrDetail(tc.err).fr; got != tc.want {
			t.Errorf("decodeErrDetail(%v) = %q, attendu %q", tc.err, got, tc.want)
		}
	}
	// The real error of encoding/json, end to end.
	var x struct{ N int }
	err := json.Unmarshal([]byte(`{"N": "a"}`), &x)
	if got := decodeErrDetail(err); got.fr != "valeur texte impossible à stocker dans le type Go int (champ N)" ||
		got.en != "string value that cannot be stored in the Go type int (field N)" {
		t.Errorf("encoding/json : %+v", got)
	}
}

// TestTextWordMatchesTextByte checks the word test against the byte table:
// on every byte in every position of a word of plain bytes, and on pairs
// of bytes, textWord is true exactly when all eight bytes are textByte. The
// table itself is checked against RFC 8259 §7 (what a string holds
// unescaped: any byte but '"', '\\' and U+0000–U+001F).
func TestTextWordMatchesTextByte(t *testing.T) {
	for c := range 256 {
		if want := c >= 0x20 && c != '"' && c != '\\'; textByte[c] != want {
			t.Fatalf("textByte[0x%02x] = %v, RFC 8259 dit %v", c, textByte[c], want)
		}
	}
	check := func(w [8]byte) {
		want := true
		for _, c := range w {
			want = want && textByte[c]
		}
		x := uint64(0)
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		if got := textWord(x); got != want {
			t.Fatalf("textWord(%q) = %v, la table dit %v", w[:], got, want)
		}
	}
	base := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
	for pos := range 8 {
		for c := range 256 {
			w := base
			w[pos] = byte(c)
			check(w)
			for pos2 := range 8 {
				for _, c2 := range []byte{0, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 0x7f, 0x80, 0x9f, 0xa0, 0xa2, 0xc3, 0xdc, 0xff} {
					w2 := w
					w2[pos2] = c2
					check(w2)
				}
			}
		}
	}
}

// readStringByBytes is an oracle of scanner.str written from RFC 8259 §7
// and the UTF-8 of RFC 3629, one byte (or one rune) at a time: the string
// that starts with the quote at data[0] ends at the first unescaped quote;
// a control byte, a byte that begins no valid UTF-8 sequence, or the end
// of the data before the closing quote ends the read with a problem at an
// offset. It returns the code of the problem ("" when none) and its offset,
// or the bytes of the string when it holds no escape (escaped: it does;
// escapes are escaped's, not compared here).
func readStringByBytes(data []byte) (code string, at int, text []byte, escaped bool) {
	for i := 1; i < len(data); {
		c := data[i]
		switch {
		case c == '"':
			return "", i, data[1:i], false
		case c == '\\':
			return "", i, nil, true
		case c < 0x20:
			return "INPUT-JSON-01", i, nil, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return "INPUT-UTF8-01", i, nil, false
			}
			i += n
		}
	}
	return "INPUT-JSON-01", len(data), nil, false
}

// checkStr compares scanner.str on data (a quote, then anything) with the
// byte-by-byte oracle.
func checkStr(t *testing.T, data []byte) {
	t.Helper()
	wantCode, wantAt, wantText, escaped := readStringByBytes(data)
	s := scanner{data: data, lim: Limits{}.orDefault()}
	var got []byte
	f := s.document(func() { got = s.str(); panic(inputAbort{}) })
	if escaped {
		return // past the escape, escaped reads on
	}
	gotCode := ""
	if f != nil {
		gotCode = f.Code
	}
	if wantCode == "" {
		if gotCode != "" || !bytes.Equal(got, wantText) {
			t.Fatalf("str(%q) = %q, %v ; l'oracle lit %q", data, got, f, wantText)
		}
		return
	}
	if gotCode != wantCode {
		t.Fatalf("str(%q) : faute %q, l'oracle dit %s à l'octet %d", data, gotCode, wantCode, wantAt)
	}
	if wantCode == "INPUT-UTF8-01" && !strings.Contains(f.Message, strconv.Itoa(wantAt)) {
		t.Fatalf("str(%q) : %q, l'oracle dit l'octet %d", data, f.Message, wantAt)
	}
	if wantCode == "INPUT-JSON-01" && !strings.Contains(f.Message, "octet "+strconv.Itoa(wantAt)) {
		t.Fatalf("str(%q) : %q, l'oracle dit l'octet %d", data, f.Message, wantAt)
	}
}

// TestStrMatchesByteReading checks the word-at-a-time string reader against
// the byte-by-byte oracle on French text, on every ending problem placed at
// every offset of a text of 1 to 3 words, after ASCII or accented text.
func TestStrMatchesByteReading(t *testing.T) {
	texts := []string{"", "a", "abcdefgh", "é", "aé", "Éléonore à l'hôpital", "€uro", "😀x", "présentée depuis 2019 — « suivi »"}
	bad := []string{"\"", "\\n", "\x00", "\x1f", "\x7f", "\xff", "\xc3", "\xc3(", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\x80", ""}
	for _, pre := range texts {
		for n := range 20 {
			for _, b := range bad {
				body := pre + strings.Repeat("x", n) + b
				checkStr(t, []byte(`"`+body))
				checkStr(t, []byte(`"`+body+`"`))
				checkStr(t, []byte(`"`+body+`ééé"`))
				checkStr(t, []byte(`"`+body+"\x01\""))
			}
		}
	}
}

// TestStrRandomBytes checks scanner.str against the byte-by-byte oracle on
// 100,000 random texts drawn mostly from the bytes that matter (quote,
// backslash, control bytes, the starts and continuations of UTF-8
// sequences of 2, 3 and 4 bytes, bytes never valid), a third uniform.
func TestStrRandomBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alpha := []byte("ab\"\\\x00\x1f\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff\x80 ")
	for range 100000 {
		b := make([]byte, 1+r.IntN(40))
		b[0] = '"'
		for i := 1; i < len(b); i++ {
			if r.IntN(3) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = alpha[r.IntN(len(alpha))]
			}
		}
		checkStr(t, b)
	}
}

// FuzzStr checks scanner.str against the byte-by-byte oracle on any bytes.
func FuzzStr(f *testing.F) {
	for _, s := range []string{`"abc"`, `"é"`, "\"a\xffb\"", "\"\xc3", `"a\nb"`, "\"é\x01\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkStr(t, append([]byte{'"'}, body...))
	})
}

// BenchmarkStrCorpus is scanner.str alone on every string (keys and
// values) of the first 2,000 documents of the bench corpus
// (SOCLE_BENCH_CORPUS, see BenchmarkValidateCorpusDiagnostic); skipped
// without it.
func BenchmarkStrCorpus(b *testing.B) {
	name := os.Getenv("SOCLE_BENCH_CORPUS")
	if name == "" {
		b.Skip("SOCLE_BENCH_CORPUS : corpus NDJSON du banc (go run ./bench) non donné")
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	docs := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
	docs = docs[:min(len(docs), 2000)]
	// The opening quote of each string: a quote outside a string opens
	// one; inside, an unescaped quote closes it.
	type at struct{ doc, pos int }
	var quotes []at
	size := 0
	for i, d := range docs {
		size += len(d)
		in := false
		for j := 0; j < len(d); j++ {
			switch {
			case in && d[j] == '\\':
				j++
			case d[j] == '"':
				if !in {
					quotes = append(quotes, at{i, j})
				}
				in = !in
			}
		}
	}
	var s scanner
	s.lim = Limits{}.orDefault()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range quotes {
			s.data, s.pos = docs[q.doc], q.pos
			s.str()
		}
	}
}
