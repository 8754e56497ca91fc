//go:build !js

package wasm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/demo"
)

// indicCrossOrigin starts a partner portal and a widgets server on two origins
// (two ports): the portal mounts the widgets of the other origin, which
// allows it (wasm.Options.AllowedOrigins), as a Département's page would.
func indicCrossOrigin(t *testing.T, e *browserEnv) (portal, widgets *httptest.Server) {
	t.Helper()
	widgets = httptest.NewUnstartedServer(nil)
	portal = httptest.NewUnstartedServer(nil)
	wURL, pURL := "http://"+widgets.Listener.Addr().String(), "http://"+portal.Listener.Addr().String()
	h, err := wasm.Handler(wasm.Options{Dist: e.dist, DSFR: wasm.FindDSFR(e.moduleDir), AllowedOrigins: []string{pURL}})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(demo.WidgetsPath, http.StripPrefix(strings.TrimSuffix(demo.WidgetsPath, "/"), h))
	widgets.Config.Handler = mux
	p, err := demo.Handler(demo.Options{WidgetOrigin: wURL})
	if err != nil {
		t.Fatal(err)
	}
	portal.Config.Handler = p
	widgets.Start()
	portal.Start()
	t.Cleanup(widgets.Close)
	t.Cleanup(portal.Close)
	return portal, widgets
}

