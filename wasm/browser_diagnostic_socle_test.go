//go:build !js

package wasm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

// socleSecrets are health values typed or sent in the test: they may leave
// the widget only in the document handed back on spie:submit.
var socleSecrets = []string{"hospitalisation en novembre", "mon dos me fait souffrir"}

// socleEnvelope is what a partner sends to the diagnostic widget: the
// diagnostic known so far (the portal's RSA person, rights opened on
// 1 September 2026: the 42-day orientation deadline of CASF D262-65-2 fell
// on 13 October 2026, passed on any day this test runs), the référent and
// the plan d'action.
func socleEnvelope(t *testing.T, diag string) string {
	t.Helper()
	obj := diagnostic.Objectifs.InGroup("logement")[0].Key
	return `{"diagnostic": ` + diag + `,
"referent": {"id": "m1", "role": "referent", "professionnel": "Dominique Leroy", "siret_structure": "22020001800004", "date_debut": "2026-11-01"},
"plan": {"objectifs": [{"id": "o1", "thematique": "logement", "objectif": "` + obj + `", "statut": "EN_COURS", "date": "2026-11-01"}]}}`
}

const socleDiagnostic = `{"id": "DIAG-2026-0099", "personne": {"id": "AISNE-2026-00042", "date_naissance": "1990-04-12", "code_commune": "02691"},
"criteres_publics": {"rsa": true, "date_ouverture_droits_rsa": "2026-09-01"}, "siret_structure": "22020001800004",
"auteurs": [{"nom": "Camille Martin", "role": "travailleur-social"}]}`

// frameJS installs, on the partner page (newPartner, another origin than
// the widgets), what the test listens to: the messages of the diagnostic
// widget mounted in #h-diag, the documents it submits, and __mount, which
// replaces that widget, its frame loaded under base (statePath), in lang.
func frameJS(widgets string) string {
	return `(function(){
  window.__posted = [];
  window.__submitted = [];
  window.addEventListener("message", function (e) {
    var f = document.querySelector("#h-diag iframe");
    if (f && f.contentWindow === e.source && e.origin === ` + strconv.Quote(widgets) + `) { try { window.__posted.push(JSON.stringify(e.data)); } catch (x) {} }
  });
  window.__mount = function (data, role, base, lang) {
    var old = document.getElementById("h-diag");
    if (old) { old.remove(); }
    var el = document.createElement("div"); el.id = "h-diag"; document.querySelector("main").appendChild(el);
    el.addEventListener("spie:submit", function (e) { window.__submitted.push(e.detail); });
    window.__posted = [];
    SPIE.mount(el, {widget: "diagnostic", data: data, role: role, base: base, lang: lang});
    return true;
  };
  return true;
})()`
}

// diagFrame is the diagnostic widget's frame, on the widgets' origin: the
// test reaches its DOM through the DevTools protocol (evalInFrame), never
// through the partner page, which cannot.
type diagFrame struct {
	tb  *tab
	url string     // part of the frame's URL naming it (statePath)
	w   socleWords // what the widget writes, in the language it was mounted in
}

// socleWords are what the whole-socle run reads in one language, written
// here by hand from the law and the widget's texts (wasm/widget) and
// definitions' labels: the run checks that the widget writes each of them.
type socleWords struct {
	lang         string
	step         string    // "Étape %d sur " with the step's number
	personSteps  [2]string // a part of each step's title, person's mode
	proSteps     [6]string // a part of each step's title, professional's mode
	summary      []string  // what the person's summary holds
	sensitive    string    // the mark of a sensitive field
	late         string    // the RSA deadline's status
	rsaDue       string    // the RSA deadline's date (1 September 2026 + 42 days, a Tuesday)
	completeness string
	errors       string // part of the error summary's title
}

