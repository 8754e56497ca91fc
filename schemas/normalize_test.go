package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
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

// FuzzValidateDataInclusion checks on any input that Validate of the
// data·inclusion kinds never panics, that its normalisation only warns,
// and that validating the document as data·inclusion stores it (the full
// normalisation) gives the same verdict: what the model accepts, it accepts
// again once stored.
func FuzzValidateDataInclusion(f *testing.F) {
	f.Add([]byte(`{"source":"dora","structure_id":"dora--s1","id":"dora--svc1","nom":"Atelier CV","description":"Un atelier.","date_maj":"2025-06-01T00:00:00Z","publics":["jeunes","jeunes"],"courriel":"A <a@B.fr>","lien_source":"https:x.fr/a b","latitude":" 49.5 "}`))
	f.Add([]byte(`{"source":"dora","id":"s","nom":"Centre","date_maj":1748736000,"reseaux_porteurs":["caf","caf"],"site_web":"HTTP://X.FR","nom":"Centre social"}`))
	f.Add([]byte(`{"nom":1,"NOM":"x","date_maj":"2099-01-01","zone_eligibilite":["٣٣"]}`))
	now := schemas.WithNow(func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) })
	f.Fuzz(func(t *testing.T, data []byte) {
		for kind, normalize := range map[string]func([]byte, ...offer.NormalizeOption) ([]byte, spie.Faults){
			"service": offer.NormalizeService, "structure": offer.NormalizeStructure,
		} {
			fs := schemas.Validate(kind, data, now)
			for _, f := range fs {
				if strings.HasPrefix(f.Code, "OFFRE-NORME-") && f.Severity != spie.SeverityWarning {
					t.Fatalf("%s : normalisation en erreur %v", kind, f)
				}
			}
			if !fs.Valid() {
				continue
			}
			stored, _ := normalize(data)
			if again := schemas.Validate(kind, stored, now); !again.Valid() {
				t.Fatalf("%s : %q valide, sa forme enregistrée %q refusée : %v", kind, data, stored, again)
			}
		}
	})
}
