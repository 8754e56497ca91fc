package secret

import (
	"strconv"

	"github.com/spie-fr/socle/spie"
)

// DefaultThreshold is the smallest count of people published (RULES.md §10:
// « Aggregated indicators suppress cells under 5 people (default) »).
const DefaultThreshold = 5

// JSONName is the one JSON name of the threshold in every report and input
// (an integer, a number of people).
const JSONName = "seuil_secret"

// FaultThreshold refuses a threshold below DefaultThreshold: RULES.md §10
// sets the floor of the statistical secret at 5 people, so a report under
// a lower threshold (--seuil 1 publishes every count) is not produced.
// Message arguments: the threshold asked, the floor.
var FaultThreshold = &spie.FaultType{Code: "SECRET-SEUIL-01", Severity: spie.SeverityError, FR: "seuil du secret statistique de %d personne(s) refusé : au moins %d (aucune cellule publiée)", EN: "statistical secret threshold of %d people refused: at least %d (no cell published)", Source: "RULES.md §10 : « Aggregated indicators suppress cells under 5 people (default) » ; un territoire peut relever le seuil, pas l'abaisser"}

// CheckThreshold returns the fault FaultThreshold at path (a JSON Pointer,
// "/seuil_secret" in a policy, "" for a CLI flag) when n is set (n > 0) and
// below DefaultThreshold, nil otherwise. Every publisher calls it before
// publishing and publishes no cell when it refuses.
func CheckThreshold(n int, path string) *spie.Fault {
	if n > 0 && n < DefaultThreshold {
		f := FaultThreshold.At(path, n, DefaultThreshold)
		return &f
	}
	return nil
}

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
