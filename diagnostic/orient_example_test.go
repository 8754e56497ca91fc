package diagnostic_test

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
)

func ExampleOrient() {
	no := false
	d := &diagnostic.Diagnostic{
		Date:     "2026-05-18",
		Person:   diagnostic.Person{BirthDate: "1978-05-09"},
		Criteria: diagnostic.PublicCriteria{RSA: true},
		Professional: diagnostic.Professional{
			WorkSituation:    "sans-activite",
			LastActivityDate: "2021-06-30",
			SeesJobShortTerm: &no,
		},
		Freins: diagnostic.Freins{"logement": {Impact: diagnostic.ImpactFort}},
	}
	dec := diagnostic.Orient(d, nil) // nil: the default rules
	fmt.Println(dec.Pathway, dec.Organisation, dec.Decider)
	for _, c := range dec.Criteria {
		fmt.Printf("%s=%s (%s)\n", c.Code, c.Value, c.Effect)
	}
	fmt.Println(dec.Criteria[0].Sentence)
	// Output:
	// social departement departement
	// activite-recente=non (retient)
	// se-projette=non (retient)
	// impact-max=fort (retient)
	// parcours=social (retient)
	// rsa=oui (retient)
	// La personne n'a pas eu d'activité professionnelle depuis 24 mois. Ce critère conduit à : parcours social (règle « Sans activité récente, sans projection dans l'emploi et avec au moins un frein à impact fort »).
}

func ExampleOrient_undetermined() {
	d := &diagnostic.Diagnostic{
		Date:   "2026-05-18",
		Person: diagnostic.Person{BirthDate: "1990-01-01"},
		Professional: diagnostic.Professional{
			WorkSituation:  "recherche-emploi",
			EducationLevel: "NV4",
		},
		Freins: diagnostic.Freins{"sante": {Impact: diagnostic.ImpactFort}},
	}
	dec := diagnostic.Orient(d, nil)
	fmt.Println(dec.Pathway, dec.Determined)
	for _, m := range dec.Missing {
		fmt.Println(m.Code, m.Paths)
	}
	// Output:
	// indetermine false
	// activite-recente [/situation_professionnelle/date_derniere_activite]
	// se-projette [/situation_professionnelle/se_projette_dans_emploi]
}

func ExampleLoadOrientationRules() {
	// A territory shortens the period of "recent activity" to 12 months.
	src := strings.Replace(string(diagnostic.DefaultOrientationRulesJSON()),
		`"activite_recente_mois": 24`, `"activite_recente_mois": 12`, 1)
	src = strings.Replace(src, `"id": "cne-2024"`, `"id": "territoire-12-mois"`, 1)
	rules, faults := diagnostic.LoadOrientationRules(strings.NewReader(src))
	fmt.Println(rules.ID, rules.RecentActivityMonths, len(faults))

	// Invalid rules are rejected whole, with faults.
	_, faults = diagnostic.LoadOrientationRules(strings.NewReader(`{"version": "1.0", "id": "x"}`))
	fmt.Println(faults.Codes())
	// Output:
	// territoire-12-mois 12 0
	// [ORIENT-DUREE-01 ORIENT-REGLES-01 ORIENT-THEMATIQUE-02]
}

func ExampleDefaultOrientationRules() {
	r := diagnostic.DefaultOrientationRules()
	fmt.Println(r.ID, r.RecentActivityMonths)
	for _, p := range r.Pathways {
		fmt.Println(p.ID, "→", p.Pathway)
	}
	// Output:
	// cne-2024 24
	// social-freins-forts → social
	// emploi-sans-frein → emploi
	// global-sinon → global
}

func ExampleOrientationRules_Check() {
	r := *diagnostic.DefaultOrientationRules()
	r.RecentActivityMonths = 0
	for _, f := range r.Check() {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// ORIENT-DUREE-01 /activite_recente_mois
}

func ExampleDefaultOrientationRulesJSON() {
	// The default rules file, a starting point for a territory's own file.
	b := diagnostic.DefaultOrientationRulesJSON()
	fmt.Println(strings.Contains(string(b), `"activite_recente_mois": 24`))
	// Output: true
}

func ExamplePathway_Label() {
	fmt.Println(diagnostic.PathwayGlobal.Label())
	fmt.Println(diagnostic.OrganisationCapEmploi.Label())
	fmt.Println(diagnostic.DeciderDepartement.Label())
	// Output:
	// Parcours socio-professionnel
	// Cap emploi
	// Président du conseil départemental
}
