package carnet

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Fault types of the alerts: ruptures (RULES.md §9), perdus de vue and
// deadlines (RULES.md §4).
var (
	FaultRuptureReferent  = &spie.FaultType{Code: "CARNET-RUPTURE-10", Severity: spie.SeverityWarning, FR: "changement de référent le %s sans successeur désigné", EN: "change of case worker on %s without a successor", Source: "RULES.md §9 : changement de référent, moment de rupture"}
	FaultRuptureHandover  = &spie.FaultType{Code: "CARNET-RUPTURE-15", Severity: spie.SeverityWarning, FR: "changement de référent le %s (%s → %s) : organiser le passage de relais avec la personne", EN: "change of case worker on %s (%s → %s): organise the handover with the person", Source: "RULES.md §9 : changement de référent ou de structure, moment de rupture ; RULES.md §8 (référent unique)"}
	FaultRuptureContract  = &spie.FaultType{Code: "CARNET-RUPTURE-11", Severity: spie.SeverityWarning, FR: "fin du contrat %s le %s sans suite prévue", EN: "end of contract %s on %s with no next step", Source: "RULES.md §9 : fin d'un contrat ou d'un dispositif (CEJ, PACEA, contrat IAE)"}
	FaultRupturePACEA26   = &spie.FaultType{Code: "CARNET-RUPTURE-12", Severity: spie.SeverityWarning, FR: "la personne aura 26 ans le %s : fin du PACEA", EN: "the person turns 26 on %s: end of the PACEA", Source: "RULES.md §5 et §9 : le PACEA prend fin à 26 ans (C. trav. L5131-4)"}
	FaultRuptureNoNext    = &spie.FaultType{Code: "CARNET-RUPTURE-13", Severity: spie.SeverityWarning, FR: "action terminée le %s sans autre action en cours : sortant sans solution", EN: "action ended on %s with no other action: leaver without a next step", Source: "RULES.md §9 : fin d'une action sans suite (« sortant sans solution »)"}
	FaultRuptureMilestone = &spie.FaultType{Code: "CARNET-RUPTURE-14", Severity: spie.SeverityWarning, FR: "%s le %s", EN: "%s on %s", Source: "RULES.md §9 : moments de rupture (déménagement, fin des droits RSA…) signalés à l'avance (30 jours par défaut)"}
	FaultSilence          = &spie.FaultType{Code: "CARNET-PDV-10", Severity: spie.SeverityWarning, FR: "sans nouvelles depuis le %s : relance %d attendue le %s", EN: "no news since %s: reminder %d due on %s", Source: "RULES.md §9 : procédure par défaut, sans nouvelles après 30 jours, relances à J+0, J+7, J+14"}
	FaultRelanceLate      = &spie.FaultType{Code: "CARNET-PDV-11", Severity: spie.SeverityWarning, FR: "relance %d en retard (attendue le %s)", EN: "reminder %d late (due on %s)", Source: "RULES.md §9 : procédure par défaut, relances à J+0, J+7, J+14"}
	FaultLost             = &spie.FaultType{Code: "CARNET-PDV-12", Severity: spie.SeverityError, FR: "perdu de vue depuis le %s après %d relances sans réponse : alerter le référent et le coordinateur SPIE", EN: "lost from sight since %s after %d unanswered reminders: alert the case worker and the SPIE coordinator", Source: "RULES.md §9 : perdu de vue après 3 relances sans réponse sur 21 jours au moins, alerte du référent et du coordinateur"}
	FaultDeadlineDiag     = &spie.FaultType{Code: "CARNET-DELAI-10", Severity: spie.SeverityWarning, FR: "diagnostic attendu au plus tard le %s (entrée le %s)", EN: "diagnostic due by %s (entry on %s)", Source: "RULES.md §4 : diagnostic dans le mois suivant l'entrée dans le SPIE (Bouches-du-Rhône, axe 1)"}
	FaultDeadlineRSA      = &spie.FaultType{Code: "CARNET-DELAI-11", Severity: spie.SeverityWarning, FR: "orientation du bénéficiaire du RSA attendue au plus tard le %s, sinon France Travail oriente", EN: "RSA beneficiary's orientation due by %s, else France Travail orients", Source: "RULES.md §4 : orientation du bénéficiaire du RSA dans les 6 semaines, sinon France Travail oriente (CASF D262-65-2)"}
	FaultDeadlineContract = &spie.FaultType{Code: "CARNET-DELAI-12", Severity: spie.SeverityWarning, FR: "contrat à signer au plus tard le %s après l'orientation du %s", EN: "contract to sign by %s after the orientation of %s", Source: "RULES.md §4 : contrat signé dans le mois suivant la notification d'orientation (C. trav. D5411-14-1, D5411-8-2)"}
	FaultDeadlineReview   = &spie.FaultType{Code: "CARNET-DELAI-13", Severity: spie.SeverityWarning, FR: "parcours social : rediagnostic conjoint attendu au plus tard le %s", EN: "social pathway: joint re-diagnostic due by %s", Source: "RULES.md §4 : parcours social, rediagnostic conjoint à 6 mois, 12 mois pour santé, handicap, logement ou famille (CASF L262-31, D262-65-2-1)"}
	FaultDeadlineAnswer   = &spie.FaultType{Code: "CARNET-DELAI-14", Severity: spie.SeverityWarning, FR: "prescription sans réponse de la structure depuis plus de 72 heures (proposée le %s)", EN: "prescription unanswered for more than 72 hours (proposed on %s)", Source: "RULES.md §4 : réponse à une prescription sous 72 heures (guide de l'Aisne)"}
	FaultRequestReminder  = &spie.FaultType{Code: "CARNET-DELAI-15", Severity: spie.SeverityWarning, FR: "demande d'orientation sans réponse depuis %d jours : relancer la structure", EN: "orientation request unanswered for %d days: remind the organisation", Source: "RULES.md §4 : relance d'une demande d'orientation après 10 jours (pratique Dora)"}
	FaultRequestExpired   = &spie.FaultType{Code: "CARNET-DELAI-16", Severity: spie.SeverityError, FR: "demande d'orientation expirée : sans réponse depuis %d jours", EN: "orientation request expired: unanswered for %d days", Source: "RULES.md §4 : expiration d'une demande d'orientation après 30 jours (pratique Dora)"}
	FaultDeadlineOverdue  = &spie.FaultType{Code: "CARNET-DELAI-17", Severity: spie.SeverityError, FR: "délai dépassé : %s", EN: "deadline passed: %s", Source: "RULES.md §4 : délais fixés par la politique du territoire (carnet.Policy)"}
)

