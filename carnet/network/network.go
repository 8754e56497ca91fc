package network

import (
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
	"github.com/spie-fr/socle/spie/secret"
)

// Report is the indicators of a network at a date.
type Report struct {
	// Date des indicateurs.
	Date spie.Date `json:"date"`
	// Seuil du secret statistique (effectifs de personnes).
	Threshold int `json:"seuil_secret"`
	// Structures par décision de labellisation.
	Labels []StatusCount `json:"structures_par_decision"`
	// Cohortes : effectifs et mouvements.
	Cohorts []CohortIndicators `json:"cohortes,omitempty"`
	// Comité technique opérationnel.
	Committee *CommitteeIndicators `json:"comite,omitempty"`
}

// StatusCount is the number of structures with one labelling decision.
type StatusCount struct {
	Status label.Status `json:"decision"`
	Label  string       `json:"libelle"`
	Count  secret.Cell  `json:"structures"`
}

// CohortIndicators are a cohort's size and movements over a period.
type CohortIndicators struct {
	Cohort  string      `json:"cohorte"`
	From    spie.Date   `json:"du"`
	To      spie.Date   `json:"au"`
	AtStart secret.Cell `json:"effectif_debut"`
	AtEnd   secret.Cell `json:"effectif_fin"`
	Entered secret.Cell `json:"entrees"`
	Left    secret.Cell `json:"sorties"`
	// Refus du seuil du secret statistique (SECRET-SEUIL-01) : aucun
	// chiffre n'est alors publié.
	Faults spie.Faults `json:"fautes,omitempty"`
}

// CommitteeIndicators are the committee's activity.
type CommitteeIndicators struct {
	Committee string `json:"comite"`
	// Situations examinées et leur issue.
	Examined   secret.Cell `json:"situations_examinees"`
	Solved     secret.Cell `json:"situations_resolues"`
	InProgress secret.Cell `json:"situations_en_cours"`
	NoSolution secret.Cell `json:"situations_sans_solution"`
	NoOutcome  secret.Cell `json:"situations_sans_suite"`
	// Demandes dont le délai de réponse est échu, et celles répondues dans le délai.
	Due            secret.Cell `json:"demandes_echues"`
	AnsweredInTime secret.Cell `json:"repondues_dans_delai"`
	// Part des demandes répondues dans le délai, en pour cent (absente si secrète).
	ShareInTime *float64 `json:"part_repondues_dans_delai,omitempty"`
	// Refus du seuil du secret statistique (SECRET-SEUIL-01) : aucun
	// chiffre n'est alors publié.
	Faults spie.Faults `json:"fautes,omitempty"`
}

// Labels counts structures by decision (every decision listed, zero
// included). Structures are not people: counts are not suppressed.
func Labels(evals []label.Evaluation) []StatusCount {
	counts := map[label.Status]int{}
	for _, e := range evals {
		counts[e.Status]++
	}
	out := make([]StatusCount, 0, len(label.Statuses))
	for _, d := range label.Statuses {
		s := label.Status(d.Key)
		out = append(out, StatusCount{Status: s, Label: d.Label.FR, Count: secret.Open(counts[s])})
	}
	return out
}

// Cohort turns a cohort's movements into indicators: sizes at both dates,
// entries and exits, under the statistical secret (package secret) with
// their ties: start = stayed + exits, end = stayed + entries (the people
// who stayed, start − exits, are not published but protected as any
// count; movements that do not add up are published all secret).
//
// A threshold below secret.DefaultThreshold (RULES.md §10) is refused: every
// cell secret and the fault SECRET-SEUIL-01 at /seuil_secret.
func Cohort(m cohort.Movement, threshold int) CohortIndicators {
	if f := secret.CheckThreshold(threshold, "/seuil_secret"); f != nil {
		s := secret.Cell{Secret: true}
		return CohortIndicators{Cohort: m.Cohort, From: m.From, To: m.To,
			AtStart: s, AtEnd: s, Entered: s, Left: s, Faults: spie.Faults{*f}}
	}
	t := secret.NewTable(threshold)
	start, end := t.Count(m.AtStart), t.Count(m.AtEnd)
	in, out := t.Count(m.Entered), t.Count(m.Left)
	stayed := t.Rest(start, out)
	t.Sum(end, stayed, in)
	t.Protect()
	return CohortIndicators{Cohort: m.Cohort, From: m.From, To: m.To,
		AtStart: t.Cell(start), AtEnd: t.Cell(end), Entered: t.Cell(in), Left: t.Cell(out)}
}

// Committee turns the committee's raw counts into indicators under the
// statistical secret (package secret): outcomes as a breakdown of the
// situations examined, answers within the delay as a part of the requests
// due (the others are protected as a complement), and their share when both
// counts are published.
//
// A threshold below secret.DefaultThreshold (RULES.md §10) is refused: every
// cell secret and the fault SECRET-SEUIL-01 at /seuil_secret.
func Committee(name string, s committee.Stats, threshold int) CommitteeIndicators {
	if f := secret.CheckThreshold(threshold, "/seuil_secret"); f != nil {
		x := secret.Cell{Secret: true}
		return CommitteeIndicators{Committee: name, Examined: x, Solved: x, InProgress: x, NoSolution: x, NoOutcome: x,
			Due: x, AnsweredInTime: x, Faults: spie.Faults{*f}}
	}
	t := secret.NewTable(threshold)
	examined := t.Count(s.Examined)
	solved, inProgress, noSolution, noOutcome := t.Count(s.Solved), t.Count(s.InProgress), t.Count(s.NoSolution), t.Count(s.NoOutcome)
	t.Rest(examined, solved, inProgress, noSolution, noOutcome)
	due, inTime := t.Count(s.Due), t.Count(s.AnsweredInTime)
	t.Part(due, inTime)
	t.Protect()
	ci := CommitteeIndicators{Committee: name, Examined: t.Cell(examined),
		Solved: t.Cell(solved), InProgress: t.Cell(inProgress), NoSolution: t.Cell(noSolution), NoOutcome: t.Cell(noOutcome),
		Due: t.Cell(due), AnsweredInTime: t.Cell(inTime)}
	if !t.Secret(due) && !t.Secret(inTime) && s.Due > 0 {
		share := float64(int(float64(s.AnsweredInTime)*1000/float64(s.Due)+0.5)) / 10
		ci.ShareInTime = &share
	}
	return ci
}
