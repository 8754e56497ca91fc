// Command diagnostic is the WebAssembly module of the diagnostic widget alone, built with
// GOOS=js GOARCH=wasm (see wasm.Build) and loaded by the page diagnostic.html; it
// links no other widget. On the host it does nothing.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/widget"
)

func main() {
	widget.RegisterDiagnostic()
	app.RunWhenOnBrowser()
}
