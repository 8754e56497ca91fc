package carnet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
)

// publishedReport is the JSON report of ComputeIndicators as a reader sees
// it, decoded here without the package's types.
type publishedReport struct {
	Groups []struct {
		Dimension string `json:"dimension"`
		Key       string `json:"valeur"`
		People    *int   `json:"personnes"`
		Secret    bool   `json:"secret"`
		Values    map[string]struct {
			Count  *int `json:"effectif"`
			Base   *int `json:"base"`
			Secret bool `json:"secret"`
		} `json:"indicateurs"`
	} `json:"groupes"`
}

// atom is a kind of person of the random inputs: territory (0: 02, 1: 11),
// cohort (0: laon, 1: soissons), diagnostic (0: none, 1: within the month,
// 2: later). All other facts are those of base(), the same for everyone.
// The kinds are every combination of the facts the report counts apart, so
// that the relations below hold for any population, not only this one.
type atom struct{ terr, cohort, diag int }

var atoms = func() []atom {
	var out []atom
	for t := range 2 {
		for c := range 2 {
			for d := range 3 {
				out = append(out, atom{t, c, d})
			}
		}
	}
	return out
}()

// bruteLinear is a linear quantity of the atoms' counts: Σ coef[i]·n[i].
type bruteLinear struct {
	name string
	coef []int
}

func (l bruteLinear) eval(n []int) int {
	s := 0
	for i, c := range l.coef {
		s += c * n[i]
	}
	return s
}

// bruteRanges enumerates every vector of non-negative atom counts (each at
// most cap) that gives every published quantity its published value, and
// returns the interval of each target; ok is false when the budget ran out.
func bruteRanges(cap int, cons []bruteLinear, vals []int, targets []bruteLinear) (lo, hi []int, ok bool) {
	nv := len(atoms)
	lo, hi = make([]int, len(targets)), make([]int, len(targets))
	for i := range lo {
		lo[i], hi[i] = 1<<30, -1
	}
	last := make([]int, len(cons))
	for c, l := range cons {
		last[c] = -1
		for i, k := range l.coef {
			if k != 0 {
				last[c] = i
			}
		}
	}
	// Constraints touching each atom, and the running sum of each.
	byAtom := make([][]int, nv)
	for c, l := range cons {
		for i, k := range l.coef {
			if k != 0 {
				byAtom[i] = append(byAtom[i], c)
			}
		}
	}
	complete := make([][]int, nv) // constraints whose last atom is i
	for c := range cons {
		if last[c] >= 0 {
			complete[last[c]] = append(complete[last[c]], c)
		}
	}
	sums := make([]int, len(cons))
	n := make([]int, nv)
	budget := 2_000_000
	var dfs func(k int) bool
	dfs = func(k int) bool {
		if budget--; budget < 0 {
			return false
		}
		if k == nv {
			for t, l := range targets {
				v := l.eval(n)
				lo[t], hi[t] = min(lo[t], v), max(hi[t], v)
			}
			return true
		}
		defer func() {
			for _, c := range byAtom[k] {
				sums[c] -= cons[c].coef[k] * n[k]
			}
			n[k] = 0
		}()
		for v := 0; v <= cap; v++ {
			if v > 0 {
				for _, c := range byAtom[k] {
					sums[c] += cons[c].coef[k]
				}
			}
			n[k] = v
			over := false
			for _, c := range byAtom[k] {
				if sums[c] > vals[c] {
					over = true
				}
			}
			if over {
				break // coefficients are ≥ 0: larger values only grow the sums
			}
			good := true
			for _, c := range complete[k] {
				if sums[c] != vals[c] {
					good = false
				}
			}
			if good && !dfs(k+1) {
				return false
			}
		}
		return true
	}
	ok = dfs(0)
	return lo, hi, ok
}

