//go:build !js

package wasm_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/manifest"
)

// freeTexts returns the free texts of a JSON document (names of people,
// structures and places, comments), which a widget shows as written in any
// language; the keys of code lists (lower-case, without blanks) are left
// out, since a widget must show their labels.
func freeTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`^[a-z0-9_.:-]*$`)
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if !code.MatchString(x) {
				out = append(out, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// carnetViewer returns the viewer of the carnet c in role: the member of
// c in that role when there is one, else a structure that is not a member
// (the person, for the role usager, as the partner authenticated them).
func carnetViewer(c *carnet.Carnet, role string) carnet.Actor {
	actor := carnet.Actor{Role: carnet.Role(role), StructureSIRET: "13002526500013", Professional: "Structure non membre"}
	for _, m := range c.Members {
		if string(m.Role) == role {
			actor = carnet.Actor{Role: m.Role, StructureSIRET: m.StructureSIRET, Professional: m.Professional}
		}
	}
	if actor.Role == carnet.RoleUsager {
		actor.Professional = c.Person.ID // the person, as the partner authenticated them (issue 16)
	}
	return actor
}

// TestWidgetsInEnglishInBrowser (issue 15, item 6): a partner page on
// another origin than the widgets (newPartner) mounts with lang: "en" the
// carnet widget once per role of the rights matrix (the Soissons carnet's
// view for that viewer) and the indicateurs widget (the demo portal's
// carnet and network indicators). Each widget page says lang="en", its
// title and its iframe's are the widget's English label; in every state,
// nothing a person reads (noFrenchInFrame: text, titles, options,
// aria-label, placeholder, alt, buttons' values) holds a French word but
// the terms of art and the data's own words, and axe finds no violation:
// the carnet of each role, the indicateurs, then with a cohort whose cells
// are secret. Nor is any sentence read in English that the same page
// reads in French in the référent's carnet and the indicateurs (mounted in
// French beside), but the data's own words. The diagnostic's complete run in English is
// TestDiagnosticWholeSocleInBrowser; the offre's, to the prescription
// « sent » with its 72 h deadline, TestOffreAndPrescriptionFromPartner.
func TestWidgetsInEnglishInBrowser(t *testing.T) {
	e := env(t)
	full, err := examples.Carnets.ReadFile("carnet/rsa-perdu-de-vue-soissons.json")
	if err != nil {
		t.Fatal(err)
	}
	var c carnet.Carnet
	if err := json.Unmarshal(full, &c); err != nil {
		t.Fatal(err)
	}
	indicators, err := demo.IndicatorsData()
	if err != nil {
		t.Fatal(err)
	}
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)

	// Every widget starts at once, on a test machine that may be busy.
	const boot = 60 * time.Second
	type mounted struct {
		id, widget, frame string
		allowed           []string
	}
	var all, fr []mounted
	mountIn := func(lang, id, widget, data string, allowed []string) mounted {
		t.Helper()
		m := mounted{id: id, widget: widget, frame: p.widgets.URL + statePath(id) + widget + ".html?", allowed: allowed}
		eval[bool](t, tb, `mountWidget(`+strconv.Quote(id)+`, {widget: `+strconv.Quote(widget)+`, lang: `+strconv.Quote(lang)+`, base: `+strconv.Quote(statePath(id))+`, timeout: `+strconv.Itoa(int(boot/time.Millisecond))+`, data: `+data+`})`)
		return m
	}
	mount := func(id, widget, data string, allowed []string) mounted {
		t.Helper()
		m := mountIn("en", id, widget, data, allowed)
		all = append(all, m)
		return m
	}
	for _, role := range carnet.Roles.Keys() {
		actor := carnetViewer(&c, role)
		view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: actor, On: spie.DateOf(time.Now())}))
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(actor)
		data := `{carnet: ` + string(view) + `, acteur: ` + string(a) + `}`
		allowed := append(freeTexts(t, view), actor.Professional)
		mount("en-carnet-"+role, "carnet", data, allowed)
		if role == string(carnet.RoleReferent) {
			// The référent's carnet in French too: what it reads must not
			// be read again in English.
			fr = append(fr, mountIn("fr", "fr-carnet-"+role, "carnet", data, allowed))
		}
	}
	indic := mount("en-indicateurs", "indicateurs", string(indicators), groupNames(t, indicators))
	fr = append(fr, mountIn("fr", "fr-indicateurs", "indicateurs", string(indicators), indic.allowed))

	pollFrameWithin(t, tb, boot, "indicateurs en anglais", indic.frame, `!!document.getElementById("indicateurs-carnets") && document.body.textContent.indexOf("Network indicators") >= 0`)
	for _, m := range append(append([]mounted{}, all...), fr...) {
		switch m.widget {
		case "carnet":
			pollFrameWithin(t, tb, boot, "carnet ("+m.id+")", m.frame, `document.documentElement.getAttribute("data-spie-ready") === "1" && !document.querySelector(".spie-attente") && !!document.querySelector("main caption, main .fr-alert")`)
		case "indicateurs":
			pollFrameWithin(t, tb, boot, "indicateurs ("+m.id+")", m.frame, `!!document.getElementById("indicateurs-carnets") && !!document.getElementById("indicateurs-reseau")`)
		}
	}
	// The sentences the French renderings read, but the data's own words.
	french := map[string]bool{}
	own := map[string]bool{}
	for _, m := range fr {
		for _, a := range m.allowed {
			own[a] = true
		}
		for _, line := range evalFrame[[]string](t, tb, m.frame, readableJS) {
			if sentence(line) && !own[line] {
				french[line] = true
			}
		}
	}
	if len(french) < 10 {
		t.Errorf("%d phrases françaises seulement : la comparaison avec l'anglais ne prouverait rien", len(french))
	}
	notFrench := func(m mounted, state string) {
		t.Helper()
		noFrenchInFrame(t, tb, m.frame, state, m.allowed)
		for _, line := range evalFrame[[]string](t, tb, m.frame, readableJS) {
			if french[line] && !own[line] {
				t.Errorf("%s : texte du rendu français resté en anglais : %q", state, line)
			}
		}
	}

	// Each page's language and titles; each carnet's and the indicateurs' state.
	for _, m := range all {
		d, _ := manifest.Widgets.Get(m.widget)
		label := d.Label.EN
		if got := evalFrame[string](t, tb, m.frame, `document.documentElement.lang`); got != "en" {
			t.Errorf("%s : <html lang=%q>, attendu \"en\"", m.id, got)
		}
		if got := evalFrame[string](t, tb, m.frame, `document.title`); !strings.HasPrefix(got, label) {
			t.Errorf("%s : titre de la page %q, attendu %q…", m.id, got, label)
		}
		if got := eval[string](t, tb, `document.querySelector("#`+m.id+` iframe").title`); got != label {
			t.Errorf("%s : titre de l'iframe %q, attendu %q", m.id, got, label)
		}
		notFrench(m, m.id)
		e.axeInFrame(t, tb, m.frame, m.id+" en anglais")
		if errs := errorsOf(t, tb, m.id); errs != "[]" {
			t.Errorf("%s : données refusées : %s", m.id, errs)
		}
	}

	// The indicateurs of a cohort whose prescriptions within 72 h are secret.
	ok := evalFrame[bool](t, tb, indic.frame, `(function(){ var s = document.getElementById("champ-groupe");
  var o = Array.from(s.options).find(function (o) { return o.textContent.indexOf("laon-18-30") >= 0; });
  if (!o) { return false; } s.value = o.value; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	if !ok {
		t.Fatal("cohorte laon-18-30 absente du choix des groupes")
	}
	pollFrame(t, tb, "cohorte choisie", indic.frame, `document.getElementById("indicateurs-groupe").textContent.indexOf("laon-18-30") >= 0`)
	label, _ := carnet.Indicators.Get("prescriptions-72h")
	row := evalFrame[string](t, tb, indic.frame, `(function(){ var r = Array.from(document.querySelectorAll("tr")).find(function (tr) { var th = tr.querySelector("th"); return th && th.textContent === `+jsQuote(label.Label.EN)+`; }); return r ? r.textContent : ""; })()`)
	if row != label.Label.EN+"secretsecret" {
		t.Errorf("cellule secrète en anglais : %q, attendu « %s » puis « secret » sans chiffre", row, label.Label.EN)
	}
	notFrench(indic, "indicateurs, cohorte sous le secret")
	t.Logf("%d phrases du rendu français comparées au rendu anglais", len(french))
	e.axeInFrame(t, tb, indic.frame, "indicateurs en anglais, cohorte sous le secret")
	tb.noErrors(t)
}

// groupNames returns the names the indicateurs widget shows as they are:
// the groups' keys (cohorts) of the carnet and network reports and the
// départements' names of the territory table.
func groupNames(t *testing.T, doc []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "valeur" || k == "cohorte") {
					out = append(out, s)
					if d, ok := territory.Default().Departement(s); ok {
						out = append(out, d.Name)
					}
				}
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// readableJS, evaluated in a widget's frame, returns what a person reads
// or hears there: the lines of the visible text (innerText), the page's
// title, the options of the lists, the charts' titles, and the attributes
// that assistive technologies read out (aria-label, title, placeholder,
// alt, aria-valuetext) or that buttons show (value).
const readableJS = `(function(){
  var out = document.body.innerText.split("\n");
  out.push(document.title);
  document.querySelectorAll("option, svg title").forEach(function (el) { out.push(el.textContent); });
  document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-valuetext]").forEach(function (el) {
    ["aria-label", "title", "placeholder", "alt", "aria-valuetext"].forEach(function (a) { if (el.hasAttribute(a)) { out.push(el.getAttribute(a)); } });
  });
  document.querySelectorAll("input[type=button], input[type=submit], input[type=reset], button[value]").forEach(function (el) { out.push(el.value); });
  return out.map(function (s) { return s.trim(); }).filter(function (s) { return s !== ""; });
})()`

// noFrenchInFrame fails on each French word (frtext.French: but the terms
// of art and the allowed words of the data) of what a person reads in the
// frame whose URL contains urlPart (readableJS), in the state named state.
func noFrenchInFrame(t *testing.T, tb *tab, urlPart, state string, allowed []string) {
	t.Helper()
	lines := evalFrame[[]string](t, tb, urlPart, readableJS)
	for _, line := range lines {
		if fr := frtext.French(line, allowed...); len(fr) > 0 {
			t.Errorf("%s : français %q dans %q", state, fr, line)
		}
	}
	if len(lines) < 5 {
		t.Errorf("%s : %d lignes seulement : le test ne prouverait rien", state, len(lines))
	}
}

func jsQuote(s string) string { b, _ := json.Marshal(s); return string(b) }
