package carnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// Attack (issue 16, « merge by local ids », after the merge): two carnets
// hold different actions under the same local id act-1; the merge keeps
// both, identified by (origine, id). A change addressed to act-1 alone
// used to reach the first one whatever the origine of its value: the
// update of the second carnet's action replaced the first carnet's action
// (lost), and a removal took whichever came first. A change now names the
// item by its origine when the id alone is ambiguous (CARNET-CHANGE-09),
// and the journal records it so that Replay reaches the same item.
func TestAttackApplyAfterMergeSharedLocalID(t *testing.T) {
	a := open(t, func(c *carnet.Carnet) { c.ID = "c-a" })
	b := open(t, func(c *carnet.Carnet) {
		c.ID, c.EntryDate = "c-b", "2025-03-10"
		c.Members[1].StructureSIRET, c.Members[1].Professional = siretML, "Sarah Lefèvre"
	})
	refB := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: siretML, Role: carnet.RoleReferent}
	pmsmp := carnet.Action{ID: "act-1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-04-01", ProposedBy: referent}
	cv := carnet.Action{ID: "act-1", CatalogAction: "travailler-cv", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-04-02", ProposedBy: refB, Comment: "atelier CV"}
	apply(t, a, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "act-1", At: at("2025-04-01"), Value: pmsmp})
	apply(t, b, refB, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "act-1", At: at("2025-04-02"), Value: cv})
	m, fs := carnet.MergeRecorded(a, b, coord, at("2025-05-01"))
	require.True(t, m != nil, "%v", fs)
	require.Len(t, m.Actions, 2)

	byOrigin := func(c *carnet.Carnet) map[string]carnet.Action {
		out := map[string]carnet.Action{}
		for _, x := range c.Actions {
			out[x.Origin] = x
		}
		return out
	}

	// the référent in place closes the second carnet's action, naming it
	// by the origine its value carries
	done := cv
	done.Status, done.End, done.Origin = "realisee", "2025-05-02", "c-b"
	require.Empty(t, carnet.Apply(m, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "act-1", At: at("2025-05-02"), Value: done}, referent))
	got := byOrigin(m)
	require.Len(t, m.Actions, 2, "aucune action perdue")
	assert.Equal(t, "pmsmp", string(got["c-a"].CatalogAction), "l'action du premier carnet est intacte")
	assert.Equal(t, carnet.ActionStatus("prevue"), got["c-a"].Status)
	assert.Equal(t, carnet.ActionStatus("realisee"), got["c-b"].Status)

	// a removal by id alone is ambiguous
	fs = carnet.Apply(m, carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetActions, ID: "act-1", At: at("2025-05-03")}, referent)
	assert.True(t, fs.HasCode("CARNET-CHANGE-09"), "%v", fs)
	require.Len(t, m.Actions, 2)

	// named by its origine, only that one goes
	require.Empty(t, carnet.Apply(m, carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetActions, ID: "act-1", Origin: "c-a", At: at("2025-05-03")}, referent))
	require.Len(t, m.Actions, 1)
	assert.Equal(t, "c-b", m.Actions[0].Origin)

	// the journal replays to the same content
	assert.Empty(t, m.CheckJournal())
}

// Attack (review of issue 16): Apply kept an origine the value claimed —
// an item "from" another carnet, which a later merge would take for that
// carnet's own item. An addition is this carnet's; a change names an
// origine the list holds (CARNET-CHANGE-08 otherwise).
func TestApplyRefusesForeignOrigine(t *testing.T) {
	c := open(t, nil)
	k := base().Consents[1]
	k.ID, k.Origin = "k-autre", "c-ailleurs"
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetConsentements, ID: "k-autre", Value: k, At: at("2025-04-01")}, usager)
	assert.True(t, fs.HasCode("CARNET-CHANGE-08"), "ajout se disant venu d'un autre carnet : %v", fs)
	k2 := base().Consents[1]
	k2.Origin = "c-ailleurs"
	fs = carnet.Apply(c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k2.ID, Value: k2, At: at("2025-04-01")}, usager)
	assert.True(t, fs.HasCode("CARNET-CHANGE-08"), "modification qui change l'origine : %v", fs)
	// the carnet's own origine, given or not, is fine
	k3 := base().Consents[1]
	k3.Origin = c.ID
	assert.Empty(t, carnet.Apply(c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k3.ID, Value: k3, At: at("2025-04-02")}, usager))
}
