//go:build !js

package wasm_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm"
)

// partner is a partner site on its own origin (a port of its own)
// embedding the widgets of another origin: its page mounts widgets with
// SPIE.mount, its server serves its catalogue and sends the prescriptions
// the widgets propose (offer.Prescription.Send). The widgets server also
// serves the widgets under /etat/<nom>/ (mounted with the loader's base
// option, see statePath), so that one page can host several frames of one
// widget that a test tells apart by their URL (evalInFrame).
type partner struct {
	site    *httptest.Server
	mux     *http.ServeMux   // the partner's routes: a test may add its own
	widgets *httptest.Server // the widgets, allowing the partner's origin
	broken  *httptest.Server // the same widgets with no WebAssembly module (404)
	slow    *httptest.Server // the same widgets whose module never arrives
	mu      sync.Mutex
	sent    []offer.Prescription
}

func newPartner(t *testing.T, e *browserEnv) *partner {
	t.Helper()
	p := &partner{}
	catalogue := partnerCatalogue(t)
	mux := http.NewServeMux()
	p.mux = mux
	p.site = httptest.NewServer(mux)
	t.Cleanup(p.site.Close)
	h, err := wasm.Handler(wasm.Options{Dist: e.dist, DSFR: wasm.FindDSFR(e.moduleDir), AllowedOrigins: []string{p.site.URL}})
	if err != nil {
		t.Fatal(err)
	}
	p.widgets = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, "/etat/"); ok {
			name, file, found := strings.Cut(rest, "/")
			if !found || name == "" {
				http.NotFound(w, r)
				return
			}
			if !strings.HasSuffix(file, ".html") {
				// The modules and styles keep one URL for every state: the
				// browser fetches and compiles them once.
				http.Redirect(w, r, "/"+file, http.StatusFound)
				return
			}
			http.StripPrefix("/etat/"+name, h).ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(p.widgets.Close)
	p.broken = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(p.broken.Close)
	hang := make(chan struct{})
	p.slow = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-hang:
			case <-r.Context().Done():
			}
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(p.slow.Close)
	t.Cleanup(func() { close(hang) }) // runs first: the hanging requests end, then the server closes
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title><link rel="icon" href="data:,">
<script defer src="%s/spie-embed.js"></script><script defer src="/partenaire.js"></script></head>
<body><main><h1>Portail d'un partenaire</h1></main></body></html>`, p.widgets.URL)
	})
	mux.HandleFunc("GET /partenaire.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `"use strict";
window.received = [];
document.addEventListener("spie:submit", function (e) {
  window.received.push({type: "submit", id: e.target.id, detail: e.detail});
  var r = e.detail.result;
  if (r && r.operation === "envoyer") {
    fetch("/envoyer", {method: "POST", body: JSON.stringify(e.detail.document)})
      .then(function (res) { return res.json(); })
      .then(function (sent) { e.target.__mounted.outcome(sent); });
  }
});
document.addEventListener("spie:error", function (e) {
  window.received.push({type: "error", id: e.target.id, detail: e.detail, at: Date.now()});
});
window.mountWidget = function (id, options) {
  var el = document.createElement("div");
  el.id = id;
  document.querySelector("main").appendChild(el);
  window["t0-" + id] = Date.now();
  el.__mounted = SPIE.mount(el, options);
  return !!el.__mounted;
};`)
	})
	mux.HandleFunc("GET /catalogue.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(catalogue)
	})
	mux.HandleFunc("POST /envoyer", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var fiche offer.Prescription
		if err := json.Unmarshal(b, &fiche); err != nil {
			http.Error(w, "illisible", http.StatusBadRequest)
			return
		}
		if fs := fiche.Send(time.Now(), fiche.Sender.Name); !fs.Valid() {
			http.Error(w, fs.Error(), http.StatusUnprocessableEntity)
			return
		}
		p.mu.Lock()
		p.sent = append(p.sent, fiche)
		p.mu.Unlock()
		json.NewEncoder(w).Encode(&fiche)
	})
	return p
}

// partnerCatalogue is the example offer of the Aisne as the partner serves
// it: {"services": […], "structures": […]}.
func partnerCatalogue(t *testing.T) []byte {
	t.Helper()
	nd, err := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	st, err := examples.Offer.ReadFile("offer/structures-aisne.json")
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(nd), []byte("\n"))
	return []byte(`{"services":[` + string(bytes.Join(lines, []byte(","))) + `],"structures":` + string(st) + `}`)
}

// errorsOf returns the spie:error details the partner received for the
// widget element id, as JSON.
func errorsOf(t *testing.T, tb *tab, id string) string {
	t.Helper()
	return eval[string](t, tb, `JSON.stringify(window.received.filter(function (r) { return r.type === "error" && r.id === `+strconv.Quote(id)+`; }).map(function (r) { return r.detail; }))`)
}

// TestOffreAndPrescriptionFromPartner (issue 15, items 1, 3, 7): a partner
// page on another origin feeds the offre widget with its catalogue (by URL,
// fetched by the loader), the person's commune and radius; « Orienter »
// moves the focus into the fiche; its error summary has one entry per
// fault with French labels, and its links focus the field; the completed
// fiche is proposed (« prête à être transmise »), the partner's server
// sends it with offer.Prescription.Send and tells the widget, which shows
// « transmise » with the 72 h deadline. Invalid data is refused with
// spie:error carrying socle faults. 0 axe violations in each state.
func TestOffreAndPrescriptionFromPartner(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	who := `"personne":{"id":"AISNE-2026-00042","code_commune":"02408"},"emetteur":{"role":"referent","nom":"Camille Martin","siret_structure":"22020001800004"}`
	eval[bool](t, tb, `mountWidget("offre", {widget: "offre", data: {"catalogue": "/catalogue.json", "commune": "02408", "rayon_mobilite_km": 20, `+who+`}})`)
	eval[bool](t, tb, `mountWidget("offre-invalide", {widget: "offre", data: {"catalogue": {"services": [{"id": "x", "nom": "Aide"}]}, "commune": "02408"}})`)
	eval[bool](t, tb, `mountWidget("prescription-invalide", {widget: "prescription", data: {`+who+`}})`)

	offre := p.widgets.URL + "/offre.html"
	inOffre := func(expr string) string {
		t.Helper()
		return evalInFrame(t, tb, offre, expr, false)
	}
	// Invalid data: spie:error with the library's faults, a message in the widget.
	poll(t, tb, "catalogue invalide refusé", `window.received.some(function (r) { return r.type === "error" && r.id === "offre-invalide"; })`)
	errs := errorsOf(t, tb, "offre-invalide")
	for _, code := range []string{`"WIDGET-OFFRE-02"`, `"OFFRE-REQUIS-01"`, `"/catalogue/services/0/source"`} {
		if !strings.Contains(errs, code) {
			t.Errorf("spie:error du catalogue invalide sans %s : %s", code, errs)
		}
	}
	poll(t, tb, "service absent refusé", `window.received.some(function (r) { return r.type === "error" && r.id === "prescription-invalide"; })`)
	if errs := errorsOf(t, tb, "prescription-invalide"); !strings.Contains(errs, `"WIDGET-PRESC-02"`) {
		t.Errorf("spie:error de la prescription sans service : %s", errs)
	}
	pollFrame(t, tb, "message du widget prescription", p.widgets.URL+"/prescription.html", `!!document.getElementById("prescription-refus")`)
	e.axeInFrame(t, tb, p.widgets.URL+"/prescription.html", "données refusées")

	// The partner's catalogue, searched around Laon within 20 km.
	pollFrame(t, tb, "résultats", offre, `!!document.getElementById("orienter-0")`)
	var html string
	json.Unmarshal([]byte(inOffre(`document.body.innerText`)), &html)
	if strings.Contains(html, "distance inconnue") || !strings.Contains(html, "rayon 20 km") {
		t.Errorf("résultats sans distance ni rayon : %s", html)
	}
	e.axeInFrame(t, tb, offre, "résultats du catalogue du partenaire")

	// « Orienter »: the focus moves into the opened fiche.
	inOffre(`document.getElementById("orienter-0").click()`)
	pollFrame(t, tb, "fiche ouverte et focalisée", offre, `document.activeElement && document.activeElement.id === "prescription-titre"`)
	if v := inOffre(`document.getElementById("champ-personne-id").value`); v != `"AISNE-2026-00042"` {
		t.Errorf("fiche non préremplie par le partenaire : %s", v)
	}

	// Proposed incomplete: one entry per fault, French labels, links focus the field.
	inOffre(`document.getElementById("envoyer-prescription").click()`)
	pollFrame(t, tb, "résumé des erreurs", offre, `!!document.getElementById("erreurs-prescription")`)
	items := inOffre(`JSON.stringify(Array.from(document.querySelectorAll("#erreurs-prescription li")).map(function (li) { return li.textContent; }))`)
	var list string
	var entries []string
	if err := json.Unmarshal([]byte(items), &list); err != nil || json.Unmarshal([]byte(list), &entries) != nil {
		t.Fatalf("résumé illisible : %s", items)
	}
	// By hand: the partner gave the person and the prescriber; the fiche
	// lacks the need, the reason and the data-protection commitment.
	want := []string{"Frein auquel répond l'orientation : ", "Motif de l'orientation : ", "La personne est informée ; seules les données nécessaires sont partagées : "}
	if len(entries) != len(want) {
		t.Errorf("résumé : %d entrées, attendu %d (une par faute) : %q", len(entries), len(want), entries)
	}
	for _, w := range want {
		found := false
		for _, it := range entries {
			found = found || strings.HasPrefix(it, w)
		}
		if !found {
			t.Errorf("résumé sans l'entrée « %s… » : %q", w, entries)
		}
	}
	for _, it := range entries {
		if strings.Contains(it, "/") {
			t.Errorf("pointeur brut dans le résumé : %q", it)
		}
	}
	e.axeInFrame(t, tb, offre, "erreurs de la fiche")
	inOffre(`document.querySelector('#erreurs-prescription button[aria-controls="champ-motif"]').click()`)
	pollFrame(t, tb, "lien du résumé vers le champ", offre, `document.activeElement && document.activeElement.id === "champ-motif"`)

	// Completed and proposed: « prête à être transmise », a draft for the partner.
	inOffre(`(function(){
  var s = document.getElementById("champ-besoin-cle"); s.value = "mobilite"; s.dispatchEvent(new Event("change", {bubbles: true}));
  var m = document.getElementById("champ-motif"); m.value = "Préparer le permis B pour accéder aux offres d'emploi de la zone."; m.dispatchEvent(new Event("input", {bubbles: true}));
  document.getElementById("champ-engagement_donnees-accepte").click();
  return true; })()`)
	time.Sleep(200 * time.Millisecond)
	inOffre(`document.getElementById("envoyer-prescription").click()`)
	poll(t, tb, "fiche proposée au partenaire", `window.received.some(function (r) { return r.type === "submit" && r.id === "offre"; })`)
	raw := eval[string](t, tb, `JSON.stringify(window.received.filter(function (r) { return r.type === "submit" && r.id === "offre"; })[0].detail)`)
	var detail struct {
		Document json.RawMessage `json:"document"`
		Result   struct {
			Operation string `json:"operation"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(raw), &detail); err != nil {
		t.Fatal(err)
	}
	if fs := schemas.Validate("prescription", detail.Document); !fs.Valid() {
		t.Errorf("fiche proposée refusée par schemas.Validate : %v", fs)
	}
	var proposed offer.Prescription
	json.Unmarshal(detail.Document, &proposed)
	if proposed.State != offer.StateBrouillon || detail.Result.Operation != "envoyer" {
		t.Errorf("attendu un brouillon et l'envoi proposé, reçu état %q, opération %q", proposed.State, detail.Result.Operation)
	}

	// The partner's server sent it: « transmise » with the deadline, 72 h
	// after the sending its server recorded (RULES.md §4), in Paris time.
	pollFrame(t, tb, "prescription transmise", offre, `!!document.getElementById("prescription-transmise")`)
	p.mu.Lock()
	if len(p.sent) != 1 {
		p.mu.Unlock()
		t.Fatalf("le serveur du partenaire a envoyé %d fiches", len(p.sent))
	}
	sentAt, _ := p.sent[0].SentAt()
	p.mu.Unlock()
	due := sentAt.Add(72 * time.Hour).In(spie.TimeZone("02408")).Format("02/01/2006 à 15 h 04")
	var text string
	json.Unmarshal([]byte(inOffre(`document.getElementById("prescription-transmise").textContent`)), &text)
	if !strings.Contains(text, "Prescription transmise") || !strings.Contains(text, "au plus tard le "+due) {
		t.Errorf("attendu « transmise » et l'échéance du %s : %s", due, text)
	}
	e.axeInFrame(t, tb, offre, "transmise")
	tb.noErrors(t)
}

