package carnet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
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
