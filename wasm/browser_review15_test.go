//go:build !js

package wasm_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/internal/leak"
	"github.com/spie-fr/socle/spie"
)

// review15 is a partner page (newPartner, another origin than the widgets)
// on which a review-15 test mounts widgets, each frame at a URL of its own.
type review15 struct {
	e  *browserEnv
	p  *partner
	tb *tab
}

func newReview15(t *testing.T) *review15 {
	t.Helper()
	e := env(t)
	r := &review15{e: e, p: newPartner(t, e)}
	r.tb = e.newTab(t)
	r.tb.do(t, chromedp.Navigate(r.p.site.URL+"/"))
	poll(t, r.tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	// What the widgets post to the page, resizes left out.
	eval[bool](t, r.tb, `(function(){ window.__posted = []; window.addEventListener("message", function (e) {
  if (e.origin === `+strconv.Quote(r.p.widgets.URL)+` && e.data && e.data.type !== "spie:resize") { try { window.__posted.push(JSON.stringify(e.data)); } catch (x) {} } }); return true; })()`)
	return r
}

// mount mounts widget w as element id, from a frame URL of its own; opts
// are more SpieMountOptions members (JavaScript), without braces.
func (r *review15) mount(t *testing.T, id, w, opts string) string {
	t.Helper()
	if opts != "" {
		opts = ", " + opts
	}
	eval[bool](t, r.tb, `mountWidget(`+strconv.Quote(id)+`, {widget: `+strconv.Quote(w)+`, base: `+strconv.Quote(statePath(id))+opts+`})`)
	return r.p.widgets.URL + statePath(id) + w + ".html"
}

// seen is what a person, a screen reader or a script reads in the frame:
// its HTML (attributes included) and the values of its fields.
func (r *review15) seen(t *testing.T, frame string) string {
	t.Helper()
	return evalFrame[string](t, r.tb, frame, `document.documentElement.outerHTML + "\n" + Array.from(document.querySelectorAll("input, textarea, select")).map(function (x) { return x.value; }).join("\n")`)
}

// errors returns the spie:error details the page received for element id.
func (r *review15) errors(t *testing.T, id string) string {
	t.Helper()
	return errorsOf(t, r.tb, id)
}

// waitError waits, as long as a busy machine may take to start several
// widgets, for a spie:error of element id and returns them all.
func (r *review15) waitError(t *testing.T, id string) string {
	t.Helper()
	probe := `window.received.some(function (x) { return x.type === "error" && x.id === ` + strconv.Quote(id) + `; })`
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if eval[bool](t, r.tb, probe) {
			return r.errors(t, id)
		}
	}
	t.Fatalf("aucun spie:error de %s", id)
	return ""
}

