package cohort

import (
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

const sourceCohorts = "Guide SPIE de l'Aisne ; RULES.md §8"

// Criterion is a public criterion a cohort may require, read from the
// criteres_publics of the socle commun diagnostic.
type Criterion string

// Criteria is the code list of the public criteria of cohorts; the Map key
// "diagnostic/critere" names the field of diagnostic.PublicCriteria.
var Criteria = spie.Definitions{
	{Key: "rsa", Label: spie.Label{FR: "Bénéficiaire du RSA", EN: "RSA beneficiary"}, Source: sourceCohorts, Map: diagField("rsa")},
	{Key: "ass", Label: spie.Label{FR: "Bénéficiaire de l'ASS", EN: "ASS beneficiary"}, Source: sourceCohorts, Map: diagField("ass")},
	{Key: "aah", Label: spie.Label{FR: "Bénéficiaire de l'AAH", EN: "AAH beneficiary"}, Source: sourceCohorts, Map: diagField("aah")},
	{Key: "rqth", Label: spie.Label{FR: "Reconnaissance de la qualité de travailleur handicapé", EN: "Recognised disabled worker"}, Source: sourceCohorts, Map: diagField("rqth")},
	{Key: "boeth", Label: spie.Label{FR: "Bénéficiaire de l'obligation d'emploi", EN: "Beneficiary of the employment obligation"}, Source: sourceCohorts, Map: diagField("boeth")},
	{Key: "ase", Label: spie.Label{FR: "Jeune sortant de l'aide sociale à l'enfance", EN: "Young person leaving child welfare"}, Source: sourceCohorts, Map: diagField("ase")},
	{Key: "qpv", Label: spie.Label{FR: "Résident d'un quartier prioritaire", EN: "Resident of a priority district"}, Source: sourceCohorts, Map: diagField("qpv")},
	{Key: "frr", Label: spie.Label{FR: "Résident France Ruralités Revitalisation", EN: "Resident of a rural revitalisation zone"}, Source: sourceCohorts, Map: diagField("frr")},
	{Key: "parent-isole", Label: spie.Label{FR: "Parent isolé (famille monoparentale)", EN: "Single parent"}, Source: sourceCohorts, Map: diagField("parent_isole")},
	{Key: "sans-hebergement", Label: spie.Label{FR: "Sans hébergement ou hébergé en urgence", EN: "Homeless or in emergency shelter"}, Source: sourceCohorts, Map: diagField("sans_hebergement")},
	{Key: "refugie", Label: spie.Label{FR: "Réfugié ou demandeur d'asile", EN: "Refugee or asylum seeker"}, Source: sourceCohorts, Map: diagField("refugie")},
	{Key: "sous-main-justice", Label: spie.Label{FR: "Personne placée sous main de justice", EN: "Person under judicial supervision"}, Source: sourceCohorts, Map: diagField("sous_main_justice")},
	{Key: "francais-inferieur-a1", Label: spie.Label{FR: "Maîtrise du français inférieure au niveau A1", EN: "French below level A1"}, Source: sourceCohorts, Map: diagField("francais_inferieur_a1")},
	{Key: "sortant-sans-solution", Label: spie.Label{FR: "Sortant d'une action d'insertion sans solution", EN: "Leaver of an insertion action without a next step"}, Source: sourceCohorts, Map: diagField("sortant_sans_solution")},
	{Key: "primo-arrivant", Label: spie.Label{FR: "Primo-arrivant", EN: "Newly arrived migrant"}, Source: sourceCohorts, Map: diagField("primo_arrivant")},
	{Key: "deld", Label: spie.Label{FR: "Demandeur d'emploi de longue durée (12 mois ou plus)", EN: "Long-term jobseeker (12 months or more)"}, Source: "RULES.md §7", Map: diagField("mois_inscription_demandeur_emploi")},
	{Key: "detld", Label: spie.Label{FR: "Demandeur d'emploi de très longue durée (24 mois ou plus)", EN: "Very long-term jobseeker (24 months or more)"}, Source: "RULES.md §7", Map: diagField("mois_inscription_demandeur_emploi")},
}

// MapDiagnosticField names the diagnostic field a criterion reads.
const MapDiagnosticField = "diagnostic/critere"

func diagField(f string) map[string][]string { return map[string][]string{MapDiagnosticField: {f}} }

// Definitions implements spie.Enum.
func (Criterion) Definitions() spie.Definitions { return Criteria }

// value reads the criterion from public criteria; known is false when the
// information is absent (months registered not given).
func (c Criterion) value(p diagnostic.PublicCriteria) (v, known bool) {
	switch c {
	case "rsa":
		return p.RSA, true
	case "ass":
		return p.ASS, true
	case "aah":
		return p.AAH, true
	case "rqth":
		return p.RQTH, true
	case "boeth":
		return p.BOETH, true
	case "ase":
		return p.ASE, true
	case "qpv":
		return p.QPV, true
	case "frr":
		return p.FRR, true
	case "parent-isole":
		return p.ParentIsole, true
	case "sans-hebergement":
		return p.SansHebergement, true
	case "refugie":
		return p.Refugie, true
	case "sous-main-justice":
		return p.SousMainJustice, true
	case "francais-inferieur-a1":
		return p.FrancaisInferieurA1, true
	case "sortant-sans-solution":
		return p.SortantSansSolution, true
	case "primo-arrivant":
		return p.PrimoArrivant, true
	case "deld", "detld":
		if p.MonthsRegistered == nil {
			return false, false
		}
		min := 12
		if c == "detld" {
			min = 24
		}
		return *p.MonthsRegistered >= min, true
	}
	return false, false
}
