package leak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/leak"
)

func TestHidden(t *testing.T) {
	// Worked by hand: "hospitalisation" and "Marc Dubois" are only in the
	// full document; "rendez-vous" is in both; "oui" is shorter than MinLen.
	full := `{"a":"hospitalisation","b":["rendez-vous","oui"],"c":{"d":"Marc Dubois"}}`
	view := `{"b":["rendez-vous"]}`
	h, err := leak.Hidden([]byte(full), []byte(view))
	require.NoError(t, err)
	assert.Equal(t, []string{"Marc Dubois", "hospitalisation"}, h)
	assert.Equal(t, []string{"Marc Dubois"}, leak.Found("<p>Référent : Marc Dubois</p>", h))
	_, err = leak.Hidden([]byte("{"), []byte(view))
	assert.Error(t, err)
}
