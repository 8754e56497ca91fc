package widget

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Each widget has its own WebAssembly module (./wasm/cmd/<key>, see
// wasm.Build) whose main calls only its Register function, so that the
// linker keeps only that widget's components: nothing here may reference
// every widget's type at once outside a function (a package-level map of
// constructors would link all five widgets into every module). The linker
// cannot drop a package's initialisation, though: a module links every
// package the widget package imports, with all its package-level variables
// (fault types, code lists). So each widget's files carry a build
// constraint and each module is built with its widget's tag (wasm.WidgetTags):
// the diagnostic's module has neither offer nor carnet/network, the offre's
// no carnet. Register and New, which name every widget, are in
// routes_all.go, left out of every module.

// route declares the go-app route of the widget key: the page <key>.html
// (or <key>) under any base path.
func route(key string, f func() app.Composer) {
	app.RouteWithRegexp(`(^|/)`+regexp.QuoteMeta(key)+`(\.html)?$`, f)
}
