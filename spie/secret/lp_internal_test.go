package secret

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRangeOfExactness: the triangle x+y = y+z = x+z = 1 has a single real
// solution, x = y = z = ½ (worked by hand: adding the three, x+y+z = 3/2),
// and no integer one: its bounds are not exact. A table with margins (x+y =
// 3, x+z = 2, y+w = 4, z+w = 3) has integer vertices: x ∈ [0, 2] exactly.
func TestRangeOfExactness(t *testing.T) {
	f, ok := newFeasible([][]float64{{1, 1, 0}, {0, 1, 1}, {1, 0, 1}}, []float64{1, 1, 1}, 3)
	require.True(t, ok)
	lo, hi, inf, exact := f.rangeOf(0)
	assert.InDelta(t, 0.5, lo, 1e-9)
	assert.InDelta(t, 0.5, hi, 1e-9)
	assert.False(t, inf)
	assert.False(t, exact)

	f, ok = newFeasible([][]float64{{1, 1, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}, {0, 0, 1, 1}}, []float64{3, 2, 4, 3}, 4)
	require.True(t, ok)
	lo, hi, inf, exact = f.rangeOf(0)
	assert.Equal(t, []any{0.0, 2.0, false, true}, []any{lo, hi, inf, exact})

	_, ok = newFeasible([][]float64{{1, 1}}, []float64{-1}, 2)
	assert.False(t, ok, "x + y = −1 has no non-negative solution")
}
