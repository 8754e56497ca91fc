//go:build !js

package wasm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/demo"
)

// The browser tests drive Debian's headless chromium (scripts/install-browser.sh
// installs it with axe-core and @gouvfr/dsfr). They skip when chromium is
// absent, or when SPIE_BROWSER_TESTS=0.

type browserEnv struct {
	portal    *httptest.Server // the demo partner portal, widgets under /spie/
	other     *httptest.Server // another origin (127.0.0.1 vs localhost) for wrong-origin tests
	browser   context.Context  // chromedp context of the one browser shared by the tests
	axe       string           // axe-core source, "" when not installed
	moduleDir string
	artifacts string
	dist      string
}

var (
	envOnce    sync.Once
	envShared  *browserEnv
	envSkip    string
	envErr     error
	envCleanup []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(envCleanup) - 1; i >= 0; i-- {
		envCleanup[i]()
	}
	os.Exit(code)
}

func chromiumPath() string {
	if p := os.Getenv("SPIE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("go.mod introuvable au-dessus de %s", wd)
		}
	}
}

// env returns the shared browser environment, building the wasm modules once
// (into the user cache, so that later runs only relink).
func env(t *testing.T) *browserEnv {
	t.Helper()
	if testing.Short() {
		t.Skip("tests navigateur ignorés en mode -short")
	}
	if os.Getenv("SPIE_BROWSER_TESTS") == "0" {
		t.Skip("tests navigateur désactivés (SPIE_BROWSER_TESTS=0)")
	}
	exe := chromiumPath()
	if exe == "" {
		t.Skip("chromium n'est pas installé : lancez scripts/install-browser.sh pour les tests navigateur")
	}
	dist := builtDist(t)
	envOnce.Do(func() { envShared, envErr = setupEnv(exe, dist) })
	if envErr != nil {
		t.Fatalf("environnement navigateur : %v", envErr)
	}
	return envShared
}

func setupEnv(exe, dist string) (*browserEnv, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	e := &browserEnv{moduleDir: root, dist: dist}
	e.artifacts = os.Getenv("SPIE_ARTIFACTS")
	if e.artifacts == "" {
		e.artifacts = filepath.Join(root, "artifacts", "wasm")
	}
	if err := os.MkdirAll(e.artifacts, 0o755); err != nil {
		return nil, err
	}
	if b, err := os.ReadFile(filepath.Join(root, "wasm", "node_modules", "axe-core", "axe.min.js")); err == nil {
		e.axe = string(b)
	}
	// The widgets are framed by the portal (same origin) and talk to it.
	dsfr := wasm.FindDSFR(root)
	portal, err := demo.Handler(demo.Options{Widgets: wasm.Options{Dist: e.dist, DSFR: dsfr}})
	if err != nil {
		return nil, err
	}
	e.portal = httptest.NewServer(portal)
	envCleanup = append(envCleanup, e.portal.Close)
	e.other = httptest.NewServer(otherOrigin(e.portal.URL))
	envCleanup = append(envCleanup, e.other.Close)

	profile, err := os.MkdirTemp("", "spie-chromium-")
	if err != nil {
		return nil, err
	}
	envCleanup = append(envCleanup, func() { os.RemoveAll(profile) })
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "fr-FR"),
	)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	if err := chromedp.Do(browser); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("démarrage de chromium : %w", err)
	}
	envCleanup = append(envCleanup, cancelAlloc, cancelBrowser)
	e.browser = browser
	return e, nil
}

