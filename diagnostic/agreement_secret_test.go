package diagnostic_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
)

// linear is a sum of leaves (the cells of the two départements' matrices).
type linear struct {
	leaves []int
	value  int
	name   string
}

// leafOf is the leaf of cell i, j of département d.
func leafOf(d, i, j int) int { return d*9 + 3*i + j }

// quantities returns every count of people of a group's matrix as sums of
// leaves: the size, the nine cells, the rows, the columns, the agreeing and
// the disagreeing pairs; ds are the départements the group covers.
func quantities(ds []int, x [2]diagnostic.Matrix, name string) map[string]linear {
	q := map[string]linear{}
	add := func(key string, cell func(i, j int) bool) {
		l := linear{name: name + "/" + key}
		for _, d := range ds {
			for i := range 3 {
				for j := range 3 {
					if cell(i, j) {
						l.leaves = append(l.leaves, leafOf(d, i, j))
						l.value += x[d][i][j]
					}
				}
			}
		}
		q[key] = l
	}
	add("effectif", func(int, int) bool { return true })
	add("accords", func(i, j int) bool { return i == j })
	add("desaccords", func(i, j int) bool { return i != j })
	for a := range 3 {
		add("ligne"+string(rune('0'+a)), func(i, _ int) bool { return i == a })
		add("colonne"+string(rune('0'+a)), func(_, j int) bool { return j == a })
		for b := range 3 {
			add("case"+string(rune('0'+a))+string(rune('0'+b)), func(i, j int) bool { return i == a && j == b })
		}
	}
	return q
}

// published returns the constraints a reader gets from a group's figures.
func published(f *diagnostic.AgreementFigures, q map[string]linear) []linear {
	if f == nil {
		return nil
	}
	var out []linear
	n, nOK := f.N.Int()
	if nOK {
		out = append(out, q["effectif"])
	}
	for i := range 3 {
		for j := range 3 {
			if _, ok := f.Matrix[i][j].Int(); ok {
				out = append(out, q["case"+string(rune('0'+i))+string(rune('0'+j))])
			}
		}
	}
	if f.Rate != nil && nOK {
		a := q["accords"]
		a.value = int(math.Round(*f.Rate * float64(n)))
		out = append(out, a)
	}
	return out
}

// bruteIntervals enumerates the leaves consistent with the constraints and
// returns each target's smallest and largest value; ok is false when the
// enumeration ran out of budget.
func bruteIntervals(nLeaves, cap int, cons []linear, targets []linear) (lo, hi []int, ok bool) {
	lo, hi = make([]int, len(targets)), make([]int, len(targets))
	for i := range lo {
		lo[i], hi[i] = math.MaxInt, -1
	}
	vals := make([]int, nLeaves)
	budget := 1_000_000
	// Leaves are assigned in order: a constraint is complete once its
	// largest leaf is assigned.
	last := make([]int, len(cons))
	for c, l := range cons {
		for _, x := range l.leaves {
			last[c] = max(last[c], x)
		}
	}
	var dfs func(k int) bool
	dfs = func(k int) bool {
		if budget--; budget < 0 {
			return false
		}
		if k == nLeaves {
			for t, l := range targets {
				s := 0
				for _, x := range l.leaves {
					s += vals[x]
				}
				lo[t], hi[t] = min(lo[t], s), max(hi[t], s)
			}
			return true
		}
		for v := 0; v <= cap; v++ {
			vals[k] = v
			over, bad := false, false
			for c, l := range cons {
				s, done := 0, last[c] <= k
				for _, x := range l.leaves {
					if x <= k {
						s += vals[x]
					}
				}
				if s > l.value {
					over = true
					break
				}
				if done && s != l.value {
					bad = true
				}
			}
			if over {
				break
			}
			if !bad && !dfs(k+1) {
				return false
			}
		}
		return true
	}
	return lo, hi, dfs(0)
}

// TestAgreementReportsResistBruteForce: random co-diagnostics in two
// départements; an attacker knows every figure published (sizes, cells,
// rates, of the whole and of each département) and enumerates every pair of
// matrices consistent with them. Every secret figure and every small count
// (margins, agreeing and disagreeing pairs included) must still range over
// at least the threshold.
func TestAgreementReportsResistBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 77))
	checked := 0
	for n := range 40 {
		th := secret.DefaultThreshold // RULES.md §10: lower thresholds are refused
		var x [2]diagnostic.Matrix
		var pairs []diagnostic.AgreementPair
		communes := [2]string{"77288", "02408"}
		total := 0
		for d := range 2 {
			size := rng.IntN(6)
			for range size {
				i, j := rng.IntN(3), rng.IntN(3)
				if rng.IntN(2) == 0 {
					j = i
				}
				x[d][i][j]++
				total++
				pairs = append(pairs, diagnostic.AgreementPair{Automated: diagnostic.AgreementPathways[i], Human: diagnostic.AgreementPathways[j], Commune: spie.CommuneCode(communes[d])})
			}
		}
		a, fs := diagnostic.Evaluate(pairs, th)
		require.Empty(t, fs)
		require.Equal(t, th, a.Threshold)
		groups := map[string]*diagnostic.AgreementFigures{"tous": &a.AgreementFigures}
		for _, g := range a.ByTerritory {
			groups[g.Key] = g.Stats
		}
		cover := map[string][]int{"tous": {0, 1}, "77": {0}, "02": {1}}
		var cons, targets []linear
		var wantWide []bool
		for key, ds := range cover {
			if key != "tous" && len(ds) == 1 && x[ds[0]] == (diagnostic.Matrix{}) {
				continue // an empty département is not in the report
			}
			q := quantities(ds, x, key)
			cons = append(cons, published(groups[key], q)...)
			pub := map[string]bool{}
			for _, l := range published(groups[key], q) {
				pub[l.name] = true
			}
			for name, l := range q {
				small := l.value > 0 && l.value < th
				isCount := name == "effectif" || len(name) == 6 && name[:4] == "case"
				if pub[l.name] {
					assert.False(t, small, "case %d: %s = %d published", n, l.name, l.value)
					continue
				}
				if small || isCount {
					targets = append(targets, l)
					wantWide = append(wantWide, true)
				}
			}
		}
		lo, hi, ok := bruteIntervals(18, total+th, cons, targets)
		if !ok {
			continue
		}
		checked++
		for i, l := range targets {
			require.LessOrEqual(t, lo[i], l.value, "the true matrices are consistent")
			require.GreaterOrEqual(t, hi[i], l.value)
			if wantWide[i] {
				assert.True(t, hi[i] >= total+th || hi[i]-lo[i] >= th,
					"case %d (seuil %d, matrices %v): %s = %d recomputable within [%d, %d]", n, th, x, l.name, l.value, lo[i], hi[i])
			}
		}
		if t.Failed() {
			return
		}
	}
	// At the threshold of 5 (RULES.md §10) more cells are secret and the
	// brute force finishes within its budget on about a third of the cases.
	assert.Greater(t, checked, 10, "brute force finished on enough cases (%d)", checked)
}
