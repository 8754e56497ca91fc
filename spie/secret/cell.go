package secret

import "strconv"

// DefaultThreshold is the smallest count of people published (RULES.md §10:
// « Aggregated indicators suppress cells under 5 people (default) »).
const DefaultThreshold = 5

// JSONName is the one JSON name of the threshold in every report and input
// (an integer, a number of people).
const JSONName = "seuil_secret"

// Threshold returns n, or DefaultThreshold when n ≤ 0 (not set).
func Threshold(n int) int {
	if n <= 0 {
		return DefaultThreshold
	}
	return n
}

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
		return strconv.Itoa(v)
	}
	return "secret"
}

// Open returns a published cell, for counts that are not people (structures).
func Open(n int) Cell { return Cell{Value: &n} }
