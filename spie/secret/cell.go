package secret

import "sort"

// DefaultThreshold is the smallest count of people published (RULES.md §10).
const DefaultThreshold = 5

// Cell is a published count: its value, or secret when it is too small.
type Cell struct {
	// Valeur publiée (absente quand elle est secrète).
	Value *int `json:"valeur,omitempty"`
	// Vrai quand la valeur est masquée (secret statistique).
	Secret bool `json:"secret,omitempty"`
}

// Int returns the value and whether it is published.
func (c Cell) Int() (int, bool) {
	if c.Value == nil {
		return 0, false
	}
	return *c.Value, true
}

// String prints the value, or « secret ».
func (c Cell) String() string {
	if v, ok := c.Int(); ok {
		return itoa(v)
	}
	return "secret"
}

// Open returns a published cell (counts of structures).
func Open(n int) Cell { return Cell{Value: &n} }

// Suppress returns n as a cell, secret when 0 < n < threshold (threshold ≤ 0:
// DefaultThreshold).
func Suppress(n, threshold int) Cell {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	if n > 0 && n < threshold {
		return Cell{Secret: true}
	}
	return Open(n)
}

// SuppressBreakdown returns the cells of a breakdown whose total is
// published: small cells are secret, and when exactly one cell is secret the
// smallest other non-zero cell is made secret too (complementary
// suppression), so that the secret one cannot be recomputed from the total.
func SuppressBreakdown(counts []int, threshold int) []Cell {
	out := make([]Cell, len(counts))
	secret := 0
	for i, n := range counts {
		out[i] = Suppress(n, threshold)
		if out[i].Secret {
			secret++
		}
	}
	if secret == 1 {
		idx := make([]int, 0, len(counts))
		for i, n := range counts {
			if !out[i].Secret && n > 0 {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return counts[idx[a]] < counts[idx[b]] })
		if len(idx) > 0 {
			out[idx[0]] = Cell{Secret: true}
		}
	}
	return out
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
