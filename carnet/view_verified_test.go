package carnet_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

func TestVerifiedView(t *testing.T) {
	v := carnet.Viewer{Actor: referent, On: "2025-06-01"}
	t.Run("journal vérifié : vue marquée, avertissement journal non signé", func(t *testing.T) {
		c := open(t, nil)
		view, fs := carnet.VerifiedView(c, v, carnet.Trust{})
		require.NotNil(t, view)
		assert.True(t, fs.HasCode("CARNET-JOURNAL-30"))
		assert.Empty(t, fs.Errors())
		require.NotNil(t, view.Mark)
		assert.Equal(t, carnet.ViewMark{Viewer: referent, On: "2025-06-01"}, *view.Mark)
		assert.Nil(t, c.Mark, "l'original n'est pas modifié")
	})
	t.Run("contenu modifié hors journal : rien n'est montré", func(t *testing.T) {
		c := open(t, nil)
		c.Members = append(c.Members, carnet.Member{ID: "m-intrus", Role: carnet.RoleCoReferent, StructureSIRET: intruder.StructureSIRET, Start: "2025-03-03"})
		view, fs := carnet.VerifiedView(c, carnet.Viewer{Actor: intruder, On: "2025-06-01"}, carnet.Trust{})
		assert.Nil(t, view)
		assert.True(t, fs.HasCode("CARNET-JOURNAL-10"), "%v", fs)
	})
	t.Run("chaque attaque du journal : rien n'est montré", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 7))
		c, cps := checkpointed(t, rng)
		cut := replayed(t, append([]carnet.Event(nil), c.Journal[:1]...))
		view, fs := carnet.VerifiedView(cut, v, carnet.Trust{Checkpoints: cps})
		assert.Nil(t, view)
		assert.True(t, fs.HasCode("CARNET-JOURNAL-20"), "%v", fs)
	})
	t.Run("usager : seulement la personne du carnet", func(t *testing.T) {
		c := open(t, nil)
		require.NotEmpty(t, c.Person.ID)
		stranger := carnet.Actor{Role: carnet.RoleUsager, Professional: "p-autre"}
		view, fs := carnet.VerifiedView(c, carnet.Viewer{Actor: stranger, On: "2025-06-01"}, carnet.Trust{})
		assert.Nil(t, view)
		assert.True(t, fs.Has("CARNET-DROITS-08", "/personne/id"), "%v", fs)
		self := carnet.Actor{Role: carnet.RoleUsager, Professional: string(c.Person.ID)}
		view, fs = carnet.VerifiedView(c, carnet.Viewer{Actor: self, On: "2025-06-01"}, carnet.Trust{})
		require.NotNil(t, view, "%v", fs)
		assert.Equal(t, c.Person.ID, view.Person.ID)
	})
	t.Run("une vue n'est pas un carnet, mais se revoit sans vérification", func(t *testing.T) {
		c := open(t, nil)
		view := carnet.View(c, v)
		again, fs := carnet.VerifiedView(view, v, carnet.Trust{})
		assert.Nil(t, again)
		assert.True(t, fs.Has("CARNET-JOURNAL-40", "/vue"), "%v", fs)
		// narrowed again for its own viewer: the same view
		assert.Equal(t, jsonOf(t, view), jsonOf(t, carnet.View(view, v)), "la vue d'une vue pour le même lecteur est la même vue")
		// for another viewer, nothing: a view cannot be verified, so its
		// memberships (which a forger could write) are never trusted
		p := carnet.Viewer{Actor: partenaire, On: "2025-06-01"}
		other := carnet.View(view, p)
		assert.Equal(t, carnet.ViewMark{Viewer: partenaire, On: "2025-06-01"}, *other.Mark)
		assert.Empty(t, other.Members)
		assert.Empty(t, other.Person.ID)
	})
}

// TestExportAndPurgeRunOnUnverifiedJournal: the right of access and the
// retention period hold whatever the state of the journal, and say it.
func TestExportAndPurgeRunOnUnverifiedJournal(t *testing.T) {
	c := open(t, nil)
	assert.Empty(t, carnet.Export(c, "2025-04-01", carnet.DefaultPolicy()).JournalFaults)
	c.Person.Commune = "75056" // changed outside the journal
	e := carnet.Export(c, "2025-04-01", carnet.DefaultPolicy())
	require.NotNil(t, e.Carnet)
	assert.Equal(t, "75056", string(e.Carnet.Person.Commune))
	assert.True(t, e.JournalFaults.HasCode("CARNET-JOURNAL-10"), "%v", e.JournalFaults)
	// retention of 24 months after the last activity (2025-03-03, DefaultPolicy: RULES.md §10)
	kept, purged, refused := carnet.Purge([]*carnet.Carnet{c}, "2028-01-01", carnet.DefaultPolicy())
	assert.Empty(t, refused)
	assert.Empty(t, kept)
	require.Len(t, purged, 1)
	assert.True(t, purged[0].JournalFaults.HasCode("CARNET-JOURNAL-10"), "%v", purged[0].JournalFaults)
}

// TestExportSaysRetentionCannotBeComputed: a date_entree of 30 February (no
// such day) prevents the computation of the retention, as Purge refuses it:
// the export leaves the date empty and says why (CARNET-CONSERVATION-01).
func TestExportSaysRetentionCannotBeComputed(t *testing.T) {
	c := open(t, nil)
	e := carnet.Export(c, "2025-04-01", carnet.DefaultPolicy())
	assert.NotEmpty(t, e.RetentionDate)
	assert.Empty(t, e.RetentionFaults)
	c.EntryDate = "2025-02-30"
	e = carnet.Export(c, "2025-04-01", carnet.DefaultPolicy())
	assert.Empty(t, e.RetentionDate)
	assert.True(t, e.RetentionFaults.Has("CARNET-CONSERVATION-01", "/date_entree"), "%v", e.RetentionFaults)
	_, _, refused := carnet.Purge([]*carnet.Carnet{c}, "2025-04-01", carnet.DefaultPolicy())
	require.Len(t, refused, 1)
	assert.Equal(t, refused[0].Faults, e.RetentionFaults, "the same fact as Purge")
}
