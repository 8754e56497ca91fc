package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzReadDocuments checks the input reader of spie validate on any input:
// it never panics, numbers documents 1, 2, 3… in order, never gives both
// data and an error, and on NDJSON gives exactly the non-empty lines.
func FuzzReadDocuments(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", `{"a":1}`, "{\"a\":1}\n{\"b\":2}\n", "{\"a\":1}\r\n\r\n{\"b\":2}", "\xEF\xBB\xBF{\"a\":1}\n[1]\n",
		"[{\"a\":1},{\"b\":2}]", "[1,2", "[{\"a\":}]", "{\n  \"a\": 1\n}\n", "{oops\n{\"a\":1}", "  \n {\"a\":1}\n{bad\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var docs []document
		_ = readDocuments(bytes.NewReader(data), func(d document) bool {
			docs = append(docs, d)
			return true
		})
		for i, d := range docs {
			if d.n != i+1 {
				t.Fatalf("document %d numéroté %d", i+1, d.n)
			}
			// A region of blanks that JSON does not know (\v, \f, U+00A0)
			// gives an empty document, which the validator reports as
			// unreadable; a document never has both data and an error.
			if d.err != nil && len(d.data) > 0 {
				t.Fatalf("document %d : données %q et erreur %v", d.n, d.data, d.err)
			}
		}
		in := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		var lines [][]byte
		for _, l := range bytes.Split(in, []byte("\n")) {
			if l = bytes.TrimSpace(l); len(l) > 0 {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 || lines[0][0] == '[' || !json.Valid(lines[0]) {
			return
		}
		if len(docs) != len(lines) {
			t.Fatalf("NDJSON de %d lignes lu en %d documents", len(lines), len(docs))
		}
		for i, d := range docs {
			if !bytes.Equal(d.data, lines[i]) {
				t.Fatalf("ligne %d : lu %q au lieu de %q", i+1, d.data, lines[i])
			}
		}
	})
}
