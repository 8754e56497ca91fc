package widget

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/spie"
)

// fieldID turns a JSON Pointer into an HTML id: /personne/date_naissance →
// champ-personne-date_naissance. Error summaries link to it.
func fieldID(path string) string {
	return "champ" + strings.ReplaceAll(path, "/", "-")
}

// fieldState is what a field shows: its faults (only once the user touched
// it or tried to go on) and whether it is required.
type fieldState struct {
	path     string
	label    string
	hint     string
	required bool
	faults   spie.Faults
}

func (f fieldState) id() string      { return fieldID(f.path) }
func (f fieldState) errorID() string { return f.id() + "-erreur" }
func (f fieldState) hintID() string  { return f.id() + "-aide" }

func (f fieldState) describedBy() string {
	var ids []string
	if f.hint != "" {
		ids = append(ids, f.hintID())
	}
	if len(f.faults) > 0 {
		ids = append(ids, f.errorID())
	}
	return strings.Join(ids, " ")
}

func (f fieldState) labelUI() app.UI {
	return app.Label().Class("fr-label").For(f.id()).Body(
		app.Text(f.label),
		app.If(f.required, func() app.UI { return app.Span().Class("fr-hint-text").Text(commonText.Required.String()) }),
		app.If(f.hint != "", func() app.UI { return app.Span().ID(f.hintID()).Class("fr-hint-text").Text(f.hint) }),
	)
}

func (f fieldState) errorUI() app.UI {
	return app.If(len(f.faults) > 0, func() app.UI {
		msgs := make([]app.UI, 0, len(f.faults))
		for _, ft := range f.faults {
			msgs = append(msgs, app.P().Class("fr-message fr-message--"+severityClass(ft.Severity)).Text(message(ft)))
		}
		return app.Div().ID(f.errorID()).Class("fr-messages-group").Aria("live", "polite").Body(msgs...)
	})
}

func severityClass(s spie.Severity) string {
	if s == spie.SeverityWarning {
		return "info"
	}
	return "error"
}

func (f fieldState) hasError() bool { return !f.faults.Valid() }

func groupClass(base string, f fieldState) string {
	if f.hasError() {
		return base + " " + base + "--error"
	}
	return base
}

// textInput renders a labelled DSFR text input; typ is "text", "date" or
// "number".
func textInput(f fieldState, typ, value string, on func(app.Context, string), extra ...func(app.HTMLInput) app.HTMLInput) app.UI {
	in := app.Input().Type(typ).ID(f.id()).Name(f.path).Class(groupClass("fr-input", f)).Value(value).
		Required(f.required).
		OnInput(func(ctx app.Context, e app.Event) { on(ctx, ctx.JSSrc().Get("value").String()) }, app.EventScope(f.path))
	if d := f.describedBy(); d != "" {
		in = in.Aria("describedby", d)
	}
	if f.hasError() {
		in = in.Aria("invalid", "true")
	}
	for _, x := range extra {
		in = x(in)
	}
	return app.Div().Class(groupClass("fr-input-group", f)).Body(f.labelUI(), in, f.errorUI())
}

// selectInput renders a labelled select whose options are a code list:
// labels come from the definitions, never rewritten.
func selectInput(f fieldState, defs spie.Definitions, value string, empty string, on func(app.Context, string)) app.UI {
	opts := make([]app.UI, 0, len(defs)+1)
	if empty != "" {
		opts = append(opts, app.Option().Value("").Selected(value == "").Text(empty))
	}
	for _, d := range defs {
		opts = append(opts, app.Option().Value(d.Key).Selected(d.Key == value).Text(inLang(d.Label)))
	}
	sel := app.Select().ID(f.id()).Name(f.path).Class(groupClass("fr-select", f)).Required(f.required).
		OnInput(func(ctx app.Context, e app.Event) { on(ctx, ctx.JSSrc().Get("value").String()) }, app.EventScope(f.path)).
		OnChange(func(ctx app.Context, e app.Event) { on(ctx, ctx.JSSrc().Get("value").String()) }, app.EventScope(f.path)).
		Body(opts...)
	if d := f.describedBy(); d != "" {
		sel = sel.Aria("describedby", d)
	}
	if f.hasError() {
		sel = sel.Aria("invalid", "true")
	}
	return app.Div().Class(groupClass("fr-select-group", f)).Body(f.labelUI(), sel, f.errorUI())
}

