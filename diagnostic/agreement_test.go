package diagnostic_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// handPairs builds the pairs of a hand-computed matrix (rows automated,
// columns human: emploi, global, social):
//
//	         emploi global social | total
//	emploi       20      5      0 |  25
//	global        3     15      2 |  20
//	social        0      4     11 |  15
//	total        23     24     13 |  60
//
// pₒ = 46/60; pₑ = (25·23 + 20·24 + 15·13)/60² = 1250/3600;
// κ = (2760 − 1250)/(3600 − 1250) = 1510/2350 = 151/235 ≈ 0.642553.
func handPairs() []diagnostic.AgreementPair {
	m := diagnostic.Matrix{{20, 5, 0}, {3, 15, 2}, {0, 4, 11}}
	var out []diagnostic.AgreementPair
	n := 0
	for i, row := range m {
		for j, count := range row {
			for range count {
				n++
				commune := spie.CommuneCode("77288") // Melun
				if n%2 == 0 {
					commune = "77083" // Champs-sur-Marne, still 77
				}
				p := diagnostic.AgreementPair{
					Automated: diagnostic.AgreementPathways[i], Human: diagnostic.AgreementPathways[j],
					Commune: commune, Publics: []spie.Public{"brsa"},
					Criteria: []diagnostic.OrientationCriterion{"impact-max"},
				}
				if i != j && i == 1 {
					p.Criteria = append(p.Criteria, "se-projette")
				}
				out = append(out, p)
			}
		}
	}
	return out
}

func TestEvaluateKappaHandComputed(t *testing.T) {
	a, fs := diagnostic.Evaluate(handPairs(), 0)
	require.Empty(t, fs)
	assert.Equal(t, 60, a.N)
	assert.Equal(t, diagnostic.Matrix{{20, 5, 0}, {3, 15, 2}, {0, 4, 11}}, a.Matrix)
	assert.InDelta(t, 46.0/60.0, a.Rate, 1e-12)
	require.NotNil(t, a.Kappa)
	assert.InDelta(t, 151.0/235.0, *a.Kappa, 1e-12)
	assert.InDelta(t, 0.642553, *a.Kappa, 1e-6)
	assert.Equal(t, diagnostic.DefaultMinGroupSize, a.MinGroupSize)
}

func TestMatrixStats(t *testing.T) {
	t.Run("accord-parfait", func(t *testing.T) {
		s := diagnostic.Matrix{{3, 0, 0}, {0, 4, 0}, {0, 0, 5}}.Stats()
		assert.Equal(t, 1.0, s.Rate)
		require.NotNil(t, s.Kappa)
		assert.InDelta(t, 1.0, *s.Kappa, 1e-12)
	})
	t.Run("accord-du-hasard", func(t *testing.T) {
		// Independent margins: κ = 0.
		s := diagnostic.Matrix{{1, 1, 0}, {1, 1, 0}, {0, 0, 0}}.Stats()
		require.NotNil(t, s.Kappa)
		assert.InDelta(t, 0.0, *s.Kappa, 1e-12)
		assert.InDelta(t, 0.5, s.Rate, 1e-12)
	})
	t.Run("kappa-indefini-une-seule-categorie", func(t *testing.T) {
		s := diagnostic.Matrix{{0, 0, 0}, {0, 7, 0}, {0, 0, 0}}.Stats()
		assert.Nil(t, s.Kappa)
		assert.Equal(t, 1.0, s.Rate)
	})
	t.Run("vide", func(t *testing.T) {
		s := diagnostic.Matrix{}.Stats()
		assert.Zero(t, s.N)
		assert.Nil(t, s.Kappa)
	})
}

func TestEvaluateBreakdownsSuppressSmallGroups(t *testing.T) {
	pairs := handPairs()
	// Four people in the Aisne: a group under 5, suppressed.
	for range 4 {
		pairs = append(pairs, diagnostic.AgreementPair{Automated: "social", Human: "social", Commune: "02408", Publics: []spie.Public{"jeunes-moins-26", "brsa"}})
	}
	a, fs := diagnostic.Evaluate(pairs, 5)
	require.Empty(t, fs)
	require.Len(t, a.ByTerritory, 2)
	assert.Equal(t, "02", a.ByTerritory[0].Key)
	assert.True(t, a.ByTerritory[0].Suppressed)
	assert.Nil(t, a.ByTerritory[0].Stats, "aucun chiffre pour un groupe secret")
	assert.Equal(t, "77", a.ByTerritory[1].Key)
	require.NotNil(t, a.ByTerritory[1].Stats)
	assert.Equal(t, 60, a.ByTerritory[1].Stats.N)
	require.Len(t, a.ByPublic, 2)
	assert.Equal(t, "brsa", a.ByPublic[0].Key)
	assert.Equal(t, 64, a.ByPublic[0].Stats.N)
	assert.Equal(t, "jeunes-moins-26", a.ByPublic[1].Key)
	assert.True(t, a.ByPublic[1].Suppressed)
	// With a threshold of 4 the Aisne is shown.
	a, _ = diagnostic.Evaluate(pairs, 4)
	assert.False(t, a.ByTerritory[0].Suppressed)
}

func TestEvaluateDisagreementCriteria(t *testing.T) {
	a, _ := diagnostic.Evaluate(handPairs(), 0)
	// 14 disagreements, all with impact-max; the 5 of the row "global" also with se-projette.
	require.Len(t, a.Disagreements, 2)
	assert.Equal(t, diagnostic.CriterionCount{Code: "impact-max", Count: 14, Share: 1}, a.Disagreements[0])
	assert.Equal(t, diagnostic.OrientationCriterion("se-projette"), a.Disagreements[1].Code)
	assert.Equal(t, 5, a.Disagreements[1].Count)
}

func TestEvaluateFaults(t *testing.T) {
	pairs := []diagnostic.AgreementPair{
		{Automated: "indetermine", Human: "social"},
		{Automated: "emploi", Human: "accompagne"},
		{Automated: "emploi", Human: "emploi", Commune: "7728", Publics: []spie.Public{"inconnu"}},
	}
	a, fs := diagnostic.Evaluate(pairs, 0)
	assert.True(t, fs.Has("ORIENT-ACCORD-02", "/0/automatique"))
	assert.True(t, fs.Has("ORIENT-ACCORD-01", "/1/humain"))
	assert.True(t, fs.Has("ORIENT-ACCORD-04", "/2/code_commune"))
	assert.True(t, fs.Has("ORIENT-ACCORD-03", "/2/publics/0"))
	assert.Equal(t, 2, a.Excluded)
	assert.Equal(t, 1, a.N)
	assert.Equal(t, "inconnu", a.ByTerritory[0].Key)
}

func TestPairOf(t *testing.T) {
	d := baseDiagnostic()
	for _, m := range with(globalProfile, rsa, young) {
		m(d)
	}
	d.Criteria.QPV = true
	dec := diagnostic.Orient(d, nil)
	p := diagnostic.PairOf(d, dec, diagnostic.PathwaySocial)
	assert.Equal(t, diagnostic.PathwayGlobal, p.Automated)
	assert.Equal(t, diagnostic.PathwaySocial, p.Human)
	assert.Equal(t, spie.CommuneCode("77288"), p.Commune)
	assert.Equal(t, []spie.Public{"brsa", "jeunes-moins-26", "jeunes-18-30", "residents-qpv"}, p.Publics)
	// Only the criteria of the pathway stage, once each.
	assert.Equal(t, []diagnostic.OrientationCriterion{"se-projette", "impact-max"}, p.Criteria)
}
