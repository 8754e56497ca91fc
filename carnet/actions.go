package carnet

import (
	"sync"

	"github.com/spie-fr/socle/spie"
)

// MapCarnetAction maps to the actions of the carnet de bord referential,
// "theme|libelle".
const MapCarnetAction = "carnet-de-bord/action"

// The referential is the JSON file catalog/actions.json (checked by
// spie.LoadDefinitions); catalog_gen.go holds it as a Go literal so that no
// JSON is decoded at package initialisation (issue 17 item 4). A test
// compares the literal to its decoded file.
//
//go:generate go run ../internal/gen/catalogues -dir catalog -pkg carnet -out catalog_gen.go

// CatalogActions is the referential of the 134 actions of the carnet de bord
// (GIP de l'inclusion), with French and English labels. Group is the SPIE
// thématique of the action.
var CatalogActions = catalogActions

// CatalogAction is a key of CatalogActions.
type CatalogAction string

// actionIndex holds the lookups of CatalogActions, by key and by carnet de
// bord entry ("theme|libelle").
type actionIndex struct {
	byKey    map[string]spie.Definition
	byCarnet map[string]CatalogAction
}

// catalogActionIndex is built on first use, not at package initialisation
// (issue 17 item 4: a widget starts without it).
var catalogActionIndex = sync.OnceValue(func() actionIndex {
	ix := actionIndex{
		byKey:    make(map[string]spie.Definition, len(CatalogActions)),
		byCarnet: make(map[string]CatalogAction, len(CatalogActions)),
	}
	for _, d := range CatalogActions {
		ix.byKey[d.Key] = d
		for _, v := range d.Map[MapCarnetAction] {
			ix.byCarnet[v] = CatalogAction(d.Key)
		}
	}
	return ix
})

// Definitions implements spie.Enum.
func (CatalogAction) Definitions() spie.Definitions { return CatalogActions }

// Valid reports whether a is a known action.
func (a CatalogAction) Valid() bool {
	_, ok := catalogActionIndex().byKey[string(a)]
	return ok
}

// Label returns the French label of a, or a itself when unknown.
func (a CatalogAction) Label() string {
	if d, ok := catalogActionIndex().byKey[string(a)]; ok {
		return d.Label.FR
	}
	return string(a)
}

// Thematique returns the SPIE thématique of a ("" when a is unknown).
func (a CatalogAction) Thematique() spie.Thematique {
	return spie.Thematique(catalogActionIndex().byKey[string(a)].Group)
}

// CatalogActionForCarnet returns the action of a carnet de bord action, given
// by its theme and libellé exactly as the carnet de bord stores them.
func CatalogActionForCarnet(theme, libelle string) (CatalogAction, bool) {
	a, ok := catalogActionIndex().byCarnet[theme+"|"+libelle]
	return a, ok
}
