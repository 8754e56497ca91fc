package carnet

import (
	"encoding/json"

	"github.com/spie-fr/socle/spie"
)

// RightsMatrix says, for each role and section, which accesses are granted.
// It is data: a territory may replace DefaultRights.
type RightsMatrix map[Role]map[Section][]Access

// Allows reports whether role has access to section.
func (m RightsMatrix) Allows(role Role, s Section, a Access) bool {
	for _, x := range m[role][s] {
		if x == a {
			return true
		}
	}
	return false
}

var (
	r  = []Access{AccessRead}
	rw = []Access{AccessRead, AccessWrite}
)

// DefaultRights is the default sharing matrix (RULES.md §10): the person
// and their référent see everything, health details included; nobody writes
// the journal, which only Apply appends to.
var DefaultRights = RightsMatrix{
	RoleUsager: {
		SectionPersonne: r, SectionDiagnostic: r, SectionSante: r, SectionMembres: r, SectionOrientation: r,
		SectionContrat: r, SectionPlan: r, SectionRendezVous: r, SectionJalons: r, SectionConsentements: rw, SectionJournal: r,
	},
	RoleReferent: {
		SectionPersonne: rw, SectionDiagnostic: rw, SectionSante: rw, SectionMembres: rw, SectionOrientation: rw,
		SectionContrat: rw, SectionPlan: rw, SectionRendezVous: rw, SectionJalons: rw, SectionConsentements: rw, SectionJournal: r,
	},
	RoleCoReferent: {
		SectionPersonne: r, SectionDiagnostic: rw, SectionMembres: r, SectionOrientation: r,
		SectionContrat: rw, SectionPlan: rw, SectionRendezVous: rw, SectionJalons: rw, SectionConsentements: r, SectionJournal: r,
	},
	RolePartenaire: {
		SectionPersonne: r, SectionMembres: r, SectionPlan: rw, SectionRendezVous: rw,
	},
	RoleCoordinateurSPIE: {
		SectionPersonne: r, SectionDiagnostic: r, SectionMembres: rw, SectionOrientation: r,
		SectionContrat: r, SectionPlan: r, SectionRendezVous: r, SectionJalons: rw, SectionJournal: r,
	},
	RoleChargeOrientation: {
		SectionPersonne: r, SectionDiagnostic: r, SectionMembres: rw, SectionOrientation: rw, SectionContrat: r,
	},
}

