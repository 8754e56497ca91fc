package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const exPairs = "../../examples/agreement/codiagnostic-77.ndjson"

func TestAgreementGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		golden string
	}{
		{"json", []string{"agreement", exPairs}, "", exitOK, "codiagnostic-77.json"},
		{"text", []string{"agreement", "--format", "text", exPairs}, "", exitOK, "codiagnostic-77.txt"},
		// 5 pairs: under the threshold of RULES.md §10 (5 people, which
		// the CLI no longer lowers), every cell of the 5 pairs is secret.
		{"diagnostics", []string{"agreement", "--format", "text", "../../examples/agreement/codiagnostics-avec-diagnostics.ndjson"}, "", exitOK, "avec-diagnostics.txt"},
		{"diagnostics territory rules", []string{"agreement", "--rules", exRules, "../../examples/agreement/codiagnostics-avec-diagnostics.ndjson"}, "", exitOK, "avec-diagnostics-regles-77.json"},
		{"pair and diagnostic on one line", []string{"agreement", "-"}, `{"automatique": "emploi", "humain": "emploi", "diagnostic": {"id": "x"}}` + "\n", exitInvalid, "paire-et-diagnostic.json"},
		{"broken lines", []string{"agreement", "--format", "text", "-"},
			"{\"automatique\": \"emploi\", \"humain\": \"emploi\"}\n{\"automatique\": \"emploi\", \"humain\": \"accompagne\"}\n{\"automatique\": \"emploi\", \"inconnu\": 1}\n{\"automatique\": \"social\", \"humain\": \"social\"}\n",
			exitInvalid, "lignes-fautives.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "agreement", tt.golden, out)
		})
	}
}

// A threshold below the floor of RULES.md §10 is refused with the fault
// SECRET-SEUIL-01, in French, before any input is read.
func TestThresholdFloorRefused(t *testing.T) {
	for _, args := range [][]string{
		{"agreement", "--seuil", "4", exPairs},
		{"coverage", "--seuil", "1", "--diagnostics", "absent.ndjson", "--catalogue", "absent.json"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "SECRET-SEUIL-01", "%v", args)
		assert.Contains(t, errOut, "refusé : au moins 5", "%v", args)
	}
}

func TestAgreementUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"bad threshold": {"agreement", "--seuil", "0", exPairs},
		// RULES.md §10: under 5 people is secret; a lower threshold is refused.
		"threshold 3":   {"agreement", "--seuil", "3", "--format", "text", exPairs},
		"threshold 1":   {"agreement", "--seuil", "1", exPairs},
		"missing rules": {"agreement", "--rules", "absent.json", exPairs},
		"bad format":    {"agreement", "--format", "csv", exPairs},
		"no file":       {"agreement"},
		"missing file":  {"agreement", "absent.ndjson"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}
