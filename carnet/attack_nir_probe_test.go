package carnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// TestAttackStrangerProbesNIRMembers: Apply judges the NIR grant
// (guardNIRGrant, CARNET-NIR-…) before the actor's rights, and that guard
// reads the carnet: a change keeping a member record's existing acces_nir
// mark passes it, any other is refused with the grant fault. A stranger
// (a structure never a member, a person not the carnet's) sending an update
// of the membres section with acces_nir true so learns whether the carnet
// holds that member id with that role, structure and professional, and NIR
// access — which structure follows the person. What a stranger learns must
// not depend on the carnet's content (the rule of
// TestAttackStrangerLearnsNothingFromIdsAndOrigins): the same faults for a
// member the carnet holds and for one it does not.
func TestAttackStrangerProbesNIRMembers(t *testing.T) {
	c := open(t, func(c *carnet.Carnet) { c.Members[1].AccessNIR = true })
	held := c.Members[1]
	require.True(t, held.AccessNIR)
	stranger := carnet.Actor{Professional: "Inconnu", StructureSIRET: "55555555000006", Role: carnet.RoleReferent}
	strangerPerson := carnet.Actor{Professional: "p-999", Role: carnet.RoleUsager}
	for _, actor := range []carnet.Actor{stranger, strangerPerson} {
		probe := func(mb carnet.Member) []string {
			t.Helper()
			before := len(c.Journal)
			fs := carnet.Apply(c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: mb.ID, At: at("2025-05-03"), Value: mb}, actor)
			require.NotEmpty(t, fs, "un inconnu ne modifie pas le carnet")
			require.Len(t, c.Journal, before)
			var out []string
			for _, f := range fs {
				out = append(out, f.Code)
			}
			return out
		}
		absent := held
		absent.ID = "m-zzz"
		assert.Equal(t, probe(absent), probe(held), "%s : le membre %s avec acces_nir se devine", actor.Role, held.ID)
		other := held
		other.Professional = "Quelqu'un d'autre"
		assert.Equal(t, probe(other), probe(held), "%s : le professionnel du membre %s se devine", actor.Role, held.ID)
	}
}
