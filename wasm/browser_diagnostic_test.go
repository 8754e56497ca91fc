//go:build !js

package wasm_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

// inFrame is the expression of the diagnostic iframe's document on the portal.
const inFrame = `document.querySelector('#diagnostic iframe').contentDocument`

// tabTo presses Tab until the element id of the diagnostic frame has the
// focus: the keyboard is the only way the test moves.
func tabTo(t *testing.T, tb *tab, id string) {
	t.Helper()
	for i := 0; i < 250; i++ {
		got := eval[string](t, tb, `(function(){ var d = `+inFrame+`; return document.activeElement && document.activeElement.tagName === "IFRAME" && d.activeElement ? d.activeElement.id : ""; })()`)
		if got == id {
			return
		}
		tb.do(t, chromedp.KeyEvent(kb.Tab))
	}
	t.Fatalf("Tab n'atteint pas #%s", id)
}

func frameValue(t *testing.T, tb *tab, id string) string {
	t.Helper()
	return eval[string](t, tb, `(function(){ var e = `+inFrame+`.getElementById(`+strconv.Quote(id)+`); return e ? e.value : "<absent>"; })()`)
}

func waitStep(t *testing.T, tb *tab, n int) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(function(){ var h = `+inFrame+`.getElementById("etape-titre"); return !!h && h.textContent.indexOf("Étape `+strconv.Itoa(n)+` ") === 0; })()`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Logf("résumé des erreurs : %s", eval[string](t, tb, `(function(){ var e = `+inFrame+`.getElementById("erreurs"); return e ? e.textContent : "aucun"; })()`))
	}
	poll(t, tb, "étape "+strconv.Itoa(n), `(function(){ var h = `+inFrame+`.getElementById("etape-titre"); return !!h && h.textContent.indexOf("Étape `+strconv.Itoa(n)+` ") === 0; })()`)
}

// TestDiagnosticKeyboardOnly fills the diagnostic on the partner portal with
// the keyboard only, starting from the partner's prefill, and checks that the
// partner receives a document that schemas.Validate accepts.
func TestDiagnosticKeyboardOnly(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/"))
	poll(t, tb, "préremplissage du partenaire", `(function(){ var d = `+inFrame+`; var el = d && d.getElementById("champ-personne-id"); return !!el && el.value === "AISNE-2026-00042"; })()`)
	assertEq(t, "1990-04-12", frameValue(t, tb, "champ-personne-date_naissance"))

	// Step 1: the diagnostic's own reference, then Enter submits the step.
	tabTo(t, tb, "champ-id")
	tb.do(t, chromedp.KeyEvent("DIAG-2026-0001"), chromedp.KeyEvent(kb.Enter))
	waitStep(t, tb, 2)
	// Step 2: the prefill said RSA; the person also lives in a QPV.
	tabTo(t, tb, "champ-criteres_publics-qpv")
	tb.do(t, chromedp.KeyEvent(" "))
	tabTo(t, tb, "suivant")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	waitStep(t, tb, 3)
	// Step 3: trying to go on without the required situation shows the
	// error summary, focused, with a link to the field.
	tabTo(t, tb, "suivant")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	poll(t, tb, "résumé des erreurs", `(function(){ var d = `+inFrame+`; return !!d.getElementById("erreurs") && d.activeElement && d.activeElement.id === "erreurs"; })()`)
	if n := eval[int](t, tb, `window.spieReceived.length`); n != 0 {
		t.Fatalf("un document a été envoyé malgré une erreur")
	}
	tabTo(t, tb, "") // leave the summary: its link leads to the field
	tabTo(t, tb, "champ-situation_professionnelle-situation_emploi")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
	poll(t, tb, "situation choisie", `(function(){ return `+inFrame+`.getElementById("champ-situation_professionnelle-situation_emploi").value !== ""; })()`)
	// The person sees themself in a job soon (an orientation criterion), and
	// knows their strengths (first besoin: point fort).
	tabTo(t, tb, "champ-situation_professionnelle-se_projette_dans_emploi")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
	poll(t, tb, "projection choisie", `(function(){ return `+inFrame+`.getElementById("champ-situation_professionnelle-se_projette_dans_emploi").value === "oui"; })()`)
	tabTo(t, tb, "champ-situation_professionnelle-besoins-identifier-points-forts-competences")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
	poll(t, tb, "besoin choisi", `(function(){ return `+inFrame+`.getElementById("champ-situation_professionnelle-besoins-identifier-points-forts-competences").value === "POINT_FORT"; })()`)
	tabTo(t, tb, "suivant")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	waitStep(t, tb, 4)
	// Step 4: housing is a strong barrier (non abordé → sans impact → moyen → fort).
	tabTo(t, tb, "champ-freins-logement-impact")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown+kb.ArrowDown+kb.ArrowDown))
	tabTo(t, tb, "champ-freins-logement-situations-"+firstSituation("logement"))
	tb.do(t, chromedp.KeyEvent(" "))
	tabTo(t, tb, "suivant")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	waitStep(t, tb, 5)
	// Step 5: author, role, consent and its date (dd/mm/yyyy, --lang=fr).
	tabTo(t, tb, "champ-auteurs-0-nom")
	tb.do(t, chromedp.KeyEvent("Camille Martin"))
	tabTo(t, tb, "champ-auteurs-0-role")
	tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
	poll(t, tb, "rôle choisi", `(function(){ return `+inFrame+`.getElementById("champ-auteurs-0-role").value !== ""; })()`)
	tabTo(t, tb, "champ-consentement-partage")
	tb.do(t, chromedp.KeyEvent(" "))
	poll(t, tb, "date du consentement", `(function(){ return `+inFrame+`.getElementById("champ-consentement-date").value === "`+time.Now().Format("2006-01-02")+`"; })()`)
	tabTo(t, tb, "suivant")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	waitStep(t, tb, 6)
	poll(t, tb, "orientation proposée", `!!`+inFrame+`.getElementById("orientation")`)
	// The demo person's RSA rights opened on 1 September 2026: the 42-day
	// orientation deadline (CASF D262-65-2) passed on 13 October 2026.
	if s := eval[string](t, tb, inFrame+`.getElementById("delai-orientation-rsa").textContent`); !strings.Contains(s, "En retard") || !strings.Contains(s, "13 octobre 2026") {
		t.Errorf("délai d'orientation RSA du portail : %q, attendu en retard depuis le 13 octobre 2026", s)
	}
	if s := eval[string](t, tb, inFrame+`.getElementById("resume-referent").textContent`); !strings.Contains(s, "Dominique Leroy") {
		t.Errorf("résumé pour la personne sans le référent envoyé par le portail : %q", s)
	}
	tabTo(t, tb, "envoyer")
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	poll(t, tb, "document reçu par le partenaire", `window.spieReceived.length === 1`)

	raw := eval[string](t, tb, `JSON.stringify(window.spieReceived[0].document)`)
	faults := schemas.Validate("diagnostic", []byte(raw))
	if !faults.Valid() {
		t.Fatalf("le document reçu est refusé par schemas.Validate :\n%v\n%s", faults, raw)
	}
	var doc struct {
		Criteria map[string]any `json:"criteres_publics"`
		Freins   map[string]struct {
			Impact string `json:"impact"`
		} `json:"freins"`
		Consent struct {
			Sharing bool `json:"partage"`
		} `json:"consentement"`
		Professional struct {
			Sees    *bool             `json:"se_projette_dans_emploi"`
			Besoins map[string]string `json:"besoins"`
		} `json:"situation_professionnelle"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	assertEq(t, true, doc.Criteria["qpv"])
	assertEq(t, true, doc.Criteria["rsa"])
	assertEq(t, "fort", doc.Freins["logement"].Impact)
	assertEq(t, true, doc.Consent.Sharing)
	if doc.Professional.Sees == nil || !*doc.Professional.Sees {
		t.Errorf("se_projette_dans_emploi : %v, attendu vrai", doc.Professional.Sees)
	}
	assertEq(t, "POINT_FORT", doc.Professional.Besoins["identifier-points-forts-competences"])
	orientation := eval[string](t, tb, `(window.spieReceived[0].result || {}).libelle || ""`)
	if orientation == "" {
		t.Errorf("aucune orientation transmise avec le diagnostic")
	}
	poll(t, tb, "affichage du document par le portail", `document.getElementById("resultat-json").textContent.indexOf("DIAG-2026-0001") >= 0`)
	e.screenshot(t, tb, "portail-diagnostic-envoye")
	// The submitted state of the widget passes axe too, in its frame.
	e.axeInFrame(t, tb, "/spie/diagnostic.html", "envoyé")
	tb.noErrors(t)
}

