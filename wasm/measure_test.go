//go:build !js

package wasm_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/require"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/spie-fr/socle/spie/territory"
	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/manifest"
)

// TestMeasure produces the widgets' figures of issue 17 (item 4) and writes
// them into the section "Widgets" of BENCHMARKS.md (between the markers
// benchBegin and benchEnd; appended when absent): the size of each module
// (raw, gzip, brotli as served), the largest contributors of the diagnostic
// module, and for each widget page the time from navigation to ready
// (performance mark spie-ready), median of 5 cold loads, on localhost and
// with Chromium's network emulation at 10 Mbit/s and 40 ms, each load paired
// with a load of a go-app hello page in the same round (testdata/hello) and
// reported as the median of the per-round ratios. It only runs with
// SPIE_MEASURE=1 and asserts nothing about the figures.
func TestMeasure(t *testing.T) {
	if os.Getenv("SPIE_MEASURE") != "1" {
		t.Skip("mesures : lancez avec SPIE_MEASURE=1")
	}
	dist := builtDist(t)
	hello := buildHello(t)
	var md strings.Builder
	load := func() string {
		b, _ := os.ReadFile("/proc/loadavg")
		return strings.Join(strings.Fields(string(b))[:min(3, len(strings.Fields(string(b))))], " ")
	}
	fmt.Fprintf(&md, "Écrit par `SPIE_MEASURE=1 go test ./wasm -run TestMeasure` le %s ; %s, %d cœurs, charge de la machine au début (1, 5, 15 min) : %s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.Version(), runtime.NumCPU(), load())

	// Sizes.
	md.WriteString("### Taille des modules\n\nUn module par widget (`wasm/cmd/<widget>`), compilé avec `-trimpath -ldflags=-s -w` et l'étiquette du widget (`spie_widget_<widget>` : sans le code des autres widgets ni les paquets du socle qu'eux seuls utilisent) ; gzip niveau 9, brotli qualité 9 (fenêtre 2^24), tels que le serveur les sert. La référence est une page go-app « bonjour » (`wasm/testdata/hello`) : la part de socle est l'écart à cette référence.\n\n")
	fmt.Fprintf(&md, "La colonne « communes » dit si le module contient la table des communes (`spie/territory`, %.2f Mo déjà compressés, incompressible). Les modules des widgets sont compilés sans elle (étiquette `%s`) : elle est servie une fois, à part, sous un nom qui porte son empreinte (`communes.<empreinte>.bin`, en cache un an, telle quelle), et seules les pages des widgets qui vérifient des communes (%s) la téléchargent, une fois leur module compilé, pendant que Go démarre (le module a le débit pour lui seul) ; le widget est prêt sans l'attendre. `validate.wasm`, chargé seul par Node ou un navigateur, la garde.\n\n", float64(territory.TableSize)/1e6, wasm.CommunesTag, strings.Join(manifest.CommunesWidgets, ", "))
	md.WriteString("| module | brut | gzip | brotli | brotli au-dessus de go-app | communes |\n|---|---|---|---|---|---|\n")
	root, err := moduleRoot()
	require.NoError(t, err)
	communes, err := os.ReadFile(filepath.Join(root, "spie", "territory", "communes.tsv.gz"))
	require.NoError(t, err)
	// 64 bytes from the middle of the gzip'd table: present only if the
	// table is linked
	probe := communes[len(communes)/2 : len(communes)/2+64]
	hasCommunes := func(p string) string {
		raw, err := os.ReadFile(p)
		require.NoError(t, err)
		if bytes.Contains(raw, probe) {
			return "oui"
		}
		return "non"
	}
	sizes := func(dir, name string) [3]int64 {
		var out [3]int64
		for i, ext := range []string{"", ".gz", ".br"} {
			st, err := os.Stat(filepath.Join(dir, name+ext))
			require.NoError(t, err)
			out[i] = st.Size()
		}
		return out
	}
	floor := sizes(hello, "hello.wasm")
	mo := func(n int64) string { return fmt.Sprintf("%.2f Mo", float64(n)/1e6) }
	fmt.Fprintf(&md, "| go-app hello (référence) | %s | %s | %s | — | %s |\n", mo(floor[0]), mo(floor[1]), mo(floor[2]), hasCommunes(filepath.Join(hello, "hello.wasm")))
	for _, name := range wasm.DistFiles() {
		if !strings.HasSuffix(name, ".wasm") {
			continue
		}
		sz := sizes(dist, name)
		fmt.Fprintf(&md, "| %s | %s | %s | %s | %+.2f Mo | %s |\n", name, mo(sz[0]), mo(sz[1]), mo(sz[2]), float64(sz[2]-floor[2])/1e6, hasCommunes(filepath.Join(dist, name)))
		t.Logf("%s : brut %s, gzip %s, brotli %s", name, mo(sz[0]), mo(sz[1]), mo(sz[2]))
	}
	if st, err := os.Stat(filepath.Join(dist, wasm.CommunesFile)); err == nil {
		fmt.Fprintf(&md, "| %s (la table, servie à part, telle quelle) | %s | — | — | — | — |\n", wasm.CommunesFile, mo(st.Size()))
	}
	md.WriteString("\n")
	md.WriteString(contributors(t))
	md.WriteString(initCost(t, hello, dist))

	// Ready times.
	e := env(t)
	ref := httptest.NewServer(helloHandler(t, hello, dist))
	defer ref.Close()
	pages := append([]string{}, manifest.Widgets.Keys()...)
	md.WriteString("### Temps jusqu'au widget prêt\n\nDe la navigation à la marque `spie-ready` (le widget monté, son canal ouvert), page du widget ouverte seule, 5 chargements à froid (nouveau contexte de navigateur, cache désactivé) ; à chaque tour, la page go-app « bonjour » est chargée juste avant le widget et le rapport widget / bonjour de ce tour est gardé : on donne la médiane des temps et la médiane des rapports (min–max entre parenthèses). « Démarrage » est le temps entre la fin de la compilation du module (`spie-wasm-compiled`) et le widget prêt : démarrage de Go, initialisation des paquets, go-app, premier rendu. « Transféré » est le module seul ; « table des communes arrivée » est la marque `spie-communes` (octets de la table reçus par la page, qui les remet au module), pour les pages qui la téléchargent.\n\n")
	for _, slow := range []bool{false, true} {
		label := "localhost"
		if slow {
			label = "10 Mbit/s, 40 ms (émulation réseau de Chromium)"
		}
		fmt.Fprintf(&md, "**%s**\n\n| page | transféré | prêt, médiane | rapport à bonjour | démarrage, médiane | table des communes arrivée, médiane |\n|---|---|---|---|---|---|\n", label)
		var helloLoads []loadTimes
		byPage := map[string][]loadTimes{}
		ratios := map[string][]float64{}
		for i := 0; i < 5; i++ {
			for _, p := range pages {
				h := coldLoadClosed(t, e, ref.URL+"/hello.html", slow)
				w := coldLoadClosed(t, e, e.portal.URL+"/spie/"+p+".html", slow)
				helloLoads = append(helloLoads, h)
				byPage[p] = append(byPage[p], w)
				ratios[p] = append(ratios[p], w.Ready/h.Ready)
			}
		}
		row := func(name string, loads []loadTimes, r []float64) {
			ready, start := make([]float64, len(loads)), make([]float64, len(loads))
			var communes []float64
			for i, l := range loads {
				ready[i], start[i] = l.Ready, l.Ready-l.Compiled
				if l.Communes > 0 {
					communes = append(communes, l.Communes)
				}
			}
			arrived := "—"
			if len(communes) > 0 {
				arrived = fmt.Sprintf("%.0f ms (%.0f–%.0f)", median(communes), slices.Min(communes), slices.Max(communes))
			}
			ratio := "—"
			if r != nil {
				ratio = fmt.Sprintf("%.2f× (%.2f–%.2f)", median(r), slices.Min(r), slices.Max(r))
			}
			fetches := 0.0
			for _, l := range loads {
				fetches = max(fetches, l.WasmFetches)
			}
			if fetches > 1 {
				ratio += fmt.Sprintf(" ; module demandé %.0f fois", fetches)
			}
			fmt.Fprintf(&md, "| %s | %.2f Mo | %.0f ms (%.0f–%.0f) | %s | %.0f ms | %s |\n", name, loads[0].WasmBytes/1e6, median(ready), slices.Min(ready), slices.Max(ready), ratio, median(start), arrived)
			t.Logf("%s, %s : prêt en %.0f ms (médiane), rapport %s", label, name, median(ready), ratio)
		}
		row("go-app hello (référence)", helloLoads, nil)
		for _, p := range pages {
			row(p, byPage[p], ratios[p])
		}
		md.WriteString("\n")
	}
	fmt.Fprintf(&md, "Charge de la machine à la fin (1, 5, 15 min) : %s. La machine est partagée (2 cœurs, d'autres compilations et tests en même temps) : les temps absolus en pâtissent, les rapports appariés moins.\n", load())
	writeBenchSection(t, md.String())
}

// initCost runs each module's package initialisation under Node
// (wasm_exec_node.js of the Go release, GODEBUG=inittrace=1: the runtime
// prints one line per package initialised, before main; main then fails
// without a browser window, which is expected) and returns, as Markdown,
// the total clock time and allocations of the initialisation, median of 3
// runs, with the packages costing the most in the median run.
func initCost(t *testing.T, hello, dist string) string {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node absent : initialisation des paquets non mesurée")
		return ""
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	runner := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js")
	type run struct {
		ms, bytes float64
		pkgs      map[string]float64
	}
	once := func(module string) run {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, node, runner, module)
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		out, _ := cmd.CombinedOutput() // main fails after init without a window
		r := run{pkgs: map[string]float64{}}
		for _, line := range strings.Split(string(out), "\n") {
			// init github.com/x/y @12 ms, 3.4 ms clock, 5000 bytes, 10 allocs
			f := strings.Fields(line)
			if len(f) < 8 || f[0] != "init" || f[6] != "clock," {
				continue
			}
			var ms, b float64
			fmt.Sscan(f[4], &ms)
			fmt.Sscan(f[7], &b)
			r.ms += ms
			r.bytes += b
			r.pkgs[f[1]] += ms
		}
		return r
	}
	var md strings.Builder
	md.WriteString("### Initialisation des paquets au démarrage\n\nTemps d'horloge de l'initialisation des paquets (variables de paquet et fonctions `init`, avant `main`) de chaque module exécuté par Node (`wasm_exec_node.js` de Go, `GODEBUG=inittrace=1`), médiane de 3 exécutions ; Node compile le module comme Chromium (V8), les temps sont du même ordre que dans la page.\n\n| module | initialisation | mémoire allouée | paquets les plus coûteux |\n|---|---|---|---|\n")
	modules := [][2]string{{"go-app hello (référence)", filepath.Join(hello, "hello.wasm")}}
	for _, k := range manifest.Widgets.Keys() {
		modules = append(modules, [2]string{wasm.WidgetWasm(k), filepath.Join(dist, wasm.WidgetWasm(k))})
	}
	for _, m := range modules {
		runs := []run{once(m[1]), once(m[1]), once(m[1])}
		sort.Slice(runs, func(i, j int) bool { return runs[i].ms < runs[j].ms })
		r := runs[1]
		type kv struct {
			k string
			v float64
		}
		var top []kv
		for k, v := range r.pkgs {
			top = append(top, kv{k, v})
		}
		sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v })
		var names []string
		for i, x := range top {
			if i == 4 || x.v < 5 {
				break
			}
			names = append(names, fmt.Sprintf("`%s` %.0f ms", x.k, x.v))
		}
		fmt.Fprintf(&md, "| %s | %.0f ms (%.0f–%.0f) | %.2f Mo | %s |\n", m[0], r.ms, runs[0].ms, runs[2].ms, r.bytes/1e6, strings.Join(names, ", "))
		t.Logf("initialisation de %s : %.0f ms", m[0], r.ms)
	}
	md.WriteString("\n")
	return md.String()
}

