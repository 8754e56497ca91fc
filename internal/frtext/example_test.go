package frtext_test

import (
	"fmt"

	"github.com/spie-fr/socle/internal/frtext"
)

func ExampleProblems() {
	fmt.Println(frtext.Problems("valeur hors des bornes : ≤ 48 attendu, 70 reçu"))
	fmt.Println(frtext.Problems("valeur hors des bornes : must be <= 48 but found 70"))
	fmt.Println(frtext.Problems("diagnostic illisible : json: unknown field \"x\""))
	// Output:
	// []
	// [be found must]
	// [field json: unknown]
}

func ExampleFrench() {
	fmt.Println(frtext.French("Waiting for the carnet the portal sends."))
	fmt.Println(frtext.French("Carnet refusé par le portail"))
	fmt.Println(frtext.French("Referent: Sarah Lefèvre, France Travail", "Sarah Lefèvre"))
	// Output:
	// []
	// [le par portail refusé]
	// []
}
