//go:build !js

package wasm_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/examples"
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
	t.Run("foreign page cannot frame the widget", func(t *testing.T) {
		tb := e.newTab(t)
		tb.do(t, chromedp.Navigate(e.other.URL+"/"))
		time.Sleep(1500 * time.Millisecond)
		// frame-ancestors blocks the page: no widget runs in the frame.
		if v, err := tryEvalInFrame(tb, "/spie/diagnostic.html", `document.documentElement.getAttribute("data-spie-ready")`, false); err == nil && v == `"1"` {
			t.Fatal("le widget s'exécute dans une page d'une origine non autorisée")
		}
		if got := eval[int](t, tb, `window.received.length`); got != 0 {
			t.Errorf("le widget a parlé à une origine non autorisée : %d messages", got)
		}
	})
	t.Run("widget ignores messages from a foreign origin", func(t *testing.T) {
		tb := e.newTab(t)
		// The portal's own CSP (frame-src 'self') would stop the intruding
		// frame before the widget has to: bypass it to test the widget.
		tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
			return err
		}))
		tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
		poll(t, tb, "préremplissage du partenaire", `(function(){ var d = `+inFrame+`; var el = d && d.getElementById("champ-personne-id"); return !!el && el.value === "AISNE-2026-00042"; })()`)
		// A frame of another origin in the portal posts to every widget.
		eval[bool](t, tb, `(function(){ var f = document.createElement("iframe"); f.title = "intrus"; f.src = `+strconv.Quote(e.other.URL+"/poster")+`; document.body.appendChild(f); return true; })()`)
		poll(t, tb, "cadre intrus chargé", `window.frames.length === `+strconv.Itoa(len(manifest.Widgets)+1)+` && (function(){ try { return window.frames[`+strconv.Itoa(len(manifest.Widgets))+`].location.href === "x"; } catch (e) { return true; } })()`)
		time.Sleep(1500 * time.Millisecond) // it posts every 100 ms
		if posted := evalInFrame(t, tb, "/poster", `window.posted`, false); posted == "0" || posted == "null" {
			t.Fatalf("le cadre intrus n'a rien envoyé (%s)", posted)
		}
		if id := eval[string](t, tb, inFrame+`.getElementById("champ-personne-id").value`); id != "AISNE-2026-00042" {
			t.Errorf("le widget a accepté les données d'une origine non autorisée : %q", id)
		}
		if n := eval[int](t, tb, `window.spieReceived.length`); n != 0 {
			t.Errorf("le portail a relayé un message d'une autre origine : %d", n)
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
		poll(t, tb, "délai", `new Promise(function (r) { setTimeout(function () { r(true); }, 300); })`) // let the message arrive
		if n := eval[int](t, tb, `window.__forged`); n != 0 {
			t.Errorf("le loader a relayé un message forgé : %d événements", n)
		}
	})
}

// TestCarnetAddContact proposes a rendez-vous as the référent (the portal's
// viewer, who received the view of the example carnet) and checks what the
// partner receives: a proposed change, never the carnet, which the partner's
// server applies to the full carnet with carnet.Apply.
func TestCarnetAddContact(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	frame := `document.querySelector('#carnet iframe').contentDocument`
	poll(t, tb, "formulaire d'ajout", `(function(){ var d = `+frame+`; return !!d && !!d.getElementById("ajouter-contact"); })()`)
	eval[bool](t, tb, `(function(){ var d = `+frame+`; d.getElementById("champ-contact-commentaire").focus(); return true; })()`)
	tb.do(t, chromedp.KeyEvent("Point d'étape sur le permis"), chromedp.KeyEvent("\r"))
	poll(t, tb, "changement reçu", `window.spieReceived.some(function (r) { return r.widget === "carnet"; })`)
	raw := eval[string](t, tb, `JSON.stringify(window.spieReceived.filter(function (r) { return r.widget === "carnet"; })[0].document)`)
	var ch carnet.Change
	if err := json.Unmarshal([]byte(raw), &ch); err != nil || ch.Target != carnet.TargetRendezVous || ch.Op != carnet.OpAdd {
		t.Fatalf("le portail attend un changement proposé (ajout d'un rendez-vous), reçu : %s", raw)
	}
	if strings.Contains(raw, `"membres"`) || strings.Contains(raw, `"journal"`) {
		t.Errorf("le widget a renvoyé plus que le changement : %s", raw)
	}
	// The partner's server applies it to its full carnet.
	b, err := examples.Carnets.ReadFile("carnet/cej-jeune-laon.json")
	if err != nil {
		t.Fatal(err)
	}
	var c carnet.Carnet
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	referent := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: carnet.RoleReferent}
	if fs := carnet.Apply(&c, ch, referent); !fs.Valid() {
		t.Fatalf("changement proposé refusé par carnet.Apply : %v", fs)
	}
	applied, _ := json.Marshal(&c)
	if !strings.Contains(string(applied), "Point d'étape sur le permis") {
		t.Errorf("le rendez-vous proposé manque au carnet")
	}
	if fs := schemas.Validate("carnet", applied); !fs.Valid() {
		t.Errorf("carnet après le changement refusé par schemas.Validate : %v", fs)
	}
	e.axeInFrame(t, tb, "/spie/carnet.html", "après ajout")
	tb.noErrors(t)
}

// TestOffreToPrescription follows the demo portal as a partner would: the
// portal page sends its catalogue (by URL), the person's commune and radius,
// the person and the prescriber; the first result's fiche is completed with
// the keyboard and proposed; the portal's server sends it
// (offer.Prescription.Send) and the widget shows « transmise ».
func TestOffreToPrescription(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	frame := `document.querySelector('#offre iframe').contentDocument`
	focusIn := func(id string) {
		t.Helper()
		eval[bool](t, tb, `(function(){ `+frame+`.getElementById(`+strconv.Quote(id)+`).focus(); return true; })()`)
	}
	poll(t, tb, "résultats du catalogue du portail", `(function(){ var d = `+frame+`; return !!d && !!d.getElementById("orienter-0"); })()`)
	focusIn("orienter-0")
	tb.do(t, chromedp.KeyEvent("\r"))
	poll(t, tb, "fiche de prescription", `!!`+frame+`.getElementById("envoyer-prescription")`)
	focusIn("champ-motif")
	tb.do(t, chromedp.KeyEvent("Préparer le permis B pour accéder aux offres d'emploi de la zone."))
	focusIn("champ-besoin-cle")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
	focusIn("champ-engagement_donnees-accepte")
	tb.do(t, chromedp.KeyEvent(" "))
	focusIn("envoyer-prescription")
	tb.do(t, chromedp.KeyEvent("\r"))
	poll(t, tb, "prescription reçue", `window.spieReceived.some(function (r) { return r.widget === "offre"; })`)
	raw := eval[string](t, tb, `JSON.stringify(window.spieReceived.filter(function (r) { return r.widget === "offre"; })[0].document)`)
	if fs := schemas.Validate("prescription", []byte(raw)); !fs.Valid() {
		t.Errorf("prescription reçue refusée par schemas.Validate : %v\n%s", fs, raw)
	}
	poll(t, tb, "prescription transmise par le portail", `!!`+frame+`.getElementById("prescription-transmise")`)
	e.axeInFrame(t, tb, "/spie/offre.html", "transmise")
	tb.noErrors(t)
}
