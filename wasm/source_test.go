package wasm_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
