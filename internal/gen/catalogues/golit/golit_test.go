package golit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/internal/gen/catalogues/golit"
)

func TestVarName(t *testing.T) {
	// Expected names worked by hand from the rule: "catalog", then each part
	// of the base name between _ or - with its first letter in capital.
	for in, want := range map[string]string{
		"catalog/situations.json":             "catalogSituations",
		"catalogues/v0_labels_nationaux.json": "catalogV0LabelsNationaux",
		"modes-accueil.json":                  "catalogModesAccueil",
	} {
		assert.Equal(t, want, golit.VarName(in), in)
	}
}

func TestRenderRefusesAnEmptyFolder(t *testing.T) {
	_, err := golit.Render(t.TempDir(), ".", "x")
	assert.Error(t, err)
}