func readExample(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile("../examples/" + path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReview15RepeatedInitMixesPersonsHole: a partner page that shows one
// person after another in the same diagnostic widget (setData) must never
// show the previous person's data with the next one's. Before the fix,
// the widget merged each init into the form it held: person B's form kept
// person A's NIR, birth date and health details, and would have submitted
// them as B's.
func TestReview15RepeatedInitMixesPersonsHole(t *testing.T) {
	r := newReview15(t)
	a := readExample(t, "diagnostic/rsa-logement-sante-marseille.json")
	b := []byte(`{"id": "d-B-2026", "date": "2026-11-02", "personne": {"id": "p-B-02691", "date_naissance": "1990-04-12", "code_commune": "02691"}}`)
	hidden, err := leak.Hidden(a, b)
	if err != nil {
		t.Fatal(err)
	}
	reused := r.mount(t, "reutilise", "diagnostic", `role: "referent", data: `+string(a))
	fresh := r.mount(t, "neuf", "diagnostic", `role: "referent", data: `+string(b))
	pollFrameWithin(t, r.tb, 60*time.Second, "personne A affichée", reused, `document.getElementById("champ-personne-id") && document.getElementById("champ-personne-id").value === "p-a8e211"`)
	eval[bool](t, r.tb, `(document.getElementById("reutilise").__mounted.setData(`+string(b)+`), true)`)
	pollFrameWithin(t, r.tb, 60*time.Second, "personne B affichée", reused, `document.getElementById("champ-personne-id").value === "p-B-02691"`)
	pollFrameWithin(t, r.tb, 60*time.Second, "personne B seule", fresh, `document.getElementById("champ-personne-id") && document.getElementById("champ-personne-id").value === "p-B-02691"`)
	// Every step of B's form, in both frames: the freins step holds the health details.
	next := `(function(){ var b = document.querySelector("button.spie-next, #etape-suivante") || Array.from(document.querySelectorAll("button")).find(function (b) { return /suivante/i.test(b.textContent); }); if (b) { b.click(); } return !!b; })()`
	var seenReused, seenFresh string
	for step := 0; step < 6; step++ {
		time.Sleep(400 * time.Millisecond)
		seenReused += r.seen(t, reused)
		seenFresh += r.seen(t, fresh)
		evalInFrame(t, r.tb, reused, next, false)
		evalInFrame(t, r.tb, fresh, next, false)
	}
	own := map[string]bool{}
	for _, h := range leak.Found(seenFresh, hidden) {
		own[h] = true
	}
	leaked := 0
	for _, h := range leak.Found(seenReused, hidden) {
		if !own[h] {
			leaked++
			t.Errorf("donnée de la personne A dans le formulaire de la personne B : %q", h)
		}
	}
	if len(hidden) == 0 {
		t.Fatal("aucune donnée propre à A : le test ne prouverait rien")
	}
	t.Logf("%d valeurs de A cherchées, %d trouvées chez B", len(hidden), leaked)
}

// TestReview15DiagnosticRoleHole: the diagnostic widget is told who views
// it (role). A diagnostic handed by mistake to a role that may not read it
// (partenaire: no diagnostic section, RULES.md §10) or may not read its
// health details (coordinateur-spie, charge-orientation, co-referent: no
// santé section) must not be shown: before the fix it was, NIR and health
// details included. The view's diagnostic (health reduced to its impact,
// carnet.View) is shown to those roles.
func TestReview15DiagnosticRoleHole(t *testing.T) {
	r := newReview15(t)
	full := readExample(t, "diagnostic/rsa-logement-sante-marseille.json")
	var d diagnostic.Diagnostic
	if err := json.Unmarshal(full, &d); err != nil {
		t.Fatal(err)
	}
	redacted, _ := json.Marshal(d.Redacted())
	health := d.Freins["sante"].Details
	if health == "" {
		t.Fatal("l'exemple n'a plus de précisions de santé : le test ne prouverait rien")
	}
	part := r.mount(t, "partenaire", "diagnostic", `role: "partenaire", data: `+string(full))
	coord := r.mount(t, "coordinateur", "diagnostic", `role: "coordinateur-spie", data: `+string(full))
	coordView := r.mount(t, "coordinateur-vue", "diagnostic", `role: "coordinateur-spie", data: `+string(redacted))
	for id, want := range map[string]string{"partenaire": `"CARNET-DROITS-02"`, "coordinateur": `"CARNET-DROITS-02"`} {
		if errs := r.waitError(t, id); !strings.Contains(errs, want) || !strings.Contains(errs, `"message_en"`) {
			t.Errorf("%s : spie:error sans %s : %s", id, want, errs)
		}
	}
	for _, f := range []string{part, coord} {
		pollFrameWithin(t, r.tb, 60*time.Second, "refus affiché", f, `!!document.getElementById("donnees-refusees")`)
		s := r.seen(t, f)
		for _, v := range []string{health, string(d.Person.NIR), string(d.Person.BirthDate)} {
			if strings.Contains(s, v) {
				t.Errorf("%s montre %q à un rôle qui n'a pas le droit de le lire", f, v)
			}
		}
		r.e.axeInFrame(t, r.tb, f, "diagnostic refusé au rôle")
	}
	pollFrameWithin(t, r.tb, 60*time.Second, "vue du diagnostic affichée", coordView, `document.getElementById("champ-personne-id") && document.getElementById("champ-personne-id").value === `+strconv.Quote(d.Person.ID))
	if errs := r.errors(t, "coordinateur-vue"); errs != "[]" {
		t.Errorf("diagnostic expurgé refusé au coordinateur : %s", errs)
	}
}

// TestReview15PrescriptionOutcomeOtherFicheHole: the host's confirmation
// must be the fiche the widget proposed, sent. Before the fix, the widget
// compared identifiers only (made of the second of creation): a fiche for
// another person and another reason, with the same id, was shown
// « transmise ».
func TestReview15PrescriptionOutcomeOtherFicheHole(t *testing.T) {
	r := newReview15(t)
	nd, _ := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	svc := string(bytes.SplitN(nd, []byte("\n"), 2)[0])
	// No automatic sending for this widget: the test plays a confused host.
	eval[bool](t, r.tb, `(function(){ window.__auto = false; return true; })()`)
	f := r.mount(t, "autre-fiche", "prescription", `data: {service: `+svc+`, personne: {id: "AISNE-2026-00042", code_commune: "02408"}, emetteur: {role: "referent", nom: "Camille Martin", siret_structure: "22020001800004"}}`)
	pollFrameWithin(t, r.tb, 60*time.Second, "fiche", f, `!!document.getElementById("champ-motif")`)
	evalInFrame(t, r.tb, f, `(function(){
  var s = document.getElementById("champ-besoin-cle"); s.value = "mobilite"; s.dispatchEvent(new Event("change", {bubbles: true}));
  var m = document.getElementById("champ-motif"); m.value = "Préparer le permis B pour accéder aux offres."; m.dispatchEvent(new Event("input", {bubbles: true}));
  document.getElementById("champ-engagement_donnees-accepte").click();
  return true; })()`, false)
	time.Sleep(300 * time.Millisecond)
	// The partner page's own listener sends what it receives; this host
	// sends another fiche with the same id instead, and confirms it.
	eval[bool](t, r.tb, `(function(){ var el = document.getElementById("autre-fiche"); el.addEventListener("spie:submit", function (e) {
  e.stopImmediatePropagation();
  var other = Object.assign({}, e.detail.document, {personne: {id: "AUTRE-PERSONNE", code_commune: "02691"}, motif: "Un tout autre motif pour une autre personne."});
  fetch("/envoyer", {method: "POST", body: JSON.stringify(other)}).then(function (r) { return r.json(); }).then(function (sent) { window.__otherSent = true; el.__mounted.outcome(sent); });
}); return true; })()`)
	evalInFrame(t, r.tb, f, `document.getElementById("envoyer-prescription").click()`, false)
	poll(t, r.tb, "autre fiche confirmée", `window.__otherSent === true`)
	errs := r.waitError(t, "autre-fiche")
	if !strings.Contains(errs, `"WIDGET-PRESC-04"`) {
		t.Errorf("confirmation d'une autre fiche sans WIDGET-PRESC-04 : %s", errs)
	}
	if s := evalFrame[string](t, r.tb, f, `document.body.innerText`); strings.Contains(s, "transmise par le portail") {
		t.Errorf("une autre fiche confirmée affichée « transmise » : %s", s)
	}
}

// TestReview15CarnetForAnotherViewerHole: a view the server computed for
// one viewer, handed with another viewer, and a viewer of no known role,
// show nothing of the carnet (carnet.View gives the identifier only). Before
// the fix the widget showed that as an empty carnet (« Aucune alerte
// aujourd'hui », empty plan), with no spie:error: the host never knew.
func TestReview15CarnetForAnotherViewerHole(t *testing.T) {
	r := newReview15(t)
	full := readExample(t, "carnet/rsa-perdu-de-vue-soissons.json")
	var c carnet.Carnet
	if err := json.Unmarshal(full, &c); err != nil {
		t.Fatal(err)
	}
	ref := carnet.Actor{Role: "referent", StructureSIRET: "22020000000010", Professional: "Marc Dubois"}
	coord := carnet.Actor{Role: "coordinateur-spie", StructureSIRET: "22020000000010", Professional: "Coordination SPIE de l'Aisne"}
	view, _ := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: ref, On: spie.DateOf(time.Now())}))
	cj, _ := json.Marshal(coord)
	other := r.mount(t, "vue-autre", "carnet", `data: {carnet: `+string(view)+`, acteur: `+string(cj)+`}`)
	unknown := r.mount(t, "role-inconnu", "carnet", `data: {carnet: `+string(full)+`, acteur: {role: "admin", siret_structure: "22020000000010", professionnel: "Marc Dubois"}}`)
	for id, want := range map[string]string{"vue-autre": `"WIDGET-CARNET-03"`, "role-inconnu": `"CARNET-DROITS-01"`} {
		if errs := r.waitError(t, id); !strings.Contains(errs, want) {
			t.Errorf("%s : spie:error sans %s : %s", id, want, errs)
		}
	}
	for _, f := range []string{other, unknown} {
		pollFrameWithin(t, r.tb, 60*time.Second, "refus affiché", f, `!!document.querySelector("main .fr-alert--error")`)
		if s := evalFrame[string](t, r.tb, f, `document.body.innerText`); strings.Contains(s, "Aucune alerte") {
			t.Errorf("carnet refusé montré comme un carnet vide : %s", s)
		}
		r.e.axeInFrame(t, r.tb, f, "carnet refusé")
	}
}

