package conformance_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
)

// Every example document of examples/offer is valid against the generated
// schemas and the rules, without warnings.
func TestExamplesValidate(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "offer")
	clock := schemas.WithNow(func() time.Time { return time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC) })
	for file, kind := range map[string]string{"services-aisne.ndjson": "service", "structures-aisne.json": "structure"} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, file))
			require.NoError(t, err)
			defer f.Close()
			n := 0
			require.NoError(t, offer.Stream(f, func(i int, raw offer.RawJSON) error {
				n++
				fs := schemas.Validate(kind, bytes.Clone(raw), clock)
				assert.Empty(t, fs, "%s élément %d", file, i)
				return nil
			}))
			assert.Greater(t, n, 100)
		})
	}
	b, err := os.ReadFile(filepath.Join(dir, "prescription-acceptee.json"))
	require.NoError(t, err)
	assert.Empty(t, schemas.Validate("prescription", b, clock))
}
