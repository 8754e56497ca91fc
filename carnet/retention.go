package carnet

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/spie-fr/socle/spie"
)

// LastActivity returns the date of the last activity recorded in the
// carnet: the latest of its events, contacts, actions, contracts,
// orientations, members, milestones and diagnostic (future dates ignored
// beyond day); a journal event counts on its date in the person's territory
// (spie.DateIn).
func (c *Carnet) LastActivity(day spie.Date) spie.Date {
	last := c.EntryDate
	see := func(d spie.Date) {
		if d.IsZero() || d.After(day) {
			return
		}
		if _, ok := d.Time(); ok && (last.IsZero() || d.After(last)) {
			last = d
		}
	}
	for _, e := range c.Journal {
		see(spie.DateIn(e.At, string(c.Person.Commune)))
	}
	if c.Diagnostic != nil {
		see(c.Diagnostic.Date)
	}
	for _, m := range c.Members {
		see(m.Start)
		see(m.End)
	}
	for _, o := range c.Orientations {
		see(o.Date)
	}
	for _, k := range c.Contracts {
		see(k.SignedOn)
		see(k.Start)
		see(k.End)
	}
	for _, a := range c.Actions {
		see(a.ProposedOn)
		see(a.Start)
		see(a.End)
	}
	for _, k := range c.Contacts {
		see(k.Date)
	}
	for _, m := range c.Milestones {
		see(m.Date)
	}
	return last
}

// RetentionDate returns the date after which the carnet must be purged:
// p.RetentionMonths after the last activity, or the end of the
// experiment when it comes first (RULES.md §10).
func (c *Carnet) RetentionDate(day spie.Date, p Policy) spie.Date {
	d := c.LastActivity(day).AddMonths(p.RetentionMonths)
	if !p.ExperimentEnd.IsZero() && p.ExperimentEnd.Before(d) {
		return p.ExperimentEnd
	}
	return d
}

// PurgeRecord proves what was purged without keeping it: the carnet, the
// person, the dates and the SHA-256 of the purged content.
type PurgeRecord struct {
	CarnetID      string    `json:"id_carnet"`
	PersonID      string    `json:"id_personne"`
	LastActivity  spie.Date `json:"derniere_activite"`
	RetentionDate spie.Date `json:"date_conservation"`
	PurgedOn      spie.Date `json:"date_purge"`
	Digest        string    `json:"empreinte_contenu"`
	Events        int       `json:"evenements"`
	// Erreurs de vérification du journal (VerifyCarnet) : la purge a lieu quand même, la loi l'impose.
	JournalFaults spie.Faults `json:"journal_non_verifie,omitempty"`
}

// Purge separates the carnets whose retention date is before day from the
// others. It returns the carnets kept and a record of each carnet purged;
// the caller deletes the purged carnets from its store and keeps the
// records as proof. A carnet whose journal does not verify (VerifyCarnet
// without trust, errors only) is purged all the same, since the law
// requires it, and its record says so (journal_non_verifie).
func Purge(carnets []*Carnet, day spie.Date, p Policy) (kept []*Carnet, purged []PurgeRecord) {
	for _, c := range carnets {
		r := c.RetentionDate(day, p)
		if r.IsZero() || !r.Before(day) {
			kept = append(kept, c)
			continue
		}
		sum := sha256.Sum256(canon(c))
		purged = append(purged, PurgeRecord{
			CarnetID: c.ID, PersonID: c.Person.ID, LastActivity: c.LastActivity(day), RetentionDate: r,
			PurgedOn: day, Digest: hex.EncodeToString(sum[:]), Events: len(c.Journal),
			JournalFaults: VerifyCarnet(c, Trust{}).Errors(),
		})
	}
	return kept, purged
}

// AccessExport is everything held about the person in a carnet, for the
// right of access (RGPD art. 15): the whole carnet with its journal, who
// can see what, and until when it is kept.
type AccessExport struct {
	// Date de l'export.
	Date spie.Date `json:"date_export"`
	// Le carnet complet, données de santé et journal compris.
	Carnet *Carnet `json:"carnet"`
	// Les structures qui ont accès au carnet à la date de l'export, et les sections qu'elles peuvent lire.
	Access []StructureAccess `json:"acces"`
	// Date jusqu'à laquelle le carnet est conservé.
	RetentionDate spie.Date `json:"conservation_jusqu_au"`
	// Erreurs de vérification du journal (VerifyCarnet) : l'export a lieu quand même (droit d'accès) et le signale.
	JournalFaults spie.Faults `json:"journal_non_verifie,omitempty"`
}

// StructureAccess is what one member can read.
type StructureAccess struct {
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
	Professional   string     `json:"professionnel,omitempty"`
	Role           Role       `json:"role"`
	Sections       []Section  `json:"sections"`
}

// Export returns everything held about the person on day. It runs on a
// carnet whose journal does not verify (the right of access holds
// whatever the state of the journal) and flags it: journal_non_verifie
// holds the errors of VerifyCarnet without trust.
func Export(c *Carnet, day spie.Date, p Policy) AccessExport {
	out := AccessExport{Date: day, Carnet: c.Cloned(), RetentionDate: c.RetentionDate(day, p), JournalFaults: VerifyCarnet(c, Trust{}).Errors()}
	for _, m := range c.Members {
		if !m.ActiveOn(day) || m.Role == RoleUsager {
			continue
		}
		a := StructureAccess{StructureSIRET: m.StructureSIRET, Professional: m.Professional, Role: m.Role}
		actor := Actor{Professional: m.Professional, StructureSIRET: m.StructureSIRET, Role: m.Role}
		for _, s := range Sections {
			if Authorize(c, actor, Section(s.Key), AccessRead, day) == nil {
				a.Sections = append(a.Sections, Section(s.Key))
			}
		}
		out.Access = append(out.Access, a)
	}
	return out
}
