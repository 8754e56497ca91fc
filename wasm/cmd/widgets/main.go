// Command widgets is the WebAssembly bundle of the SPIE widgets, built with
// GOOS=js GOARCH=wasm (see wasm.Build). On the host it does nothing.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/widget"
)

func main() {
	widget.Register()
	app.RunWhenOnBrowser()
}
