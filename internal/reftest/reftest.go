// Package reftest locates, for tests, the official reference lists kept in
// ../shared/reference beside the module (they are never committed). A test
// that needs them is skipped, with a message, when they are absent.
package reftest

import (
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the folder holding go.mod, above the test's folder;
// the test fails when there is none.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod introuvable au-dessus du dossier du test")
		}
		dir = parent
	}
}

// Dir returns ../shared/reference/<sub...> next to the module root (the
// folder holding go.mod), or skips the test when it is absent.
func Dir(t testing.TB, sub ...string) string {
	t.Helper()
	ref := filepath.Join(append([]string{ModuleRoot(t), "..", "shared", "reference"}, sub...)...)
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("référentiel absent (%s) : test de conformité ignoré", ref)
	}
	return ref
}
