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
	"github.com/spie-fr/socle/wasm/widget"
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
    var send = function () {
      fetch("/envoyer", {method: "POST", body: JSON.stringify(e.detail.document)})
        .then(function (res) { return res.json(); })
        .then(function (sent) { e.target.__mounted.outcome(sent); });
    };
    // A test may hold the sending (window.holdSending) to see the widget
    // before the server's confirmation, then release it.
    if (window.holdSending) { window.release = send; } else { send(); }
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

// TestOffreAndPrescriptionFromPartner (issue 15, items 1, 3, 6, 7): a
// partner page on another origin feeds the offre widget with its catalogue
// (by URL, fetched by the loader), the person's commune and radius, and
// follows it to the prescription sent (offreToSent), in French, then in
// English (lang: "en"): there, nothing a person reads holds a French word
// but the terms of art and the catalogue's own words (noFrenchInFrame),
// nor any sentence the French run read. Invalid data is refused with
// spie:error carrying socle faults. 0 axe violations in each state.
func TestOffreAndPrescriptionFromPartner(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	eval[bool](t, tb, `mountWidget("offre", {widget: "offre", data: `+offreData+`})`)
	eval[bool](t, tb, `mountWidget("offre-en", {widget: "offre", lang: "en", base: `+strconv.Quote(statePath("offre-en"))+`, data: `+offreData+`})`)
	eval[bool](t, tb, `mountWidget("offre-invalide", {widget: "offre", data: {"catalogue": {"services": [{"id": "x", "nom": "Aide"}]}, "commune": "02408"}})`)
	eval[bool](t, tb, `mountWidget("prescription-invalide", {widget: "prescription", data: {`+offreWho+`}})`)

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

	// What the French run reads, to be found nowhere in English but the
	// catalogue's own words.
	allowed := append(freeTexts(t, partnerCatalogue(t)), "Préparer le permis B pour accéder aux offres d'emploi de la zone.")
	own := map[string]bool{}
	for _, a := range allowed {
		own[a] = true
	}
	french := map[string]bool{}
	frame := p.widgets.URL + "/offre.html"
	offreToSent(t, e, tb, p, "offre", frame, offreIn("fr"), func(state string) {
		for _, line := range evalFrame[[]string](t, tb, frame, readableJS) {
			if sentence(line) && !own[line] {
				french[line] = true
			}
		}
	})
	if len(french) < 10 {
		t.Errorf("%d phrases françaises seulement : la comparaison avec l'anglais ne prouverait rien", len(french))
	}
	en := p.widgets.URL + statePath("offre-en") + "offre.html"
	offreToSent(t, e, tb, p, "offre-en", en, offreIn("en"), func(state string) {
		t.Helper()
		noFrenchInFrame(t, tb, en, "offre, "+state, allowed)
		for _, line := range evalFrame[[]string](t, tb, en, readableJS) {
			if french[line] && !own[line] {
				t.Errorf("offre, %s : texte du rendu français resté en anglais : %q", state, line)
			}
		}
	})
	t.Logf("%d phrases du rendu français comparées au rendu anglais", len(french))
	tb.noErrors(t)
}

// offreWho is the person and the prescriber the partner sends, and
// offreData the offre widget's data: the partner's catalogue by URL, the
// person around Laon within 20 km.
const (
	offreWho  = `"personne":{"id":"AISNE-2026-00042","code_commune":"02408"},"emetteur":{"role":"referent","nom":"Camille Martin","siret_structure":"22020001800004"}`
	offreData = `{"catalogue": "/catalogue.json", "commune": "02408", "rayon_mobilite_km": 20, ` + offreWho + `}`
)

// offreWords are what the offre → prescription run reads in one language,
// written here by hand from the widget's texts and field labels
// (wasm/widget).
type offreWords struct {
	lang        string
	unknown     string   // a distance the widget does not know
	distance    string   // part of a result's distance reason
	summary     []string // the error summary's entries (label and separator), one per fault
	ready       string   // « prête à être transmise »
	sent        string   // « transmise »
	dueLayout   string   // the deadline as written (time.Format)
	dueSentence string   // the sentence holding it (fmt, one %s)
}