// TestIndicatorsPublishedReportResistsBruteForce: random small populations
// of a few kinds of people; the published JSON report is read back, the
// linear relations are derived from the report's meaning (a group's count is
// the sum of its people's contributions: territories 02 and 11, cohorts,
// people diagnosed within the month; the indicators every person of base()
// counts the same, k per person, are tied to the people with k read from a
// group that publishes both), and every vector of counts consistent with
// what is published is enumerated. Every cell the report marks secret in a
// published group, every secret group's people, and every unpublished small
// count or complement (1..4) must range over at least the threshold.
func TestIndicatorsPublishedReportResistsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 1))
	th := secret.DefaultThreshold
	checked := 0
	const cases = 40
	for c := range cases {
		counts := make([]int, len(atoms))
		for i := range counts {
			if rng.IntN(2) == 0 {
				counts[i] = rng.IntN(6)
			}
		}
		if c == 0 {
			// The reviewer's case: 02/laon 7 on time and 3 late,
			// 11/soissons 15 and 5 (atom index terr·6 + cohort·3 + diag).
			counts = make([]int, len(atoms))
			counts[0], counts[1], counts[9], counts[10] = 3, 7, 5, 15
		}
		total := 0
		for _, n := range counts {
			total += n
		}
		var in bytes.Buffer
		enc := json.NewEncoder(&in)
		id := 0
		for i, a := range atoms {
			for range counts[i] {
				k := base()
				k.ID, k.Person.ID = fmt.Sprintf("c-%d", id), fmt.Sprintf("p-%d", id)
				id++
				k.Person.Commune = []spie.CommuneCode{"02408", "11069"}[a.terr]
				k.Cohort = []string{"laon", "soissons"}[a.cohort]
				switch a.diag {
				case 1: // entry 2025-03-03, within the month
					k.Diagnostic = &diagnostic.Diagnostic{Date: "2025-03-20"}
				case 2: // after 2025-04-03
					k.Diagnostic = &diagnostic.Diagnostic{Date: "2025-05-20"}
				}
				require.NoError(t, enc.Encode(k))
			}
		}
		rep, err := carnet.ComputeIndicators(&in, "2025-06-30", carnet.DefaultPolicy())
		require.NoError(t, err)
		raw, err := json.Marshal(rep)
		require.NoError(t, err)
		var pub publishedReport
		require.NoError(t, json.Unmarshal(raw, &pub))

		// Membership of each group, by its atoms.
		member := func(dim, key string) []int {
			m := make([]int, len(atoms))
			for i, a := range atoms {
				switch {
				case dim == "ensemble",
					dim == "territoire" && key == []string{"02", "11"}[a.terr],
					dim == "cohorte" && key == []string{"laon", "soissons"}[a.cohort],
					dim == "public" && key == "brsa":
					m[i] = 1
				}
			}
			return m
		}
		times := func(m []int, f func(a atom) int) []int {
			out := make([]int, len(m))
			for i := range m {
				out[i] = m[i] * f(atoms[i])
			}
			return out
		}
		one := func(atom) int { return 1 }
		onTime := func(a atom) int { return b2i(a.diag == 1) }
		late := func(a atom) int { return b2i(a.diag != 1) }
		diagnosed := func(a atom) int { return b2i(a.diag > 0) }
		// k per person of the indicators that do not depend on the atom.
		perPerson := map[string]int{}
		for _, g := range pub.Groups {
			if g.People == nil || *g.People == 0 {
				continue
			}
			for ind, v := range g.Values {
				for which, q := range map[string]*int{"effectif": v.Count, "base": v.Base} {
					if q != nil && *q%*g.People == 0 {
						perPerson[ind+"/"+which] = *q / *g.People
					}
				}
			}
		}
		var cons []bruteLinear
		var vals []int
		// Targets: each unpublished small cell must be wide; each value
		// marked secret must not be recomputed: one of its cells (a
		// rate's numerator or base) must be wide. anyOf groups them.
		var targets []bruteLinear
		var anyOf [][]int
		add := func(name string, coef []int, published *int) int {
			l := bruteLinear{name: name, coef: coef}
			v := l.eval(counts)
			if published != nil {
				require.Equal(t, v, *published, "case %d: %s published with its value", c, name)
				assert.False(t, v > 0 && v < th, "case %d: %s = %d published", c, name, v)
				cons, vals = append(cons, l), append(vals, v)
				return -1
			}
			targets = append(targets, l)
			if v > 0 && v < th {
				anyOf = append(anyOf, []int{len(targets) - 1})
			}
			return len(targets) - 1
		}
		markedSecret := func(ts ...int) {
			anyOf = append(anyOf, ts)
		}
		for _, g := range pub.Groups {
			m := member(g.Dimension, g.Key)
			name := g.Dimension + "/" + g.Key
			if p := add(name+" personnes", m, g.People); p >= 0 {
				markedSecret(p)
			}
			open := g.People != nil
			d := g.Values["diagnostic-1-mois"]
			n, b := add(name+" diagnostic-1-mois", times(m, onTime), d.Count), add(name+" diagnostic-1-mois base", times(m, one), d.Base)
			if open && d.Secret {
				markedSecret(n, b)
			}
			var comp *int
			if d.Count != nil && d.Base != nil {
				x := *d.Base - *d.Count
				comp = &x
			}
			add(name+" diagnostic en retard", times(m, late), comp)
			md := g.Values["delai-entree-diagnostic"]
			// A median of nobody is undefined, which the report also
			// prints as secret: only a median with people must hide.
			mbase := bruteLinear{coef: times(m, diagnosed)}.eval(counts)
			if mb := add(name+" delai base", times(m, diagnosed), md.Base); open && md.Secret && mbase > 0 {
				markedSecret(mb)
			}
			for ind, v := range g.Values {
				if ind == "diagnostic-1-mois" || ind == "delai-entree-diagnostic" || ind == "entrants" {
					continue
				}
				for which, q := range map[string]*int{"effectif": v.Count, "base": v.Base} {
					k, known := perPerson[ind+"/"+which]
					if q != nil && known {
						add(name+" "+ind+" "+which, times(m, func(atom) int { return k }), q)
					}
				}
			}
		}
		cap := total + th
		for _, g := range pub.Groups {
			if g.Dimension == "ensemble" && g.People != nil {
				cap = *g.People
			}
		}
		// Published quantities with the same coefficients say the same
		// thing once (k = 1 per person is the people again).
		var ucons []bruteLinear
		var uvals []int
		seen := map[string]bool{}
		for i, l := range cons {
			key := fmt.Sprint(l.coef, vals[i])
			if !seen[key] {
				seen[key] = true
				ucons, uvals = append(ucons, l), append(uvals, vals[i])
			}
		}
		lo, hi, ok := bruteRanges(cap, ucons, uvals, targets)
		if !ok {
			continue
		}
		checked++
		for i, l := range targets {
			v := l.eval(counts)
			require.LessOrEqual(t, lo[i], v, "the true counts are consistent")
			require.GreaterOrEqual(t, hi[i], v)
		}
		for _, set := range anyOf {
			wide := false
			var why []string
			for _, i := range set {
				if i < 0 {
					wide = true // published: not a target
					continue
				}
				wide = wide || hi[i]-lo[i] >= th
				why = append(why, fmt.Sprintf("%s = %d within [%d, %d]", targets[i].name, targets[i].eval(counts), lo[i], hi[i]))
			}
			assert.True(t, wide, "case %d (counts %v): recomputed: %v", c, counts, why)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("brute force finished on %d cases of %d", checked, cases)
	assert.Greater(t, checked, cases/2, "brute force finished on most cases (%d of %d)", checked, cases)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
