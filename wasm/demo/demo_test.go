package demo_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/widget"
)

// TestPortalHeaders: the demo portal page cannot be framed by another site,
// and no response of the portal may be content-sniffed (issue 16, item 6;
// OWASP Secure Headers: frame-ancestors, X-Content-Type-Options: nosniff,
// Referrer-Policy).
func TestPortalHeaders(t *testing.T) {
	h, err := demo.Handler(demo.Options{WidgetOrigin: "http://127.0.0.1:8081"})
	require.NoError(t, err)
	for _, path := range []string{"/", "/portail.css", "/portail.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"), path)
		if path == "/" {
			assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'none'")
			assert.Equal(t, "strict-origin-when-cross-origin", rec.Header().Get("Referrer-Policy"))
		}
	}
}

// The portal sends the example offer through the loader like any partner:
// its catalogue URL answers a catalogue the offre widget accepts whole, and
// its server sends a proposed fiche with offer.Prescription.Send.
func TestPortalData(t *testing.T) {
	h, err := demo.Handler(demo.Options{WidgetOrigin: "http://127.0.0.1:8081"})
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, demo.CataloguePath, nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var cat struct{ Services, Structures json.RawMessage }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &cat))
	c, fs := widget.DecodeCatalogue(cat.Services, cat.Structures, time.Now())
	require.NotNil(t, c)
	assert.Empty(t, fs.Errors())

	// A fiche the widget would propose: the example's accepted prescription
	// brought back to a draft.
	b, err := examples.Offer.ReadFile("offer/prescription-acceptee.json")
	require.NoError(t, err)
	var p offer.Prescription
	require.NoError(t, json.Unmarshal(b, &p))
	p.State, p.Journal = offer.StateBrouillon, nil
	draft, _ := json.Marshal(&p)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, demo.SendPath, bytes.NewReader(draft)))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var sent offer.Prescription
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &sent))
	assert.Equal(t, offer.StateEnvoyee, sent.State)
	_, ok := sent.SentAt()
	assert.True(t, ok)
}
