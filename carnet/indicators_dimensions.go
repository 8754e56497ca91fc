package carnet

import "github.com/spie-fr/socle/spie"

// IndicatorDimensions is the code list of the breakdowns of a Report
// (Group.Dimension), in the report's order: the whole population, then by
// cohort, territory (département of residence) and public (RULES.md §12:
// « Broken down by cohort, territory and public »).
var IndicatorDimensions = spie.Definitions{
	{Key: "ensemble", Label: spie.Label{FR: "Ensemble des personnes", EN: "All people"}, Source: "RULES.md §12"},
	{Key: "cohorte", Label: spie.Label{FR: "Cohorte", EN: "Cohort"}, Source: "RULES.md §12"},
	{Key: "territoire", Label: spie.Label{FR: "Département de résidence", EN: "Département of residence"}, Source: "RULES.md §12"},
	{Key: "public", Label: spie.Label{FR: "Public", EN: "Public"}, Source: "RULES.md §12"},
}

// IndicatorMeasures is the code list of how an indicator is measured (map
// "mesure" of Indicators): a count of people, a share of a base, a median
// delay in days (RULES.md §12).
var IndicatorMeasures = spie.Definitions{
	{Key: "taux", Label: spie.Label{FR: "Parts (en %)", EN: "Shares (%)"}, Source: "RULES.md §12",
		Description: spie.Label{FR: "Part des personnes (ou des prescriptions) de la base qui remplissent le critère.", EN: "Share of the people (or prescriptions) of the base who meet the criterion."}},
	{Key: "effectif", Label: spie.Label{FR: "Effectifs (personnes)", EN: "Counts (people)"}, Source: "RULES.md §12",
		Description: spie.Label{FR: "Nombre de personnes.", EN: "Number of people."}},
	{Key: "mediane", Label: spie.Label{FR: "Délais médians (en jours)", EN: "Median delays (days)"}, Source: "RULES.md §12",
		Description: spie.Label{FR: "Délai médian en jours ; la base est le nombre de personnes dont le délai est connu.", EN: "Median delay in days; the base is the number of people whose delay is known."}},
}
