package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExitCodeContractNewVerbs: the verbs match, prescription, merge,
// purge and export keep the one contract of TestExitCodeContract (README):
// empty input → 2; a BOM then valid documents → 0; valid documents then a
// read error → 2; valid documents then a broken one → 1. Each reads
// standard input (-) through the one reader.
func TestExitCodeContractNewVerbs(t *testing.T) {
	dir := t.TempDir()
	c1, c2 := smallCarnet(t, dir, "c-1", "p-1"), smallCarnet(t, dir, "c-2", "p-1")
	read := func(path string) string {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		return strings.TrimSpace(string(b))
	}
	_, sent := prescriptionFiles(t)
	diag := compactFile(t, exDiag+"jeune-laon.json")
	for _, tc := range []struct {
		verb string
		args []string
		doc  string
	}{
		{"match", []string{"match", "--catalogue", exOfferServices, "-"}, diag},
		{"prescription", []string{"prescription", "relancer", "--now", "2026-03-20T10:00:00Z", "-"}, read(sent)},
		{"merge", append([]string{"merge", "--now", "2025-04-01T08:00:00Z", "-"}, claire...), read(c1) + "\n" + read(c2)},
		{"purge", append([]string{"purge", "--date", "2026-01-01", "-"}, claire...), read(c1)},
		{"export", append([]string{"export", "--date", "2026-01-01", "-"}, claire...), read(c1)},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			for _, in := range []struct {
				name string
				r    io.Reader
				want int
			}{
				{"vide", strings.NewReader(" \r\n\n"), exitUsage},
				{"BOM", strings.NewReader("\xEF\xBB\xBF" + tc.doc + "\r\n"), exitOK},
				{"illisible", io.MultiReader(strings.NewReader(tc.doc+"\n"), iotest.ErrReader(errors.New("disque défaillant"))), exitUsage},
				{"mixte", strings.NewReader(tc.doc + "\n{oops\n"), exitInvalid},
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

// TestHostileOutputsAreFrenchNewVerbs runs the hostile corpus through the
// new verbs, from their standard input, and scans what they print for
// English words and library text (as TestHostileOutputsAreFrench).
func TestHostileOutputsAreFrenchNewVerbs(t *testing.T) {
	verbs := [][]string{
		{"match", "--catalogue", exOfferServices, "-"}, {"match", "--catalogue", exOfferServices, "--format", "json", "-"},
		{"prescription", "relancer", "--now", "2026-03-20T10:00:00Z", "-"},
		{"prescription", "envoyer", "--par", "x", "--format", "json", "-"},
		append([]string{"merge", "--format", "text", "-"}, claire...),
		append([]string{"purge", "-"}, claire...),
		append([]string{"export", "--format", "text", "-"}, claire...),
	}
	for name, in := range hostileInputs(t) {
		for _, args := range verbs {
			_, out, errOut := runCLI(t, in, args...)
			where := strings.Join(args, " ") + " < " + name
			scanOutput(t, where+" (sortie)", out)
			scanOutput(t, where+" (erreurs)", errOut)
		}
	}
}
