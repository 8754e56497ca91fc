package offer_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// now is the fixed clock of the tests.
var now = time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)

// referenceDir returns ../shared/reference/data-inclusion-v1 next to the
// module root, or skips the test when it is absent.
func referenceDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod introuvable : référentiel data·inclusion non localisé")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference", "data-inclusion-v1")
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("référentiel data·inclusion absent (%s) : test de conformité ignoré", ref)
	}
	return ref
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validService returns a complete valid service as a JSON object.
func validService() map[string]any {
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

// validStructure returns a complete valid structure as a JSON object.
func validStructure() map[string]any {
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
