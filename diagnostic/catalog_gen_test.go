package diagnostic_test

import (
	"testing"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/gen/catalogues/golittest"
	"github.com/spie-fr/socle/spie"
)

// The catalogues are the JSON files of catalog/; the package holds them as
// generated Go literals (catalog_gen.go). The committed file is the
// generator's output (no drift), and every exported catalogue equals its
// file as decoded and checked by encoding/json through spie.LoadDefinitions
// (the decoder the package used at init before): an independent oracle of
// the literal, which also proves that no catalogue can fail to load.
func TestCataloguesAreTheirJSON(t *testing.T) {
	golittest.CheckCatalogues(t, "catalog", "diagnostic", map[string]spie.Definitions{
		"catalog/situations.json": diagnostic.Situations,
		"catalog/objectifs.json":  diagnostic.Objectifs,
		"catalog/besoins.json":    diagnostic.BesoinDefinitions,
	})
}
