package spie_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
)

// utc is an instant written in UTC, so that the expected local dates below are
// worked by hand from the offsets, not by the code under test.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// TestDateInAroundDaylightSaving: mainland France is UTC+1 in winter and UTC+2
// in summer; in 2026 summer time starts on the last Sunday of March, 29 March
// (1 March 2026 is a Sunday: Sundays 1, 8, 15, 22, 29), at 01:00 UTC, and
// ends on the last Sunday of October, 25 October (1 October is a Thursday:
// Sundays 4, 11, 18, 25), at 01:00 UTC (directive 2000/84/CE, article 2
// and 3). Each case gives the local time and works out the UTC instant.
func TestDateInAroundDaylightSaving(t *testing.T) {
	for _, c := range []struct {
		name  string
		at    time.Time
		where string
		want  spie.Date
	}{
		// Before the March change, UTC+1.
		{"sam. 28 mars 23:30 CET = 22:30 UTC", utc(2026, 3, 28, 22, 30), "02408", "2026-03-28"},
		{"dim. 29 mars 00:30 CET = 23:30 UTC le 28", utc(2026, 3, 28, 23, 30), "02408", "2026-03-29"},
		// After it, UTC+2.
		{"dim. 29 mars 23:30 CEST = 21:30 UTC", utc(2026, 3, 29, 21, 30), "02408", "2026-03-29"},
		{"lun. 30 mars 00:30 CEST = 22:30 UTC le 29", utc(2026, 3, 29, 22, 30), "02408", "2026-03-30"},
		// Before the October change, UTC+2.
		{"sam. 24 oct. 23:30 CEST = 21:30 UTC", utc(2026, 10, 24, 21, 30), "02408", "2026-10-24"},
		{"dim. 25 oct. 00:30 CEST = 22:30 UTC le 24", utc(2026, 10, 24, 22, 30), "02408", "2026-10-25"},
		// After it, UTC+1.
		{"dim. 25 oct. 23:30 CET = 22:30 UTC", utc(2026, 10, 25, 22, 30), "02408", "2026-10-25"},
		{"lun. 26 oct. 00:30 CET = 23:30 UTC le 25", utc(2026, 10, 25, 23, 30), "02408", "2026-10-26"},
		// Corsica and a bare département code are mainland time.
		{"Ajaccio lun. 26 oct. 00:30 CET", utc(2026, 10, 25, 23, 30), "2A004", "2026-10-26"},
		{"département 2B", utc(2026, 10, 25, 23, 30), "2B", "2026-10-26"},
		{"département 02", utc(2026, 3, 28, 23, 30), "02", "2026-03-29"},
		// Unknown or absent territory: mainland time.
		{"sans territoire", utc(2026, 3, 29, 22, 30), "", "2026-03-30"},
		{"collectivité hors SPIE 988", utc(2026, 3, 29, 22, 30), "98818", "2026-03-30"},
		// The night of 31 May to 1 June (the référent handover of the issue):
		// 00:30 on 1 June in Paris (UTC+2) is 22:30 UTC on 31 May.
		{"Laon 1er juin 00:30 CEST", utc(2026, 5, 31, 22, 30), "02408", "2026-06-01"},
		{"Laon 31 mai 23:30 CEST", utc(2026, 5, 31, 21, 30), "02408", "2026-05-31"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, spie.DateIn(c.at, c.where))
			// The location carried by the instant does not matter.
			assert.Equal(t, c.want, spie.DateIn(c.at.In(time.FixedZone("X", -11*3600)), c.where))
		})
	}
}

