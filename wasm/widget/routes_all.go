//go:build !spie_widget_diagnostic && !spie_widget_carnet && !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// Register declares the route of every widget of the manifest (one module
// holding them all; the served modules register one widget each).
func Register() {
	for _, k := range manifest.Widgets.Keys() {
		if _, ok := New(k); ok {
			route(k, func() app.Composer { c, _ := New(k); return c })
		}
	}
}

// New returns the root component of the widget named name.
func New(name string) (app.Composer, bool) {
	switch name {
	case "diagnostic":
		return &DiagnosticForm{}, true
	case "offre":
		return &OffreSearch{}, true
	case "prescription":
		return &PrescriptionForm{}, true
	case "carnet":
		return &CarnetView{}, true
	case "indicateurs":
		return &Indicateurs{}, true
	}
	return nil, false
}
