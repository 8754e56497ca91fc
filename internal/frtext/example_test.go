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