// Fault types of rights.
var (
	FaultRightsRole    = &spie.FaultType{Code: "CARNET-DROITS-01", Severity: spie.SeverityError, FR: "rôle inconnu : %q", EN: "unknown role: %q", Source: "RULES.md §10 : rôles du partage (la personne, son référent, les autres membres)"}
	FaultRightsDenied  = &spie.FaultType{Code: "CARNET-DROITS-02", Severity: spie.SeverityError, FR: "le rôle %s n'a pas le droit de %s la section %s", EN: "role %s may not %s section %s", Source: "RULES.md §10 : droits de lecture et d'écriture par rôle ; données de santé (RGPD art. 9)"}
	FaultRightsMember  = &spie.FaultType{Code: "CARNET-DROITS-03", Severity: spie.SeverityError, FR: "%s de la structure %s n'est pas membre actif du carnet le %s", EN: "%s of organisation %s is not an active member of the carnet on %s", Source: "RULES.md §10 : seuls les membres actifs du carnet le consultent"}
	FaultRightsConsent = &spie.FaultType{Code: "CARNET-DROITS-04", Severity: spie.SeverityError, FR: "la personne n'a pas consenti au partage de la section %s avec la structure %s", EN: "the person has not consented to share section %s with organisation %s", Source: "RULES.md §10 : la personne consent au partage structure par structure (RGPD art. 7)"}
	// FaultRightsIdentity: a professional role is held by a named
	// professional of a structure; an actor without name or SIRET is nobody.
	FaultRightsIdentity = &spie.FaultType{Code: "CARNET-DROITS-05", Severity: spie.SeverityError, FR: "acteur non identifié : le rôle %s exige le nom du professionnel et le SIRET de sa structure", EN: "unidentified actor: role %s requires the professional's name and the SIRET of their organisation", Source: "RULES.md §10 : le partage se consent structure par structure, à des professionnels identifiés (nom et SIRET de la structure)"}
	// FaultRightsDesignate: designating, replacing or ending a référent is a
	// right of its own (Designate), distinct from writing the members list.
	FaultRightsDesignate = &spie.FaultType{Code: "CARNET-DROITS-06", Severity: spie.SeverityError, FR: "seuls la personne, le référent en place ou un chargé d'orientation exécutant une orientation consignée dans le carnet désignent ou remplacent le référent", EN: "only the person, the current case worker or an orientation officer carrying out an orientation recorded in the carnet may appoint or replace the case worker", Source: "RULES.md §8 : le référent unique est désigné par l'orientation ; la personne et son référent en place peuvent le changer (droit distinct de l'écriture des membres)"}
	// FaultRightsSelf: nobody designates themself référent.
	FaultRightsSelf = &spie.FaultType{Code: "CARNET-DROITS-07", Severity: spie.SeverityError, FR: "nul ne peut se désigner lui-même référent", EN: "nobody may appoint themself case worker", Source: "RULES.md §8 et §10 : nul ne se désigne lui-même référent (séparation des droits, propre à socle)"}
	// FaultRightsPerson: the usager role is the person of the carnet, as
	// authenticated by the partner (Actor.Professional holds their identifier).
	FaultRightsPerson = &spie.FaultType{Code: "CARNET-DROITS-08", Severity: spie.SeverityError, FR: "le rôle usager exige l'identifiant de la personne authentifiée, qui doit être celle du carnet", EN: "the usager role requires the identifier of the authenticated person, who must be the carnet's person", Source: "RULES.md §10 : la personne accède à son propre carnet (RGPD art. 15) ; le partenaire l'authentifie, socle vérifie que c'est la personne du carnet"}
)

var accessVerb = map[Access]spie.Label{AccessRead: {FR: "lire", EN: "read"}, AccessWrite: {FR: "modifier", EN: "change"}}

// Authorize says whether actor may access section of the carnet on day,
// with DefaultRights: the actor must be identified (CARNET-DROITS-05, -08,
// see Actor); the role must grant it; a professional must be an active
// member of the carnet in that role and structure (and under that name when
// the member record names one); a structure other than the référent's needs
// the person's consent covering the section. It returns nil when access is
// granted.
//
// The library cannot authenticate anyone: the partner calling it must have
// authenticated the person or the professional it declares as actor. For
// the usager role, Actor.Professional is the identifier of the person the
// partner authenticated (FranceConnect or its own account), and it must be
// the carnet's personne/id; for the other roles, Actor.Professional is the
// authenticated professional's name and Actor.StructureSIRET their
// employer's SIRET, both required.
func Authorize(c *Carnet, actor Actor, s Section, a Access, day spie.Date) *spie.Fault {
	return DefaultRights.Authorize(c, actor, s, a, day)
}

// Authorize is Authorize with the matrix m.
func (m RightsMatrix) Authorize(c *Carnet, actor Actor, s Section, a Access, day spie.Date) *spie.Fault {
	path := spie.Pointer(string(s))
	if !Roles.Has(string(actor.Role)) {
		f := FaultRightsRole.At(path, string(actor.Role))
		return &f
	}
	if f := identified(c, actor, path); f != nil {
		return f
	}
	if !m.Allows(actor.Role, s, a) {
		f := FaultRightsDenied.At(path, labelArg(Roles, string(actor.Role)), accessVerb[a], labelArg(Sections, string(s)))
		return &f
	}
	if actor.Role == RoleUsager {
		return nil
	}
	member := false
	for _, mb := range c.Members {
		if mb.Role == actor.Role && mb.StructureSIRET == actor.StructureSIRET && mb.ActiveOn(day) &&
			(mb.Professional == "" || mb.Professional == actor.Professional) {
			member = true
			break
		}
	}
	if !member {
		f := FaultRightsMember.At(path, labelArg(Roles, string(actor.Role)), string(actor.StructureSIRET), string(day))
		return &f
	}
	if ref, ok := c.Referent(day); ok && ref.StructureSIRET == actor.StructureSIRET {
		return nil
	}
	if !c.Consented(actor.StructureSIRET, s, day) {
		f := FaultRightsConsent.At(path, labelArg(Sections, string(s)), string(actor.StructureSIRET))
		return &f
	}
	return nil
}

