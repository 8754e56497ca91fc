package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
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

// TestPlainWordMatchesPlainASCII checks the word test against the byte
// table: on every byte in every position of a word of plain bytes, and on
// pairs of bytes, plainWord is true exactly when all eight bytes are
// plainASCII.
func TestPlainWordMatchesPlainASCII(t *testing.T) {
	check := func(w [8]byte) {
		want := true
		for _, c := range w {
			want = want && plainASCII[c]
		}
		x := uint64(0)
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		if got := plainWord(x); got != want {
			t.Fatalf("plainWord(%q) = %v, la table dit %v", w[:], got, want)
		}
	}
	base := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
	for pos := range 8 {
		for c := range 256 {
			w := base
			w[pos] = byte(c)
			check(w)
			for pos2 := range 8 {
				for _, c2 := range []byte{0, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 0x7f, 0x80, 0xc3, 0xff} {
					w2 := w
					w2[pos2] = c2
					check(w2)
				}
			}
		}
	}
}
