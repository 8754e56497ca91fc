package offer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// member is a member of an object: its key as encoding/json reads it, its
// value as written.
type member struct{ key, raw string }

// readMembersDecoder is readMembers as it was written before with
// encoding/json's token API: the oracle of the byte scanner.
func readMembersDecoder(data []byte) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, ok := tok.(string)
		if !ok {
			return nil, false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, false
		}
		out = append(out, member{key, string(raw)})
	}
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return nil, false
	}
	return out, true
}

// membersCases are objects written by hand to reach every branch of the
// scanner: spaces everywhere, escaped and non-ASCII keys, invalid UTF-8,
// nested values holding quotes and brackets, repeated keys, and what is not
// one object.
var membersCases = []string{
	`{}`, ` { } `, "{\n\t\"a\" :\r 1 ,\"b\":[1, {\"c\": \"}]\\\"\"}] }\n",
	`{"a":"x","a":"y"}`, `{"\u00e9t\u00e9":true,"été":null,"a\"b":-1.5e3}`,
	"{\"k\xff\":\"v\xfe\"}", `{"a":{"b":{"c":[[],{}]}},"d":"\\"}`,
	`[]`, `"x"`, `{"a":1}{"b":2}`, `{"a":1} x`, `{"a":}`, `{"a" 1}`, `{"a":1,}`, ``, ` `, `{`, `nul`,
	"{}\v", "{\"a\":1} \u00a0\f", "\v{}",
	`{"a":01}`, `{"a":1e}`, `{"a":"\x"}`, `{"a":[1,2}`, `{"a":true false}`,
}

func TestReadMembersAsEncodingJSON(t *testing.T) {
	docs := append([][]byte(nil), toBytes(membersCases)...)
	files, err := filepath.Glob(filepath.Join("..", "examples", "offer", "*.ndjson"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			docs = append(docs, append([]byte(nil), sc.Bytes()...))
		}
		require.NoError(t, fh.Close())
	}
	// and every prefix of the hand-written cases: truncated documents
	for _, c := range membersCases {
		for n := range len(c) {
			docs = append(docs, []byte(c[:n]))
		}
	}
	valid := 0
	for _, d := range docs {
		want, wantOK := readMembersDecoder(d)
		got, gotOK := readMembersText(d)
		require.Equal(t, wantOK, gotOK, "%q", d)
		if wantOK {
			valid++
			assert.Equal(t, want, got, "%q", d)
		}
	}
	assert.Greater(t, valid, 400, "des objets lus des deux côtés")
}

func FuzzReadMembers(f *testing.F) {
	for _, c := range membersCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantOK := readMembersDecoder(data)
		got, gotOK := readMembersText(data)
		trimmed := bytes.TrimRightFunc(data, unicode.IsSpace)
		if valid := json.Valid(trimmed) && bytes.TrimLeft(trimmed, " \t\r\n")[0] == '{'; valid != gotOK {
			t.Fatalf("%q : json.Valid %v, scanner %v", data, valid, gotOK)
		}
		if wantOK != gotOK {
			t.Fatalf("%q : décodeur %v, scanner %v", data, wantOK, gotOK)
		}
		if wantOK {
			assert.Equal(t, want, got)
		}
	})
}

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// readMembersText is readMembers as keys and values.
func readMembersText(data []byte) ([]member, bool) {
	ms, ok := readMembers(data, nil)
	if !ok {
		return nil, false
	}
	var out []member
	for i := range ms {
		out = append(out, member{ms[i].key(), string(ms[i].raw)})
	}
	return out, true
}

// An object nested as deep as encoding/json reads (10,000 levels, the
// object itself the first) is read, one level deeper is not: json.Valid is
// the oracle, as readMembers used it before. (The token decoder of
// readMembersDecoder counts the levels of a member's value from the value,
// and takes one level more: the only place where it is not the oracle.)
func TestReadMembersNesting(t *testing.T) {
	for _, depth := range []int{2, 9999, 10000, 10001, 10002} {
		inner := depth - 1 // the arrays inside the object
		for _, open := range []string{"[", `{"a":`} {
			close := "]"
			if open != "[" {
				close = "}"
			}
			doc := []byte(`{"k":` + strings.Repeat(open, inner) + strings.Repeat(close, inner) + `}`)
			if open != "[" {
				doc = []byte(`{"k":` + strings.Repeat(open, inner-1) + `{}` + strings.Repeat(close, inner-1) + `}`)
			}
			_, ok := readMembers(doc, nil)
			assert.Equal(t, json.Valid(doc), ok, "profondeur %d (%s)", depth, open)
			assert.Equal(t, depth <= 10000, ok, "profondeur %d (%s)", depth, open)
		}
	}
}
