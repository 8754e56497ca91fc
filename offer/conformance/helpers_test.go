package conformance_test

import (
	"encoding/json"
	"github.com/spie-fr/socle/offer/offertest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// now is the fixed clock of the tests.
var now = time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)

// referenceDir returns ../shared/reference/data-inclusion-v1 next to the
// module root, or skips the test when it is absent.
func referenceDir(t testing.TB) string {
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
			t.Skip("go.mod introuvable : référentiel data·inclusion non localisé")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference", "data-inclusion-v1")
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("référentiel data·inclusion absent (%s) : test de conformité ignoré", ref)
	}
	return ref
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func baseService() map[string]any { return offertest.ValidService() }
