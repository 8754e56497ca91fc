package diagnostic_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
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
	assert.Equal(t, "60", a.N.String())
	require.NotNil(t, a.Rate, "46 agreeing pairs and 60 pairs are published")
	assert.InDelta(t, 46.0/60.0, *a.Rate, 1e-12)
	assert.Nil(t, a.Kappa, "3, 2 and 4 are secret: kappa, which depends on every margin, is too")
	assert.Equal(t, secret.DefaultThreshold, a.Threshold)
	k := diagnostic.Matrix{{20, 5, 0}, {3, 15, 2}, {0, 4, 11}}.Stats().Kappa
	require.NotNil(t, k)
	assert.InDelta(t, 151.0/235.0, *k, 1e-12)
	assert.InDelta(t, 0.642553, *k, 1e-6)
	// The margins are not published, only N: the secret cells together are
	// 60 − the published ones (by hand: 3 + 2 + 4 = 9 when only the small
	// cells are secret), so each secret cell ranges over 0..(that sum) and
	// the sum must be at least the threshold, with two secret cells at least.
	rest, secrets := 60, 0
	for i := range 3 {
		for j := range 3 {
			if v, ok := a.Matrix[i][j].Int(); ok {
				rest -= v
			} else {
				secrets++
			}
		}
	}
	assert.GreaterOrEqual(t, rest, 5)
	assert.GreaterOrEqual(t, secrets, 2)
	for _, v := range []int{3, 2, 4} {
		for i := range 3 {
			for j := range 3 {
				got, ok := a.Matrix[i][j].Int()
				assert.False(t, ok && got == v, "%d published", v)
			}
		}
	}
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
	// 64 pairs in all, 60 in the 77: 64 − 60 would give the Aisne back, so
	// the 77 (a part, rather than the whole population) is secret too.
	assert.Equal(t, "64", a.N.String())
	assert.Equal(t, "77", a.ByTerritory[1].Key)
	assert.True(t, a.ByTerritory[1].Suppressed)
	require.Len(t, a.ByPublic, 2)
	assert.Equal(t, "brsa", a.ByPublic[0].Key)
	require.NotNil(t, a.ByPublic[0].Stats)
	assert.Equal(t, "64", a.ByPublic[0].Stats.N.String(), "everyone is brsa: no one outside the public to protect")
	assert.Equal(t, "jeunes-moins-26", a.ByPublic[1].Key)
	assert.True(t, a.ByPublic[1].Suppressed)
	// A threshold of 4 would show the Aisne's 4 pairs: RULES.md §10 sets
	// the floor at 5, so it is refused and nothing is published.
	a, fs = diagnostic.Evaluate(pairs, 4)
	assert.True(t, fs.Has("SECRET-SEUIL-01", "/seuil_secret"), "%v", fs)
	assert.True(t, a.N.Secret)
	assert.Empty(t, a.ByTerritory)
	for i := range 3 {
		for j := range 3 {
			assert.True(t, a.Matrix[i][j].Secret)
		}
	}
}

func TestEvaluateDisagreementCriteria(t *testing.T) {
	a, _ := diagnostic.Evaluate(handPairs(), 0)
	// 14 disagreements, all with impact-max; the 5 of the row "global" also with se-projette.
	require.Len(t, a.Disagreements, 2)
	assert.Equal(t, diagnostic.OrientationCriterion("impact-max"), a.Disagreements[0].Code)
	assert.Equal(t, "14", a.Disagreements[0].Count.String())
	require.NotNil(t, a.Disagreements[0].Share)
	assert.Equal(t, 1.0, *a.Disagreements[0].Share)
	assert.Equal(t, diagnostic.OrientationCriterion("se-projette"), a.Disagreements[1].Code)
	assert.Equal(t, "5", a.Disagreements[1].Count.String(), "5 of 14: the 9 others are not small")
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
	assert.Equal(t, "secret", a.N.String(), "1 pair")
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
