package schemas_test

import (
	"fmt"
	"os"

	"github.com/spie-fr/socle/schemas"
)

func ExampleValidate() {
	data, _ := os.ReadFile("../examples/diagnostic/invalid/champ-inconnu-manquant-enum-borne.json")
	for _, f := range schemas.Validate("diagnostic", data, schemas.WithNow(now)) {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// SCHEMA-ENUM-01 /freins/logement/impact
	// SCHEMA-ADDITIONAL-01 /personne/extra
	// SCHEMA-REQUIRED-01 /personne/id
	// SCHEMA-RANGE-01 /situation_professionnelle/heures_hebdomadaires_souhaitees
}

func ExampleLookup() {
	k, _ := schemas.Lookup("diagnostic")
	fmt.Println(k.ID())
	// Output: https://spie-fr.github.io/socle/schemas/v1/diagnostic.json
}
