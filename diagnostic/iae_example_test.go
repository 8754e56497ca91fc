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
	e := diagnostic.AssessIAE(d, diagnostic.IAEStructureACI, diagnostic.IAEAuthorEmployer, "2026-04-01")
	fmt.Println(e.Eligible, e.Rule, e.Level2, e.Level2Required, e.ExpiresOn)
	fmt.Println(e.Sentence)
	// Output:
	// [jeune deld qpv]
	// true niveau-2 [jeune deld qpv] 3 2026-06-12
	// Éligible à l'IAE (Atelier et chantier d'insertion) : 3 critères de niveau 2 (au moins 3 exigés) ; valable jusqu'au 2026-06-11 inclus.
}

func ExampleAssessIAEAll() {
	d := &diagnostic.Diagnostic{
		Date:     "2026-03-12",
		Person:   diagnostic.Person{BirthDate: "1970-01-01"},
		Criteria: diagnostic.PublicCriteria{ParentIsole: true},
	}
	for _, e := range diagnostic.AssessIAEAll(d, diagnostic.IAEAuthorEmployer, "2026-03-20") {
		fmt.Println(e.Structure, e.Eligible, e.Rule)
	}
	// Output:
	// ACI false criteres-insuffisants
	// EI false criteres-insuffisants
	// EITI false criteres-insuffisants
	// AI true niveau-2
	// ETTI true niveau-2
}

func ExampleAssessIAECriteria() {
	e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{
		Criteria:  []diagnostic.IAECriterion{"jeune", "qpv", "senior"},
		Structure: diagnostic.IAEStructureAI,
		Author:    diagnostic.IAEAuthorEmployer,
		Date:      "2026-01-10",
		On:        "2026-01-12",
	})
	fmt.Println(e.Eligible, e.Rule)
	for _, f := range e.Faults {
		fmt.Println(f.Code, f.Path, f.Message)
	}
	// Output:
	// false selection-refusee
	// IAE-CRITERE-11 /criteres/2 les critères "senior" et "jeune" ne peuvent être sélectionnés ensemble : sélection refusée
}

func ExampleAssessIAECriteria_prescriber() {
	e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{
		Structure: diagnostic.IAEStructureEI,
		Author:    diagnostic.IAEAuthorPrescriber,
		Date:      "2026-01-10",
		On:        "2026-07-10",
	})
	fmt.Println(e.Eligible, e.Rule, e.ExpiresOn)
	fmt.Println(e.Sentence)
	// Output:
	// false diagnostic-expire 2026-07-10
	// Non éligible à l'IAE (Entreprise d'insertion) au 2026-07-10 : le diagnostic du 2026-01-10 (prescripteur habilité, valable 6 mois) est expiré depuis le 2026-07-10.
}

func ExampleIAEEligibility_ValidAt() {
	e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{Criteria: []diagnostic.IAECriterion{"rsa"},
		Structure: diagnostic.IAEStructureEI, Author: diagnostic.IAEAuthorEmployer, Date: "2026-01-10", On: "2026-01-10"})
	fmt.Println(e.ExpiresOn, e.ValidAt("2026-04-11"), e.ValidAt("2026-04-12"))
	// Output: 2026-04-12 true false
}

func ExampleIAEValidity_ExpiresOn() {
	v := diagnostic.DefaultIAEValidity
	fmt.Println(v.ExpiresOn("2026-08-31", diagnostic.IAEAuthorPrescriber), v.ExpiresOn("2026-08-31", diagnostic.IAEAuthorEmployer))
	// Output: 2027-02-28 2026-12-01
}

func ExampleIAEAuthor_CriteriaRequired() {
	fmt.Println(diagnostic.IAEAuthorPrescriber.CriteriaRequired(), diagnostic.IAEAuthorEmployer.CriteriaRequired())
	// Output: false true
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
