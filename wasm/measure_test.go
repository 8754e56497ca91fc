//go:build !js

package wasm_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/wasm"
)

// TestMeasure reports the figures of the issue: module sizes (raw, gzip,
// brotli), the largest contributors of the widgets bundle, and the median
// time from navigation to widget ready over 5 cold loads, on localhost and
// with Chromium's network emulation at 10 Mbit/s and 40 ms. It only runs
// with SPIE_MEASURE=1 (it asserts nothing about timings).
func TestMeasure(t *testing.T) {
	if os.Getenv("SPIE_MEASURE") != "1" {
		t.Skip("mesures : lancez avec SPIE_MEASURE=1")
	}
	dist := builtDist(t)
	for _, name := range wasm.DistFiles() {
		var sizes []string
		for _, ext := range []string{"", ".gz", ".br"} {
			st, err := os.Stat(filepath.Join(dist, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, fmt.Sprintf("%.2f Mo", float64(st.Size())/1e6))
		}
		t.Logf("%s : brut %s, gzip %s, brotli %s", name, sizes[0], sizes[1], sizes[2])
	}
	contributors(t)

	e := env(t)
	for _, slow := range []bool{false, true} {
		var ms []float64
		for i := 0; i < 5; i++ {
			ms = append(ms, coldLoad(t, e, slow))
		}
		sort.Float64s(ms)
		label := "localhost"
		if slow {
			label = "10 Mbit/s, 40 ms"
		}
		t.Logf("navigation → widget prêt (%s), 5 chargements à froid : médiane %.0f ms (min %.0f, max %.0f)", label, ms[2], ms[0], ms[4])
	}
}

// contributors builds the bundle with its symbols and sums the size of the
// function bodies by package (go tool nm does not read wasm modules).
func contributors(t *testing.T) {
	root, _ := moduleRoot()
	out := filepath.Join(t.TempDir(), "app-symbols.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", out, wasm.WidgetPackage("diagnostic"))
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("compilation avec symboles : %v\n%s", err, b)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	funcs, data, err := wasmCodeByFunction(raw)
	if err != nil {
		t.Fatalf("lecture du module : %v", err)
	}
	byPkg := map[string]int{}
	total := 0
	for name, size := range funcs {
		total += size
		byPkg[pkgOf(name)] += size
	}
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range byPkg {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	var b strings.Builder
	for i, x := range list {
		if i == 15 {
			break
		}
		fmt.Fprintf(&b, "\n  %-55s %7.0f Ko", x.k, float64(x.v)/1e3)
	}
	t.Logf("plus gros contributeurs au code (%.2f Mo de code, %.2f Mo de données) :%s", float64(total)/1e6, float64(data)/1e6, b.String())
}

// pkgOf returns the package of a function name of the wasm name section
// (github.com_maxence_charriere_go_app_v10_pkg_app.__htmlInput_.Value).
func pkgOf(sym string) string {
	start := 0
	for _, d := range []string{"github.com_", "golang.org_", "go.yaml.in_"} {
		if i := strings.Index(sym, d); i >= 0 {
			start = i + len(d)
		}
	}
	dot := strings.Index(sym[start:], ".")
	if dot < 0 {
		return sym
	}
	return sym[:start+dot]
}

// coldLoad loads the diagnostic widget in a fresh browser context with the
// cache disabled and returns the navigation → ready time in ms.
func coldLoad(t *testing.T, e *browserEnv, slow bool) float64 {
	tb := e.newTab(t)
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if !slow {
			return nil
		}
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 40, DownloadThroughput: 10e6 / 8, UploadThroughput: 10e6 / 8}},
		})
		return err
	}))
	tb.do(t, chromedp.Navigate(e.portal.URL+"/spie/diagnostic.html"))
	poll(t, tb, "widget prêt", `document.documentElement.getAttribute("data-spie-ready") === "1"`)
	if os.Getenv("SPIE_MEASURE_DETAIL") == "1" {
		t.Logf("détail : %s", eval[string](t, tb, `JSON.stringify({
  html: performance.getEntriesByType("navigation")[0].responseEnd,
  domContentLoaded: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
  wasm: (performance.getEntriesByType("resource").filter(function (r) { return r.name.indexOf(".wasm") > 0; })[0] || {}).responseEnd,
  compiled: performance.getEntriesByName("spie-wasm-compiled")[0].startTime,
  ready: performance.getEntriesByName("spie-ready")[0].startTime})`))
	}
	return eval[float64](t, tb, `performance.getEntriesByName("spie-ready")[0].startTime`)
}
