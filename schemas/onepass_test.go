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

// faultLines renders faults as "code path" lines, in their order (by path).
func faultLines(fs spie.Faults) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Code+" "+f.Path)
	}
	return strings.Join(lines, "\n")
}

// TestRulesRunDespiteSchemaFaults: a diagnostic with a schema fault still
// gets its rule faults in the same pass, on both paths; a rule whose input
// the schema refused, or that is missing, is skipped. The NIR
// 185057800608490 has the key 90 where the INSEE key is
// 97 − (1850578006084 mod 97) = 97 − 6 = 91 (1850578006084 = 97 ×
// 19078123774 + 6), so SPIE-NIR-02; the impact "énorme" is not a level
// (SCHEMA-ENUM-01).
func TestRulesRunDespiteSchemaFaults(t *testing.T) {
	valid, err := os.ReadFile("../examples/diagnostic/jeune-laon.json")
	require.NoError(t, err)
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(valid, &m))
		f(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		return b
	}
	for _, tc := range []struct {
		name string
		doc  []byte
		want string
	}{
		{"règle et schéma", edit(func(m map[string]any) {
			obj(m, "personne")["nir"] = "185057800608490"
			obj(obj(m, "freins"), "mobilite")["impact"] = "énorme"
		}), "SCHEMA-ENUM-01 /freins/mobilite/impact\nSPIE-NIR-02 /personne/nir"},
		{"entrée de la règle refusée", edit(func(m map[string]any) {
			obj(m, "personne")["nir"] = 185057800608490
		}), "SCHEMA-TYPE-01 /personne/nir"},
		{"entrée manquante", edit(func(m map[string]any) {
			delete(m, "personne")
			delete(m, "situation_professionnelle")
			m["date"] = 7
		}), "SCHEMA-TYPE-01 /date\nSCHEMA-REQUIRED-01 /personne\nSCHEMA-REQUIRED-01 /situation_professionnelle"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for name, fs := range map[string]spie.Faults{
				"Validate":  schemas.Validate("diagnostic", tc.doc, diffNow),
				"Interpret": schemas.Interpret("diagnostic", tc.doc, diffNow),
			} {
				got := faultLines(fs.Errors())
				assert.Equal(t, tc.want, got, name)
			}
			assert.Zero(t, schemas.RulePanics())
		})
	}
}
