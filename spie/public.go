package spie

// Public is a target public of the SPIE seed projects.
type Public string

const sourceSeeds = "Projets SPIE de Seine-et-Marne, de l'Aisne, des Bouches-du-Rhône et de l'Aude"

// Publics is the code list of target publics, mapped to data·inclusion v1 publics.
var Publics = Definitions{
	{Key: "brsa", Label: Label{"Bénéficiaires du RSA", "RSA beneficiaries"}, Source: sourceSeeds,
		Description: Label{"Personnes bénéficiaires du revenu de solidarité active.", "People receiving the revenu de solidarité active."},
		Map:         map[string][]string{MapDataInclusionPublic: {"beneficiaires-des-minimas-sociaux"}}},
	{Key: "jeunes-moins-26", Label: Label{"Jeunes de moins de 26 ans", "Young people under 26"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"jeunes"}}},
	{Key: "jeunes-18-30", Label: Label{"Jeunes de 18 à 30 ans", "Young people aged 18 to 30"}, Source: "Cohorte SPIE de Laon (Aisne)",
		Map: map[string][]string{MapDataInclusionPublic: {"jeunes"}}},
	{Key: "personnes-handicap", Label: Label{"Personnes en situation de handicap", "People with disabilities"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"personnes-en-situation-de-handicap"}}},
	{Key: "boeth", Label: Label{"Bénéficiaires de l'obligation d'emploi (BOETH)", "Beneficiaries of the employment obligation (BOETH)"}, Source: "C. trav. L5212-13",
		Map: map[string][]string{MapDataInclusionPublic: {"personnes-en-situation-de-handicap"}}},
	{Key: "rqth", Label: Label{"Reconnaissance de la qualité de travailleur handicapé (RQTH)", "Recognised disabled workers (RQTH)"}, Source: "C. trav. L5213-1",
		Map: map[string][]string{MapDataInclusionPublic: {"personnes-en-situation-de-handicap"}}},
	{Key: "deld", Label: Label{"Demandeurs d'emploi de longue durée (12 à 24 mois)", "Long-term jobseekers (12 to 24 months)"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"demandeurs-emploi"}}},
	{Key: "detld", Label: Label{"Demandeurs d'emploi de très longue durée (24 mois et plus)", "Very long-term jobseekers (24 months or more)"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"demandeurs-emploi"}}},
	{Key: "residents-qpv", Label: Label{"Résidents des quartiers prioritaires (QPV)", "Residents of priority urban districts (QPV)"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"residents-qpv-frr"}}},
	{Key: "residents-frr", Label: Label{"Résidents France Ruralités Revitalisation (FRR)", "Residents of rural revitalisation zones (FRR)"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"residents-qpv-frr"}}},
	{Key: "familles-monoparentales", Label: Label{"Familles monoparentales", "Single-parent families"}, Source: "Cohorte SPIE de La Fère, Chauny, Tergnier (Aisne)",
		Map: map[string][]string{MapDataInclusionPublic: {"familles"}}},
	{Key: "sortants-sans-solution", Label: Label{"Sortants d'actions d'insertion sans solution", "Leavers of insertion actions without a next step"}, Source: "Cohorte SPIE de Soissons et Château-Thierry (Aisne)",
		Map: map[string][]string{MapDataInclusionPublic: {"demandeurs-emploi"}}},
	{Key: "jeunes-sortant-ase", Label: Label{"Jeunes sortant de l'aide sociale à l'enfance (ASE)", "Young people leaving child welfare (ASE)"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"jeunes"}}},
	{Key: "primo-arrivants", Label: Label{"Primo-arrivants", "Newly arrived migrants"}, Source: sourceSeeds,
		Map: map[string][]string{MapDataInclusionPublic: {"personnes-exilees"}}},
}

// Definitions returns the code list of the publics.
func (Public) Definitions() Definitions { return Publics }

// Valid reports whether p is a known public.
func (p Public) Valid() bool { return Publics.Has(string(p)) }
