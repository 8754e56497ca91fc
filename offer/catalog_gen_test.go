package offer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/gen/catalogues/golit"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// The catalogues are the JSON files of catalogues/; the package holds them as
// generated Go literals (catalog_gen.go). The committed file is the
// generator's output (no drift), and every exported catalogue equals its
// file as decoded and checked by encoding/json through spie.LoadDefinitions
// (the decoder the package used at init before): an independent oracle of
// the literal, which also proves that no catalogue can fail to load.
func TestCataloguesAreTheirJSON(t *testing.T) {
	want, err := golit.Render(".", "catalogues", "offer")
	require.NoError(t, err)
	got, err := os.ReadFile("catalog_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "catalog_gen.go a dérivé : lancez go generate ./offer")

	exported := map[string]spie.Definitions{
		"catalogues/categories.json":               offer.Categories,
		"catalogues/thematiques.json":              offer.Thematiques,
		"catalogues/publics.json":                  offer.Publics,
		"catalogues/types.json":                    offer.TypesService,
		"catalogues/frais.json":                    offer.FraisList,
		"catalogues/modes_accueil.json":            offer.ModesAccueil,
		"catalogues/modes_mobilisation.json":       offer.ModesMobilisation,
		"catalogues/personnes_mobilisatrices.json": offer.PersonnesMobilisatrices,
		"catalogues/reseaux_porteurs.json":         offer.ReseauxPorteurs,
		"catalogues/v0_thematiques.json":           offer.V0Thematiques,
		"catalogues/v0_profils.json":               offer.V0Profils,
		"catalogues/v0_frais.json":                 offer.V0Frais,
		"catalogues/v0_labels_nationaux.json":      offer.V0LabelsNationaux,
		"catalogues/v0_typologies.json":            offer.V0Typologies,
	}
	files, err := filepath.Glob("catalogues/*.json")
	require.NoError(t, err)
	require.Len(t, files, len(exported), "un catalogue de catalogues/ sans variable exportée testée ici")
	for name, ds := range exported {
		decoded, err := spie.LoadDefinitions(os.DirFS("."), name)
		require.NoError(t, err, name)
		assert.Equal(t, decoded, ds, name)
	}
}
