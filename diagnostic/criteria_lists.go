package diagnostic

import (
	"reflect"
	"strings"

	"github.com/spie-fr/socle/spie"
)

// PublicCriteriaFlags is the code list of the yes/no public criteria of
// PublicCriteria, keyed by their JSON names: forms label their fields from it
// and Flag reaches each one. A test keeps it equal to the struct's fields.
var PublicCriteriaFlags = spie.Definitions{
	{Key: "rsa", Label: spie.Label{FR: "Bénéficiaire du RSA", EN: "RSA beneficiary"}, Source: "CASF L262-1"},
	{Key: "ass", Label: spie.Label{FR: "Bénéficiaire de l'allocation de solidarité spécifique (ASS)", EN: "Specific solidarity allowance (ASS) beneficiary"}, Source: "C. trav. L5423-1"},
	{Key: "aah", Label: spie.Label{FR: "Bénéficiaire de l'allocation aux adultes handicapés (AAH)", EN: "Disabled adult allowance (AAH) beneficiary"}, Source: "CSS L821-1"},
	{Key: "rqth", Label: spie.Label{FR: "Reconnaissance de la qualité de travailleur handicapé (RQTH)", EN: "Recognised disabled worker (RQTH)"}, Source: "C. trav. L5213-1"},
	{Key: "boeth", Label: spie.Label{FR: "Bénéficiaire de l'obligation d'emploi (BOETH)", EN: "Covered by the disabled employment obligation (BOETH)"}, Source: "C. trav. L5212-13"},
	{Key: "ase", Label: spie.Label{FR: "A été pris en charge par l'aide sociale à l'enfance (ASE)", EN: "Was in the care of child welfare (ASE)"}, Source: "CASF L222-5"},
	{Key: "qpv", Label: spie.Label{FR: "Réside dans un quartier prioritaire (QPV)", EN: "Lives in a priority urban district (QPV)"}, Source: "Loi 2014-173"},
	{Key: "frr", Label: spie.Label{FR: "Réside dans une commune France Ruralités Revitalisation (FRR)", EN: "Lives in a rural revitalisation area (FRR)"}, Source: "Loi 2023-1322, art. 73"},
	{Key: "parent_isole", Label: spie.Label{FR: "Parent isolé", EN: "Single parent"}, Source: sourceSocle},
	{Key: "sans_hebergement", Label: spie.Label{FR: "Sans hébergement ou hébergé en urgence", EN: "Homeless or in emergency shelter"}, Source: sourceSocle},
	{Key: "refugie", Label: spie.Label{FR: "Réfugié, protection subsidiaire ou demandeur d'asile", EN: "Refugee, subsidiary protection or asylum seeker"}, Source: "CESEDA L511-1"},
	{Key: "sous_main_justice", Label: spie.Label{FR: "Placé sous main de justice", EN: "Under judicial supervision"}, Source: sourceSocle},
	{Key: "francais_inferieur_a1", Label: spie.Label{FR: "Maîtrise du français inférieure au niveau A1", EN: "French below level A1"}, Source: "Cadre européen commun de référence pour les langues"},
	{Key: "sortant_sans_solution", Label: spie.Label{FR: "Sortant d'une action d'insertion sans solution", EN: "Left an insertion action without a next step"}, Source: "Cohorte SPIE de Soissons et Château-Thierry (Aisne)"},
	{Key: "primo_arrivant", Label: spie.Label{FR: "Primo-arrivant (en France depuis moins de 5 ans)", EN: "Newly arrived (in France for less than 5 years)"}, Source: "CESEDA L413-2"},
}

// criteriaFlagIndex maps each JSON name of a boolean field of PublicCriteria
// to its field index, read once from the struct tags.
var criteriaFlagIndex = func() map[string]int {
	out := map[string]int{}
	t := reflect.TypeFor[PublicCriteria]()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Bool {
			out[strings.Split(f.Tag.Get("json"), ",")[0]] = i
		}
	}
	return out
}()

// Flag returns a pointer to the yes/no criterion named key (a key of
// PublicCriteriaFlags), or nil when there is none.
func (c *PublicCriteria) Flag(key string) *bool {
	i, ok := criteriaFlagIndex[key]
	if !ok {
		return nil
	}
	return reflect.ValueOf(c).Elem().Field(i).Addr().Interface().(*bool)
}
