package offer_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/offer"
)

// The expected values are what data·inclusion's Service model (pydantic
// 2.13, JSON mode) keeps for each input, read by running
// Service.model_validate_json on it (../shared/reference/data-inclusion-v1):
// the differential test of package schemas checks the same on thousands of
// documents.
func TestNormalizeService(t *testing.T) {
	tests := []struct {
		name, in, out string
		codes         []string
	}{
		{"rien à changer", `{"nom":"Atelier","publics":["jeunes"],"date_maj":"2025-06-01"}`, `{"nom":"Atelier","publics":["jeunes"],"date_maj":"2025-06-01"}`, nil},
		{"doublon d'un set", `{"publics":["tous-publics","tous-publics"]}`, `{"publics":["tous-publics"]}`, []string{"OFFRE-NORME-01 /publics/1"}},
		{"doublons multiples", `{"thematiques":["a","b","a","b"]}`, `{"thematiques":["a","b"]}`, []string{"OFFRE-NORME-01 /thematiques/2", "OFFRE-NORME-01 /thematiques/3"}},
		{"zone n'est pas un set", `{"zone_eligibilite":["02","02"]}`, `{"zone_eligibilite":["02","02"]}`, nil},
		{"champ inconnu intact", `{"Publics":["a","a"]}`, `{"Publics":["a","a"]}`, nil},
		{"datetime à minuit", `{"date_maj":"2025-06-01T00:00:00Z"}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		{"datetime décalé", `{"date_maj":"2025-06-01T00:00:00+02:00"}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		{"espace et minutes", `{"date_maj":"2025-06-01 00:00"}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		{"fraction au-delà de la microseconde", `{"date_maj":"2025-06-01T00:00:00.0000001"}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		// 1748736000 = 20240 days × 86400 s: 1970-01-01 + 20240 days = 2025-06-01.
		{"timestamp", `{"date_maj":1748736000}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		{"timestamp en millisecondes", `{"date_maj":"1748736000000"}`, `{"date_maj":"2025-06-01"}`, []string{"OFFRE-NORME-02 /date_maj"}},
		{"heure non nulle", `{"date_maj":"2025-06-01T10:00:00"}`, `{"date_maj":"2025-06-01T10:00:00"}`, nil},
		{"timestamp hors minuit", `{"date_maj":1748736001}`, `{"date_maj":1748736001}`, nil},
		{"décalage de 24 h", `{"date_maj":"2025-06-01T00:00:00+24:00"}`, `{"date_maj":"2025-06-01T00:00:00+24:00"}`, nil},
		{"nombre en texte", `{"latitude":" 49.5 "}`, `{"latitude":49.5}`, []string{"OFFRE-NORME-03 /latitude"}},
		{"souligné", `{"volume_horaire_hebdomadaire":"1_000"}`, `{"volume_horaire_hebdomadaire":1000}`, []string{"OFFRE-NORME-03 /volume_horaire_hebdomadaire"}},
		{"booléen", `{"nombre_semaines":true}`, `{"nombre_semaines":1}`, []string{"OFFRE-NORME-03 /nombre_semaines"}},
		{"entier en texte", `{"nombre_semaines":"+3.00"}`, `{"nombre_semaines":3}`, []string{"OFFRE-NORME-03 /nombre_semaines"}},
		{"entier à fraction", `{"nombre_semaines":"3.5"}`, `{"nombre_semaines":"3.5"}`, nil},
		{"exposant pour un entier", `{"nombre_semaines":"1e3"}`, `{"nombre_semaines":"1e3"}`, nil},
		{"double souligné", `{"latitude":"1__0"}`, `{"latitude":"1__0"}`, nil},
		{"infini", `{"latitude":"inf"}`, `{"latitude":null}`, []string{"OFFRE-NORME-04 /latitude"}},
		{"hors float64", `{"longitude":1e309}`, `{"longitude":null}`, []string{"OFFRE-NORME-04 /longitude"}},
		// volume_horaire_hebdomadaire ≥ 0: nan and -inf fail the bound.
		{"nan borné", `{"volume_horaire_hebdomadaire":"nan"}`, `{"volume_horaire_hebdomadaire":"nan"}`, nil},
		{"clé répétée", `{"nom":"Premier","id":"x","nom":"Second"}`, `{"id":"x","nom":"Second"}`, []string{"OFFRE-NORME-05 /nom"}},
		{"pas un objet", `["a","a"]`, `["a","a"]`, nil},
		{"illisible", `{"publics":["a","a"]`, `{"publics":["a","a"]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, fs := offer.NormalizeService([]byte(tt.in))
			assert.Equal(t, tt.out, string(out))
			var codes []string
			for _, f := range fs {
				assert.Equal(t, "warning", string(f.Severity))
				codes = append(codes, f.Code+" "+f.Path)
			}
			assert.Equal(t, tt.codes, codes)
		})
	}
}

func TestNormalizeStructure(t *testing.T) {
	out, fs := offer.NormalizeStructure([]byte(`{"reseaux_porteurs":["caf","caf"],"publics":["a","a"]}`))
	assert.Equal(t, `{"reseaux_porteurs":["caf"],"publics":["a","a"]}`, string(out))
	assert.Len(t, fs, 1)
}

func ExampleNormalizeService() {
	out, warnings := offer.NormalizeService([]byte(`{"date_maj":"2025-06-01T00:00:00Z","publics":["jeunes","jeunes"]}`))
	fmt.Println(string(out))
	for _, w := range warnings {
		fmt.Println(w.Code, w.Path, w.Message)
	}
	// Output:
	// {"date_maj":"2025-06-01","publics":["jeunes"]}
	// OFFRE-NORME-02 /date_maj date ramenée à 2025-06-01 : "2025-06-01T00:00:00Z" n'est pas une date AAAA-MM-JJ (data·inclusion la convertit ; un validateur du schéma JSON la refuserait)
	// OFFRE-NORME-01 /publics/1 doublon retiré : "jeunes" figure déjà dans la liste (data·inclusion n'en garde qu'un ; un validateur du schéma JSON refuserait la liste)
}
