package diagnostic_test

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func ExampleEvaluate() {
	var pairs []diagnostic.AgreementPair
	add := func(n int, auto, human diagnostic.Pathway, commune spie.CommuneCode, crit ...diagnostic.OrientationCriterion) {
		for range n {
			pairs = append(pairs, diagnostic.AgreementPair{Automated: auto, Human: human, Commune: commune, Criteria: crit})
		}
	}
	add(6, "emploi", "emploi", "77288")
	add(2, "global", "social", "77288", "se-projette", "impact-max")
	add(4, "social", "social", "77288")
	add(3, "global", "global", "02408") // 3 people in the Aisne: secret
	a, _ := diagnostic.Evaluate(pairs, 0)
	fmt.Println(a.N, a.Matrix, a.Rate != nil, a.Kappa != nil)
	for _, g := range a.ByTerritory {
		fmt.Println(g.Key, g.Suppressed)
	}
	for _, c := range a.Disagreements {
		fmt.Println(c.Code, c.Count)
	}
	// 15 pairs in all: the Aisne's 3 are secret, and so is the 77 (15 − 12
	// would give the Aisne back); in the whole matrix the small cells (3, 2,
	// 4) are secret, with enough others that the eight secret cells, summing
	// to 15 − 6 = 9, each range over 0..9.
	// Output:
	// 15 [[6 secret secret] [secret secret secret] [secret secret secret]] false false
	// 02 true
	// 77 true
	// impact-max secret
	// se-projette secret
}

func ExampleMatrix_Stats() {
	s := diagnostic.Matrix{{20, 5, 0}, {3, 15, 2}, {0, 4, 11}}.Stats()
	fmt.Printf("%d %.4f %.4f\n", s.N, s.Rate, *s.Kappa)
	// Output: 60 0.7667 0.6426
}

func ExamplePairOf() {
	no := false
	d := &diagnostic.Diagnostic{
		ID: "diag-1", Date: "2026-05-18",
		Person:   diagnostic.Person{BirthDate: "1978-05-09", Commune: "77288"},
		Criteria: diagnostic.PublicCriteria{RSA: true},
		Professional: diagnostic.Professional{
			WorkSituation: "sans-activite", LastActivityDate: "2021-06-30", SeesJobShortTerm: &no,
		},
		Freins: diagnostic.Freins{"logement": {Impact: diagnostic.ImpactFort}},
	}
	p := diagnostic.PairOf(d, diagnostic.Orient(d, nil), diagnostic.PathwayGlobal)
	fmt.Println(p.Automated, p.Human, p.Commune, p.Publics, p.Criteria)
	// Output: social global 77288 [brsa] [activite-recente se-projette impact-max]
}

func ExamplePublicsOf() {
	d := &diagnostic.Diagnostic{Date: "2026-01-10", Person: diagnostic.Person{BirthDate: "2004-02-01"},
		Criteria: diagnostic.PublicCriteria{QPV: true, ASE: true}}
	fmt.Println(diagnostic.PublicsOf(d))
	// Output: [jeunes-moins-26 jeunes-18-30 residents-qpv jeunes-sortant-ase]
}
