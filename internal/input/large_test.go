package input_test

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/input"
)

// repeated is a reader of head, then n bytes 'x', then tail, made on the
// fly so that the test itself holds none of it.
type repeated struct {
	head, tail []byte
	n          int64
}

func (r *repeated) Read(p []byte) (int, error) {
	switch {
	case len(r.head) > 0:
		k := copy(p, r.head)
		r.head = r.head[k:]
		return k, nil
	case r.n > 0:
		k := int64(len(p))
		if k > r.n {
			k = r.n
		}
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

// TestLargeInputsInBoundedMemory reads a 300 MB array element and a 2 GB
// NDJSON first line: each is reported with its size, the documents after it
// are read, and the memory taken from the system stays under 100 MB. Slow:
// run with SPIE_LARGE_TESTS=1.
func TestLargeInputsInBoundedMemory(t *testing.T) {
	if os.Getenv("SPIE_LARGE_TESTS") == "" {
		t.Skip("SPIE_LARGE_TESTS=1 pour lire 300 Mo et 2 Go")
	}
	for _, tc := range []struct {
		name       string
		r          io.Reader
		size       int // worked by hand: 7 + n + 2
		afterwards int
	}{
		{"élément de tableau de 300 Mo", &repeated{head: []byte(`[{"id":"`), n: 300_000_000, tail: []byte(`"},{"a":1},{"b":2}]`)}, 300_000_009, 2},
		{"première ligne NDJSON de 2 Go", &repeated{head: []byte(`{"id":"`), n: 2_000_000_000, tail: []byte("\"}\n{\"a\":1}\n{\"b\":2}\n")}, 2_000_000_009, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sizes []int
			var codes []string
			var data []string
			require.NoError(t, input.Each(tc.r, input.Options{}, func(d input.Doc) error {
				sizes = append(sizes, d.Size)
				if d.Fault != nil {
					codes = append(codes, d.Fault.Code)
				} else {
					data = append(data, string(bytes.Clone(d.Data)))
				}
				return nil
			}))
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("mémoire obtenue du système : %d Mo", ms.Sys>>20)
			assert.Less(t, ms.Sys, uint64(100<<20))
			require.Len(t, sizes, 1+tc.afterwards)
			assert.Equal(t, tc.size, sizes[0])
			assert.Equal(t, []string{"INPUT-SIZE-01"}, codes)
			assert.Equal(t, `{"a":1} {"b":2}`, strings.Join(data, " "))
		})
	}
}
