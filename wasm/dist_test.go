//go:build !js

package wasm_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/spie-fr/socle/wasm"
)

var (
	distOnce sync.Once
	distDir  string
	distErr  error
)

// builtDist builds the widgets and validation modules once per test binary into the user cache
// (later runs only relink and skip compression when nothing changed).
func builtDist(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("compilation WebAssembly ignorée en mode -short")
	}
	distOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			distErr = err
			return
		}
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		// one directory per checkout: two worktrees (or clones) testing at
		// once must not serve each other's modules
		sum := sha256.Sum256([]byte(root))
		distDir = filepath.Join(cache, "spie-socle", "wasm-test-"+hex.EncodeToString(sum[:6]))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		distErr = wasm.Build(ctx, wasm.BuildOptions{Dir: distDir, ModuleDir: root})
	})
	if distErr != nil {
		t.Fatalf("compilation des modules WebAssembly : %v", distErr)
	}
	return distDir
}
