package committee_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
)

func exampleCommittee() *committee.Committee {
	return &committee.Committee{
		Name:    "CTO SPIE de Laon",
		Rules:   committee.Rules{Capacity: 2},
		Members: []committee.Member{{Name: "Claire Moreau", CharterSigned: "2022-12-05"}, {Name: "Nadia Hamidi"}},
		Meetings: []committee.Meeting{
			{Date: "2023-02-09", Time: "08:30", Place: "DGAS - Laon"},
			{Date: "2023-02-23", Time: "08:30", Place: "DGAS - Laon"},
		},
	}
}

func exampleRequests() []committee.Request {
	paris, _ := time.LoadLocation("Europe/Paris")
	mk := func(id, day, hm string) committee.Request {
		t, _ := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, paris)
		return committee.Request{ID: id, CarnetRef: "CDB-" + id, Referent: committee.Referent{Name: "Émilie Roger", Structure: "Mission locale"},
			Question: "Quelle solution de logement ?", PersonAgreed: true, ReceivedAt: t}
	}
	return []committee.Request{
		mk("A", "2023-02-01", "10:00"),
		mk("B", "2023-02-02", "10:00"),
		mk("C", "2023-02-03", "10:00"), // over capacity
		mk("D", "2023-02-06", "14:00"), // at the deadline: next meeting
		mk("E", "2023-02-06", "13:59"), // just in time, but the meeting is full
	}
}

func ExampleBuildAgenda() {
	paris, _ := time.LoadLocation("Europe/Paris")
	now := time.Date(2023, 2, 7, 9, 0, 0, 0, paris)
	a := committee.BuildAgenda(exampleCommittee(), exampleRequests(), now)
	for _, m := range a.Meetings {
		fmt.Println(m.Date, m.State, "butoir", m.Deadline.Format("2006-01-02 15:04"), "envoi", m.AgendaDue)
		for _, it := range m.Items {
			fmt.Println("  ", it.Rank, it.RequestID, it.CarriedFrom)
		}
		fmt.Println("   destinataires", m.Recipients, "non destinataires", m.Withheld)
	}
	for _, p := range a.Pending {
		fmt.Println("en attente", p.RequestID, p.CarriedFrom)
	}
	fmt.Println(a.Faults.Codes())
	// Output:
	// 2023-02-09 close butoir 2023-02-06 14:00 envoi 2023-02-07
	//    1 A []
	//    2 B []
	//    destinataires [Claire Moreau] non destinataires [Nadia Hamidi]
	// 2023-02-23 ouverte butoir 2023-02-20 14:00 envoi 2023-02-21
	//    1 C [{ 2023-02-09 capacite}]
	//    2 E [{ 2023-02-09 capacite}]
	//    destinataires [Claire Moreau] non destinataires [Nadia Hamidi]
	// en attente D [{ 2023-02-09 hors-delai} { 2023-02-23 capacite}]
	// [CTO-CHARTE-10]
}

func ExampleAgenda_WriteText() {
	paris, _ := time.LoadLocation("Europe/Paris")
	c := exampleCommittee()
	c.Meetings = c.Meetings[:1]
	rs := exampleRequests()[:2]
	a := committee.BuildAgenda(c, rs, time.Date(2023, 2, 7, 9, 0, 0, 0, paris))
	_ = a.WriteText(os.Stdout, c)
	// Output:
	// CTO SPIE de Laon — ordre du jour établi le mardi 7 février 2023 à 09:00
	//
	// ========================================================================
	// Séance du jeudi 9 février 2023 à 08 h 30 — DGAS - Laon
	// Demandes reçues jusqu'au lundi 6 février 2023 à 14:00 (exclu) ; envoi de l'ordre du jour le mardi 7 février 2023.
	//
	// Ordre du jour : 2 situation(s) sur 2 place(s)
	//   1. Carnet CDB-A — présentée par Émilie Roger (Mission locale), demande du mercredi 1er février 2023 à 10:00
	//      Question : Quelle solution de logement ?
	//   2. Carnet CDB-B — présentée par Émilie Roger (Mission locale), demande du jeudi 2 février 2023 à 10:00
	//      Question : Quelle solution de logement ?
	//
	// Destinataires (charte de confidentialité signée) : Claire Moreau
	// Non destinataires (charte de confidentialité non signée) : Nadia Hamidi
	//
	// Réponses aux référents au-delà du délai :
	//   - demande A : sans réponse, attendue avant le samedi 4 février 2023 à 10:00
	//   - demande B : sans réponse, attendue avant le dimanche 5 février 2023 à 10:00
}

func ExampleCommittee_Deadline() {
	c := &committee.Committee{Name: "CTO", Meetings: []committee.Meeting{
		{Date: "2023-02-09", Time: "08:30"},
		{Date: "2023-05-04", Time: "08:30", DeadlineDate: "2023-05-02"}, // the published calendar decides
	}}
	for _, m := range c.Meetings {
		dl, _ := c.Deadline(m)
		fmt.Println(m.Date, "→", dl.Format("2006-01-02 15:04 MST"))
	}
	// Output:
	// 2023-02-09 → 2023-02-06 14:00 CET
	// 2023-05-04 → 2023-05-02 14:00 CEST
}

