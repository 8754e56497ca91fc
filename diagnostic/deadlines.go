package diagnostic

import (
	"fmt"

	"github.com/spie-fr/socle/spie"
)

// Milestones are the dates of the pathway that the diagnostic does not hold:
// the orientation notice, the contract and the joint re-diagnostic.
type Milestones struct {
	// Date d'entrée de la personne dans le SPIE (point de départ du délai de diagnostic).
	Entry spie.Date `json:"date_entree,omitempty"`
	// Date de la notification de la dernière orientation (le délai du contrat repart à chaque réorientation).
	Orientation spie.Date `json:"date_orientation,omitempty"`
	// Date de signature (ou de dernière révision) du contrat d'engagement.
	Contract spie.Date `json:"date_contrat,omitempty"`
	// Date du rediagnostic conjoint du parcours social.
	Review spie.Date `json:"date_rediagnostic,omitempty"`
}

// DeadlineKind names a deadline of RULES.md §4.
type DeadlineKind string

// Deadline kinds.
const (
	DeadlineDiagnostic     DeadlineKind = "diagnostic"
	DeadlineRSAOrientation DeadlineKind = "orientation-rsa"
	DeadlineContract       DeadlineKind = "contrat"
	DeadlineSocialReview   DeadlineKind = "rediagnostic-social"
)

// DeadlineKinds is the code list of the deadlines.
var DeadlineKinds = spie.Definitions{
	{Key: "diagnostic", Label: spie.Label{FR: "Diagnostic après l'entrée dans le SPIE", EN: "Diagnostic after entry into the SPIE"}, Source: "SPIE des Bouches-du-Rhône, axe 1",
		Description: spie.Label{FR: "Le diagnostic partagé est fait dans le délai qui suit l'entrée de la personne.", EN: "The shared diagnostic is made within the delay after the person's entry."}},
	{Key: "orientation-rsa", Label: spie.Label{FR: "Orientation du bénéficiaire du RSA", EN: "Orientation of the RSA beneficiary"}, Source: "CASF D262-65-2",
		Description: spie.Label{FR: "Après l'ouverture des droits ; passé le délai, France Travail oriente.", EN: "After rights open; past the deadline, France Travail orients."}},
	{Key: "contrat", Label: spie.Label{FR: "Signature du contrat d'engagement", EN: "Signature of the commitment contract"}, Source: "C. trav. D5411-14-1, D5411-8-2",
		Description: spie.Label{FR: "Après la notification de l'orientation ; le délai repart à chaque réorientation.", EN: "After the orientation notice; the clock restarts on re-orientation."}},
	{Key: "rediagnostic-social", Label: spie.Label{FR: "Rediagnostic conjoint du parcours social", EN: "Joint re-diagnostic of the social pathway"}, Source: "CASF L262-31, D262-65-2-1",
		Description: spie.Label{FR: "Après la signature ou la révision du contrat.", EN: "After the contract is signed or revised."}},
}

// Definitions implements spie.Enum.
func (DeadlineKind) Definitions() spie.Definitions { return DeadlineKinds }

// DeadlineStatus tells where a deadline stands at a given date.
type DeadlineStatus string

// Deadline statuses.
const (
	DeadlineMet     DeadlineStatus = "respecte"
	DeadlineLate    DeadlineStatus = "en-retard"
	DeadlinePending DeadlineStatus = "en-attente"
	DeadlineUnknown DeadlineStatus = "incalculable"
)

// DeadlineStatuses is the code list of deadline statuses.
var DeadlineStatuses = spie.Definitions{
	{Key: "respecte", Label: spie.Label{FR: "Respecté", EN: "Met"}, Source: sourceSocle},
	{Key: "en-retard", Label: spie.Label{FR: "En retard", EN: "Late"}, Source: sourceSocle},
	{Key: "en-attente", Label: spie.Label{FR: "En attente", EN: "Pending"}, Source: sourceSocle},
	{Key: "incalculable", Label: spie.Label{FR: "Incalculable (date de départ manquante)", EN: "Cannot be computed (start date missing)"}, Source: sourceSocle},
}

// Definitions implements spie.Enum.
func (DeadlineStatus) Definitions() spie.Definitions { return DeadlineStatuses }

// Deadline is one deadline of the person's pathway and where it stands.
type Deadline struct {
	// Délai concerné.
	Kind DeadlineKind `json:"code"`
	// Point de départ du délai.
	Start spie.Date `json:"depart,omitempty"`
	// Échéance.
	Due spie.Date `json:"echeance,omitempty"`
	// Date à laquelle l'étape a eu lieu.
	Done spie.Date `json:"realise_le,omitempty"`
	// Situation du délai à la date d'examen.
	Status DeadlineStatus `json:"statut"`
	// Durée appliquée, en toutes lettres.
	Duration string `json:"duree"`
	// Champ à renseigner quand le délai est incalculable (JSON Pointer).
	MissingPath string `json:"champ_manquant,omitempty"`
	// Phrase en français.
	Sentence string `json:"phrase"`
}

