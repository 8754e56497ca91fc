package diagnostic_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// TestCheckDatesInThePersonsTerritory: a diagnostic and its consent dated
// 1 June 2026 are not "in the future" at 00:30 on 1 June where the person
// lives. 22:30 UTC on 31 May is 00:30 on 1 June in Laon (UTC+2 in summer) but
// 18:30 on 31 May in Pointe-à-Pitre (UTC−4).
func TestCheckDatesInThePersonsTerritory(t *testing.T) {
	now := time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		commune spie.CommuneCode
		future  bool
	}{
		{"02408", false},
		{"2A004", false},
		{"97120", true},
	} {
		t.Run(string(c.commune), func(t *testing.T) {
			d := &diagnostic.Diagnostic{Version: diagnostic.SchemaVersion, Date: "2026-06-01",
				Person: diagnostic.Person{Commune: c.commune}, Consent: diagnostic.Consent{Date: "2026-06-01"}}
			fs := d.CheckDates(now)
			assert.Equal(t, c.future, fs.Has(diagnostic.FaultDateFuture.Code, "/date"), "%v", fs)
			assert.Equal(t, c.future, fs.Has(diagnostic.FaultDateFuture.Code, "/consentement/date"), "%v", fs)
		})
	}
}
