//go:build !js

package wasm_test

import (
	"encoding/json"
	"regexp"
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

// TestWidgetsInEnglishInBrowser (issue 15, item 6): the partner page mounts
// the diagnostic widget (the RSA person's envelope) and the carnet widget
// (the Soissons carnet's view for its référent) and the indicateurs widget
// (the demo portal's carnet and network indicators) with lang: "en". Each widget
// page says lang="en" and its title is the widget's English label; every
// line the person reads holds no French word (frtext.French) but the terms
// of art and the data's own words, in the diagnostic's first step, its
// error summary, and the carnet; the iframes' titles are English; axe finds
// no violation in any of these states.
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
	var ref carnet.Actor
	for _, m := range c.Members {
		if m.Role == carnet.RoleReferent {
			ref = carnet.Actor{Role: m.Role, StructureSIRET: m.StructureSIRET, Professional: m.Professional}
		}
	}
	if ref.Role == "" {
		t.Fatal("pas de référent dans le carnet d'exemple")
	}
	view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: ref, On: spie.DateOf(time.Now())}))
	if err != nil {
		t.Fatal(err)
	}
	actor, _ := json.Marshal(ref)
	envelope := socleEnvelope(t, socleDiagnostic)
	indicators, err := demo.IndicatorsData()
	if err != nil {
		t.Fatal(err)
	}
	allowed := append(freeTexts(t, view), freeTexts(t, []byte(envelope))...)
	allowed = append(allowed, groupNames(t, indicators)...)

	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE`)
	eval[bool](t, tb, `(function(){
  // The portal's own widgets (French) leave: only the English ones stay.
  document.querySelectorAll(".widget-host").forEach(function (h) { h.remove(); });
  window.__en = function (id, widget, data) {
    var el = document.createElement("div"); el.id = id; document.body.appendChild(el);
    SPIE.mount(el, {widget: widget, lang: "en", data: data});
    return true;
  };
  window.__frame = function (id) { var f = document.querySelector("#" + id + " iframe"); return f && f.contentDocument; };
  return true;
})()`)
	eval[bool](t, tb, `__en("en-diag", "diagnostic", `+envelope+`)`)
	eval[bool](t, tb, `__en("en-carnet", "carnet", {carnet: `+string(view)+`, acteur: `+string(actor)+`})`)
	eval[bool](t, tb, `__en("en-indic", "indicateurs", `+string(indicators)+`)`)

	poll(t, tb, "diagnostic en anglais", `(function(){ var d = __frame("en-diag"); return !!d && !!d.getElementById("etape-titre") && d.getElementById("etape-titre").textContent.indexOf("Step 1 of") === 0; })()`)
	poll(t, tb, "indicateurs en anglais", `(function(){ var d = __frame("en-indic"); return !!d && !!d.getElementById("indicateurs-carnets") && d.body.textContent.indexOf("Network indicators") >= 0; })()`)
	poll(t, tb, "carnet en anglais", `(function(){ var d = __frame("en-carnet"); return !!d && !!d.querySelector("caption") && d.body.textContent.indexOf("The person and their pathway") >= 0; })()`)

	// check reads what each widget shows, line by line, and its language.
	check := func(t *testing.T, id, title, state string) {
		t.Helper()
		if got := eval[string](t, tb, `__frame("`+id+`").documentElement.lang`); got != "en" {
			t.Errorf("%s : <html lang=%q>, attendu \"en\"", state, got)
		}
		if got := eval[string](t, tb, `__frame("`+id+`").title`); !strings.HasPrefix(got, title) {
			t.Errorf("%s : titre de la page %q, attendu %q…", state, got, title)
		}
		if got := eval[string](t, tb, `document.querySelector("#`+id+` iframe").title`); got != title {
			t.Errorf("%s : titre de l'iframe %q, attendu %q", state, got, title)
		}
		text := eval[string](t, tb, `__frame("`+id+`").body.innerText`)
		lines := 0
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			lines++
			if fr := frtext.French(line, allowed...); len(fr) > 0 {
				t.Errorf("%s : français %q dans %q", state, fr, line)
			}
		}
		if lines < 5 {
			t.Errorf("%s : %d lignes seulement : le test ne prouverait rien", state, lines)
		}
	}
	check(t, "en-diag", "Socio-professional assessment", "diagnostic, étape 1")
	check(t, "en-carnet", "Logbook", "carnet du référent")
	check(t, "en-indic", "Indicators", "indicateurs du portail")
	e.axeInFrame(t, tb, "/spie/indicateurs.html", "indicateurs en anglais")
	e.axeInFrame(t, tb, "/spie/carnet.html", "carnet en anglais")
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "diagnostic en anglais, étape 1")

	// Steps 2 and 3: the envelope lacks the work situation, so the third
	// step's summary lists it, in English.
	for _, step := range []string{"Step 2 of", "Step 3 of"} {
		eval[bool](t, tb, `(__frame("en-diag").getElementById("suivant").click(), true)`)
		poll(t, tb, step, `__frame("en-diag").getElementById("etape-titre").textContent.indexOf(`+jsQuote(step)+`) === 0`)
	}
	eval[bool](t, tb, `(__frame("en-diag").getElementById("suivant").click(), true)`)
	poll(t, tb, "résumé des erreurs", `!!__frame("en-diag").getElementById("erreurs")`)
	if got := eval[string](t, tb, `__frame("en-diag").getElementById("erreurs-titre").textContent`); !strings.Contains(got, "to correct") {
		t.Errorf("titre du résumé des erreurs %q, attendu en anglais", got)
	}
	check(t, "en-diag", "Socio-professional assessment", "diagnostic, erreurs de l'étape 3")
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "diagnostic en anglais, erreurs")
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

func jsQuote(s string) string { b, _ := json.Marshal(s); return string(b) }
