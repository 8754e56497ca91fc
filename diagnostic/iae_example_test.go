package diagnostic_test

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
)

func ExampleAssessIAE() {
	months := 14
	d := &diagnostic.Diagnostic{
		Date:     "2026-03-12",
		Person:   diagnostic.Person{BirthDate: "2005-09-21"},
		Criteria: diagnostic.PublicCriteria{QPV: true, MonthsRegistered: &months},
	}
	fmt.Println(diagnostic.IAECriteriaOf(d))
	e := diagnostic.AssessIAE(d, diagnostic.IAEStructureACI)
	fmt.Println(e.Eligible, e.Level2, e.Level2Required)
	fmt.Println(e.Sentence)
	fmt.Println(e.ValidUntilPrescriber, e.ValidUntilEmployer)
	// Output:
	// [jeune deld qpv]
	// true [jeune deld qpv] 3
	// Éligible à l'IAE (Atelier et chantier d'insertion) : 3 critères de niveau 2 (au moins 3 exigés).
	// 2026-09-12 2026-06-12
}

func ExampleAssessIAEAll() {
	d := &diagnostic.Diagnostic{
		Date:     "2026-03-12",
		Person:   diagnostic.Person{BirthDate: "1970-01-01"},
		Criteria: diagnostic.PublicCriteria{ParentIsole: true},
	}
	for _, e := range diagnostic.AssessIAEAll(d) {
		fmt.Println(e.Structure, e.Eligible)
	}
	// Output:
	// ACI false
	// EI false
	// EITI false
	// AI true
	// ETTI true
}

func ExampleAssessIAECriteria() {
	e := diagnostic.AssessIAECriteria([]diagnostic.IAECriterion{"senior", "jeune", "qpv"},
		diagnostic.IAEStructureAI, "2026-01-10", diagnostic.DefaultIAEValidity)
	fmt.Println(e.Eligible, e.Level2)
	for _, f := range e.Faults {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// true [senior qpv]
	// IAE-CRITERE-10 /criteres/1
}

func ExampleIAEEligibility_ValidAt() {
	e := diagnostic.AssessIAECriteria([]diagnostic.IAECriterion{"rsa"}, diagnostic.IAEStructureEI, "2026-01-10", diagnostic.DefaultIAEValidity)
	fmt.Println(e.ValidAt("2026-05-01", false), e.ValidAt("2026-05-01", true))
	// Output: true false
}

func ExampleIAEStructure_Level2Required() {
	fmt.Println(diagnostic.IAEStructureACI.Level2Required(), diagnostic.IAEStructureETTI.Level2Required())
	// Output: 3 2
}

func ExampleIAECriteriaOf() {
	months := 30
	d := &diagnostic.Diagnostic{
		Date:         "2026-03-12",
		Person:       diagnostic.Person{BirthDate: "1972-02-01"},
		Criteria:     diagnostic.PublicCriteria{RSA: true, MonthsRegistered: &months},
		Professional: diagnostic.Professional{EducationLevel: "CFG"},
	}
	for _, c := range diagnostic.IAECriteriaOf(d) {
		fmt.Println(c.Level(), c)
	}
	// Output:
	// 1 rsa
	// 1 detld
	// 2 cap-bep
	// 2 senior
}

func ExampleIAECriterion_Level() {
	fmt.Println(diagnostic.IAECriterion("ass").Level(), diagnostic.IAECriterion("qpv").Level(), diagnostic.IAECriterion("x").Level())
	// Output: 1 2 0
}
