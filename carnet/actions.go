package carnet

import (
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

var (
	catalogActionByKey    = make(map[string]spie.Definition, len(CatalogActions))
	catalogActionByCarnet = make(map[string]CatalogAction, len(CatalogActions))
)

func init() {
	for _, d := range CatalogActions {
		catalogActionByKey[d.Key] = d
		for _, v := range d.Map[MapCarnetAction] {
			catalogActionByCarnet[v] = CatalogAction(d.Key)
		}
	}
}

// Definitions implements spie.Enum.
func (CatalogAction) Definitions() spie.Definitions { return CatalogActions }

// Valid reports whether a is a known action.
func (a CatalogAction) Valid() bool {
	_, ok := catalogActionByKey[string(a)]
	return ok
}

// Label returns the French label of a, or a itself when unknown.
func (a CatalogAction) Label() string {
	if d, ok := catalogActionByKey[string(a)]; ok {
		return d.Label.FR
	}
	return string(a)
}

// Thematique returns the SPIE thématique of a ("" when a is unknown).
func (a CatalogAction) Thematique() spie.Thematique {
	return spie.Thematique(catalogActionByKey[string(a)].Group)
}

// CatalogActionForCarnet returns the action of a carnet de bord action, given
// by its theme and libellé exactly as the carnet de bord stores them.
func CatalogActionForCarnet(theme, libelle string) (CatalogAction, bool) {
	a, ok := catalogActionByCarnet[theme+"|"+libelle]
	return a, ok
}
