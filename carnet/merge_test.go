package carnet_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// twin opens a carnet of the same person as base() under another id, by
// another structure, with its own random changes.
func twin(t *testing.T, id string, rng *rand.Rand) *carnet.Carnet {
	t.Helper()
	c := open(t, func(c *carnet.Carnet) { c.ID = id })
	randomChanges(t, c, rng, rng.IntN(20))
	return c
}

func TestMergeProperties(t *testing.T) {
	for seed := range uint64(30) {
		t.Run(fmt.Sprintf("graine-%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 13))
			a := twin(t, "c-a", rng)
			b := twin(t, "c-b", rng)
			merge := func(x, y *carnet.Carnet) (*carnet.Carnet, spie.Faults) {
				return carnet.Merge(x, y, coord, "2026-01-01")
			}
			ab, fab := merge(a, b)
			ba, fba := merge(b, a)
			require.True(t, fab.Valid())
			assert.Equal(t, jsonOf(t, ab), jsonOf(t, ba), "commutative")
			assert.Equal(t, fab, fba)
			aa, faa := merge(a, a)
			assert.Empty(t, faa)
			assert.Equal(t, jsonOf(t, a), jsonOf(t, aa), "idempotente")
			again, _ := merge(ab, b)
			assert.Equal(t, jsonOf(t, ab), jsonOf(t, again), "fusionner deux fois ne change rien")
			assert.Len(t, ab.Journal, len(a.Journal)+len(b.Journal), "tous les événements sont gardés")
			assert.Empty(t, carnet.Verify(ab.Journal), "chaque chaîne reste vérifiable")
			assert.Equal(t, "c-a", ab.ID)
			assert.Equal(t, []string{"c-b"}, ab.Merged)
			// nothing lost: every item of a and b is in place or among the conflicts
			for _, x := range append(append([]carnet.Action(nil), a.Actions...), b.Actions...) {
				kept := false
				for _, y := range ab.Actions {
					kept = kept || jsonOf(t, x) == jsonOf(t, y)
				}
				for _, k := range ab.Conflicts {
					kept = kept || string(k.Value) == jsonOf(t, x)
				}
				assert.True(t, kept, "action %s perdue", x.ID)
			}
			r, fs := carnet.Replay(ab.Journal)
			require.Empty(t, fs)
			assert.Equal(t, jsonOf(t, ab), jsonOf(t, r), "le journal fusionné se rejoue")

			// a merge recorded in the journal, then changes on the merged carnet
			last := a.Journal[len(a.Journal)-1].At
			if l := b.Journal[len(b.Journal)-1].At; l.After(last) {
				last = l
			}
			rec, fs := carnet.MergeRecorded(b, a, referent, last.Add(time.Hour))
			require.True(t, fs.Valid())
			randomChanges(t, rec, rng, rng.IntN(15))
			assert.Empty(t, carnet.Verify(rec.Journal))
			r, fs = carnet.Replay(rec.Journal)
			require.Empty(t, fs)
			assert.Equal(t, jsonOf(t, rec), jsonOf(t, r), "les changements après la fusion se rejouent")
			assert.Empty(t, rec.CheckJournal())
		})
	}
}

func TestMergeReports(t *testing.T) {
	a := open(t, func(c *carnet.Carnet) { c.ID = "c-a" })
	b := open(t, func(c *carnet.Carnet) {
		c.ID = "c-b"
		for i := range c.Members {
			c.Members[i].ID += "-b"
		}
		c.Members[1].StructureSIRET = siretML
	})
	m, fs := carnet.Merge(a, b, coord, "2025-04-01")
	require.NotNil(t, m)
	assert.True(t, fs.Has("CARNET-FUSION-11", "/membres"), "%v", fs)
	assert.False(t, fs.HasCode("CARNET-FUSION-10"), "k-ft de c-a et k-ft de c-b sont deux consentements : %v", fs)
	assert.Len(t, m.Members, 12)
	assert.Len(t, m.Consents, 6)
	other := open(t, func(c *carnet.Carnet) { c.ID, c.Person.ID = "c-x", "p-autre" })
	_, fs = carnet.Merge(a, other, coord, "2025-04-01")
	assert.True(t, fs.Has("CARNET-FUSION-01", "/personne/id"))
}

func TestRetention(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r1",
		Value: carnet.Contact{ID: "r1", Date: "2025-06-30", Kind: "rendez-vous", Channel: "presentiel", Result: "honore"}, At: at("2025-06-30")})
	tests := []struct {
		name   string
		day    string
		policy func(p *carnet.Policy)
		purged bool
	}{
		{"la veille de l'échéance", "2027-06-29", nil, false},
		{"le jour de l'échéance", "2027-06-30", nil, false},
		{"le lendemain de l'échéance", "2027-07-01", nil, true},
		{"fin d'expérimentation plus proche", "2026-01-01", func(p *carnet.Policy) { p.ExperimentEnd = "2025-12-31" }, true},
		{"conservation de 36 mois", "2027-07-01", func(p *carnet.Policy) { p.RetentionMonths = 36 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := carnet.DefaultPolicy()
			if tt.policy != nil {
				tt.policy(&p)
			}
			kept, purged, refused := carnet.Purge([]*carnet.Carnet{c}, spie.Date(tt.day), p)
			assert.Empty(t, refused)
			assert.Equal(t, tt.purged, len(purged) == 1)
			assert.Equal(t, !tt.purged, len(kept) == 1)
			if tt.purged {
				assert.Equal(t, c.ID, purged[0].CarnetID)
				assert.Len(t, purged[0].Digest, 64)
			}
		})
	}
}

func TestExport(t *testing.T) {
	c := sensitiveCarnet(t, rand.New(rand.NewPCG(9, 9)), "EXPORT")
	e := carnet.Export(c, "2025-08-15", carnet.DefaultPolicy())
	assert.Contains(t, jsonOf(t, e), "EXPORT", "la personne voit tout")
	require.Len(t, e.Access, 5)
	for _, a := range e.Access {
		if a.Role == carnet.RolePartenaire {
			assert.Equal(t, []carnet.Section{"personne", "membres", "plan", "rendez-vous"}, a.Sections)
		}
		if a.Role == carnet.RoleReferent {
			assert.Contains(t, a.Sections, carnet.SectionSante)
		}
	}
}