// Alerts returns everything that needs action on day: ruptures, perdus de
// vue, open deadlines and duplicate proposals still active, sorted by path.
func (c *Carnet) Alerts(day spie.Date, p Policy) spie.Faults {
	var fs spie.Faults
	fs = append(fs, c.Ruptures(day, p)...)
	fs = append(fs, c.FollowUp(day, p).Faults...)
	fs = append(fs, c.Deadlines(day, p)...)
	for _, f := range c.Duplicates() {
		// a duplicate already ended (cancelled, refused…) needs no action any more
		var i int
		if _, err := fmt.Sscanf(f.Path, "/actions/%d", &i); err == nil && i < len(c.Actions) && c.Actions[i].Status.Active() {
			fs = append(fs, f)
		}
	}
	fs.Sort()
	return fs
}

// within reports whether the key moment on date d must be signalled on day:
// from aheadDays before until afterDays after.
func within(d, day spie.Date, ahead, after int) bool {
	if d.IsZero() {
		return false
	}
	n := day.DaysUntil(d)
	if _, ok := d.Time(); !ok {
		return false
	}
	return n <= ahead && n >= -after
}

// Ruptures returns the alerts of the key moments of RULES.md §9 on day:
// those due within p.RuptureAheadDays, or passed within p.RuptureAfterDays.
func (c *Carnet) Ruptures(day spie.Date, p Policy) spie.Faults {
	if _, closed := c.Closed(day); closed {
		return nil
	}
	var fs spie.Faults
	ahead, after := p.RuptureAheadDays, p.RuptureAfterDays
	for i, m := range c.Members {
		if m.Role != RoleReferent || m.End.IsZero() || !within(m.End, day, ahead, after) {
			continue
		}
		next, ok := c.Referent(m.End.AddDays(1))
		switch {
		case !ok:
			fs = append(fs, FaultRuptureReferent.At(spie.Pointer("membres", i, "date_fin"), string(m.End)))
		case next.ID != m.ID:
			fs = append(fs, FaultRuptureHandover.At(spie.Pointer("membres", i, "date_fin"), string(m.End), m.label(), next.label()))
		}
	}
	for i, k := range c.Contracts {
		if k.End.IsZero() || !within(k.End, day, ahead, after) {
			continue
		}
		if _, ok := c.ContractOn(k.End.AddDays(1)); !ok {
			fs = append(fs, FaultRuptureContract.At(spie.Pointer("contrats", i, "date_fin"), ContractTypes.LabelFor(string(k.Type)), string(k.End)))
		}
		if k.Type == ContractPACEA {
			b26 := c.Person.BirthDate.AddMonths(12 * p.PACEAEndAge)
			if within(b26, day, ahead, after) && !k.Start.After(b26) {
				fs = append(fs, FaultRupturePACEA26.At(spie.Pointer("contrats", i), string(b26)))
			}
		}
	}
	if i, end, ok := c.lastEndedAction(day); ok && within(end, day, 0, after) && !c.hasActiveAction(day) {
		fs = append(fs, FaultRuptureNoNext.At(spie.Pointer("actions", i, "date_fin"), string(end)))
	}
	for i, m := range c.Milestones {
		if m.Kind.Rupture() && within(m.Date, day, ahead, after) {
			fs = append(fs, FaultRuptureMilestone.At(spie.Pointer("jalons", i), MilestoneKinds.LabelFor(string(m.Kind)), string(m.Date)))
		}
	}
	return fs
}

