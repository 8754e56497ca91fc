package schemas

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// uniqueSmall decides as a map of the items seen does (the oracle), on
// lists of 0 to 20 items drawn from 1 to 8 values (so that repeats are
// frequent and absent), across the 16-item switch of uniqueOf.
func TestUniqueOfAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	repeats := 0
	for range 20000 {
		s := make([]string, rng.IntN(21))
		values := 1 + rng.IntN(8)
		for i := range s {
			s[i] = string(rune('a' + rng.IntN(values)))
		}
		seen := map[string]bool{}
		want := true
		for _, x := range s {
			want = want && !seen[x]
			seen[x] = true
		}
		if !want {
			repeats++
		}
		require.Equal(t, want, uniqueOf(s), "%q", s)
		require.Equal(t, want, uniqueSmall(s), "%q", s)
	}
	require.Greater(t, repeats, 1000)
}
