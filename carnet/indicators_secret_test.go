package carnet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// indicatorsOf computes the indicators of carnets built by edit from base().
func indicatorsOf(t *testing.T, n int, edit func(i int, c *carnet.Carnet)) carnet.Report {
	t.Helper()
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range n {
		c := base()
		c.ID, c.Person.ID = fmt.Sprintf("c-%d", i), fmt.Sprintf("p-%d", i)
		edit(i, &c)
		require.NoError(t, enc.Encode(c))
	}
	rep, err := carnet.ComputeIndicators(&in, "2025-06-30", carnet.DefaultPolicy())
	require.NoError(t, err)
	return rep
}

func groupOf(rep carnet.Report, dim, key string) carnet.Group {
	for _, g := range rep.Groups {
		if g.Dimension == dim && g.Key == key {
			return g
		}
	}
	return carnet.Group{Dimension: dim, Key: key, Suppressed: true}
}

// An attacker's subtraction: a partition's whole minus its published groups
// gives the one group left. The people of territoire 11 (3) are secret; the
// report must not publish both the whole (13) and territoire 02 (10).
func TestIndicatorsTerritoryNotRecomputable(t *testing.T) {
	rep := indicatorsOf(t, 13, func(i int, c *carnet.Carnet) {
		if i >= 10 {
			c.Person.Commune = "11069" // Carcassonne, Aude
		}
	})
	all, t02, t11 := groupOf(rep, "ensemble", "tous"), groupOf(rep, "territoire", "02"), groupOf(rep, "territoire", "11")
	require.Nil(t, t11.People, "3 people: secret")
	if all.People != nil && t02.People != nil {
		t.Fatalf("territoire 11 recomputed by difference: %d − %d = %d people", *all.People, *t02.People, *all.People-*t02.People)
	}
	// Every count of every indicator, too.
	for ind, v := range all.Values {
		v02, ok := t02.Values[ind]
		if v.Count != nil && ok && v02.Count != nil {
			d := *v.Count - *v02.Count
			v11, ok11 := t11.Values[ind]
			assert.False(t, d > 0 && d < 5 && !(ok11 && v11.Count != nil), "%s of territoire 11 recomputed: %d", ind, d)
		}
	}
}

// Five « sorties en emploi durable » out of 6 people: the sixth person did
// not exit; the complement 6 − 5 = 1 must not be published.
func TestIndicatorsComplementNotPublished(t *testing.T) {
	rep := indicatorsOf(t, 6, func(i int, c *carnet.Carnet) {
		if i < 5 {
			c.Milestones = []carnet.Milestone{{ID: "j1", Kind: "sortie-emploi-durable", Date: "2025-05-01"}}
		}
	})
	for _, g := range rep.Groups {
		if g.People == nil {
			continue
		}
		for ind, v := range g.Values {
			if v.Count == nil {
				continue
			}
			base := *g.People
			if v.Base != nil {
				base = *v.Base
			}
			comp := base - *v.Count
			assert.False(t, comp > 0 && comp < 5, "%s/%s: %s publishes %d out of %d: the other %d are disclosed", g.Dimension, g.Key, ind, *v.Count, base, comp)
		}
	}
}

var _ = spie.Date("")