// Markers of the section of BENCHMARKS.md that TestMeasure rewrites; the
// rest of the file belongs to the bench (go run ./bench), which must keep
// this section.
const (
	benchBegin = "<!-- début : section écrite par SPIE_MEASURE=1 go test ./wasm -run TestMeasure -->"
	benchEnd   = "<!-- fin : section écrite par TestMeasure -->"
)

func writeBenchSection(t *testing.T, body string) {
	root, err := moduleRoot()
	require.NoError(t, err)
	p := filepath.Join(root, "BENCHMARKS.md")
	old, err := os.ReadFile(p)
	require.NoError(t, err)
	section := benchBegin + "\n## Widgets : taille des modules et temps jusqu'au widget prêt\n\n" + body + benchEnd + "\n"
	s := string(old)
	if i, j := strings.Index(s, benchBegin), strings.Index(s, benchEnd); i >= 0 && j > i {
		s = s[:i] + section + s[j+len(benchEnd)+1:]
	} else {
		s = strings.TrimRight(s, "\n") + "\n\n" + section
	}
	require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
	t.Logf("section des widgets écrite dans %s", p)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// buildHello builds the reference go-app page into a temporary directory
// with the flags and compression of wasm.Build.
func buildHello(t *testing.T) string {
	root, err := moduleRoot()
	require.NoError(t, err)
	dir := t.TempDir()
	out := filepath.Join(dir, "hello.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./wasm/testdata/hello")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	b, err := build.CombinedOutput()
	require.NoError(t, err, "compilation de la page de référence : %s", b)
	raw, err := os.ReadFile(out)
	require.NoError(t, err)
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	require.NoError(t, zw.Close())
	bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 9, LGWin: 24})
	bw.Write(raw)
	require.NoError(t, bw.Close())
	require.NoError(t, os.WriteFile(out+".gz", gz.Bytes(), 0o644))
	require.NoError(t, os.WriteFile(out+".br", br.Bytes(), 0o644))
	return dir
}

