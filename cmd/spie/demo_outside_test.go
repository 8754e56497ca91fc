package main

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
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
// browser tests (SPIE_BROWSER_TESTS=1).
func TestDemoOutsideTheRepository(t *testing.T) {
	if os.Getenv("SPIE_BROWSER_TESTS") != "1" {
		t.Skip("construit les modules WebAssembly hors du dépôt : lancé avec SPIE_BROWSER_TESTS=1 (scripts/test.sh)")
	}
	root := reftest.ModuleRoot(t)
	const version = "v0.0.1-test"
	proxy := t.TempDir()
	writeProxyModule(t, root, proxy, version)

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
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
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

// writeProxyModule writes version of the module at root into a file proxy
// (GOPROXY=file://proxy): the tracked files, in the module zip layout.
func writeProxyModule(t *testing.T, root, proxy, version string) {
	t.Helper()
	dir := filepath.Join(proxy, filepath.FromSlash(wasm.Module), "@v")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	files, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	require.NoError(t, err)
	f, err := os.Create(filepath.Join(dir, version+".zip"))
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	for _, name := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet committed
		}
		require.NoError(t, err)
		w, err := zw.Create(wasm.Module + "@" + version + "/" + name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, version+".mod"), mod, 0o644))
	info, _ := json.Marshal(map[string]string{"Version": version, "Time": "2026-11-30T00:00:00Z"})
	require.NoError(t, os.WriteFile(filepath.Join(dir, version+".info"), info, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "list"), []byte(version+"\n"), 0o644))
}
