package offer_test

import (
	"testing"

	"github.com/spie-fr/socle/internal/gen/catalogues/golittest"
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
	golittest.CheckCatalogues(t, "catalogues", "offer", map[string]spie.Definitions{
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
	})
}
