package carnet_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/gen/catalogues/golit"
	"github.com/spie-fr/socle/spie"
)

// The catalogues are the JSON files of catalog/; the package holds them as
// generated Go literals (catalog_gen.go). The committed file is the
// generator's output (no drift), and every exported catalogue equals its
// file as decoded and checked by encoding/json through spie.LoadDefinitions
// (the decoder the package used at init before): an independent oracle of
// the literal, which also proves that no catalogue can fail to load.
func TestCataloguesAreTheirJSON(t *testing.T) {
	want, err := golit.Render(".", "catalog", "carnet")
	require.NoError(t, err)
	got, err := os.ReadFile("catalog_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "catalog_gen.go a dérivé : lancez go generate ./carnet")

	exported := map[string]spie.Definitions{
		"catalog/actions.json": carnet.CatalogActions,
	}
	files, err := filepath.Glob("catalog/*.json")
	require.NoError(t, err)
	require.Len(t, files, len(exported), "un catalogue de catalog/ sans variable exportée testée ici")
	for name, ds := range exported {
		decoded, err := spie.LoadDefinitions(os.DirFS("."), name)
		require.NoError(t, err, name)
		assert.Equal(t, decoded, ds, name)
	}
}
