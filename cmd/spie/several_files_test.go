package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSeveralFiles: the verbs that read diagnostics (orient, iae,
// export-ft) or carnets (alerts, view) take several files and - (standard
// input), read in order through the one reader, one result per document
// named file#n (- is « entrée standard »; a file's lone carnet is named by
// the file); each result is the one the verb
// gives for that file alone.
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
		// suffix ends each document's name: eachCarnet names the lone
		// carnet of a file by the file alone.
		suffix string
	}{
		{"orient", nil, []string{a, "-", b}, stdin, "#1"},
		{"iae", nil, []string{a, "-", b}, stdin, "#1"},
		{"export-ft", nil, []string{a, "-", b}, stdin, "#1"},
		{"alerts", []string{"--date", "2026-06-30"}, []string{k, "-"}, compactFile(t, k), ""},
		{"view", partner, []string{k, "-"}, compactFile(t, k), ""},
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
					f = "-"
				}
				// The same document alone gives the same result (indented when alone).
				_, alone, _ := runCLI(t, in, append([]string{tc.verb, f}, tc.flags...)...)
				var got, want any
				require.NoError(t, json.Unmarshal([]byte(lines[i]), &got))
				require.NoError(t, json.Unmarshal([]byte(alone), &want))
				if m, ok := got.(map[string]any); ok && m["document"] != nil {
					name := f
					if f == "-" {
						name = "entrée standard"
					}
					assert.Equal(t, name+tc.suffix, m["document"])
					m["document"] = want.(map[string]any)["document"]
				}
				assert.Equal(t, want, got, "%s %s", tc.verb, f)
			}
		})
	}
}