// Consented reports whether the person's consent covering section s with
// the structure is in force on day. Consent to the diagnostic covers its
// health details only for the référent, which Authorize handles.
func (c *Carnet) Consented(siret spie.SIRET, s Section, day spie.Date) bool {
	for _, k := range c.Consents {
		if k.StructureSIRET != siret || k.Date.After(day) || (!k.WithdrawnOn.IsZero() && !k.WithdrawnOn.After(day)) {
			continue
		}
		for _, x := range k.Scope {
			if x == s {
				return true
			}
		}
	}
	return false
}

// Viewer is who looks at a carnet, and when.
type Viewer struct {
	Actor
	// On is the date of the view (membership and consent are checked on it).
	On spie.Date
}

// View returns the carnet as viewer may see it with DefaultRights, as of
// the date of the view: the content is the carnet replayed from its journal
// up to the end of that day (in the person's territory, spie.DateIn; see AsOf), and the rights are those of
// that state on that day — never today's content under past rights. Then
// the sections they may not read are left out, health details are removed
// unless they may read the sante section, the values set aside by merges
// (conflits_fusion) are kept only for a viewer who may read every part of
// Parts, and the journal keeps only the events of readable sections
// (without values for health events). The person's NIR (parts marked NIR
// in Parts) is shown only to who MayReadNIR — in the content, the
// journal's values and the conflicts. The original is not modified.
//
// The view is marked as a view (Carnet.Mark: viewer and date): its journal
// is redacted, so it no longer verifies, and VerifyCarnet refuses it as a
// carnet. View verifies the journal of a carnet that is not already a view
// (VerifyCarnet without checkpoints nor keys): when it does not verify, the
// view holds the carnet's identifier only, nothing of its content. A server
// holding checkpoints and a key registry calls VerifiedView, which also
// returns the faults; a view received from that server (Mark set) is
// narrowed again without verification (its journal is redacted), and only
// for the viewer it was computed for: for anyone else it shows the
// identifier only.
func View(c *Carnet, v Viewer) *Carnet { return DefaultRights.View(c, v) }

// View is View with the matrix m.
func (m RightsMatrix) View(c *Carnet, v Viewer) *Carnet {
	idOnly := &Carnet{Version: c.Version, ID: c.ID, Mark: &ViewMark{Viewer: v.Actor, On: v.On}}
	if c.Mark != nil {
		// A view cannot be verified (its journal is redacted): it is only
		// narrowed again for the viewer it was computed for, never shown to
		// another (a forged mark on a carnet is no pass).
		if c.Mark.Viewer != v.Actor {
			return idOnly
		}
		return m.view(c, v)
	}
	if len(VerifyCarnet(c, Trust{}).Errors()) > 0 {
		return idOnly
	}
	return m.view(c, v)
}

// view computes the view of a carnet already verified (or a view).
func (m RightsMatrix) view(c *Carnet, v Viewer) *Carnet {
	c = AsOf(c, v.On)
	can := map[Section]bool{}
	for _, d := range Sections {
		s := Section(d.Key)
		can[s] = m.Authorize(c, v.Actor, s, AccessRead, v.On) == nil
	}
	out := c.cloneContent()
	out.Mark = &ViewMark{Viewer: v.Actor, On: v.On}
	redact(out, can)
	if !m.MayReadNIR(c, v) {
		withoutNIR(out)
	}
	if !can[SectionJournal] {
		out.Journal = nil
		return out
	}
	var events []Event
	for _, e := range out.Journal {
		if !can[e.Target.Section()] {
			continue
		}
		if e.Target == TargetCarnet && e.Op == OpCreate {
			e.After = redactedJSON[Carnet](e.After, func(x *Carnet) { redact(x, can) })
		} else if e.Sensitive && !can[healthSection(e.Target)] {
			e.Before, e.After = nil, nil
		}
		events = append(events, e)
	}
	out.Journal = events
	return out
}

