package carnet

import (
	"encoding/json"

	"github.com/spie-fr/socle/spie"
)

// MayReadNIR reports whether the viewer may see the person's NIR on v.On.
// The viewer must say who they are, as Authorize requires: the person
// (usager, identified by personne/id in professionnel) may; a professional
// (named, with a SIRET) may when an active member of the
// carnet in its role and structure (as Authorize matches them) is marked
// AccessNIR — the structure is authorised to process the NIR (« NIR,
// seulement si la structure est habilitée à le traiter », diagnostic
// personne/nir). Reading the part that holds it (Parts, column NIR) is
// needed too: View hides the whole part from who may not read it.
func (m RightsMatrix) MayReadNIR(c *Carnet, v Viewer) bool {
	if !Roles.Has(string(v.Role)) || identified(c, v.Actor, "") != nil {
		return false
	}
	if v.Role == RoleUsager {
		return true
	}
	for _, mb := range c.Members {
		if mb.AccessNIR && mb.Role == v.Role && mb.StructureSIRET == v.StructureSIRET && mb.ActiveOn(v.On) &&
			(mb.Professional == "" || mb.Professional == v.Professional) {
			return true
		}
	}
	return false
}

// MayReadNIR is RightsMatrix.MayReadNIR with DefaultRights.
func MayReadNIR(c *Carnet, v Viewer) bool { return DefaultRights.MayReadNIR(c, v) }

// withoutNIR removes the NIR from every part of Parts marked NIR, from the
// values of the journal's events (the creation's carnet, the changes of
// such parts) and from the values set aside by merges.
func withoutNIR(c *Carnet) {
	for _, p := range Parts {
		if p.NIR {
			p.ops.hideNIR(c)
		}
	}
	for i, e := range c.Journal {
		if e.Target == TargetCarnet {
			c.Journal[i].After = redactedJSON[Carnet](e.After, func(x *Carnet) {
				x.Journal = nil
				withoutNIR(x)
			})
			continue
		}
		if p, ok := PartOf(e.Target); ok && p.NIR {
			c.Journal[i].Before = partWithoutNIR(p, e.ItemID, e.Before)
			c.Journal[i].After = partWithoutNIR(p, e.ItemID, e.After)
		}
	}
	var kept []Conflict
	for _, k := range c.Conflicts {
		p, rest, ok := partAt(k.Path)
		switch {
		case !ok || !p.NIR:
		case len(rest) == 0:
			k.Value = partWithoutNIR(p, "", k.Value)
		case p.ops.nirAt(rest):
			continue
		default:
			// A value below the part that may hold the NIR: dropped from
			// the view rather than decoded piecewise.
			continue
		}
		kept = append(kept, k)
	}
	c.Conflicts = kept
}

// partWithoutNIR returns the JSON value b of part p without the NIR
// (decoded as the part's Go type, as the journal replays it); nil when it
// cannot be read, so that nothing unreadable is shown.
func partWithoutNIR(p Part, id string, b json.RawMessage) json.RawMessage {
	if len(b) == 0 {
		return b
	}
	scratch := &Carnet{}
	if p.ops.apply(scratch, Event{Op: OpAdd, Target: p.Target, ItemID: id, After: b}) != nil {
		return nil
	}
	p.ops.hideNIR(scratch)
	v, ok := p.ops.get(scratch, id, "")
	if !ok {
		return nil
	}
	out, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return out
}

// nirFault reports whether the fault at path points at or below the NIR.
func nirFault(path string) bool {
	p, rest, ok := partAt(path)
	return ok && p.NIR && p.ops.nirAt(rest)
}

// FaultNIRGrant reports a member marked acces_nir by an actor who is not
// itself authorised to process the NIR.
var FaultNIRGrant = &spie.FaultType{Code: "CARNET-NIR-01", Severity: spie.SeverityError, FR: "seul un professionnel dont la structure est habilitée à traiter le NIR peut déclarer un membre habilité", EN: "only a professional whose organisation is authorised to process the NIR may mark a member as authorised", Source: "NIR réservé aux structures habilitées à le traiter (« NIR, seulement si la structure est habilitée à le traiter », diagnostic personne/nir) ; RGPD art. 87 ; seul un membre déjà habilité déclare une habilitation, règle propre à socle"}

// guardNIRGrant refuses a change of the members list that grants acces_nir
// (a member added with it, or changed to it) unless the actor is a
// professional who MayReadNIR on the change's date: the flag is data in a
// list that coordinators and chargés d'orientation may write, and marking
// one's own member would give the NIR. Withdrawing the flag is not guarded.
// The initial members of Create carry the flags the opener declares.
func guardNIRGrant(c *Carnet, ch Change, actor Actor) spie.Faults {
	if ch.Target != TargetMembres || ch.Op == OpRemove || ch.Value == nil {
		return nil
	}
	b, err := json.Marshal(ch.Value)
	if err != nil {
		return nil
	}
	var m Member
	if json.Unmarshal(b, &m) != nil || !m.AccessNIR {
		return nil
	}
	// keeping a mark is not granting it: the same record (origine, id),
	// already marked, for the same role, structure and professional — a
	// record rewritten into another identity, or another carnet's record
	// sharing the id after a merge, carries no mark over
	origin := ch.Origin
	if origin == "" {
		origin = m.Origin
	}
	if origin != "" || len(memberOrigins(c, ch.ID)) == 1 {
		if b, ok := c.item(TargetMembres, ch.ID, origin); ok {
			if old := memberOf(b); old != nil && old.AccessNIR && old.Role == m.Role &&
				old.StructureSIRET == m.StructureSIRET && old.Professional == m.Professional {
				return nil
			}
		}
	}
	if actor.Role != RoleUsager && MayReadNIR(c, Viewer{Actor: actor, On: spie.DateIn(ch.At, string(c.Person.Commune))}) {
		return nil
	}
	return spie.Faults{FaultNIRGrant.At(spie.Pointer(string(TargetMembres), ch.ID, "acces_nir"))}
}

// memberOrigins returns the origins of the member records with id.
func memberOrigins(c *Carnet, id string) []string {
	p, _ := PartOf(TargetMembres)
	return p.ops.origins(c, id)
}
