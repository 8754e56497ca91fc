package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
