package input_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/spie-fr/socle/internal/input"
)

// BenchmarkEach reads 10 MB of NDJSON diagnostics (one example repeated).
func BenchmarkEach(b *testing.B) {
	doc, err := os.ReadFile("../../examples/diagnostic/jeune-laon.json")
	if err != nil {
		b.Fatal(err)
	}
	var c bytes.Buffer
	for _, l := range bytes.Split(doc, []byte("\n")) {
		c.Write(bytes.TrimSpace(l))
	}
	line := c.Bytes()
	var in bytes.Buffer
	for in.Len() < 10<<20 {
		in.Write(line)
		in.WriteByte('\n')
	}
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		_ = input.Each(bytes.NewReader(in.Bytes()), input.Options{}, func(input.Doc) error { return nil })
	}
}
