package cohort_test

import (
	"strings"
	"testing"

	"github.com/spie-fr/socle/carnet/cohort"
)

// FuzzMatch checks that no definition or stream, however odd, makes a scan
// panic, and that every diagnostic read is counted once.
func FuzzMatch(f *testing.F) {
	f.Add(`{"code": "c", "nom": "C", "territoire": {"epci": ["200071785"], "communes": ["02999"]}, "age": {"max": 3}, "criteres": [{"critere": "deld"}], "mode": "au-moins-un"}`,
		`{"id": "d", "date": "2026-01-01", "personne": {"id": "p", "code_commune": "2A004", "date_naissance": "2026-02-30"}}`+"\n{}\n[1]\n")
	f.Add(`{"code": "c", "nom": "C", "territoire": {}, "criteres": [{"critere": "inconnu", "valeur": false}], "debut": "x", "fin": "y"}`, "")
	f.Fuzz(func(t *testing.T, def, stream string) {
		d, err := cohort.Decode([]byte(def))
		if err != nil {
			return
		}
		_ = d.Check()
		s, fs, err := cohort.Scan(d, strings.NewReader(stream), "2026-06-30", nil)
		if err != nil {
			return
		}
		if s.Members+s.NonMembers+s.Later != s.Read || s.Unreadable != len(fs) {
			t.Fatalf("décompte incohérent : %+v, %d fautes", s, len(fs))
		}
		_, _, _ = cohort.Movements(d, strings.NewReader(stream), "2026-01-01", "2026-06-30")
	})
}
