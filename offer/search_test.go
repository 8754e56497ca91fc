package offer_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

func testCatalogue(t testing.TB, n int) *offer.Catalogue {
	t.Helper()
	towns := append(append([]offertest.Town{}, offertest.AisneTowns...), offertest.FranceTowns(3, 40)...)
	sts, svs := offertest.NewGenerator(11, now, towns).Catalogue("dora", n)
	c, faults := offer.NewCatalogue(svs, sts)
	require.Empty(t, faults)
	return c
}

func randomQuery(r *rand.Rand, c *offer.Catalogue) offer.Query {
	q := offer.Query{Now: now}
	pick := func(keys []string, max int) []string {
		var out []string
		for range r.IntN(max + 1) {
			out = append(out, keys[r.IntN(len(keys))])
		}
		return out
	}
	if r.IntN(3) > 0 {
		q.Thematiques = pick(append(offer.Thematiques.Keys(), offer.Categories.Keys()...), 2)
	}
	for _, p := range pick(offer.Publics.Keys(), 2) {
		q.Publics = append(q.Publics, offer.Public(p))
	}
	if r.IntN(4) == 0 {
		q.Frais = []offer.Frais{offer.Frais(offer.FraisList.Keys()[r.IntN(2)])}
	}
	if r.IntN(4) == 0 {
		q.Types = []offer.TypeService{offer.TypeService(offer.TypesService.Keys()[r.IntN(6)])}
	}
	if r.IntN(4) == 0 {
		q.ModesAccueil = []offer.ModeAccueil{offer.ModeAccueil(offer.ModesAccueil.Keys()[r.IntN(2)])}
	}
	if r.IntN(4) == 0 {
		q.MobilisablePar = []offer.PersonneMobilisatrice{offer.PersonneMobilisatrice(offer.PersonnesMobilisatrices.Keys()[r.IntN(2)])}
	}
	svs := c.Services()
	if r.IntN(2) == 0 {
		if s := svs[r.IntN(len(svs))]; s.CodeInsee != nil {
			q.Commune = *s.CodeInsee
		}
		if r.IntN(5) == 0 {
			q.Commune = []string{"02001", "75101", "13201", "2A004", "99999"}[r.IntN(5)]
		}
	}
	if r.IntN(2) == 0 {
		s := svs[r.IntN(len(svs))]
		if p, ok := s.Point(); ok {
			p.Lat += r.Float64()*0.2 - 0.1
			q.Point = &p
			if r.IntN(3) > 0 {
				q.RadiusKm = float64(1 + r.IntN(60))
			}
		}
	}
	if r.IntN(4) == 0 {
		q.Limit = 1 + r.IntN(20)
	}
	return q
}

// TestSearchMatchesScan is the property test of the index: on random
// queries, the indexed search returns exactly what a scan returns.
func TestSearchMatchesScan(t *testing.T) {
	c := testCatalogue(t, 3000)
	r := rand.New(rand.NewPCG(7, 7))
	nonEmpty := 0
	for i := range 600 {
		q := randomQuery(r, c)
		got, err := c.Search(q)
		require.NoError(t, err)
		want, err := c.SearchScan(q)
		require.NoError(t, err)
		require.Equal(t, ids(want), ids(got), "requête %d : %+v", i, q)
		for j := range got {
			require.Equal(t, want[j].Score, got[j].Score)
			require.Equal(t, want[j].DistanceKm, got[j].DistanceKm)
			require.Equal(t, want[j].Reasons, got[j].Reasons)
		}
		if len(got) > 0 {
			nonEmpty++
		}
	}
	assert.Greater(t, nonEmpty, 200, "les requêtes aléatoires doivent trouver des services")
}

func ids(rs []offer.Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Service.ID
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func TestEligible(t *testing.T) {
	c, _ := offer.NewCatalogue(nil, nil)
	laon := "02408"
	tests := []struct {
		name    string
		zone    []offer.ZoneCode
		insee   *string
		commune string
		want    bool
	}{
		{"commune", []offer.ZoneCode{"02408"}, nil, laon, true},
		{"autre commune", []offer.ZoneCode{"02691"}, nil, laon, false},
		{"département", []offer.ZoneCode{"02"}, nil, laon, true},
		{"autre département", []offer.ZoneCode{"60"}, nil, laon, false},
		{"EPCI", []offer.ZoneCode{"200043495"}, nil, laon, true},
		{"France", []offer.ZoneCode{"france"}, nil, laon, true},
		{"99100", []offer.ZoneCode{"99100"}, nil, laon, true},
		{"pays étranger", []offer.ZoneCode{"99134"}, nil, laon, false},
		{"arrondissement de Marseille par la commune", []offer.ZoneCode{"13055"}, nil, "13201", true},
		{"sans zone, même département", nil, ptr("02691"), laon, true},
		{"sans zone, autre département", nil, ptr("60057"), laon, false},
		{"sans zone ni commune", nil, nil, laon, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &offer.Service{ZoneEligibilite: tt.zone, CodeInsee: tt.insee}
			_, ok := c.Eligible(s, tt.commune)
			assert.Equal(t, tt.want, ok)
		})
	}
}