// TestWidgetLoadFailureReported (issue 15, item 7): when the WebAssembly
// module cannot be loaded (404), the widget page posts spie:error at once
// (WIDGET-CHARGEMENT-03); when it never arrives, the loader posts spie:error
// once its timeout is over (WIDGET-CHARGEMENT-01); a catalogue URL that does
// not answer is reported too (WIDGET-CHARGEMENT-02).
func TestWidgetLoadFailureReported(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	const timeout = 3000
	at := func(id string) int {
		t.Helper()
		return eval[int](t, tb, `window.received.filter(function (r) { return r.type === "error" && r.id === `+strconv.Quote(id)+`; })[0].at - window["t0-`+id+`"]`)
	}
	received := func(id string) string {
		return `window.received.some(function (r) { return r.type === "error" && r.id === ` + strconv.Quote(id) + `; })`
	}

	eval[bool](t, tb, `mountWidget("casse", {widget: "offre", origin: `+strconv.Quote(p.broken.URL)+`, timeout: `+strconv.Itoa(timeout)+`, data: {"catalogue": "/catalogue.json", "commune": "02408"}})`)
	poll(t, tb, "spie:error du module absent", received("casse"))
	if ms := at("casse"); ms >= timeout {
		t.Errorf("module absent signalé après %d ms : la page du widget doit le dire sans attendre le délai de %d ms", ms, timeout)
	}
	if errs := errorsOf(t, tb, "casse"); !strings.Contains(errs, `"WIDGET-CHARGEMENT-03"`) || !strings.Contains(errs, `"message_en"`) || strings.Contains(errs, `"WIDGET-CHARGEMENT-01"`) {
		t.Errorf("spie:error du module absent : %s", errs)
	}

	eval[bool](t, tb, `mountWidget("lent", {widget: "offre", origin: `+strconv.Quote(p.slow.URL)+`, timeout: `+strconv.Itoa(timeout)+`, data: {"catalogue": "/catalogue.json", "commune": "02408"}})`)
	poll(t, tb, "spie:error du module qui n'arrive pas", received("lent"))
	// Never before the timeout; after it, as soon as the page's thread is
	// free (a loaded test machine may delay a timer by a second or two).
	if ms := at("lent"); ms < timeout || ms > timeout+3000 {
		t.Errorf("spie:error après %d ms, attendu peu après le délai de %d ms", ms, timeout)
	}
	if errs := errorsOf(t, tb, "lent"); !strings.Contains(errs, `"WIDGET-CHARGEMENT-01"`) {
		t.Errorf("spie:error du module qui n'arrive pas : %s", errs)
	}

	eval[bool](t, tb, `mountWidget("sans-catalogue", {widget: "offre", data: {"catalogue": "/absent.json", "commune": "02408"}})`)
	poll(t, tb, "spie:error du catalogue absent", received("sans-catalogue"))
	if errs := errorsOf(t, tb, "sans-catalogue"); !strings.Contains(errs, `"WIDGET-CHARGEMENT-02"`) {
		t.Errorf("spie:error du catalogue absent : %s", errs)
	}
}
