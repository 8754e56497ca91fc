package network

import "github.com/spie-fr/socle/spie"

// Indicators is the code list of the figures of a Report, keyed by their
// JSON name (RULES.md §12: « CTO situations examined and solved »,
// « prescriptions answered within 72 h », cohorts; the structures by
// labelling decision). Map "mesure" says what the figure counts:
// "structures", "personnes" (under the statistical secret), "situations",
// "demandes" or "part" (a share in per cent). The widgets and reports take
// their labels from here.
var Indicators = spie.Definitions{
	{Key: "structures", Label: spie.Label{FR: "Structures", EN: "Organisations"}, Source: "RULES.md §11, §12", Map: mesure("structures")},
	{Key: "effectif_debut", Label: spie.Label{FR: "Effectif au début de la période", EN: "Size at the start of the period"}, Source: "RULES.md §12", Map: mesure("personnes")},
	{Key: "effectif_fin", Label: spie.Label{FR: "Effectif à la fin de la période", EN: "Size at the end of the period"}, Source: "RULES.md §12", Map: mesure("personnes")},
	{Key: "entrees", Label: spie.Label{FR: "Entrées dans la cohorte", EN: "Entries into the cohort"}, Source: "RULES.md §12", Map: mesure("personnes")},
	{Key: "sorties", Label: spie.Label{FR: "Sorties de la cohorte", EN: "Exits from the cohort"}, Source: "RULES.md §12", Map: mesure("personnes")},
	{Key: "situations_examinees", Label: spie.Label{FR: "Situations examinées en comité", EN: "Situations examined by the committee"}, Source: "RULES.md §12", Map: mesure("situations")},
	{Key: "situations_resolues", Label: spie.Label{FR: "Situations résolues", EN: "Situations solved"}, Source: "RULES.md §12 ; spie/committee OutcomeStatuses", Map: mesure("situations")},
	{Key: "situations_en_cours", Label: spie.Label{FR: "Situations dont la solution est en cours", EN: "Situations with a solution in progress"}, Source: "spie/committee OutcomeStatuses", Map: mesure("situations")},
	{Key: "situations_sans_solution", Label: spie.Label{FR: "Situations sans solution à ce stade", EN: "Situations with no solution yet"}, Source: "spie/committee OutcomeStatuses", Map: mesure("situations")},
	{Key: "situations_sans_suite", Label: spie.Label{FR: "Situations dont la suite n'est pas enregistrée", EN: "Situations whose outcome is not recorded"}, Source: "spie/committee Stats", Map: mesure("situations")},
	{Key: "demandes_echues", Label: spie.Label{FR: "Demandes dont le délai de réponse est échu", EN: "Requests whose answer is due"}, Source: "Guide SPIE de l'Aisne ; RULES.md §12", Map: mesure("demandes")},
	{Key: "repondues_dans_delai", Label: spie.Label{FR: "Demandes répondues dans le délai", EN: "Requests answered in time"}, Source: "Guide SPIE de l'Aisne ; RULES.md §12", Map: mesure("demandes")},
	{Key: "part_repondues_dans_delai", Label: spie.Label{FR: "Part des demandes répondues dans le délai", EN: "Share of requests answered in time"}, Source: "Guide SPIE de l'Aisne ; RULES.md §12", Map: mesure("part")},
}

func mesure(m string) map[string][]string { return map[string][]string{"mesure": {m}} }
