package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// page is the common frame of a widget page: the main landmark and the
// widget's title (its French label in the manifest) as the page's h1.
func page(widget string, body ...app.UI) app.UI {
	d, _ := manifest.Widgets.Get(widget)
	return app.Main().ID("spie-main").Class("fr-container fr-py-4w").Body(
		app.H1().Class("fr-h3").Text(inLang(d.Label)),
		app.If(inLang(d.Description) != "", func() app.UI {
			return app.P().Class("fr-text--sm").Text(inLang(d.Description))
		}),
		app.Div().Body(body...),
	)
}

// alert renders a DSFR alert; kind is "error", "success", "info" or "warning".
func alert(kind, title string, body ...app.UI) app.UI {
	return app.Div().Class("fr-alert fr-alert--"+kind+" fr-mb-3w").Body(
		app.H2().Class("fr-alert__title").Text(title),
		app.Div().Body(body...),
	)
}
