package carnet_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// Final review: attempts to get around CARNET-RDV-10 (a contact's outcome
// is recorded once it took place). Dates worked by hand. All held when
// written (no fix needed); kept as regression tests.

// A contact added « à venir » for 2030, then modified to « honoré » on
// 2025-06-10: the modification must be refused like the addition.
func TestReviewFinalContactFutureByUpdateHeld(t *testing.T) {
	c := base()
	k := carnet.Contact{ID: "r-futur", Date: "2030-01-01", Kind: "rendez-vous", Channel: "telephone", Result: "a-venir"}
	require.Empty(t, carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: k.ID, Value: k, At: at("2025-06-10")}, referent))
	k.Result = "honore"
	fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetRendezVous, ID: k.ID, Value: k, At: at("2025-06-10").Add(time.Minute)}, referent)
	assert.True(t, fs.HasCode("CARNET-RDV-10"), "%v", fs)
	assert.Equal(t, carnet.ContactResult("a-venir"), c.Contacts[0].Result)
}

// The same contact given as a map with its date written as a date-time
// (2030-01-01T09:00:00+01:00): refused, whatever the code, and not stored.
func TestReviewFinalContactFutureOtherDateFormatHeld(t *testing.T) {
	for _, date := range []string{"2030-01-01T09:00:00+01:00", "01/01/2030", " 2030-01-01", "2030-1-1"} {
		c := base()
		v := map[string]any{"id": "r-futur", "date": date, "type": "rendez-vous", "canal": "telephone", "resultat": "honore"}
		fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-futur", Value: v, At: at("2025-06-10")}, referent)
		assert.True(t, fs.HasCode("CARNET-VALEUR-02"), "%s : %v", date, fs)
		assert.Empty(t, c.Contacts, date)
	}
}

// The day of the change is the person's: in Guadeloupe (UTC−4, commune
// 97105 Basse-Terre) 2025-06-11T02:00Z is still 2025-06-10 at 22:00, so a
// contact of 2025-06-11 « honoré » is in the future; in La Réunion (UTC+4,
// 97411 Saint-Denis) 2025-06-10T21:00Z is already 2025-06-11 at 01:00, so
// the same contact took place today and is accepted.
func TestReviewFinalContactFutureTimeZoneHeld(t *testing.T) {
	tests := []struct {
		commune spie.CommuneCode
		at      time.Time
		want    bool
	}{
		{"97105", time.Date(2025, 6, 11, 2, 0, 0, 0, time.UTC), true},
		{"97411", time.Date(2025, 6, 10, 21, 0, 0, 0, time.UTC), false},
		{"02408", time.Date(2025, 6, 10, 21, 30, 0, 0, time.UTC), true}, // Paris: 23:30 on 06-10 → 06-11 is tomorrow
	}
	for _, tt := range tests {
		c := base()
		c.Person.Commune = tt.commune
		k := carnet.Contact{ID: "r1", Date: "2025-06-11", Kind: "rendez-vous", Channel: "telephone", Result: "honore"}
		fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: k.ID, Value: k, At: tt.at}, referent)
		assert.Equal(t, tt.want, fs.HasCode("CARNET-RDV-10"), "%s %s : %v", tt.commune, tt.at, fs)
	}
}

// The rights are judged before the outcome's date: someone without access
// to the carnet (another person, usager p-002) who records a contact of
// 2030 « honoré » is refused for their rights, and learns nothing of the
// carnet — not the person's local day of the change, which CARNET-RDV-10
// quotes and which gives away the person's time zone (Guadeloupe, 97105:
// 2025-06-11T02:00Z is still 2025-06-10 there).
func TestReviewFinalContactFutureRightsFirst(t *testing.T) {
	c := base()
	c.Person.Commune = "97105"
	stranger := carnet.Actor{Professional: "p-002", Role: carnet.RoleUsager}
	k := carnet.Contact{ID: "r-futur", Date: "2030-01-01", Kind: "rendez-vous", Channel: "telephone", Result: "honore"}
	fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: k.ID, Value: k, At: time.Date(2025, 6, 11, 2, 0, 0, 0, time.UTC)}, stranger)
	require.NotEmpty(t, fs)
	assert.False(t, fs.HasCode("CARNET-RDV-10"), "%v", fs)
	for _, f := range fs {
		assert.NotContains(t, f.Message, "2025-06-10", f.Code)
		assert.NotContains(t, f.MessageEN, "2025-06-10", f.Code)
	}
	assert.Empty(t, c.Contacts)
}
