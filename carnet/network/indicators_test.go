package network_test

import (
	"encoding/json"
	"github.com/spie-fr/socle/spie/secret"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
)

func strs(cs []secret.Cell) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.String()
	}
	return out
}

// TestCohortFlowsCannotRevealSecretSize attacks the published cohort cells
// with the tie end − start = entries − exits: whenever three of the four
// counts are published, the fourth follows, so a secret count must leave at
// least two others secret.
func TestCohortFlowsCannotRevealSecretSize(t *testing.T) {
	for _, m := range []cohort.Movement{
		{AtStart: 3, AtEnd: 9, Entered: 6, Left: 0},
		{AtStart: 30, AtEnd: 33, Entered: 3, Left: 0},
		{AtStart: 30, AtEnd: 32, Entered: 8, Left: 6},
		{AtStart: 42, AtEnd: 47, Entered: 9, Left: 4},
		{AtStart: 10, AtEnd: 10, Entered: 0, Left: 0},
		{AtStart: 12, AtEnd: 7, Entered: 1, Left: 6},
	} {
		ci := network.Cohort(m, 5)
		cells := []secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}
		values := []int{m.AtStart, m.AtEnd, m.Entered, m.Left}
		published := 0
		for i, c := range cells {
			if v, ok := c.Int(); ok {
				published++
				assert.Equal(t, values[i], v)
				assert.False(t, v > 0 && v < 5, "%+v: small count %d published", m, v)
			}
		}
		if published < 4 {
			assert.LessOrEqual(t, published, 2, "%+v: %v, the secret count follows from the three others", m, strs(cells))
		}
	}
	ci := network.Cohort(cohort.Movement{AtStart: 30, AtEnd: 32, Entered: 8, Left: 6}, 5)
	assert.Equal(t, []string{"30", "32", "8", "6"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}), "nothing small: all published")
	ci = network.Cohort(cohort.Movement{AtStart: 30, AtEnd: 32, Entered: 8, Left: 7}, 5)
	assert.Equal(t, []string{"secret", "secret", "secret", "secret"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}), "movements that do not add up (30 − 7 + 8 ≠ 32): all secret")
}

func TestCommittee(t *testing.T) {
	ci := network.Committee("CTO", committee.Stats{Examined: 20, Solved: 12, InProgress: 5, NoSolution: 3, Due: 30, AnsweredInTime: 27}, 5)
	assert.Equal(t, []string{"20", "12", "secret", "secret", "0"}, strs([]secret.Cell{ci.Examined, ci.Solved, ci.InProgress, ci.NoSolution, ci.NoOutcome}))
	// 27 in time of 30: the 3 late are secret, so the in-time count is made secret too.
	assert.True(t, ci.AnsweredInTime.Secret)
	assert.Nil(t, ci.ShareInTime)

	ci = network.Committee("CTO", committee.Stats{Examined: 4, Solved: 4, Due: 40, AnsweredInTime: 30}, 5)
	assert.True(t, ci.Examined.Secret)
	assert.True(t, ci.Solved.Secret)
	require.NotNil(t, ci.ShareInTime)
	assert.InDelta(t, 75.0, *ci.ShareInTime, 0.001)
}

func TestLabels(t *testing.T) {
	out := network.Labels([]label.Evaluation{{Status: label.StatusLabellisee}, {Status: label.StatusLabellisee}, {Status: label.StatusRefusee}})
	require.Len(t, out, len(label.Statuses))
	b, _ := json.Marshal(out[0])
	assert.JSONEq(t, `{"decision": "labellisee", "libelle": "Labellisée", "structures": {"valeur": 2}}`, string(b))
	assert.Equal(t, "0", out[1].Count.String())
	assert.Equal(t, "1", out[2].Count.String(), "structures are not people: no secret")
}

// TestCohortBruteForce: for random movements, an attacker enumerates every
// (stayed, entries, exits) consistent with the published cells (start =
// stayed + exits, end = stayed + entries); each secret count, and the people
// who stayed when they are few, must range over at least the threshold.
func TestCohortBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 300 {
		stayed, in, out := rng.IntN(13), rng.IntN(13), rng.IntN(13)
		m := cohort.Movement{AtStart: stayed + out, AtEnd: stayed + in, Entered: in, Left: out, Stayed: stayed}
		ci := network.Cohort(m, 5)
		cap := m.AtStart + m.AtEnd + 10
		cells := []secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}
		lo, hi := [5]int{cap, cap, cap, cap, cap}, [5]int{}
		for s := 0; s <= cap; s++ {
			for e := 0; e <= cap; e++ {
				for x := 0; x <= cap; x++ {
					vals := [5]int{s + x, s + e, e, x, s}
					ok := true
					for i, c := range cells {
						if v, pub := c.Int(); pub && v != vals[i] {
							ok = false
							break
						}
					}
					if !ok {
						continue
					}
					for i, v := range vals {
						lo[i], hi[i] = min(lo[i], v), max(hi[i], v)
					}
				}
			}
		}
		truth := [5]int{m.AtStart, m.AtEnd, in, out, stayed}
		for i := range truth {
			secretCell := i == 4 || cells[i].Secret
			small := truth[i] > 0 && truth[i] < 5
			if secretCell && (small || i < 4) {
				assert.True(t, hi[i] >= cap || hi[i]-lo[i] >= 5, "%+v → %v: value %d of count %d within [%d, %d]", m, strs(cells), truth[i], i, lo[i], hi[i])
			}
		}
	}
}

