// Command hello is the reference page of the widgets' measurements
// (wasm.TestMeasure, issue 17 item 4): a go-app page that renders one
// heading and marks itself ready the way the widgets do (data-spie-ready,
// performance mark spie-ready), so that the ready time of a widget can be
// paired with the go-app floor measured in the same round. It lives under
// testdata: `go build ./...` ignores it, the measurement builds it.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) OnMount(ctx app.Context) {
	win := app.Window()
	win.Get("document").Get("documentElement").Call("setAttribute", "data-spie-ready", "1")
	win.Get("performance").Call("mark", "spie-ready")
}

func (h *hello) Render() app.UI {
	return app.Main().Class("fr-container").Body(app.H1().Text("Bonjour"))
}

func main() {
	app.RouteWithRegexp(`(^|/)hello(\.html)?$`, func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