// offreIn returns the words of the offre → prescription run in lang.
func offreIn(lang string) offreWords {
	if lang == "en" {
		return offreWords{
			lang: "en", unknown: "distance unknown", distance: " km from the town",
			summary: []string{"Barrier the referral answers: ", "Reason for the referral: ", "The person is informed; only the necessary data is shared: "},
			ready:   "Referral ready to be sent", sent: "Referral sent",
			dueLayout: "2 January 2006 at 15:04", dueSentence: "by %s at the latest",
		}
	}
	return offreWords{
		lang: "fr", unknown: "distance inconnue", distance: "rayon 20 km",
		summary: []string{"Frein auquel répond l'orientation : ", "Motif de l'orientation : ", "La personne est informée ; seules les données nécessaires sont partagées : "},
		ready:   "Prescription prête à être transmise", sent: "Prescription transmise",
		dueLayout: "02/01/2006 à 15 h 04", dueSentence: "au plus tard le %s",
	}
}

// offreToSent follows the offre widget mounted as id (its frame's URL
// holding frame), fed with offreData, in the language of w: the results
// give distances; « Orienter » moves the focus into the fiche, prefilled;
// proposed incomplete, its error summary has one entry per fault with the
// fields' labels, and its links focus the field; completed, the fiche is
// proposed (« prête à être transmise », a draft for the partner); the
// partner's server sends it with offer.Prescription.Send and tells the
// widget, which shows « transmise » with the 72 h deadline. Each state
// passes axe, and check when not nil.
func offreToSent(t *testing.T, e *browserEnv, tb *tab, p *partner, id, frame string, w offreWords, check func(state string)) {
	t.Helper()
	inOffre := func(expr string) string {
		t.Helper()
		return evalInFrame(t, tb, frame, expr, false)
	}
	state := func(name string) {
		t.Helper()
		e.axeInFrame(t, tb, frame, name)
		if check != nil {
			check(name)
		}
	}
	p.mu.Lock()
	before := len(p.sent)
	p.mu.Unlock()

	// The partner's catalogue, searched around Laon within 20 km.
	pollFrame(t, tb, "résultats", frame, `!!document.getElementById("orienter-0")`)
	html := evalFrame[string](t, tb, frame, `document.body.innerText`)
	if strings.Contains(html, w.unknown) || !strings.Contains(html, w.distance) {
		t.Errorf("résultats sans distance (« %s ») : %s", w.distance, html)
	}
	state("résultats du catalogue du partenaire")

	// « Orienter »: the focus moves into the opened fiche.
	inOffre(`document.getElementById("orienter-0").click()`)
	pollFrame(t, tb, "fiche ouverte et focalisée", frame, `document.activeElement && document.activeElement.id === "prescription-titre"`)
	if v := inOffre(`document.getElementById("champ-personne-id").value`); v != `"AISNE-2026-00042"` {
		t.Errorf("fiche non préremplie par le partenaire : %s", v)
	}
	state("fiche ouverte")

	// Proposed incomplete: one entry per fault, the fields' labels, links focus the field.
	inOffre(`document.getElementById("envoyer-prescription").click()`)
	pollFrame(t, tb, "résumé des erreurs", frame, `!!document.getElementById("erreurs-prescription")`)
	entries := evalFrame[[]string](t, tb, frame, `Array.from(document.querySelectorAll("#erreurs-prescription li")).map(function (li) { return li.textContent; })`)
	// By hand: the partner gave the person and the prescriber; the fiche
	// lacks the need, the reason and the data-protection commitment.
	if len(entries) != len(w.summary) {
		t.Errorf("résumé : %d entrées, attendu %d (une par faute) : %q", len(entries), len(w.summary), entries)
	}
	for _, want := range w.summary {
		found := false
		for _, it := range entries {
			found = found || strings.HasPrefix(it, want)
		}
		if !found {
			t.Errorf("résumé sans l'entrée « %s… » : %q", want, entries)
		}
	}
	for _, it := range entries {
		if strings.Contains(it, "/") {
			t.Errorf("pointeur brut dans le résumé : %q", it)
		}
	}
	state("erreurs de la fiche")
	inOffre(`document.querySelector('#erreurs-prescription button[aria-controls="champ-motif"]').click()`)
	pollFrame(t, tb, "lien du résumé vers le champ", frame, `document.activeElement && document.activeElement.id === "champ-motif"`)

	// Completed and proposed: « prête à être transmise », a draft for the
	// partner, whose server holds the sending until the test saw it.
	inOffre(`(function(){
  var s = document.getElementById("champ-besoin-cle"); s.value = "mobilite"; s.dispatchEvent(new Event("change", {bubbles: true}));
  var m = document.getElementById("champ-motif"); m.value = "Préparer le permis B pour accéder aux offres d'emploi de la zone."; m.dispatchEvent(new Event("input", {bubbles: true}));
  document.getElementById("champ-engagement_donnees-accepte").click();
  return true; })()`)
	pollFrame(t, tb, "fiche complétée", frame, `document.getElementById("champ-engagement_donnees-accepte").checked && document.getElementById("champ-motif").value.length > 10`)
	eval[bool](t, tb, `(window.holdSending = true, true)`)
	inOffre(`document.getElementById("envoyer-prescription").click()`)
	received := `window.received.filter(function (r) { return r.type === "submit" && r.id === ` + strconv.Quote(id) + `; })`
	poll(t, tb, "fiche proposée au partenaire", received+`.length > 0`)
	raw := eval[string](t, tb, `JSON.stringify(`+received+`[0].detail)`)
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
	pollFrame(t, tb, "prête à être transmise", frame, `!!document.getElementById("prescription-prete")`)
	if got := evalFrame[string](t, tb, frame, `document.getElementById("prescription-prete").textContent`); !strings.Contains(got, w.ready) {
		t.Errorf("attendu « %s » : %s", w.ready, got)
	}
	state("prête à être transmise")

	// The partner's server sent it: « transmise » with the deadline, 72 h
	// after the sending its server recorded (RULES.md §4), in Paris time.
	eval[bool](t, tb, `(window.holdSending = false, window.release(), true)`)
	pollFrame(t, tb, "prescription transmise", frame, `!!document.getElementById("prescription-transmise")`)
	p.mu.Lock()
	if len(p.sent) != before+1 {
		p.mu.Unlock()
		t.Fatalf("le serveur du partenaire a envoyé %d fiches", len(p.sent)-before)
	}
	sentAt, _ := p.sent[before].SentAt()
	p.mu.Unlock()
	due := sentAt.Add(72 * time.Hour).In(spie.TimeZone("02408")).Format(w.dueLayout)
	text := evalFrame[string](t, tb, frame, `document.getElementById("prescription-transmise").textContent`)
	if want := fmt.Sprintf(w.dueSentence, due); !strings.Contains(text, w.sent) || !strings.Contains(text, want) {
		t.Errorf("attendu « %s » et « %s » : %s", w.sent, want, text)
	}
	state("transmise")
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

// TestLoaderMessagesInBothLanguages (issue 15, items 3 and 7): on a partner
// page of another origin, the loader refuses an unknown widget, an origin
// that is not an address and prefill data it cannot read, and relays the
// widget page's fault when its module is missing (404), each with
// spie:error carrying socle faults in both languages (message and
// message_en, the texts of wasm/widget's fault types); the event's message
// and the developer console's warning are French by default and English
// when the embed's lang is "en"; the widget page says its own fault in
// its console in its language too.
func TestLoaderMessagesInBothLanguages(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	cases := []struct {
		id    string
		fault *spie.FaultType
		mount string // the options, lang added
	}{
		{"inconnu", widget.FaultWidget, `{widget: "agenda"`},
		{"origine", widget.FaultOrigin, `{widget: "offre", origin: "pas une adresse"`},
		{"casse", widget.FaultModule, `{widget: "offre", origin: ` + strconv.Quote(p.broken.URL) + `, data: {"commune": "02408"}`},
	}
	for _, lang := range []string{"fr", "en"} {
		for _, c := range cases {
			eval[bool](t, tb, `(mountWidget(`+strconv.Quote(c.id+"-"+lang)+`, `+c.mount+`, lang: `+strconv.Quote(lang)+`}), true)`)
		}
		// Prefill data named by an attribute, absent from the page (the
		// origin refused too, so that no frame is made).
		eval[bool](t, tb, `(function(){ var el = document.createElement("div"); el.id = "attributs-`+lang+`";
  el.setAttribute("data-spie-widget", "offre"); el.setAttribute("data-spie-data", "absent"); el.setAttribute("data-spie-lang", `+strconv.Quote(lang)+`);
  el.setAttribute("data-spie-origin", "pas une adresse");
  var box = document.createElement("div"); box.appendChild(el); document.querySelector("main").appendChild(box); SPIE.mountAll(box); return true; })()`)
	}
	type detail struct {
		Message string       `json:"message"`
		Faults  []spie.Fault `json:"faults"`
	}
	for _, lang := range []string{"fr", "en"} {
		text := func(f spie.Fault) string {
			if lang == "en" {
				return f.MessageEN
			}
			return f.Message
		}
		prefix := map[string]string{"fr": "spie-embed : ", "en": "spie-embed: "}[lang]
		check := func(id string, want ...*spie.FaultType) {
			t.Helper()
			poll(t, tb, "spie:error de "+id, `window.received.filter(function (r) { return r.type === "error" && r.id === `+strconv.Quote(id)+`; }).length >= `+strconv.Itoa(len(want)))
			var got []detail
			if err := json.Unmarshal([]byte(errorsOf(t, tb, id)), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s : %d spie:error, attendu %d : %+v", id, len(got), len(want), got)
			}
			for i, ft := range want {
				w := ft.At("")
				if len(got[i].Faults) != 1 {
					t.Errorf("%s : fautes %+v, attendu %s", id, got[i].Faults, w.Code)
					continue
				}
				f := got[i].Faults[0]
				if f.Code != w.Code || f.Message != w.Message || f.MessageEN != w.MessageEN {
					t.Errorf("%s : faute %+v, attendu %s en français et en anglais", id, f, w.Code)
				}
				if got[i].Message != text(w) {
					t.Errorf("%s : message de l'événement %q, attendu %q", id, got[i].Message, text(w))
				}
				tb.mu.Lock()
				warned := false
				for _, m := range tb.warnings {
					warned = warned || strings.HasPrefix(m, prefix+text(w))
				}
				tb.mu.Unlock()
				if !warned {
					t.Errorf("%s : la console ne dit pas « %s%s » : %q", id, prefix, text(w), tb.warnings)
				}
			}
		}
		for _, c := range cases {
			check(c.id+"-"+lang, c.fault)
		}
		check("attributs-"+lang, widget.FaultPrefill, widget.FaultOrigin)
	}
	// No French in the console of the English embeds: the French texts are
	// said once per fault, by the French ones.
	tb.mu.Lock()
	defer tb.mu.Unlock()
	// The widget page whose module is missing says so in its own console,
	// in its language.
	m := widget.FaultModule.At("")
	for _, want := range []string{"console.error : spie : " + m.Message, "console.error : spie: " + m.MessageEN} {
		found := false
		for _, e := range tb.errors {
			found = found || strings.HasPrefix(e, want)
		}
		if !found {
			t.Errorf("la page du widget ne dit pas « %s » : %q", want, tb.errors)
		}
	}
	for _, ft := range []*spie.FaultType{widget.FaultWidget, widget.FaultOrigin, widget.FaultModule, widget.FaultPrefill} {
		n := 0
		for _, m := range tb.warnings {
			if strings.Contains(m, ft.At("").Message) {
				n++
			}
		}
		if want := map[*spie.FaultType]int{widget.FaultPrefill: 1, widget.FaultOrigin: 2}[ft]; max(want, 1) != n {
			t.Errorf("%s : %d avertissements en français, attendu %d (les montages en français seulement)", ft.At("").Code, n, max(want, 1))
		}
	}
}