// lastEndedAction returns the action that ended last on or before day.
func (c *Carnet) lastEndedAction(day spie.Date) (int, spie.Date, bool) {
	idx, best := -1, spie.Date("")
	for i, a := range c.Actions {
		end := a.End
		if end.IsZero() && a.Status.Ended() {
			end = a.ProposedOn
		}
		if !a.Status.Ended() || end.IsZero() || end.After(day) {
			continue
		}
		if idx < 0 || end.After(best) {
			idx, best = i, end
		}
	}
	return idx, best, idx >= 0
}

// hasActiveAction reports whether an action is planned, ongoing or on hold on
// day, or ended after day.
func (c *Carnet) hasActiveAction(day spie.Date) bool {
	for _, a := range c.Actions {
		if a.Status.Active() && !a.ProposedOn.After(day) {
			return true
		}
		if a.Status.Ended() && a.End.After(day) && !a.ProposedOn.After(day) {
			return true
		}
	}
	return false
}

// FollowUpState is where a person stands in the perdus de vue procedure.
type FollowUpState string

// Follow-up states.
const (
	StateFollowed  FollowUpState = "suivi"
	StateSilent    FollowUpState = "sans-nouvelles"
	StateRelances  FollowUpState = "relances"
	StateLost      FollowUpState = "perdu-de-vue"
	StateNotDueYet FollowUpState = "sans-suivi"
)

// FollowUpStates is the code list of follow-up states.
var FollowUpStates = spie.Definitions{
	{Key: "suivi", Label: spie.Label{FR: "Suivi régulier", EN: "Regular follow-up"}, Source: sourceRuptures},
	{Key: "sans-nouvelles", Label: spie.Label{FR: "Sans nouvelles", EN: "No news"}, Source: sourceRuptures},
	{Key: "relances", Label: spie.Label{FR: "Relances en cours", EN: "Reminders in progress"}, Source: sourceRuptures},
	{Key: "perdu-de-vue", Label: spie.Label{FR: "Perdu de vue", EN: "Lost from sight"}, Source: sourceRuptures},
	{Key: "sans-suivi", Label: spie.Label{FR: "Pas de suivi attendu", EN: "No follow-up due"}, Source: sourceRuptures},
}

// Definitions implements spie.Enum.
func (FollowUpState) Definitions() spie.Definitions { return FollowUpStates }

