package widget_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/spie-fr/socle/wasm/widget"
)

// FuzzOffreInit: whatever a partner sends to the offre widget, the widget
// never panics; every fault has a code and a French message; data refused as
// a whole leaves nothing to search; a kept catalogue's faults point into the
// data (under /catalogue, or at the commune or radius).
func FuzzOffreInit(f *testing.F) {
	for _, s := range []string{
		`null`, `{}`, `[1]`, `{"catalogue":null}`, `{"catalogue":{"services":{}}}`,
		`{"catalogue":{"services":[{"id":"x"}]}}`,
		`{"catalogue":{"services":[{"source":"s","structure_id":"t","id":"y","nom":"Aide au permis","description":"Aide au permis de conduire pour tous.","date_maj":"2026-01-01","code_insee":"02408","latitude":49.56,"longitude":3.62}],"structures":[]},"commune":"02408","rayon_mobilite_km":-1}`,
		`{"catalogue":{"services":[{"source":"s","structure_id":"t","id":"y","nom":"Aide au permis","description":"Aide au permis de conduire pour tous.","date_maj":"2026-01-01"},{"source":"s","structure_id":"t","id":"y","nom":"Aide au permis","description":"Aide au permis de conduire pour tous.","date_maj":"2026-01-01"}]},"commune":"2A004"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		c := &widget.OffreSearch{}
		fs := c.Init(json.RawMessage(data))
		for _, x := range fs {
			if x.Code == "" || x.Message == "" {
				t.Fatalf("faute sans code ni message : %+v", x)
			}
			if !strings.HasPrefix(x.Path, "/catalogue") && x.Path != "" && x.Path != "/commune" && x.Path != "/rayon_mobilite_km" {
				t.Fatalf("faute hors des données : %+v", x)
			}
		}
		html := render(t, c)
		if strings.Contains(html, "Catalogue refusé") && c.Results() != nil {
			t.Fatalf("catalogue refusé mais des résultats")
		}
	})
}

// FuzzPrescriptionInit: the prescription widget never panics on what a
// partner sends, and shows a fiche only when it returned no fault.
func FuzzPrescriptionInit(f *testing.F) {
	for _, s := range []string{`null`, `{}`, `"x"`, `{"service":{}}`, `{"service":{"id":"x"},"emetteur":{"role":"chef"}}`, `{"service":null,"personne":{"id":"p"}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		c := &widget.PrescriptionForm{}
		fs := c.Init(json.RawMessage(data))
		if len(fs) > 0 && c.Draft() != nil {
			t.Fatalf("données refusées (%v) mais une fiche affichée", fs)
		}
		_ = render(t, c)
	})
}
