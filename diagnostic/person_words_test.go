package diagnostic_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/diagnostic"
)

// Every plain-words answer records an impact of the scale, in the scale's
// order, and every impact but "non abordé" (the absence of an answer) can be
// said in plain words.
func TestPersonImpactsAreImpacts(t *testing.T) {
	assert.NoError(t, diagnostic.PersonImpacts.Check())
	assert.Equal(t, []string{"sans-impact", "moyen", "fort"}, diagnostic.PersonImpacts.Keys())
	for _, d := range diagnostic.PersonImpacts {
		assert.True(t, diagnostic.Impacts.Has(d.Key), d.Key)
		assert.NotEmpty(t, d.Label.EN, d.Key)
	}
}

// The person answers each thématique in plain words; the key recorded is the
// impact of the professional's scale.
func ExamplePersonImpacts() {
	for _, d := range diagnostic.PersonImpacts {
		fmt.Printf("%s → %s\n", d.Label.FR, d.Key)
	}
	// Output:
	// Non, cela ne me gêne pas pour trouver un emploi → sans-impact
	// Oui, cela me gêne un peu → moyen
	// Oui, cela m'empêche de chercher un emploi pour l'instant → fort
}