// indicHiddenCounts returns the raw counts the network indicators of the
// examples hide (the library's inputs, before the secret: the oracle of
// what must never reach the browser), computed as wasm/demo does.
func indicHiddenCounts(t *testing.T) []int {
	t.Helper()
	var hidden []int
	read := func(n string) []byte {
		b, err := examples.Network.ReadFile("network/" + n)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cm, err := committee.Decode(read("cto-laon-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := committee.DecodeRequests(read("cto-laon-2023-demandes.json"))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := cm.Location()
	now := time.Date(2023, 2, 7, 0, 0, 0, 0, loc)
	if len(cm.Requests) == 0 {
		cm.Requests, rs = rs, nil
	}
	s := committee.StatsOf(cm, rs, committee.BuildAgenda(cm, rs, now), now)
	ci := network.Committee(cm.Name, s, 0)
	for _, c := range []struct {
		cell interface{ Int() (int, bool) }
		raw  int
	}{{ci.Examined, s.Examined}, {ci.Solved, s.Solved}, {ci.InProgress, s.InProgress}, {ci.NoSolution, s.NoSolution},
		{ci.NoOutcome, s.NoOutcome}, {ci.Due, s.Due}, {ci.AnsweredInTime, s.AnsweredInTime}} {
		if _, ok := c.cell.Int(); !ok {
			hidden = append(hidden, c.raw)
		}
	}
	names, err := fs.Glob(examples.Network, "network/cohorte-*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		def, err := cohort.Decode(read(strings.TrimPrefix(n, "network/")))
		if err != nil {
			t.Fatal(err)
		}
		m, _, err := cohort.Movements(def, bytes.NewReader(read("diagnostics-aisne-2026.ndjson")), "2026-03-01", "2026-06-30")
		if err != nil {
			t.Fatal(err)
		}
		ci := network.Cohort(m, 0)
		for _, c := range []struct {
			secret bool
			raw    int
		}{{ci.AtStart.Secret, m.AtStart}, {ci.AtEnd.Secret, m.AtEnd}, {ci.Entered.Secret, m.Entered}, {ci.Left.Secret, m.Left}} {
			if c.secret {
				hidden = append(hidden, c.raw)
			}
		}
	}
	return hidden
}

// indicNumbersIn returns the numbers written in s (digits runs).
func indicNumbersIn(s string) map[int]bool {
	out := map[int]bool{}
	for _, m := range regexp.MustCompile(`[0-9]+`).FindAllString(s, -1) {
		if n, err := strconv.Atoi(m); err == nil {
			out[n] = true
		}
	}
	return out
}

// TestIndicateursWidgetInBrowser (issue 15, item 4): a partner portal on
// another origin sends the indicateurs widget the output of `spie
// indicators` and the network indicators of the examples (wasm/demo). The
// widget shows them; a secret cell is written « secret », and no count the
// library hid (the raw counts behind the secret cells, computed here from
// the examples) appears in the widget's text, its attributes or its
// messages, unless the same number is also published in the data sent.
// Then invalid data (a secret cell carrying its figure) is refused: the
// partner receives spie:error with the socle's fault, the widget shows it.
// Every state passes axe-core.
func TestIndicateursWidgetInBrowser(t *testing.T) {
	e := env(t)
	portal, widgets := indicCrossOrigin(t, e)
	data, err := demo.IndicatorsData()
	if err != nil {
		t.Fatal(err)
	}
	tb := e.newTab(t)
	// The widget posts spie:ready as soon as it starts, which may be before
	// the test could attach a listener once the page loaded: the listener
	// is installed in the portal page before any of its scripts runs.
	err = chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `if (window.top === window) {
  window.__posted = [];
  window.addEventListener("message", function (e) {
    var f = document.querySelector("#indicateurs iframe");
    // every message but the heights of the frame, whose digits prove nothing
    if (f && e.source === f.contentWindow && e.data && e.data.type !== "spie:resize") { window.__posted.push(JSON.stringify(e.data)); }
  });
}`})
		return err
	}))
	if err != nil {
		t.Fatalf("écoute des messages : %v", err)
	}
	tb.do(t, chromedp.Navigate(portal.URL+"/"))
	poll(t, tb, "loader chargé", `!!window.SPIE`)
	eval[bool](t, tb, `(function(){
  window.__errors = [];
  document.addEventListener("spie:error", function (e) { if (e.detail.widget === "indicateurs") { window.__errors.push(e.detail); } });
  return true;
})()`)
	const frame = "/spie/indicateurs.html"
	inFrame := func(expr string) string { return evalInFrame(t, tb, frame, expr, false) }
	waitFrame := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(45 * time.Second)
		for time.Now().Before(deadline) {
			if out, err := tryEvalInFrame(tb, frame, `!!(`+expr+`)`, false); err == nil && out == "true" {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("attente de %s : délai dépassé", what)
	}
	if !strings.HasPrefix(widgets.URL, "http://") || widgets.URL == portal.URL {
		t.Fatal("le widget doit venir d'une autre origine")
	}
	waitFrame("indicateurs affichés", `document.querySelector("#indicateurs-carnets") && document.querySelector("#indicateurs-reseau")`)
	e.axeInFrame(t, tb, frame, "indicateurs reçus")

	// shot saves the viewport showing the element id of the widget (a full
	// screenshot leaves cross-origin frames blank).
	shot := func(name, id string) {
		t.Helper()
		time.Sleep(500 * time.Millisecond) // the loader resizes the frame after a render
		top := inFrame(`document.getElementById(` + strconv.Quote(id) + `).getBoundingClientRect().top`)
		eval[bool](t, tb, `(function(){ var f = document.querySelector("#indicateurs iframe"); window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + `+top+`); return true; })()`)
		b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("capture d'écran : %v", err)
		}
		if err := os.WriteFile(filepath.Join(e.artifacts, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The cohort of Laon, whose prescriptions within 72 h are secret.
	rowText := func(label string) string {
		q, _ := json.Marshal(label)
		var s string
		if err := json.Unmarshal([]byte(inFrame(`(function(){ var r = Array.from(document.querySelectorAll("tr")).find(function (tr) { var th = tr.querySelector("th"); return th && th.textContent === `+string(q)+`; }); return r ? r.textContent : ""; })()`)), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	choose := func(id, text string) {
		q, _ := json.Marshal(text)
		ok := inFrame(`(function(){ var s = document.getElementById(` + strconv.Quote(id) + `); var o = Array.from(s.options).find(function (o) { return o.textContent.indexOf(` + string(q) + `) >= 0; });
  if (!o) { return false; } s.value = o.value; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
		if ok != "true" {
			t.Fatalf("option %q absente de %s", text, id)
		}
	}
	choose("champ-groupe", "laon-18-30")
	waitFrame("cohorte choisie", `document.getElementById("indicateurs-groupe").textContent.indexOf("laon-18-30") >= 0`)
	label := carnet.Indicators.LabelOf("prescriptions-72h")
	if got := rowText(label); got != label+"secretsecret" {
		t.Errorf("cellule secrète : %q, attendu « secret » sans chiffre", got)
	}
	e.axeInFrame(t, tb, frame, "cohorte avec une cellule secrète")

	// The network indicators of both periods: the hidden counts appear nowhere.
	allowed := indicNumbersIn(string(data))
	hidden := indicHiddenCounts(t)
	checked := 0
	words := func() string {
		var s string
		json.Unmarshal([]byte(inFrame(`(function(){ var out = [document.body.innerText];
  document.querySelectorAll("*").forEach(function (el) { Array.from(el.attributes).forEach(function (a) {
    if (["class", "x", "y", "width", "height", "viewBox", "text-anchor", "xmlns"].indexOf(a.name) < 0) { out.push(a.value); } }); });
  return out.join("\n"); })()`)), &s)
		return s
	}
	var sent struct {
		Network []network.Report `json:"reseau"`
	}
	if err := json.Unmarshal(data, &sent); err != nil || len(sent.Network) != 2 {
		t.Fatalf("données du portail : %v", err)
	}
	for i, period := range []string{"07/02/2023", "30/06/2026"} {
		choose("champ-reseau-periode", period)
		waitFrame("période "+period, `document.getElementById("indicateurs-reseau").textContent.indexOf(`+strconv.Quote(period)+`) >= 0`)
		// Each secret cell of the report sent is one « secret » in a table
		// and one in a chart, and has no bar; each published cell has one.
		secrets, bars := 0, 0
		count := func(secret bool) {
			if secret {
				secrets++
			} else {
				bars++
			}
		}
		r := sent.Network[i]
		for _, l := range r.Labels {
			count(l.Count.Secret)
		}
		for _, c := range r.Cohorts {
			for _, x := range []bool{c.AtStart.Secret, c.AtEnd.Secret, c.Entered.Secret, c.Left.Secret} {
				count(x)
			}
		}
		if c := r.Committee; c != nil {
			for _, x := range []bool{c.Examined.Secret, c.Solved.Secret, c.InProgress.Secret, c.NoSolution.Secret, c.NoOutcome.Secret, c.Due.Secret, c.AnsweredInTime.Secret, c.ShareInTime == nil} {
				count(x)
			}
		}
		if secrets == 0 {
			t.Fatalf("période %s : aucune cellule secrète dans les exemples", period)
		}
		counts := inFrame(`(function(){ var s = document.querySelector('section[aria-labelledby="indicateurs-reseau"]');
  return [s.querySelectorAll("rect.bar").length, s.querySelectorAll("text.secret").length,
    Array.from(s.querySelectorAll("td")).filter(function (td) { return td.textContent === "secret"; }).length].join(" "); })()`)
		if want := strconv.Quote(strconv.Itoa(bars) + " " + strconv.Itoa(secrets) + " " + strconv.Itoa(secrets)); counts != want {
			t.Errorf("période %s : barres, « secret » des graphiques, « secret » des tableaux = %s, attendu %s", period, counts, want)
		}
		shown := indicNumbersIn(words())
		for _, h := range hidden {
			if allowed[h] {
				continue // the same number is published elsewhere: not a proof
			}
			checked++
			if shown[h] {
				t.Errorf("période %s : le nombre masqué %d apparaît dans le widget", period, h)
			}
		}
		if !strings.Contains(words(), "secret") {
			t.Errorf("période %s : aucune cellule « secret » affichée", period)
		}
	}
	shot("indicateurs-reseau", "indicateurs-reseau")
	e.axeInFrame(t, tb, frame, "réseau, période de la cohorte")
	posted := strings.Join(eval[[]string](t, tb, `window.__posted`), "\n")
	if posted == "" {
		t.Fatal("aucun message du widget capté : l'écoute ne prouverait rien")
	}
	for _, h := range hidden {
		if !allowed[h] && indicNumbersIn(posted)[h] {
			t.Errorf("le nombre masqué %d apparaît dans un message du widget", h)
		}
	}
	t.Logf("nombres masqués : %v ; %d vérifications", hidden, checked)
	if checked == 0 {
		t.Fatal("aucun nombre masqué distinct des chiffres publiés : le test ne prouverait rien")
	}

	// Invalid data: a secret cell that carries its figure.
	eval[bool](t, tb, `(function(){
  document.querySelector("#indicateurs .widget-host").remove();
  var el = document.createElement("div"); el.id = "indicateurs-invalides"; document.getElementById("indicateurs").appendChild(el);
  SPIE.mount(el, {widget: "indicateurs", data: {indicateurs: {date: "2026-06-30", seuil_secret: 5, carnets_lus: 12, lignes_illisibles: 0,
    groupes: [{dimension: "ensemble", valeur: "tous", personnes: 12, indicateurs: {entrants: {effectif: 12}, ruptures: {secret: true, effectif: 2}}}]}}});
  return true;
})()`)
	poll(t, tb, "spie:error", `window.__errors.length > 0`)
	codes := eval[[]string](t, tb, `window.__errors[0].faults.map(function (f) { return f.code + " " + f.path; })`)
	if len(codes) != 1 || codes[0] != "WIDGET-INDICATEURS-06 /indicateurs/0/groupes/0/indicateurs/ruptures" {
		t.Errorf("fautes reçues : %q", codes)
	}
	waitFrame("refus affiché", `document.getElementById("indicateurs-fautes")`)
	if s := inFrame(`document.querySelector("svg") === null && document.querySelector("table") === null`); s != "true" {
		t.Error("des chiffres sont montrés malgré le refus")
	}
	e.axeInFrame(t, tb, frame, "données refusées")
	tb.noErrors(t)
}