// TestReview15CatalogueURLHole: a catalogue URL the loader cannot read
// (not JSON, another origin without CORS, a redirect there) is reported to
// the page AND said in the widget; a catalogue URL that never answers is
// reported once the loader's timeout is over. Before the fix the widget
// said « En attente du catalogue » for ever, and a slow URL was never
// reported at all.
func TestReview15CatalogueURLHole(t *testing.T) {
	r := newReview15(t)
	hang := make(chan struct{})
	third := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(partnerCatalogue(t))
	}))
	t.Cleanup(third.Close)
	t.Cleanup(func() { close(hang) })
	r.p.mux.HandleFunc("GET /lent.json", func(w http.ResponseWriter, req *http.Request) {
		select {
		case <-hang:
		case <-req.Context().Done():
		}
	})
	r.p.mux.HandleFunc("GET /page.html", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>pas du JSON</html>")
	})
	r.p.mux.HandleFunc("GET /redirige.json", func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, third.URL+"/catalogue.json", http.StatusFound)
	})
	who := `"commune": "02408", "rayon_mobilite_km": 30`
	frames := map[string]string{}
	for id, url := range map[string]string{"html": "/page.html", "tiers": third.URL + "/catalogue.json", "redirection": "/redirige.json"} {
		frames[id] = r.mount(t, id, "offre", `data: {catalogue: `+strconv.Quote(url)+`, `+who+`}`)
	}
	// Long enough for the module to start on a busy machine (the same
	// delay bounds the start: WIDGET-CHARGEMENT-01 otherwise).
	const timeout = 12000
	frames["lent"] = r.mount(t, "lent", "offre", `timeout: `+strconv.Itoa(timeout)+`, lang: "en", data: {catalogue: "/lent.json", `+who+`}`)
	for id, f := range frames {
		probe := `window.received.some(function (x) { return x.type === "error" && x.id === ` + strconv.Quote(id) + ` && JSON.stringify(x.detail).indexOf("WIDGET-CHARGEMENT-02") >= 0; })`
		ok := false
		for deadline := time.Now().Add(60 * time.Second); !ok && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			ok = eval[bool](t, r.tb, probe)
		}
		if !ok {
			t.Errorf("%s : spie:error sans WIDGET-CHARGEMENT-02 : %s", id, r.errors(t, id))
		}
		pollFrameWithin(t, r.tb, 60*time.Second, "refus dans le widget "+id, f, `!!document.getElementById("offre-refus")`)
		want := "catalogue impossible à télécharger"
		if id == "lent" {
			want = "catalogue could not be downloaded"
		}
		if s := evalFrame[string](t, r.tb, f, `document.getElementById("offre-refus").textContent`); !strings.Contains(s, want) {
			t.Errorf("%s : message du widget %q, attendu « %s… »", id, s, want)
		}
	}
	r.e.axeInFrame(t, r.tb, frames["lent"], "catalogue qui n'arrive pas")
}

