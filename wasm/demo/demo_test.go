package demo_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm/demo"
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