// otherOrigin serves a page of a foreign origin that frames a widget of the
// portal and tries to talk to it.
func otherOrigin(portal string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="fr"><head><title>Autre origine</title><script src="/evil.js" defer></script></head>
<body><h1>Page d'une autre origine</h1><iframe id="f" title="widget" src="%s/spie/diagnostic.html?parent=%s"></iframe></body></html>`,
			portal, "http://"+r.Host)
	})
	mux.HandleFunc("GET /evil.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `window.received = [];
window.addEventListener("message", function (e) { window.received.push(e.data); });
setInterval(function () {
  var f = document.getElementById("f");
  f.contentWindow.postMessage({spie: 1, type: "spie:init", data: {personne: {id: "INTRUS"}}}, "*");
}, 100);`)
	})
	mux.HandleFunc("GET /poster", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="fr"><head><title>Intrus</title><script src="/poster.js" defer></script></head><body><p>Intrus</p></body></html>`)
	})
	mux.HandleFunc("GET /poster.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `window.parent.postMessage({spie: 1, type: "spie:submit", widget: "diagnostic", json: "{}"}, "*");
window.posted = 0;
setInterval(function () {
  window.posted++;
  for (var i = 0; i < parent.frames.length; i++) {
    parent.frames[i].postMessage({spie: 1, type: "spie:init", data: {personne: {id: "INTRUS"}}}, "*");
  }
}, 100);`)
	})
	return mux
}

// tab is one browser tab with what it logged.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string
	warnings []string // console.warn, each call's arguments joined by blanks
}

// cspProbe records the CSP violations of every document of the tab in
// window.__spieCSP and, for the frames of another origin that the page
// cannot read, on the document's root as data-spie-csp (a DOM attribute,
// readable from the isolated world of evalInFrame).
const cspProbe = `window.__spieCSP = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__spieCSP.push(e.violatedDirective + " " + e.blockedURI);
  if (document.documentElement) { document.documentElement.setAttribute("data-spie-csp", window.__spieCSP.join(" | ")); }
});`

// newTab opens a tab in a fresh browser context (empty cache) that records
// console errors, exceptions, browser log errors and CSP violations.
func (e *browserEnv) newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = "exception : " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeWarning {
				tb.mu.Lock()
				tb.warnings = append(tb.warnings, consoleText(ev.Args))
				tb.mu.Unlock()
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				msg = "console.error : " + consoleText(ev.Args)
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				msg = "log : " + ev.Entry.Text + " " + ev.Entry.URL
			}
		}
		if msg != "" {
			tb.mu.Lock()
			tb.errors = append(tb.errors, msg)
			tb.mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("écoute de l'onglet : %v", err)
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe})
		return err
	}))
	if err != nil {
		t.Fatalf("sonde CSP : %v", err)
	}
	return tb
}

// consoleText writes the arguments of a console call as the console
// shows them: strings as they are, other values by their description.
func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		if json.Unmarshal(a.Value, &s) != nil {
			s = strings.Trim(string(a.Value), `"`) + a.Description
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// noErrors fails the test on any console error, exception or CSP violation
// (in the page and its frames, of its origin or another).
func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	csp, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`(function () {
  var out = (window.__spieCSP || []).slice();
  document.querySelectorAll("iframe").forEach(function (f) {
    try { out = out.concat(f.contentWindow.__spieCSP || []); } catch (e) {}
  });
  return out;
})()`))
	if err != nil {
		t.Fatalf("lecture des violations CSP : %v", err)
	}
	csp = append(csp, tb.framesCSP(t)...)
	if len(csp) > 0 {
		t.Errorf("violations CSP : %q", csp)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.errors) > 0 {
		t.Errorf("erreurs dans la console : %q", tb.errors)
	}
}

// framesCSP returns the CSP violations recorded (cspProbe) in every frame
// of the tab, the page's excluded, each prefixed with the frame's URL.
func (tb *tab) framesCSP(t *testing.T) []string {
	t.Helper()
	var out []string
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		var walk func(ft *page.FrameTree)
		walk = func(ft *page.FrameTree) {
			for _, c := range ft.ChildFrames {
				if c.Frame != nil {
					v, err := evalInFrameID(ctx, tg, c.Frame.ID, `document.documentElement ? document.documentElement.getAttribute("data-spie-csp") : null`, false)
					if err == nil && v != "null" && v != "" {
						out = append(out, c.Frame.URL+" : "+v)
					}
				}
				walk(c)
			}
		}
		walk(tree.FrameTree)
		return nil
	}))
	if err != nil {
		t.Fatalf("lecture des violations CSP des cadres : %v", err)
	}
	return out
}

func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatalf("navigateur : %v", err)
	}
}

func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("évaluation de %s : %v", expr, err)
	}
	return v
}

// poll waits until expr is true in the page's main world (chromedp.Poll
// may pick an isolated world once axeInFrame created one).
func poll(t *testing.T, tb *tab, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	probe := `(function(){ try { return !!(` + expr + `); } catch (e) { return false; } })()`
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](probe, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	if envShared != nil {
		if b, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100)); err == nil {
			name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
			os.WriteFile(filepath.Join(envShared.artifacts, "echec-"+name+".png"), b, 0o644)
		}
	}
	t.Fatalf("attente de %s (%s) : délai dépassé", what, expr)
}

// screenshot saves a PNG of the page under the artifacts directory.
func (e *browserEnv) screenshot(t *testing.T, tb *tab, name string) {
	t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("capture d'écran : %v", err)
	}
	p := filepath.Join(e.artifacts, name+".png")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("capture : %s", p)
}

// axe runs axe-core on the page and fails on any violation.
func (e *browserEnv) axeCheck(t *testing.T, tb *tab, state string) {
	t.Helper()
	if e.axe == "" {
		t.Skip("axe-core n'est pas installé : lancez scripts/install-browser.sh")
	}
	eval[bool](t, tb, `(function(){ if (!window.axe) { `+e.axe+` } return true; })()`)
	v := eval[[]string](t, tb, `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  return r.violations.map(function (v) {
    return v.id + " (" + v.impact + ") : " + v.nodes.map(function (n) { return n.target.join(" ") + " — " + n.failureSummary; }).join(" | ");
  });
})`)
	for _, s := range v {
		t.Errorf("axe, état %s : %s", state, s)
	}
}

