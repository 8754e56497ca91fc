package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportFTCommuneTimeZone: 2026-05-31T22:30Z is 00:30 on 1 June in Laon
// (UTC+2 in summer, also the default, mainland time) and 18:30 on 31 May in
// Pointe-à-Pitre (UTC−4).
func TestImportFTCommuneTimeZone(t *testing.T) {
	const payload = `{"besoinsParDiagnosticIndividuDtos": [], "contraintesIndividusDto": {"dateDeModification": "2026-05-31T22:30:00.000+00:00", "contraintes": []}}`
	for _, c := range []struct {
		args          []string
		date, commune string
	}{
		{[]string{"import-ft", "-"}, "2026-06-01", ""},
		{[]string{"import-ft", "--commune", "02408", "-"}, "2026-06-01", "02408"},
		{[]string{"import-ft", "--commune", "97120", "-"}, "2026-05-31", "97120"},
	} {
		t.Run(c.commune, func(t *testing.T) {
			code, out, errOut := runCLI(t, payload, c.args...)
			require.Equal(t, exitOK, code, errOut)
			var d struct {
				Date   string `json:"date"`
				Person struct {
					Commune string `json:"code_commune"`
				} `json:"personne"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &d))
			assert.Equal(t, c.date, d.Date)
			assert.Equal(t, c.commune, d.Person.Commune)
		})
	}
	code, out, errOut := runCLI(t, payload, "import-ft", "--commune", "2000", "-")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "--commune \"2000\" n'est pas un code INSEE de commune")
}
