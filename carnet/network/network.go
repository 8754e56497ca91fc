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
// entries and exits, each under small-cell suppression. Since the sizes and
// the flows are tied (end = start + entries − exits), the flows are secret as
// soon as any of the four counts is.
func Cohort(m cohort.Movement, threshold int) CohortIndicators {
	ci := CohortIndicators{Cohort: m.Cohort, From: m.From, To: m.To,
		AtStart: secret.Suppress(m.AtStart, threshold), AtEnd: secret.Suppress(m.AtEnd, threshold),
		Entered: secret.Suppress(m.Entered, threshold), Left: secret.Suppress(m.Left, threshold)}
	if ci.AtStart.Secret || ci.AtEnd.Secret || ci.Entered.Secret || ci.Left.Secret {
		ci.Entered, ci.Left = secret.Cell{Secret: true}, secret.Cell{Secret: true}
	}
	return ci
}

// Committee turns the committee's raw counts into indicators: outcomes as a
// breakdown of the situations examined, answers within the delay, and their
// share when both counts are published.
func Committee(name string, s committee.Stats, threshold int) CommitteeIndicators {
	ci := CommitteeIndicators{Committee: name, Examined: secret.Suppress(s.Examined, threshold)}
	if ci.Examined.Secret {
		ci.Solved, ci.InProgress, ci.NoSolution, ci.NoOutcome = secret.Cell{Secret: true}, secret.Cell{Secret: true}, secret.Cell{Secret: true}, secret.Cell{Secret: true}
	} else {
		o := secret.SuppressBreakdown([]int{s.Solved, s.InProgress, s.NoSolution, s.NoOutcome}, threshold)
		ci.Solved, ci.InProgress, ci.NoSolution, ci.NoOutcome = o[0], o[1], o[2], o[3]
	}
	ci.Due = secret.Suppress(s.Due, threshold)
	if ci.Due.Secret {
		ci.AnsweredInTime = secret.Cell{Secret: true}
	} else {
		parts := secret.SuppressBreakdown([]int{s.AnsweredInTime, s.Due - s.AnsweredInTime}, threshold)
		ci.AnsweredInTime = parts[0]
		if !parts[0].Secret && s.Due > 0 {
			share := float64(int(float64(s.AnsweredInTime)*1000/float64(s.Due)+0.5)) / 10
			ci.ShareInTime = &share
		}
	}
	return ci
}
