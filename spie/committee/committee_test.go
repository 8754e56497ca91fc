package committee_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
)

var paris = mustLoc("Europe/Paris")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, paris)
	if err != nil {
		panic(err)
	}
	return t
}

// fortnight is a committee of three meetings two weeks apart, deadlines by rule.
func fortnight() *committee.Committee {
	return &committee.Committee{
		Name: "CTO test",
		Members: []committee.Member{
			{Name: "Alice", CharterSigned: "2023-01-02"},
			{Name: "Bruno", CharterSigned: "2023-02-01"},
			{Name: "Chloé"},
		},
		Meetings: []committee.Meeting{
			{Date: "2023-02-09", Time: "08:30", Place: "Laon"},
			{Date: "2023-02-23", Time: "08:30", Place: "Laon"},
			{Date: "2023-03-09", Time: "08:30", Place: "Laon"},
		},
	}
}

func requests(n int, from time.Time, step time.Duration) []committee.Request {
	out := make([]committee.Request, n)
	for i := range out {
		out[i] = committee.Request{
			ID: fmt.Sprintf("D%03d", i+1), CarnetRef: fmt.Sprintf("CDB-%03d", i+1),
			Referent: committee.Referent{Name: "Réf"}, Question: "Quelle solution ?", PersonAgreed: true,
			ReceivedAt: from.Add(time.Duration(i) * step),
		}
	}
	return out
}

func ids(items []committee.Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.RequestID)
	}
	return out
}

func TestDeadlineBoundary(t *testing.T) {
	// Meeting 2023-02-09 08:30: default deadline J-3 = 2023-02-06 at 14:00.
	tests := []struct {
		name     string
		received string
		meeting  spie.Date
		carried  bool
	}{
		{"13:59 on J-3 is on time", "2023-02-06 13:59", "2023-02-09", false},
		{"14:00 on J-3 goes to the next meeting", "2023-02-06 14:00", "2023-02-23", true},
		{"the day before", "2023-02-05 18:00", "2023-02-09", false},
		{"J-2 goes to the next meeting", "2023-02-07 09:00", "2023-02-23", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := requests(1, at(tc.received), 0)
			a := committee.BuildAgenda(fortnight(), rs, at("2023-03-01 10:00"))
			var got spie.Date
			for _, m := range a.Meetings {
				if len(m.Items) > 0 {
					got = m.Date
					if tc.carried {
						require.Len(t, m.Items[0].CarriedFrom, 1)
						assert.Equal(t, committee.CarryLate, m.Items[0].CarriedFrom[0].Reason)
						assert.Equal(t, spie.Date("2023-02-09"), m.Items[0].CarriedFrom[0].Meeting)
					} else {
						assert.Empty(t, m.Items[0].CarriedFrom)
					}
				}
			}
			assert.Equal(t, tc.meeting, got)
		})
	}
}

func TestDeadlineUsesParisTimeAcrossDST(t *testing.T) {
	c := fortnight()
	c.Meetings = []committee.Meeting{{Date: "2023-03-29", Time: "08:30"}}
	dl, ok := c.Deadline(c.Meetings[0])
	require.True(t, ok)
	// 2023-03-26 is the switch to summer time: 14:00 in Paris is 12:00 UTC.
	assert.Equal(t, "2023-03-26T12:00:00Z", dl.UTC().Format(time.RFC3339))
}

func TestCapacity(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		first    int
		carried  int
		capacity int
	}{
		{"10 requests fit", 10, 10, 0, 0},
		{"the 11th goes to the next meeting", 11, 10, 1, 0},
		{"capacity is data", 6, 5, 1, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := fortnight()
			c.Rules.Capacity = tc.capacity
			rs := requests(tc.n, at("2023-01-20 09:00"), time.Hour)
			a := committee.BuildAgenda(c, rs, at("2023-02-01 10:00"))
			require.Len(t, a.Meetings, 3)
			assert.Len(t, a.Meetings[0].Items, tc.first)
			assert.Len(t, a.Meetings[1].Items, tc.carried)
			assert.Len(t, a.Meetings[0].CarriedOver, tc.carried)
			if tc.carried > 0 {
				// The newest request is the one carried.
				assert.Equal(t, fmt.Sprintf("D%03d", tc.n), a.Meetings[1].Items[0].RequestID)
				assert.Equal(t, committee.CarryCapacity, a.Meetings[1].Items[0].CarriedFrom[0].Reason)
			}
		})
	}
}

