package widget

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// Each widget has its own WebAssembly module (./wasm/cmd/<key>, see
// wasm.Build) whose main calls only its Register function, so that the
// linker keeps only that widget's components: nothing here may reference
// every widget's type at once outside a function (a package-level map of
// constructors would link all five widgets into every module).

// RegisterDiagnostic declares the route of the diagnostic widget.
func RegisterDiagnostic() { route("diagnostic", func() app.Composer { return &DiagnosticForm{} }) }

// RegisterOffre declares the route of the offre widget.
func RegisterOffre() { route("offre", func() app.Composer { return &OffreSearch{} }) }

// RegisterPrescription declares the route of the prescription widget.
func RegisterPrescription() {
	route("prescription", func() app.Composer { return &PrescriptionForm{} })
}

// RegisterCarnet declares the route of the carnet widget.
func RegisterCarnet() { route("carnet", func() app.Composer { return &CarnetView{} }) }

// RegisterIndicateurs declares the route of the indicateurs widget.
func RegisterIndicateurs() { route("indicateurs", func() app.Composer { return &Indicateurs{} }) }

// route declares the go-app route of the widget key: the page <key>.html
// (or <key>) under any base path.
func route(key string, f func() app.Composer) {
	app.RouteWithRegexp(`(^|/)`+regexp.QuoteMeta(key)+`(\.html)?$`, f)
}

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
