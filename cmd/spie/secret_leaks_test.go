package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie/secret"
)

// publishedInt reads a published count: a JSON number, or a cell
// {"valeur": n}; a secret or absent cell is not published.
func publishedInt(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), true
	case map[string]any:
		if n, ok := x["valeur"].(float64); ok {
			return int(n), true
		}
	}
	return 0, false
}

// agreementFigures are the published counts of one matrix: the size, then
// the nine cells (automated row, human column).
func agreementFigures(stats any) [10]any {
	var out [10]any
	m, ok := stats.(map[string]any)
	if !ok {
		return out
	}
	out[0] = m["effectif"]
	rows, _ := m["matrice"].([]any)
	for i, r := range rows {
		cols, _ := r.([]any)
		for j, c := range cols {
			out[1+3*i+j] = c
		}
	}
	return out
}

// TestAgreementTerritoryNotRecomputable is the attack of issue 11 on the
// example: the whole population (48 people) minus the published
// départements gives the secret one (02: 3 people) and its matrix. For every
// figure (size and each cell), a secret département's value must not be
// the whole's minus the other départements' published values.
func TestAgreementTerritoryNotRecomputable(t *testing.T) {
	code, out, errOut := runCLI(t, "", "agreement", "--format", "json", exPairs)
	require.Equal(t, exitOK, code, errOut)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	whole := agreementFigures(rep)
	groups, _ := rep["par_territoire"].([]any)
	require.NotEmpty(t, groups)
	figs := make([][10]any, len(groups))
	keys := make([]string, len(groups))
	for g, x := range groups {
		m := x.(map[string]any)
		keys[g], _ = m["cle"].(string)
		figs[g] = agreementFigures(m["resultats"])
	}
	for f := range 10 {
		w, ok := publishedInt(whole[f])
		if !ok {
			continue
		}
		for g := range groups {
			if _, pub := publishedInt(figs[g][f]); pub {
				continue
			}
			rest, all := w, true
			for h := range groups {
				if h == g {
					continue
				}
				v, ok := publishedInt(figs[h][f])
				all = all && ok
				rest -= v
			}
			assert.False(t, all, "département %s, figure %d (0: effectif, then the matrix row by row) recomputed by difference: %d", keys[g], f, rest)
		}
	}
	// Inside each group, the size minus the published cells.
	for g := range append(figs, whole) {
		fg := append(figs, whole)[g]
		n, ok := publishedInt(fg[0])
		if !ok {
			continue
		}
		secretCells, rest := 0, n
		for f := 1; f < 10; f++ {
			if v, ok := publishedInt(fg[f]); ok {
				rest -= v
			} else {
				secretCells++
			}
		}
		assert.False(t, secretCells == 1, "group %d: the secret cell is %d", g, rest)
	}
}

// TestThresholdOneJSONName: every verb that publishes counts of people
// names its threshold secret.JSONName.
func TestThresholdOneJSONName(t *testing.T) {
	for name, args := range map[string][]string{
		"agreement":  {"agreement", exPairs},
		"indicators": {"indicators", "--date", "2026-06-30", "-"},
	} {
		t.Run(name, func(t *testing.T) {
			stdin := ""
			if name == "indicators" {
				stdin = carnetsNDJSON(t)
			}
			_, out, errOut := runCLI(t, stdin, args...)
			var rep map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &rep), errOut)
			assert.Equal(t, float64(secret.DefaultThreshold), rep[secret.JSONName])
			assert.NotContains(t, rep, "secret_statistique")
		})
	}
}
