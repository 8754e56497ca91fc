package offer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

func matchDiagnostic() *diagnostic.Diagnostic {
	return &diagnostic.Diagnostic{
		Date:   "2026-03-01",
		Person: diagnostic.Person{ID: "p-1", BirthDate: "2003-05-01", Commune: "02408"},
		Freins: diagnostic.Freins{
			"logement": {Impact: diagnostic.ImpactMoyen},
			"mobilite": {Impact: diagnostic.ImpactFort},
			"sante":    {Impact: diagnostic.ImpactSansImpact},
		},
		Professional: diagnostic.Professional{Besoins: diagnostic.Besoins{
			diagnostic.Besoin(diagnostic.BesoinDefinitions.Keys()[0]): diagnostic.BesoinBesoin,
			diagnostic.Besoin(diagnostic.BesoinDefinitions.Keys()[1]): diagnostic.BesoinPointFort,
		}},
	}
}

func TestNeeds(t *testing.T) {
	needs := offer.Needs(matchDiagnostic())
	require.Len(t, needs, 3)
	assert.Equal(t, []string{"mobilite", "logement", diagnostic.BesoinDefinitions.Keys()[0]},
		[]string{needs[0].Key, needs[1].Key, needs[2].Key})
	assert.Equal(t, "fort", needs[0].Impact)
	assert.Equal(t, []string{"mobilite"}, needs[0].Thematiques)
	assert.Equal(t, "besoin", needs[2].Kind)
	assert.NotEmpty(t, needs[2].Thematiques)
}

// Every data·inclusion code the SPIE thématiques and the besoins map to is
// known, so that Match never searches an unknown thématique.
func TestNeedMappingsAreKnown(t *testing.T) {
	for _, k := range diagnostic.BesoinDefinitions.Keys() {
		for _, th := range diagnostic.Besoin(k).DataInclusionThematiques() {
			assert.True(t, offer.Thematiques.Has(th) || offer.Categories.Has(th), "%s → %s", k, th)
		}
	}
}

func TestMatch(t *testing.T) {
	sts, svs := offertest.NewGenerator(21, now, offertest.AisneTowns).Catalogue("dora", 600)
	c, _ := offer.NewCatalogue(svs, sts)
	ms, err := offer.Match(matchDiagnostic(), c, "02408")
	require.NoError(t, err)
	require.Len(t, ms, 3)
	for _, m := range ms {
		assert.NotEmpty(t, m.Services, m.Need.Key)
		assert.LessOrEqual(t, len(m.Services), 10)
		for _, r := range m.Services {
			_, ok := c.Eligible(r.Service, "02408")
			assert.True(t, ok, r.Service.ID)
		}
		for _, r := range m.AutoPrescription {
			assert.Contains(t, r.Service.MobilisablePar, offer.MobilisableParUsagers)
		}
	}
	for _, r := range ms[0].Services {
		found := false
		for _, th := range r.Service.Thematiques {
			found = found || th.Categorie() == "mobilite"
		}
		assert.True(t, found, r.Service.ID)
	}
}

func ExampleMatch() {
	sts, svs := offertest.NewGenerator(21, now, offertest.AisneTowns).Catalogue("dora", 600)
	c, _ := offer.NewCatalogue(svs, sts)
	d := &diagnostic.Diagnostic{Date: "2026-03-01", Freins: diagnostic.Freins{"mobilite": {Impact: diagnostic.ImpactFort}}}
	ms, _ := offer.MatchWith(d, c, "02408", offer.MatchOptions{Limit: 2})
	for _, m := range ms {
		fmt.Println(m.Need.Label, m.Need.Impact, len(m.Services))
	}
	// Output: Mobilité fort 2
}

func ExampleNeeds() {
	d := &diagnostic.Diagnostic{Freins: diagnostic.Freins{
		"garde-enfant": {Impact: diagnostic.ImpactMoyen},
		"logement":     {Impact: diagnostic.ImpactFort},
	}}
	for _, n := range offer.Needs(d) {
		fmt.Println(n.Key, n.Impact, n.Thematiques)
	}
	// Output:
	// logement fort [logement-hebergement]
	// garde-enfant moyen [famille--garde-denfants famille]
}

// Issue 12's acceptance: a young person in Laon (02408) with a 15 km
// mobility radius gets Laon's mobility platform (exemple-02--svc00005-00)
// and no service of Soissons or Villers-Cotterêts (30 and 50 km away,
// GeoNames centres); without a radius, Laon's platform still comes first.
func TestMatchMobilityRadius(t *testing.T) {
	c := exampleCatalogue(t)
	km := 15
	d := &diagnostic.Diagnostic{Date: "2026-03-01", Person: diagnostic.Person{ID: "p-1", BirthDate: "2006-05-01", Commune: "02408"},
		Freins:       diagnostic.Freins{"mobilite": {Impact: diagnostic.ImpactFort}},
		Professional: diagnostic.Professional{MobilityRadiusKm: &km}}
	ms, err := offer.MatchWith(d, c, "02408", offer.MatchOptions{Limit: 50, IgnorePublics: true})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	ids := map[string]bool{}
	for _, r := range ms[0].Services {
		ids[r.Service.ID] = true
		require.NotNil(t, r.DistanceKm)
		assert.LessOrEqual(t, *r.DistanceKm, 15.0)
		assert.NotContains(t, []string{"Soissons", "Villers-Cotterêts"}, deref(r.Service.Commune))
		assert.Contains(t, r.Reasons[len(r.Reasons)-1].Message, "(centre de commune, rayon 15 km)")
	}
	assert.True(t, ids["exemple-02--svc00005-00"])
	for _, r := range ms[0].AutoPrescription {
		assert.LessOrEqual(t, *r.DistanceKm, 15.0)
	}

	d.Professional.MobilityRadiusKm = nil
	ms, err = offer.MatchWith(d, c, "02408", offer.MatchOptions{Limit: 50, IgnorePublics: true})
	require.NoError(t, err)
	first := map[string]int{}
	for i, r := range ms[0].Services {
		if _, ok := first[deref(r.Service.Commune)]; !ok {
			first[deref(r.Service.Commune)] = i
		}
	}
	assert.Equal(t, 0, first["Laon"])
	assert.Greater(t, first["Soissons"], 0)
	assert.Greater(t, first["Villers-Cotterêts"], 0)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// exampleCatalogue is the Aisne example catalogue (examples/offer).
func exampleCatalogue(t *testing.T) *offer.Catalogue {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(t, err)
	defer f.Close()
	svs, _ := offer.LoadServices(f, now, nil)
	require.NotEmpty(t, svs)
	c, _ := offer.NewCatalogue(svs, nil)
	return c
}