func TestSearchRanksAndExplains(t *testing.T) {
	mk := func(id, th string, lat, lon float64, date string) *offer.Service {
		return &offer.Service{Source: "t", StructureID: "t--s", ID: id, Nom: "Service " + id, Description: "Description.",
			DateMaj: offer.Date(date), Thematiques: []offer.Thematique{offer.Thematique(th)},
			ZoneEligibilite: []offer.ZoneCode{"02"}, Latitude: &lat, Longitude: &lon}
	}
	c, _ := offer.NewCatalogue([]*offer.Service{
		mk("proche", "mobilite--preparer-un-permis", 49.56, 3.62, "2026-01-01"),
		mk("loin", "mobilite--preparer-un-permis", 49.85, 3.29, "2026-01-01"),
		mk("categorie", "mobilite--financer-ma-mobilite", 49.56, 3.62, "2026-01-01"),
		mk("autre", "numerique--acquerir-un-equipement", 49.56, 3.62, "2026-01-01"),
	}, nil)
	rs, err := c.Search(offer.Query{Thematiques: []string{"mobilite--preparer-un-permis", "mobilite"}, Commune: "02408",
		Point: &offer.Point{Lat: 49.5641, Lon: 3.6199}, RadiusKm: 50, Now: now})
	require.NoError(t, err)
	assert.Equal(t, []string{"proche", "categorie", "loin"}, ids(rs))
	require.NotNil(t, rs[0].DistanceKm)
	assert.Less(t, *rs[0].DistanceKm, 1.0)
	var crit []string
	for _, r := range rs[0].Reasons {
		crit = append(crit, r.Criterion)
	}
	assert.Equal(t, []string{"thematique", "zone", "distance"}, crit)

	_, err = c.Search(offer.Query{Thematiques: []string{"inconnue"}})
	assert.ErrorIs(t, err, offer.ErrQuery)
	_, err = c.Search(offer.Query{RadiusKm: 5})
	assert.ErrorIs(t, err, offer.ErrQuery)
}

// TestQueryCheckRadius: a radius that is not a number (NaN, which the
// command line's float parser accepts) is said invalid, not negative.
func TestQueryCheckRadius(t *testing.T) {
	tests := []struct {
		radius        float64
		want, notWant string
	}{
		{math.NaN(), "rayon invalide", "rayon négatif"},
		{-1, "rayon négatif", "rayon invalide"},
	}
	for _, tc := range tests {
		err := (&offer.Query{Commune: "02408", RadiusKm: tc.radius}).Check()
		require.ErrorIs(t, err, offer.ErrQuery)
		assert.Contains(t, err.Error(), tc.want)
		assert.NotContains(t, err.Error(), tc.notWant)
	}
}

func TestDistanceKm(t *testing.T) {
	paris := offer.Point{Lat: 48.8566, Lon: 2.3522}
	laon := offer.Point{Lat: 49.5641, Lon: 3.6199}
	assert.InDelta(t, 120.0, offer.DistanceKm(paris, laon), 3)
	assert.InDelta(t, 0, offer.DistanceKm(laon, laon), 1e-9)
	antipode := offer.Point{Lat: -48.8566, Lon: -177.6478}
	assert.InDelta(t, 20015, offer.DistanceKm(paris, antipode), 5)
}

