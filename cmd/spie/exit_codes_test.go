package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstLine returns the first line of the file path.
func firstLine(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	line, _, _ := strings.Cut(string(b), "\n")
	return line
}

// TestExitCodeContract: every verb that reads documents keeps the one
// contract of the README — 0 done and every input document valid; 1 some
// input document invalid; 2 usage error or unreadable input, an empty input
// included. Each verb reads standard input (-) through the one reader:
//   - empty: nothing but blanks → 2;
//   - BOM: a byte order mark then a valid document → 0;
//   - unreadable: a valid document then a read error of the input → 2;
//   - mixed: a valid document then a broken one (`{oops`) → 1 (for the
//     verbs that read one document, the broken document alone → 1).
func TestExitCodeContract(t *testing.T) {
	diag := compactFile(t, exDiag+"jeune-laon.json")
	k := compactFile(t, carnetExample("cej-jeune-laon"))
	pair := `{"id": "p1", "automatique": "emploi", "humain": "emploi", "code_commune": "77288", "publics": [], "criteres": []}`
	aisne := firstLine(t, exNetwork+"diagnostics-aisne-2026.ndjson")
	service := firstLine(t, exOfferServices)
	for _, tc := range []struct {
		verb   string
		args   []string
		doc    string
		single bool // the verb reads one document
	}{
		{"validate", []string{"validate", "--kind", "diagnostic", "-"}, diag, false},
		{"orient", []string{"orient", "-"}, diag, false},
		{"iae", []string{"iae", "-"}, diag, false},
		{"pmsmp", []string{"pmsmp", "-"}, compactFile(t, exPMSMP+"mineur-boulangerie-laon.json"), false},
		{"export-ft", []string{"export-ft", "-"}, diag, false},
		{"agreement", []string{"agreement", "-"}, pair, false},
		{"alerts", []string{"alerts", "--date", "2026-06-30", "-"}, k, false},
		{"view", []string{"view", "--date", "2026-06-30", "--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois", "-"}, k, false},
		{"indicators", []string{"indicators", "--date", "2026-06-30", "-"}, k, false},
		{"cohort", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "--date", "2026-06-30", "-"}, aisne, false},
		{"coverage", []string{"coverage", "--diagnostics", "-", "--catalogue", exNetwork + "catalogue-aisne.ndjson"}, aisne, false},
		{"search", []string{"search", "--catalogue", "-", "--commune", "02408"}, service, false},
		{"convert-v0", []string{"convert-v0", "-q", "-"}, compactFile(t, "testdata/convert-v0/input-service.json"), false},
		{"import-ft", []string{"import-ft", "-"}, compactFile(t, exDSP), true},
		{"import-cdb", []string{"import-cdb", "--siret", "22020000000010", "--commune", "02408", "-"}, compactFile(t, exCDB), true},
		{"label", []string{"label", "--date", "2024-03-15", "-"}, compactFile(t, exNetwork+"label-melun-labellisee.json"), true},
		{"committee", []string{"committee", "--calendar", "-", "--date", "2023-02-01"}, compactFile(t, exNetwork+"cto-laon-2023.json"), true},
		// The inputs on the line, as the others.
		{"coverage sur la ligne", []string{"coverage", "--catalogue", exNetwork + "catalogue-aisne.ndjson", "-"}, aisne, false},
		{"search sur la ligne", []string{"search", "--commune", "02408", "-"}, service, false},
		{"committee sur la ligne", []string{"committee", "--date", "2023-02-01", "-"}, compactFile(t, exNetwork+"cto-laon-2023.json"), true},
		{"normalize", []string{"normalize", "--kind", "service", "-"}, service, false},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			mixed := tc.doc + "\n{oops\n"
			if tc.single {
				mixed = "{oops\n"
			}
			for _, in := range []struct {
				name string
				r    io.Reader
				want int
			}{
				{"vide", strings.NewReader(" \r\n\n"), exitUsage},
				{"BOM", strings.NewReader("\xEF\xBB\xBF" + tc.doc + "\r\n"), exitOK},
				{"illisible", io.MultiReader(strings.NewReader(tc.doc+"\n"), iotest.ErrReader(errors.New("disque défaillant"))), exitUsage},
				{"mixte", strings.NewReader(mixed), exitInvalid},
			} {
				var out, errOut bytes.Buffer
				code := run(&cli{stdin: in.r, stdout: &out, stderr: &errOut, now: today}, tc.args)
				assert.Equal(t, in.want, code, "%s : %s\n%s", in.name, out.String(), errOut.String())
				if in.want == exitUsage {
					assert.NotEmpty(t, errOut.String(), "%s : une entrée refusée est expliquée", in.name)
				}
			}
		})
	}
}

// TestWorkersBounded: --workers is bounded by the number of cores, so a huge
// value neither allocates its queues nor hangs, and stderr says it was
// capped (the help promises 1 to the number of cores); 0 and negative values
// are usage errors (exit 2). The validation still gives every verdict.
func TestWorkersBounded(t *testing.T) {
	assert.Equal(t, runtime.NumCPU(), boundWorkers(100_000_000))
	assert.Equal(t, 1, boundWorkers(0))
	assert.Equal(t, 1, boundWorkers(-5))
	diag := compactFile(t, exDiag+"jeune-laon.json")
	for _, n := range []string{"0", "-1"} {
		code, out, errOut := runCLI(t, diag+"\n", "validate", "--kind", "diagnostic", "--workers", n, "-")
		assert.Equal(t, exitUsage, code, n)
		assert.Empty(t, out, n)
		assert.Contains(t, errOut, "--workers "+n+" refusé (de 1 au nombre de cœurs", n)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out, errOut := runCLI(t, diag+"\n"+diag+"\n", "validate", "--kind", "diagnostic", "--workers", "100000000", "-")
	runtime.ReadMemStats(&after)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "2 document(s) : 2 valide(s)")
	assert.Equal(t, fmt.Sprintf("spie validate : --workers 100000000 ramené à %d, le nombre de cœurs\n", runtime.NumCPU()), errOut)
	// A value within the bound is used silently.
	_, _, errOut = runCLI(t, diag+"\n", "validate", "--kind", "diagnostic", "--workers", "1", "-")
	assert.Empty(t, errOut)
	// Unbounded, the queues of 10⁸ workers alone took gigabytes.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("--workers 100000000 : %d Mo alloués", alloc>>20)
	assert.Less(t, alloc, uint64(64<<20))
}