// RULES.md §10 sets the floor at 5 people: a lower threshold is refused,
// every cell secret and the fault SECRET-SEUIL-01; 0 (the default) and 5
// publish.
func TestThresholdFloor(t *testing.T) {
	m := cohort.Movement{Cohort: "laon", From: "2025-01-01", To: "2025-06-30", AtStart: 20, AtEnd: 22, Entered: 7, Left: 5}
	for _, th := range []int{1, 4} {
		ci := network.Cohort(m, th)
		assert.True(t, ci.Faults.Has("SECRET-SEUIL-01", "/seuil_secret"), "%d: %v", th, ci.Faults)
		assert.Equal(t, []string{"secret", "secret", "secret", "secret"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}))
		cm := network.Committee("CTO", committee.Stats{Examined: 12, Solved: 6, InProgress: 6, Due: 10, AnsweredInTime: 9}, th)
		assert.True(t, cm.Faults.Has("SECRET-SEUIL-01", "/seuil_secret"))
		assert.True(t, cm.Examined.Secret && cm.Solved.Secret && cm.Due.Secret)
		assert.Nil(t, cm.ShareInTime)
	}
	for _, th := range []int{0, 5} {
		ci := network.Cohort(m, th)
		assert.Empty(t, ci.Faults)
		// 20 = 15 stayed + 5 left, 22 = 15 + 7: every count and the
		// hidden 15 are at least 5.
		assert.Equal(t, []string{"20", "22", "7", "5"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}))
	}
}

// TestCommitteeBruteForce reads the committee's published JSON and
// enumerates every set of counts consistent with it, from the meaning of
// the figures: the situations examined are those resolved, in progress,
// without solution, without outcome, and others (never published); the
// requests answered within the delay are some of those due. Every secret
// count, and every unpublished small one (1..4: the others, the requests
// due not answered in time), ranges over at least 5.
func TestCommitteeBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for range 200 {
		s := committee.Stats{Solved: rng.IntN(9), InProgress: rng.IntN(9), NoSolution: rng.IntN(9), NoOutcome: rng.IntN(9), Due: rng.IntN(12)}
		other := rng.IntN(4)
		s.Examined = s.Solved + s.InProgress + s.NoSolution + s.NoOutcome + other
		s.AnsweredInTime = rng.IntN(s.Due + 1)
		b, err := json.Marshal(network.Committee("CTO", s, 0))
		require.NoError(t, err)
		var pub map[string]any
		require.NoError(t, json.Unmarshal(b, &pub))
		val := func(name string) (int, bool) {
			c, _ := pub[name].(map[string]any)
			v, ok := c["valeur"].(float64)
			return int(v), ok
		}
		names := []string{"situations_examinees", "situations_resolues", "situations_en_cours", "situations_sans_solution", "situations_sans_suite"}
		truth := []int{s.Examined, s.Solved, s.InProgress, s.NoSolution, s.NoOutcome}
		cap := s.Examined + 6
		// Outcomes: enumerate resolved, in progress, without solution,
		// without outcome, others; examined is their sum.
		lo, hi := make([]int, 6), make([]int, 6)
		for i := range lo {
			lo[i] = 1 << 30
		}
		var x [5]int
		var rec func(k int)
		rec = func(k int) {
			if k == 5 {
				vals := []int{x[0] + x[1] + x[2] + x[3] + x[4], x[0], x[1], x[2], x[3], x[4]}
				for i, n := range names {
					if v, ok := val(n); ok && v != vals[i] {
						return
					}
				}
				for i, v := range vals {
					lo[i], hi[i] = min(lo[i], v), max(hi[i], v)
				}
				return
			}
			from, to := 0, cap
			if k < 4 {
				if v, ok := val(names[k+1]); ok {
					from, to = v, v // published: only its value
				}
			} else if e, ok := val(names[0]); ok {
				from = e - x[0] - x[1] - x[2] - x[3] // others: examined minus the rest
				to = from
			}
			for v := max(from, 0); v <= to; v++ {
				x[k] = v
				rec(k + 1)
			}
		}
		rec(0)
		for i, n := range names {
			if _, ok := val(n); ok {
				assert.False(t, truth[i] > 0 && truth[i] < 5, "%+v: %s = %d published", s, n, truth[i])
				continue
			}
			assert.True(t, hi[i] >= cap || hi[i]-lo[i] >= 5, "%+v: secret %s = %d within [%d, %d]", s, n, truth[i], lo[i], hi[i])
		}
		if other > 0 && other < 5 {
			assert.True(t, hi[5] >= cap || hi[5]-lo[5] >= 5, "%+v: the %d others within [%d, %d]", s, other, lo[5], hi[5])
		}
		// Requests: answered in time ≤ due.
		due, okDue := val("demandes_echues")
		in, okIn := val("repondues_dans_delai")
		late := s.Due - s.AnsweredInTime
		if okDue && okIn {
			assert.False(t, late > 0 && late < 5, "%+v: %d late answers = %d − %d", s, late, due, in)
		}
		if okDue && !okIn {
			assert.GreaterOrEqual(t, due, 5, "%+v: answered in time within [0, %d]", s, due)
		}
		if !okDue && okIn && s.AnsweredInTime > 0 && s.AnsweredInTime < 5 {
			t.Errorf("%+v: %d answered in time published", s, in)
		}
	}
}
