package main

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// filler is a reader of head, then n bytes 'x', then tail, made on the fly
// so that the test holds none of it.
type filler struct {
	head, tail []byte
	n          int64
}

func (r *filler) Read(p []byte) (int, error) {
	switch {
	case len(r.head) > 0:
		k := copy(p, r.head)
		r.head = r.head[k:]
		return k, nil
	case r.n > 0:
		k := min(int64(len(p)), r.n)
		for i := range p[:k] {
			p[i] = 'x'
		}
		r.n -= k
		return int(k), nil
	case len(r.tail) > 0:
		k := copy(p, r.tail)
		r.tail = r.tail[k:]
		return k, nil
	}
	return 0, io.EOF
}

// TestLargeInputsThroughTheCLI: spie validate reads a 300 MB array element
// and a 2 GB NDJSON line in the middle of a stream in bounded memory (under
// 100 MB taken from the system), reports each with its size and validates
// the documents around them. Slow: run with SPIE_LARGE_TESTS=1.
func TestLargeInputsThroughTheCLI(t *testing.T) {
	if os.Getenv("SPIE_LARGE_TESTS") == "" {
		t.Skip("SPIE_LARGE_TESTS=1 pour lire 300 Mo et 2 Go")
	}
	valid := compactFile(t, exDiag+"jeune-laon.json")
	for _, tc := range []struct {
		name string
		r    func() io.Reader
		size string // worked by hand: the element or line, quotes and braces included
	}{
		{"élément de tableau de 300 Mo", func() io.Reader {
			return &filler{head: []byte("[" + valid + `,{"id":"`), n: 300_000_000, tail: []byte(`"},` + valid + "]")}
		}, "300000009 octets"},
		{"ligne NDJSON de 2 Go au milieu", func() io.Reader {
			return &filler{head: []byte(valid + "\n" + `{"id":"`), n: 2_000_000_000, tail: []byte("\"}\n" + valid + "\n")}
		}, "2000000009 octets"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GC()
			var out, errOut bytes.Buffer
			code := run(&cli{stdin: tc.r(), stdout: &out, stderr: &errOut, now: today}, []string{"validate", "--kind", "diagnostic", "-"})
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("mémoire obtenue du système : %d Mo", ms.Sys>>20)
			assert.Less(t, ms.Sys, uint64(100<<20))
			assert.Equal(t, exitInvalid, code, errOut.String())
			require.Contains(t, out.String(), "3 document(s) : 2 valide(s), 1 invalide(s)")
			assert.Contains(t, out.String(), "INPUT-SIZE-01")
			assert.Contains(t, out.String(), tc.size)
			assert.Equal(t, 1, strings.Count(out.String(), "invalide\n"))
		})
	}
}
