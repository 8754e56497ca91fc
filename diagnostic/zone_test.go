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

// TestImportDSPDatesInThePersonsTerritory: France Travail sends instants in
// UTC. 2026-05-31T22:30Z is 00:30 on 1 June in Paris (UTC+2 in summer) and
// 18:30 on 31 May in Pointe-à-Pitre (UTC−4); 2026-05-31T20:30Z is 00:30 on
// 1 June in Saint-Denis de La Réunion (UTC+4) and 22:30 on 31 May in Paris.
// Midnight exactly in the written offset stands for a date (socle's own
// export writes dates so), the same everywhere; a bare date is taken as is.
func TestImportDSPDatesInThePersonsTerritory(t *testing.T) {
	for _, c := range []struct {
		stamp   string
		commune spie.CommuneCode
		want    spie.Date
	}{
		{"2026-05-31T22:30:00.000+00:00", "", "2026-06-01"},
		{"2026-05-31T22:30:00.000+00:00", "02408", "2026-06-01"},
		{"2026-05-31T22:30:00.000+00:00", "97120", "2026-05-31"},
		{"2026-05-31T20:30:00Z", "97411", "2026-06-01"},
		{"2026-05-31T20:30:00Z", "02408", "2026-05-31"},
		{"2026-06-01T00:30:00.000+02:00", "02408", "2026-06-01"},
		{"2026-04-03T00:00:00.000+00:00", "97120", "2026-04-03"},
		{"2026-04-03T00:00:00.000+00:00", "97411", "2026-04-03"},
		{"2026-04-03", "97120", "2026-04-03"},
		{"2026-04-03T23:30:00", "97411", "2026-04-03"},
	} {
		t.Run(c.stamp+" "+string(c.commune), func(t *testing.T) {
			stamp := c.stamp
			p := diagnostic.DSPPayload{Contraintes: diagnostic.DSPContraintes{ModifiedAt: &stamp}}
			d, _ := p.DiagnosticIn(c.commune)
			assert.Equal(t, c.want, d.Date)
			assert.Equal(t, c.commune, d.Person.Commune)
			p = diagnostic.DSPPayload{Metiers: []diagnostic.DSPMetier{{ID: "m1", UpdatedAt: &stamp}}}
			d, _ = p.DiagnosticIn(c.commune)
			assert.Equal(t, c.want, d.Date, "dateMiseAJour")
		})
	}
}
