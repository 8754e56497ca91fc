package diagnostic_test

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
)

func ExampleSituationForDSP() {
	s, ok := diagnostic.SituationForDSP("24")
	fmt.Println(s, ok)
	fmt.Println(s.Label())
	fmt.Println(s.Thematique())
	_, ok = diagnostic.SituationForDSP("999")
	fmt.Println(ok)
	// Output:
	// sans-hebergement true
	// Sans hébergement / rupture effective de logement
	// logement
	// false
}

func ExampleSituation_DSPCode() {
	code, ok := diagnostic.Situation("contraintes-horaires").DSPCode()
	fmt.Println(code, ok)
	_, ok = diagnostic.Situation("proprietaire").DSPCode()
	fmt.Println(ok)
	// Output:
	// 10 true
	// false
}

func ExampleObjectif_Sensitive() {
	fmt.Println(diagnostic.Objectif("travailler-comportements-de-sante").Sensitive())
	// Output: true
}

func ExampleSituation_Sensitive() {
	fmt.Println(diagnostic.Situation("sante-absences-regulieres").Sensitive())
	fmt.Println(diagnostic.Situation("logement-insalubre").Sensitive())
	// Output:
	// true
	// false
}

func ExampleSituationForCarnet() {
	s, ok := diagnostic.SituationForCarnet("contraintes_familiales", "Contrainte horaires")
	fmt.Println(s, ok)
	// Output: contraintes-horaires true
}

func ExampleObjectifForDSP() {
	o, ok := diagnostic.ObjectifForDSP("28")
	fmt.Println(o, ok)
	fmt.Println(o.Label())
	fmt.Println(o.DataInclusionThematiques())
	// Output:
	// obtenir-le-permis-de-conduire true
	// Obtenir le permis de conduire (code / conduite)
	// [mobilite--preparer-un-permis]
}

func ExampleObjectifForCarnet() {
	o, ok := diagnostic.ObjectifForCarnet("se_former", "Trouver sa formation")
	fmt.Println(o, ok)
	b, _ := o.Besoin()
	code, _ := b.DSPCode()
	fmt.Println(b, code)
	// Output:
	// trouver-sa-formation true
	// trouver-sa-formation 5
}

func ExampleObjectif_DSPCode() {
	code, ok := diagnostic.Objectif("rompre-l-isolement").DSPCode()
	fmt.Println(code, ok)
	// Output: 6 true
}

func ExampleBesoinForDSP() {
	b, ok := diagnostic.BesoinForDSP("1")
	fmt.Println(b, ok)
	fmt.Println(b.Thematique())
	fmt.Println(b.DataInclusionThematiques())
	b, _ = diagnostic.BesoinForDSP("17")
	fmt.Println(b.Thematique())
	// Output:
	// identifier-points-forts-competences true
	// emploi-formation
	// [choisir-un-metier--identifier-ses-points-forts-et-ses-competences]
	// creation-entreprise
}

func ExampleBesoin_DSPCode() {
	code, ok := diagnostic.Besoin("convaincre-en-entretien").DSPCode()
	fmt.Println(code, ok)
	// Output: 15 true
}
