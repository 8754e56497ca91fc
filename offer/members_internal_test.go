package offer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readMembersDecoder is readMembers as it was written before with
// encoding/json's token API: the oracle of the byte scanner.
func readMembersDecoder(data []byte) ([]rawMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []rawMember
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
		out = append(out, rawMember{key, raw})
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
		got, gotOK := readMembers(d)
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
		got, gotOK := readMembers(data)
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