// recomputed returns, for a partition dimension of rep, the values an
// attacker gets by difference: when the whole and every group of dim but
// one publish a quantity, and the people of the whole are exactly the
// people of the groups (nobody outside dim), the last group's quantity is
// the whole's minus the others'. It returns the quantities so recomputed
// that the report keeps secret in that group ("personnes", or
// "indicator/effectif", "indicator/base").
func recomputed(rep carnet.Report, dim string) map[string]int {
	all := groupOf(rep, "ensemble", "tous")
	var gs []carnet.Group
	for _, g := range rep.Groups {
		if g.Dimension == dim {
			gs = append(gs, g)
		}
	}
	out := map[string]int{}
	if all.People == nil {
		return out
	}
	// The one group whose people may be recomputed, and whether nobody is
	// outside the dimension (the attacker needs every group's people).
	missing, sum := -1, 0
	for i, g := range gs {
		if g.People == nil {
			if missing >= 0 {
				return out
			}
			missing = i
			continue
		}
		sum += *g.People
	}
	if missing >= 0 {
		out["personnes"] = *all.People - sum
		return out
	}
	if sum != *all.People {
		return out // people outside the dimension: no exact difference
	}
	// Every group's people published and nobody outside: for each
	// quantity, one secret group among published others is recomputed.
	qty := func(v carnet.Value, which string) *int {
		if which == "effectif" {
			return v.Count
		}
		return v.Base
	}
	for ind, v := range all.Values {
		for _, which := range []string{"effectif", "base"} {
			if qty(v, which) == nil {
				continue
			}
			miss, s := -1, 0
			for i, g := range gs {
				q := qty(g.Values[ind], which)
				if q == nil {
					if miss >= 0 {
						miss = -2
						break
					}
					miss = i
					continue
				}
				s += *q
			}
			if miss >= 0 {
				out[string(ind)+"/"+which] = *qty(v, which) - s
			}
		}
	}
	return out
}

// The reviewer's attack (issue 11, item 1, follow-up): territoire 02 has
// 10 people, 3 of them diagnosed late; territoire 11 has 20, 5 late. The
// report may publish the whole (22 on time out of 30) and territoire 11
// (15 out of 20), but then 02's « diagnostic-1-mois » (7 out of 10, 3 late:
// a complement under 5) must not follow by difference, since 30 = 10 + 20
// says nobody is outside a territory. Same with cohorts laon (02) and
// soissons (11).
func TestIndicatorsRemainderTiedToPeople(t *testing.T) {
	rep := indicatorsOf(t, 30, func(i int, c *carnet.Carnet) {
		late := i < 3 || (i >= 10 && i < 15)
		if !late {
			c.Diagnostic = &diagnostic.Diagnostic{Date: "2025-03-20"}
		}
		c.Cohort = "laon"
		if i >= 10 {
			c.Person.Commune = "11069" // Carcassonne, Aude
			c.Cohort = "soissons"
		}
	})
	t02 := groupOf(rep, "territoire", "02")
	require.NotNil(t, t02.People, "10 people in territoire 02: published")
	v := t02.Values["diagnostic-1-mois"]
	require.Nil(t, v.Count, "7 on time out of 10: the 3 late people are a complement under 5")
	for _, dim := range []string{"territoire", "cohorte"} {
		for q, n := range recomputed(rep, dim) {
			t.Errorf("%s: %s recomputed by difference: %d", dim, q, n)
		}
	}
}

// RULES.md §10 sets the floor at 5 people: a policy with a lower threshold
// (new or former JSON name) is refused, and ComputeIndicators refuses one
// given in code, with no group published.
func TestIndicatorsThresholdFloor(t *testing.T) {
	for _, doc := range []string{`{"seuil_secret": 1}`, `{"seuil_secret": 4}`, `{"secret_statistique": 2}`} {
		_, fs := carnet.LoadPolicy(strings.NewReader(doc))
		assert.True(t, fs.HasCode("SECRET-SEUIL-01"), "%s: %v", doc, fs)
	}
	p, fs := carnet.LoadPolicy(strings.NewReader(`{"seuil_secret": 5}`))
	assert.True(t, fs.Valid(), "%v", fs)
	assert.Equal(t, 5, p.SecretThreshold)
	p.SecretThreshold = 1
	c := base()
	var in bytes.Buffer
	require.NoError(t, json.NewEncoder(&in).Encode(c))
	rep, err := carnet.ComputeIndicators(&in, "2025-06-30", p)
	require.Error(t, err)
	assert.True(t, rep.Errors.Has("SECRET-SEUIL-01", "/seuil_secret"), "%v", rep.Errors)
	assert.Empty(t, rep.Groups)
}
