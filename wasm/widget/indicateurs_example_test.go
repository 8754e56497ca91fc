package widget_test

import (
	"fmt"

	"github.com/spie-fr/socle/wasm/widget"
)

// A report whose secret cell still carries its figure is refused: the
// hidden value must never reach the browser (RULES.md §10).
func ExampleDecodeIndicators() {
	_, fs := widget.DecodeIndicators([]byte(`{"indicateurs": {"date": "2026-06-30", "seuil_secret": 5, "carnets_lus": 12, "lignes_illisibles": 0,
  "groupes": [{"dimension": "ensemble", "valeur": "tous", "personnes": 12, "indicateurs": {"entrants": {"effectif": 12}, "ruptures": {"secret": true, "effectif": 2}}}]}}`))
	for _, f := range fs {
		fmt.Println(f.Code, f.Path)
	}
	// Output: WIDGET-INDICATEURS-06 /indicateurs/0/groupes/0/indicateurs/ruptures
}

// A threshold under the floor of the statistical secret is refused with the
// library's own fault.
func ExampleCheckIndicators() {
	in, _ := widget.DecodeIndicators([]byte(`{"reseau": {"date": "2026-06-30", "seuil_secret": 5, "structures_par_decision": null}}`))
	fmt.Println(len(widget.CheckIndicators(in)))
	in.Network[0].Threshold = 3
	for _, f := range widget.CheckIndicators(in) {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// 0
	// SECRET-SEUIL-01 /reseau/0/seuil_secret
}
