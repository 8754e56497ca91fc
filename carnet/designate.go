package carnet

import (
	"encoding/json"
	"strings"

	"github.com/spie-fr/socle/spie"
)

// identified checks that actor says who they are (see Authorize): a known
// role; for usager, the identifier of the carnet's person; for a
// professional role, a name and a SIRET.
func identified(c *Carnet, actor Actor, path string) *spie.Fault {
	if actor.Role == RoleUsager {
		if strings.TrimSpace(actor.Professional) == "" || actor.Professional != c.Person.ID {
			f := FaultRightsPerson.At(path)
			return &f
		}
		return nil
	}
	if strings.TrimSpace(actor.Professional) == "" || actor.StructureSIRET == "" {
		f := FaultRightsIdentity.At(path, labelArg(Roles, string(actor.Role)))
		return &f
	}
	return nil
}

// isActor reports whether member m designates actor: same structure, and
// the same professional or none named (a member record without a name
// grants its role to every professional of the structure, see Authorize).
func isActor(m Member, actor Actor) bool {
	return m.StructureSIRET == actor.StructureSIRET && (m.Professional == "" || m.Professional == actor.Professional)
}

// Designate says whether actor may, on day, change the member record
// before into after (either may be nil: an addition, a removal) when either
// is a référent: designating, replacing or ending a référent is a right of
// its own, distinct from writing the members list (issue 16; RULES.md §10
// gives the référent's access to everything, health data included).
//
// It is granted to the person (usager, identified as in Authorize), to a
// référent active on day, and to a chargé d'orientation carrying out the
// orientation in force on day recorded in the carnet (Carnet.OrientationOn):
// the référent it designates must belong to the structure that orientation
// names, and the référent it ends must not. Nobody designates themself
// (CARNET-DROITS-07): a new référent record that designates the actor (see
// Authorize for names) is refused whoever the actor is. Other refusals are
// CARNET-DROITS-06, or the faults of Authorize (read access to the members
// section, which checks identity and membership). It returns nil when
// the change does not touch a référent.
func Designate(c *Carnet, actor Actor, before, after *Member, day spie.Date) *spie.Fault {
	return DefaultRights.Designate(c, actor, before, after, day)
}

// Designate is Designate with the matrix m (used for the members section's
// read access).
func (m RightsMatrix) Designate(c *Carnet, actor Actor, before, after *Member, day spie.Date) *spie.Fault {
	wasRef := before != nil && before.Role == RoleReferent
	isRef := after != nil && after.Role == RoleReferent
	if !wasRef && !isRef {
		return nil
	}
	path := spie.Pointer(string(SectionMembres))
	if f := m.Authorize(c, actor, SectionMembres, AccessRead, day); f != nil {
		return f
	}
	designates := isRef && (!wasRef || before.StructureSIRET != after.StructureSIRET || before.Professional != after.Professional)
	if designates && actor.Role != RoleUsager && isActor(*after, actor) {
		f := FaultRightsSelf.At(path)
		return &f
	}
	if designates && actor.Role == RoleUsager && after.StructureSIRET == "" {
		f := FaultRightsSelf.At(path)
		return &f
	}
	switch actor.Role {
	case RoleUsager, RoleReferent:
		// identified, and for the référent an active member in that role (Authorize)
		return nil
	case RoleChargeOrientation:
		o, ok := c.OrientationOn(day)
		ends := wasRef && (!isRef || before.StructureSIRET != after.StructureSIRET || (!after.End.IsZero() && (before.End.IsZero() || after.End.Before(before.End))))
		if ok && o.StructureSIRET != "" &&
			(!designates || after.StructureSIRET == o.StructureSIRET) &&
			(!ends || before.StructureSIRET != o.StructureSIRET) &&
			(designates || ends) {
			return nil
		}
	}
	f := FaultRightsDesignate.At(path)
	return &f
}

// authorizeChange is the rights check of a change of target from before to
// after (JSON values, nil when absent) by actor on day, shared by Apply and
// Replay: write access to the target's section, write access to its health
// section when either value holds health data, and for a member record that
// is or becomes a référent the designation right (Designate) in place of
// write access to the members list.
func (m RightsMatrix) authorizeChange(c *Carnet, actor Actor, t Target, before, after json.RawMessage, sensitive bool, day spie.Date) *spie.Fault {
	if t == TargetMembres {
		b, a := memberOf(before), memberOf(after)
		if (b != nil && b.Role == RoleReferent) || (a != nil && a.Role == RoleReferent) {
			return m.Designate(c, actor, b, a, day)
		}
	}
	if f := m.Authorize(c, actor, t.Section(), AccessWrite, day); f != nil {
		return f
	}
	if sensitive {
		return m.Authorize(c, actor, healthSection(t), AccessWrite, day)
	}
	return nil
}

// authorizeTarget is the first rights check of a change, before anything
// of the carnet's content is judged: the actor reads or writes the
// target's section on day. It is weaker than authorizeChange, which
// follows once the item is known; on refusal it gives the write fault,
// as a change is a write.
func (m RightsMatrix) authorizeTarget(c *Carnet, actor Actor, t Target, day spie.Date) *spie.Fault {
	if m.Authorize(c, actor, t.Section(), AccessRead, day) == nil {
		return nil
	}
	return m.Authorize(c, actor, t.Section(), AccessWrite, day)
}

func memberOf(b json.RawMessage) *Member {
	if len(b) == 0 {
		return nil
	}
	var x Member
	if json.Unmarshal(b, &x) != nil {
		return nil
	}
	return &x
}

// authorizeEvent re-checks the rights of a recorded event (not a creation)
// against c, the state just before it: the value before is c's, not the
// event's (which its author wrote), and the event's date in the person's
// territory (spie.DateIn, as Apply) is the day checked.
func (m RightsMatrix) authorizeEvent(c *Carnet, e Event) *spie.Fault {
	if e.Target == TargetCarnet {
		return nil // fusion events are checked by Replay with authorizeMerge
	}
	before, _ := c.item(e.Target, e.ItemID, e.ItemOrigin)
	var after json.RawMessage
	if e.Op != OpRemove {
		after = e.After
	}
	sensitive := e.Sensitive || isSensitive(e.Target, before) || isSensitive(e.Target, after)
	// the day in the person's territory, as Apply checks it
	return m.authorizeChange(c, e.Actor, e.Target, before, after, sensitive, spie.DateIn(e.At, string(c.Person.Commune)))
}