// helloHandler serves the reference page like a widget page: the same boot
// script and wasm_exec.js, the module precompressed (brotli, else gzip).
func helloHandler(t *testing.T, hello, dist string) http.Handler {
	boot, err := os.ReadFile(filepath.Join("assets", "spie-boot.js"))
	require.NoError(t, err)
	exec, err := os.ReadFile(filepath.Join(dist, wasm.WasmExecJS))
	require.NoError(t, err)
	page := `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Bonjour</title>
<script defer src="wasm_exec.js"></script>
<script defer src="spie-boot.js" data-wasm="hello.wasm"></script>
</head><body><div id="spie-root"><main><p>Chargement…</p></main></div></body></html>`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hello.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		case "/spie-boot.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(boot)
		case "/wasm_exec.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(exec)
		case "/hello.wasm":
			w.Header().Set("Content-Type", "application/wasm")
			name := "hello.wasm"
			switch ae := r.Header.Get("Accept-Encoding"); {
			case strings.Contains(ae, "br"):
				w.Header().Set("Content-Encoding", "br")
				name += ".br"
			case strings.Contains(ae, "gzip"):
				w.Header().Set("Content-Encoding", "gzip")
				name += ".gz"
			}
			b, err := os.ReadFile(filepath.Join(hello, name))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Write(b)
		default:
			http.NotFound(w, r)
		}
	})
}

