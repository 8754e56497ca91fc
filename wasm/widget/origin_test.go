package widget_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/wasm/widget"
)

func TestParentOrigin(t *testing.T) {
	allowed := []string{"https://portail.aisne.fr", "http://localhost:8080"}
	own := "https://widgets.spie.fr"
	tests := []struct {
		name, claimed, ancestor, want string
		ok                            bool
	}{
		{"allowed partner", "https://portail.aisne.fr", "https://portail.aisne.fr", "https://portail.aisne.fr", true},
		{"allowed, browser silent", "http://localhost:8080", "", "http://localhost:8080", true},
		{"case and trailing slash", "HTTPS://Portail.Aisne.fr/", "", "https://portail.aisne.fr", true},
		{"own origin", "https://widgets.spie.fr", "", "https://widgets.spie.fr", true},
		{"not allowed", "https://evil.example", "", "", false},
		{"lying about the parent", "https://portail.aisne.fr", "https://evil.example", "", false},
		{"other port", "http://localhost:8081", "", "", false},
		{"empty", "", "", "", false},
		{"not an origin", "javascript:alert(1)", "", "", false},
		{"with a path", "https://portail.aisne.fr/page", "", "", false},
		{"null origin", "null", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := widget.ParentOrigin(tt.claimed, own, allowed, tt.ancestor)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}