// checkbox renders a labelled DSFR checkbox.
func checkbox(f fieldState, checked bool, on func(app.Context, bool)) app.UI {
	in := app.Input().Type("checkbox").ID(f.id()).Name(f.path).Checked(checked).
		OnChange(func(ctx app.Context, e app.Event) { on(ctx, ctx.JSSrc().Get("checked").Bool()) }, app.EventScope(f.path))
	if d := f.describedBy(); d != "" {
		in = in.Aria("describedby", d)
	}
	if f.hasError() {
		in = in.Aria("invalid", "true")
	}
	return app.Div().Class(groupClass("fr-checkbox-group", f)).Body(
		in,
		app.Label().Class("fr-label").For(f.id()).Body(
			app.Text(f.label),
			app.If(f.hint != "", func() app.UI { return app.Span().ID(f.hintID()).Class("fr-hint-text").Text(f.hint) }),
		),
		f.errorUI(),
	)
}

// fieldset groups fields under a legend.
func fieldset(id, legend string, body ...app.UI) app.UI {
	return app.FieldSet().Class("fr-fieldset").Aria("labelledby", id+"-legende").Body(
		app.Legend().ID(id+"-legende").Class("fr-fieldset__legend").Text(legend),
		app.Div().Class("fr-fieldset__content").Body(body...),
	)
}

// errorSummary lists the faults with links to their fields; a click moves
// to the field's step and focuses it.
func errorSummary(id string, faults spie.Faults, labelOf func(path string) string, onLink func(app.Context, string)) app.UI {
	items := make([]app.UI, 0, len(faults))
	for _, f := range faults {
		path := f.Path
		// A button, not a link: go-app turns link clicks into navigations,
		// and the field must receive the focus.
		items = append(items, app.Li().Body(
			app.Button().Type("button").Class("fr-link spie-summary-link").Aria("controls", fieldID(path)).
				Text(labelOf(path)+commonText.Colon.String()+message(f)).
				OnClick(func(ctx app.Context, e app.Event) { onLink(ctx, path) }, app.EventScope(path)),
		))
	}
	n := len(faults)
	title := commonText.OneError.String()
	if n > 1 {
		title = fmt.Sprintf(commonText.Errors.String(), n)
	}
	return app.Div().ID(id).Class("fr-alert fr-alert--error fr-mb-3w").Aria("labelledby", id+"-titre").TabIndex(-1).Body(
		app.H2().ID(id+"-titre").Class("fr-alert__title").Text(title),
		app.Ul().Body(items...),
	)
}

// focus moves the keyboard focus to the element id after the next render.
func focus(ctx app.Context, id string) {
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// textArea renders a labelled DSFR multi-line input.
func textArea(f fieldState, value string, on func(app.Context, string)) app.UI {
	in := app.Textarea().ID(f.id()).Name(f.path).Class(groupClass("fr-input", f)).Rows(3).Text(value).
		Required(f.required).
		OnInput(func(ctx app.Context, e app.Event) { on(ctx, ctx.JSSrc().Get("value").String()) }, app.EventScope(f.path))
	if d := f.describedBy(); d != "" {
		in = in.Aria("describedby", d)
	}
	if f.hasError() {
		in = in.Aria("invalid", "true")
	}
	return app.Div().Class(groupClass("fr-input-group", f)).Body(f.labelUI(), in, f.errorUI())
}
