package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportFTGolden(t *testing.T) {
	code, out, errOut := runCLI(t, "", "export-ft", exDiag+"rsa-logement-sante-marseille.json")
	assert.Equal(t, exitOK, code, errOut)
	goldenVerb(t, "export-ft", "marseille.json", out)
	goldenVerb(t, "export-ft", "marseille.stderr.txt", errOut)
}

// TestImportExportFTRoundTrip: import-ft then export-ft gives back every
// coded item of the France Travail payload.
func TestImportExportFTRoundTrip(t *testing.T) {
	code, diag, errOut := runCLI(t, "", "import-ft", "--id", "rt", exDSP)
	require.Equal(t, exitOK, code, errOut)
	code, back, errOut := runCLI(t, diag, "export-ft", "-")
	require.Equal(t, exitInvalid, code, "le diagnostic importé est incomplet (personne, structure) : %s", errOut)
	for _, code := range []string{`"code": "23"`, `"code": "25"`, `"code": "27"`, `"code": "28"`, `"code": "16"`, `"valeur": "CLOTUREE"`, `"valeur": "ABANDONNE"`} {
		assert.Contains(t, back, code)
	}
}

func TestExportFTUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no file":      {"export-ft"},
		"missing file": {"export-ft", "absent.json"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}
