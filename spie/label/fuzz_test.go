package label_test

import (
	"testing"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/label"
)

// FuzzEvaluate checks that no application or charter, however odd, makes
// the evaluation panic, and that a decision is made exactly when the charter
// is valid.
func FuzzEvaluate(f *testing.F) {
	f.Add(`{"id": "x", "structure": {"nom": "S", "siret": "77501234700016", "membre_reseau": true}, "offre": {"nombre_services": 1, "date_maj": "2024-13-01"}, "reponses_prescriptions": {"recues": 0, "repondues_dans_delai": 3, "delai_heures": 72}}`,
		`{"nom": "C", "criteres": [{"code": "a", "enonce": "A", "bloquant": true, "preuves": ["siret"], "regle": "delai-reponse-prescriptions", "delai_max_heures": 72, "part_min_pourcent": 90}]}`, "2024-03-15")
	f.Add(`{"id": "y", "label_en_cours": {"date_decision": "x", "fin_validite": "2024-01-01"}, "chartes_signees": [{"type": "confidentialite", "date_signature": "2030-01-01", "date_fin": "nope"}]}`, `{"nom": "", "criteres": []}`, "")
	f.Fuzz(func(t *testing.T, app, charter string, date string) {
		a, err := label.DecodeApplication([]byte(app))
		if err != nil {
			return
		}
		ch, err := label.DecodeCharter([]byte(charter))
		if err != nil {
			ch = label.DefaultCharter()
		}
		ev, fs := label.Evaluate(a, ch, spie.Date(date))
		_, dateOK := spie.Date(date).Time()
		if decided := ev.Status != ""; decided != (ch.Check().Valid() && dateOK) {
			t.Fatalf("décision %q avec la charte %v (fautes %v)", ev.Status, ch.Check(), fs)
		}
	})
}
