package indicators

import (
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/cohort"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
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
	Count  Cell         `json:"structures"`
}

// CohortIndicators are a cohort's size and movements over a period.
type CohortIndicators struct {
	Cohort  string    `json:"cohorte"`
	From    spie.Date `json:"du"`
	To      spie.Date `json:"au"`
	AtStart Cell      `json:"effectif_debut"`
	AtEnd   Cell      `json:"effectif_fin"`
	Entered Cell      `json:"entrees"`
	Left    Cell      `json:"sorties"`
}

// CommitteeIndicators are the committee's activity.
type CommitteeIndicators struct {
	Committee string `json:"comite"`
	// Situations examinées et leur issue.
	Examined   Cell `json:"situations_examinees"`
	Solved     Cell `json:"situations_resolues"`
	InProgress Cell `json:"situations_en_cours"`
	NoSolution Cell `json:"situations_sans_solution"`
	NoOutcome  Cell `json:"situations_sans_suite"`
	// Demandes dont le délai de réponse est échu, et celles répondues dans le délai.
	Due            Cell `json:"demandes_echues"`
	AnsweredInTime Cell `json:"repondues_dans_delai"`
	// Part des demandes répondues dans le délai, en pour cent (absente si secrète).
	ShareInTime *float64 `json:"part_repondues_dans_delai,omitempty"`
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
		out = append(out, StatusCount{Status: s, Label: d.Label.FR, Count: Open(counts[s])})
	}
	return out
}

// Cohort turns a cohort's movements into indicators: sizes at both dates,
// entries and exits, each under small-cell suppression. Since the sizes and
// the flows are tied (end = start + entries − exits), the flows are secret as
// soon as any of the four counts is.
func Cohort(m cohort.Movement, threshold int) CohortIndicators {
	ci := CohortIndicators{Cohort: m.Cohort, From: m.From, To: m.To,
		AtStart: Suppress(m.AtStart, threshold), AtEnd: Suppress(m.AtEnd, threshold),
		Entered: Suppress(m.Entered, threshold), Left: Suppress(m.Left, threshold)}
	if ci.AtStart.Secret || ci.AtEnd.Secret || ci.Entered.Secret || ci.Left.Secret {
		ci.Entered, ci.Left = Cell{Secret: true}, Cell{Secret: true}
	}
	return ci
}

// Committee turns the committee's raw counts into indicators: outcomes as a
// breakdown of the situations examined, answers within the delay, and their
// share when both counts are published.
func Committee(name string, s committee.Stats, threshold int) CommitteeIndicators {
	ci := CommitteeIndicators{Committee: name, Examined: Suppress(s.Examined, threshold)}
	if ci.Examined.Secret {
		ci.Solved, ci.InProgress, ci.NoSolution, ci.NoOutcome = Cell{Secret: true}, Cell{Secret: true}, Cell{Secret: true}, Cell{Secret: true}
	} else {
		o := SuppressBreakdown([]int{s.Solved, s.InProgress, s.NoSolution, s.NoOutcome}, threshold)
		ci.Solved, ci.InProgress, ci.NoSolution, ci.NoOutcome = o[0], o[1], o[2], o[3]
	}
	ci.Due = Suppress(s.Due, threshold)
	if ci.Due.Secret {
		ci.AnsweredInTime = Cell{Secret: true}
	} else {
		parts := SuppressBreakdown([]int{s.AnsweredInTime, s.Due - s.AnsweredInTime}, threshold)
		ci.AnsweredInTime = parts[0]
		if !parts[0].Secret && s.Due > 0 {
			share := float64(int(float64(s.AnsweredInTime)*1000/float64(s.Due)+0.5)) / 10
			ci.ShareInTime = &share
		}
	}
	return ci
}
