package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/wasm/manifest"
)

// page is the common frame of a widget page: the main landmark and the
// widget's title (its French label in the manifest) as the page's h1;
// without body while a new init is applied (Bridge).
func page(widget string, body ...app.UI) app.UI {
	d, _ := manifest.Widgets.Get(widget)
	if blank {
		body = nil
	}
	return app.Main().ID("spie-main").Class("fr-container fr-py-4w").Body(
		app.H1().Class("fr-h3").Text(inLang(d.Label)),
		app.If(inLang(d.Description) != "", func() app.UI {
			return app.P().Class("fr-text--sm").Text(inLang(d.Description))
		}),
		app.Div().Body(body...),
	)
}

// alert renders a DSFR alert; kind is "error", "success", "info" or
// "warning". An error (the partner's data refused) replaces the widget's
// waiting line: it is role="alert", so that a screen reader says it.
func alert(kind, title string, body ...app.UI) app.UI {
	div := app.Div()
	if kind == "error" {
		div = div.Role("alert")
	}
	return div.Class("fr-alert fr-alert--"+kind+" fr-mb-3w").Body(
		app.H2().Class("fr-alert__title").Text(title),
		app.Div().Body(body...),
	)
}
