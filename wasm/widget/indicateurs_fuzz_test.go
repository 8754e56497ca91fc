package widget_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/widget"
)

// FuzzDecodeIndicators: whatever the partner sends, the widget's decoder
// never panics; refused data yields only its own faults (or the library's
// SECRET-SEUIL-01) and nothing to show; accepted data has no secret cell
// carrying a figure, is accepted again after a round trip through the
// library's JSON, and renders.
func FuzzDecodeIndicators(f *testing.F) {
	if b, err := demo.IndicatorsData(); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`null`, `[]`, `{}`, `{"indicateurs":[]}`, `{"territoire":"Aisne","series":[]}`,
		`{"indicateurs":{"date":"2026-06-30","seuil_secret":5,"carnets_lus":10,"lignes_illisibles":0,"groupes":[{"dimension":"ensemble","valeur":"tous","personnes":10,"indicateurs":{"entrants":{"effectif":10},"diagnostic-1-mois":{"effectif":6,"base":10,"taux":0.6},"ruptures":{"secret":true}}}]}}`,
		`{"indicateurs":{"date":"2026-06-30","seuil_secret":5,"groupes":[{"dimension":"ensemble","valeur":"tous","personnes":10,"indicateurs":{"ruptures":{"secret":true,"effectif":2}}}]}}`,
		`{"reseau":{"date":"2026-06-30","seuil_secret":5,"structures_par_decision":[{"decision":"refusee","libelle":"Refusée","structures":{"valeur":1}}],"cohortes":[{"cohorte":"c","du":"2026-01-01","au":"2026-06-30","effectif_debut":{"secret":true},"effectif_fin":{"valeur":47},"entrees":{"valeur":9},"sorties":{"secret":true}}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, fs := widget.DecodeIndicators(b)
		if len(fs) > 0 {
			require.Empty(t, in.Carnet)
			require.Empty(t, in.Network)
			for _, x := range fs {
				require.True(t, strings.HasPrefix(x.Code, "WIDGET-INDICATEURS-") || x.Code == "SECRET-SEUIL-01", x.Code)
				require.NotEmpty(t, x.Message)
			}
			return
		}
		for _, r := range in.Carnet {
			for _, g := range r.Groups {
				require.False(t, g.Suppressed && (g.People != nil || len(g.Values) > 0))
				for _, v := range g.Values {
					require.False(t, v.Suppressed && (v.Count != nil || v.Base != nil || v.Rate != nil || v.Median != nil))
				}
			}
		}
		for _, r := range in.Network {
			for _, c := range r.Cohorts {
				for _, x := range []bool{c.AtStart.Secret && c.AtStart.Value != nil, c.AtEnd.Secret && c.AtEnd.Value != nil,
					c.Entered.Secret && c.Entered.Value != nil, c.Left.Secret && c.Left.Value != nil} {
					require.False(t, x)
				}
			}
		}
		again, err := json.Marshal(map[string]any{"indicateurs": in.Carnet, "reseau": in.Network})
		require.NoError(t, err)
		_, fs = widget.DecodeIndicators(again)
		require.Empty(t, fs, "%s", again)
		c := &widget.Indicateurs{}
		require.Empty(t, c.Init(b))
		renderHTML(t, c)
	})
}
