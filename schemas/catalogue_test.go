package schemas_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/gen/faults/catalogue"
	"github.com/spie-fr/socle/spie"
)

// The fault catalogue is generated like the schemas (go generate ./schemas);
// a change of a code, a message, a source or a retirement without
// regenerating fails here, as in CI.
func TestFaultCatalogueDoesNotDrift(t *testing.T) {
	c := catalogue.Build()
	js, err := c.JSON()
	require.NoError(t, err)
	committed, err := os.ReadFile(filepath.Join("fautes", "v1", "fautes.json"))
	require.NoError(t, err)
	assert.Equal(t, string(js), string(committed), "fautes/v1/fautes.json a dérivé : lancez go generate ./schemas")
	md, err := os.ReadFile("FAUTES.md")
	require.NoError(t, err)
	assert.Equal(t, string(c.Markdown()), string(md), "FAUTES.md a dérivé : lancez go generate ./schemas")
}

// With every registering package linked (package catalogue imports them),
// the whole registry is sound: well-formed codes used once, messages in both
// languages, a source for each rule, known replacements, one owner package
// per namespace.
func TestFaultCatalogueRegistryIsSound(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
	c := catalogue.Build()
	byCode := map[string]catalogue.Entry{}
	for _, e := range c.Fautes {
		byCode[e.Code] = e
	}
	// Retirements this catalogue records (issue 11): the offer's commune code
	// gave way to the one SPIE- commune code; DIAG-FREINS-01 told two facts.
	for code, by := range map[string][]string{
		"OFFRE-COMMUNE-01": {"SPIE-COMMUNE-02"},
		"DIAG-FREINS-01":   {"DIAG-FREINS-02", "DIAG-FREINS-03"},
	} {
		e, ok := byCode[code]
		require.True(t, ok, code)
		assert.True(t, e.Retiree, code)
		assert.Equal(t, by, e.RemplaceePar, code)
		for _, r := range by {
			assert.False(t, byCode[r].Retiree, r)
		}
	}
	assert.Equal(t, "spie", byCode["SPIE-COMMUNE-02"].Paquet)
	assert.Equal(t, "diagnostic", byCode["DIAG-LOGEMENT-02"].Paquet)
	assert.Equal(t, "internal/clifault", byCode["INPUT-PAIRE-01"].Paquet)
}
