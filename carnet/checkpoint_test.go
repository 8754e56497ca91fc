package carnet_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// replayed returns the carnet that a self-consistent forger sends: the
// journal es and the content replayed from it, so that CheckJournal passes.
func replayed(t *testing.T, es []carnet.Event) *carnet.Carnet {
	t.Helper()
	r, fs := carnet.Replay(es)
	require.Empty(t, fs)
	require.Empty(t, r.CheckJournal(), "le faux carnet passe CheckJournal")
	return r
}

// rehash recomputes the ranks, chain links and hashes from event i on
// (one chain).
func rehash(es []carnet.Event, from int) {
	for i := from; i < len(es); i++ {
		if i > 0 {
			es[i].Seq, es[i].Prev = es[i-1].Seq+1, es[i-1].Hash
		}
		es[i].Hash = es[i].ComputeHash()
	}
}

// checkpointed returns a random carnet of the test and the checkpoints a
// partner stored after seeing it.
func checkpointed(t *testing.T, rng *rand.Rand) (*carnet.Carnet, []carnet.Checkpoint) {
	t.Helper()
	c := open(t, nil)
	randomChanges(t, c, rng, 4+rng.IntN(20))
	cps := carnet.TakeCheckpoints(c)
	require.Len(t, cps, 1)
	require.Equal(t, carnet.Checkpoint{Carnet: c.ID, Chain: c.ID, Length: len(c.Journal), Head: c.Journal[len(c.Journal)-1].Hash}, cps[0])
	return c, cps
}

// intruder is the forger's own structure, which is no member of the real carnet.
var intruder = carnet.Actor{Professional: "Intrus", StructureSIRET: siretAutre, Role: carnet.RoleCoReferent}

// TestCheckpointAttacks forges, for random carnets, each journal attack of
// issue 16 that CheckJournal accepts (the content is replayed from the
// forged journal), and checks that verification against the checkpoints
// the partner stored refuses it with the fault naming the attack.
func TestCheckpointAttacks(t *testing.T) {
	attacks := []struct {
		name  string
		code  string
		forge func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet
	}{
		{"fin coupée, contenu ramené en arrière", "CARNET-JOURNAL-20", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			cut := 1 + rng.IntN(len(c.Journal)-1)
			return replayed(t, append([]carnet.Event(nil), c.Journal[:cut]...))
		}},
		{"retour en arrière puis autre suite de même longueur", "CARNET-JOURNAL-21", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			cut := 1 + rng.IntN(len(c.Journal)-1)
			f := replayed(t, append([]carnet.Event(nil), c.Journal[:cut]...))
			for len(f.Journal) < len(c.Journal) {
				n := len(f.Journal)
				apply(t, f, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: fmt.Sprintf("faux-%d", n),
					Value: carnet.Contact{ID: fmt.Sprintf("faux-%d", n), Date: spie.DateOf(f.Journal[n-1].At), Kind: "relance", Channel: "telephone", Result: "sans-reponse"},
					At:    f.Journal[n-1].At})
			}
			return f
		}},
		{"journal retiré", "CARNET-JOURNAL-22", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			f := c.Cloned()
			f.Journal = nil
			require.Empty(t, f.CheckJournal(), "un carnet sans journal passe CheckJournal")
			return f
		}},
		{"chaîne réécrite, auteur changé", "CARNET-JOURNAL-21", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			// another member who holds the rights, so that Replay (which
			// re-checks them) accepts the forged chain
			es, _, ok := reattribute(c, rng, "")
			if !ok {
				return nil
			}
			require.Empty(t, carnet.Verify(es))
			return replayed(t, es)
		}},
		{"chaîne cohérente ajoutée devant", "CARNET-JOURNAL-23", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			b := base()
			b.ID = "0-intrus"
			b.Members = append(b.Members, carnet.Member{ID: "m-intrus", Role: carnet.RoleCoReferent, StructureSIRET: intruder.StructureSIRET, Professional: intruder.Professional, Start: "2025-03-03"})
			// written in the référent's name (the chain is unsigned:
			// nothing proves its author; opening names the référent)
			forged, fs := carnet.Create(b, referent, at("2025-03-03").Add(-1))
			require.Empty(t, fs)
			f := replayed(t, append(forged.Journal, c.Journal...))
			// what the attack gains when nothing stops it: Replay merges the
			// forged chain in, the carnet takes its id and the intruder reads the NIR.
			require.Equal(t, "0-intrus", f.ID)
			v := carnet.View(f, carnet.Viewer{Actor: intruder, On: "2025-06-01"})
			require.NotEmpty(t, v.Person.ID)
			return f
		}},
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			for seed := range uint64(25) {
				rng := rand.New(rand.NewPCG(seed, 16))
				c, cps := checkpointed(t, rng)
				require.Empty(t, carnet.VerifyCarnet(c, carnet.Trust{Checkpoints: cps}).Errors(), "le vrai carnet passe")
				f := a.forge(t, rng, c)
				if f == nil {
					continue // no author could be swapped without breaking the rights
				}
				fs := carnet.VerifyCarnet(f, carnet.Trust{Checkpoints: cps})
				require.True(t, fs.HasCode(a.code), "graine %d : %v", seed, fs)
			}
		})
	}
}

