package spie_test

import (
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

func ExampleCheckIdentifier() {
	fs := spie.CheckIdentifier(spie.SIRET("22020014100013"), "/siret_structure")
	fmt.Println(fs[0].Code, fs[0].Path)
	fmt.Println(fs[0].Message)
	// Output:
	// SPIE-SIRET-02 /siret_structure
	// la clé de contrôle du SIRET est fausse
}

func ExampleDefinitions_Mapped() {
	fmt.Println(spie.Thematiques.Mapped(spie.MapDataInclusionCategorie, "numerique"))
	// Output: [illettrisme-illectronisme]
}

func ExampleThematiqueForDSPContrainte() {
	t, _ := spie.ThematiqueForDSPContrainte("23")
	fmt.Println(t, "—", t.Label())
	// Output: mobilite — Mobilité
}

func ExamplePointer() {
	fmt.Println(spie.Pointer("freins", "logement", "situations", 0))
	// Output: /freins/logement/situations/0
}

func ExampleFaultType_At() {
	f := spie.FaultROME.At(spie.Pointer("situation_professionnelle", "projet_professionnel", 0, "code_rome"))
	fmt.Println(f.Code, f.Severity, f.Path)
	// Output: SPIE-ROME-01 error /situation_professionnelle/projet_professionnel/0/code_rome
}

// Corsica's 2A is read as 19: 2850519004123 = 97 × 29386793856 + 91, so the
// key is 97 − 91 = 6.
func ExampleNIRKey() {
	fmt.Println(spie.NIRKey("285052A004123"))
	// Output: 6
}

func ExampleNIR_Problem() {
	fmt.Println(spie.NIR("285052A00412306").Problem() == nil)
	fmt.Println(spie.NIR("485052A00412306").Problem().Code)
	// Output:
	// true
	// SPIE-NIR-03
}

// 73282932100015 passes the Luhn key as a whole, but its SIREN 732829321
// does not.
func ExampleSIRET_Problem() {
	fmt.Println(spie.SIRET("73282932100015").Problem().Code)
	fmt.Println(spie.SIRET("73282932000074").Problem() == nil)
	// Output:
	// SPIE-SIRET-03
	// true
}

func ExampleDate_AddMonths() {
	fmt.Println(spie.Date("2026-01-31").AddMonths(1))
	// Output: 2026-02-28
}

func ExampleThematique_Sensitive() {
	fmt.Println(spie.ThematiqueSante.Sensitive(), spie.ThematiqueLogement.Sensitive())
	// Output: true false
}

func ExampleDefinitions_SensitiveKeys() {
	fmt.Println(spie.Thematiques.SensitiveKeys(), spie.Thematiques.Sensitive("mobilite"))
	// Output: [sante] false
}

// A code that told two facts is retired, never reused: the catalogue keeps it
// with the codes that now tell its facts.
func ExampleFaultType_Retire() {
	old := (&spie.FaultType{Code: "EX-FREINS-01", Severity: spie.SeverityError, FR: "clé %q refusée", EN: "key %q refused"}).
		WithSource("RULES.md §1").
		Retire("EX-FREINS-02", "EX-FREINS-03")
	fmt.Println(old.Namespace(), old.Retired, old.ReplacedBy, old.Source)
	// Output: EX-FREINS true [EX-FREINS-02 EX-FREINS-03] RULES.md §1
}

func ExampleDescribeJSONError() {
	var v struct {
		ID string `json:"id"`
	}
	err := json.Unmarshal([]byte(`{"id": 3}`), &v)
	// The number 3 ends at the eighth byte of the document.
	fmt.Println(spie.DescribeJSONError(err))
	fmt.Println(spie.DescribeJSONErrorEN(err))
	// Output:
	// valeur de type nombre inattendue pour id (octet 8)
	// unexpected number value for id (byte 8)
}

// A fault type declared as data and registered by its package (on the host,
// from a file with the build constraint !js): the registry then knows its
// code, and its owner is the registering package.
func ExampleRegisterFaultTypes() {
	faultDemo := &spie.FaultType{Code: "EXEMPLE-DEMO-01", Severity: spie.SeverityWarning,
		FR: "valeur %q ignorée", EN: "value %q ignored", Source: "exemple de la documentation"}
	spie.RegisterFaultTypes(faultDemo)
	t, ok := spie.LookupFaultType("EXEMPLE-DEMO-01")
	fmt.Println(ok, t == faultDemo, t.Owner)
	// Output: true true github.com/spie-fr/socle/spie_test
}
