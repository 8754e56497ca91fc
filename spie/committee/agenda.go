package committee

import (
	"sort"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Agenda is the committee's calendar with the requests placed on its
// meetings, as of a given instant.
type Agenda struct {
	// Nom du comité.
	Committee string `json:"comite"`
	// Instant de référence de l'ordre du jour.
	AsOf time.Time `json:"etabli_le"`
	// Les séances, dans l'ordre du calendrier.
	Meetings []MeetingAgenda `json:"seances"`
	// Demandes qu'aucune séance du calendrier ne peut accueillir.
	Pending []Pending `json:"en_attente,omitempty"`
	// Demandes auxquelles la réponse au référent est en retard.
	LateAnswers []LateAnswer `json:"reponses_en_retard,omitempty"`
	// Fautes relevées (membres sans charte, demandes ignorées…).
	Faults spie.Faults `json:"fautes,omitempty"`
}

// MeetingState tells where a meeting stands at the reference instant.
type MeetingState string

// Meeting states.
const (
	// StateOpen: requests are still accepted.
	StateOpen MeetingState = "ouverte"
	// StateClosed: the request deadline has passed, the agenda is fixed.
	StateClosed MeetingState = "close"
	// StateHeld: the meeting has started or taken place.
	StateHeld MeetingState = "tenue"
)

// MeetingAgenda is one meeting and its agenda.
type MeetingAgenda struct {
	Date      spie.Date    `json:"date"`
	Time      ClockTime    `json:"heure"`
	Place     string       `json:"lieu,omitempty"`
	Deadline  time.Time    `json:"butoir_demandes"`
	AgendaDue spie.Date    `json:"envoi_ordre_du_jour"`
	Capacity  int          `json:"capacite"`
	State     MeetingState `json:"etat"`
	// Situations inscrites, la plus ancienne demande d'abord.
	Items []Item `json:"situations"`
	// Demandes qui visaient cette séance et passent à une suivante.
	CarriedOver []Carry `json:"reportees,omitempty"`
	// Membres qui reçoivent l'ordre du jour (charte de confidentialité signée).
	Recipients []string `json:"destinataires"`
	// Membres qui ne le reçoivent pas faute de charte signée à la date d'envoi.
	Withheld []string `json:"non_destinataires,omitempty"`
}

// Item is a situation on a meeting's agenda.
type Item struct {
	Rank       int       `json:"rang"`
	RequestID  string    `json:"demande"`
	CarnetRef  string    `json:"reference_carnet"`
	Referent   Referent  `json:"referent"`
	Question   string    `json:"question"`
	ReceivedAt time.Time `json:"recue_le"`
	// Séances auxquelles la demande n'a pas pu être inscrite, et pourquoi.
	CarriedFrom []Carry  `json:"reportee_de,omitempty"`
	Outcome     *Outcome `json:"suite,omitempty"`
}

// CarryReason says why a request moved to a later meeting.
type CarryReason string

// Reasons for carrying a request over.
const (
	// CarryLate: received at or after the meeting's deadline.
	CarryLate CarryReason = "hors-delai"
	// CarryCapacity: the meeting was full with older requests.
	CarryCapacity CarryReason = "capacite"
	// CarryNoMeeting: no later meeting in the calendar.
	CarryNoMeeting CarryReason = "aucune-seance"
	// CarryNoAgreement: the person has not agreed to be presented.
	CarryNoAgreement CarryReason = "sans-accord"
)

// CarryReasons is the code list of carry-over reasons.
var CarryReasons = spie.Definitions{
	{Key: "hors-delai", Label: spie.Label{FR: "Reçue après la date limite", EN: "Received after the deadline"}, Source: sourceAisne},
	{Key: "capacite", Label: spie.Label{FR: "Séance complète", EN: "Meeting full"}, Source: sourceAisne},
	{Key: "aucune-seance", Label: spie.Label{FR: "Aucune séance suivante au calendrier", EN: "No later meeting in the calendar"}, Source: sourceAisne},
	{Key: "sans-accord", Label: spie.Label{FR: "Accord de la personne non recueilli", EN: "The person's agreement not given"}, Source: sourceAisne},
}

// Definitions implements spie.Enum.
func (CarryReason) Definitions() spie.Definitions { return CarryReasons }

// Carry records that a request missed a meeting.
type Carry struct {
	RequestID string      `json:"demande,omitempty"`
	Meeting   spie.Date   `json:"seance"`
	Reason    CarryReason `json:"motif"`
}

// Pending is a request that no meeting of the calendar can take.
type Pending struct {
	RequestID   string      `json:"demande"`
	ReceivedAt  time.Time   `json:"recue_le"`
	Reason      CarryReason `json:"motif"`
	CarriedFrom []Carry     `json:"reportee_de,omitempty"`
}

// LateAnswer is a request answered, or still unanswered, beyond the delay.
type LateAnswer struct {
	RequestID  string     `json:"demande"`
	ReceivedAt time.Time  `json:"recue_le"`
	Due        time.Time  `json:"reponse_due_le"`
	AnsweredAt *time.Time `json:"repondue_le,omitempty"`
}

// BuildAgenda places the requests on the committee's meetings as of now.
//
// For each meeting in calendar order, the requests received strictly before
// its deadline and not yet placed are taken oldest first, up to its capacity;
// the others are carried to the next meeting (reason capacite), and those
// received between the deadline and the meeting are carried too (reason
// hors-delai). Requests received after now are ignored (fault CTO-DEMANDE-11);
// those without the person's agreement are never placed (CTO-DEMANDE-06,
// pending with reason sans-accord).
// Members receive the agenda of a meeting only when they signed the
// confidentiality charter on or before the date it is due (J-2); the others
// get fault CTO-CHARTE-10 or CTO-CHARTE-11. Requests answered beyond the
// delay (72 h), or still unanswered when it has passed, are listed in
// LateAnswers. The committee's own faults (Check) are included; the agenda is
// built as far as the data allows.
func BuildAgenda(c *Committee, requests []Request, now time.Time) Agenda {
	a := Agenda{Committee: c.Name, AsOf: now}
	all := append(append([]Request(nil), c.Requests...), requests...)
	a.Faults = c.Check()
	if len(requests) > 0 {
		dates := map[spie.Date]bool{}
		for _, m := range c.Meetings {
			dates[m.Date] = true
		}
		a.Faults = append(a.Faults, CheckRequests(requests, "/demandes_supplementaires", dates, c.AnswerDelay())...)
	}

	// The requests known at now, oldest first.
	var queue []*Request
	for i := range all {
		r := &all[i]
		if r.ReceivedAt.IsZero() {
			continue
		}
		if r.ReceivedAt.After(now) {
			a.Faults = append(a.Faults, FaultRequestFuture.At(requestPointer(i, len(c.Requests))))
			continue
		}
		if !r.PersonAgreed {
			a.Pending = append(a.Pending, Pending{RequestID: r.ID, ReceivedAt: r.ReceivedAt, Reason: CarryNoAgreement})
			continue
		}
		queue = append(queue, r)
	}
	sort.SliceStable(queue, func(i, j int) bool {
		if !queue[i].ReceivedAt.Equal(queue[j].ReceivedAt) {
			return queue[i].ReceivedAt.Before(queue[j].ReceivedAt)
		}
		return queue[i].ID < queue[j].ID
	})

	meetings := c.orderedMeetings()
	carried := map[*Request][]Carry{}
	for _, m := range meetings {
		start, _ := c.Start(m)
		dl, _ := c.Deadline(m)
		ma := MeetingAgenda{
			Date: m.Date, Time: m.Time, Place: m.Place, Deadline: dl,
			AgendaDue: c.AgendaDue(m), Capacity: c.Capacity(m), Items: []Item{},
		}
		switch {
		case !now.Before(start):
			ma.State = StateHeld
		case !now.Before(dl):
			ma.State = StateClosed
		default:
			ma.State = StateOpen
		}
		var rest []*Request
		for _, r := range queue {
			switch {
			case r.ReceivedAt.Before(dl) && len(ma.Items) < ma.Capacity:
				ma.Items = append(ma.Items, item(len(ma.Items)+1, r, carried[r]))
			case r.ReceivedAt.Before(dl):
				cr := Carry{RequestID: r.ID, Meeting: m.Date, Reason: CarryCapacity}
				carried[r] = append(carried[r], cr)
				ma.CarriedOver = append(ma.CarriedOver, cr)
				rest = append(rest, r)
			case r.ReceivedAt.Before(start):
				cr := Carry{RequestID: r.ID, Meeting: m.Date, Reason: CarryLate}
				carried[r] = append(carried[r], cr)
				ma.CarriedOver = append(ma.CarriedOver, cr)
				rest = append(rest, r)
			default:
				rest = append(rest, r)
			}
		}
		queue = rest
		for _, mb := range c.Members {
			if mb.Receives(ma.AgendaDue) {
				ma.Recipients = append(ma.Recipients, mb.Name)
			} else {
				ma.Withheld = append(ma.Withheld, mb.Name)
			}
		}
		if ma.Recipients == nil {
			ma.Recipients = []string{}
		}
		a.Meetings = append(a.Meetings, ma)
	}
	for _, r := range queue {
		p := Pending{RequestID: r.ID, ReceivedAt: r.ReceivedAt, Reason: CarryNoMeeting, CarriedFrom: stripIDs(carried[r])}
		a.Pending = append(a.Pending, p)
	}
	a.Faults = append(a.Faults, c.charterFaults(a.Meetings)...)
	a.Faults = append(a.Faults, outcomeFaults(a.Meetings, all, len(c.Requests))...)
	a.LateAnswers = lateAnswers(all, c.AnswerDelay(), now)
	a.Faults.Sort()
	return a
}

func item(rank int, r *Request, from []Carry) Item {
	return Item{Rank: rank, RequestID: r.ID, CarnetRef: r.CarnetRef, Referent: r.Referent,
		Question: r.Question, ReceivedAt: r.ReceivedAt, CarriedFrom: stripIDs(from), Outcome: r.Outcome}
}

// stripIDs drops the request id of carries listed under their request.
func stripIDs(from []Carry) []Carry {
	var cf []Carry
	for _, c := range from {
		cf = append(cf, Carry{Meeting: c.Meeting, Reason: c.Reason})
	}
	return cf
}

// orderedMeetings returns the well-formed meetings in chronological order.
func (c *Committee) orderedMeetings() []Meeting {
	type timed struct {
		m     Meeting
		start time.Time
	}
	var ts []timed
	for _, m := range c.Meetings {
		start, ok1 := c.Start(m)
		_, ok2 := c.Deadline(m)
		if ok1 && ok2 {
			ts = append(ts, timed{m, start})
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].start.Before(ts[j].start) })
	ms := make([]Meeting, len(ts))
	for i, t := range ts {
		ms[i] = t.m
	}
	return ms
}