func TestMeetingCapacityOverridesRule(t *testing.T) {
	c := fortnight()
	c.Meetings[0].Capacity = 2
	a := committee.BuildAgenda(c, requests(3, at("2023-01-20 09:00"), time.Hour), at("2023-02-01 10:00"))
	assert.Equal(t, []string{"D001", "D002"}, ids(a.Meetings[0].Items))
	assert.Equal(t, []string{"D003"}, ids(a.Meetings[1].Items))
	assert.Equal(t, 10, a.Meetings[1].Capacity)
}

func TestCarryOverAcrossSeveralMeetings(t *testing.T) {
	c := fortnight()
	c.Rules.Capacity = 2
	rs := requests(7, at("2023-01-20 09:00"), time.Hour)
	// A late request for the first meeting, older than the overflow of it.
	late := requests(1, at("2023-02-06 15:00"), 0)
	late[0].ID = "LATE"
	a := committee.BuildAgenda(c, append(rs, late...), at("2023-03-20 10:00"))
	assert.Equal(t, []string{"D001", "D002"}, ids(a.Meetings[0].Items))
	assert.Equal(t, []string{"D003", "D004"}, ids(a.Meetings[1].Items))
	assert.Equal(t, []string{"D005", "D006"}, ids(a.Meetings[2].Items))
	require.Len(t, a.Pending, 2)
	assert.Equal(t, "D007", a.Pending[0].RequestID)
	assert.Equal(t, "LATE", a.Pending[1].RequestID)
	assert.Equal(t, committee.CarryNoMeeting, a.Pending[0].Reason)
	// D005 missed two meetings for capacity.
	assert.Equal(t, []committee.Carry{{Meeting: "2023-02-09", Reason: committee.CarryCapacity}, {Meeting: "2023-02-23", Reason: committee.CarryCapacity}},
		a.Meetings[2].Items[0].CarriedFrom)
	// LATE missed the first meeting by the deadline, then the others by capacity.
	assert.Equal(t, []committee.Carry{{Meeting: "2023-02-09", Reason: committee.CarryLate}, {Meeting: "2023-02-23", Reason: committee.CarryCapacity}, {Meeting: "2023-03-09", Reason: committee.CarryCapacity}},
		a.Pending[1].CarriedFrom)
}

func TestOldestFirstWhateverTheInputOrder(t *testing.T) {
	c := fortnight()
	c.Rules.Capacity = 2
	rs := requests(3, at("2023-01-20 09:00"), time.Hour)
	rs[0], rs[2] = rs[2], rs[0]
	a := committee.BuildAgenda(c, rs, at("2023-02-01 10:00"))
	assert.Equal(t, []string{"D001", "D002"}, ids(a.Meetings[0].Items))
}

