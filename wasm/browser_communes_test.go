//go:build !js

package wasm_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/manifest"
	"github.com/spie-fr/socle/wasm/widget"
)

// TestCommunesNotInTheWidgetModules (issue 17, item 4): no widget module
// holds the table of communes, which Build writes once beside them
// (CommunesFile, the bytes of spie/territory/communes.tsv.gz); the
// validation module keeps it embedded, which shows the probes find the
// table when it is linked. Probes: 64 bytes from the start (gzip's header
// and the first deflate block), the middle and the end of the table.
func TestCommunesNotInTheWidgetModules(t *testing.T) {
	dist := builtDist(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	table, err := os.ReadFile(filepath.Join(root, "spie", "territory", "communes.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	served, err := os.ReadFile(filepath.Join(dist, wasm.CommunesFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(served, table) {
		t.Fatalf("%s n'est pas la table du module (%d octets au lieu de %d)", wasm.CommunesFile, len(served), len(table))
	}
	n := len(table)
	probes := [][]byte{table[:64], table[n/2 : n/2+64], table[n-64:]}
	holds := func(name string) bool {
		raw, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range probes {
			if bytes.Contains(raw, p) {
				return true
			}
		}
		return false
	}
	for _, k := range manifest.Widgets.Keys() {
		if holds(wasm.WidgetWasm(k)) {
			t.Errorf("%s contient la table des communes", wasm.WidgetWasm(k))
		}
	}
	if !holds(wasm.ValidateWasm) {
		t.Errorf("%s devrait garder la table : les sondes ne la trouvent pas, le test ne prouverait rien", wasm.ValidateWasm)
	}
}

// communesServer serves the widgets (allowing the partner's origin) with
// the table of communes answered by table: 404, or held until release is
// closed.
func communesServer(t *testing.T, e *browserEnv, p *partner, release chan struct{}) *httptest.Server {
	t.Helper()
	h, err := wasm.Handler(wasm.Options{Dist: e.dist, DSFR: wasm.FindDSFR(e.moduleDir), AllowedOrigins: []string{p.site.URL}})
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/communes.") {
			if release == nil {
				http.NotFound(w, r)
				return
			}
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// listenChanges records on the partner page the faults of every
// spie:change, by widget element id.
const listenChanges = `(function(){
  window.changes = [];
  document.addEventListener("spie:change", function (e) { window.changes.push({id: e.target.id, faults: e.detail.faults || []}); });
  return true;
})()`

// lastCommuneFaults returns the commune faults (at path) of the last
// spie:change of the widget element id, as JSON, "" before any.
func lastCommuneFaults(t *testing.T, tb *tab, id, path string) string {
	t.Helper()
	return eval[string](t, tb, `(function(){
  var c = window.changes.filter(function (x) { return x.id === `+strconv.Quote(id)+`; });
  if (!c.length) { return ""; }
  return JSON.stringify(c[c.length - 1].faults.filter(function (f) { return f.path === `+strconv.Quote(path)+`; }));
})()`)
}

// faultsJSON writes faults as the widget posts them (code, path, message,
// message_en, severity), for comparison with the library's.
func faultsJSON(t *testing.T, fs spie.Faults) string {
	t.Helper()
	out := []map[string]string{}
	for _, f := range fs {
		out = append(out, map[string]string{"code": f.Code, "path": f.Path, "message": f.Message, "message_en": f.MessageEN, "severity": string(f.Severity)})
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// typeIn sets the value of the input id in the frame as a person types it.
func typeIn(t *testing.T, tb *tab, frame, id, value string) {
	t.Helper()
	evalInFrame(t, tb, frame, `(function(){ var el = document.getElementById(`+strconv.Quote(id)+`); el.value = `+strconv.Quote(value)+`; el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, false)
}

// sameFaults compares two fault lists written as JSON.
func sameFaults(t *testing.T, got, want string) bool {
	t.Helper()
	var g, w []map[string]string
	if json.Unmarshal([]byte(got), &g) != nil || json.Unmarshal([]byte(want), &w) != nil || len(g) != len(w) {
		return false
	}
	for i := range g {
		for _, k := range []string{"code", "path", "message", "message_en", "severity"} {
			if g[i][k] != w[i][k] {
				return false
			}
		}
	}
	return true
}

// TestCommunesInBrowser (issue 17, item 4): the widgets check communes from
// a partner page on another origin with the table of communes fetched apart
// from their module. The library (package territory, embedded here) is the
// oracle of every commune fault.
//   - Table served: the diagnostic accepts Saint-Quentin (02691) and refuses
//     02999, a code of no commune, with the library's SPIE-COMMUNE-02; the
//     offre widget searches around Laon (02408) and shows the library's
//     fault for 02999.
//   - Table held back: the widgets are ready without it; a commune typed in
//     the diagnostic is not checked yet (SPIE-COMMUNE-07), the offre widget
//     says it loads the table; once released, the typed commune is checked
//     (SPIE-COMMUNE-02, posted with spie:change) and the offre search runs.
//   - Table unreachable (404): each widget says so and posts spie:error
//     with WIDGET-CHARGEMENT-07 in French and English.
//
// axe: 0 violation in each new state.
func TestCommunesInBrowser(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	release := make(chan struct{})
	held := communesServer(t, e, p, release)
	released := false
	t.Cleanup(func() {
		if !released {
			close(release)
		}
	})
	absent := communesServer(t, e, p, nil)
	unknownDiag := faultsJSON(t, territory.CheckCommune("02999", "/personne/code_commune"))
	unknownOffre := territory.CheckCommune("02999", "/commune")
	if len(unknownOffre) != 1 || unknownOffre[0].Code != "SPIE-COMMUNE-02" {
		t.Fatalf("la bibliothèque ne dit plus SPIE-COMMUNE-02 pour 02999 : %v", unknownOffre)
	}

	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	eval[bool](t, tb, listenChanges)
	ready := `document.documentElement.getAttribute("data-spie-ready") === "1"`

	t.Run("table servie", func(t *testing.T) {
		diag := p.widgets.URL + "/diagnostic.html"
		eval[bool](t, tb, `mountWidget("diag", {widget: "diagnostic"})`)
		pollFrame(t, tb, "diagnostic prêt", diag, ready+` && !!document.getElementById("champ-personne-code_commune")`)
		typeIn(t, tb, diag, "champ-personne-code_commune", "02691")
		poll(t, tb, "Saint-Quentin acceptée", `window.changes.some(function (x) { return x.id === "diag" && !x.faults.some(function (f) { return f.path === "/personne/code_commune"; }); })`)
		typeIn(t, tb, diag, "champ-personne-code_commune", "02999")
		poll(t, tb, "02999 refusée", `window.changes.some(function (x) { return x.id === "diag" && x.faults.some(function (f) { return f.code === "SPIE-COMMUNE-02"; }); })`)
		if got := lastCommuneFaults(t, tb, "diag", "/personne/code_commune"); !sameFaults(t, got, unknownDiag) {
			t.Errorf("faute de 02999 : %s, la bibliothèque dit %s", got, unknownDiag)
		}

		known := p.widgets.URL + statePath("offre-connue") + "offre.html"
		eval[bool](t, tb, `mountWidget("offre-connue", {widget: "offre", base: `+strconv.Quote(statePath("offre-connue"))+`, data: `+offreData+`})`)
		pollFrame(t, tb, "recherche autour de Laon", known, `!!document.getElementById("resultats-titre") && document.querySelectorAll(".spie-results > li").length > 0`)
		impossible := p.widgets.URL + statePath("offre-impossible") + "offre.html"
		eval[bool](t, tb, `mountWidget("offre-impossible", {widget: "offre", base: `+strconv.Quote(statePath("offre-impossible"))+`, data: {"catalogue": "/catalogue.json", "commune": "02999"}})`)
		pollFrame(t, tb, "02999 refusée par l'offre", impossible, `document.body.textContent.indexOf(`+strconv.Quote(unknownOffre[0].Message)+`) >= 0`)
		if errs := errorsOf(t, tb, "offre-connue"); errs != "[]" {
			t.Errorf("spie:error pour Laon : %s", errs)
		}
	})

	t.Run("table en retard", func(t *testing.T) {
		diag := held.URL + "/diagnostic.html"
		offre := held.URL + "/offre.html"
		eval[bool](t, tb, `mountWidget("diag-attente", {widget: "diagnostic", origin: `+strconv.Quote(held.URL)+`})`)
		eval[bool](t, tb, `mountWidget("offre-attente", {widget: "offre", origin: `+strconv.Quote(held.URL)+`, data: `+offreData+`})`)
		pollFrame(t, tb, "diagnostic prêt sans la table", diag, ready+` && !!document.getElementById("champ-personne-code_commune")`)
		typeIn(t, tb, diag, "champ-personne-code_commune", "02999")
		poll(t, tb, "commune pas encore vérifiée", `window.changes.some(function (x) { return x.id === "diag-attente" && x.faults.some(function (f) { return f.code === "SPIE-COMMUNE-07" && f.path === "/personne/code_commune" && f.severity === "error"; }); })`)
		pollFrame(t, tb, "faute affichée", diag, `document.body.textContent.indexOf("pas encore vérifiée") >= 0`)
		e.axeInFrame(t, tb, diag, "diagnostic, commune pas encore vérifiée")
		pollFrame(t, tb, "offre en attente de la table", offre, ready+` && !!document.getElementById("communes-chargement")`)
		e.axeInFrame(t, tb, offre, "offre, table des communes en chargement")

		close(release)
		released = true
		poll(t, tb, "commune vérifiée à l'arrivée de la table", `window.changes.some(function (x) { return x.id === "diag-attente" && x.faults.some(function (f) { return f.code === "SPIE-COMMUNE-02"; }); })`)
		if got := lastCommuneFaults(t, tb, "diag-attente", "/personne/code_commune"); !sameFaults(t, got, unknownDiag) {
			t.Errorf("faute de 02999 à l'arrivée de la table : %s, la bibliothèque dit %s", got, unknownDiag)
		}
		pollFrame(t, tb, "faute de la bibliothèque affichée", diag, `document.body.textContent.indexOf("pas encore vérifiée") < 0`)
		pollFrame(t, tb, "recherche faite à l'arrivée de la table", offre, `!document.getElementById("communes-chargement") && document.querySelectorAll(".spie-results > li").length > 0`)
	})
	tb.noErrors(t)

	// A missing table logs its 404 in the console: another tab.
	tb = e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	t.Run("table introuvable", func(t *testing.T) {
		want := widget.FaultCommunes.At("")
		for _, w := range []string{"diagnostic", "offre"} {
			id := w + "-sans-table"
			frame := absent.URL + "/" + w + ".html"
			eval[bool](t, tb, `mountWidget(`+strconv.Quote(id)+`, {widget: `+strconv.Quote(w)+`, origin: `+strconv.Quote(absent.URL)+`, data: `+map[string]string{"diagnostic": "null", "offre": offreData}[w]+`})`)
			poll(t, tb, "spie:error de la table absente", `window.received.some(function (r) { return r.type === "error" && r.id === `+strconv.Quote(id)+`; })`)
			errs := errorsOf(t, tb, id)
			for _, s := range []string{`"` + want.Code + `"`, strconv.Quote(want.Message), strconv.Quote(want.MessageEN)} {
				if !strings.Contains(errs, s) {
					t.Errorf("%s : spie:error sans %s : %s", w, s, errs)
				}
			}
			pollFrame(t, tb, "table indisponible affichée", frame, ready+` && !!document.getElementById("communes-indisponibles")`)
			e.axeInFrame(t, tb, frame, w+", table des communes indisponible")
		}
	})
}