// TestCheckpointsAcceptHonestHistory: a carnet that only grew since the
// checkpoints, or was merged with a duplicate through MergeRecorded, passes
// (the duplicate's chain is reported as new); an unrecorded merge does not.
func TestCheckpointsAcceptHonestHistory(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 61))
		c, cps := checkpointed(t, rng)
		randomChanges(t, c, rng, 1+rng.IntN(10))
		require.Empty(t, carnet.VerifyCarnet(c, carnet.Trust{Checkpoints: cps}).Errors(), "graine %d", seed)

		b := base()
		b.ID = "c-77-000"
		dup, fs := carnet.Create(b, referent, at("2025-03-03"))
		require.Empty(t, fs)
		last := c.Journal[len(c.Journal)-1].At
		m, _ := carnet.MergeRecorded(c, dup, referent, last)
		require.NotNil(t, m)
		require.Equal(t, "c-77-000", m.ID)
		fs = carnet.VerifyCarnet(m, carnet.Trust{Checkpoints: cps})
		require.Empty(t, fs.Errors(), "graine %d : %v", seed, fs)
		require.True(t, fs.Has("CARNET-JOURNAL-24", "/journal"), "%v", fs)
		// once the partner stored the merged carnet's checkpoints, nothing is new
		fs = carnet.VerifyCarnet(m, carnet.Trust{Checkpoints: carnet.TakeCheckpoints(m)})
		require.Empty(t, fs.Errors())
		require.False(t, fs.HasCode("CARNET-JOURNAL-24"), "%v", fs)

		u, _ := carnet.Merge(c, dup, referent, spie.DateOf(last))
		fs = carnet.VerifyCarnet(u, carnet.Trust{Checkpoints: cps})
		require.True(t, fs.HasCode("CARNET-JOURNAL-23"), "fusion non enregistrée : %v", fs)
	}
}

func TestCheckpointFaults(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: c.Person, At: at("2025-03-04")})
	cp := carnet.TakeCheckpoints(c)[0]
	tests := []struct {
		name string
		cps  []carnet.Checkpoint
		code string
		path string
	}{
		{"longueur nulle", []carnet.Checkpoint{{Carnet: c.ID, Chain: c.ID, Length: 0, Head: cp.Head}}, "CARNET-JOURNAL-25", "/journal"},
		{"tête d'une autre chaîne", []carnet.Checkpoint{{Carnet: c.ID, Chain: c.ID, Length: 2, Head: c.Journal[0].Hash}}, "CARNET-JOURNAL-21", "/journal"},
		{"point de contrôle d'un autre carnet", []carnet.Checkpoint{{Carnet: "c-99", Chain: "c-99", Length: 1, Head: cp.Head}}, "CARNET-JOURNAL-26", "/id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := carnet.CheckCheckpoints(c, tt.cps)
			require.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
}

// TestCheckpointsOfAMergedCarnet: the merged example holds two chains, so
// the partner stores two checkpoints; cutting the tail of the absorbed
// chain, or removing it with the merge event, is refused for that chain.
func TestCheckpointsOfAMergedCarnet(t *testing.T) {
	m := exampleMerge(t)
	cps := carnet.TakeCheckpoints(m)
	require.Len(t, cps, 2)
	require.Equal(t, []string{"ccas13-2025-7702", "ft13-2025-7702"}, []string{cps[0].Chain, cps[1].Chain})
	require.Empty(t, carnet.VerifyCarnet(m, carnet.Trust{Checkpoints: cps, Keys: testRegistry(t)}))

	lastFT := -1
	for i, e := range m.Journal {
		if e.Carnet == "ft13-2025-7702" {
			lastFT = i
		}
	}
	require.Positive(t, lastFT)
	cut := append(append([]carnet.Event(nil), m.Journal[:lastFT]...), m.Journal[lastFT+1:]...)
	fs := carnet.VerifyCarnet(replayed(t, cut), carnet.Trust{Checkpoints: cps})
	assert.True(t, fs.HasCode("CARNET-JOURNAL-20"), "%v", fs)

	// the partner's copy rolled back to before the merge: the absorbed chain is gone
	var alone []carnet.Event
	for _, e := range m.Journal {
		if e.Op == carnet.OpMerge {
			break
		}
		if e.Carnet != "ft13-2025-7702" {
			alone = append(alone, e)
		}
	}
	fs = carnet.VerifyCarnet(replayed(t, alone), carnet.Trust{Checkpoints: cps})
	assert.True(t, fs.HasCode("CARNET-JOURNAL-22"), "%v", fs)
	assert.True(t, fs.HasCode("CARNET-JOURNAL-20"), "la chaîne du CCAS ramenée en arrière : %v", fs)
}
