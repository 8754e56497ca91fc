//go:build !js

package wasm_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/widget"
)

// TestCommunesReviewInBrowser (review of issue 17, item 4): what a
// Département meets in production with the table of communes served apart.
//   - A server that answers every unknown path with its home page (the
//     fallback of single-page sites) serves other bytes as the table: the
//     offre widget, in English, refuses them with WIDGET-CHARGEMENT-07 and
//     the library's SPIE-COMMUNE-08, in English on the page, in spie:error
//     (message_en, and the detail's message in the embed's language), and
//     shows nothing that needs the table.
//   - Data the partner withdraws (setData(null)) while the table is on its
//     way is not applied when the table arrives: no search is run.
//
// axe: 0 violation in the new state.
func TestCommunesReviewInBrowser(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	h, err := wasm.Handler(wasm.Options{Dist: e.dist, DSFR: wasm.FindDSFR(e.moduleDir), AllowedOrigins: []string{p.site.URL}})
	if err != nil {
		t.Fatal(err)
	}
	fallback := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/communes.") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!doctype html><title>Accueil</title><p>Bienvenue</p>"))
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(fallback.Close)
	release := make(chan struct{})
	released := false
	t.Cleanup(func() {
		if !released {
			close(release)
		}
	})
	held := communesServer(t, e, p, release)

	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	ready := `document.documentElement.getAttribute("data-spie-ready") === "1"`

	t.Run("autres octets servis comme table, en anglais", func(t *testing.T) {
		frame := fallback.URL + "/offre.html"
		eval[bool](t, tb, `mountWidget("offre-fallback", {widget: "offre", lang: "en", origin: `+strconv.Quote(fallback.URL)+`, data: `+offreData+`})`)
		poll(t, tb, "spie:error de la table refusée", `window.received.some(function (r) { return r.type === "error" && r.id === "offre-fallback"; })`)
		errs := errorsOf(t, tb, "offre-fallback")
		for _, f := range []spie.Fault{widget.FaultCommunes.At(""), spie.FaultCommuneTable.At("")} {
			for _, s := range []string{`"` + f.Code + `"`, strconv.Quote(f.MessageEN)} {
				if !strings.Contains(errs, s) {
					t.Errorf("spie:error sans %s : %s", s, errs)
				}
			}
		}
		msg := eval[string](t, tb, `window.received.filter(function (r) { return r.type === "error" && r.id === "offre-fallback"; }).map(function (r) { return r.detail.message || ""; }).join("\n")`)
		if !strings.Contains(msg, widget.FaultCommunes.At("").MessageEN) || strings.Contains(msg, widget.FaultCommunes.At("").Message) {
			t.Errorf("message de spie:error pas en anglais : %q", msg)
		}
		pollFrame(t, tb, "table refusée affichée en anglais", frame, ready+` && !!document.getElementById("communes-indisponibles")`)
		pollFrame(t, tb, "textes anglais", frame, `document.body.textContent.indexOf(`+strconv.Quote(spie.FaultCommuneTable.At("").MessageEN)+`) >= 0 && document.body.textContent.indexOf("Table of communes unavailable") >= 0 && document.body.textContent.indexOf("Table des communes") < 0`)
		pollFrame(t, tb, "aucune recherche", frame, `document.querySelectorAll(".spie-results > li").length === 0`)
		e.axeInFrame(t, tb, frame, "offre en anglais, table des communes refusée")
	})

	t.Run("données retirées avant la table", func(t *testing.T) {
		frame := held.URL + "/offre.html"
		eval[bool](t, tb, `mountWidget("offre-retiree", {widget: "offre", origin: `+strconv.Quote(held.URL)+`, data: `+offreData+`})`)
		pollFrame(t, tb, "offre en attente de la table", frame, ready+` && !!document.getElementById("communes-chargement")`)
		eval[bool](t, tb, `(document.getElementById("offre-retiree").__mounted.setData(null), true)`)
		pollFrame(t, tb, "plus rien n'attend la table", frame, `!document.getElementById("communes-chargement")`)
		close(release)
		released = true
		pollFrame(t, tb, "table arrivée", frame, `performance.getEntriesByName("spie-communes").length > 0`)
		time.Sleep(time.Second) // the module hands the table over in its next turn
		pollFrame(t, tb, "aucune recherche des données retirées", frame, `!document.getElementById("communes-chargement") && document.querySelectorAll(".spie-results > li").length === 0 && !document.getElementById("resultats-titre")`)
	})
}
