package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConvertV0Golden(t *testing.T) {
	tests := []struct {
		name, input, golden string
		code                int
	}{
		{"service v0 complet", "input-service.json", "service", exitOK},
		{"NDJSON mixte avec un document invalide en v1", "input-mixed.ndjson", "mixed", exitInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "rapport.json")
			code, out, errOut := runCLI(t, "", "convert-v0", "--rapport", report, filepath.Join("testdata", "convert-v0", tt.input))
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "convert-v0", tt.golden+".ndjson", out)
			goldenVerb(t, "convert-v0", tt.golden+".stderr.txt", errOut)
			b, err := os.ReadFile(report)
			require.NoError(t, err)
			var reports []conversionReport
			require.NoError(t, json.Unmarshal(b, &reports))
			assert.NotEmpty(t, reports)
		})
	}
}

func TestConvertV0Errors(t *testing.T) {
	code, out, errOut := runCLI(t, "[1, {\"id\":\"a\",\"source\":\"s\",\"nom\":\"Structure A\",\"date_maj\":\"2025-01-01\"}]", "convert-v0", "-q", "-")
	// The element 1 cannot be converted: an invalid input document (exit 1),
	// the structure after it still converted.
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, errOut)
	assert.Contains(t, out, `"id":"a"`)
	for name, args := range map[string][]string{
		"sans fichier":   {"convert-v0"},
		"fichier absent": {"convert-v0", "absent.json"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}