func ExampleCommittee_Check() {
	c := &committee.Committee{Name: "CTO", Meetings: []committee.Meeting{{Date: "2023-02-09", Time: "8h30"}}}
	for _, f := range c.Check() {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// CTO-HEURE-01 /seances/0/heure
}

func ExampleCommittee_Capacity() {
	c := &committee.Committee{Rules: committee.Rules{Capacity: 8}}
	fmt.Println(c.Capacity(committee.Meeting{}), c.Capacity(committee.Meeting{Capacity: 12}), (&committee.Committee{}).Capacity(committee.Meeting{}))
	// Output: 8 12 10
}

func ExampleMember_Receives() {
	m := committee.Member{Name: "Julien Caron", CharterSigned: "2023-02-08"}
	fmt.Println(m.Receives("2023-02-07"), m.Receives("2023-02-08"))
	// Output: false true
}

func ExampleDecodeRequests() {
	rs, err := committee.DecodeRequests([]byte(`{"demandes": [{"id": "D1", "reference_carnet": "CDB-1",
		"referent": {"nom": "Émilie Roger"}, "question": "Quelle solution ?", "accord_personne": true, "recue_le": "2023-01-16T13:59:00+01:00"}]}`))
	fmt.Println(len(rs), rs[0].ReceivedAt.UTC(), err)
	// Output: 1 2023-01-16 12:59:00 +0000 UTC <nil>
}

func ExampleDecode() {
	_, err := committee.Decode([]byte(`{"nom": "CTO", "seance": []}`))
	fmt.Println(err)
	// Output: comité illisible : champ inconnu « seance »
}

func ExampleFrenchDate() {
	fmt.Println(committee.FrenchDate("2023-05-01"))
	// Output: lundi 1er mai 2023
}

func ExampleClockTime_Parse() {
	h, m, ok := committee.ClockTime("14:00").Parse()
	fmt.Println(h, m, ok)
	// Output: 14 0 true
}

func ExampleStatsOf() {
	paris, _ := time.LoadLocation("Europe/Paris")
	c := exampleCommittee()
	rs := exampleRequests()
	answered := rs[0].ReceivedAt.Add(24 * time.Hour)
	rs[0].AnsweredAt = &answered
	rs[0].Outcome = &committee.Outcome{MeetingDate: "2023-02-09", Status: committee.OutcomeResolue}
	now := time.Date(2023, 2, 10, 9, 0, 0, 0, paris)
	a := committee.BuildAgenda(c, rs, now)
	s := committee.StatsOf(c, rs, a, now)
	fmt.Printf("%+v\n", s)
	// Output: {Received:5 Due:5 AnsweredInTime:1 AnsweredLate:0 Unanswered:4 Examined:2 Solved:1 InProgress:0 NoSolution:0 NoOutcome:1}
}

func ExampleCommittee_AgendaDue() {
	c := &committee.Committee{}
	fmt.Println(c.AgendaDue(committee.Meeting{Date: "2023-02-09"}))
	// Output: 2023-02-07
}

func ExampleCommittee_Start() {
	c := &committee.Committee{}
	t, ok := c.Start(committee.Meeting{Date: "2023-07-06", Time: "08:30"})
	fmt.Println(t.UTC(), ok)
	// Output: 2023-07-06 06:30:00 +0000 UTC true
}

func ExampleCommittee_Location() {
	l, err := (&committee.Committee{}).Location()
	fmt.Println(l, err)
	// Output: Europe/Paris <nil>
}

func ExampleCommittee_AnswerDelay() {
	fmt.Println((&committee.Committee{}).AnswerDelay(), (&committee.Committee{Rules: committee.Rules{AnswerHours: 48}}).AnswerDelay())
	// Output: 72h0m0s 48h0m0s
}

func ExampleCheckRequests() {
	rs := exampleRequests()[:2]
	rs[1].ID = rs[0].ID
	rs[1].Question = ""
	for _, f := range committee.CheckRequests(rs, "/demandes", nil, 72*time.Hour) {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// CTO-DEMANDE-10 /demandes/1/id
	// CTO-DEMANDE-04 /demandes/1/question
}

func BenchmarkBuildAgenda(b *testing.B) {
	paris, _ := time.LoadLocation("Europe/Paris")
	c := &committee.Committee{Name: "CTO"}
	start := time.Date(2023, 1, 5, 8, 30, 0, 0, paris)
	for i := range 26 {
		c.Meetings = append(c.Meetings, committee.Meeting{Date: spie.DateOf(start.AddDate(0, 0, 14*i)), Time: "08:30"})
	}
	rs := make([]committee.Request, 300)
	for i := range rs {
		rs[i] = committee.Request{ID: fmt.Sprintf("D%04d", i), CarnetRef: "C", Referent: committee.Referent{Name: "R"}, Question: "Q", PersonAgreed: true,
			ReceivedAt: start.Add(time.Duration(i) * 29 * time.Hour)}
	}
	now := start.AddDate(0, 6, 0)
	b.ReportAllocs()
	for b.Loop() {
		committee.BuildAgenda(c, rs, now)
	}
}
