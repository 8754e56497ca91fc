package committee_test

import (
	"testing"
	"time"

	"github.com/spie-fr/socle/spie/committee"
)

// FuzzBuildAgenda checks that no committee or request file, however odd,
// makes the agenda panic, and that no meeting exceeds its capacity.
func FuzzBuildAgenda(f *testing.F) {
	f.Add(`{"nom": "CTO", "regles": {"capacite": 2}, "seances": [{"date": "2023-02-09", "heure": "08:30"}, {"date": "2023-02-23", "heure": "08:30", "date_butoir": "2023-02-22", "heure_butoir": "23:59"}]}`,
		`[{"id": "a", "reference_carnet": "c", "referent": {"nom": "r"}, "question": "q", "recue_le": "2023-02-01T10:00:00+01:00"}, {"id": "a", "recue_le": "2023-02-06T14:00:00+01:00", "suite": {"date_seance": "2023-02-09", "statut": "x"}}]`)
	f.Add(`{"nom": "", "regles": {"fuseau_horaire": "Mars/Olympus", "butoir_jours_avant": -4}, "seances": [{"date": "2023-02-30", "heure": "25:00"}], "membres": [{"nom": "x", "charte_confidentialite_signee_le": "hier"}]}`, `{"demandes": []}`)
	f.Add(`{"nom": "CTO", "seances": [{"date": "2023-02-09", "heure": "08:30", "capacite": -3}]}`, `[]`)
	f.Fuzz(func(t *testing.T, cal, reqs string) {
		c, err := committee.Decode([]byte(cal))
		if err != nil {
			return
		}
		rs, _ := committee.DecodeRequests([]byte(reqs))
		a := committee.BuildAgenda(c, rs, time.Date(2023, 2, 7, 9, 0, 0, 0, time.UTC))
		for _, m := range a.Meetings {
			if len(m.Items) > m.Capacity && m.Capacity > 0 {
				t.Fatalf("séance %s : %d situations pour %d places", m.Date, len(m.Items), m.Capacity)
			}
		}
		_ = committee.StatsOf(c, rs, a, time.Date(2023, 2, 7, 9, 0, 0, 0, time.UTC))
	})
}
