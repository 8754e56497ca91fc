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

// TestSeveralFiles: the verbs that read diagnostics (orient, iae,
// export-ft) or carnets (alerts, view) take several files and - (standard
// input), read in order through the one reader, one result per document
// (in the one shape, named file#n, -#n for standard input); each result is
// the one the verb gives for that file alone.
func TestSeveralFiles(t *testing.T) {
	a, b := exDiag+"jeune-laon.json", exDiag+"rsa-logement-sante-marseille.json"
	stdin := compactFile(t, exDiag+"parent-isole-chauny.json")
	k := carnetExample("cej-jeune-laon")
	partner := []string{"--date", "2026-06-30", "--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois"}
	for _, tc := range []struct {
		verb  string
		flags []string
		files []string
		stdin string
	}{
		{"orient", nil, []string{a, "-", b}, stdin},
		{"iae", nil, []string{a, "-", b}, stdin},
		{"export-ft", nil, []string{a, "-", b}, stdin},
		{"export-ft", []string{"--format", "json"}, []string{a, "-", b}, stdin},
		{"alerts", []string{"--date", "2026-06-30"}, []string{k, "-"}, compactFile(t, k)},
		{"view", partner, []string{k, "-"}, compactFile(t, k)},
		{"view", append([]string{"--format", "json"}, partner...), []string{k, "-"}, compactFile(t, k)},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, append(append([]string{tc.verb}, tc.files...), tc.flags...)...)
			require.Less(t, code, exitUsage, errOut)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			require.Len(t, lines, len(tc.files), out)
			for i, f := range tc.files {
				in := ""
				if f == "-" {
					in = tc.stdin
				}
				// The same document alone gives the same result (a lone
				// payload is indented).
				_, alone, _ := runCLI(t, in, append([]string{tc.verb, f}, tc.flags...)...)
				var got, want any
				require.NoError(t, json.Unmarshal([]byte(lines[i]), &got))
				require.NoError(t, json.Unmarshal([]byte(alone), &want))
				if m, ok := got.(map[string]any); ok && m["document"] != nil {
					assert.Equal(t, f+"#1", m["document"])
					assert.Equal(t, f+"#1", want.(map[string]any)["document"])
				}
				assert.Equal(t, want, got, "%s %s", tc.verb, f)
			}
		})
	}
}

// TestSeveralFilesAggregates: indicators and cohort over several inputs
// (a file, then - holding a JSON array) give what they give over one NDJSON
// file holding the same documents in the same order, built here by hand;
// a document of an input that the reader cannot give is named file#n on
// stderr and makes the exit 1; an empty input among them, 2.
func TestSeveralFilesAggregates(t *testing.T) {
	dir := t.TempDir()
	k1, k2 := compactFile(t, carnetExample("cej-jeune-laon")), compactFile(t, carnetExample("rsa-perdu-de-vue-soissons"))
	k3 := compactFile(t, carnetExample("reorientation-social-global-chauny"))
	first := filepath.Join(dir, "a.ndjson")
	require.NoError(t, os.WriteFile(first, []byte(k1+"\n"+k2+"\n"), 0o600))
	whole := filepath.Join(dir, "tout.ndjson")
	require.NoError(t, os.WriteFile(whole, []byte(k1+"\n"+k2+"\n"+k3+"\n"), 0o600))
	array := "[\n" + k3 + "\n]\n"

	code, want, errOut := runCLI(t, "", "indicators", "--date", "2026-06-30", whole)
	require.Equal(t, exitOK, code, errOut)
	code, got, errOut := runCLI(t, array, "indicators", first, "-", "--date", "2026-06-30")
	require.Equal(t, exitOK, code, errOut)
	assert.JSONEq(t, want, got)

	diags, err := os.ReadFile(exNetwork + "diagnostics-aisne-2026.ndjson")
	require.NoError(t, err)
	lines := strings.SplitAfter(strings.TrimSpace(string(diags)), "\n")
	half := filepath.Join(dir, "moitie.ndjson")
	require.NoError(t, os.WriteFile(half, []byte(strings.Join(lines[:len(lines)/2], "")), 0o600))
	def := exNetwork + "cohorte-laon-18-30.json"
	code, want, errOut = runCLI(t, "", "cohort", "--definition", def, "--date", "2026-06-30", exNetwork+"diagnostics-aisne-2026.ndjson")
	require.Equal(t, exitOK, code, errOut)
	code, got, errOut2 := runCLI(t, strings.Join(lines[len(lines)/2:], ""), "cohort", "--definition", def, "--date", "2026-06-30", half, "-")
	require.Equal(t, exitOK, code, errOut2)
	assert.Equal(t, want, got)
	assert.Equal(t, errOut, errOut2, "le résumé compte les mêmes diagnostics")

	// A broken line is the library's to report, as in one stream.
	code, got, errOut = runCLI(t, "{oops\n"+k3+"\n", "indicators", "--date", "2026-06-30", first, "-")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errOut, "spie indicators : 1 ligne(s) illisible(s) ignorée(s)")
	assert.JSONEq(t, want3(t, k1, k2, "{oops", k3), got)
	// A document the reader cannot give (over the size limit) is named file#n.
	saved := maxDocument
	t.Cleanup(func() { maxDocument = saved })
	maxDocument = max(len(k1), len(k2), len(k3)) + 10
	padded := "{" + strings.Repeat(" ", maxDocument) + k3[1:]
	code, _, errOut = runCLI(t, "[\n"+padded+"\n]\n", "indicators", "--date", "2026-06-30", first, "-")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errOut, "spie indicators : -#1 : INPUT-SIZE-01 : ")
	maxDocument = saved

	code, _, errOut = runCLI(t, " \n", "indicators", "--date", "2026-06-30", first, "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "spie indicators : ")
}

