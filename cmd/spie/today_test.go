package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultDateInThePersonsTerritory: without --date, alerts examine the
// date of the person's territory. 22:30 UTC on 30 June 2026 is 00:30 on
// 1 July in Laon (UTC+2 in summer) and 18:30 on 30 June in Pointe-à-Pitre
// (UTC−4).
func TestDefaultDateInThePersonsTerritory(t *testing.T) {
	laon, err := os.ReadFile("../../examples/carnet/cej-jeune-laon.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(laon, &doc))
	doc["personne"].(map[string]any)["code_commune"] = "97120"
	guadeloupe, err := json.Marshal(doc)
	require.NoError(t, err)
	for _, c := range []struct {
		name, in, want string
	}{
		{"Laon", string(laon), "2026-07-01"},
		{"Pointe-à-Pitre", string(guadeloupe), "2026-06-30"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			cl := &cli{stdin: strings.NewReader(c.in), stdout: &out, stderr: &errOut,
				now: func() time.Time { return time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC) }}
			run(cl, []string{"alerts", "-"})
			var res struct {
				Date string `json:"date"`
			}
			require.NoError(t, json.NewDecoder(&out).Decode(&res), errOut.String())
			assert.Equal(t, c.want, res.Date)
		})
	}
}
