package label

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/spie"
)

// Evaluation is the decision on an application against a charter.
type Evaluation struct {
	// Identifiant de la candidature.
	ApplicationID string `json:"candidature"`
	// Nom de la structure.
	Structure string `json:"structure"`
	// Nom et version de la charte appliquée.
	Charter string `json:"charte"`
	// Date de l'évaluation.
	Date spie.Date `json:"date_evaluation"`
	// Décision.
	Status Status `json:"decision"`
	// Chaque critère, rempli ou non, et pourquoi.
	Criteria []CriterionResult `json:"criteres"`
	// Codes des critères non remplis.
	Missing []string `json:"manquants,omitempty"`
	// Fin de validité du label (labellisée ou suspendue).
	ValidUntil spie.Date `json:"fin_validite,omitempty"`
	// Le critère rempli qui tombera le premier si rien n'est renouvelé.
	FirstLapse *Lapse `json:"premiere_echeance,omitempty"`
	// Fautes de la candidature (documents mal formés).
	Faults spie.Faults `json:"fautes,omitempty"`
}

// CriterionResult is the evaluation of one criterion.
type CriterionResult struct {
	Code      string     `json:"code"`
	Statement string     `json:"enonce"`
	Blocking  bool       `json:"bloquant"`
	Met       bool       `json:"rempli"`
	Reason    string     `json:"motif"`
	Evidence  []Evidence `json:"preuves"`
	// Date à laquelle le critère cessera d'être rempli sans renouvellement.
	Lapses spie.Date `json:"echeance,omitempty"`
}

// Lapse names the criterion that lapses first and when.
type Lapse struct {
	Code string    `json:"code"`
	Date spie.Date `json:"date"`
}

// Evaluate decides an application against a charter at date.
//
// Every criterion is checked by its rule. The decision is labellisee when all
// are met, refusee when a blocking criterion is not, a-completer otherwise,
// listing what is missing. When the application carries a label still valid
// at date, the evaluation is a re-evaluation: the label stays valid until its
// end if every criterion is met, and is suspendue as soon as one has lapsed.
// A new label is valid for the charter's years from date. FirstLapse is the
// met criterion whose evidence expires first within the validity.
//
// The faults returned are the charter's (with errors, no decision is made:
// Status is empty) and the application's as a document.
func Evaluate(app *Application, ch Charter, date spie.Date) (Evaluation, spie.Faults) {
	ev := Evaluation{ApplicationID: app.ID, Structure: app.Structure.Name, Charter: charterName(ch), Date: date}
	fs := ch.Check()
	if !fs.Valid() {
		return ev, fs
	}
	if _, ok := date.Time(); !ok {
		return ev, append(fs, FaultAppDate.At(""))
	}
	ev.Faults = app.Check(date)
	fs = append(fs, ev.Faults...)
	blockingMissing := false
	for _, cr := range ch.Criteria {
		met, reason, lapses := check(app, cr, date)
		ev.Criteria = append(ev.Criteria, CriterionResult{Code: cr.Code, Statement: cr.Statement, Blocking: cr.Blocking,
			Met: met, Reason: reason, Evidence: cr.Evidence, Lapses: lapses})
		if !met {
			ev.Missing = append(ev.Missing, cr.Code)
			blockingMissing = blockingMissing || cr.Blocking
		}
	}
	current := app.CurrentLabel
	relabel := current != nil && !date.After(current.ValidUntil) && !current.Granted.After(date)
	switch {
	case relabel && len(ev.Missing) == 0:
		ev.Status, ev.ValidUntil = StatusLabellisee, current.ValidUntil
	case relabel:
		ev.Status, ev.ValidUntil = StatusSuspendue, current.ValidUntil
	case blockingMissing:
		ev.Status = StatusRefusee
	case len(ev.Missing) > 0:
		ev.Status = StatusACompleter
	default:
		ev.Status, ev.ValidUntil = StatusLabellisee, date.AddMonths(12*ch.Validity())
	}
	if ev.Status == StatusLabellisee {
		for _, r := range ev.Criteria {
			if r.Lapses.IsZero() || r.Lapses.After(ev.ValidUntil) {
				continue
			}
			if ev.FirstLapse == nil || r.Lapses.Before(ev.FirstLapse.Date) {
				ev.FirstLapse = &Lapse{Code: r.Code, Date: r.Lapses}
			}
		}
	}
	return ev, fs
}

func charterName(ch Charter) string {
	if ch.Version == "" {
		return ch.Name
	}
	return ch.Name + " (version " + ch.Version + ")"
}

