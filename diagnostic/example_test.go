package diagnostic_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spie-fr/socle/diagnostic"
)

func ExampleDiagnostic_Check() {
	b, _ := os.ReadFile("../examples/diagnostic/jeune-laon.json")
	var d diagnostic.Diagnostic
	_ = json.Unmarshal(b, &d)
	d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactFort}
	for _, f := range d.Check(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(f.Code, f.Path)
	}
	// Output: DIAG-SANTE-02 /freins/sante/impact
}

func ExampleDiagnostic_Completeness() {
	b, _ := os.ReadFile("../examples/diagnostic/boeth-carcassonne.json")
	var d diagnostic.Diagnostic
	_ = json.Unmarshal(b, &d)
	c := d.Completeness()
	fmt.Println(c.NotDiscussed, len(c.BesoinsNotExplored))
	// Output: [creation-entreprise] 17
}

func ExampleDiagnostic_Redacted() {
	b, _ := os.ReadFile("../examples/diagnostic/rsa-logement-sante-marseille.json")
	var d diagnostic.Diagnostic
	_ = json.Unmarshal(b, &d)
	r := d.Redacted()
	fmt.Println(r.Freins["sante"].Impact, r.Freins["sante"].Details == "", len(r.SensitivePaths()))
	// Output: fort true 0
}

func ExampleEducationLevel_Qualified() {
	fmt.Println(diagnostic.EducationLevel("C12").Qualified(), diagnostic.EducationLevel("NV5").Qualified())
	// Output: false true
}

func ExampleWorkSituation_InActivity() {
	fmt.Println(diagnostic.WorkSituation("interim").InActivity(), diagnostic.WorkSituation("recherche-emploi").InActivity())
	// Output: true false
}

func ExampleImpact_Rank() {
	fmt.Println(diagnostic.ImpactNonAborde.Rank(), diagnostic.ImpactFort.Rank())
	// Output: 0 3
}

func ExamplePublicCriteria_Flag() {
	var c diagnostic.PublicCriteria
	*c.Flag("parent_isole") = true
	fmt.Println(c.ParentIsole, diagnostic.PublicCriteriaFlags.LabelOf("parent_isole"))
	// Output: true Parent isolé
}
