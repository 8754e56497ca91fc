package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// TestConvertV0SeveralFiles: with --format json, one line per document of
// every input, in order, in the one shape: document (file#n, -#n for
// standard input), the v1 document, pertes and faults ([] when none). The
// mixed input holds a structure, a service and a service whose v1 form is
// invalid (a one-letter name, an empty description: two OFFRE-LONGUEUR-01,
// see mixed.stderr.txt); given as the file then - (its last line), the
// lines are file#1, file#2, file#3 (the invalid one), -#1 (invalid again).
func TestConvertV0SeveralFiles(t *testing.T) {
	file := filepath.Join("testdata", "convert-v0", "input-mixed.ndjson")
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	require.Len(t, lines, 3)
	code, out, errOut := runCLI(t, lines[2]+"\n", "convert-v0", "-q", file, "-", "--format", "json")
	assert.Equal(t, exitInvalid, code, errOut)
	got := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, got, 4, out)
	for i, want := range []struct {
		doc, kind string
		faults    int
	}{{file + "#1", "structure", 0}, {file + "#2", "service", 0}, {file + "#3", "service", 2}, {"-#1", "service", 2}} {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(got[i]), &r), got[i])
		assert.Equal(t, want.doc, r["document"])
		assert.Equal(t, want.kind, r["type"])
		assert.NotNil(t, r["v1"])
		require.IsType(t, []any{}, r["faults"], got[i])
		assert.Len(t, r["faults"], want.faults, got[i])
	}
}
