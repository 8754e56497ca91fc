package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "réécrit les fichiers de référence")

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "diagnostic", name))
	require.NoError(t, err)
	return string(b)
}

func compact(t *testing.T, doc string) string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(doc), &v))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestValidateExitCodesAndText(t *testing.T) {
	ex := "../../examples/diagnostic/"
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		golden string
	}{
		{"all valid", []string{"validate", "--kind", "diagnostic", ex + "jeune-laon.json", ex + "boeth-carcassonne.json"}, "", exitOK, "valid.txt"},
		{"some invalid", []string{"validate", "--kind", "diagnostic", ex + "jeune-laon.json", ex + "invalid/co-diagnostic-sans-binome.json"}, "", exitInvalid, "invalid.txt"},
		{"json output", []string{"validate", "--kind", "diagnostic", "--format", "json", ex + "invalid/priorites-en-double-consentement-non-date.json", ex + "jeune-laon.json"}, "", exitInvalid, "invalid.ndjson"},
		{"unreadable JSON on stdin", []string{"validate", "--kind", "diagnostic", "-"}, "{\"id\": \n  ", exitInvalid, "broken.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "validate", tt.golden, out)
		})
	}
}

func TestValidateUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown kind", []string{"validate", "--kind", "facture", "x.json"}},
		{"no kind", []string{"validate", "x.json"}},
		{"bad format", []string{"validate", "--kind", "diagnostic", "--format", "xml", "x.json"}},
		{"no file", []string{"validate", "--kind", "diagnostic"}},
		{"missing file", []string{"validate", "--kind", "diagnostic", "absent.json"}},
		{"unknown flag", []string{"validate", "--genre", "x"}},
		{"empty stdin", []string{"validate", "--kind", "diagnostic", "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.NotEmpty(t, errOut)
		})
	}
}

// TestValidateInputShapes checks that a document, an array and NDJSON of the
// same documents give the same verdicts, in order.
func TestValidateInputShapes(t *testing.T) {
	valid := compact(t, readExample(t, "jeune-laon.json"))
	invalid := compact(t, readExample(t, "invalid/co-diagnostic-sans-binome.json"))
	docs := []string{valid, invalid, valid, invalid, valid}
	shapes := map[string]string{
		"ndjson":          strings.Join(docs, "\n") + "\n",
		"ndjson crlf":     strings.Join(docs, "\r\n"),
		"ndjson blank":    "\n" + strings.Join(docs, "\n\n") + "\n\n",
		"array":           "[" + strings.Join(docs, ",\n") + "]",
		"array with BOM":  "\uFEFF[" + strings.Join(docs, ",") + "]",
		"ndjson with BOM": "\uFEFF" + strings.Join(docs, "\n"),
	}
	for name, input := range shapes {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, input, "validate", "--kind", "diagnostic", "--format", "json", "--workers", "3", "-")
			assert.Equal(t, exitInvalid, code, errOut)
			var verdicts []bool
			var names []string
			sc := bufio.NewScanner(strings.NewReader(out))
			for sc.Scan() {
				var v validation
				require.NoError(t, json.Unmarshal(sc.Bytes(), &v))
				verdicts = append(verdicts, v.Valid)
				names = append(names, v.Document)
			}
			assert.Equal(t, []bool{true, false, true, false, true}, verdicts)
			assert.Equal(t, []string{"-#1", "-#2", "-#3", "-#4", "-#5"}, names)
		})
	}
	t.Run("pretty-printed single document", func(t *testing.T) {
		code, out, _ := runCLI(t, readExample(t, "jeune-laon.json"), "validate", "--kind", "diagnostic", "--format", "json", "-")
		assert.Equal(t, exitOK, code)
		assert.Equal(t, 1, strings.Count(out, "\n"))
	})
	t.Run("broken NDJSON line is reported and the stream goes on", func(t *testing.T) {
		code, out, _ := runCLI(t, valid+"\n{\"id\":\n"+valid+"\n", "validate", "--kind", "diagnostic", "--format", "json", "-")
		assert.Equal(t, exitInvalid, code)
		assert.Equal(t, 3, strings.Count(out, "\n"))
		assert.Contains(t, out, `"document":"-#2","valid":false`)
		assert.Contains(t, out, `"document":"-#3","valid":true`)
	})
}

func TestSchemaAndKinds(t *testing.T) {
	code, out, _ := runCLI(t, "", "schema", "diagnostic")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, `"$id": "https://spie-fr.github.io/socle/schemas/v1/diagnostic.json"`)
	code, _, _ = runCLI(t, "", "schema", "facture")
	assert.Equal(t, exitUsage, code)
	code, out, _ = runCLI(t, "", "kinds")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "diagnostic")
}
