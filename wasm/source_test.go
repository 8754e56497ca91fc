package wasm_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/wasm"
)

// fakeNPM writes an npm that installs a stand-in @gouvfr/dsfr where
// `npm install --prefix DIR` puts packages (DIR/node_modules) and records
// its arguments, then puts it alone on PATH.
func fakeNPM(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	args := filepath.Join(bin, "args")
	script := `#!/bin/sh
echo "$@" > ` + args + `
while [ $# -gt 0 ]; do
	if [ "$1" = "--prefix" ]; then prefix=$2; fi
	shift
done
mkdir -p "$prefix/node_modules/@gouvfr/dsfr/dist"
echo "/* dsfr */" > "$prefix/node_modules/@gouvfr/dsfr/dist/dsfr.min.css"
`
	require.NoError(t, os.WriteFile(filepath.Join(bin, "npm"), []byte(script), 0o755))
	t.Setenv("PATH", bin+":/usr/bin:/bin") // ours first
	return args
}

func TestEnsureDSFR(t *testing.T) {
	ctx := context.Background()
	t.Run("installé avec npm quand il manque, et dit", func(t *testing.T) {
		t.Chdir(t.TempDir()) // outside the module: nothing installed here
		args := fakeNPM(t)
		cache := t.TempDir()
		var log bytes.Buffer
		dir, err := wasm.EnsureDSFR(ctx, "", "", cache, &log)
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(cache, "npm", "node_modules", "@gouvfr", "dsfr", "dist"), dir)
		assert.FileExists(t, filepath.Join(dir, "dsfr.min.css"))
		assert.Contains(t, log.String(), "installation de @gouvfr/dsfr@1 avec npm")
		b, err := os.ReadFile(args)
		require.NoError(t, err)
		assert.Contains(t, string(b), "install")
		assert.Contains(t, string(b), "@gouvfr/dsfr@1")

		// the second time it is found in the cache: npm is not run again
		require.NoError(t, os.Remove(args))
		log.Reset()
		again, err := wasm.EnsureDSFR(ctx, "", "", cache, &log)
		require.NoError(t, err)
		assert.Equal(t, dir, again)
		assert.Empty(t, log.String())
		assert.NoFileExists(t, args)
	})
	t.Run("sans npm : une erreur en français, jamais de substitut", func(t *testing.T) {
		t.Chdir(t.TempDir())
		t.Setenv("PATH", t.TempDir()) // no npm anywhere
		_, err := wasm.EnsureDSFR(ctx, "", "", t.TempDir(), &bytes.Buffer{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "npm introuvable")
	})
	t.Run("répertoire donné sans la feuille de style", func(t *testing.T) {
		_, err := wasm.EnsureDSFR(ctx, t.TempDir(), "", t.TempDir(), &bytes.Buffer{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "dsfr.min.css")
	})
	t.Run("celui des sources du module", func(t *testing.T) {
		t.Chdir(t.TempDir())
		mod := t.TempDir()
		dist := filepath.Join(mod, wasm.DSFRPath)
		require.NoError(t, os.MkdirAll(dist, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dist, "dsfr.min.css"), []byte("/* dsfr */"), 0o644))
		dir, err := wasm.EnsureDSFR(ctx, "", mod, t.TempDir(), &bytes.Buffer{})
		require.NoError(t, err)
		assert.Equal(t, dist, dir)
	})
}

// TestFindModuleOutsideAnyModule: a development build run outside any
// module has no version to download; the error says what to do.
func TestFindModuleOutsideAnyModule(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("GOFLAGS", "")
	_, err := wasm.FindModule(context.Background(), "", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--module")
}

// TestFindModuleFromAProxy (issue 15, item 8): outside any module, the
// sources of a version come from the Go module cache, downloaded through
// the GOPROXY in force — here a local file proxy holding this checkout as
// v0.0.1-test, into an empty module cache, so that nothing comes from the
// repository. (SPIE_DEMO_OUTSIDE=1 also runs the whole `go install` and
// `spie demo` from such a cache: cmd/spie TestDemoOutsideTheRepository.)
func TestFindModuleFromAProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("télécharge le module depuis un proxy de fichiers")
	}
	root := reftest.ModuleRoot(t)
	proxy := t.TempDir()
	const version = "v0.0.1-test"
	reftest.WriteProxyModule(t, root, wasm.Module, proxy, version)
	cache := filepath.Join(t.TempDir(), "modcache")
	t.Cleanup(func() { _ = exec.Command("chmod", "-R", "u+w", cache).Run() }) // the module cache is read-only
	t.Setenv("GOPROXY", "file://"+proxy)
	t.Setenv("GOMODCACHE", cache)
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOTOOLCHAIN", "local")
	t.Chdir(t.TempDir())
	dir, err := wasm.FindModule(context.Background(), "", version)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(dir, cache), "sources prises dans le cache des modules : %s", dir)
	for _, f := range []string{"go.mod", "wasm/cmd/diagnostic/main.go", "wasm/build.go"} {
		assert.FileExists(t, filepath.Join(dir, filepath.FromSlash(f)))
	}
}
