package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/wasm"
)

// TestDemoOutsideTheRepository (issue 15, item 8): a partner who installed
// spie with `go install github.com/spie-fr/socle/cmd/spie@version` runs
// `spie demo` in a directory of its own. The module's sources come from
// the Go module cache, filled here from a local file proxy holding this
// commit as version v0.0.1-test (the other modules from the local module
// cache's download directory, which is a valid proxy), with a fresh
// GOMODCACHE so that nothing comes from the repository. It builds the
// widgets and serves the portal. It builds WebAssembly: it runs with the
// the whole toolchain from an empty module cache: 4 to 12 minutes on two
// loaded cores, so it runs when SPIE_DEMO_OUTSIDE=1 asks for it; the
// ordinary suite checks the same source lookup without compiling
// (wasm.TestFindModuleFromAProxy).
func TestDemoOutsideTheRepository(t *testing.T) {
	if os.Getenv("SPIE_DEMO_OUTSIDE") != "1" {
		t.Skip("go install et construction des widgets depuis un cache de modules vide (4 à 12 minutes) : SPIE_DEMO_OUTSIDE=1 le lance")
	}
	root := reftest.ModuleRoot(t)
	const version = "v0.0.1-test"
	proxy := t.TempDir()
	reftest.WriteProxyModule(t, root, wasm.Module, proxy, version)

	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		require.NoError(t, err)
		return strings.TrimSpace(string(out))
	}
	downloads := filepath.Join(goEnv("GOMODCACHE"), "cache", "download")
	home := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY=file://"+proxy+",file://"+downloads,
		"GOSUMDB=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
		"GOMODCACHE="+filepath.Join(home, "modcache"),
		"GOBIN="+filepath.Join(home, "bin"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	outside := t.TempDir()
	install := exec.Command("go", "install", wasm.Module+"/cmd/spie@"+version)
	install.Dir, install.Env = outside, env
	out, err := install.CombinedOutput()
	require.NoError(t, err, "go install : %s", out)
	// the module cache is read-only: let t.TempDir remove it
	t.Cleanup(func() { exec.Command("chmod", "-R", "u+w", filepath.Join(home, "modcache")).Run() })

	dsfr := wasm.FindDSFR(root)
	require.NotEmpty(t, dsfr, "@gouvfr/dsfr absent du dépôt : sh scripts/install-browser.sh")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	demo := exec.CommandContext(ctx, filepath.Join(home, "bin", "spie"), "demo", "--addr", "127.0.0.1:0", "--dsfr", dsfr)
	demo.Dir, demo.Env = outside, env
	stdout, err := demo.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	demo.Stderr = &stderr
	require.NoError(t, demo.Start())
	defer func() { _ = demo.Process.Kill(); _ = demo.Wait() }()

	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`http://[^/ ]+/`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := re.FindString(sc.Text()); m != "" {
				addr <- m
				return
			}
		}
		close(addr)
	}()
	var base string
	select {
	case a, ok := <-addr:
		require.True(t, ok, "spie demo s'est arrêté : %s", stderr.String())
		base = a
	case <-ctx.Done():
		t.Fatalf("spie demo n'écoute pas : %s", stderr.String())
	}
	assert.Contains(t, stderr.String(), filepath.Join(home, "modcache"), "les sources viennent du cache des modules")
	for path, want := range map[string]string{
		"":                       "spie-embed.js",
		"spie/spie-embed.js":     "SPIE.mount",
		"spie/dsfr/dsfr.min.css": "",
	} {
		res, err := http.Get(base + path)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode, path)
		assert.Contains(t, string(body), want, path)
	}
}