// check runs the rule of one criterion: met, the French reason, and the date
// the criterion lapses when it is met and its evidence ages.
func check(a *Application, cr Criterion, date spie.Date) (bool, string, spie.Date) {
	switch cr.Rule {
	case RuleIdentifiedStructure:
		s := a.Structure
		if t := s.SIRET.Problem(); t != nil {
			if s.SIRET == "" {
				return false, "SIRET absent", ""
			}
			return false, fmt.Sprintf("SIRET %s invalide : %s", s.SIRET, t.FR), ""
		}
		if !s.NetworkMember {
			return false, fmt.Sprintf("SIRET %s valide, mais la structure n'est pas membre du consortium ou du réseau", s.SIRET), ""
		}
		return true, fmt.Sprintf("SIRET %s valide, membre %s", s.SIRET, network(s.Network)), ""
	case RuleTrainedProfessional:
		return recent("aucun professionnel formé", "dernière formation", len(a.TrainedProfessionals), func(i int) spie.Date { return a.TrainedProfessionals[i].Date }, cr.MaxAgeMonths, date)
	case RuleChartersSigned:
		return charters(a, date)
	case RuleSharedTools:
		var miss []string
		if !a.Tools.SharedDiagnostic {
			miss = append(miss, "le socle commun de diagnostic")
		}
		if !a.Tools.Carnet {
			miss = append(miss, "le carnet de bord")
		}
		if len(miss) > 0 {
			return false, "n'utilise pas " + strings.Join(miss, " ni "), ""
		}
		return true, "utilise le socle commun de diagnostic et le carnet de bord", ""
	case RuleReferentSPIE:
		r := a.Referent
		switch {
		case r == nil || isBlank(r.Name):
			return false, "aucun référent SPIE désigné", ""
		case isBlank(r.Email) && isBlank(r.Phone):
			return false, fmt.Sprintf("référent %s désigné sans moyen de le joindre (courriel ou téléphone)", r.Name), ""
		}
		return true, "référent SPIE : " + r.Name, ""
	case RuleOfferPublished:
		o := a.Offer
		if o == nil || o.Services == 0 {
			return false, "aucun service publié au catalogue", ""
		}
		ok, reason, lapses := recent("date de mise à jour de l'offre absente", "dernière mise à jour", 1, func(int) spie.Date { return o.UpdatedAt }, cr.MaxAgeMonths, date)
		return ok, fmt.Sprintf("%d service(s) publié(s) ; %s", o.Services, reason), lapses
	case RuleAnswerDelay:
		return answers(a.Prescriptions, cr)
	case RuleUserParticipation:
		return recent("aucune action de participation des personnes accompagnées", "dernière action de participation", len(a.Participation), func(i int) spie.Date { return a.Participation[i].Date }, cr.MaxAgeMonths, date)
	}
	return false, "règle inconnue", ""
}

// recent finds the latest well-formed date on or before date among n and
// says whether it is younger than months; none is the reason when there is
// no date, last names the latest one (« dernière formation »).
func recent(none, last string, n int, at func(int) spie.Date, months int, date spie.Date) (bool, string, spie.Date) {
	var latest spie.Date
	count := 0
	for i := 0; i < n; i++ {
		d := at(i)
		if _, ok := d.Time(); !ok || d.After(date) {
			continue
		}
		if d.AddMonths(months).After(date) {
			count++
		}
		if latest.IsZero() || d.After(latest) {
			latest = d
		}
	}
	if latest.IsZero() {
		return false, none, ""
	}
	lapses := latest.AddMonths(months)
	if !lapses.After(date) {
		return false, fmt.Sprintf("%s le %s, il y a plus de %d mois", last, latest, months), ""
	}
	reason := fmt.Sprintf("%s le %s, il y a moins de %d mois", last, latest, months)
	if count > 1 {
		reason = fmt.Sprintf("%d de moins de %d mois ; %s le %s", count, months, last, latest)
	}
	return true, reason, lapses
}

func charters(a *Application, date spie.Date) (bool, string, spie.Date) {
	need := []CharterKind{"confidentialite", "traitement-donnees"}
	var miss, ended []string
	var lapses spie.Date
	for _, k := range need {
		found := false
		var end spie.Date
		for _, s := range a.SignedCharters {
			if s.Kind != k {
				continue
			}
			if _, ok := s.Date.Time(); !ok || s.Date.After(date) {
				continue
			}
			if !s.End.IsZero() && !s.End.After(date) {
				ended = append(ended, fmt.Sprintf("%s (fin le %s)", strings.ToLower(CharterKinds.LabelOf(string(k))), s.End))
				continue
			}
			found = true
			end = s.End
			break
		}
		if !found {
			miss = append(miss, strings.ToLower(CharterKinds.LabelOf(string(k))))
			continue
		}
		if !end.IsZero() && (lapses.IsZero() || end.Before(lapses)) {
			lapses = end
		}
	}
	if len(miss) > 0 {
		r := "non signée(s) : " + strings.Join(miss, ", ")
		if len(ended) > 0 {
			r += " ; échue(s) : " + strings.Join(ended, ", ")
		}
		return false, r, ""
	}
	return true, "charte de confidentialité et convention de traitement des données signées", lapses
}

func answers(p *PrescriptionAnswers, cr Criterion) (bool, string, spie.Date) {
	switch {
	case p == nil:
		return false, "aucune statistique de réponse aux prescriptions fournie", ""
	case p.DelayHours > cr.MaxHours:
		return false, fmt.Sprintf("décompte établi avec un délai de %d h, la charte exige %d h", p.DelayHours, cr.MaxHours), ""
	case p.Received == 0:
		return false, fmt.Sprintf("aucune prescription reçue du %s au %s : le délai de réponse reste à justifier", p.From, p.To), ""
	}
	share := float64(p.AnsweredInTime) * 100 / float64(p.Received)
	reason := fmt.Sprintf("%d sur %d prescriptions répondues sous %d h du %s au %s (%.0f %%, %d %% exigés)",
		p.AnsweredInTime, p.Received, cr.MaxHours, p.From, p.To, share, cr.MinSharePercent)
	return p.AnsweredInTime*100 >= cr.MinSharePercent*p.Received, reason, ""
}

func network(name string) string {
	if isBlank(name) {
		return "du réseau"
	}
	return "du réseau « " + name + " »"
}
