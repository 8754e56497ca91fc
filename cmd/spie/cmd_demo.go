package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/demo"
)

func init() {
	register(command{name: "demo", summary: "construit les widgets WebAssembly et sert le portail partenaire de démonstration", run: runDemo})
}

// demoContext is the lifetime of the demo server: until Ctrl-C (tests
// replace it).
var demoContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// demoListening is told the address once the server listens (tests).
var demoListening = func(addr string) {}

func runDemo(c *cli, args []string) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	addr := fs.String("addr", "localhost:8080", "adresse d'écoute du portail")
	dist := fs.String("dist", "", "répertoire des modules WebAssembly construits (par défaut le cache utilisateur)")
	noBuild := fs.Bool("no-build", false, "ne pas reconstruire les modules, servir ceux de --dist")
	quality := fs.Int("brotli", 9, "niveau brotli des modules précompressés (11 : environ 12 % plus petit, une minute de plus à chaque reconstruction)")
	dsfr := fs.String("dsfr", "", "répertoire dist du paquet npm @gouvfr/dsfr (par défaut celui de wasm/node_modules, sinon installé avec npm dans le cache utilisateur)")
	module := fs.String("module", "", "répertoire des sources du module socle (par défaut le dépôt courant, sinon le cache des modules Go pour la version de spie)")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie demo [--addr localhost:8080] [--dist DIR] [--no-build] [--module DIR] [--dsfr DIR]")
		fmt.Fprintln(c.stderr, "Construit les widgets (GOOS=js GOARCH=wasm) puis sert un portail partenaire fictif qui les intègre,")
		fmt.Fprintln(c.stderr, "avec le Système de design de l'État (@gouvfr/dsfr, installé avec npm s'il manque).")
		printDefaults(fs)
	}
	if code, ok := parseArgs(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "spie demo : argument inattendu %q\n", fs.Arg(0))
		return exitUsage
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	cache = filepath.Join(cache, "spie-socle")
	if *dist == "" {
		*dist = filepath.Join(cache, "wasm")
	}
	ctx, stop := demoContext()
	defer stop()
	if !*noBuild && *module == "" {
		dir, err := wasm.FindModule(ctx, "", "")
		if err != nil {
			fmt.Fprintf(c.stderr, "spie demo : %v\n", err)
			return exitUsage
		}
		*module = dir
	}
	if !*noBuild {
		fmt.Fprintf(c.stderr, "spie demo : construction des modules WebAssembly de %s dans %s…\n", *module, *dist)
		start := time.Now()
		if err := wasm.Build(ctx, wasm.BuildOptions{Dir: *dist, ModuleDir: *module, BrotliQuality: *quality}); err != nil {
			fmt.Fprintf(c.stderr, "spie demo : %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(c.stderr, "spie demo : modules prêts en %.1f s\n", time.Since(start).Seconds())
	}
	if _, err := os.Stat(filepath.Join(*dist, wasm.DistFiles()[0])); err != nil {
		fmt.Fprintf(c.stderr, "spie demo : modules WebAssembly introuvables dans %s (lancez sans --no-build)\n", *dist)
		return exitUsage
	}
	// the DSFR styles, never a stand-in: installed with npm when missing
	dsfrDir, err := wasm.EnsureDSFR(ctx, *dsfr, *module, cache, prefixed{c.stderr, "spie demo : "})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie demo : %v\n", err)
		return exitUsage
	}
	h, err := demo.Handler(demo.Options{Widgets: wasm.Options{Dist: *dist, DSFR: dsfrDir}})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie demo : %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie demo : écoute sur %s impossible : %v\n", *addr, err)
		return exitUsage
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(c.stdout, "Portail partenaire de démonstration : http://%s/ (Ctrl-C pour arrêter)\n", ln.Addr())
	demoListening(ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
		return exitOK
	case err := <-errc:
		fmt.Fprintf(c.stderr, "spie demo : %v\n", err)
		return exitUsage
	}
}

// prefixed writes each line to w after prefix (what npm and EnsureDSFR say).
type prefixed struct {
	w      io.Writer
	prefix string
}

func (p prefixed) Write(b []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(p.w, p.prefix+line); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}
