package territory_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// haversineKm is an independent great-circle distance (mean Earth radius
// 6,371 km), for the tests only.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	dl, dg := (lat2-lat1)*r, (lon2-lon1)*r
	a := math.Sin(dl/2)*math.Sin(dl/2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Sin(dg/2)*math.Sin(dg/2)
	return 2 * 6371 * math.Asin(math.Sqrt(a))
}

// Positions against published coordinates of the town halls' settlements
// (IGN / Wikipedia infoboxes): Laon 49°33′51″N 3°37′26″E, Soissons
// 49°22′54″N 3°19′25″E, Villers-Cotterêts 49°15′11″N 3°05′26″E, Saint-Denis
// de La Réunion 20°52′44″S 55°26′53″E, Paris 48°51′24″N 2°21′08″E. Within
// 3 km: GeoNames places the settlement, not the town hall.
func TestPositionExact(t *testing.T) {
	tests := []struct {
		code     spie.CommuneCode
		lat, lon float64
	}{
		{"02408", 49 + 33.0/60 + 51.0/3600, 3 + 37.0/60 + 26.0/3600},
		{"02722", 49 + 22.0/60 + 54.0/3600, 3 + 19.0/60 + 25.0/3600},
		{"02810", 49 + 15.0/60 + 11.0/3600, 3 + 5.0/60 + 26.0/3600},
		{"97411", -(20 + 52.0/60 + 44.0/3600), 55 + 26.0/60 + 53.0/3600},
		{"75056", 48 + 51.0/60 + 24.0/3600, 2 + 21.0/60 + 8.0/3600},
	}
	for _, tt := range tests {
		p, ok := territory.PositionOf(tt.code)
		require.True(t, ok, tt.code)
		assert.False(t, p.Approximate, tt.code)
		assert.Less(t, haversineKm(p.Lat, p.Lon, tt.lat, tt.lon), 3.0, tt.code)
	}
}

// Laon to Soissons is about 31 km as the crow flies (from the coordinates
// above: Δlat 0.179°, Δlon 0.300° × cos 49.5° = 0.195°, √(0.179² + 0.195²) ×
// 111.2 km ≈ 29.4 km); Laon to Villers-Cotterêts about 49 km.
func TestPositionDistances(t *testing.T) {
	laon, _ := territory.PositionOf("02408")
	soissons, _ := territory.PositionOf("02722")
	vc, _ := territory.PositionOf("02810")
	assert.InDelta(t, 29.4, haversineKm(laon.Lat, laon.Lon, soissons.Lat, soissons.Lon), 2.5)
	assert.InDelta(t, 49, haversineKm(laon.Lat, laon.Lon, vc.Lat, vc.Lon), 3)
}

// Every current commune of metropolitan France and of the five DROM has a
// position; those GeoNames lacks are flagged approximate and lie in their
// département (within 150 km of its known communes' centre is a loose but
// failing check: the Aisne spans 130 km). Abbécourt (02001) is not in
// cities500 (fewer than 500 inhabitants): approximate, within 25 km of Laon.
func TestPositionEveryCommune(t *testing.T) {
	tb := territory.Default()
	deps := []string{"01", "02", "13", "2A", "2B", "59", "75", "971", "972", "973", "974", "976"}
	exact, approx := 0, 0
	for _, d := range deps {
		for _, c := range tb.CommunesOf(d) {
			p, ok := tb.Position(spie.CommuneCode(c.Code))
			if !assert.True(t, ok, c.Code) {
				continue
			}
			if p.Approximate {
				approx++
			} else {
				exact++
			}
		}
	}
	assert.Positive(t, exact)
	assert.Positive(t, approx)
	p, ok := tb.Position("02001")
	require.True(t, ok)
	assert.True(t, p.Approximate)
	laon, _ := tb.Position("02408")
	assert.Less(t, haversineKm(p.Lat, p.Lon, laon.Lat, laon.Lon), 25.0)
	// A commune déléguée takes its commune's position, approximate:
	// Artonges (02026) belongs to Dhuys et Morin-en-Brie (02458).
	d, ok := tb.Position("02026")
	require.True(t, ok)
	assert.True(t, d.Approximate)
	parent, _ := tb.Position("02458")
	assert.Equal(t, parent.Lat, d.Lat)
	// A retired code takes its successor's: Courcouronnes → Évry-Courcouronnes.
	r, ok := tb.Position("91182")
	require.True(t, ok)
	assert.True(t, r.Approximate)
	_, ok = tb.Position("02999")
	assert.False(t, ok)
}

func ExamplePositionOf() {
	p, ok := territory.PositionOf("02408")
	fmt.Printf("Laon %.2f %.2f approchée=%v %v\n", p.Lat, p.Lon, p.Approximate, ok)
	// Output: Laon 49.56 3.63 approchée=false true
}
