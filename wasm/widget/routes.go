package widget

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// factories builds each widget's root component, by manifest key.
var factories = map[string]func() app.Composer{
	"diagnostic":   func() app.Composer { return &DiagnosticForm{} },
	"offre":        func() app.Composer { return &OffreSearch{} },
	"prescription": func() app.Composer { return &PrescriptionForm{} },
	"carnet":       func() app.Composer { return &CarnetView{} },
	"indicateurs":  func() app.Composer { return &Indicateurs{} },
}

// Register declares one go-app route per widget: the page
// <name>.html (or <name>) under any base path.
func Register() {
	for _, k := range manifest.Widgets.Keys() {
		if f, ok := factories[k]; ok {
			app.RouteWithRegexp(`(^|/)`+regexp.QuoteMeta(k)+`(\.html)?$`, f)
		}
	}
}

// New returns the root component of the widget named name.
func New(name string) (app.Composer, bool) {
	f, ok := factories[name]
	if !ok {
		return nil, false
	}
	return f(), true
}
