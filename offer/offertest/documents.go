package offertest

import (
	"encoding/json"
	"time"

	"github.com/spie-fr/socle/offer"
)

// ValidService returns a complete valid service as a JSON object, dated
// before 2026-03-15, for tests that mutate it.
func ValidService() map[string]any {
	return map[string]any{
		"source":                      "dora",
		"structure_id":                "dora--s1",
		"id":                          "dora--svc1",
		"nom":                         "Atelier CV et lettre de motivation",
		"description":                 "Un atelier collectif pour rédiger son CV et sa lettre de motivation.",
		"date_maj":                    "2025-11-02",
		"type":                        "atelier",
		"thematiques":                 []any{"preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"},
		"frais":                       "gratuit",
		"publics":                     []any{"demandeurs-emploi", "jeunes"},
		"commune":                     "Laon",
		"code_postal":                 "02000",
		"code_insee":                  "02408",
		"adresse":                     "1 rue de la Paix",
		"latitude":                    49.5641,
		"longitude":                   3.6199,
		"telephone":                   "+33323000000",
		"courriel":                    "contact@exemple.fr",
		"modes_accueil":               []any{"en-presentiel"},
		"zone_eligibilite":            []any{"02"},
		"lien_mobilisation":           "https://exemple.fr/inscription",
		"modes_mobilisation":          []any{"telephoner", "envoyer-un-courriel"},
		"mobilisable_par":             []any{"professionnels", "usagers"},
		"volume_horaire_hebdomadaire": 3,
		"nombre_semaines":             2,
	}
}

// ValidStructure returns a complete valid structure as a JSON object.
func ValidStructure() map[string]any {
	return map[string]any{
		"source":           "dora",
		"id":               "dora--s1",
		"nom":              "Centre social du Vieux Laon",
		"date_maj":         "2025-10-01",
		"siret":            "13003013300016",
		"site_web":         "https://exemple.fr",
		"courriel":         "accueil@exemple.fr",
		"telephone":        "03 23 00 00 00",
		"adresse":          "2 place du Marché",
		"commune":          "Laon",
		"code_postal":      "02000",
		"code_insee":       "02408",
		"latitude":         49.56,
		"longitude":        3.62,
		"description":      "Centre social ouvert à tous les habitants.",
		"reseaux_porteurs": []any{"fcsf"},
	}
}

// Prescription returns a complete draft prescription from a référent to the
// service of ValidService, created at created.
func Prescription(created time.Time) *offer.Prescription {
	b, _ := json.Marshal(ValidService())
	var s offer.Service
	_ = json.Unmarshal(b, &s)
	return &offer.Prescription{
		ID:             "presc-1",
		State:          offer.StateBrouillon,
		Sender:         offer.Sender{Role: offer.SenderReferent, Name: "Conseillère insertion", StructureSIRET: "13003013300016"},
		Person:         offer.PrescriptionPerson{ID: "p-1", Commune: "02408"},
		Motif:          "Préparer des candidatures pour les métiers de la logistique.",
		Need:           offer.PrescriptionNeed{Kind: "besoin", Key: "realiser-cv-lettre-motivation"},
		Attachments:    []offer.Attachment{{Type: "cv", Provided: true}},
		DataProtection: offer.DataProtection{Accepted: true, Date: "2026-03-10"},
		Service:        s,
		CreatedAt:      created,
	}
}
