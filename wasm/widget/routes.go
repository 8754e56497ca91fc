package widget

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// factories builds each widget's root component, by manifest key. The offer
// widgets add theirs in offre_register.go, left out of the core bundle
// (build tag spie_sans_offre) because package offer pulls in
// go-playground/validator and invopop/jsonschema.
var factories = map[string]func() app.Composer{
	"diagnostic":  func() app.Composer { return &DiagnosticForm{} },
	"carnet":      func() app.Composer { return &CarnetView{} },
	"indicateurs": func() app.Composer { return &Indicateurs{} },
}

// Register declares one go-app route per widget compiled in: the page
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
