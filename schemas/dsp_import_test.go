package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

// TestImportDSPIsValidButForCallerFields: a diagnostic imported from France
// Travail fails the diagnostic schema only at the fields the import names
// with DSP-IMPORT-01 (what France Travail does not send), and passes once
// they are filled in.
func TestImportDSPIsValidButForCallerFields(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "examples", "dsp", "dossier-individu-melun.json"))
	require.NoError(t, err)
	for name, payload := range map[string][]byte{
		"melun":           b,
		"sans-conseiller": []byte(`{"besoinsParDiagnosticIndividuDtos": [], "contraintesIndividusDto": {"conseiller": null, "dateDeModification": null, "code": "7", "contraintes": []}}`),
	} {
		t.Run(name, func(t *testing.T) {
			d, fs := diagnostic.ImportDSP(payload)
			require.NotNil(t, d)
			var named []string
			for _, f := range fs {
				if f.Code == "DSP-IMPORT-01" {
					named = append(named, f.Path)
				}
			}
			require.NotEmpty(t, named)
			doc, err := json.Marshal(d)
			require.NoError(t, err)
			errs := schemas.Validate("diagnostic", doc).Errors()
			require.NotEmpty(t, errs)
			for _, e := range errs {
				ok := false
				for _, p := range named {
					if e.Path == p || strings.HasPrefix(e.Path, p+"/") {
						ok = true
					}
				}
				assert.True(t, ok, "faute du schéma hors des champs nommés %v : %v", named, e)
			}
			// Filled in by the caller: valid.
			d.ID, d.Person.ID, d.Person.BirthDate, d.Person.Commune = "diag-1", "p-1", "1990-02-03", "77288"
			d.Professional.WorkSituation, d.StructureSIRET = "recherche-emploi", "13002526500013"
			if d.Date.IsZero() {
				d.Date = "2026-04-03"
			}
			if len(d.Authors) == 0 {
				d.Authors = []diagnostic.Author{{Name: "A. Martin", Role: "conseiller-france-travail"}}
			}
			doc, err = json.Marshal(d)
			require.NoError(t, err)
			assert.Empty(t, schemas.Validate("diagnostic", doc).Errors())
		})
	}
}
