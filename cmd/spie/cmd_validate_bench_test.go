package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// benchInput is 5,000 diagnostics (the five examples, compacted, repeated)
// as NDJSON and as an array.
func benchInput(b *testing.B) (ndjson, array []byte) {
	b.Helper()
	var docs [][]byte
	for _, name := range []string{"jeune-laon.json", "boeth-carcassonne.json", "co-diagnostic-melun.json", "parent-isole-chauny.json", "rsa-logement-sante-marseille.json"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "diagnostic", name))
		if err != nil {
			b.Fatal(err)
		}
		var c bytes.Buffer
		if err := json.Compact(&c, raw); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, c.Bytes())
	}
	var all [][]byte
	for i := 0; i < 1000; i++ {
		all = append(all, docs...)
	}
	return append(bytes.Join(all, []byte("\n")), '\n'), append(append([]byte("["), bytes.Join(all, []byte(","))...), ']')
}

// BenchmarkValidate measures spie validate end to end (reading, batching to
// workers, validating, printing in order) on 5,000 diagnostics.
func BenchmarkValidate(b *testing.B) {
	nd, arr := benchInput(b)
	for _, tc := range []struct {
		name string
		in   []byte
	}{{"ndjson", nd}, {"array", arr}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.in)))
			b.ReportAllocs()
			for b.Loop() {
				c := &cli{stdin: bytes.NewReader(tc.in), stdout: io.Discard, stderr: io.Discard, now: today}
				if code := run(c, []string{"validate", "--kind", "diagnostic", "--format", "json", "--workers", "2", "-"}); code != exitOK {
					b.Fatalf("code %d", code)
				}
			}
		})
	}
}

// serviceBenchInput is 5,000 services as NDJSON: the Aisne catalogue
// (429 services of examples/offer) repeated.
func serviceBenchInput(b *testing.B) ([]byte, int) {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "offer", "services-aisne.ndjson"))
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
	const n = 5000
	var out bytes.Buffer
	for i := range n {
		out.Write(lines[i%len(lines)])
		out.WriteByte('\n')
	}
	return out.Bytes(), n
}

// BenchmarkValidateService measures spie validate --kind service end to end
// with one worker (reading, normalising as data·inclusion's models do,
// schema, rules, printing in order) on 5,000 services; docs/s is per
// second of wall time. Run it on two builds, alternately, to compare them
// (BENCHMARKS.md).
func BenchmarkValidateService(b *testing.B) {
	in, n := serviceBenchInput(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		c := &cli{stdin: bytes.NewReader(in), stdout: io.Discard, stderr: io.Discard, now: today}
		if code := run(c, []string{"validate", "--kind", "service", "--format", "json", "--workers", "1", "-"}); code == exitUsage {
			b.Fatalf("code %d", code)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