// FollowUp is the result of the perdus de vue procedure on a date.
type FollowUp struct {
	State FollowUpState `json:"etat"`
	// LastContact is the last successful contact.
	LastContact spie.Date `json:"dernier_contact,omitempty"`
	// Since is when the current state began.
	Since spie.Date `json:"depuis,omitempty"`
	// Relances counts the unsuccessful relances since the procedure started.
	Relances int `json:"relances"`
	// NextRelance is when the next relance is due.
	NextRelance spie.Date   `json:"prochaine_relance,omitempty"`
	Faults      spie.Faults `json:"alertes,omitempty"`
}

// FollowUp runs the perdus de vue procedure (p.LostContact) on day: a
// person followed (active référent, carnet not closed) is sans nouvelles
// after SilenceDays without a successful contact; relances are then due at
// each step's day; after FailedRelances unsuccessful relances spanning at
// least MinDays the person is perdu de vue. Any successful contact ends the
// procedure.
func (c *Carnet) FollowUp(day spie.Date, p Policy) FollowUp {
	return c.followUp(day, p, true)
}

// followUp is FollowUp, with its alerts (Faults) only when alerts is true
// (the indicators read the state alone, for a million carnets).
func (c *Carnet) followUp(day spie.Date, p Policy, alerts bool) FollowUp {
	proc := p.LostContact
	if _, closed := c.Closed(day); closed {
		return FollowUp{State: StateNotDueYet}
	}
	if _, ok := c.Referent(day); !ok {
		return FollowUp{State: StateNotDueYet}
	}
	last := c.EntryDate
	for _, k := range c.Contacts {
		if k.Result.Successful() && !k.Date.After(day) && k.Date.After(last) {
			last = k.Date
		}
	}
	out := FollowUp{State: StateFollowed, LastContact: last}
	start := last.AddDays(proc.SilenceDays)
	if start == "" || start.After(day) {
		return out
	}
	var tries []spie.Date
	for _, k := range c.Contacts {
		if k.Kind == ContactRelance && k.Result == ResultNoAnswer && !k.Date.Before(start) && !k.Date.After(day) {
			tries = append(tries, k.Date)
		}
	}
	sortStable(tries, func(a, b spie.Date) bool { return a.Before(b) })
	out.Relances, out.Since = len(tries), start
	if len(tries) > 0 && len(tries) >= proc.FailedRelances && tries[0].DaysUntil(tries[len(tries)-1]) >= proc.MinDays {
		out.State, out.Since = StateLost, tries[len(tries)-1]
		if alerts {
			out.Faults = spie.Faults{FaultLost.At(spie.Pointer("rendez_vous"), string(out.Since), len(tries))}
		}
		return out
	}
	out.State = StateSilent
	if len(tries) > 0 {
		out.State = StateRelances
	}
	relances := proc.Relances
	if len(relances) == 0 {
		relances = []RelanceStep{{Day: 0}}
	}
	step := len(tries)
	if step >= len(relances) {
		step = len(relances) - 1
	}
	due := start.AddDays(relances[step].Day)
	if len(tries) > 0 && len(tries) >= len(relances) {
		// all planned relances made but the span is too short: wait for it
		due = tries[0].AddDays(proc.MinDays)
	}
	out.NextRelance = due
	switch {
	case !alerts:
	case len(tries) == 0:
		out.Faults = spie.Faults{FaultSilence.At(spie.Pointer("rendez_vous"), string(last), 1, string(due))}
	case due.Before(day):
		out.Faults = spie.Faults{FaultRelanceLate.At(spie.Pointer("rendez_vous"), step+1, string(due))}
	}
	return out
}

