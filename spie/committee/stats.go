package committee

import "time"

// Stats are the raw counts of a committee's activity at an instant, before
// any small-cell suppression (see package carnet/network).
type Stats struct {
	// Demandes reçues jusqu'à l'instant de référence.
	Received int `json:"demandes_recues"`
	// Demandes dont le délai de réponse est échu ou qui ont reçu une réponse.
	Due int `json:"demandes_echues"`
	// Demandes répondues dans le délai.
	AnsweredInTime int `json:"repondues_dans_delai"`
	// Demandes répondues hors délai.
	AnsweredLate int `json:"repondues_hors_delai"`
	// Demandes sans réponse au-delà du délai.
	Unanswered int `json:"sans_reponse"`
	// Situations examinées en séance (séances tenues).
	Examined int `json:"situations_examinees"`
	// Situations examinées, par issue.
	Solved     int `json:"situations_resolues"`
	InProgress int `json:"situations_en_cours"`
	NoSolution int `json:"situations_sans_solution"`
	// Situations examinées dont la suite n'est pas encore enregistrée.
	NoOutcome int `json:"situations_sans_suite"`
}

// StatsOf counts the requests known at now and the situations examined in
// the meetings of the agenda already held.
func StatsOf(c *Committee, requests []Request, a Agenda, now time.Time) Stats {
	var s Stats
	delay := c.AnswerDelay()
	for _, r := range append(append([]Request(nil), c.Requests...), requests...) {
		if r.ReceivedAt.IsZero() || r.ReceivedAt.After(now) {
			continue
		}
		s.Received++
		due := r.ReceivedAt.Add(delay)
		answered := r.AnsweredAt != nil && !r.AnsweredAt.After(now)
		switch {
		case answered && !r.AnsweredAt.After(due):
			s.Due++
			s.AnsweredInTime++
		case answered:
			s.Due++
			s.AnsweredLate++
		case now.After(due):
			s.Due++
			s.Unanswered++
		}
	}
	for _, m := range a.Meetings {
		if m.State != StateHeld {
			continue
		}
		for _, it := range m.Items {
			s.Examined++
			switch {
			case it.Outcome == nil:
				s.NoOutcome++
			case it.Outcome.Status == OutcomeResolue:
				s.Solved++
			case it.Outcome.Status == OutcomeEnCours:
				s.InProgress++
			default:
				s.NoSolution++
			}
		}
	}
	return s
}
