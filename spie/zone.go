package spie

import (
	"errors"
	"slices"
	"sync"
	"time"
)

//go:generate go run ../internal/gen/zones -out zones_gen.go

// MainlandTimeZone is the time zone of mainland France and Corsica, and the
// one used when a territory is unknown or absent.
const MainlandTimeZone = "Europe/Paris"

// territoryZones maps the overseas territories to their zones of the IANA time
// zone database (tz, zone.tab: one zone per ISO 3166 country code GP, MQ, GF,
// RE, YT, PM, BL, MF). The keys are the first three characters of the INSEE
// commune code (Code officiel géographique): the département for the DROM,
// the collectivity otherwise. The collectivities 984–989 (TAAF, Wallis-et-
// Futuna, Polynésie française, Nouvelle-Calédonie, Clipperton) are left out:
// the code du travail and the SPIE do not apply there, and Polynésie alone
// spans three zones. Offsets and daylight-saving rules come from the IANA
// database as the Go release ships it (zones_gen.go, written by
// internal/gen/zones: these zones alone, not time/tzdata's whole database,
// so that the territories' time zones do not depend on the host's copy and a
// WebAssembly module does not carry 400 KB for nine zones), never from this
// file.
var territoryZones = map[string]string{
	"971": "America/Guadeloupe",    // Guadeloupe (and Saint-Martin's code 97127 before 2007)
	"972": "America/Martinique",    // Martinique
	"973": "America/Cayenne",       // Guyane
	"974": "Indian/Reunion",        // La Réunion
	"975": "America/Miquelon",      // Saint-Pierre-et-Miquelon
	"976": "Indian/Mayotte",        // Mayotte
	"977": "America/St_Barthelemy", // Saint-Barthélemy
	"978": "America/Marigot",       // Saint-Martin
}

// TimeZoneNames returns the names of the IANA zones TimeZone returns:
// MainlandTimeZone and the zone of each overseas territory, sorted.
func TimeZoneNames() []string {
	names := []string{MainlandTimeZone}
	for _, n := range territoryZones {
		names = append(names, n)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// loadZone returns the location name from its TZif data in zoneInfo.
func loadZone(name string) (*time.Location, error) {
	i, ok := slices.BinarySearchFunc(zoneInfo[:], name, func(z struct{ name, tzif string }, n string) int {
		switch {
		case z.name < n:
			return -1
		case z.name > n:
			return 1
		}
		return 0
	})
	if !ok {
		return nil, errNoZone
	}
	return time.LoadLocationFromTZData(name, []byte(zoneInfo[i].tzif))
}

var errNoZone = errors.New("fuseau horaire absent de zones_gen.go")

// zones holds the loaded locations: mainland under "", overseas under their
// key. A zone the embedded data would not know (never, as a test proves)
// would leave its territory on mainland time rather than fail.
var zones = sync.OnceValue(func() map[string]*time.Location {
	m := map[string]*time.Location{"": time.UTC}
	if l, err := loadZone(MainlandTimeZone); err == nil {
		m[""] = l
	}
	for k, name := range territoryZones {
		if l, err := loadZone(name); err == nil {
			m[k] = l
		} else {
			m[k] = m[""]
		}
	}
	return m
})

// TimeZone returns the time zone of a territory given by an INSEE commune
// code (02408, 2A004, 97411) or a département or collectivity code (02, 2A,
// 974): Europe/Paris for mainland France and Corsica, the zone of the
// territory for 971–978 (see territoryZones), Europe/Paris too for an empty,
// unknown or out-of-scope code.
func TimeZone(where string) *time.Location {
	z := zones()
	if len(where) >= 3 && where[:2] == "97" {
		if l, ok := z[where[:3]]; ok {
			return l
		}
	}
	return z[""]
}

// DateIn returns the calendar date of the instant t in the territory where
// (an INSEE commune code or a département code, as TimeZone reads it): the
// date a person living there reads on their calendar. It is the one place
// where an instant becomes an administrative date (rights, consent,
// membership, deadlines, imports, the journal); the location carried by t is
// ignored. At 23:30 UTC on 31 May 2026 it is 1 June in Paris (UTC+2), still
// 31 May in Guadeloupe (UTC−4).
func DateIn(t time.Time, where string) Date {
	return DateOf(t.In(TimeZone(where)))
}
