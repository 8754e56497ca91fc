package carnet

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/spie-fr/socle/spie"
)

// FaultRetentionDate reports a date of the carnet that is not a calendar
// date: the retention date cannot be computed from it, so the carnet is
// neither kept silently nor purged (Purge refuses it) until it is corrected.
var FaultRetentionDate = &spie.FaultType{Code: "CARNET-CONSERVATION-01", Severity: spie.SeverityError, FR: "date invalide : la date de fin de conservation ne peut pas être calculée tant qu'elle n'est pas corrigée", EN: "invalid date: the end of retention cannot be computed until it is corrected", Source: "RULES.md §10 : conservation 24 mois après la dernière activité, purge possible et vérifiable (RGPD art. 5.1.e) ; une date du calendrier AAAA-MM-JJ (ISO 8601)"}

// activityDates calls see with each date of the carnet that counts as
// activity and its JSON Pointer: the entry date, events (on their date in
// the person's territory, spie.DateIn), diagnostic, members, orientations,
// contracts, actions, contacts and milestones.
func (c *Carnet) activityDates(see func(d spie.Date, path string)) {
	see(c.EntryDate, spie.Pointer("date_entree"))
	for i, e := range c.Journal {
		see(spie.DateIn(e.At, string(c.Person.Commune)), spie.Pointer("journal", i, "horodatage"))
	}
	if c.Diagnostic != nil {
		see(c.Diagnostic.Date, spie.Pointer("diagnostic", "date"))
	}
	for i, m := range c.Members {
		see(m.Start, spie.Pointer("membres", i, "date_debut"))
		see(m.End, spie.Pointer("membres", i, "date_fin"))
	}
	for i, o := range c.Orientations {
		see(o.Date, spie.Pointer("orientations", i, "date"))
	}
	for i, k := range c.Contracts {
		see(k.SignedOn, spie.Pointer("contrats", i, "date_signature"))
		see(k.Start, spie.Pointer("contrats", i, "date_debut"))
		see(k.End, spie.Pointer("contrats", i, "date_fin"))
	}
	for i, a := range c.Actions {
		see(a.ProposedOn, spie.Pointer("actions", i, "date_proposition"))
		see(a.Start, spie.Pointer("actions", i, "date_debut"))
		see(a.End, spie.Pointer("actions", i, "date_fin"))
	}
	for i, k := range c.Contacts {
		see(k.Date, spie.Pointer("rendez_vous", i, "date"))
	}
	for i, m := range c.Milestones {
		see(m.Date, spie.Pointer("jalons", i, "date"))
	}
}

// LastActivity returns the date of the last activity recorded in the
// carnet: the latest of its entry date, events, contacts, actions,
// contracts, orientations, members, milestones and diagnostic (future dates
// ignored beyond day; an entry date after day is the last activity when
// there is none before); a journal event counts on its date in the person's
// territory (spie.DateIn). Malformed dates are skipped: Retention reports
// them.
func (c *Carnet) LastActivity(day spie.Date) spie.Date {
	var last spie.Date
	c.activityDates(func(d spie.Date, _ string) {
		if !d.Valid() || d.After(day) {
			return
		}
		if last.IsZero() || d.After(last) {
			last = d
		}
	})
	if last.IsZero() && c.EntryDate.Valid() {
		return c.EntryDate
	}
	return last
}

// Retention returns the date after which the carnet must be purged:
// p.RetentionMonths after the last activity, or the end of the experiment
// when it comes first (RULES.md §10). A date of the carnet that counts as
// activity and is not a calendar date YYYY-MM-DD (2025-02-30, 03/03/2025),
// a missing entry date, or an experiment end that is not a date, make the
// retention date unknown: it returns "" and a fault CARNET-CONSERVATION-01
// at each such date (the fault does not quote the date); a malformed day
// gives one at "".
func (c *Carnet) Retention(day spie.Date, p Policy) (spie.Date, spie.Faults) {
	var fs spie.Faults
	if !day.Valid() {
		fs = append(fs, FaultRetentionDate.At(""))
	}
	c.activityDates(func(d spie.Date, path string) {
		if (d != "" || path == spie.Pointer("date_entree")) && !d.Valid() {
			fs = append(fs, FaultRetentionDate.At(path))
		}
	})
	if !p.ExperimentEnd.IsZero() && !p.ExperimentEnd.Valid() {
		fs = append(fs, FaultRetentionDate.At(spie.Pointer("fin_experimentation")))
	}
	if len(fs) > 0 {
		return "", fs
	}
	d := c.LastActivity(day).AddMonths(p.RetentionMonths)
	if !p.ExperimentEnd.IsZero() && p.ExperimentEnd.Before(d) {
		return p.ExperimentEnd, nil
	}
	return d, nil
}