// socleIn returns the words of the whole-socle run in lang, "fr" or "en".
func socleIn(lang string) socleWords {
	obj, _ := diagnostic.Objectifs.Get(diagnostic.Objectifs.InGroup("logement")[0].Key)
	if lang == "en" {
		return socleWords{
			lang: "en", step: "Step %d of ",
			personSteps: [2]string{"Your view, theme by theme", "Your summary"},
			proSteps:    [6]string{"The person", "Public criteria", "Work situation", "Barriers", "Authors", "Summary"},
			summary: []string{"Dominique Leroy", "Orientation of the RSA beneficiary: the planned date, 13 October 2026, has passed.",
				"“Je dors chez ma sœur depuis l'été.”", "Your action plan", obj.Label.EN},
			sensitive: "Sensitive data", late: "Late", rsaDue: "13 October 2026",
			completeness: "Completeness of the assessment", errors: "to correct",
		}
	}
	return socleWords{
		lang: "fr", step: "Étape %d sur ",
		personSteps: [2]string{"Votre avis, thème par thème", "Votre résumé"},
		proSteps:    [6]string{"La personne", "Critères de public", "Situation professionnelle", "Freins", "Auteurs", "Récapitulatif"},
		summary: []string{"Dominique Leroy", "Orientation du bénéficiaire du RSA : la date prévue, le mardi 13 octobre 2026, est dépassée.",
			"« Je dors chez ma sœur depuis l'été. »", "Votre plan d'action", obj.Label.FR},
		sensitive: "Donnée sensible", late: "En retard", rsaDue: "mardi 13 octobre 2026",
		completeness: "Complétude du diagnostic", errors: "à corriger",
	}
}

// diagHelpers, evaluated in the widget's frame: set a field's value as
// typing would (input and change events), click, read.
const diagHelpers = `var __has = function (id) { return !!document.getElementById(id); };
var __set = function (id, v) {
  var el = document.getElementById(id);
  el.value = v;
  el.dispatchEvent(new Event("input", {bubbles: true}));
  if (el.tagName === "SELECT") { el.dispatchEvent(new Event("change", {bubbles: true})); }
  return true;
};
var __click = function (id) { document.getElementById(id).click(); return true; };
var __text = function (id) { var el = document.getElementById(id); return el ? el.textContent : ""; };
`

func inDiag(expr string) string {
	return `(function(){ ` + diagHelpers + ` return (` + expr + `); })()`
}

// fval evaluates expr in the widget's frame, with the helpers.
func fval[T any](t *testing.T, f diagFrame, expr string) T {
	t.Helper()
	return evalFrame[T](t, f.tb, f.url, inDiag(expr))
}

// fpoll waits until expr is true in the widget's frame, with the helpers.
func fpoll(t *testing.T, f diagFrame, what, expr string) {
	t.Helper()
	pollFrame(t, f.tb, what, f.url, inDiag(expr))
}

func fset(t *testing.T, f diagFrame, id, v string) {
	t.Helper()
	fpoll(t, f, "champ #"+id, `__has(`+strconv.Quote(id)+`)`)
	fval[bool](t, f, `__set(`+strconv.Quote(id)+`, `+strconv.Quote(v)+`)`)
	fpoll(t, f, "valeur de #"+id, `document.getElementById(`+strconv.Quote(id)+`).value === `+strconv.Quote(v))
}

func fclick(t *testing.T, f diagFrame, id string) {
	t.Helper()
	fpoll(t, f, "bouton #"+id, `__has(`+strconv.Quote(id)+`)`)
	fval[bool](t, f, `__click(`+strconv.Quote(id)+`)`)
}

// fstep goes to the next step, the n-th, whose title holds title.
func fstep(t *testing.T, f diagFrame, n int, title string) {
	t.Helper()
	fclick(t, f, "suivant")
	fpoll(t, f, "étape "+strconv.Itoa(n), `__text("etape-titre").indexOf(`+strconv.Quote(fmt.Sprintf(f.w.step, n))+`) === 0 && __text("etape-titre").indexOf(`+strconv.Quote(title)+`) > 0`)
}

