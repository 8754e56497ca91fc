package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
)

func TestIAEGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string
	}{
		{"aci json", []string{"iae", "--structure", "ACI", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon-aci.json"},
		{"all structures text", []string{"iae", "--format", "text", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon.txt"},
		{"rsa text", []string{"iae", "--structure", "EI", "--format", "text", exDiag + "rsa-logement-sante-marseille.json"}, exitOK, "rsa-ei.txt"},
		// Diagnostic of 2026-03-12 by an authorised prescriber: valid through 2026-09-11 (expired from 2026-09-12).
		{"prescripteur valable", []string{"iae", "--auteur", "prescripteur-habilite", "--format", "text", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon-prescripteur.txt"},
		{"prescripteur expiré", []string{"iae", "--auteur", "prescripteur-habilite", "--date", "2026-09-12", "--structure", "AI", "--format", "text", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon-prescripteur-expire.txt"},
		{"employeur valable au jour dit", []string{"iae", "--date", "2026-06-11", "--structure", "AI", "--format", "text", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon-employeur-2026-06-11.txt"},
		{"geiq hors champ", []string{"iae", "--structure", "GEIQ", exDiag + "jeune-laon.json"}, exitOK, "jeune-laon-geiq.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "iae", tt.golden, out)
		})
	}
}

func TestIAEUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown structure": {"iae", "--structure", "SIAE", "x.json"},
		"unknown author":    {"iae", "--auteur", "prescriber", "x.json"},
		"bad date":          {"iae", "--date", "2026-02-30", "x.json"},
		"bad format":        {"iae", "--format", "csv", "x.json"},
		"no file":           {"iae"},
		"missing file":      {"iae", "absent.json"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}

// TestIAETodayInPersonsTerritory: without --date the verdict is given on
// today in the person's territory. At 2026-06-12 02:00 UTC it is still
// 11 June in Guadeloupe (UTC−4): an employer's diagnostic of 2026-03-12
// (expired from 2026-06-12: 19 + 30 + 31 + 12 = 92 days) is still valid
// there, and expired for a person in Laon (04:00, 12 June).
func TestIAETodayInPersonsTerritory(t *testing.T) {
	b, err := os.ReadFile(exDiag + "jeune-laon.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	now := func() time.Time { return time.Date(2026, 6, 12, 2, 0, 0, 0, time.UTC) }
	verdict := func(commune string) (bool, string) {
		doc["personne"].(map[string]any)["code_commune"] = commune
		in, err := json.Marshal(doc)
		require.NoError(t, err)
		var out, errOut bytes.Buffer
		code := run(&cli{stdin: bytes.NewReader(in), stdout: &out, stderr: &errOut, now: now}, []string{"iae", "--structure", "AI", "-"})
		require.Equal(t, exitOK, code, errOut.String())
		var r struct {
			Eligibility []diagnostic.IAEEligibility `json:"eligibilite"`
		}
		require.NoError(t, json.Unmarshal(out.Bytes(), &r), out.String())
		require.Len(t, r.Eligibility, 1)
		return r.Eligibility[0].Eligible, string(r.Eligibility[0].On)
	}
	ok, on := verdict("97105")
	assert.True(t, ok)
	assert.Equal(t, "2026-06-11", on)
	ok, on = verdict("02408")
	assert.False(t, ok)
	assert.Equal(t, "2026-06-12", on)
}
