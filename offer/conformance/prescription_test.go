package conformance_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/schemas"
)

// The generated schemas accept what offer produces, null values included.
func TestKindsThroughSchemas(t *testing.T) {
	clock := schemas.WithNow(func() time.Time { return now })
	p := offertest.Prescription(now.Add(-time.Hour))
	require.Empty(t, p.Send(now, "referent-1"))
	require.Empty(t, p.Refuse(now.Add(time.Hour), "structure-1", "plus-de-place", "", offer.DefaultDeadlines))
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Empty(t, schemas.Validate("prescription", b, schemas.WithNow(func() time.Time { return now.Add(2 * time.Hour) })))

	p.Refusal = nil
	b, _ = json.Marshal(p)
	assert.True(t, schemas.Validate("prescription", b, clock).Has("PRESC-REFUS-10", "/refus"))

	svc := offertest.ValidService()
	for _, k := range []string{"type", "frais", "publics", "zone_eligibilite", "latitude", "nombre_semaines", "courriel"} {
		svc[k] = nil
	}
	svc["score_qualite"] = 0.4
	fs := schemas.Validate("service", mustJSON(t, svc), clock)
	assert.True(t, fs.Valid(), "%v", fs)
	assert.True(t, fs.Has("OFFRE-CHAMP-01", "/score_qualite"))
}