// noSecretPosted fails when a health value appears in any message the
// widget posted, but the document of spie:submit.
func noSecretPosted(t *testing.T, tb *tab) {
	t.Helper()
	posted := eval[[]string](t, tb, `window.__posted`)
	changes := 0
	for _, p := range posted {
		var m struct {
			Type string `json:"type"`
			JSON string `json:"json"`
		}
		if err := json.Unmarshal([]byte(p), &m); err != nil {
			t.Fatal(err)
		}
		if m.Type == "spie:change" {
			changes++
		}
		if m.Type == "spie:submit" {
			var rest map[string]any
			_ = json.Unmarshal([]byte(p), &rest)
			delete(rest, "json")
			b, _ := json.Marshal(rest)
			p = string(b)
		}
		for _, s := range socleSecrets {
			if strings.Contains(p, s) {
				t.Errorf("donnée de santé « %s » dans un message %s du widget", s, m.Type)
			}
		}
	}
	if changes == 0 {
		t.Fatal("aucun spie:change capté : l'écoute ne prouverait rien")
	}
}

// TestDiagnosticWholeSocleInBrowser (issue 15, items 5 and 6): on a
// partner page of another origin than the widgets (the frame reached
// through evalInFrame), the person fills their own view (role usager) and
// sees their printable summary; the professional's widget, given the
// person's document, refuses the work situation left empty with an error
// summary whose links focus the fields, shows the person's words beside
// the professional's assessment, asks the whole socle, and the recap shows
// completeness, orientation and the RSA deadline, passed. The run is made
// in French, then in English (lang: "en") on the same page: in English, no
// French word but the terms of art and the data's own words is read in any
// state (noFrenchInFrame), nor any sentence the French run read but the
// data's own words (whatever its words: the detector's list may miss
// one). axe finds no violation in any state (in
// French, but the three the English run alone audits: see more); printing
// shows the summary only; health values leave the widget only in the
// submitted document.
func TestDiagnosticWholeSocleInBrowser(t *testing.T) {
	e := env(t)
	p := newPartner(t, e)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(p.site.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE && !!window.mountWidget`)
	eval[bool](t, tb, frameJS(p.widgets.URL))
	french := map[string]bool{} // what the French run read, to be found nowhere in English
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) { wholeSocle(t, e, tb, p, socleIn(lang), french) })
	}
	tb.noErrors(t)
}

// sentence tells a line of three words or more: one the French and the
// English renderings never share, but for the data's own words (single
// words and pairs may be the same in both: Situation, Orientation, RSA…).
func sentence(line string) bool { return len(strings.Fields(line)) >= 3 }

// wholeSocle runs the diagnostic complete, person's mode then
// professional's, in the language of w, on the partner page of tb
// (frameJS installed). The French run records in french the sentences it
// reads (readableJS); the English run, after it, fails on any of them
// found again but the data's own words: a text the widget did not switch,
// whatever its words.
func wholeSocle(t *testing.T, e *browserEnv, tb *tab, p *partner, w socleWords, french map[string]bool) {
	eval[bool](t, tb, `(window.__submitted = [], true)`)
	// Each mode's frame is loaded from a URL of its own (the loader's base option).
	mode := func(name string) (diagFrame, string) {
		base := statePath(name + "-" + w.lang)
		return diagFrame{tb: tb, url: p.widgets.URL + base + "diagnostic.html?", w: w}, base
	}
	envelope := socleEnvelope(t, socleDiagnostic)
	// What the widget shows as it was typed or sent: the data's own words.
	allowed := append(freeTexts(t, []byte(envelope)), socleSecrets...)
	allowed = append(allowed, "Je dors chez ma sœur depuis l'été.", "Demande de logement social déposée.", "CAP Cuisine", "Cuisinier", "Alex Durand")
	for _, v := range diagnostic.SkillValidations.Keys() {
		allowed = append(allowed, "Compétence "+v)
	}
	// state checks the state the frame shows: axe, and no French in English.
	own := map[string]bool{}
	for _, a := range allowed {
		own[a] = true
	}
	state := func(f diagFrame, name string) {
		t.Helper()
		e.axeInFrame(t, tb, f.url, name)
		if w.lang == "en" {
			noFrenchInFrame(t, tb, f.url, name, allowed)
		}
		for _, line := range evalFrame[[]string](t, tb, f.url, readableJS) {
			switch {
			case !sentence(line) || own[line]:
			case w.lang == "fr":
				french[line] = true
			case french[line]:
				t.Errorf("%s : texte du rendu français resté en anglais : %q", name, line)
			}
		}
	}
	// more checks a state that the other states of the run resemble, in
	// English only: axe's rules read the structure, the same in both
	// languages (TestDiagnosticStates audits the French error summary), and
	// each axe run costs seconds on a busy machine.
	more := func(f diagFrame, name string) {
		t.Helper()
		if w.lang == "en" {
			state(f, name)
		}
	}

	// 1. The person's mode.
	f, base := mode("personne")
	eval[bool](t, tb, `__mount(`+envelope+`, "usager", `+strconv.Quote(base)+`, `+strconv.Quote(w.lang)+`)`)
	fpoll(t, f, "mode de la personne", `__text("etape-titre").indexOf(`+strconv.Quote(fmt.Sprintf(w.step, 1)+"2")+`) === 0`)
	if fval[bool](t, f, `__has("champ-id")`) {
		t.Error("le mode de la personne montre les champs du professionnel")
	}
	more(f, "mode de la personne, vide")
	fset(t, f, "champ-freins-logement-vue_personne-impact", "fort")
	fset(t, f, "champ-freins-logement-vue_personne-priorite", "1")
	fset(t, f, "champ-freins-logement-vue_personne-paroles", "Je dors chez ma sœur depuis l'été.")
	fset(t, f, "champ-freins-sante-vue_personne-impact", "moyen")
	fset(t, f, "champ-freins-sante-vue_personne-paroles", socleSecrets[1])
	state(f, "avis de la personne")
	fstep(t, f, 2, w.personSteps[1])
	fpoll(t, f, "résumé de la personne", `__has("resume-personne")`)
	summary := fval[string](t, f, `__text("resume-personne")`)
	for _, want := range w.summary {
		if !strings.Contains(summary, want) {
			t.Errorf("résumé de la personne sans « %s » :\n%s", want, summary)
		}
	}
	state(f, "résumé de la personne")
	e.screenshot(t, tb, "diagnostic-personne-resume-"+w.lang)
	// Printing shows the summary only.
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	printed := fval[string](t, f, `(function(){ var d = document, w = d.defaultView;
  var shown = function (id) { var e = d.getElementById(id); return !!e && e.getClientRects().length > 0; };
  return [w.getComputedStyle(d.querySelector("nav")).display, w.getComputedStyle(d.getElementById("etape-titre")).display, shown("resume-titre"), shown("resume-referent"), w.getComputedStyle(d.getElementById("imprimer")).display].join(" "); })()`)
	assertEq(t, "none none true true none", printed)
	if w.lang == "en" {
		noFrenchInFrame(t, tb, f.url, "résumé imprimé", allowed)
	}
	e.screenshot(t, tb, "diagnostic-personne-impression-"+w.lang)
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	}))
	fclick(t, f, "envoyer")
	poll(t, tb, "avis de la personne reçu", `window.__submitted.length === 1`)
	personDoc := eval[string](t, tb, `JSON.stringify(window.__submitted[0].document)`)
	// The person answers for their own view only: the library finds nothing
	// to say there (the professional's part may still be incomplete).
	for _, ft := range schemas.Validate("diagnostic", []byte(personDoc)) {
		if strings.Contains(ft.Path, "/vue_personne") {
			t.Errorf("avis de la personne refusé : %v", ft)
		}
	}
	if !strings.Contains(personDoc, socleSecrets[1]) {
		t.Error("le document rendu au portail perd les mots de la personne sur sa santé")
	}
	state(f, "avis envoyé")
	noSecretPosted(t, tb)

	// 2. The professional's widget, given the person's document.
	f, base = mode("professionnel")
	eval[bool](t, tb, `__mount(`+socleEnvelope(t, personDoc)+`, "referent", `+strconv.Quote(base)+`, `+strconv.Quote(w.lang)+`)`)
	fpoll(t, f, "mode professionnel", `__has("champ-id") && document.getElementById("champ-id").value === "DIAG-2026-0099"`)
	more(f, "mode professionnel, étape 1")
	fset(t, f, "champ-personne-numero_allocataire_caf", "1234567")
	fstep(t, f, 2, w.proSteps[1])
	fstep(t, f, 3, w.proSteps[2])
	// The work situation left empty: the error summary, one link per
	// fault, each leading to its field.
	fclick(t, f, "suivant")
	fpoll(t, f, "résumé des erreurs", `__has("erreurs")`)
	if got := fval[string](t, f, `__text("erreurs-titre")`); !strings.Contains(got, w.errors) {
		t.Errorf("titre du résumé des erreurs %q, attendu « …%s »", got, w.errors)
	}
	links := fval[[]string](t, f, `Array.from(document.querySelectorAll("#erreurs li button")).map(function (b) { return b.getAttribute("aria-controls"); })`)
	if len(links) == 0 {
		t.Fatal("résumé des erreurs sans lien")
	}
	for _, id := range links {
		if !fval[bool](t, f, `__has(`+strconv.Quote(id)+`)`) {
			t.Errorf("le lien du résumé vers #%s ne mène à aucun champ", id)
		}
	}
	more(f, "erreurs de la situation professionnelle")
	fval[bool](t, f, `(document.querySelector("#erreurs li button").click(), true)`)
	fpoll(t, f, "lien du résumé vers son champ", `document.activeElement && document.activeElement.id === `+strconv.Quote(links[0]))
	fset(t, f, "champ-situation_professionnelle-situation_emploi", diagnostic.WorkSituations[0].Key)
	fset(t, f, "champ-situation_professionnelle-se_projette_dans_emploi", "oui")
	fset(t, f, "champ-situation_professionnelle-rayon_mobilite_km", "25")
	fclick(t, f, "ajouter-metier")
	// The keyboard focus moves to the field just added.
	fpoll(t, f, "focus sur le métier ajouté", `document.activeElement && document.activeElement.id === "champ-situation_professionnelle-projet_professionnel-0-code_rome"`)
	fset(t, f, "champ-situation_professionnelle-projet_professionnel-0-code_rome", "G1602")
	fset(t, f, "champ-situation_professionnelle-projet_professionnel-0-libelle", "Cuisinier")
	fclick(t, f, "ajouter-metier")
	fset(t, f, "champ-situation_professionnelle-projet_professionnel-1-code_rome", "G1603")
	fclick(t, f, "ajouter-diplome")
	fset(t, f, "champ-situation_professionnelle-diplomes-0-intitule", "CAP Cuisine")
	fset(t, f, "champ-situation_professionnelle-diplomes-0-niveau", "NV5")
	fset(t, f, "champ-situation_professionnelle-diplomes-0-annee", "2008")
	for i, v := range diagnostic.SkillValidations.Keys() {
		fclick(t, f, "ajouter-competence")
		base := "champ-situation_professionnelle-competences-" + strconv.Itoa(i)
		fset(t, f, base+"-libelle", "Compétence "+v)
		fset(t, f, base+"-validation", v)
	}
	state(f, "situation professionnelle complète")
	fstep(t, f, 4, w.proSteps[3])
	// The person's words are beside the professional's assessment.
	assertEq(t, "Je dors chez ma sœur depuis l'été.", fval[string](t, f, `document.getElementById("champ-freins-logement-vue_personne-paroles").value`))
	assertEq(t, "fort", fval[string](t, f, `document.getElementById("champ-freins-logement-vue_personne-impact").value`))
	fset(t, f, "champ-freins-logement-impact", "fort")
	fclick(t, f, "champ-freins-logement-situations-"+firstSituation("logement"))
	objectif := diagnostic.Objectifs.InGroup("logement")[0].Key
	fset(t, f, "champ-freins-logement-objectifs-"+objectif, "EN_COURS")
	fset(t, f, "champ-freins-logement-commentaire_professionnel", "Demande de logement social déposée.")
	fset(t, f, "champ-freins-sante-impact", "moyen")
	fset(t, f, "champ-freins-sante-details", socleSecrets[0])
	if !strings.Contains(fval[string](t, f, `document.getElementById("frein-sante-legende").parentNode.textContent`), w.sensitive) {
		t.Error("les précisions de santé ne sont pas marquées sensibles")
	}
	state(f, "freins, deux regards")
	fstep(t, f, 5, w.proSteps[4])
	fclick(t, f, "champ-co_diagnostic")
	fset(t, f, "champ-auteurs-1-nom", "Alex Durand")
	fset(t, f, "champ-auteurs-1-role", "conseiller-france-travail")
	fset(t, f, "champ-auteurs-1-siret_structure", "13000548100010")
	state(f, "co-diagnostic")
	fstep(t, f, 6, w.proSteps[5])
	fpoll(t, f, "délais", `__has("delai-orientation-rsa")`)
	rsa := fval[string](t, f, `__text("delai-orientation-rsa")`)
	for _, want := range []string{w.late, w.rsaDue} {
		if !strings.Contains(rsa, want) {
			t.Errorf("délai d'orientation RSA sans « %s » : %s", want, rsa)
		}
	}
	if c := fval[string](t, f, `__text("completude-titre")`); !strings.Contains(c, w.completeness) {
		t.Errorf("complétude absente : %q", c)
	}
	if n := fval[int](t, f, `document.querySelectorAll("#orientation ~ div li").length`); n == 0 {
		t.Error("l'orientation est montrée sans ses raisons")
	}
	if !strings.Contains(fval[string](t, f, `__text("resume-personne")`), "Dominique Leroy") {
		t.Error("le résumé pour la personne manque au récapitulatif")
	}
	state(f, "récapitulatif complet")
	e.screenshot(t, tb, "diagnostic-socle-recapitulatif-"+w.lang)
	fclick(t, f, "envoyer")
	poll(t, tb, "diagnostic reçu", `window.__submitted.length === 2`)
	raw := eval[string](t, tb, `JSON.stringify(window.__submitted[1].document)`)
	if fs := schemas.Validate("diagnostic", []byte(raw)); !fs.Valid() {
		t.Fatalf("diagnostic refusé par schemas.Validate : %v\n%s", fs, raw)
	}
	var doc diagnostic.Diagnostic
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	pro := doc.Professional
	assertEq(t, 2, len(pro.Project))
	assertEq(t, 2, pro.Project[1].Priority)
	assertEq(t, 1, len(pro.Diplomas))
	assertEq(t, 3, len(pro.Skills))
	if pro.MobilityRadiusKm == nil || *pro.MobilityRadiusKm != 25 {
		t.Errorf("rayon de mobilité : %v", pro.MobilityRadiusKm)
	}
	assertEq(t, true, doc.CoDiagnostic)
	assertEq(t, 2, len(doc.Authors))
	assertEq(t, "1234567", string(doc.Person.CAFNumber))
	assertEq(t, socleSecrets[0], doc.Freins["sante"].Details)
	assertEq(t, "Je dors chez ma sœur depuis l'été.", doc.Freins["logement"].PersonView.Words)
	assertEq(t, 1, len(doc.Freins["logement"].Objectifs))
	state(f, "diagnostic complet envoyé")
	noSecretPosted(t, tb)
	if w.lang == "fr" {
		t.Logf("%d phrases du rendu français retenues pour le rendu anglais", len(french))
		if len(french) < 20 {
			t.Errorf("%d phrases françaises seulement : la comparaison avec l'anglais ne prouverait rien", len(french))
		}
	}
}
