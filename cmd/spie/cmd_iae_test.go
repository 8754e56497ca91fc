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
		"unknown structure": {"iae", "--structure", "GEIQ", "x.json"},
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