// TestReview15CarnetFocusHole: after « Ajouter au carnet », a keyboard and
// screen-reader user is told what happened where the focus is: on the
// confirmation when the change was proposed, on an error summary (one
// entry per fault, the field's label, a button that focuses the field)
// when it was refused. Before the fix the focus fell to BODY both times and
// a refused change had no summary.
func TestReview15CarnetFocusHole(t *testing.T) {
	r := newReview15(t)
	full := readExample(t, "carnet/rsa-perdu-de-vue-soissons.json")
	var c carnet.Carnet
	if err := json.Unmarshal(full, &c); err != nil {
		t.Fatal(err)
	}
	ref := carnet.Actor{Role: "referent", StructureSIRET: "22020000000010", Professional: "Marc Dubois"}
	view, _ := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: ref, On: spie.DateOf(time.Now())}))
	rj, _ := json.Marshal(ref)
	f := r.mount(t, "ajout", "carnet", `data: {carnet: `+string(view)+`, acteur: `+string(rj)+`}`)
	pollFrameWithin(t, r.tb, 60*time.Second, "formulaire", f, `!!document.getElementById("ajouter-contact")`)
	// Refused: no date.
	evalInFrame(t, r.tb, f, `(function(){ var d = document.getElementById("champ-contact-date"); d.value = ""; d.dispatchEvent(new Event("input", {bubbles: true})); d.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, false)
	time.Sleep(300 * time.Millisecond)
	evalInFrame(t, r.tb, f, `document.getElementById("ajouter-contact").focus(); document.getElementById("ajouter-contact").click()`, false)
	r.waitError(t, "ajout")
	pollFrameWithin(t, r.tb, 60*time.Second, "focus sur le résumé des erreurs", f, `document.activeElement && document.activeElement.id === "erreurs-contact"`)
	if s := evalFrame[string](t, r.tb, f, `document.getElementById("erreurs-contact").textContent`); !strings.Contains(s, "Date") {
		t.Errorf("résumé des erreurs sans le libellé du champ : %q", s)
	}
	r.e.axeInFrame(t, r.tb, f, "rendez-vous refusé")
	evalInFrame(t, r.tb, f, `document.querySelector('#erreurs-contact button[aria-controls="champ-contact-date"]').click()`, false)
	pollFrameWithin(t, r.tb, 60*time.Second, "lien vers le champ", f, `document.activeElement && document.activeElement.id === "champ-contact-date"`)
	// Proposed.
	evalInFrame(t, r.tb, f, `(function(){ var d = document.getElementById("champ-contact-date"); d.value = new Date().toISOString().slice(0, 10); d.dispatchEvent(new Event("input", {bubbles: true})); d.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, false)
	time.Sleep(300 * time.Millisecond)
	evalInFrame(t, r.tb, f, `document.getElementById("ajouter-contact").focus(); document.getElementById("ajouter-contact").click()`, false)
	poll(t, r.tb, "changement proposé", `window.received.some(function (x) { return x.type === "submit" && x.id === "ajout"; })`)
	pollFrameWithin(t, r.tb, 60*time.Second, "focus sur la confirmation", f, `document.activeElement && document.activeElement.id === "contact-propose"`)
	r.e.axeInFrame(t, r.tb, f, "rendez-vous proposé")
}

// TestReview15LoaderOptionsHole: what the loader refuses itself (an unknown
// widget, an origin that is no URL, unreadable prefill in data-spie-data)
// reaches the page as a socle fault (code, FR and EN), like every other
// spie:error. Before the fix the detail held no fault, a French sentence only.
func TestReview15LoaderOptionsHole(t *testing.T) {
	r := newReview15(t)
	eval[bool](t, r.tb, `(mountWidget("inconnu", {widget: "agenda"}), mountWidget("origine", {widget: "offre", origin: "pas une origine"}), true)`)
	eval[bool](t, r.tb, `(function(){ var s = document.createElement("script"); s.type = "application/json"; s.id = "prerempli"; s.textContent = "{pas du json"; document.body.appendChild(s);
  var el = document.createElement("div"); el.id = "attributs"; el.setAttribute("data-spie-widget", "diagnostic"); el.setAttribute("data-spie-data", "prerempli"); document.querySelector("main").appendChild(el); SPIE.mountAll(document.querySelector("main")); return true; })()`)
	for id, code := range map[string]string{"inconnu": "WIDGET-CHARGEMENT-04", "origine": "WIDGET-CHARGEMENT-05", "attributs": "WIDGET-CHARGEMENT-06"} {
		errs := r.waitError(t, id)
		if !strings.Contains(errs, `"`+code+`"`) || !strings.Contains(errs, `"message_en"`) {
			t.Errorf("%s : spie:error sans faute du socle : %s", id, errs)
		}
	}
}

// TestReview15Holds groups the attacks that hold, on one page: a hostile
// catalogue (markup in names, script in descriptions, javascript: links,
// very long and bidirectional names) never injects anything and its bad
// elements are refused with the library's faults; a data·inclusion API page
// ({items: …}) is refused as unreadable; a third-origin frame inside the
// partner page can neither feed a widget nor make the loader dispatch an
// event; a refused catalogue in English is said in English.
func TestReview15Holds(t *testing.T) {
	r := newReview15(t)
	nd, _ := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	var svcs []map[string]any
	for _, l := range bytes.Split(bytes.TrimSpace(nd), []byte("\n"))[:30] {
		var m map[string]any
		if err := json.Unmarshal(l, &m); err != nil {
			t.Fatal(err)
		}
		svcs = append(svcs, m)
	}
	svcs[0]["nom"] = `<img src=x onerror="document.title='pwned'">Atelier`
	svcs[0]["description"] = `<script>document.title='pwned'</script>` + strings.Repeat("é", 9000)
	svcs[1]["lien_mobilisation"] = "javascript:alert(1)"
	svcs[2]["lien_source"] = "javascript:alert(1)"
	svcs[3]["nom"] = "\u202eAtelier 𝕏 🚀 " + strings.Repeat("a", 140)
	svcs[4]["nom"] = strings.Repeat("b", 5000)
	st, _ := examples.Offer.ReadFile("offer/structures-aisne.json")
	hostile, _ := json.Marshal(map[string]any{"services": svcs, "structures": json.RawMessage(st)})
	third := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html lang="fr"><title>tiers</title><script>
for (var i = 0; i < parent.frames.length; i++) {
  try { parent.frames[i].postMessage({spie: 1, type: "spie:init", data: {catalogue: {services: []}}}, "*"); } catch (e) {}
  try { parent.frames[i].postMessage({spie: 1, type: "spie:outcome", data: {id: "x"}}, "*"); } catch (e) {}
}
parent.postMessage({spie: 1, type: "spie:submit", widget: "offre", json: "{\"forge\":1}"}, "*");
parent.postMessage({spie: 1, type: "spie:error", widget: "offre", faults: [{code: "FORGE"}]}, "*");
parent.postMessage({spie: 1, type: "spie:ready", widget: "offre"}, "*");
</script></html>`)
	}))
	t.Cleanup(third.Close)
	r.p.mux.HandleFunc("GET /items.json", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items": [], "total": 0, "page": 1, "size": 50}`)
	})
	who := `"commune": "02408", "rayon_mobilite_km": 30`
	host := r.mount(t, "hostile", "offre", `data: {catalogue: `+string(hostile)+`, `+who+`}`)
	items := r.mount(t, "items", "offre", `data: {catalogue: "/items.json", `+who+`}`)
	en := r.mount(t, "anglais", "offre", `lang: "en", data: {catalogue: {services: [{"id": "x"}]}}`)

	errs := r.waitError(t, "hostile")
	for _, want := range []string{`"/catalogue/services/1/lien_mobilisation"`, `"/catalogue/services/2/lien_source"`, `"/catalogue/services/3/nom"`, `"/catalogue/services/4/nom"`, `"OFFRE-URL-01"`, `"OFFRE-LONGUEUR-01"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("catalogue hostile : spie:error sans %s : %s", want, errs)
		}
	}
	pollFrameWithin(t, r.tb, 60*time.Second, "résultats", host, `!!document.getElementById("orienter-0")`)
	inj := evalFrame[string](t, r.tb, host, `JSON.stringify({img: document.querySelectorAll("body img").length, inline: document.querySelectorAll("body script:not([src])").length,
  js: Array.from(document.querySelectorAll("*")).flatMap(function (el) { return Array.from(el.attributes); }).filter(function (a) { return /javascript:/i.test(a.value) || /^on/i.test(a.name); }).map(function (a) { return a.name; }),
  title: document.title})`)
	if inj != `{"img":0,"inline":0,"js":[],"title":"Offre d'insertion — Service public de l'insertion et de l'emploi"}` {
		t.Errorf("catalogue hostile injecté dans le widget : %s", inj)
	}
	if errs := r.waitError(t, "items"); !strings.Contains(errs, `"WIDGET-OFFRE-01"`) {
		t.Errorf("page de l'API data·inclusion : %s", errs)
	}
	pollFrameWithin(t, r.tb, 60*time.Second, "refus de la page d'API", items, `!!document.getElementById("offre-refus")`)
	if errs := r.waitError(t, "anglais"); !strings.Contains(errs, `"OFFRE-REQUIS-01"`) {
		t.Errorf("catalogue refusé en anglais : %s", errs)
	}
	pollFrameWithin(t, r.tb, 60*time.Second, "refus en anglais", en, `!!document.getElementById("offre-refus")`)
	if s := evalFrame[string](t, r.tb, en, `document.body.innerText`); !strings.Contains(s, "Catalogue refused") || strings.Contains(s, "refusé") {
		t.Errorf("refus en anglais : %s", s)
	}

	// A third-origin frame inside the partner page forges messages.
	before := eval[int](t, r.tb, `window.received.length`)
	eval[bool](t, r.tb, `(function(){ var f = document.createElement("iframe"); f.src = `+strconv.Quote(third.URL+"/")+`; f.title = "tiers"; document.body.appendChild(f); return true; })()`)
	time.Sleep(2 * time.Second)
	if got := eval[string](t, r.tb, `JSON.stringify(window.received.slice(`+strconv.Itoa(before)+`))`); got != "[]" {
		t.Errorf("messages d'un cadre tiers relayés par le chargeur : %s", got)
	}
	if !evalFrame[bool](t, r.tb, host, `!!document.getElementById("orienter-0")`) {
		t.Error("un cadre tiers a remplacé le catalogue du widget")
	}
}

// TestReview15PartnerMessagesHole: a partner page carries other scripts
// (an analytics tag, an iframe resizer…) that post their own messages to
// every frame: {type: "…"} objects, strings, numbers. The widget must ignore
// them and keep working. Before the fix, reading m.spie as a number on such
// a message panicked in Go: the WebAssembly program exited and the widget
// was dead (setData, outcome: nothing happened any more).
func TestReview15PartnerMessagesHole(t *testing.T) {
	r := newReview15(t)
	full := readExample(t, "carnet/rsa-perdu-de-vue-soissons.json")
	var c carnet.Carnet
	if err := json.Unmarshal(full, &c); err != nil {
		t.Fatal(err)
	}
	ref := carnet.Actor{Role: "referent", StructureSIRET: "22020000000010", Professional: "Marc Dubois"}
	view, _ := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: ref, On: spie.DateOf(time.Now())}))
	rj, _ := json.Marshal(ref)
	f := r.mount(t, "bruit", "carnet", ``)
	poll(t, r.tb, "widget prêt", `!!document.querySelector("#bruit iframe") && window.__posted.some(function (m) { return m.indexOf("spie:ready") >= 0; })`)
	// Other scripts of the page talk to every frame.
	eval[bool](t, r.tb, `(function(){ var w = document.querySelector("#bruit iframe").contentWindow;
  w.postMessage({type: "resize-request"}, "*"); w.postMessage("ping", "*"); w.postMessage(42, "*"); w.postMessage({spie: "1", type: "spie:init"}, "*"); w.postMessage({spie: 1}, "*"); return true; })()`)
	time.Sleep(500 * time.Millisecond)
	eval[bool](t, r.tb, `(document.getElementById("bruit").__mounted.setData({carnet: `+string(view)+`, acteur: `+string(rj)+`}), true)`)
	pollFrameWithin(t, r.tb, 60*time.Second, "carnet affiché après les messages des autres scripts", f, `!!document.querySelector("main caption")`)
	r.tb.noErrors(t)
}

// TestReview15RefusalAnnouncedHole: when the partner's data is refused
// after the widget waited for it, a screen-reader user is told: the
// refusal is an alert (role="alert"), announced without moving the focus.
// Before the fix, the refusal replaced the waiting line silently.
func TestReview15RefusalAnnouncedHole(t *testing.T) {
	r := newReview15(t)
	frames := map[string]string{
		"carnet":       r.mount(t, "refus-carnet", "carnet", `data: {carnet: 5}`),
		"offre":        r.mount(t, "refus-offre", "offre", `data: {catalogue: 5}`),
		"prescription": r.mount(t, "refus-prescription", "prescription", `data: {personne: {id: "P-1"}}`),
		"indicateurs":  r.mount(t, "refus-indicateurs", "indicateurs", `data: {indicateurs: 5}`),
		"diagnostic":   r.mount(t, "refus-diagnostic", "diagnostic", `data: 5`),
	}
	for w, f := range frames {
		r.waitError(t, "refus-"+w)
		pollFrameWithin(t, r.tb, 40*time.Second, "refus affiché ("+w+")", f, `!!document.querySelector("main .fr-alert--error")`)
		if !evalFrame[bool](t, r.tb, f, `!!document.querySelector("main .fr-alert--error").closest("[role=alert]")`) {
			t.Errorf("%s : refus des données sans role=alert : %s", w, evalFrame[string](t, r.tb, f, `document.querySelector("main .fr-alert--error").outerHTML`))
		}
		r.e.axeInFrame(t, r.tb, f, "données refusées ("+w+")")
	}
}
