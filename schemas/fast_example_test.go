package schemas_test

import (
	"fmt"
	"os"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
)

func ExampleDecode() {
	data, _ := os.ReadFile("../examples/diagnostic/jeune-laon.json")
	var d diagnostic.Diagnostic
	_, ok := schemas.Decode("diagnostic", data, &d)
	fmt.Println(ok, d.Person.Commune, len(d.Professional.Project))
	// Output: true 02408 2
}

func ExampleCheckInput() {
	fs := schemas.CheckInput([]byte(`{"id":"a","personne":{"id":"b","id":"c"}}`), schemas.Limits{})
	fmt.Println(fs[0].Code, fs[0].Path)
	// Output: INPUT-DUPLICATE-01 /personne/id
}

func ExampleWithLimits() {
	fs := schemas.Validate("diagnostic", []byte(`[[[[{}]]]]`), schemas.WithLimits(schemas.Limits{MaxDepth: 3}))
	fmt.Println(fs[0].Code, fs[0].Path, fs[0].Message)
	// Output: INPUT-DEPTH-01 /0/0/0 imbrication trop profonde (maximum 3 niveaux)
}

// A kind without a fast path (the service: its Go type decodes itself) is
// still decoded, through the JSON Schema interpreter and encoding/json.
func ExampleDecode_schemaPath() {
	var s offer.Service
	fs, ok := schemas.Decode("service", []byte(`{"source":"x","id":"s1","structure_id":"y","nom":"Atelier CV","description":"Atelier collectif de rédaction de CV","date_maj":"2024-01-01"}`), &s)
	fmt.Println(ok, len(fs), s.Nom)
	// Output: true 0 Atelier CV
}