// The score: 2.9913 from the thématique, the zone and the freshness, plus
// data·inclusion's score_qualite of 0.29 (2 of its 7 applicable criteria:
// a thématique, a date_maj of 42 days).
func ExampleCatalogue_Search() {
	lat, lon := 49.5641, 3.6199
	permis := &offer.Service{Source: "dora", StructureID: "dora--1", ID: "dora--permis", Nom: "Permis solidaire",
		Description: "Préparer le permis B à tarif réduit.", DateMaj: "2026-02-01",
		Thematiques:     []offer.Thematique{"mobilite--preparer-un-permis"},
		ZoneEligibilite: []offer.ZoneCode{"02"}, Latitude: &lat, Longitude: &lon}
	c, _ := offer.NewCatalogue([]*offer.Service{permis}, nil)
	rs, _ := c.Search(offer.Query{Thematiques: []string{"mobilite"}, Commune: "02408", Now: now})
	for _, r := range rs {
		fmt.Println(r.Service.ID, r.Score)
		for _, why := range r.Reasons {
			fmt.Println(" -", why.Message)
		}
	}
	// Around Laon's centre (GeoNames 49.5631 N, 3.6271 E) the service is
	// 0.53 km away (by hand: Δlat 0.0010° = 0.11 km, Δlon 0.0072° × cos 49.56°
	// × 111.2 km = 0.52 km), so the score gains 2 / (1 + 0.53 / 5) = 1.8083.
	// Output:
	// dora--permis 5.0896
	//  - catégorie « Mobilité » (Préparer un permis)
	//  - zone : département 02
	//  - à 0,5 km (centre de commune)
}

// A search around a commune: the centre of the commune is the point, the
// radius applies, the reason says where the distance is measured from.
// Laon (02408) to Soissons (02722) is about 30 km (GeoNames centres:
// 49.5631 N 3.6271 E and 49.3817 N 3.3232 E; by hand Δlat 0.1814° = 20.2 km,
// Δlon 0.3039° × cos 49.47° × 111.2 km = 21.9 km, √(20.2² + 21.9²) ≈ 29.8 km).
func TestSearchAroundCommune(t *testing.T) {
	mk := func(id string, lat, lon float64) *offer.Service {
		return &offer.Service{Source: "t", StructureID: "t--s", ID: id, Nom: "Service " + id, Description: "Description.",
			DateMaj: "2026-01-01", Thematiques: []offer.Thematique{"mobilite--preparer-un-permis"},
			ZoneEligibilite: []offer.ZoneCode{"02"}, Latitude: &lat, Longitude: &lon}
	}
	// Soissons is listed first: only the distance puts Laon's service ahead.
	c, _ := offer.NewCatalogue([]*offer.Service{mk("a-soissons", 49.3817, 3.3232), mk("b-laon", 49.5631, 3.6271)}, nil)
	rs, err := c.Search(offer.Query{Thematiques: []string{"mobilite"}, Commune: "02408", Now: now})
	require.NoError(t, err)
	require.Equal(t, []string{"b-laon", "a-soissons"}, ids(rs))
	require.NotNil(t, rs[1].DistanceKm)
	assert.InDelta(t, 29.8, *rs[1].DistanceKm, 0.5)
	assert.Equal(t, "à 0,0 km (centre de commune)", rs[0].Reasons[len(rs[0].Reasons)-1].Message)

	// A 15 km radius around Laon keeps Laon's service only.
	rs, err = c.Search(offer.Query{Thematiques: []string{"mobilite"}, Commune: "02408", RadiusKm: 15, Now: now})
	require.NoError(t, err)
	assert.Equal(t, []string{"b-laon"}, ids(rs))
	assert.Equal(t, "à 0,0 km (centre de commune, rayon 15 km)", rs[0].Reasons[len(rs[0].Reasons)-1].Message)

	// Abbécourt (02001) is not in GeoNames: its position is approximate.
	rs, err = c.Search(offer.Query{Thematiques: []string{"mobilite"}, Commune: "02001", Now: now})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Contains(t, rs[0].Reasons[len(rs[0].Reasons)-1].Message, "(distance approchée)")

	// A radius around a commune without position is refused, in French.
	_, err = c.Search(offer.Query{Commune: "02999", RadiusKm: 10, Now: now})
	require.ErrorIs(t, err, offer.ErrQuery)
	assert.Contains(t, err.Error(), "sans position connue")
}

// Searches run concurrently on one catalogue give the sequential results.
func TestSearchConcurrent(t *testing.T) {
	c := testCatalogue(t, 1500)
	r := rand.New(rand.NewPCG(9, 9))
	qs := make([]offer.Query, 40)
	want := make([][]string, len(qs))
	for i := range qs {
		qs[i] = randomQuery(r, c)
		rs, err := c.Search(qs[i])
		require.NoError(t, err)
		want[i] = ids(rs)
	}
	errs := make(chan error, len(qs))
	for i := range qs {
		go func() {
			rs, err := c.Search(qs[i])
			if err == nil && !assert.ObjectsAreEqual(want[i], ids(rs)) {
				err = fmt.Errorf("requête %d : résultats différents en parallèle", i)
			}
			errs <- err
		}()
	}
	for range qs {
		assert.NoError(t, <-errs)
	}
}