// want3 is the indicators report of the lines k in one NDJSON stream.
func want3(t *testing.T, k ...string) string {
	t.Helper()
	_, out, _ := runCLI(t, strings.Join(k, "\n")+"\n", "indicators", "--date", "2026-06-30", "-")
	return out
}

// TestSeveralFilesStreams: agreement, coverage (its diagnostics) and search
// (its catalogue) read several inputs as one stream of their documents,
// and convert-v0 converts each document of each: over a
// file split in two (the second half from -), they write what they write
// over the whole file (convert-v0's stderr names each document in its
// input: TestConvertV0SeveralFiles).
func TestSeveralFilesStreams(t *testing.T) {
	dir := t.TempDir()
	split := func(t *testing.T, path string) (string, string) {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		lines := strings.SplitAfter(strings.TrimSpace(string(b)), "\n")
		require.Greater(t, len(lines), 1, path)
		half := filepath.Join(dir, filepath.Base(path)+".moitie")
		require.NoError(t, os.WriteFile(half, []byte(strings.Join(lines[:len(lines)/2], "")), 0o600))
		return half, strings.Join(lines[len(lines)/2:], "")
	}
	for _, tc := range []struct {
		verb, file string
		flags      []string
	}{
		{"agreement", "../../examples/agreement/codiagnostic-77.ndjson", nil},
		{"convert-v0", "testdata/convert-v0/input-mixed.ndjson", nil},
		{"coverage", exNetwork + "diagnostics-aisne-2026.ndjson", []string{"--catalogue", exNetwork + "catalogue-aisne.ndjson", "--level", "epci"}},
		{"search", exOfferServices, []string{"--commune", "02408", "--thematique", "mobilite", "--limit", "0"}},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			half, rest := split(t, tc.file)
			code, want, errOut := runCLI(t, "", append([]string{tc.verb, tc.file}, tc.flags...)...)
			code2, got, errOut2 := runCLI(t, rest, append([]string{tc.verb, half, "-"}, tc.flags...)...)
			require.Less(t, code, exitUsage, errOut)
			require.NotEmpty(t, want)
			assert.Equal(t, code, code2, errOut2)
			assert.Equal(t, want, got)
			if tc.verb != "convert-v0" {
				assert.Equal(t, errOut, errOut2)
			}
		})
	}
}

// TestSeveralFilesImportFT: import-ft reads one dossier a file; given
// several files and -, it writes, in order, what it writes for each alone,
// with the same options wherever they stand.
func TestSeveralFilesImportFT(t *testing.T) {
	dsp := compactFile(t, exDSP)
	code, out, errOut := runCLI(t, dsp, "import-ft", exDSP, "--format", "json", "-", "--commune", "77288")
	require.Equal(t, exitOK, code, errOut)
	_, one, errOne := runCLI(t, "", "import-ft", "--format", "json", "--commune", "77288", exDSP)
	_, two, errTwo := runCLI(t, dsp, "import-ft", "--format", "json", "--commune", "77288", "-")
	assert.Equal(t, one+two, out)
	assert.Equal(t, errOne+errTwo, errOut)

	// A missing file among them: exit 2, the others still imported.
	code, out, errOut = runCLI(t, "", "import-ft", "absent.json", exDSP)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "fichier introuvable : absent.json")
	assert.NotEmpty(t, out)
}