// evalInFrame evaluates expr in an isolated world of the frame whose URL
// contains urlPart (cross-origin frames included) and returns the result as
// JSON text.
func evalInFrame(t *testing.T, tb *tab, urlPart, expr string, await bool) string {
	t.Helper()
	out, err := tryEvalInFrame(tb, urlPart, expr, await)
	if err != nil {
		t.Fatalf("évaluation dans le cadre %s : %v", urlPart, err)
	}
	return out
}

func tryEvalInFrame(tb *tab, urlPart, expr string, await bool) (string, error) {
	var out string
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		var frame cdp.FrameID
		var walk func(ft *page.FrameTree)
		walk = func(ft *page.FrameTree) {
			if ft == nil || frame != "" {
				return
			}
			if ft.Frame != nil && strings.Contains(ft.Frame.URL, urlPart) {
				frame = ft.Frame.ID
				return
			}
			for _, c := range ft.ChildFrames {
				walk(c)
			}
		}
		walk(tree.FrameTree)
		if frame == "" {
			return fmt.Errorf("aucun cadre ne charge %s", urlPart)
		}
		out, err = evalInFrameID(ctx, tg, frame, expr, await)
		return err
	}))
	return out, err
}

// evalInFrameID evaluates expr in a new isolated world of the frame and
// returns the result as JSON text.
func evalInFrameID(ctx context.Context, tg *chromedp.Target, frame cdp.FrameID, expr string, await bool) (string, error) {
	world, err := cdp.Call(ctx, tg, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: frame, WorldName: "spie-test"})
	if err != nil {
		return "", err
	}
	yes := true
	res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{
		Expression: expr, ContextID: world.ExecutionContextID, AwaitPromise: &await, ReturnByValue: &yes,
	})
	if err != nil {
		return "", err
	}
	if res.ExceptionDetails != nil {
		return "", fmt.Errorf("%s", res.ExceptionDetails.Text)
	}
	return string(res.Result.Value), nil
}

// axeInFrame runs axe-core in the frame whose URL contains urlPart, in an
// isolated world (the widget page's CSP forbids injecting a script in its
// own world), and fails on any violation.
func (e *browserEnv) axeInFrame(t *testing.T, tb *tab, urlPart, state string) {
	t.Helper()
	if e.axe == "" {
		t.Skip("axe-core n'est pas installé : lancez scripts/install-browser.sh")
	}
	raw := evalInFrame(t, tb, urlPart, `(function(){ `+e.axe+`
return axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  return r.violations.map(function (v) {
    return v.id + " (" + v.impact + ") : " + v.nodes.map(function (n) { return n.target.join(" ") + " — " + n.failureSummary; }).join(" | ");
  });
}); })()`, true)
	var violations []string
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("résultat d'axe illisible : %v", err)
	}
	for _, v := range violations {
		t.Errorf("axe, état %s : %s", state, v)
	}
}

// statePath returns the base path under which the partner's widgets server
// (newPartner) serves the widgets for the state name: SPIE.mount(el,
// {base: statePath(name), …}) loads the frame from
// <widgets>/etat/<name>/<widget>.html, a URL no other state's frame contains.
func statePath(name string) string { return "/etat/" + name + "/" }

// evalFrame evaluates expr in the frame whose URL contains urlPart (see
// evalInFrame, promises awaited) and decodes its JSON value into T.
func evalFrame[T any](t *testing.T, tb *tab, urlPart, expr string) T {
	t.Helper()
	var v T
	raw := evalInFrame(t, tb, urlPart, expr, true)
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("valeur de %s dans le cadre %s illisible (%s) : %v", expr, urlPart, raw, err)
	}
	return v
}

// pollFrame waits until expr is true in the frame whose URL contains urlPart
// (cross-origin frames included), as poll does in the page.
func pollFrame(t *testing.T, tb *tab, what, urlPart, expr string) {
	t.Helper()
	pollFrameWithin(t, tb, 20*time.Second, what, urlPart, expr)
}

// pollFrameWithin is pollFrame waiting up to d.
func pollFrameWithin(t *testing.T, tb *tab, d time.Duration, what, urlPart, expr string) {
	t.Helper()
	deadline := time.Now().Add(d)
	probe := `(function(){ try { return !!(` + expr + `); } catch (e) { return false; } })()`
	for time.Now().Before(deadline) {
		if v, err := tryEvalInFrame(tb, urlPart, probe, false); err == nil && v == "true" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	if envShared != nil {
		if b, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100)); err == nil {
			name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
			os.WriteFile(filepath.Join(envShared.artifacts, "echec-"+name+".png"), b, 0o644)
		}
	}
	t.Fatalf("attente de %s dans le cadre %s (%s) : délai dépassé", what, urlPart, expr)
}
