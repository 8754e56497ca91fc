package spie_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// TestTimeZonesAgreeWithTheDatabase compares each zone spie.TimeZone returns
// (loaded from zones_gen.go, written by internal/gen/zones from the Go
// release's copy of the IANA database) with the same zone read by the time
// package from the host's own copy (Debian's tzdata, /usr/share/zoneinfo),
// an independent publication of the IANA database: the offset from UTC must
// be the same every hour from 1990 to 2037. It skips a zone the host lacks.
func TestTimeZonesAgreeWithTheDatabase(t *testing.T) {
	names := spie.TimeZoneNames()
	require.Contains(t, names, spie.MainlandTimeZone)
	require.Len(t, names, 9, "la métropole et les 8 territoires d'outre-mer de spie.TimeZone")
	got := map[string]*time.Location{}
	for _, where := range []string{"", "971", "972", "973", "974", "975", "976", "977", "978"} {
		l := spie.TimeZone(where)
		got[l.String()] = l
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			mine, ok := got[name]
			require.True(t, ok, "spie.TimeZone ne rend jamais %s", name)
			host, err := time.LoadLocation(name)
			if err != nil {
				t.Skipf("base des fuseaux de l'hôte sans %s : %v", name, err)
			}
			end := time.Date(2037, 12, 31, 0, 0, 0, 0, time.UTC)
			for at := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); at.Before(end); at = at.Add(time.Hour) {
				_, want := at.In(host).Zone()
				_, off := at.In(mine).Zone()
				if !assert.Equal(t, want, off, "%s à %s", name, at) {
					return
				}
			}
		})
	}
}
