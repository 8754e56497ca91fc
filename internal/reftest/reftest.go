// Package reftest locates, for tests, the official reference lists kept in
// ../shared/reference beside the module (they are never committed). A test
// that needs them is skipped, with a message, when they are absent.
package reftest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns ../shared/reference/<sub...> next to the module root (the
// folder holding go.mod), or skips the test when it is absent.
func Dir(t testing.TB, sub ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod introuvable : référentiels officiels non localisés, test de conformité ignoré")
		}
		dir = parent
	}
	ref := filepath.Join(append([]string{dir, "..", "shared", "reference"}, sub...)...)
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("référentiel absent (%s) : test de conformité ignoré", ref)
	}
	return ref
}
