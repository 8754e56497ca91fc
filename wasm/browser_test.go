package wasm_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/wasm/manifest"
)

func TestPortalEmbedsEveryWidget(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	poll(t, tb, "les cinq widgets prêts", `Array.from(document.querySelectorAll("iframe.spie-frame")).filter(function (f) {
  return f.contentDocument && f.contentDocument.documentElement.getAttribute("data-spie-ready") === "1";
}).length === `+itoa(len(manifest.Widgets)))
	// The partner's header and navigation survive the widgets.
	header := eval[string](t, tb, `document.getElementById("portal-header").textContent`)
	if !strings.Contains(header, "Aisne-sur-Mer") {
		t.Errorf("en-tête du partenaire perdu : %q", header)
	}
	links := eval[int](t, tb, `document.querySelectorAll("#portal-nav a").length`)
	if links != len(manifest.Widgets)+1 {
		t.Errorf("navigation du partenaire : %d liens, attendu %d", links, len(manifest.Widgets)+1)
	}
	// The iframes were sized to their content by the loader.
	poll(t, tb, "iframes dimensionnées", `Array.from(document.querySelectorAll("iframe.spie-frame")).every(function (f) { return f.style.height !== ""; })`)
	e.screenshot(t, tb, "portail")
	for _, w := range manifest.Widgets.Keys() {
		e.axeInFrame(t, tb, "/spie/"+w+".html", "intégré")
	}
	tb.noErrors(t)
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestWidgetPagesAccessible(t *testing.T) {
	e := env(t)
	for _, w := range manifest.Widgets.Keys() {
		t.Run(w, func(t *testing.T) {
			tb := e.newTab(t)
			tb.do(t, chromedp.Navigate(e.portal.URL+"/spie/"+w+".html"))
			poll(t, tb, "widget prêt", `document.documentElement.getAttribute("data-spie-ready") === "1"`)
			e.screenshot(t, tb, w+"-initial")
			e.axeCheck(t, tb, "initial")
			tb.noErrors(t)
		})
	}
}

func TestWrongOriginIgnored(t *testing.T) {
	e := env(t)
	t.Run("widget framed by a foreign origin", func(t *testing.T) {
		tb := e.newTab(t)
		tb.do(t, chromedp.Navigate(e.other.URL+"/"))
		poll(t, tb, "widget chargé", `(function(){ try { return false } catch (e) { return false } })() || performance.now() > 1500`)
		got := eval[int](t, tb, `window.received.length`)
		if got != 0 {
			t.Errorf("le widget a parlé à une origine non autorisée : %d messages", got)
		}
	})
	t.Run("partner ignores messages not from its widget", func(t *testing.T) {
		tb := e.newTab(t)
		tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
		poll(t, tb, "loader chargé", `!!window.SPIE && document.querySelectorAll("iframe.spie-frame").length > 0`)
		eval[bool](t, tb, `(function(){
  window.__forged = 0;
  document.addEventListener("spie:submit", function () { window.__forged++; });
  window.postMessage({spie: 1, type: "spie:submit", widget: "diagnostic", json: "{}"}, "*");
  return true;
})()`)
		poll(t, tb, "délai", `new Promise(function (r) { setTimeout(function () { r(true); }, 300); })`)
		if n := eval[int](t, tb, `window.__forged`); n != 0 {
			t.Errorf("le loader a relayé un message forgé : %d événements", n)
		}
	})
}

// TestCarnetAddContact adds a rendez-vous to the example carnet as its
// référent (the portal's viewer) and checks what the partner receives.
func TestCarnetAddContact(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	frame := `document.querySelector('#carnet iframe').contentDocument`
	poll(t, tb, "formulaire d'ajout", `(function(){ var d = `+frame+`; return !!d && !!d.getElementById("ajouter-contact"); })()`)
	eval[bool](t, tb, `(function(){ var d = `+frame+`; d.getElementById("champ-contact-commentaire").focus(); return true; })()`)
	tb.do(t, chromedp.KeyEvent("Point d'étape sur le permis"), chromedp.KeyEvent("\r"))
	poll(t, tb, "carnet reçu", `window.spieReceived.some(function (r) { return r.widget === "carnet"; })`)
	raw := eval[string](t, tb, `JSON.stringify(window.spieReceived.filter(function (r) { return r.widget === "carnet"; })[0].document)`)
	if !strings.Contains(raw, "Point d'étape sur le permis") {
		t.Errorf("le rendez-vous ajouté manque au carnet reçu")
	}
	if _, ok := schemas.Lookup("carnet"); ok {
		if fs := schemas.Validate("carnet", []byte(raw)); !fs.Valid() {
			t.Errorf("carnet reçu refusé par schemas.Validate : %v", fs)
		}
	}
	e.axeInFrame(t, tb, "/spie/carnet.html", "après ajout")
	tb.noErrors(t)
}