// Deadlines returns the deadlines of RULES.md §4 still open on day: a
// warning while the deadline is ahead, an error (CARNET-DELAI-17) once it
// has passed.
func (c *Carnet) Deadlines(day spie.Date, p Policy) spie.Faults {
	var fs spie.Faults
	open := func(due spie.Date, path string, t *spie.FaultType, args ...any) {
		f := t.At(path, args...)
		if due.Before(day) {
			f = FaultDeadlineOverdue.At(path, f.Message)
			f.MessageEN = t.At(path, args...).MessageEN
		}
		fs = append(fs, f)
	}
	if _, closed := c.Closed(day); closed {
		return nil
	}
	if c.Diagnostic == nil && !c.EntryDate.IsZero() {
		due := c.EntryDate.AddMonths(p.DiagnosticMonths)
		open(due, spie.Pointer("diagnostic"), FaultDeadlineDiag, string(due), string(c.EntryDate))
	}
	if c.Person.RSA && !c.Person.RSAOpeningDate.IsZero() && len(c.Orientations) == 0 {
		due := c.Person.RSAOpeningDate.AddDays(p.Deadlines.RSAOrientationDays)
		open(due, spie.Pointer("orientations"), FaultDeadlineRSA, string(due))
	}
	if o, ok := c.OrientationOn(day); ok {
		from := o.NoticeDate
		if from.IsZero() {
			from = o.Date
		}
		signed := false
		for _, k := range c.Contracts {
			if !k.SignedOn.IsZero() && !k.SignedOn.Before(from) {
				signed = true
			}
		}
		if !signed {
			due := from.AddMonths(p.Deadlines.ContractMonths)
			open(due, spie.Pointer("contrats"), FaultDeadlineContract, string(due), string(o.Date))
		}
		if o.Pathway == diagnostic.PathwaySocial {
			if k, ok := c.lastSigned(day); ok {
				months := p.Deadlines.SocialReviewMonths
				if c.longReview(p) {
					months = p.Deadlines.SocialReviewLongMonths
				}
				due := k.SignedOn.AddMonths(months)
				if (c.Diagnostic == nil || !c.Diagnostic.Date.After(k.SignedOn)) && within(due, day, p.RuptureAheadDays, 1<<20) {
					open(due, spie.Pointer("diagnostic"), FaultDeadlineReview, string(due))
				}
			}
		}
	}
	for i, a := range c.Actions {
		if a.ServiceID == "" || !a.AnsweredOn.IsZero() || a.Status != ActionPlanned || a.ProposedOn.After(day) {
			continue
		}
		path := spie.Pointer("actions", i, "date_reponse_prescription")
		waited := a.ProposedOn.DaysUntil(day)
		switch {
		case waited >= p.RequestExpiryDays:
			fs = append(fs, FaultRequestExpired.At(path, waited))
		case waited >= p.RequestReminderDays:
			fs = append(fs, FaultRequestReminder.At(path, waited))
		case waited > p.PrescriptionAnswerDays:
			fs = append(fs, FaultDeadlineAnswer.At(path, string(a.ProposedOn)))
		}
	}
	return fs
}

// lastSigned returns the contract signed last on or before day.
func (c *Carnet) lastSigned(day spie.Date) (Contract, bool) {
	var best Contract
	found := false
	for _, k := range c.Contracts {
		if k.SignedOn.IsZero() || k.SignedOn.After(day) {
			continue
		}
		if !found || k.SignedOn.After(best.SignedOn) {
			best, found = k, true
		}
	}
	return best, found
}

// longReview reports whether the difficulties lengthen the social pathway's
// re-diagnostic deadline (health, disability, invalidity, housing, family).
func (c *Carnet) longReview(p Policy) bool {
	if p.Deadlines.LongReviewDisability && c.Person.RQTH {
		return true
	}
	for _, k := range c.Contracts {
		if k.Adjustment != nil && k.Adjustment.Reason.Sensitive() {
			return true
		}
	}
	if c.Diagnostic == nil {
		return false
	}
	if p.Deadlines.LongReviewDisability && (c.Diagnostic.Criteria.RQTH || c.Diagnostic.Criteria.BOETH || c.Diagnostic.Criteria.AAH) {
		return true
	}
	for _, t := range p.Deadlines.LongReviewThematiques {
		if f, ok := c.Diagnostic.Freins[t]; ok && f.Impact.Rank() >= diagnostic.ImpactMoyen.Rank() {
			return true
		}
	}
	return false
}

// label names a member for messages: the professional and the structure.
func (m Member) label() string {
	switch {
	case m.Professional != "" && m.StructureSIRET != "":
		return m.Professional + " (" + string(m.StructureSIRET) + ")"
	case m.Professional != "":
		return m.Professional
	}
	return string(m.StructureSIRET)
}
