package widget_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spie-fr/socle/wasm/widget"
)

// A catalogue of two services: the first complete, the second without its
// source (a required field of data·inclusion v1): it is left out and its
// fault returned under /catalogue/services/1.
func ExampleDecodeCatalogue() {
	services := json.RawMessage(`[
 {"source":"exemple","structure_id":"s1","id":"svc-1","nom":"Préparer le permis B","description":"Code et conduite, avec une auto-école solidaire.","date_maj":"2026-10-01","thematiques":["mobilite--preparer-un-permis"],"code_insee":"02408","latitude":49.5641,"longitude":3.6199,"telephone":"03 23 00 00 00"},
 {"structure_id":"s1","id":"svc-2","nom":"Réparer sa voiture","description":"Garage solidaire ouvert aux personnes accompagnées.","date_maj":"2026-10-01"}
]`)
	cat, fs := widget.DecodeCatalogue(services, nil, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	fmt.Println(cat.Len(), "service(s) retenu(s)")
	for _, f := range fs {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// 1 service(s) retenu(s)
	// OFFRE-REQUIS-01 /catalogue/services/1/source
}

// The partner sends its catalogue, the person's commune (Laon) and radius;
// the search runs at once, with distances from the commune's centre.
func ExampleOffreSearch_Init() {
	c := &widget.OffreSearch{}
	fs := c.Init(json.RawMessage(`{"catalogue":{"services":[
 {"source":"exemple","structure_id":"s1","id":"svc-1","nom":"Préparer le permis B","description":"Code et conduite, avec une auto-école solidaire.","date_maj":"2026-10-01","thematiques":["mobilite--preparer-un-permis"],"code_insee":"02408","zone_eligibilite":["02"],"latitude":49.5641,"longitude":3.6199,"telephone":"03 23 00 00 00"}
]},"commune":"02408","rayon_mobilite_km":10}`))
	fmt.Println(len(fs), "faute(s)")
	for _, r := range c.Results() {
		fmt.Println(r.Service.ID, r.DistanceKm != nil && *r.DistanceKm <= 10)
	}
	// Output:
	// 0 faute(s)
	// svc-1 true
}