// contributors builds the diagnostic module with its symbols (and the
// widgets' build tag, as wasm.Build does), sums the size
// of the function bodies by package (go tool nm does not read wasm modules)
// and returns the 15 largest as Markdown.
func contributors(t *testing.T) string {
	root, _ := moduleRoot()
	out := filepath.Join(t.TempDir(), "app-symbols.wasm")
	build := exec.Command("go", "build", "-trimpath", "-tags="+wasm.WidgetTags("diagnostic"), "-o", out, wasm.WidgetPackage("diagnostic"))
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
	fmt.Fprintf(&b, "### Ce que contient le module du diagnostic\n\n%.2f Mo de code et %.2f Mo de données (segment de données : tables, chaînes, types ; sans la table des communes, servie à part) ; plus gros paquets par taille du code :\n\n| paquet | code |\n|---|---|\n", float64(total)/1e6, float64(data)/1e6)
	for i, x := range list {
		if i == 15 {
			break
		}
		fmt.Fprintf(&b, "| `%s` | %.0f Ko |\n", x.k, float64(x.v)/1e3)
	}
	b.WriteString("\n")
	t.Log(b.String())
	return b.String()
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

// coldLoadClosed is coldLoad in a subtest, so that its browser context is
// closed (and its Go program stopped) before the next load.
func coldLoadClosed(t *testing.T, e *browserEnv, url string, slow bool) loadTimes {
	var lt loadTimes
	t.Run(path.Base(url), func(t *testing.T) { lt = coldLoad(t, e, url, slow) })
	return lt
}

// loadTimes are the figures of one cold load, in ms from navigation start.
type loadTimes struct {
	Ready, Compiled float64
	Communes        float64 // the table of communes received (0: not fetched)
	WasmBytes       float64 // bytes of the module on the wire
	WasmFetches     float64 // requests for a .wasm (1: the preload was used)
}

// coldLoad loads url in a fresh browser context with the cache disabled
// (and the network throttled when slow) and returns its times.
func coldLoad(t *testing.T, e *browserEnv, url string, slow bool) loadTimes {
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
	tb.do(t, chromedp.Navigate(url))
	poll(t, tb, "page prête", `document.documentElement.getAttribute("data-spie-ready") === "1"`)
	poll(t, tb, "table des communes reçue", `!document.querySelector("script[data-communes]") || performance.getEntriesByName("spie-communes").length > 0`)
	return eval[loadTimes](t, tb, `({
  Ready: performance.getEntriesByName("spie-ready")[0].startTime,
  Compiled: performance.getEntriesByName("spie-wasm-compiled")[0].startTime,
  Communes: (performance.getEntriesByName("spie-communes")[0] || {startTime: 0}).startTime,
  WasmBytes: (performance.getEntriesByType("resource").filter(function (r) { return r.name.indexOf(".wasm") > 0; })[0] || {}).encodedBodySize || 0,
  WasmFetches: performance.getEntriesByType("resource").filter(function (r) { return r.name.indexOf(".wasm") > 0; }).length})`)
}
