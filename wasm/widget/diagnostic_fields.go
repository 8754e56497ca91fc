package widget

import "github.com/spie-fr/socle/diagnostic"

// criteriaFields are the public criteria the form asks, with the French
// wording of the field (the JSON names are those of diagnostic.PublicCriteria).
var criteriaFields = []struct{ key, label string }{
	{"rsa", "Bénéficiaire du RSA"},
	{"ass", "Bénéficiaire de l'allocation de solidarité spécifique (ASS)"},
	{"aah", "Bénéficiaire de l'allocation aux adultes handicapés (AAH)"},
	{"rqth", "Reconnaissance de la qualité de travailleur handicapé (RQTH)"},
	{"boeth", "Bénéficiaire de l'obligation d'emploi (BOETH)"},
	{"ase", "A été pris en charge par l'aide sociale à l'enfance (ASE)"},
	{"qpv", "Réside dans un quartier prioritaire (QPV)"},
	{"frr", "Réside dans une commune France Ruralités Revitalisation (FRR)"},
	{"parent_isole", "Parent isolé"},
	{"sans_hebergement", "Sans hébergement ou hébergé en urgence"},
	{"refugie", "Réfugié, protection subsidiaire ou demandeur d'asile"},
	{"sous_main_justice", "Placé sous main de justice"},
	{"francais_inferieur_a1", "Maîtrise du français inférieure au niveau A1"},
	{"sortant_sans_solution", "Sortant d'une action d'insertion sans solution"},
	{"primo_arrivant", "Primo-arrivant (en France depuis moins de 5 ans)"},
}

// criterion returns a pointer to the boolean of a criterion.
func criterion(c *diagnostic.PublicCriteria, key string) *bool {
	switch key {
	case "rsa":
		return &c.RSA
	case "ass":
		return &c.ASS
	case "aah":
		return &c.AAH
	case "rqth":
		return &c.RQTH
	case "boeth":
		return &c.BOETH
	case "ase":
		return &c.ASE
	case "qpv":
		return &c.QPV
	case "frr":
		return &c.FRR
	case "parent_isole":
		return &c.ParentIsole
	case "sans_hebergement":
		return &c.SansHebergement
	case "refugie":
		return &c.Refugie
	case "sous_main_justice":
		return &c.SousMainJustice
	case "francais_inferieur_a1":
		return &c.FrancaisInferieurA1
	case "sortant_sans_solution":
		return &c.SortantSansSolution
	case "primo_arrivant":
		return &c.PrimoArrivant
	}
	return new(bool)
}

// fieldLabels are the French labels of the form's fields, by JSON path
// (without the leading slash) or by last token.
var fieldLabels = map[string]string{
	"id":                              "Identifiant du diagnostic",
	"date":                            "Date du diagnostic",
	"personne/id":                     "Identifiant de la personne",
	"date_naissance":                  "Date de naissance",
	"code_commune":                    "Code INSEE de la commune de résidence",
	"identifiant_france_travail":      "Identifiant France Travail",
	"date_ouverture_droits_rsa":       "Date d'ouverture des droits au RSA",
	"situation_emploi":                "Situation actuelle",
	"niveau_etude":                    "Niveau d'études",
	"disponibilite":                   "Disponibilité",
	"date_derniere_activite":          "Fin de la dernière activité",
	"heures_hebdomadaires_souhaitees": "Heures de travail hebdomadaires souhaitées",
	"rayon_mobilite_km":               "Rayon de mobilité (km)",
	"nom":                             "Nom du professionnel",
	"role":                            "Rôle du professionnel",
	"siret_structure":                 "SIRET de la structure",
	"partage":                         "Consentement au partage",
	"consentement/date":               "Date du consentement",
	"version_schema":                  "Version du format",
}
