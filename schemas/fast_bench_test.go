package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

// benchDocs returns the valid diagnostic examples, compacted (one NDJSON
// line each, as exchanged in bulk).
func benchDocs(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "examples", "diagnostic", "*.json"))
	if len(files) == 0 {
		b.Skip("exemples de diagnostic absents")
	}
	var out [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			b.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

func runBench(b *testing.B, f func(doc []byte)) {
	docs := benchDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f(docs[i%len(docs)])
	}
}

// BenchmarkValidateExamplesDiagnostic is schemas.Validate (the fast path of
// the diagnostic) over every valid diagnostic example.
func BenchmarkValidateExamplesDiagnostic(b *testing.B) {
	runBench(b, func(doc []byte) {
		if fs := schemas.Validate("diagnostic", doc, benchNow); !fs.Valid() {
			b.Fatal("document invalide : ", fs)
		}
	})
}

// BenchmarkInterpretDiagnostic is the JSON Schema interpreter path (the one
// Validate takes for kinds without a fast path) on the same documents.
func BenchmarkInterpretDiagnostic(b *testing.B) {
	runBench(b, func(doc []byte) {
		if fs := schemas.Interpret("diagnostic", doc, benchNow); !fs.Valid() {
			b.Fatal("document invalide : ", fs)
		}
	})
}

// BenchmarkDecodeFastDiagnostic is the fast path without the Go rules.
func BenchmarkDecodeFastDiagnostic(b *testing.B) {
	runBench(b, func(doc []byte) {
		if fs, ok := schemas.Decode("diagnostic", doc, new(diagnostic.Diagnostic)); !ok {
			b.Fatal("document invalide : ", fs)
		}
	})
}

// BenchmarkDecodeStdlibDiagnostic is encoding/json's typed decode alone,
// with no check at all: the floor the fast path is compared with.
func BenchmarkDecodeStdlibDiagnostic(b *testing.B) {
	runBench(b, func(doc []byte) {
		if err := json.Unmarshal(doc, new(diagnostic.Diagnostic)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkCheckInputDiagnostic is the input layer alone (syntax, limits,
// UTF-8, repeated keys), which the schema path runs before the schema.
func BenchmarkCheckInputDiagnostic(b *testing.B) {
	runBench(b, func(doc []byte) {
		if fs := schemas.CheckInput(doc, schemas.Limits{}); fs != nil {
			b.Fatal(fs)
		}
	})
}

// BenchmarkRulesDiagnostic is the Go rules alone on a decoded document.
func BenchmarkRulesDiagnostic(b *testing.B) {
	docs := benchDocs(b)
	ds := make([]*diagnostic.Diagnostic, len(docs))
	for i, doc := range docs {
		ds[i] = new(diagnostic.Diagnostic)
		if err := json.Unmarshal(doc, ds[i]); err != nil {
			b.Fatal(err)
		}
	}
	now := benchNowTime()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ds[i%len(ds)].Check(now)
	}
}

func benchNowTime() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) }

var benchNow = schemas.WithNow(benchNowTime)

// BenchmarkValidateCorpusDiagnostic is schemas.Validate over the NDJSON
// corpus of the bench (go run ./bench writes it, 10 % of its documents
// refused: <work>/corpus.ndjson), named by SOCLE_BENCH_CORPUS; skipped
// without it.
func BenchmarkValidateCorpusDiagnostic(b *testing.B) {
	name := os.Getenv("SOCLE_BENCH_CORPUS")
	if name == "" {
		b.Skip("SOCLE_BENCH_CORPUS : corpus NDJSON du banc (go run ./bench) non donné")
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	docs := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
	b.SetBytes(int64(len(raw) / len(docs)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		schemas.Validate("diagnostic", docs[i%len(docs)], benchNow)
	}
}
