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

// carnetExample returns the path of an example carnet.
func carnetExample(name string) string {
	return filepath.Join("..", "..", "examples", "carnet", name+".json")
}

var carnetExamples = []string{"cej-jeune-laon", "fusion-doublons-marseille", "reorientation-social-global-chauny", "rsa-perdu-de-vue-soissons"}

// carnetsNDJSON returns the example carnets, one per line.
func carnetsNDJSON(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, n := range carnetExamples {
		data, err := os.ReadFile(carnetExample(n))
		require.NoError(t, err)
		b.WriteString(compact(t, string(data)))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestAlerts(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  func(t *testing.T) string
		code   int
		golden string
	}{
		{"perdu de vue", []string{"alerts", "--date", "2025-12-05", carnetExample("rsa-perdu-de-vue-soissons")}, nil, exitInvalid, "perdu-de-vue.json"},
		{"retrouvé, fin de contrat à venir", []string{"alerts", "--date", "2026-06-30", carnetExample("rsa-perdu-de-vue-soissons")}, nil, exitInvalid, "fin-de-contrat.json"},
		{"sans alerte", []string{"alerts", "--date", "2026-06-30", carnetExample("cej-jeune-laon")}, nil, exitOK, "sans-alerte.json"},
		{"flux NDJSON", []string{"alerts", "--date", "2025-10-15", "-"}, carnetsNDJSON, exitInvalid, "flux.ndjson"},
		{"carnet illisible", []string{"alerts", "--date", "2025-10-15", "-"}, func(*testing.T) string { return `{"id": 3}` + "\n" }, exitInvalid, "illisible.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ""
			if tt.stdin != nil {
				in = tt.stdin(t)
			}
			code, out, errOut := runCLI(t, in, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			goldenVerb(t, "alerts", tt.golden, out)
		})
	}
	t.Run("sortie JSON lisible", func(t *testing.T) {
		_, out, _ := runCLI(t, "", "alerts", "--date", "2025-12-05", carnetExample("rsa-perdu-de-vue-soissons"))
		var res alertsResult
		require.NoError(t, json.Unmarshal([]byte(out), &res))
		assert.Equal(t, "perdu-de-vue", string(res.Suivi.State))
		assert.True(t, res.Alertes.HasCode("CARNET-PDV-12"))
	})
	for _, args := range [][]string{
		{"alerts", "--date", "2025-13-01", carnetExample("cej-jeune-laon")},
		{"alerts", "--date", "2025-12-01"},
		{"alerts", "absent.json"},
		{"alerts", "--politique", "absent.json", carnetExample("cej-jeune-laon")},
	} {
		t.Run("usage "+strings.Join(args[1:], " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.NotEmpty(t, errOut)
		})
	}
}
