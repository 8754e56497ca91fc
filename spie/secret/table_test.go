package secret_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie/secret"
)

// TestBreakdown: a published total and its parts, threshold 5; each expected
// line is worked by hand in its name.
func TestBreakdown(t *testing.T) {
	tests := []struct {
		name  string
		parts []int
		want  []string
	}{
		{"nothing small", []int{10, 7, 0}, []string{"10", "7", "0"}},
		{"3 alone would be 22 − 12 − 7 − 0: the smallest positive part (7) goes too, 3 ∈ [0, 10]", []int{12, 3, 7, 0}, []string{"12", "secret", "secret", "0"}},
		{"3 and 2 together: each in [0, 5]", []int{12, 3, 2}, []string{"12", "secret", "secret"}},
		{"3 and 1 together: each in [0, 4], too narrow: 12 goes too", []int{12, 3, 1}, []string{"secret", "secret", "secret"}},
		{"one part: it is the total, both secret", []int{4}, []string{"secret"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab := secret.NewTable(5)
			total := 0
			ids := make([]secret.ID, len(tc.parts))
			for i, n := range tc.parts {
				ids[i] = tab.Count(n)
				total += n
			}
			tab.Sum(tab.Count(total), ids...)
			tab.Protect()
			got := make([]string, len(ids))
			for i, id := range ids {
				got[i] = tab.Cell(id).String()
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestComplementAndInconsistentTables(t *testing.T) {
	tab := secret.NewTable(5)
	base, n := tab.Count(30), tab.Count(27)
	tab.Part(base, n)
	tab.Protect()
	assert.Equal(t, "30", tab.Cell(base).String())
	assert.True(t, tab.Secret(n), "27 of 30: the 3 others are disclosed")
	lo, hi, bounded, ok := tab.Interval(n)
	assert.True(t, ok)
	assert.Equal(t, []any{0, 30, true}, []any{lo, hi, bounded}, "0 ≤ n ≤ 30")

	tab = secret.NewTable(5)
	a, b := tab.Count(10), tab.Count(12)
	tab.Sum(tab.Count(21), a, b)
	tab.Protect()
	assert.True(t, tab.Secret(a) && tab.Secret(b), "10 + 12 ≠ 21: a caller's error is published all secret")

	tab = secret.NewTable(5)
	neg := tab.Count(-1)
	tab.Protect()
	assert.True(t, tab.Secret(neg))
	assert.True(t, tab.Secret(secret.ID(99)), "unknown ID")
}
