// Package golittest holds the one test every package with generated
// catalogues runs (diagnostic, offer, carnet): its catalog_gen.go is the
// generator's output, and each exported catalogue equals its JSON file as
// decoded and checked by encoding/json through spie.LoadDefinitions.
package golittest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/gen/catalogues/golit"
	"github.com/spie-fr/socle/spie"
)

// CheckCatalogues runs, in the directory of package pkg (a test's working
// directory), the drift check of catalog_gen.go against golit.Render(".",
// dir, pkg), then compares each exported catalogue with its file of dir
// (exported maps "dir/name.json" to the variable): encoding/json, the
// decoder the package used at init before, is an independent oracle of the
// literal, which also proves that no catalogue can fail to load. Every JSON
// file of dir must have its variable in exported.
func CheckCatalogues(t *testing.T, dir, pkg string, exported map[string]spie.Definitions) {
	t.Helper()
	want, err := golit.Render(".", dir, pkg)
	require.NoError(t, err)
	got, err := os.ReadFile("catalog_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "catalog_gen.go a dérivé : lancez go generate ./"+pkg)

	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.Len(t, files, len(exported), "un catalogue de "+dir+"/ sans variable exportée testée ici")
	for name, ds := range exported {
		decoded, err := spie.LoadDefinitions(os.DirFS("."), name)
		require.NoError(t, err, name)
		assert.Equal(t, decoded, ds, name)
	}
}