// TestDateInOverseas: no daylight saving in the DROM; Guadeloupe, Martinique,
// Saint-Barthélemy and Saint-Martin are UTC−4, Guyane UTC−3, La Réunion
// UTC+4, Mayotte UTC+3. Saint-Pierre-et-Miquelon is UTC−3 and UTC−2 in summer,
// from the second Sunday of March (8 March 2026) to the first Sunday of
// November (1 November 2026), changing at 02:00 local time.
func TestDateInOverseas(t *testing.T) {
	for _, c := range []struct {
		name  string
		at    time.Time
		where string
		want  spie.Date
	}{
		{"Pointe-à-Pitre 31 mai 23:30 = 1er juin 03:30 UTC", utc(2026, 6, 1, 3, 30), "97120", "2026-05-31"},
		{"Pointe-à-Pitre 1er juin 00:30 = 04:30 UTC", utc(2026, 6, 1, 4, 30), "97120", "2026-06-01"},
		{"Saint-Martin code 97127 d'avant 2007", utc(2026, 6, 1, 3, 30), "97127", "2026-05-31"},
		{"Fort-de-France 31 mai 23:30 = 03:30 UTC", utc(2026, 6, 1, 3, 30), "97209", "2026-05-31"},
		{"Fort-de-France 1er juin 00:30 = 04:30 UTC", utc(2026, 6, 1, 4, 30), "972", "2026-06-01"},
		{"Cayenne 31 mai 23:30 = 02:30 UTC", utc(2026, 6, 1, 2, 30), "97302", "2026-05-31"},
		{"Cayenne 1er juin 00:30 = 03:30 UTC", utc(2026, 6, 1, 3, 30), "97302", "2026-06-01"},
		{"Saint-Denis 31 mai 23:30 = 19:30 UTC", utc(2026, 5, 31, 19, 30), "97411", "2026-05-31"},
		{"Saint-Denis 1er juin 00:30 = 20:30 UTC le 31", utc(2026, 5, 31, 20, 30), "97411", "2026-06-01"},
		{"Mamoudzou 31 mai 23:30 = 20:30 UTC", utc(2026, 5, 31, 20, 30), "97611", "2026-05-31"},
		{"Mamoudzou 1er juin 00:30 = 21:30 UTC le 31", utc(2026, 5, 31, 21, 30), "976", "2026-06-01"},
		{"Gustavia 1er juin 00:30 = 04:30 UTC", utc(2026, 6, 1, 4, 30), "97701", "2026-06-01"},
		{"Marigot 31 mai 23:30 = 03:30 UTC", utc(2026, 6, 1, 3, 30), "97801", "2026-05-31"},
		// Saint-Pierre: before 8 March, UTC−3; after, UTC−2.
		{"Saint-Pierre sam. 7 mars 23:30 = 02:30 UTC le 8", utc(2026, 3, 8, 2, 30), "97502", "2026-03-07"},
		{"Saint-Pierre dim. 8 mars 00:30 = 03:30 UTC", utc(2026, 3, 8, 3, 30), "97502", "2026-03-08"},
		{"Saint-Pierre dim. 8 mars 23:30 = 01:30 UTC le 9", utc(2026, 3, 9, 1, 30), "97502", "2026-03-08"},
		{"Saint-Pierre lun. 9 mars 00:30 = 02:30 UTC", utc(2026, 3, 9, 2, 30), "97502", "2026-03-09"},
		// 1 November, back to UTC−3.
		{"Saint-Pierre sam. 31 oct. 23:30 = 01:30 UTC le 1er", utc(2026, 11, 1, 1, 30), "97502", "2026-10-31"},
		{"Saint-Pierre dim. 1er nov. 00:30 = 02:30 UTC", utc(2026, 11, 1, 2, 30), "97502", "2026-11-01"},
		{"Saint-Pierre dim. 1er nov. 23:30 = 02:30 UTC le 2", utc(2026, 11, 2, 2, 30), "97502", "2026-11-01"},
		{"Saint-Pierre lun. 2 nov. 00:30 = 03:30 UTC", utc(2026, 11, 2, 3, 30), "97502", "2026-11-02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, spie.DateIn(c.at, c.where))
		})
	}
}

// TestTimeZoneNames: every territory gets its own zone of the embedded
// database, never mainland time by accident.
func TestTimeZoneNames(t *testing.T) {
	for where, want := range map[string]string{
		"02408": "Europe/Paris", "2A004": "Europe/Paris", "": "Europe/Paris", "97": "Europe/Paris",
		"971": "America/Guadeloupe", "97209": "America/Martinique", "97302": "America/Cayenne",
		"97411": "Indian/Reunion", "97502": "America/Miquelon", "97611": "Indian/Mayotte",
		"97701": "America/St_Barthelemy", "97801": "America/Marigot",
	} {
		assert.Equal(t, want, spie.TimeZone(where).String(), where)
	}
}

// lastSundayAt1UTC is 01:00 UTC on the last Sunday of month m of year y,
// when summer time starts (March) or ends (October) in the European Union
// (directive 2000/84/CE, articles 2 and 3).
func lastSundayAt1UTC(y int, m time.Month) time.Time {
	d := time.Date(y, m, 31, 1, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// TestDateInAgreesWithTheRules checks DateIn every 30 minutes from 2020 to
// 2030 against an independent statement of the offsets: mainland France UTC+1,
// UTC+2 between the two EU changes; the DROM at fixed offsets (no daylight
// saving there in that period).
func TestDateInAgreesWithTheRules(t *testing.T) {
	fixed := map[string]time.Duration{"97120": -4 * time.Hour, "97209": -4 * time.Hour, "97302": -3 * time.Hour, "97411": 4 * time.Hour, "97611": 3 * time.Hour}
	for y := 2020; y <= 2030; y++ {
		summer, winter := lastSundayAt1UTC(y, time.March), lastSundayAt1UTC(y, time.October)
		for at := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() == y; at = at.Add(30 * time.Minute) {
			offset := time.Hour
			if !at.Before(summer) && at.Before(winter) {
				offset = 2 * time.Hour
			}
			if want := spie.Date(at.Add(offset).Format(spie.DateLayout)); spie.DateIn(at, "02408") != want {
				t.Fatalf("%s à Laon : %s, attendu %s", at, spie.DateIn(at, "02408"), want)
			}
			for where, off := range fixed {
				if want := spie.Date(at.Add(off).Format(spie.DateLayout)); spie.DateIn(at, where) != want {
					t.Fatalf("%s en %s : %s, attendu %s", at, where, spie.DateIn(at, where), want)
				}
			}
		}
	}
}
