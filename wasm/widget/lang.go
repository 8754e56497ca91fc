package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm/manifest"
)

// Languages a widget speaks: French first, English on request (the
// loader's lang option, issue 15 item 6; DEVELOPERS.md: every text a
// person reads is French first, English on request).
const (
	LangFR = "fr"
	LangEN = "en"
)

// lang is the language of the widget page. One WebAssembly instance serves
// one widget page (one iframe), so the language is the page's: it is read
// from the page address (?lang=, set by the loader) when the widget mounts
// and from the partner's init message.
var lang = LangFR

// SetLang sets the language of the widget page: "en" for English, anything
// else for French; in the browser, the page's <html lang> and its title
// (the widget's label in the manifest) follow. It returns the language
// kept.
func SetLang(l string) string {
	if l != LangEN {
		l = LangFR
	}
	lang = l
	if app.IsClient {
		doc := app.Window().Get("document")
		doc.Get("documentElement").Call("setAttribute", "lang", l)
		if name := doc.Call("querySelector", `meta[name="spie-widget"]`); name.Truthy() {
			if d, ok := manifest.Widgets.Get(name.Call("getAttribute", "content").String()); ok {
				doc.Set("title", inLang(d.Label)+" — "+commonText.Service.String())
			}
		}
	}
	return l
}

// Lang returns the language of the widget page, "fr" or "en".
func Lang() string { return lang }

// langFromPage applies the ?lang= of the page address (the loader sets it
// on the iframe's src).
func langFromPage() {
	if !app.IsClient {
		return
	}
	if u := app.Window().URL(); u != nil {
		SetLang(u.Query().Get("lang"))
	}
}

// text is one of a widget's own words, French and English side by side;
// its String is the page's language.
type text struct{ FR, EN string }

func (t text) String() string {
	if lang == LangEN && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// inLang returns l in the page's language (definitions' labels carry both).
func inLang(l spie.Label) string { return text{l.FR, l.EN}.String() }

// labelOf returns the label of key in defs in the page's language, the key
// itself when unknown (as spie.Definitions.LabelOf).
func labelOf(defs spie.Definitions, key string) string {
	if d, ok := defs.Get(key); ok {
		return inLang(d.Label)
	}
	return key
}

// message returns the message of f in the page's language (faults carry
// both; the messages posted to the host keep both).
func message(f spie.Fault) string { return text{f.Message, f.MessageEN}.String() }

// commonText are the words every widget shares (fields, error summaries).
var commonText = struct {
	Required, OneError, Errors, Choose, NotGiven, Colon, Service text
}{
	Required: text{"Obligatoire", "Required"},
	OneError: text{"1 erreur à corriger", "1 error to correct"},
	Errors:   text{"%d erreurs à corriger", "%d errors to correct"},
	Choose:   text{"— Choisir —", "— Choose —"},
	NotGiven: text{"— Non renseigné —", "— Not given —"},
	Colon:    text{" : ", ": "}, // French puts a space before the colon
	Service:  text{"Service public de l'insertion et de l'emploi", "Service public de l'insertion et de l'emploi (public employment and integration service)"},
}

// longDate writes a date in full in the page's language: « 2 mars 2026 »
// (spie.Date.French), "2 March 2026"; an unreadable date as it is.
func longDate(d spie.Date) string {
	if lang != LangEN {
		return d.French()
	}
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return t.Format("2 January 2006")
}

// quote puts a person's own words between the page language's quotes.
func quote(s string) string {
	if lang == LangEN {
		return "“" + s + "”"
	}
	return "« " + s + " »"
}