func TestCharterlessMembers(t *testing.T) {
	a := committee.BuildAgenda(fortnight(), nil, at("2023-01-20 10:00"))
	// Agenda of 2023-02-09 is due 2023-02-07: Bruno signed on 02-01, Chloé never.
	assert.Equal(t, []string{"Alice", "Bruno"}, a.Meetings[0].Recipients)
	assert.Equal(t, []string{"Chloé"}, a.Meetings[0].Withheld)
	assert.True(t, a.Faults.Has("CTO-CHARTE-10", "/membres/2/charte_confidentialite_signee_le"))
	assert.False(t, a.Faults.HasPath("/membres/0/charte_confidentialite_signee_le"))
	assert.False(t, a.Faults.HasPath("/membres/1/charte_confidentialite_signee_le"))

	c := fortnight()
	c.Members[1].CharterSigned = "2023-02-08" // after the first agenda is due
	a = committee.BuildAgenda(c, nil, at("2023-01-20 10:00"))
	assert.Equal(t, []string{"Alice"}, a.Meetings[0].Recipients)
	assert.Equal(t, []string{"Alice", "Bruno"}, a.Meetings[1].Recipients)
	assert.True(t, a.Faults.Has("CTO-CHARTE-11", "/membres/1/charte_confidentialite_signee_le"))
	// Once the meetings concerned are held, signing late is no longer reported.
	a = committee.BuildAgenda(c, nil, at("2023-02-10 10:00"))
	assert.False(t, a.Faults.Has("CTO-CHARTE-11", "/membres/1/charte_confidentialite_signee_le"))
	assert.True(t, a.Faults.Has("CTO-CHARTE-10", "/membres/2/charte_confidentialite_signee_le"))
	// Signed on the day the agenda is due: receives it.
	c.Members[1].CharterSigned = "2023-02-07"
	a = committee.BuildAgenda(c, nil, at("2023-01-20 10:00"))
	assert.Equal(t, []string{"Alice", "Bruno"}, a.Meetings[0].Recipients)
}

func TestMeetingStatesAndAgendaDue(t *testing.T) {
	a := committee.BuildAgenda(fortnight(), nil, at("2023-02-20 10:00"))
	assert.Equal(t, committee.StateHeld, a.Meetings[0].State)
	assert.Equal(t, committee.StateOpen, a.Meetings[1].State)
	a = committee.BuildAgenda(fortnight(), nil, at("2023-02-20 13:59"))
	assert.Equal(t, committee.StateOpen, a.Meetings[1].State)
	a = committee.BuildAgenda(fortnight(), nil, at("2023-02-20 14:00"))
	assert.Equal(t, committee.StateClosed, a.Meetings[1].State)
	assert.Equal(t, spie.Date("2023-02-21"), a.Meetings[1].AgendaDue)
}

func TestLateAnswers(t *testing.T) {
	rs := requests(3, at("2023-01-20 09:00"), 0)
	rs[0].ID, rs[1].ID, rs[2].ID = "ON-TIME", "LATE", "UNANSWERED"
	onTime := rs[0].ReceivedAt.Add(72 * time.Hour)
	late := rs[1].ReceivedAt.Add(72*time.Hour + time.Minute)
	rs[0].AnsweredAt, rs[1].AnsweredAt = &onTime, &late
	a := committee.BuildAgenda(fortnight(), rs, at("2023-01-23 09:01"))
	require.Len(t, a.LateAnswers, 2)
	assert.Equal(t, "LATE", a.LateAnswers[0].RequestID)
	assert.Equal(t, "UNANSWERED", a.LateAnswers[1].RequestID)
	assert.Nil(t, a.LateAnswers[1].AnsweredAt)
	assert.True(t, a.Faults.Has("CTO-DEMANDE-13", "/demandes_supplementaires/1/repondue_le"))
	// Not yet due: not late.
	a = committee.BuildAgenda(fortnight(), rs[2:], at("2023-01-23 09:00"))
	assert.Empty(t, a.LateAnswers)
}