// RetentionDate is Retention without its faults: "" when the retention date
// cannot be computed.
func (c *Carnet) RetentionDate(day spie.Date, p Policy) spie.Date {
	d, _ := c.Retention(day, p)
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

// PurgeRefusal is a carnet Purge could neither keep nor purge: its
// retention date cannot be computed (Retention's faults).
type PurgeRefusal struct {
	CarnetID string      `json:"id_carnet"`
	Faults   spie.Faults `json:"defauts"`
}

// Purge separates the carnets whose retention date is before day from the
// others. It returns the carnets kept, a record of each carnet purged, and
// the carnets refused because their retention date cannot be computed
// (CARNET-CONSERVATION-01: a malformed date) — a carnet is never kept
// silently for want of a date. The caller deletes the purged carnets from
// its store and keeps the records as proof; it has the refused ones'
// dates corrected, then purges again. A carnet whose journal does not
// verify (VerifyCarnet without trust, errors only) is purged all the same,
// since the law requires it, and its record says so (journal_non_verifie).
func Purge(carnets []*Carnet, day spie.Date, p Policy) (kept []*Carnet, purged []PurgeRecord, refused []PurgeRefusal) {
	for _, c := range carnets {
		r, fs := c.Retention(day, p)
		if len(fs) > 0 {
			refused = append(refused, PurgeRefusal{CarnetID: c.ID, Faults: fs})
			continue
		}
		if !r.Before(day) {
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
	return kept, purged, refused
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
	// Date jusqu'à laquelle le carnet est conservé ; vide quand elle ne peut pas être calculée (voir conservation_non_calculee).
	RetentionDate spie.Date `json:"conservation_jusqu_au"`
	// Pourquoi la date de fin de conservation ne peut pas être calculée (CARNET-CONSERVATION-01 : une date invalide) ; absent quand elle l'est.
	RetentionFaults spie.Faults `json:"conservation_non_calculee,omitempty"`
	// Erreurs de vérification du journal (VerifyCarnet) : l'export a lieu quand même (droit d'accès) et le signale.
	JournalFaults spie.Faults `json:"journal_non_verifie,omitempty"`
}

// StructureAccess is what one member can read.
type StructureAccess struct {
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
	Professional   string     `json:"professionnel,omitempty"`
	Role           Role       `json:"role"`
	Sections       []Section  `json:"sections"`
	// Vrai quand le membre voit le NIR de la personne (structure habilitée).
	NIR bool `json:"nir,omitempty"`
}

// Export returns everything held about the person on day. It runs on a
// carnet whose journal does not verify (the right of access holds
// whatever the state of the journal) and flags it: journal_non_verifie
// holds the errors of VerifyCarnet without trust. When a date prevents the
// computation of the retention (Retention's faults, as Purge refuses them),
// RetentionDate is empty and RetentionFaults says why.
func Export(c *Carnet, day spie.Date, p Policy) AccessExport {
	out := AccessExport{Date: day, Carnet: c.Cloned(), JournalFaults: VerifyCarnet(c, Trust{}).Errors()}
	if r, fs := c.Retention(day, p); len(fs) > 0 {
		out.RetentionFaults = fs
	} else {
		out.RetentionDate = r
	}
	for _, m := range c.Members {
		if !m.ActiveOn(day) || m.Role == RoleUsager {
			continue
		}
		a := StructureAccess{StructureSIRET: m.StructureSIRET, Professional: m.Professional, Role: m.Role}
		actor := Actor{Professional: m.Professional, StructureSIRET: m.StructureSIRET, Role: m.Role}
		if actor.Professional == "" {
			// a record without a name gives its role to every
			// professional of the structure (Authorize): what any of them
			// may read, checked as one of them
			actor.Professional = "(tout professionnel de la structure)"
		}
		for _, s := range Sections {
			if Authorize(c, actor, Section(s.Key), AccessRead, day) == nil {
				a.Sections = append(a.Sections, Section(s.Key))
			}
		}
		for _, p := range Parts {
			if p.NIR && Authorize(c, actor, p.Section, AccessRead, day) == nil && MayReadNIR(c, Viewer{Actor: actor, On: day}) {
				a.NIR = true
			}
		}
		out.Access = append(out.Access, a)
	}
	return out
}
