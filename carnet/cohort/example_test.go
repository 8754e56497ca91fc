package cohort_test

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func laon() *cohort.Definition {
	min, max := 18, 30
	return &cohort.Definition{Code: "laon-18-30", Name: "Jeunes de 18 à 30 ans du Pays de Laon",
		Territory: cohort.Territory{EPCI: []spie.EPCICode{"200043495"}},
		Age:       &cohort.AgeRange{Min: &min, Max: &max}}
}

func ExampleMatch() {
	d := &diagnostic.Diagnostic{ID: "diag-1", Date: "2026-03-12",
		Person:  diagnostic.Person{ID: "p-7f3a9c", BirthDate: "2005-09-21", Commune: "02408"},
		Consent: diagnostic.Consent{Sharing: true}}
	r := cohort.Match(laon(), d, "2026-03-12")
	fmt.Println(r.Member)
	for _, m := range r.Reasons {
		fmt.Println("-", m.Condition, m.Met, ":", m.Why)
	}
	// Output:
	// true
	// - consentement true : la personne consent au partage au sein du SPIE
	// - territoire true : Laon (02408), dans l'EPCI CA du Pays de Laon
	// - age true : 20 ans le 2026-03-12, dans la tranche de 18 à 30 ans
}

func ExampleDefinition_MatchSubject() {
	def := &cohort.Definition{Code: "chauny-monoparentales", Name: "Familles monoparentales",
		Territory:  cohort.Territory{EPCI: []spie.EPCICode{"200071785"}},
		Conditions: []cohort.Condition{{Criterion: "parent-isole"}}}
	s := cohort.Subject{PersonID: "p-1", Commune: "02738", Consent: true}
	r := def.MatchSubject(s, "2026-04-02")
	fmt.Println(r.Member, r.Reasons[2].Why)
	// Output: false Parent isolé (famille monoparentale) : non
}

func ExampleDefinition_Check() {
	def := laon()
	def.Territory.Communes = []spie.CommuneCode{"02999"}
	for _, f := range def.Check() {
		fmt.Println(f.Code, f.Path)
	}
	// Output: SPIE-COMMUNE-02 /territoire/communes/0
}

func ExampleTerritory_Contains() {
	t := cohort.Territory{EPCI: []spie.EPCICode{"200071785"}}
	fmt.Println(t.Contains("02304"))
	fmt.Println(t.Contains("02408"))
	// Output:
	// true La Fère (02304), dans l'EPCI CA Chauny Tergnier La Fère
	// false Laon (02408) : hors du territoire de la cohorte
}

func ExampleScan() {
	in := strings.Join([]string{
		`{"id": "d1", "date": "2026-01-10", "personne": {"id": "a", "code_commune": "02408", "date_naissance": "2001-05-01"}, "consentement": {"partage": true}}`,
		`{"id": "d2", "date": "2026-01-11", "personne": {"id": "b", "code_commune": "02408", "date_naissance": "1970-05-01"}, "consentement": {"partage": true}}`,
		`{"id": "d3", "date": "2026-08-01", "personne": {"id": "c", "code_commune": "02408", "date_naissance": "2001-05-01"}, "consentement": {"partage": true}}`,
	}, "\n")
	s, faults, err := cohort.Scan(laon(), strings.NewReader(in), "2026-06-30", func(r cohort.Result) error {
		fmt.Println(r.PersonID, r.Member)
		return nil
	})
	fmt.Println(s.Read, s.Members, s.NonMembers, s.Later, s.Excluded, len(faults), err)
	// Output:
	// a true
	// b false
	// 3 1 1 1 map[age:1] 0 <nil>
}

func ExampleMovements() {
	in := strings.Join([]string{
		`{"id": "d1", "date": "2026-01-10", "personne": {"id": "a", "code_commune": "02408", "date_naissance": "1995-09-01"}, "consentement": {"partage": true}}`,
		`{"id": "d2", "date": "2026-02-11", "personne": {"id": "b", "code_commune": "02408", "date_naissance": "2000-05-01"}, "consentement": {"partage": true}}`,
	}, "\n")
	// Person a turns 31 on 2026-09-01 and leaves; person b enters with a diagnostic in February.
	m, _, _ := cohort.Movements(laon(), strings.NewReader(in), "2026-01-31", "2026-09-30")
	fmt.Printf("%+v\n", m)
	// Output: {Cohort:laon-18-30 From:2026-01-31 To:2026-09-30 AtStart:1 AtEnd:1 Entered:1 Left:1 Stayed:0}
}

func ExampleDecode() {
	d, err := cohort.Decode([]byte(`{"code": "laon-18-30", "nom": "Jeunes", "territoire": {"communes": ["02408"]}, "age": {"min": 18, "max": 30}}`))
	fmt.Println(d.Code, *d.Age.Min, *d.Age.Max, err)
	// Output: laon-18-30 18 30 <nil>
}

func ExampleCondition_Want() {
	no := false
	fmt.Println(cohort.Condition{Criterion: "rsa"}.Want(), cohort.Condition{Criterion: "rsa", Value: &no}.Want())
	// Output: true false
}

func ExampleSubjectOf() {
	d := &diagnostic.Diagnostic{ID: "diag-1", Person: diagnostic.Person{ID: "p-1", Commune: "02722"},
		Criteria: diagnostic.PublicCriteria{SortantSansSolution: true}, Consent: diagnostic.Consent{Sharing: true}}
	s := cohort.SubjectOf(d)
	fmt.Println(s.PersonID, s.SourceID, s.Commune, s.Criteria.SortantSansSolution, s.Consent)
	// Output: p-1 diag-1 02722 true true
}
