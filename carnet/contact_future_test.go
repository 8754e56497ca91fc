package carnet_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// A contact's outcome is known once it took place: a contact dated after the
// day of the check (or of the change) can only be « à venir ». Found by the
// widgets' review (issue 15): Apply accepted a contact dated 2030-01-01 as
// « honoré ». The dates are worked by hand around the day of the check,
// 2025-06-10.
func TestContactOutcomeNotBeforeItTookPlace(t *testing.T) {
	tests := []struct {
		name   string
		date   string
		result carnet.ContactResult
		want   bool
	}{
		{"honoré le jour même", "2025-06-10", "honore", false},
		{"honoré le lendemain", "2025-06-11", "honore", true},
		{"absent en 2030", "2030-01-01", "absent", true},
		{"à venir le lendemain", "2025-06-11", "a-venir", false},
		{"honoré la veille", "2025-06-09", "honore", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			b.Contacts = []carnet.Contact{{ID: "r1", Date: spie.Date(tt.date), Kind: "rendez-vous", Channel: "telephone", Result: tt.result}}
			fs := b.CheckStructure("2025-06-10")
			assert.Equal(t, tt.want, fs.Has("CARNET-RDV-10", "/rendez_vous/0/resultat"), "%v", fs)
		})
	}
}

// Apply refuses the change that records such an outcome, on the day of the
// change (2025-06-10 at noon in Paris).
func TestApplyRefusesAFutureOutcome(t *testing.T) {
	at := time.Date(2025, 6, 10, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		result carnet.ContactResult
		want   bool
	}{{"honore", true}, {"a-venir", false}} {
		c := base()
		k := carnet.Contact{ID: "r-futur", Date: "2030-01-01", Kind: "rendez-vous", Channel: "telephone", Result: tt.result}
		fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: k.ID, Value: k, At: at}, referent)
		assert.Equal(t, tt.want, fs.HasCode("CARNET-RDV-10"), "%s : %v", tt.result, fs)
	}
}