func TestFutureRequestsIgnored(t *testing.T) {
	rs := requests(1, at("2023-02-01 09:00"), 0)
	a := committee.BuildAgenda(fortnight(), rs, at("2023-01-31 09:00"))
	assert.Empty(t, a.Meetings[0].Items)
	assert.True(t, a.Faults.Has("CTO-DEMANDE-11", "/demandes_supplementaires/0"))
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *committee.Committee)
		code   string
		path   string
	}{
		{"no name", func(c *committee.Committee) { c.Name = " " }, "CTO-NOM-01", "/nom"},
		{"bad time", func(c *committee.Committee) { c.Meetings[0].Time = "8h30" }, "CTO-HEURE-01", "/seances/0/heure"},
		{"24:00", func(c *committee.Committee) { c.Meetings[0].Time = "24:00" }, "CTO-HEURE-01", "/seances/0/heure"},
		{"bad date", func(c *committee.Committee) { c.Meetings[1].Date = "2023-02-30" }, "CTO-DATE-01", "/seances/1/date"},
		{"deadline after meeting", func(c *committee.Committee) {
			c.Meetings[0].DeadlineDate = "2023-02-09"
			c.Meetings[0].DeadlineTime = "09:00"
		}, "CTO-BUTOIR-10", "/seances/0/date_butoir"},
		{"deadline after agenda", func(c *committee.Committee) { c.Meetings[0].DeadlineDate = "2023-02-08" }, "CTO-BUTOIR-11", "/seances/0/date_butoir"},
		{"twice", func(c *committee.Committee) { c.Meetings[1] = c.Meetings[0] }, "CTO-SEANCE-10", "/seances/1"},
		{"no meeting", func(c *committee.Committee) { c.Meetings = nil }, "CTO-SEANCE-01", "/seances"},
		{"capacity", func(c *committee.Committee) { c.Meetings[0].Capacity = -1 }, "CTO-SEANCE-02", "/seances/0/capacite"},
		{"time zone", func(c *committee.Committee) { c.Rules.TimeZone = "Europe/Laon" }, "CTO-FUSEAU-01", "/regles/fuseau_horaire"},
		{"rule time", func(c *committee.Committee) { c.Rules.DeadlineTime = "2pm" }, "CTO-HEURE-01", "/regles/butoir_heure"},
		{"member", func(c *committee.Committee) { c.Members[0].Name = "" }, "CTO-MEMBRE-01", "/membres/0/nom"},
		{"email", func(c *committee.Committee) { c.Members[0].Email = "alice@" }, "CTO-MEMBRE-02", "/membres/0/courriel"},
		{"request id", func(c *committee.Committee) {
			c.Requests = requests(2, at("2023-01-20 09:00"), 0)
			c.Requests[1].ID = "D001"
		}, "CTO-DEMANDE-10", "/demandes/1/id"},
		{"request carnet", func(c *committee.Committee) {
			c.Requests = requests(1, at("2023-01-20 09:00"), 0)
			c.Requests[0].CarnetRef = ""
		}, "CTO-DEMANDE-02", "/demandes/0/reference_carnet"},
		{"outcome date", func(c *committee.Committee) {
			c.Requests = requests(1, at("2023-01-20 09:00"), 0)
			c.Requests[0].Outcome = &committee.Outcome{MeetingDate: "2023-02-10", Status: committee.OutcomeResolue}
		}, "CTO-SUITE-11", "/demandes/0/suite/date_seance"},
		{"outcome status", func(c *committee.Committee) {
			c.Requests = requests(1, at("2023-01-20 09:00"), 0)
			c.Requests[0].Outcome = &committee.Outcome{MeetingDate: "2023-02-09", Status: "ok"}
		}, "CTO-SUITE-01", "/demandes/0/suite/statut"},
	}
	require.Empty(t, fortnight().Check())
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := fortnight()
			tc.change(c)
			fs := c.Check()
			assert.True(t, fs.Has(tc.code, tc.path), "fautes : %v", fs)
			assert.NotPanics(t, func() { committee.BuildAgenda(c, nil, at("2023-02-01 10:00")) })
		})
	}
}

func TestOutcomeOnAnotherMeeting(t *testing.T) {
	c := fortnight()
	c.Requests = requests(1, at("2023-01-20 09:00"), 0)
	c.Requests[0].Outcome = &committee.Outcome{MeetingDate: "2023-02-23", Status: committee.OutcomeEnCours}
	a := committee.BuildAgenda(c, nil, at("2023-03-01 10:00"))
	assert.True(t, a.Faults.Has("CTO-SUITE-10", "/demandes/0/suite/date_seance"))
}

// referenceDir returns ../shared/reference next to the module root, or skips.
func referenceDir(t *testing.T) string {
	t.Helper()
	return reftest.Dir(t)
}

func loadExample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "network", name))
	require.NoError(t, err)
	return b
}

