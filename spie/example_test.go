package spie_test

import (
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

func ExampleNIRKey() {
	fmt.Println(spie.NIRKey("185022A123456"))
	// Output: 12
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