// charterFaults reports each member who never signed the confidentiality
// charter, and each member who signed it too late for the agenda of a
// meeting still to be held.
func (c *Committee) charterFaults(meetings []MeetingAgenda) spie.Faults {
	var fs spie.Faults
	for i, mb := range c.Members {
		p := spie.Pointer("membres", i, "charte_confidentialite_signee_le")
		if _, ok := mb.CharterSigned.Time(); !ok {
			fs = append(fs, FaultCharter.At(p, mb.Name))
			continue
		}
		for _, m := range meetings {
			if m.State != StateHeld && !mb.Receives(m.AgendaDue) {
				fs = append(fs, FaultCharterLate.At(p, mb.Name, mb.CharterSigned))
				break
			}
		}
	}
	return fs
}

func outcomeFaults(ms []MeetingAgenda, all []Request, own int) spie.Faults {
	placed := map[string]spie.Date{}
	for _, m := range ms {
		for _, it := range m.Items {
			placed[it.RequestID] = m.Date
		}
	}
	var fs spie.Faults
	for i, r := range all {
		if r.Outcome == nil {
			continue
		}
		if d, ok := placed[r.ID]; ok && d != r.Outcome.MeetingDate {
			fs = append(fs, FaultOutcomeDate.At(spie.Join(requestPointer(i, own), "suite", "date_seance"), r.Outcome.MeetingDate, d))
		}
	}
	return fs
}

func lateAnswers(all []Request, delay time.Duration, now time.Time) []LateAnswer {
	var out []LateAnswer
	for _, r := range all {
		if r.ReceivedAt.IsZero() || r.ReceivedAt.After(now) {
			continue
		}
		due := r.ReceivedAt.Add(delay)
		switch {
		case r.AnsweredAt != nil && r.AnsweredAt.After(due):
			out = append(out, LateAnswer{RequestID: r.ID, ReceivedAt: r.ReceivedAt, Due: due, AnsweredAt: r.AnsweredAt})
		case r.AnsweredAt == nil && now.After(due):
			out = append(out, LateAnswer{RequestID: r.ID, ReceivedAt: r.ReceivedAt, Due: due})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ReceivedAt.Before(out[j].ReceivedAt) })
	return out
}

// requestPointer points at request i of the committee's own list, or of the
// requests given to BuildAgenda beyond it.
func requestPointer(i, own int) string {
	if i < own {
		return spie.Pointer("demandes", i)
	}
	return spie.Pointer("demandes_supplementaires", i-own)
}
