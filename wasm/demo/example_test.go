package demo_test

import (
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/wasm/demo"
)

// The portal sends the indicateurs widget two `spie indicators` reports of
// the example carnets and two network reports of the network examples.
func ExampleIndicatorsData() {
	b, err := demo.IndicatorsData()
	if err != nil {
		fmt.Println(err)
		return
	}
	var in struct {
		Carnet []struct {
			Date string `json:"date"`
			Read int    `json:"carnets_lus"`
		} `json:"indicateurs"`
		Network []struct {
			Date string `json:"date"`
		} `json:"reseau"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range in.Carnet {
		fmt.Println("carnets", r.Date, r.Read)
	}
	for _, r := range in.Network {
		fmt.Println("réseau", r.Date)
	}
	// Output:
	// carnets 2026-03-31 40
	// carnets 2026-06-30 40
	// réseau 2023-02-07
	// réseau 2026-06-30
}
