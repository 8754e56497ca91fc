package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// TestOneShapePerDocumentVerb: every per-document verb, with --format json
// (the default of orient, iae, alerts), writes one JSON object per input
// document, each on its own line, in input order: "document" names it
// file#n (numbered even when alone; -#n for standard input), "faults" is
// always present, a list in the library's fault shape ([] when none), and
// the verb's result is under its key. Each verb reads a file, then -
// holding one document and a broken line ({oops): the broken line is a
// document too, -#2, whose faults say why (an error). The expected names and keys are the contract stated in
// documents.go and the README, not read from the output.
func TestOneShapePerDocumentVerb(t *testing.T) {
	dir := t.TempDir()
	diag := exDiag + "jeune-laon.json"
	k := carnetExample("cej-jeune-laon")
	draft, _ := prescriptionFiles(t)
	small := smallCarnet(t, dir, "c-1", "p-1")
	v0 := filepath.Join("testdata", "convert-v0", "input-service.json")
	service := filepath.Join(dir, "service.json")
	b, err := os.ReadFile(exOfferServices)
	require.NoError(t, err)
	first, _, _ := bytes.Cut(b, []byte("\n"))
	require.NoError(t, os.WriteFile(service, first, 0o600))
	referent := []string{"--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre"}
	for _, tc := range []struct {
		verb   string
		args   []string
		file   string
		key    string // the verb's result
		broken bool   // whether the broken line is read as a document (import-ft reads one per input)
	}{
		{"validate", []string{"--kind", "diagnostic", "--format", "json"}, diag, "valid", true},
		{"orient", nil, diag, "decision", true},
		{"iae", nil, diag, "eligibilite", true},
		{"pmsmp", []string{"--format", "json", "--date", "2026-06-30"}, exPMSMP + "mineur-boulangerie-laon.json", "valide", true},
		{"match", []string{"--catalogue", exOfferServices, "--format", "json"}, diag, "besoins", true},
		{"export-ft", []string{"--format", "json"}, diag, "dsp", true},
		{"alerts", []string{"--date", "2026-06-30"}, k, "alertes", true},
		{"view", append([]string{"--format", "json", "--date", "2026-06-30"}, referent...), k, "carnet", true},
		{"export", append([]string{"--format", "json", "--date", "2026-06-30"}, referent...), k, "export", true},
		{"purge", append([]string{"--format", "json", "--date", "2027-03-04"}, claire...), small, "decision", true},
		{"prescription", []string{"relancer", "--now", "2026-03-15T10:00:00Z", "--format", "json"}, draft, "prescription", true},
		{"convert-v0", []string{"-q", "--format", "json"}, v0, "v1", true},
		{"normalize", []string{"--kind", "service", "--format", "json"}, service, "service", true},
		{"import-ft", []string{"--format", "json"}, exDSP, "diagnostic", false},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			stdin := compactFile(t, tc.file) + "\n"
			want := []string{tc.file + "#1", "-#1"}
			if tc.broken {
				stdin += "{oops\n"
				want = append(want, "-#2")
			}
			args := append(append([]string{tc.verb}, tc.args...), tc.file, "-")
			code, out, errOut := runCLI(t, stdin, args...)
			require.Less(t, code, exitUsage, errOut)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			require.Len(t, lines, len(want), out)
			for i, line := range lines {
				var m map[string]json.RawMessage
				require.NoError(t, json.Unmarshal([]byte(line), &m), "ligne %d : %s", i+1, line)
				var name string
				require.NoError(t, json.Unmarshal(m["document"], &name), line)
				assert.Equal(t, want[i], name)
				raw, ok := m["faults"]
				require.True(t, ok, "faults absent : %s", line)
				require.True(t, bytes.HasPrefix(raw, []byte("[")), "faults n'est pas une liste : %s", raw)
				dec := json.NewDecoder(bytes.NewReader(raw))
				dec.DisallowUnknownFields()
				var fs spie.Faults
				require.NoError(t, dec.Decode(&fs), "%s", raw)
				if name == "-#2" {
					assert.False(t, fs.Valid(), "le document illisible n'a pas de faute : %s", line)
					continue
				}
				_, ok = m[tc.key]
				assert.True(t, ok, "%s absent : %s", tc.key, line)
			}
			if tc.broken {
				assert.Equal(t, exitInvalid, code, errOut)
			}
		})
	}
}
