package coverage_test

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/coverage"
)

func ExampleAnalyse() {
	cat, _ := offer.NewCatalogue([]*offer.Service{
		{ID: "permis-laon", StructureID: "s1", Nom: "Auto-école sociale", Thematiques: []offer.Thematique{"mobilite--preparer-un-permis"}, ZoneEligibilite: []offer.ZoneCode{"200043495"}},
	}, nil)
	var lines []string
	for i := range 6 {
		lines = append(lines, fmt.Sprintf(`{"id": "d%d", "date": "2026-03-01", "personne": {"id": "p%d", "code_commune": "02408"}, "freins": {"mobilite": {"impact": "fort"}, "garde-enfant": {"impact": "moyen"}}}`, i, i))
	}
	rep, _, _ := coverage.Analyse(strings.NewReader(strings.Join(lines, "\n")), cat, coverage.Options{Level: coverage.LevelEPCI})
	for _, c := range rep.Cells {
		fmt.Println(c.Rank, c.TerritoryName, c.Thematique, c.People, c.Services, c.Status)
	}
	// Output:
	// 1 CA du Pays de Laon garde-enfant 6 0 non-couvert
	// 2 CA du Pays de Laon mobilite 6 1 couvert
}

func ExampleNeedsOf() {
	d := &diagnostic.Diagnostic{Freins: diagnostic.Freins{"logement": {Impact: diagnostic.ImpactFort}, "sante": {Impact: diagnostic.ImpactSansImpact}},
		Professional: diagnostic.Professional{Besoins: diagnostic.Besoins{"realiser-cv-lettre-motivation": diagnostic.BesoinBesoin}}}
	for _, n := range coverage.NeedsOf(d) {
		fmt.Println(n.Thematique, n.Impact, n.Besoins)
	}
	// Output:
	// logement fort []
	// emploi-formation  [realiser-cv-lettre-motivation]
}

func ExampleThematiquesOfService() {
	s := &offer.Service{Thematiques: []offer.Thematique{"famille--garde-denfants", "mobilite--financer-ma-mobilite"}}
	fmt.Println(coverage.ThematiquesOfService(s))
	// Output: [mobilite garde-enfant]
}
