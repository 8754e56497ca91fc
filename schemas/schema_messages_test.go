package schemas_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// englishLibraryText are fragments of santhosh-tekuri/jsonschema v5's
// messages (its schema.go); no schema fault may carry them.
var englishLibraryText = []string{"but got", "but found", "must be", "missing properties", "not allowed", "is not valid", "doesn't validate", "items required", "length must"}

func assertNoLibraryText(t *testing.T, fs spie.Faults) {
	t.Helper()
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "SCHEMA-") {
			continue // the rules' own messages, socle's text
		}
		for _, frag := range englishLibraryText {
			assert.NotContains(t, f.Message, frag, "%s %s", f.Code, f.Path)
			assert.NotContains(t, f.MessageEN, frag, "%s %s", f.Code, f.Path)
		}
	}
}

// TestSchemaFaultMessages: each schema fault is worded from the failing
// keyword, its value in the schema and the document's value, the same on
// both paths. Expected messages worked by hand from the templates of
// validate.go and the values of schemas/v1/diagnostic.json and service.json
// (PublicCriteria.qpv is a boolean, mois_inscription_demandeur_emploi an
// integer in [0, 600], Person.id at most 100 characters, auteurs 1 to 2
// items, date a "date"; service.longitude a number or null).
func TestSchemaFaultMessages(t *testing.T) {
	valid, err := os.ReadFile("../examples/diagnostic/jeune-laon.json")
	require.NoError(t, err)
	tests := []struct {
		name, kind string
		edit       func(m map[string]any)
		code, path string
		fr, en     string
	}{
		{"type", "diagnostic", func(m map[string]any) { obj(m, "criteres_publics")["qpv"] = "oui" },
			"SCHEMA-TYPE-01", "/criteres_publics/qpv",
			"type de valeur incorrect : booléen attendu, texte reçu", "wrong value type: expected boolean, got string"},
		{"entier", "diagnostic", func(m map[string]any) {
			obj(m, "criteres_publics")["mois_inscription_demandeur_emploi"] = json.Number("4.5")
		},
			"SCHEMA-TYPE-01", "/criteres_publics/mois_inscription_demandeur_emploi",
			"type de valeur incorrect : nombre entier attendu, nombre reçu", "wrong value type: expected integer, got number"},
		{"maximum", "diagnostic", func(m map[string]any) {
			obj(m, "criteres_publics")["mois_inscription_demandeur_emploi"] = json.Number("601")
		},
			"SCHEMA-RANGE-01", "/criteres_publics/mois_inscription_demandeur_emploi",
			"valeur hors des bornes : ≤ 600 attendu, 601 reçu", "value out of range: expected ≤ 600, got 601"},
		{"minimum", "diagnostic", func(m map[string]any) {
			obj(m, "criteres_publics")["mois_inscription_demandeur_emploi"] = json.Number("-1")
		},
			"SCHEMA-RANGE-01", "/criteres_publics/mois_inscription_demandeur_emploi",
			"valeur hors des bornes : ≥ 0 attendu, -1 reçu", "value out of range: expected ≥ 0, got -1"},
		{"maxLength", "diagnostic", func(m map[string]any) { obj(m, "personne")["id"] = strings.Repeat("é", 101) },
			"SCHEMA-LENGTH-01", "/personne/id",
			"longueur du texte hors des bornes : ≤ 100 caractères attendus, 101 reçus", "text length out of range: expected ≤ 100 characters, got 101"},
		{"minItems", "diagnostic", func(m map[string]any) { m["auteurs"] = []any{} },
			"SCHEMA-ITEMS-01", "/auteurs",
			"nombre d'éléments hors des bornes : ≥ 1 attendus, 0 reçus", "number of items out of range: expected ≥ 1, got 0"},
		{"format", "diagnostic", func(m map[string]any) { m["date"] = "2026-13-01" },
			"SCHEMA-FORMAT-01", "/date",
			"valeur mal formée : format « date » attendu", `malformed value: expected format "date"`},
		{"required", "diagnostic", func(m map[string]any) { delete(obj(m, "personne"), "id") },
			"SCHEMA-REQUIRED-01", "/personne/id", "champ obligatoire manquant", "missing required field"},
		// The four impact levels of a frein, in the order of their
		// definition (spie vocabulary, published in diagnostic.json).
		{"enum", "diagnostic", func(m map[string]any) { obj(obj(m, "freins"), "mobilite")["impact"] = "énorme" },
			"SCHEMA-ENUM-01", "/freins/mobilite/impact",
			"valeur hors de la liste autorisée : « non-aborde », « sans-impact », « moyen », « fort »",
			"value not in the allowed list: « non-aborde », « sans-impact », « moyen », « fort »"},
		// The 20 employment situations: the first ten, then "10 more".
		{"enum long", "diagnostic", func(m map[string]any) { obj(m, "situation_professionnelle")["situation_emploi"] = "chomage" },
			"SCHEMA-ENUM-01", "/situation_professionnelle/situation_emploi",
			"valeur hors de la liste autorisée : « recherche-emploi », « recherche-formation », « emploi-cdi », « emploi-cdd », « interim », « iae », « contrat-aide », « alternance », « independant », « formation » et 10 autres",
			"value not in the allowed list: « recherche-emploi », « recherche-formation », « emploi-cdi », « emploi-cdd », « interim », « iae », « contrat-aide », « alternance », « independant », « formation » and 10 more"},
		// The nine freins of the vocabulary, in the order of their definition.
		{"propertyNames", "diagnostic", func(m map[string]any) { obj(m, "freins")["emploi-formation"] = map[string]any{"impact": "fort"} },
			"SCHEMA-KEY-01", "/freins/emploi-formation",
			"clé hors de la liste autorisée : « logement », « illettrisme-illectronisme », « situation-financiere », « sociabilisation-remobilisation », « acces-aux-droits », « creation-entreprise », « mobilite », « garde-enfant », « sante »",
			"key not in the allowed list: « logement », « illettrisme-illectronisme », « situation-financiere », « sociabilisation-remobilisation », « acces-aux-droits », « creation-entreprise », « mobilite », « garde-enfant », « sante »"},
		{"additionalProperties", "diagnostic", func(m map[string]any) { obj(m, "personne")["a/b~c"] = 1 },
			"SCHEMA-ADDITIONAL-01", "/personne/a~1b~0c", "champ inconnu", "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			dec := json.NewDecoder(strings.NewReader(string(valid)))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&m))
			tt.edit(m)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			for name, fs := range map[string]spie.Faults{
				"Validate":  schemas.Validate(tt.kind, b, diffNow),
				"Interpret": schemas.Interpret(tt.kind, b, diffNow),
			} {
				f, ok := find(fs, tt.code, tt.path)
				require.True(t, ok, "%s : %v", name, fs)
				assert.Equal(t, tt.fr, f.Message, name)
				assert.Equal(t, tt.en, f.MessageEN, name)
				assertNoLibraryText(t, fs)
			}
		})
	}
	t.Run("empty member name", func(t *testing.T) {
		// The interpreter locates {"freins": {"": …}} at /freins (it drops
		// the empty token); the value judged is still the member's: a
		// string where a Frein object is expected.
		doc := []byte(`{"freins":{"":""}}`)
		for name, fs := range map[string]spie.Faults{
			"Validate":  schemas.Validate("diagnostic", doc, diffNow),
			"Interpret": schemas.Interpret("diagnostic", doc, diffNow),
		} {
			f, ok := find(fs, "SCHEMA-TYPE-01", "/freins")
			require.True(t, ok, "%s : %v", name, fs)
			assert.Equal(t, "type de valeur incorrect : objet attendu, texte reçu", f.Message, name)
		}
	})
	t.Run("anyOf nullable", func(t *testing.T) {
		// The service has no fast path: Validate runs the interpreter.
		doc := []byte(`{"source":"x","id":"x","structure_id":"y","nom":"nom","description":"dddddddddddddddddddddddd","date_maj":"2024-01-01","longitude":"abc"}`)
		f, ok := find(schemas.Validate("service", doc, diffNow), "SCHEMA-TYPE-01", "/longitude")
		require.True(t, ok)
		assert.Equal(t, "type de valeur incorrect : nombre ou null attendu, texte reçu", f.Message)
		assert.Equal(t, "wrong value type: expected number or null, got string", f.MessageEN)
	})
}

func obj(m map[string]any, key string) map[string]any { return m[key].(map[string]any) }

func find(fs spie.Faults, code, path string) (spie.Fault, bool) {
	for _, f := range fs {
		if f.Code == code && f.Path == path {
			return f, true
		}
	}
	return spie.Fault{}, false
}
