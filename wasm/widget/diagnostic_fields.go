package widget

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
	"se_projette_dans_emploi":         "La personne se projette-t-elle dans un emploi à court terme ?",
	"code_rome":                       "Métier visé (code ROME)",
	"rayon_mobilite_km":               "Rayon de mobilité (km)",
	"nom":                             "Nom du professionnel",
	"role":                            "Rôle du professionnel",
	"siret_structure":                 "SIRET de la structure",
	"partage":                         "Consentement au partage",
	"consentement/date":               "Date du consentement",
	"version_schema":                  "Version du format",
}
