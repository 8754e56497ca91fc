//go:build !js

package wasm_test

import (
	"context"
	"encoding/json"
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

// frameJS installs, on the portal page, helpers that drive the diagnostic
// widget mounted in #h-diag: set a field's value as typing would (input and
// change events), click, read.
const frameJS = `(function(){
  window.__posted = [];
  window.__submitted = [];
  window.addEventListener("message", function (e) {
    var f = document.querySelector("#h-diag iframe");
    if (f && f.contentWindow === e.source) { try { window.__posted.push(JSON.stringify(e.data)); } catch (x) {} }
  });
  window.__doc = function () { var f = document.querySelector("#h-diag iframe"); return f && f.contentDocument; };
  window.__has = function (id) { var d = __doc(); return !!d && !!d.getElementById(id); };
  window.__set = function (id, v) {
    var el = __doc().getElementById(id);
    el.value = v;
    el.dispatchEvent(new Event("input", {bubbles: true}));
    if (el.tagName === "SELECT") { el.dispatchEvent(new Event("change", {bubbles: true})); }
    return true;
  };
  window.__click = function (id) { __doc().getElementById(id).click(); return true; };
  window.__text = function (id) { var el = __doc().getElementById(id); return el ? el.textContent : ""; };
  window.__mount = function (data, role) {
    var old = document.getElementById("h-diag");
    if (old) { old.remove(); }
    var el = document.createElement("div"); el.id = "h-diag"; document.body.appendChild(el);
    el.addEventListener("spie:submit", function (e) { window.__submitted.push(e.detail); });
    window.__posted = [];
    SPIE.mount(el, {widget: "diagnostic", data: data, role: role});
    return true;
  };
  // The portal's own widgets leave: only ours talks and is audited.
  document.querySelectorAll(".widget-host").forEach(function (h) { h.remove(); });
  return true;
})()`

func fset(t *testing.T, tb *tab, id, v string) {
	t.Helper()
	poll(t, tb, "champ #"+id, `__has(`+strconv.Quote(id)+`)`)
	eval[bool](t, tb, `__set(`+strconv.Quote(id)+`, `+strconv.Quote(v)+`)`)
	poll(t, tb, "valeur de #"+id, `__doc().getElementById(`+strconv.Quote(id)+`).value === `+strconv.Quote(v))
}

func fclick(t *testing.T, tb *tab, id string) {
	t.Helper()
	poll(t, tb, "bouton #"+id, `__has(`+strconv.Quote(id)+`)`)
	eval[bool](t, tb, `__click(`+strconv.Quote(id)+`)`)
}

func fstep(t *testing.T, tb *tab, n int, title string) {
	t.Helper()
	fclick(t, tb, "suivant")
	poll(t, tb, "étape "+strconv.Itoa(n), `__text("etape-titre").indexOf(`+strconv.Quote("Étape "+strconv.Itoa(n)+" sur ")+`) === 0 && __text("etape-titre").indexOf(`+strconv.Quote(title)+`) > 0`)
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

// TestDiagnosticWholeSocleInBrowser (issue 15, item 5): on a partner page,
// the person fills their own view (role usager) and sees their printable
// summary; the professional's widget, given the person's document, shows
// their words beside the professional's assessment, asks the whole socle,
// and the recap shows completeness, orientation and the RSA deadline,
// passed. axe finds no violation in any state; printing shows the summary
// only; health values leave the widget only in the submitted document.
func TestDiagnosticWholeSocleInBrowser(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE`)
	eval[bool](t, tb, frameJS)

	// 1. The person's mode.
	eval[bool](t, tb, `__mount(`+socleEnvelope(t, socleDiagnostic)+`, "usager")`)
	poll(t, tb, "mode de la personne", `__text("etape-titre").indexOf("Étape 1 sur 2") === 0`)
	if eval[bool](t, tb, `__has("champ-id")`) {
		t.Error("le mode de la personne montre les champs du professionnel")
	}
	fset(t, tb, "champ-freins-logement-vue_personne-impact", "fort")
	fset(t, tb, "champ-freins-logement-vue_personne-priorite", "1")
	fset(t, tb, "champ-freins-logement-vue_personne-paroles", "Je dors chez ma sœur depuis l'été.")
	fset(t, tb, "champ-freins-sante-vue_personne-impact", "moyen")
	fset(t, tb, "champ-freins-sante-vue_personne-paroles", socleSecrets[1])
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "avis de la personne")
	fstep(t, tb, 2, "Votre résumé")
	poll(t, tb, "résumé de la personne", `__has("resume-personne")`)
	summary := eval[string](t, tb, `__text("resume-personne")`)
	for _, want := range []string{"Dominique Leroy", "Orientation du bénéficiaire du RSA : la date prévue, le mardi 13 octobre 2026, est dépassée.", "« Je dors chez ma sœur depuis l'été. »", "Votre plan d'action", diagnostic.Objectifs.InGroup("logement")[0].Label.FR} {
		if !strings.Contains(summary, want) {
			t.Errorf("résumé de la personne sans « %s » :\n%s", want, summary)
		}
	}
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "résumé de la personne")
	e.screenshot(t, tb, "diagnostic-personne-resume")
	// Printing shows the summary only.
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	printed := eval[string](t, tb, `(function(){ var d = __doc(), w = d.defaultView;
  var shown = function (id) { var e = d.getElementById(id); return !!e && e.getClientRects().length > 0; };
  return [w.getComputedStyle(d.querySelector("nav")).display, w.getComputedStyle(d.getElementById("etape-titre")).display, shown("resume-titre"), shown("resume-referent"), w.getComputedStyle(d.getElementById("imprimer")).display].join(" "); })()`)
	assertEq(t, "none none true true none", printed)
	e.screenshot(t, tb, "diagnostic-personne-impression")
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	}))
	fclick(t, tb, "envoyer")
	poll(t, tb, "avis de la personne reçu", `window.__submitted.length === 1`)
	personDoc := eval[string](t, tb, `JSON.stringify(window.__submitted[0].document)`)
	// The person answers for their own view only: the library finds nothing
	// to say there (the professional's part may still be incomplete).
	for _, f := range schemas.Validate("diagnostic", []byte(personDoc)) {
		if strings.Contains(f.Path, "/vue_personne") {
			t.Errorf("avis de la personne refusé : %v", f)
		}
	}
	if !strings.Contains(personDoc, socleSecrets[1]) {
		t.Error("le document rendu au portail perd les mots de la personne sur sa santé")
	}
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "avis envoyé")
	noSecretPosted(t, tb)

	// 2. The professional's widget, given the person's document.
	eval[bool](t, tb, `__mount(`+socleEnvelope(t, personDoc)+`, "referent")`)
	poll(t, tb, "mode professionnel", `__has("champ-id") && __doc().getElementById("champ-id").value === "DIAG-2026-0099"`)
	fset(t, tb, "champ-personne-numero_allocataire_caf", "1234567")
	fstep(t, tb, 2, "Critères de public")
	fstep(t, tb, 3, "Situation professionnelle")
	fset(t, tb, "champ-situation_professionnelle-situation_emploi", diagnostic.WorkSituations[0].Key)
	fset(t, tb, "champ-situation_professionnelle-se_projette_dans_emploi", "oui")
	fset(t, tb, "champ-situation_professionnelle-rayon_mobilite_km", "25")
	fclick(t, tb, "ajouter-metier")
	// The keyboard focus moves to the field just added.
	poll(t, tb, "focus sur le métier ajouté", `__doc().activeElement && __doc().activeElement.id === "champ-situation_professionnelle-projet_professionnel-0-code_rome"`)
	fset(t, tb, "champ-situation_professionnelle-projet_professionnel-0-code_rome", "G1602")
	fset(t, tb, "champ-situation_professionnelle-projet_professionnel-0-libelle", "Cuisinier")
	fclick(t, tb, "ajouter-metier")
	fset(t, tb, "champ-situation_professionnelle-projet_professionnel-1-code_rome", "G1603")
	fclick(t, tb, "ajouter-diplome")
	fset(t, tb, "champ-situation_professionnelle-diplomes-0-intitule", "CAP Cuisine")
	fset(t, tb, "champ-situation_professionnelle-diplomes-0-niveau", "NV5")
	fset(t, tb, "champ-situation_professionnelle-diplomes-0-annee", "2008")
	for i, v := range diagnostic.SkillValidations.Keys() {
		fclick(t, tb, "ajouter-competence")
		base := "champ-situation_professionnelle-competences-" + strconv.Itoa(i)
		fset(t, tb, base+"-libelle", "Compétence "+v)
		fset(t, tb, base+"-validation", v)
	}
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "situation professionnelle complète")
	fstep(t, tb, 4, "Freins")
	// The person's words are beside the professional's assessment.
	assertEq(t, "Je dors chez ma sœur depuis l'été.", eval[string](t, tb, `__doc().getElementById("champ-freins-logement-vue_personne-paroles").value`))
	assertEq(t, "fort", eval[string](t, tb, `__doc().getElementById("champ-freins-logement-vue_personne-impact").value`))
	fset(t, tb, "champ-freins-logement-impact", "fort")
	fclick(t, tb, "champ-freins-logement-situations-"+firstSituation("logement"))
	objectif := diagnostic.Objectifs.InGroup("logement")[0].Key
	fset(t, tb, "champ-freins-logement-objectifs-"+objectif, "EN_COURS")
	fset(t, tb, "champ-freins-logement-commentaire_professionnel", "Demande de logement social déposée.")
	fset(t, tb, "champ-freins-sante-impact", "moyen")
	fset(t, tb, "champ-freins-sante-details", socleSecrets[0])
	if !strings.Contains(eval[string](t, tb, `__doc().getElementById("frein-sante-legende").parentNode.textContent`), "Donnée sensible") {
		t.Error("les précisions de santé ne sont pas marquées sensibles")
	}
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "freins, deux regards")
	fstep(t, tb, 5, "Auteurs")
	fclick(t, tb, "champ-co_diagnostic")
	fset(t, tb, "champ-auteurs-1-nom", "Alex Durand")
	fset(t, tb, "champ-auteurs-1-role", "conseiller-france-travail")
	fset(t, tb, "champ-auteurs-1-siret_structure", "13000548100010")
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "co-diagnostic")
	fstep(t, tb, 6, "Récapitulatif")
	poll(t, tb, "délais", `__has("delai-orientation-rsa")`)
	rsa := eval[string](t, tb, `__text("delai-orientation-rsa")`)
	for _, want := range []string{"En retard", "mardi 13 octobre 2026"} {
		if !strings.Contains(rsa, want) {
			t.Errorf("délai d'orientation RSA sans « %s » : %s", want, rsa)
		}
	}
	if c := eval[string](t, tb, `__text("completude-titre")`); !strings.Contains(c, "Complétude du diagnostic") {
		t.Errorf("complétude absente : %q", c)
	}
	if n := eval[int](t, tb, `__doc().querySelectorAll("#orientation ~ div li").length`); n == 0 {
		t.Error("l'orientation est montrée sans ses raisons")
	}
	if !strings.Contains(eval[string](t, tb, `__text("resume-personne")`), "Dominique Leroy") {
		t.Error("le résumé pour la personne manque au récapitulatif")
	}
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "récapitulatif complet")
	e.screenshot(t, tb, "diagnostic-socle-recapitulatif")
	fclick(t, tb, "envoyer")
	poll(t, tb, "diagnostic reçu", `window.__submitted.length === 2`)
	raw := eval[string](t, tb, `JSON.stringify(window.__submitted[1].document)`)
	if fs := schemas.Validate("diagnostic", []byte(raw)); !fs.Valid() {
		t.Fatalf("diagnostic refusé par schemas.Validate : %v\n%s", fs, raw)
	}
	var doc diagnostic.Diagnostic
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	p := doc.Professional
	assertEq(t, 2, len(p.Project))
	assertEq(t, 2, p.Project[1].Priority)
	assertEq(t, 1, len(p.Diplomas))
	assertEq(t, 3, len(p.Skills))
	if p.MobilityRadiusKm == nil || *p.MobilityRadiusKm != 25 {
		t.Errorf("rayon de mobilité : %v", p.MobilityRadiusKm)
	}
	assertEq(t, true, doc.CoDiagnostic)
	assertEq(t, 2, len(doc.Authors))
	assertEq(t, "1234567", string(doc.Person.CAFNumber))
	assertEq(t, socleSecrets[0], doc.Freins["sante"].Details)
	assertEq(t, "Je dors chez ma sœur depuis l'été.", doc.Freins["logement"].PersonView.Words)
	assertEq(t, 1, len(doc.Freins["logement"].Objectifs))
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "diagnostic complet envoyé")
	noSecretPosted(t, tb)
	tb.noErrors(t)
}
