package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// setAt sets the value at JSON Pointer p of a decoded JSON document.
func setAt(t *testing.T, doc any, p string, v any) {
	t.Helper()
	tokens := strings.Split(p[1:], "/")
	cur := doc
	for i, tok := range tokens {
		last := i == len(tokens)-1
		switch x := cur.(type) {
		case map[string]any:
			if last {
				x[tok] = v
				return
			}
			cur = x[tok]
		case []any:
			n, err := strconv.Atoi(tok)
			require.NoError(t, err)
			require.Less(t, n, len(x), p)
			if last {
				x[n] = v
				return
			}
			cur = x[n]
		default:
			t.Fatalf("%s : pas de conteneur à %q", p, tok)
		}
	}
}

// schemaPaths returns the sorted pointers of the schema's faults (SCHEMA-*
// and the SPIE identifier faults it reports), the oracle of CheckValues.
func schemaPaths(fs spie.Faults) []string {
	var out []string
	for _, f := range fs {
		if strings.HasPrefix(f.Code, "SCHEMA-") {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

func paths(fs spie.Faults) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	sort.Strings(out)
	return out
}

// CheckValues (what carnet.Create and carnet.Apply run on what they journal)
// agrees with the JSON Schema (an independent implementation, the oracle):
// every example carnet passes both, and each value the schema refuses is
// refused by CheckValues at the same pointer, without quoting it.
func TestCheckValuesAgreesWithTheSchema(t *testing.T) {
	files, err := filepath.Glob("../examples/carnet/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var c carnet.Carnet
		require.NoError(t, json.Unmarshal(b, &c))
		assert.Empty(t, schemaPaths(schemas.Validate("carnet", b, diffNow)), f)
		assert.Empty(t, carnet.CheckValues(&c, ""), f)
	}
	b, err := os.ReadFile("../examples/carnet/cej-jeune-laon.json")
	require.NoError(t, err)
	long := strings.Repeat("é", 5001)
	tests := []struct {
		pointer string
		value   any
	}{
		{"/date_entree", "2025-02-30"},
		{"/date_entree", "03/03/2025"},
		{"/personne/date_naissance", "1990-13-01"},
		{"/rendez_vous/0/date", "03/03/2025"},
		{"/objectifs/0/thematique", "astrologie"},
		{"/membres/1/siret_structure", "123"},
		{"/membres/0/role", "roi"},
		{"/contrats/0/heures_hebdomadaires", 60},
		{"/contrats/0/heures_hebdomadaires", -1},
		{"/rendez_vous/0/commentaire", long},
		{"/diagnostic/personne/nir", "123"},
		{"/diagnostic/freins/sante", map[string]any{"impact": "enorme"}},
		{"/consentements/0/perimetre", []any{"plan", "plan"}},
		{"/consentements/0/perimetre", []any{}},
		{"/actions/0/proposee_par/role", ""},
	}
	for _, tt := range tests {
		t.Run(tt.pointer, func(t *testing.T) {
			var doc any
			require.NoError(t, json.Unmarshal(b, &doc))
			setAt(t, doc, tt.pointer, tt.value)
			mutated, err := json.Marshal(doc)
			require.NoError(t, err)
			want := schemaPaths(schemas.Validate("carnet", mutated, diffNow))
			require.NotEmpty(t, want, "le schéma refuse la valeur")
			var c carnet.Carnet
			require.NoError(t, json.Unmarshal(mutated, &c))
			got := carnet.CheckValues(&c, "")
			assert.Equal(t, want, paths(got))
			if s, ok := tt.value.(string); ok && len(s) > 2 {
				for _, f := range got {
					assert.NotContains(t, f.Message+f.MessageEN, s, "la valeur refusée n'est pas citée")
				}
			}
		})
	}
}