// Deadlines returns the deadlines of RULES.md §4 that apply to the person,
// each met, late or pending at the date at: the diagnostic after the entry
// into the SPIE (when the entry date is known), the orientation of an RSA
// beneficiary after the opening of rights, the contract after the orientation
// notice, and the re-diagnostic of the social pathway after the contract (the
// longer delay when a frein of the listed thématiques has an impact, or a
// disability is recognised). Durations come from rules (the default rules
// when nil). Deadlines whose starting event has not happened yet are left out.
func Deadlines(d *Diagnostic, dec Decision, m Milestones, at spie.Date, rules *OrientationRules) []Deadline {
	if rules == nil {
		rules = defaultRules()
	}
	if d == nil {
		return nil
	}
	dl := rules.Deadlines
	var out []Deadline
	if !m.Entry.IsZero() {
		x := Deadline{Kind: DeadlineDiagnostic, Duration: months(dl.DiagnosticMonths), Start: m.Entry, Done: d.Date}
		x.Due = x.Start.AddMonths(dl.DiagnosticMonths)
		x.assess(at, "le diagnostic", "")
		out = append(out, x)
	}
	if d.Criteria.RSA {
		x := Deadline{Kind: DeadlineRSAOrientation, Duration: fmt.Sprintf("%d jours", dl.RSAOrientationDays)}
		if d.Criteria.RSAOpeningDate.IsZero() {
			x.Status, x.MissingPath = DeadlineUnknown, spie.Pointer("criteres_publics", "date_ouverture_droits_rsa")
			x.Sentence = "Le délai d'orientation ne peut être calculé : la date d'ouverture des droits au RSA manque."
		} else {
			x.Start = d.Criteria.RSAOpeningDate
			x.Due = x.Start.AddDays(dl.RSAOrientationDays)
			x.Done = m.Orientation
			x.assess(at, "l'orientation", " ; passé ce délai, France Travail oriente la personne")
		}
		out = append(out, x)
	}
	if !m.Orientation.IsZero() {
		x := Deadline{Kind: DeadlineContract, Duration: months(dl.ContractMonths), Start: m.Orientation, Done: m.Contract}
		x.Due = x.Start.AddMonths(dl.ContractMonths)
		x.assess(at, "la signature du contrat d'engagement", "")
		out = append(out, x)
	}
	if dec.Pathway == PathwaySocial && !m.Contract.IsZero() {
		n, why := dl.SocialReviewMonths, ""
		if t, ok := longReview(d, dl); ok {
			n, why = dl.SocialReviewLongMonths, " (délai allongé : "+t+")"
		}
		x := Deadline{Kind: DeadlineSocialReview, Duration: months(n), Start: m.Contract, Done: m.Review}
		x.Due = x.Start.AddMonths(n)
		x.assess(at, "le rediagnostic conjoint du parcours social", why)
		out = append(out, x)
	}
	return out
}

func months(n int) string { return fmt.Sprintf("%d mois", n) }

// longReview reports whether the longer re-diagnostic delay applies, and why.
func longReview(d *Diagnostic, dl DeadlineRules) (string, bool) {
	if dl.LongReviewDisability && (d.Criteria.RQTH || d.Criteria.BOETH || d.Criteria.AAH) {
		return "handicap reconnu", true
	}
	for _, t := range dl.LongReviewThematiques {
		if f, ok := d.Freins[t]; ok && f.Impact.Rank() >= ImpactMoyen.Rank() {
			return "frein " + lowerFirst(spie.Thematiques.LabelOf(string(t))), true
		}
	}
	return "", false
}

// assess sets the status and the sentence of a deadline at date at.
func (x *Deadline) assess(at spie.Date, what, note string) {
	_, dueOK := x.Due.Time()
	_, doneOK := x.Done.Time()
	switch {
	case !dueOK:
		x.Status, x.MissingPath = DeadlineUnknown, ""
		x.Sentence = "Le délai pour " + what + " ne peut être calculé : date de départ mal formée (" + string(x.Start) + ")."
		return
	case !x.Done.IsZero() && !doneOK:
		x.Status = DeadlineUnknown
		x.Sentence = "Le délai pour " + what + " ne peut être évalué : date de réalisation mal formée (" + string(x.Done) + ")."
		return
	case doneOK && !x.Done.After(x.Due):
		x.Status = DeadlineMet
		x.Sentence = fmt.Sprintf("Délai respecté pour %s : réalisé le %s, échéance le %s.", what, x.Done, x.Due)
	case doneOK:
		x.Status = DeadlineLate
		x.Sentence = fmt.Sprintf("Délai dépassé pour %s : réalisé le %s, échéance le %s%s.", what, x.Done, x.Due, note)
	case at.After(x.Due):
		x.Status = DeadlineLate
		x.Sentence = fmt.Sprintf("En retard pour %s : échéance dépassée le %s%s.", what, x.Due, note)
	default:
		x.Status = DeadlinePending
		x.Sentence = fmt.Sprintf("Délai en cours pour %s : au plus tard le %s%s.", what, x.Due, note)
	}
}