// TestDiagnosticStates audits the error and submitted states of the widget.
func TestDiagnosticStates(t *testing.T) {
	e := env(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.portal.URL+"/spie/diagnostic.html"))
	poll(t, tb, "widget prêt", `document.documentElement.getAttribute("data-spie-ready") === "1"`)
	eval[bool](t, tb, `(document.getElementById("suivant").focus(), true)`)
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	poll(t, tb, "résumé des erreurs", `!!document.getElementById("erreurs")`)
	n := eval[int](t, tb, `document.querySelectorAll("#erreurs li button").length`)
	if n < 4 {
		t.Errorf("résumé : %d liens, attendu au moins 4 champs obligatoires", n)
	}
	// Each entry of the summary leads to its field: activating it focuses
	// the field.
	missing := eval[int](t, tb, `Array.from(document.querySelectorAll("#erreurs li button")).filter(function (b) { return !document.getElementById(b.getAttribute("aria-controls")); }).length`)
	if missing != 0 {
		t.Errorf("%d entrées du résumé ne mènent à aucun champ", missing)
	}
	eval[bool](t, tb, `(document.querySelector("#erreurs li button").focus(), true)`)
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	poll(t, tb, "champ focalisé", `document.activeElement && document.activeElement.id.indexOf("champ-") === 0 && document.activeElement.getAttribute("aria-invalid") === "true"`)
	if n := eval[int](t, tb, `document.querySelectorAll("[aria-invalid=true][aria-describedby]").length`); n < 4 {
		t.Errorf("%d champs en erreur reliés à leur message, attendu au moins 4", n)
	}
	e.screenshot(t, tb, "diagnostic-erreurs")
	e.axeCheck(t, tb, "erreurs")
	tb.noErrors(t)
}

func firstSituation(thematique string) string {
	return diagnostic.Situations.InGroup(thematique)[0].Key
}

func assertEq[T comparable](t *testing.T, want, got T) {
	t.Helper()
	if want != got {
		t.Errorf("attendu %v, obtenu %v", want, got)
	}
}
