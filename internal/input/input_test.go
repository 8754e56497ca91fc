package input_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// got is one document as the tests compare it: its number, line, data or
// fault code.
type got struct {
	Index, Line int
	Data        string
	Code        string
}

func readAll(t *testing.T, in string, max int) ([]got, error) {
	t.Helper()
	var out []got
	err := input.Each(strings.NewReader(in), input.Options{MaxBytes: max}, func(d input.Doc) error {
		g := got{Index: d.Index, Line: d.Line, Data: string(d.Data)}
		if d.Fault != nil {
			require.Nil(t, d.Data, "document %d : données et faute", d.Index)
			g.Code = d.Fault.Code
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

func TestEach(t *testing.T) {
	// Expected documents worked by hand from each input.
	for _, tc := range []struct {
		name string
		in   string
		max  int
		want []got
	}{
		{"un document", `{"a":1}`, 0, []got{{1, 1, `{"a":1}`, ""}}},
		{"NDJSON, lignes vides, CRLF, BOM", "\xEF\xBB\xBF{\"a\":1}\r\n\r\n  \n{\"b\":2}\r\n[1]\n", 0,
			[]got{{1, 1, `{"a":1}`, ""}, {2, 4, `{"b":2}`, ""}, {3, 5, `[1]`, ""}}},
		{"ligne illisible au milieu : gardée, la suite lue", "{\"a\":1}\n{oops\n{\"b\":2}", 0,
			[]got{{1, 1, `{"a":1}`, ""}, {2, 2, `{oops`, ""}, {3, 3, `{"b":2}`, ""}}},
		{"première ligne cassée : une faute, les suivantes lues", "{\"a\":1,\n{\"b\":2}\n{\"c\":3}\n", 0,
			[]got{{1, 1, `{"a":1,`, ""}, {2, 2, `{"b":2}`, ""}, {3, 3, `{"c":3}`, ""}}},
		{"première ligne sans crochet", "oops\n{\"b\":2}\n", 0,
			[]got{{1, 1, `oops`, ""}, {2, 2, `{"b":2}`, ""}}},
		{"document sur plusieurs lignes", "\n{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}\n", 0,
			[]got{{1, 2, "{\n\"a\": {\n\"b\": [1, 2]\n}\n}", ""}}},
		{"document sur plusieurs lignes puis NDJSON", "{\n  \"a\": 1\n}\n{\"b\":2}\n", 0,
			[]got{{1, 1, "{\n\"a\": 1\n}", ""}, {2, 4, `{"b":2}`, ""}}},
		{"tableau", "[{\"a\":1},\n {\"b\":[1,2]} , \"x,]\" ]\n", 0,
			[]got{{1, 1, `{"a":1}`, ""}, {2, 2, `{"b":[1,2]}`, ""}, {3, 2, `"x,]"`, ""}}},
		{"tableau vide", " [ ] ", 0, nil},
		{"élément cassé : les suivants lus", `[{"a":},{"b":2}]`, 0,
			[]got{{1, 1, `{"a":}`, ""}, {2, 1, `{"b":2}`, ""}}},
		{"élément vide", `[1,,2]`, 0, []got{{1, 1, `1`, ""}, {2, 1, "", "INPUT-JSON-01"}, {3, 1, `2`, ""}}},
		{"tableau non terminé", `[1,2`, 0, []got{{1, 1, `1`, ""}, {2, 1, `2`, ""}, {3, 1, "", "INPUT-JSON-01"}}},
		// After the closing bracket: the trailing data is reported and what
		// follows is still read, as NDJSON or as another array.
		{"données après le crochet : signalées, la suite lue", "[1]\n{\"b\":2}\n{\"c\":3}\n", 0,
			[]got{{1, 1, `1`, ""}, {2, 2, "", "INPUT-JSON-02"}, {3, 2, `{"b":2}`, ""}, {4, 3, `{"c":3}`, ""}}},
		{"deux tableaux", "[1] [2,3]", 0,
			[]got{{1, 1, `1`, ""}, {2, 1, "", "INPUT-JSON-02"}, {3, 1, `2`, ""}, {4, 1, `3`, ""}}},
		// Two values on one line: the line is reported (one place for every
		// verb), the lines after it are read.
		{"deux documents sur une ligne", "{\"a\":1} {\"b\":2}\n{\"c\":3}\n", 0,
			[]got{{1, 1, "", "INPUT-JSON-02"}, {2, 2, `{"c":3}`, ""}}},
		{"deux documents sur une ligne au milieu", "{\"a\":1}\n[1]{}\n\"x\" 2\n3 4\n{\"c\":3}\n", 0,
			[]got{{1, 1, `{"a":1}`, ""}, {2, 2, "", "INPUT-JSON-02"}, {3, 3, "", "INPUT-JSON-02"}, {4, 4, "", "INPUT-JSON-02"}, {5, 5, `{"c":3}`, ""}}},
		{"accolade en trop", "{\"a\":1}}\n", 0, []got{{1, 1, "", "INPUT-JSON-02"}}},
		// encoding/json's decoder reads "00" as 0 followed by 0.
		{"nombre suivi d'un nombre", "00\n-1 2\ntrue false\n", 0,
			[]got{{1, 1, "", "INPUT-JSON-02"}, {2, 2, "", "INPUT-JSON-02"}, {3, 3, "", "INPUT-JSON-02"}}},
		{"deux valeurs dans un élément", `[{"a":1} {"b":2}, 3]`, 0,
			[]got{{1, 1, "", "INPUT-JSON-02"}, {2, 1, `3`, ""}}},
		{"chaîne avec accolades : un seul document", `{"a":"} {"}`, 0, []got{{1, 1, `{"a":"} {"}`, ""}}},
		{"guillemet échappé : un seul document", `{"a":"\"} {\""}`, 0, []got{{1, 1, `{"a":"\"} {\""}`, ""}}},
		{"barre oblique échappée puis deux documents", `{"a":"\\"} {}`, 0, []got{{1, 1, "", "INPUT-JSON-02"}}},
		{"trois barres puis guillemet échappé", `{"a":"\\\"} {"}`, 0, []got{{1, 1, `{"a":"\\\"} {"}`, ""}}},
		// A broken first value is given as it is: the caller's decoder
		// reports its syntax error (INPUT-JSON-01) first.
		{"pas du JSON", "not json\n{oops} {}\n", 0, []got{{1, 1, `not json`, ""}, {2, 2, `{oops} {}`, ""}}},
		{"ligne trop longue : signalée, la suite lue", "{\"a\":\"xxxxxxxxxx\"}\n{\"b\":2}\n", 10,
			[]got{{1, 1, "", "INPUT-SIZE-01"}, {2, 2, `{"b":2}`, ""}}},
		{"élément trop long : signalé, la suite lue", `["xxxxxxxxxx",1]`, 10,
			[]got{{1, 1, "", "INPUT-SIZE-01"}, {2, 1, `1`, ""}}},
		{"limite exacte", "{\"a\":\"12\"}\r\n", 10, []got{{1, 1, `{"a":"12"}`, ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := readAll(t, tc.in, tc.max)
			require.NoError(t, err)
			assert.Equal(t, tc.want, docs)
		})
	}
}

func TestEachEmpty(t *testing.T) {
	for _, in := range []string{"", " \n\r\n\t", "\xEF\xBB\xBF\n"} {
		_, err := readAll(t, in, 0)
		assert.ErrorIs(t, err, input.ErrEmpty, "%q", in)
	}
}

func TestEachSizeIsMeasured(t *testing.T) {
	// A 1000-byte line over a 100-byte limit: its real size is reported
	// (1000 bytes, counted by hand: 8 + 990 + 2).
	line := `{"a":"` + strings.Repeat("x", 992) + `"}`
	require.Len(t, line, 1000)
	var sizes []int
	var msgs []string
	err := input.Each(strings.NewReader(line+"\n{}\n"), input.Options{MaxBytes: 100}, func(d input.Doc) error {
		sizes = append(sizes, d.Size)
		if d.Fault != nil {
			msgs = append(msgs, d.Fault.Message, d.Fault.MessageEN)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []int{1000, 2}, sizes)
	assert.Equal(t, []string{"document trop grand : 1000 octets (maximum 100)", "document too large: 1000 bytes (limit 100)"}, msgs)
}

func TestEachStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := input.Each(strings.NewReader("{}\n{}\n{}\n"), input.Options{}, func(input.Doc) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 2, n)
}

func TestEachReadError(t *testing.T) {
	boom := errors.New("disque")
	err := input.Each(io.MultiReader(strings.NewReader("{}\n"), iotest.ErrReader(boom)), input.Options{}, func(input.Doc) error { return nil })
	assert.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "lecture interrompue")
}

type doc struct {
	ID string `json:"id"`
}

func TestDecode(t *testing.T) {
	var ids []string
	var bad spie.Faults
	err := input.Decode(strings.NewReader("{\"id\":\"a\"}\n\n{oops\n{\"id\":2}\n{\"id\":\"c\"}"), input.Options{},
		func(_ input.Doc, d *doc) error { ids = append(ids, d.ID); return nil },
		func(_ input.Doc, f spie.Fault) { bad = append(bad, f) })
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "c"}, ids)
	require.Len(t, bad, 2)
	// Line 3 is not JSON, line 4 has a number for a string: paths /3 and /4.
	assert.True(t, bad.Has("INPUT-JSON-01", "/3"))
	assert.True(t, bad.Has("INPUT-JSON-01", "/4"))
	for _, f := range bad {
		assert.NotContains(t, f.Message, "invalid character", "texte anglais de encoding/json")
		assert.NotEmpty(t, f.MessageEN)
	}
	// In an array, the path is the element's JSON Pointer (from 0).
	bad = nil
	require.NoError(t, input.Decode(strings.NewReader(`[{"id":"a"},{"id":`+"\n"+`3}]`), input.Options{},
		func(input.Doc, *doc) error { return nil }, func(_ input.Doc, f spie.Fault) { bad = append(bad, f) }))
	assert.True(t, bad.Has("INPUT-JSON-01", "/1"))
	// An empty input is no error for Decode.
	assert.NoError(t, input.Decode(strings.NewReader(""), input.Options{}, func(input.Doc, *doc) error { return nil }, func(input.Doc, spie.Fault) {}))
}

func TestRetiredCodesStayRegistered(t *testing.T) {
	for _, code := range []string{"INPUT-NDJSON-01", "INPUT-NDJSON-02"} {
		_, ok := spie.LookupFaultType(code)
		assert.True(t, ok, code)
	}
}

// FuzzEach checks the reader on any input: it never panics, numbers the
// documents 1, 2, 3… with non-decreasing lines, gives each either data or a
// fault, loses no line of NDJSON, and gives back the elements of an array
// written by encoding/json (the oracle).
func FuzzEach(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", `{"a":1}`, "{\"a\":1}\n{\"b\":2}\n", "{\"a\":1}\r\n\r\n{\"b\":2}", "\xEF\xBB\xBF{\"a\":1}\n[1]\n",
		"[{\"a\":1},{\"b\":2}]", "[1,2", "[{\"a\":}]", "{\n  \"a\": 1\n}\n", "{oops\n{\"a\":1}", "  \n {\"a\":1}\n{bad\n",
		"[1] x", `["\"]",1]`, "{\"a\":[\n1,\n{}\n]}\n{}",
		"{\"a\":1} {\"b\":2}\n{}", "[1] [2]\n{}", "1 2\n\"x\"\"y\"", "[{} {}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var docs []input.Doc
		err := input.Each(bytes.NewReader(data), input.Options{MaxBytes: 64}, func(d input.Doc) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil && !errors.Is(err, input.ErrEmpty) {
			t.Fatalf("erreur sur une entrée en mémoire : %v", err)
		}
		line := 0
		for i, d := range docs {
			if d.Index != i+1 {
				t.Fatalf("document %d numéroté %d", i+1, d.Index)
			}
			if d.Line < line {
				t.Fatalf("document %d à la ligne %d après la ligne %d", d.Index, d.Line, line)
			}
			line = d.Line
			if (d.Fault == nil) == (d.Data == nil) {
				t.Fatalf("document %d : données %q et faute %v", d.Index, d.Data, d.Fault)
			}
			// A document given never holds a second value after a first
			// readable one: the reader flags it (INPUT-JSON-02).
			if d.Fault == nil {
				dec := json.NewDecoder(bytes.NewReader(d.Data))
				var v any
				if dec.Decode(&v) == nil && len(bytes.TrimSpace(d.Data[dec.InputOffset():])) > 0 {
					t.Fatalf("document %d : %q suit la première valeur de %q", d.Index, d.Data[dec.InputOffset():], d.Data)
				}
			}
		}
		in := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		var lines [][]byte
		for _, l := range bytes.Split(in, []byte("\n")) {
			if l = bytes.TrimSpace(l); len(l) > 0 {
				lines = append(lines, l)
			}
		}
		if len(lines) < 2 || lines[0][0] == '[' || bytes.ContainsRune(data, '\v') || bytes.ContainsRune(data, '\f') {
			return
		}
		// Lines 2… all JSON on their own: each is a document, in order.
		for _, l := range lines[1:] {
			if !json.Valid(l) || len(l) > 64 {
				return
			}
		}
		if len(docs) < len(lines)-1 {
			t.Fatalf("NDJSON de %d lignes lu en %d documents", len(lines), len(docs))
		}
		tail := docs[len(docs)-(len(lines)-1):]
		for i, d := range tail {
			if !bytes.Equal(d.Data, lines[i+1]) {
				t.Fatalf("ligne %d : lu %q au lieu de %q", i+2, d.Data, lines[i+1])
			}
		}
	})
}

// FuzzArray writes values with encoding/json as an array and checks that
// the reader gives back each element.
func FuzzArray(f *testing.F) {
	f.Add("a", 1.5, true, "x\"],[{")
	f.Fuzz(func(t *testing.T, s string, x float64, b bool, k string) {
		vals := []any{s, x, b, map[string]any{k: []any{s, nil}}, []string{k}}
		raw, err := json.MarshalIndent(vals, "", " ")
		if err != nil {
			return
		}
		var want []json.RawMessage
		require.NoError(t, json.Unmarshal(raw, &want))
		var gotDocs [][]byte
		require.NoError(t, input.Each(bytes.NewReader(raw), input.Options{}, func(d input.Doc) error {
			require.Nil(t, d.Fault)
			gotDocs = append(gotDocs, d.Data)
			return nil
		}))
		require.Len(t, gotDocs, len(want))
		for i := range want {
			assert.Equal(t, string(bytes.TrimSpace(want[i])), string(gotDocs[i]))
		}
	})
}

func TestTrailingOffset(t *testing.T) {
	// `{"a":1}  {"b":2}`: the first value ends at byte 7, two blanks, the
	// second value starts at byte 9 (from 0), as schemas.Validate says.
	var fs []spie.Fault
	require.NoError(t, input.Each(strings.NewReader(`{"a":1}  {"b":2}`), input.Options{}, func(d input.Doc) error {
		require.NotNil(t, d.Fault)
		fs = append(fs, *d.Fault)
		return nil
	}))
	require.Len(t, fs, 1)
	assert.Equal(t, "données après la fin du document (octet 9)", fs[0].Message)
	assert.Equal(t, "data after the end of the document (byte 9)", fs[0].MessageEN)
}

// TestDecodeFaultIsBilingual: a document Decode cannot store is reported
// with FaultJSON, its French detail in message and its English one in
// message_en (spie.DescribeJSONError and spie.DescribeJSONErrorEN).
func TestDecodeFaultIsBilingual(t *testing.T) {
	type T struct {
		A int `json:"a"`
	}
	strict := func(s string) error {
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		var v T
		return dec.Decode(&v)
	}
	// Each detail worked by hand from the input: encoding/json stops at the
	// byte given (counted from 1 for a syntax error, after the value for a
	// type error).
	for _, tc := range []struct {
		name   string
		err    error
		fr, en string
	}{
		{"syntaxe", json.Unmarshal([]byte(`{"a":}`), new(T)), "syntaxe invalide à l'octet 6", "syntax error at byte 6"},
		{"type", json.Unmarshal([]byte(`{"a":"x"}`), new(T)), "valeur de type texte inattendue pour a (octet 8)", "unexpected string value for a (byte 8)"},
		{"champ inconnu", strict(`{"foo":1}`), "champ inconnu « foo »", "unknown field « foo »"},
		{"fin inattendue", strict(`{"a":1`), "document incomplet : il s'arrête avant sa fin", "incomplete document: it stops before its end"},
		{"autre", errors.New("json: some library text"), "contenu inattendu", "unexpected content"},
		{"faute", spie.Fault{Code: "TEST-DECODE-01", Message: "date x invalide", MessageEN: "invalid date x"}, "date x invalide", "invalid date x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.fr, spie.DescribeJSONError(tc.err))
			assert.Equal(t, tc.en, spie.DescribeJSONErrorEN(tc.err))
			f := input.FaultJSON.At("/x", spie.DescribeJSONError(tc.err), spie.DescribeJSONErrorEN(tc.err))
			assert.Equal(t, "JSON illisible : "+tc.fr, f.Message)
			assert.Equal(t, "unreadable JSON: "+tc.en, f.MessageEN)
			assert.Equal(t, "/x", f.Path)
		})
	}
}

func TestReaderFaultsAreBilingual(t *testing.T) {
	// Every fault the reader makes has an English message without French
	// words of its French detail.
	for _, in := range []string{`[1,,2]`, `[1,2`, "[1] x", `{"a":1} {}`, `{"a":"xxxxxxxxxxxxxxxx"}`} {
		require.NoError(t, input.Each(strings.NewReader(in), input.Options{MaxBytes: 10}, func(d input.Doc) error {
			if d.Fault != nil {
				for _, w := range []string{"octet", "fin", "vide", "tableau", "inattendu"} {
					assert.NotContains(t, d.Fault.MessageEN, w, "%q : %s", in, d.Fault.MessageEN)
				}
			}
			return nil
		}))
	}
}

func TestManyArraysInConstantStack(t *testing.T) {
	// 200,000 empty arrays one after the other: each one after the first is
	// reported as data after the previous one's bracket (199,999 faults),
	// read in a loop, not in a recursion.
	const n = 200_000
	faults := 0
	require.NoError(t, input.Each(strings.NewReader(strings.Repeat("[]", n)), input.Options{}, func(d input.Doc) error {
		if d.Fault != nil && d.Fault.Code == "INPUT-JSON-02" {
			faults++
		}
		return nil
	}))
	assert.Equal(t, n-1, faults)
}