func TestLaonCalendarAgreesWithReference(t *testing.T) {
	ref := referenceDir(t)
	f, err := os.Open(filepath.Join(ref, "aisne", "cto-laon-2023.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"mois", "date", "heure", "lieu", "date_butoir", "heure_butoir"}, rows[0])

	c, err := committee.Decode(loadExample(t, "cto-laon-2023.json"))
	require.NoError(t, err)
	require.Empty(t, c.Check())
	require.Len(t, c.Meetings, len(rows)-1)
	for i, row := range rows[1:] {
		m := c.Meetings[i]
		t.Run(row[1], func(t *testing.T) {
			assert.Equal(t, spie.Date(row[1]), m.Date)
			assert.Equal(t, committee.ClockTime(row[2]), m.Time)
			assert.Equal(t, row[3], m.Place)
			dl, ok := c.Deadline(m)
			require.True(t, ok)
			assert.Equal(t, row[4]+" "+row[5], dl.Format("2006-01-02 15:04"))
		})
	}
	// The calendar, not the formula, decides.
	jan, _ := c.Deadline(c.Meetings[0])
	assert.Equal(t, 4, spie.DateOf(jan).DaysUntil(c.Meetings[0].Date))
	may, _ := c.Deadline(c.Meetings[7])
	assert.Equal(t, 2, spie.DateOf(may).DaysUntil(c.Meetings[7].Date))
}

func TestLaonExampleAgenda(t *testing.T) {
	c, err := committee.Decode(loadExample(t, "cto-laon-2023.json"))
	require.NoError(t, err)
	rs, err := committee.DecodeRequests(loadExample(t, "cto-laon-2023-demandes.json"))
	require.NoError(t, err)
	a := committee.BuildAgenda(c, rs, at("2023-02-07 09:00"))
	assert.Len(t, a.Meetings[0].Items, 10)
	assert.Equal(t, committee.StateHeld, a.Meetings[0].State)
	// 2023-01-16 13:59 made it, 14:00 did not (the January deadline is J-4).
	assert.Contains(t, ids(a.Meetings[1].Items), "CTO-LAON-2023-013")
	assert.Equal(t, committee.StateClosed, a.Meetings[1].State)
	assert.Empty(t, a.Faults.Errors())
	// Request 10: the person has not agreed yet; it is held back, not placed.
	assert.True(t, a.Faults.Has("CTO-DEMANDE-06", "/demandes_supplementaires/9/accord_personne"))
	require.NotEmpty(t, a.Pending)
	assert.Equal(t, committee.Pending{RequestID: "CTO-LAON-2023-010", ReceivedAt: rs[9].ReceivedAt, Reason: committee.CarryNoAgreement}, a.Pending[0])
	for _, m := range a.Meetings {
		assert.NotContains(t, ids(m.Items), "CTO-LAON-2023-010")
	}
}

func TestNoAgreementNotPlaced(t *testing.T) {
	rs := requests(2, at("2023-01-20 09:00"), time.Hour)
	rs[0].PersonAgreed = false
	a := committee.BuildAgenda(fortnight(), rs, at("2023-02-01 10:00"))
	assert.Equal(t, []string{"D002"}, ids(a.Meetings[0].Items))
	assert.Equal(t, 1, a.Meetings[0].Items[0].Rank)
	require.Len(t, a.Pending, 1)
	assert.Equal(t, committee.CarryNoAgreement, a.Pending[0].Reason)
	assert.True(t, a.Faults.Has("CTO-DEMANDE-06", "/demandes_supplementaires/0/accord_personne"))
}

func TestDecodeRequests(t *testing.T) {
	rs, err := committee.DecodeRequests([]byte(`[{"id":"A","reference_carnet":"C","referent":{"nom":"R"},"question":"Q","accord_personne":true,"recue_le":"2023-01-02T10:00:00+01:00"}]`))
	require.NoError(t, err)
	require.Len(t, rs, 1)
	_, err = committee.DecodeRequests([]byte(`{"demandes":[{"id":"A","recu_le":"2023-01-02T10:00:00+01:00"}]}`))
	assert.Error(t, err)
	_, err = committee.DecodeRequests([]byte(`{`))
	assert.Error(t, err)
}
