package offer_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

func serviceOf(t *testing.T, m map[string]any) *offer.Service {
	t.Helper()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var s offer.Service
	require.NoError(t, json.Unmarshal(b, &s))
	return &s
}

// minimalService holds only the required fields, date_maj days before
// 2026-06-01.
func minimalService(days int) map[string]any {
	return map[string]any{
		"source": "dora", "structure_id": "dora--s1", "id": "dora--svc1", "nom": "Atelier",
		"description": "abcde", "date_maj": time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -days).Format("2006-01-02"),
	}
}

// The expected scores are worked by hand from data·inclusion's
// score_qualite.py (the model itself needs pendulum 3, which cannot be
// installed here): each applicable criterion rounded to 2 decimals, their
// mean rounded to 2 decimals as Python's round does.
func TestScoreQualite(t *testing.T) {
	now := time.Date(2026, 6, 1, 15, 30, 0, 0, time.UTC)
	full := offertest.ValidService() // date_maj 2025-11-02
	payantFT := minimalService(10)
	payantFT["source"] = "france-travail"
	payantFT["frais"] = "payant"
	payantFT["modes_mobilisation"] = []any{"se-presenter"}
	payantFT["publics"] = []any{"jeunes"}
	payantFT["telephone"] = ""
	payantFT["description"] = strings.Repeat("a", 200)
	tie := minimalService(800)
	tie["frais"] = "gratuit"
	tie["modes_accueil"] = []any{"en-presentiel"}
	tests := []struct {
		name string
		doc  map[string]any
		want float64
		crit map[string]any // criteria checked (nil: not applicable)
	}{
		// Every criterion applies. Description: 68 characters → 0.5.
		// date_maj 2025-11-02 to 2026-06-01: Nov 2 → Dec 2 is 30 days,
		// then 31, 31, 28, 31, 30, 31 to Jun 2, minus one: 211 days;
		// 180 < 211 < 730 → (730 − 211) / 550 = 519/550 = 0.9436… → 0.94.
		// Sum: 1+1+1+1+1+1+0.94+1+0.5+1 = 9.44, / 10 = 0.944 → 0.94.
		{"complet", full, 0.94, map[string]any{"date_maj_recente": 0.94, "description_bien_definie": 0.5, "adresse_bien_definie": 1.0}},
		// Only the required fields, 400 days old: modes 0, publics 0,
		// thématiques 0, contact 0, date (730 − 400) / 550 = 0.6, frais 0,
		// description (5 characters) 0; adresse, courriel, téléphone do
		// not apply: 0.6 / 7 = 0.0857 → 0.09.
		{"minimal", minimalService(400), 0.09, map[string]any{"date_maj_recente": 0.6, "adresse_bien_definie": nil, "courriel_bien_defini": nil, "telephone_bien_defini": nil}},
		// france-travail: no date criterion. se-presenter without adresse
		// → 0; modes without mobilisable_par → 0.5; publics 1; thématiques
		// 0; contact 0 (an empty telephone is no contact); payant without
		// précisions → 0.5; description of 200 characters → 1. Sum 3 / 7 =
		// 0.4286 → 0.43.
		{"payant france-travail", payantFT, 0.43, map[string]any{"date_maj_recente": nil, "frais_bien_definis": 0.5, "modes_mobilisation_bien_definis": 0.5, "telephone_bien_defini": nil}},
		// 8 criteria (adresse applies, en-presentiel, and is 0), frais 1,
		// all others 0 (800 days: date 0): 1 / 8 = 0.125, which Python's
		// round gives as 0.12 (an exact tie, to even).
		{"arrondi au pair", tie, 0.12, map[string]any{"adresse_bien_definie": 0.0, "frais_bien_definis": 1.0}},
		// Boundaries of date_maj_recente: 179 days → 1; exactly 180 → 0
		// (neither age < 180 nor 180 < age); 181 → 549/550 = 0.998 → 1.0;
		// 729 → 1/550 → 0.0; 730 → 0.
		{"179 jours", minimalService(179), 0.14, map[string]any{"date_maj_recente": 1.0}},
		{"180 jours", minimalService(180), 0, map[string]any{"date_maj_recente": 0.0}},
		{"181 jours", minimalService(181), 0.14, map[string]any{"date_maj_recente": 549.0 / 550}},
		{"729 jours", minimalService(729), 0, map[string]any{"date_maj_recente": 1.0 / 550}},
		// A date_maj after today counts by its distance (pendulum's diff
		// is absolute): 3 days → 1.
		{"futur", minimalService(-3), 0.14, map[string]any{"date_maj_recente": 1.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := offer.ScoreQualiteOf(serviceOf(t, tt.doc), now)
			assert.Equal(t, tt.want, q.Score)
			assert.Len(t, q.Criteres, 10)
			for name, want := range tt.crit {
				got, ok := q.Criteres[name]
				require.True(t, ok, name)
				if want == nil {
					assert.Nil(t, got, name)
					continue
				}
				if assert.NotNil(t, got, name) {
					assert.InDelta(t, want.(float64), *got, 0.005, name)
				}
			}
		})
	}
}

func ExampleScoreQualiteOf() {
	b, _ := json.Marshal(offertest.ValidService())
	var s offer.Service
	_ = json.Unmarshal(b, &s)
	q := offer.ScoreQualiteOf(&s, time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC))
	fmt.Println(q.Score, *q.Criteres["description_bien_definie"])
	// Output: 0.94 0.5
}

// The search index computes score_qualite from parts kept per service: on
// every service of the Aisne example, at dates around the thresholds, it
// is ScoreQualiteOf's.
func TestSearchScoreQualiteIsScoreQualiteOf(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(t, err)
	defer f.Close()
	svs, _ := offer.LoadServices(f, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), nil)
	require.NotEmpty(t, svs)
	c, _ := offer.NewCatalogue(svs, nil)
	for _, now := range []time.Time{
		time.Date(2026, 6, 1, 23, 59, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 9, 1, 0, 0, 0, 0, time.FixedZone("", 2*3600)),
	} {
		rs, err := c.Search(offer.Query{Now: now})
		require.NoError(t, err)
		require.Len(t, rs, len(svs))
		for _, r := range rs {
			assert.Equal(t, offer.ScoreQualiteOf(r.Service, now).Score, r.ScoreQualite, "%s au %s", r.Service.ID, now)
		}
	}
}
