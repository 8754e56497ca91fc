package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const exDSP = "../../examples/dsp/dossier-individu-melun.json"

func TestImportFTGolden(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		stdin        string
		code         int
		golden       string
		goldenStderr string
	}{
		{"diagnostic", []string{"import-ft", "--id", "diag-ft-77-0001", exDSP}, "", exitOK, "melun.json", "melun.stderr.txt"},
		{"json", []string{"import-ft", "--format", "json", exDSP}, "", exitOK, "melun-fautes.json", ""},
		{"unreadable", []string{"import-ft", "-"}, "{", exitInvalid, "illisible.json", "illisible.stderr.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "import-ft", tt.golden, out)
			if tt.goldenStderr != "" {
				goldenVerb(t, "import-ft", tt.goldenStderr, errOut)
			}
		})
	}
}

// TestImportFTNoDossier: null and {} are France Travail's "no dossier", not an
// empty diagnostic: refused with a French message, exit 1.
func TestImportFTNoDossier(t *testing.T) {
	for _, in := range []string{"null", "{}", `{"besoinsParDiagnosticIndividuDtos": null, "contraintesIndividusDto": null}`} {
		t.Run(in, func(t *testing.T) {
			code, out, errOut := runCLI(t, in, "import-ft", "-")
			assert.Equal(t, exitInvalid, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, "DSP-VIDE-01")
			assert.Contains(t, errOut, "aucun dossier France Travail")
		})
	}
}

func TestImportFTUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"bad format":   {"import-ft", "--format", "csv", exDSP},
		"no file":      {"import-ft"},
		"missing file": {"import-ft", "absent.json"},
		// one --id for two files would give both diagnostics the same id
		"one id, two files": {"import-ft", "--id", "d-1", exDSP, exDSP},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}
