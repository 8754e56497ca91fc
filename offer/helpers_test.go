package offer_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"testing"
	"time"

	"github.com/spie-fr/socle/internal/reftest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// now is the fixed clock of the tests.
var now = time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)

// referenceDir returns ../shared/reference/data-inclusion-v1 next to the
// module root, or skips the test when it is absent.
func referenceDir(t testing.TB) string {
	t.Helper()
	return reftest.Dir(t, "data-inclusion-v1")
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
