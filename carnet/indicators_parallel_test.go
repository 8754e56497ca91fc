package carnet_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// withUnreadable copies the stream, writing an unreadable line after every
// `every` carnets, so that unreadable carnets fall in every batch.
func withUnreadable(t *testing.T, r io.Reader, every int) []byte {
	t.Helper()
	var out bytes.Buffer
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for i := 0; sc.Scan(); i++ {
		out.Write(sc.Bytes())
		out.WriteByte('\n')
		if i%every == every-1 {
			fmt.Fprintf(&out, "{illisible %d\n", i)
		}
	}
	require.NoError(t, sc.Err())
	return out.Bytes()
}

// TestIndicatorsParallelSameReport: with any number of workers the report
// is the single-threaded one, byte for byte, on generated streams: large
// ones (batches shared between workers, unreadable carnets everywhere, more
// than the 20 detailed) and small ones (groups under the statistical
// secret, published or not by the complement rules).
func TestIndicatorsParallelSameReport(t *testing.T) {
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	read := func(r io.Reader) []byte {
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		return b
	}
	inputs = append(inputs, input{"1200 carnets", read(newStream(1200, 1))})
	inputs = append(inputs, input{"1200 carnets, une ligne illisible sur 47", withUnreadable(t, newStream(1200, 2), 47)})
	for _, n := range []int{7, 12, 40, 300} {
		inputs = append(inputs, input{fmt.Sprintf("%d carnets", n), read(newStream(n, uint64(n)))})
	}
	secretCells := 0
	for _, in := range inputs {
		want, err := carnet.ComputeIndicators(bytes.NewReader(in.data), "2025-12-31", carnet.DefaultPolicy())
		require.NoError(t, err)
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)
		for _, g := range want.Groups {
			if g.Suppressed {
				secretCells++
			}
		}
		for _, workers := range []int{0, 2, 8} {
			got, err := carnet.ComputeIndicatorsParallel(bytes.NewReader(in.data), "2025-12-31", carnet.DefaultPolicy(), workers)
			require.NoError(t, err)
			gotJSON, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, string(wantJSON), string(gotJSON), "%s, %d workers", in.name, workers)
		}
	}
	assert.Positive(t, secretCells, "aucun groupe sous le secret statistique : le test ne le couvre pas")
	// The unreadable lines: 25 in all (1200/47), the first 20 detailed, in
	// order; the first follows the 47th carnet (line 48), the 20th the
	// 940th carnet and 19 unreadable lines (line 960).
	rep, err := carnet.ComputeIndicatorsParallel(bytes.NewReader(inputs[1].data), "2025-12-31", carnet.DefaultPolicy(), 3)
	require.NoError(t, err)
	assert.Equal(t, 25, rep.Unreadable)
	require.Len(t, rep.Errors, 20)
	assert.Equal(t, "/48", rep.Errors[0].Path)
	assert.Equal(t, "/960", rep.Errors[19].Path)
}

// ExampleComputeIndicatorsParallel computes the indicators with two workers.
func ExampleComputeIndicatorsParallel() {
	rep, err := carnet.ComputeIndicatorsParallel(newStream(500, 3), "2025-12-31", carnet.DefaultPolicy(), 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Read, "carnets lus,", rep.Unreadable, "illisible")
	// Output: 500 carnets lus, 0 illisible
}
