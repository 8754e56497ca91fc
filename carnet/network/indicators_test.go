package network_test

import (
	"encoding/json"
	"github.com/spie-fr/socle/spie/secret"
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

func TestSuppress(t *testing.T) {
	tests := []struct {
		n, threshold int
		want         string
	}{
		{0, 5, "0"}, {1, 5, "secret"}, {4, 5, "secret"}, {5, 5, "5"}, {4, 0, "secret"}, {4, 3, "4"}, {2, 3, "secret"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, secret.Suppress(tc.n, tc.threshold).String(), "%d seuil %d", tc.n, tc.threshold)
	}
}

func TestSuppressBreakdown(t *testing.T) {
	tests := []struct {
		name   string
		counts []int
		want   []string
	}{
		{"nothing small", []int{10, 7, 0}, []string{"10", "7", "0"}},
		{"one small: the next smallest goes too", []int{12, 3, 7, 0}, []string{"12", "secret", "secret", "0"}},
		{"two small: enough", []int{12, 3, 2}, []string{"12", "secret", "secret"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, strs(secret.SuppressBreakdown(tc.counts, 5)))
		})
	}
}

func TestCohortFlowsCannotRevealSecretSize(t *testing.T) {
	ci := network.Cohort(cohort.Movement{Cohort: "c", AtStart: 3, AtEnd: 9, Entered: 6, Left: 0}, 5)
	assert.True(t, ci.AtStart.Secret)
	assert.True(t, ci.Entered.Secret)
	assert.True(t, ci.Left.Secret)
	ci = network.Cohort(cohort.Movement{Cohort: "c", AtStart: 30, AtEnd: 33, Entered: 3, Left: 0}, 5)
	assert.Equal(t, []string{"30", "33", "secret", "secret"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}))
	ci = network.Cohort(cohort.Movement{Cohort: "c", AtStart: 30, AtEnd: 32, Entered: 8, Left: 6}, 5)
	assert.Equal(t, []string{"30", "32", "8", "6"}, strs([]secret.Cell{ci.AtStart, ci.AtEnd, ci.Entered, ci.Left}))
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
