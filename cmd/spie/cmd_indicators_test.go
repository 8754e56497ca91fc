package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// manyCarnets returns 10 copies of each example carnet under other ids and
// persons, so that groups pass the small-cell threshold.
func manyCarnets(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, n := range carnetExamples {
		data, err := os.ReadFile(carnetExample(n))
		require.NoError(t, err)
		for i := range 10 {
			var doc map[string]any
			require.NoError(t, json.Unmarshal(data, &doc))
			doc["id"] = fmt.Sprintf("%s-%d", doc["id"], i)
			delete(doc, "journal")
			line, err := json.Marshal(doc)
			require.NoError(t, err)
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestIndicators(t *testing.T) {
	t.Run("quarante carnets", func(t *testing.T) {
		code, out, errOut := runCLI(t, manyCarnets(t), "indicators", "--date", "2026-06-30", "-")
		assert.Equal(t, exitOK, code, errOut)
		goldenVerb(t, "indicators", "quarante-carnets.json", out)
	})
	t.Run("secret statistique sur les exemples", func(t *testing.T) {
		code, out, _ := runCLI(t, carnetsNDJSON(t), "indicators", "--date", "2026-06-30", "-")
		assert.Equal(t, exitOK, code)
		goldenVerb(t, "indicators", "quatre-carnets.json", out)
		assert.Contains(t, out, `"secret": true`)
	})
	t.Run("ligne illisible", func(t *testing.T) {
		code, out, errOut := runCLI(t, "{oups\n"+carnetsNDJSON(t), "indicators", "--date", "2026-06-30", "-")
		assert.Equal(t, exitInvalid, code)
		assert.Contains(t, out, `"code": "INPUT-JSON-01"`)
		assert.Contains(t, out, `"path": "/1"`)
		assert.Contains(t, errOut, "illisible")
	})
	for _, args := range [][]string{
		{"indicators", "--date", "hier", "-"},
		{"indicators"},
		{"indicators", "absent.ndjson"},
	} {
		t.Run("usage "+strings.Join(args[1:], " "), func(t *testing.T) {
			code, _, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
		})
	}
}

// TestIndicatorsWorkers: the report is the same whatever --workers says
// (the goldens above run with the default, one per core); 0 is refused.
func TestIndicatorsWorkers(t *testing.T) {
	in := "{oups\n" + manyCarnets(t)
	_, want, _ := runCLI(t, in, "indicators", "--date", "2026-06-30", "--workers", "1", "-")
	for _, n := range []string{"2", "1000"} {
		code, out, errOut := runCLI(t, in, "indicators", "--date", "2026-06-30", "--workers", n, "-")
		assert.Equal(t, exitInvalid, code, errOut)
		assert.Equal(t, want, out, "--workers %s", n)
	}
	code, out, errOut := runCLI(t, manyCarnets(t), "indicators", "--workers", "0", "-")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "--workers 0 refusé (de 1 au nombre de cœurs")
}
