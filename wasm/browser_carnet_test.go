//go:build !js

package wasm_test

import (
	"encoding/json"
	"html"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/internal/leak"
	"github.com/spie-fr/socle/spie"
)

// TestCarnetWidgetRightsInBrowser (issue 15, item 2): the partner page hands
// the FULL Soissons carnet (health details, comments, NIR…) to the carnet
// widget by mistake, once per role of the rights matrix (a member of the
// carnet in that role when there is one, else a structure that is not a
// member). Nothing that carnet.View hides from that viewer may appear in the
// widget's DOM — text or attributes — nor in any message the widget posts.
// The library's View is the oracle; each widget is also mounted with the
// view itself, so that words the widget writes on its own (labels, the
// viewer's SIRET) are not mistaken for leaks. The partner page is on another
// origin than the widgets (newPartner): the widgets' DOM is read through the
// DevTools protocol (evalInFrame), each frame loaded from a URL naming its
// state; one page hosts every state; axe runs on each role's widget.
func TestCarnetWidgetRightsInBrowser(t *testing.T) {
	e := env(t)
	full, err := examples.Carnets.ReadFile("carnet/rsa-perdu-de-vue-soissons.json")
	if err != nil {
		t.Fatal(err)
	}
	var c carnet.Carnet
	if err := json.Unmarshal(full, &c); err != nil {
		t.Fatal(err)
	}
	type state struct {
		name   string
		actor  carnet.Actor
		view   []byte
		hidden []string
	}
	var states []state
	for _, role := range carnet.Roles.Keys() {
		actor := carnetViewer(&c, role)
		// The widget computes its view on the day the browser runs.
		view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: actor, On: spie.DateOf(time.Now())}))
		if err != nil {
			t.Fatal(err)
		}
		hidden, err := leak.Hidden(full, view)
		if err != nil {
			t.Fatal(err)
		}
		states = append(states, state{name: role, actor: actor, view: view, hidden: hidden})
	}

	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	eval[bool](t, tb, `(function(){
  window.__posted = [];
  window.addEventListener("message", function (e) {
    // What the carnet widgets mounted here post, from the widgets' origin.
    var mine = Array.from(document.querySelectorAll("[id^=droits-] iframe")).some(function (f) { return f.contentWindow === e.source; });
    if (mine && e.origin === `+strconv.Quote(p.widgets.URL)+`) { try { window.__posted.push(JSON.stringify(e.data)); } catch (x) {} }
  });
  return true;
})()`)
	// Each frame is loaded from a URL of its own (the loader's base option),
	// so that the test reads the DOM of each state's widget.
	// Twelve widgets start at once on a test machine that may be busy:
	// each may take longer than the loader's default 20 s.
	const boot = 60 * time.Second
	frame := func(id string) string { return p.widgets.URL + statePath(id) + "carnet.html?" }
	for i, s := range states {
		a, _ := json.Marshal(s.actor)
		for _, kind := range []string{"full", "view"} {
			doc := full
			if kind == "view" {
				doc = s.view
			}
			id := "droits-" + strconv.Itoa(i) + "-" + kind
			eval[bool](t, tb, `mountWidget(`+strconv.Quote(id)+`, {widget: "carnet", base: `+strconv.Quote(statePath(id))+`, timeout: `+strconv.Itoa(int(boot/time.Millisecond))+`, data: {carnet: `+string(doc)+`, acteur: `+string(a)+`}})`)
		}
	}
	for i := range states {
		for _, kind := range []string{"full", "view"} {
			id := "droits-" + strconv.Itoa(i) + "-" + kind
			// Rendered: the module started (data-spie-ready), the page's
			// loading line and the widget's waiting line gone, the carnet's
			// tables (or the refusal) shown.
			pollFrameWithin(t, tb, boot, "carnet rendu ("+id+")", frame(id), `document.documentElement.getAttribute("data-spie-ready") === "1" && !document.getElementById("spie-loading") && !document.querySelector(".spie-attente") && !!document.querySelector("main caption, main .fr-alert")`)
			// Refused data would show nothing: the no-leak check would prove nothing.
			if errs := errorsOf(t, tb, id); errs != "[]" {
				t.Fatalf("carnet %s refusé par le widget : %s", id, errs)
			}
		}
	}
	time.Sleep(300 * time.Millisecond) // let the last messages arrive
	posted := eval[[]string](t, tb, `window.__posted`)
	var messages string
	for _, p := range posted {
		messages += p + "\n"
	}
	if len(posted) == 0 {
		t.Fatal("aucun message des widgets carnet capté : l'écoute ne prouverait rien")
	}
	checked := 0
	for i, s := range states {
		t.Run(s.name, func(t *testing.T) {
			dom := func(kind string) string {
				return html.UnescapeString(evalFrame[string](t, tb, frame("droits-"+strconv.Itoa(i)+"-"+kind), `document.documentElement.outerHTML`))
			}
			own := map[string]bool{}
			for _, h := range leak.Found(dom("view"), s.hidden) {
				own[h] = true
			}
			for _, h := range leak.Found(dom("full"), s.hidden) {
				if !own[h] {
					t.Errorf("valeur masquée au rôle %s présente dans le DOM du widget : %q", s.name, h)
				}
			}
			for _, h := range leak.Found(messages, s.hidden) {
				if !own[h] {
					t.Errorf("valeur masquée au rôle %s présente dans un message du widget : %q", s.name, h)
				}
			}
			checked += len(s.hidden)
			e.axeInFrame(t, tb, frame("droits-"+strconv.Itoa(i)+"-full"), "droits "+s.name+", carnet complet")
		})
	}
	if checked == 0 {
		t.Fatal("aucune valeur masquée pour aucun rôle : le test ne prouverait rien")
	}
	tb.noErrors(t)
}