// Visible returns the faults of fs that viewer may see, with DefaultRights
// (see RightsMatrix.Visible).
func Visible(c *Carnet, v Viewer, fs spie.Faults) spie.Faults { return DefaultRights.Visible(c, v, fs) }

// Visible returns the faults of fs, computed on the whole carnet c (Alerts,
// Check…), that viewer v may see with the matrix m: a fault is kept when its
// JSON Pointer lies in a part of the table (Parts) whose section v may read
// and, when the value it points at holds health data, whose sensitive
// section v may read too; a fault pointing at the NIR is kept only when v
// MayReadNIR. A fault pointing outside the parts (format, journal) is kept
// when v may read the journal. Paths keep the indexes of c,
// not those of View(c, v). The messages are not rewritten.
func (m RightsMatrix) Visible(c *Carnet, v Viewer, fs spie.Faults) spie.Faults {
	can := func(s Section) bool { return m.Authorize(c, v.Actor, s, AccessRead, v.On) == nil }
	var out spie.Faults
	for _, f := range fs {
		p, rest, ok := partAt(f.Path)
		switch {
		case !ok:
			if !can(SectionJournal) {
				continue
			}
		case !can(p.Section):
			continue
		case p.ops.sensitiveAt(c, rest) && !can(healthSection(p.Target)):
			continue
		case nirFault(f.Path) && !m.MayReadNIR(c, v):
			continue
		}
		out = append(out, f)
	}
	return out
}

func redactedJSON[T any](b json.RawMessage, f func(*T)) json.RawMessage {
	var x T
	if json.Unmarshal(b, &x) != nil {
		return nil
	}
	f(&x)
	out, _ := json.Marshal(x)
	return out
}

// redact removes from c the parts whose section is not in can, and the
// health values of the parts whose sensitive section is not in can (Parts).
func redact(c *Carnet, can map[Section]bool) {
	for _, p := range Parts {
		switch {
		case !can[p.Section]:
			p.ops.hide(c)
		case p.Sensitive != "" && !can[p.Sensitive]:
			p.ops.strip(c)
		}
	}
	if !can[SectionJournal] {
		c.Journal = nil
	}
	// A value set aside by a merge may come from any part: the conflicts
	// are shown only to a viewer who may read every part and its health
	// values (it used to check santé and membres only, which let a
	// territory's matrix show a diagnostic to who may not read it).
	for _, p := range Parts {
		if !can[p.Section] || (p.Sensitive != "" && !can[p.Sensitive]) {
			c.Conflicts = nil
		}
	}
}

// healthSection returns the section guarding the health values of target
// (Part.Sensitive), SectionSante when the table names none.
func healthSection(t Target) Section {
	if p, ok := PartOf(t); ok && p.Sensitive != "" {
		return p.Sensitive
	}
	return SectionSante
}

// AsOf returns the carnet as it stood at the end of day in the person's territory (spie.DateIn): c itself when
// no event of its journal is later than day, else the carnet replayed (see
// Replay, rights re-checked) from the events dated on or before day. When
// nothing was recorded by then, or those events do not replay, it returns
// only the carnet's id, version and person id: no content is shown rather
// than today's. A carnet without journal (a view, an export of another
// tool) has no history and is returned as is.
func AsOf(c *Carnet, day spie.Date) *Carnet {
	if len(c.Journal) == 0 {
		return c
	}
	var events []Event
	later := false
	for _, e := range c.Journal {
		if spie.DateIn(e.At, string(c.Person.Commune)).After(day) {
			later = true
			continue
		}
		events = append(events, e)
	}
	if !later {
		return c
	}
	empty := &Carnet{Version: c.Version, ID: c.ID, Person: SupportedPerson{ID: c.Person.ID}}
	if len(events) == 0 {
		return empty
	}
	r, fs := Replay(events)
	if len(fs) > 0 || r == nil {
		return empty
	}
	return r
}

// labelArg is the label of key in defs as a fault argument: French in the
// fault's message, English in its message_en (spie.FaultType.At); the key
// itself when unknown.
func labelArg(defs spie.Definitions, key string) any {
	if d, ok := defs.Get(key); ok {
		return d.Label
	}
	return key
}
