package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenVerb compares got with testdata/<verb>/<name>, rewritten with -update.
func goldenVerb(t *testing.T, verb, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", verb, name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "référence absente : go test ./cmd/spie -update")
	assert.Equal(t, string(want), got, "(-want +got)")
}

const (
	exDiag  = "../../examples/diagnostic/"
	exRules = "../../examples/orientation/regles-77-codiagnostic.json"
)

func TestOrientGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		golden string
	}{
		{"social rsa json", []string{"orient", exDiag + "rsa-logement-sante-marseille.json"}, "", exitOK, "rsa-social.json"},
		{"social rsa text with milestones", []string{"orient", "--format", "text", "--date", "2026-12-01", "--entree", "2026-05-02", "--orientation", "2026-06-01", "--contrat", "2026-06-20", exDiag + "rsa-logement-sante-marseille.json"}, "", exitOK, "rsa-social-delais.txt"},
		{"jeune text", []string{"orient", "--format", "text", exDiag + "jeune-laon.json"}, "", exitOK, "jeune-laon.txt"},
		{"territory rules", []string{"orient", "--rules", exRules, "--format", "text", exDiag + "boeth-carcassonne.json"}, "", exitOK, "boeth-regles-77.txt"},
		{"ndjson from stdin", []string{"orient", "-"}, compactFile(t, exDiag+"parent-isole-chauny.json") + "\n" + compactFile(t, exDiag+"co-diagnostic-melun.json") + "\n", exitOK, "deux-diagnostics.ndjson"},
		{"undetermined", []string{"orient", "--format", "text", "-"}, undeterminedDiagnostic(t), exitInvalid, "indetermine.txt"},
		{"unreadable", []string{"orient", "-"}, `{"id": 3}`, exitInvalid, "illisible.json"},
		{"invalid diagnostic", []string{"orient", "--format", "text", exDiag + "invalid/co-diagnostic-sans-binome.json"}, "", exitInvalid, "diagnostic-invalide.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "orient", tt.golden, out)
		})
	}
}

func compactFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return compact(t, string(b))
}

// undeterminedDiagnostic is the Marseille example without the person's view
// of a job: the social rule cannot be decided.
func undeterminedDiagnostic(t *testing.T) string {
	s := compactFile(t, exDiag+"rsa-logement-sante-marseille.json")
	out := strings.Replace(s, `"se_projette_dans_emploi":false,`, "", 1)
	require.NotEqual(t, s, out)
	return out
}

func TestOrientUsageErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "regles.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": "1.0", "id": "x"}`), 0o644))
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no file", []string{"orient"}, "Usage"},
		{"two missing files", []string{"orient", "a.json", "b.json"}, "fichier introuvable : a.json\nfichier introuvable : b.json"},
		{"bad format", []string{"orient", "--format", "xml", "x.json"}, "--format"},
		{"bad date", []string{"orient", "--date", "01/06/2026", "x.json"}, "--date"},
		{"bad milestone", []string{"orient", "--contrat", "demain", "x.json"}, "demain"},
		{"missing rules", []string{"orient", "--rules", "absent.json", "x.json"}, "absent.json"},
		{"invalid rules", []string{"orient", "--rules", bad, exDiag + "jeune-laon.json"}, "ORIENT-REGLES-01"},
		{"missing file", []string{"orient", "absent.json"}, "absent.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.msg)
		})
	}
}
