package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// codesAt lists "code path" of the faults.
func codesAt(t *testing.T, kind string, doc []byte, now time.Time) []string {
	t.Helper()
	var out []string
	for _, f := range schemas.Validate(kind, doc, schemas.WithNow(func() time.Time { return now })) {
		out = append(out, f.Code+" "+f.Path)
	}
	return out
}

// Validate gives data·inclusion's model's verdict on the service a
// prescription embeds: normalised first, one warning per change, under
// /service (the model keeps one "jeunes" and reads the midnight datetime as
// a date, so the prescription is valid).
func TestValidatePrescriptionNormalisesItsService(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "examples", "offer", "prescription-acceptee.json"))
	require.NoError(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal(b, &p))
	svc := p["service"].(map[string]any)
	svc["publics"] = []any{"jeunes", "jeunes"}
	svc["date_maj"] = "2025-06-01T00:00:00Z"
	doc, err := json.Marshal(p)
	require.NoError(t, err)
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	before := codesAt(t, "prescription", b, now)
	after := codesAt(t, "prescription", doc, now)
	assert.Subset(t, after, []string{"OFFRE-NORME-01 /service/publics/1", "OFFRE-NORME-02 /service/date_maj"})
	assert.Len(t, after, len(before)+2, "%v", after)
	assert.True(t, schemas.Validate("prescription", doc, schemas.WithNow(func() time.Time { return now })).Valid())
}

// A repeated top-level key of a service: the model keeps the last value,
// so does Validate, with a warning; elsewhere a repeated key stays refused.
func TestValidateRepeatedKeys(t *testing.T) {
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	svc := []byte(`{"source":"dora","structure_id":"dora--s1","id":"dora--svc1","nom":"Nom faux.","description":"Un atelier.","date_maj":"2025-06-01","nom":"Atelier CV"}`)
	assert.Equal(t, []string{"OFFRE-NORME-05 /nom"}, codesAt(t, "service", svc, now))
	// The last value counts: here an invalid one.
	svc = []byte(`{"source":"dora","structure_id":"dora--s1","id":"dora--svc1","nom":"Atelier CV","description":"Un atelier.","date_maj":"2025-06-01","date_maj":"2099-01-01"}`)
	assert.Equal(t, []string{"OFFRE-DATE-03 /date_maj", "OFFRE-NORME-05 /date_maj"}, codesAt(t, "service", svc, now))
	diag := []byte(`{"a":1,"a":2}`)
	assert.Equal(t, []string{"INPUT-DUPLICATE-01 /a"}, codesAt(t, "diagnostic", diag, now))
}
