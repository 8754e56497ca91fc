package diagnostic

import "github.com/spie-fr/socle/spie"

const (
	sourceCNE    = "Critères nationaux d'orientation, arrêté du 21 novembre 2024"
	sourceDSP    = "France Travail, diagnostic argumenté (DSP)"
	sourceCarnet = "carnet de bord (GIP de l'inclusion)"
	sourceSocle  = "socle SPIE"
)

// Impact is the impact of a frein on the job search (CNE orientation criteria).
type Impact string

// Impacts, from weakest to strongest; non-aborde when the theme was not discussed.
const (
	ImpactNonAborde  Impact = "non-aborde"
	ImpactSansImpact Impact = "sans-impact"
	ImpactMoyen      Impact = "moyen"
	ImpactFort       Impact = "fort"
)

// Impacts is the code list of impacts.
var Impacts = spie.Definitions{
	{Key: "non-aborde", Label: spie.Label{FR: "Non abordé", EN: "Not discussed"}, Source: sourceSocle,
		Description: spie.Label{FR: "La thématique n'a pas été abordée pendant le diagnostic.", EN: "The theme was not discussed."}},
	{Key: "sans-impact", Label: spie.Label{FR: "Sans impact", EN: "No impact"}, Source: sourceCNE,
		Description: spie.Label{FR: "Aucun impact sur la recherche d'emploi.", EN: "No impact on the job search."}},
	{Key: "moyen", Label: spie.Label{FR: "Impact moyen", EN: "Moderate impact"}, Source: sourceCNE,
		Description: spie.Label{FR: "Le frein gêne la recherche d'emploi sans l'empêcher.", EN: "The barrier hinders the job search without preventing it."}},
	{Key: "fort", Label: spie.Label{FR: "Impact fort", EN: "Strong impact"}, Source: sourceCNE,
		Description: spie.Label{FR: "Le frein empêche la recherche d'emploi à court terme.", EN: "The barrier prevents the job search in the short term."}},
}

// Definitions implements spie.Enum.
func (Impact) Definitions() spie.Definitions { return Impacts }

// Rank orders impacts: non-aborde 0, sans-impact 1, moyen 2, fort 3 (−1 when unknown).
func (i Impact) Rank() int {
	for n, d := range Impacts {
		if d.Key == string(i) {
			return n
		}
	}
	return -1
}

// BesoinStatus is how a besoin of the professional project stands (France Travail DSP).
type BesoinStatus string

// Besoin statuses.
const (
	BesoinPointFort  BesoinStatus = "POINT_FORT"
	BesoinBesoin     BesoinStatus = "BESOIN"
	BesoinNonExplore BesoinStatus = "NON_EXPLORE"
)

// BesoinStatuses is the code list of besoin statuses.
var BesoinStatuses = spie.Definitions{
	{Key: "POINT_FORT", Label: spie.Label{FR: "Point fort", EN: "Strength"}, Source: sourceDSP},
	{Key: "BESOIN", Label: spie.Label{FR: "Besoin", EN: "Need"}, Source: sourceDSP},
	{Key: "NON_EXPLORE", Label: spie.Label{FR: "Non exploré", EN: "Not explored"}, Source: sourceDSP},
}

// Definitions implements spie.Enum.
func (BesoinStatus) Definitions() spie.Definitions { return BesoinStatuses }

// SituationValue tells whether a situation applies (France Travail DSP).
type SituationValue string

// Situation values.
const (
	SituationOui        SituationValue = "OUI"
	SituationNon        SituationValue = "NON"
	SituationNonAbordee SituationValue = "NON_ABORDEE"
)

// SituationValues is the code list of situation values.
var SituationValues = spie.Definitions{
	{Key: "OUI", Label: spie.Label{FR: "Oui", EN: "Yes"}, Source: sourceDSP},
	{Key: "NON", Label: spie.Label{FR: "Non", EN: "No"}, Source: sourceDSP},
	{Key: "NON_ABORDEE", Label: spie.Label{FR: "Non abordée", EN: "Not discussed"}, Source: sourceDSP},
}

// Definitions implements spie.Enum.
func (SituationValue) Definitions() spie.Definitions { return SituationValues }

// ObjectifStatus is the progress of an objectif (France Travail DSP).
type ObjectifStatus string

// Objectif statuses.
const (
	ObjectifNonAborde ObjectifStatus = "NON_ABORDE"
	ObjectifEnCours   ObjectifStatus = "EN_COURS"
	ObjectifRealise   ObjectifStatus = "REALISE"
	ObjectifAbandonne ObjectifStatus = "ABANDONNE"
)

// ObjectifStatuses is the code list of objectif statuses.
var ObjectifStatuses = spie.Definitions{
	{Key: "NON_ABORDE", Label: spie.Label{FR: "Non abordé", EN: "Not discussed"}, Source: sourceDSP},
	{Key: "EN_COURS", Label: spie.Label{FR: "En cours", EN: "In progress"}, Source: sourceDSP},
	{Key: "REALISE", Label: spie.Label{FR: "Réalisé", EN: "Achieved"}, Source: sourceDSP},
	{Key: "ABANDONNE", Label: spie.Label{FR: "Abandonné", EN: "Abandoned"}, Source: sourceDSP},
}

// Definitions implements spie.Enum.
func (ObjectifStatus) Definitions() spie.Definitions { return ObjectifStatuses }

// ContrainteStatus is the follow-up of a frein as a whole (France Travail DSP contrainte).
type ContrainteStatus string

// ContrainteStatuses is the code list of frein follow-up statuses.
var ContrainteStatuses = spie.Definitions{
	{Key: "NON_ABORDEE", Label: spie.Label{FR: "Non abordée", EN: "Not discussed"}, Source: sourceDSP},
	{Key: "OUI", Label: spie.Label{FR: "Oui, à travailler", EN: "Yes, to work on"}, Source: sourceDSP},
	{Key: "CLOTUREE", Label: spie.Label{FR: "Clôturée", EN: "Closed"}, Source: sourceDSP},
}

// Definitions implements spie.Enum.
func (ContrainteStatus) Definitions() spie.Definitions { return ContrainteStatuses }
