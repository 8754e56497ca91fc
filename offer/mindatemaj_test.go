package offer_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/offer"
)

// TestMinDateMaj: the earliest date_maj is 1 January 2000 at midnight UTC,
// the same instant and location as the calendar gives it (MinDateMaj is
// written in seconds so that time.Date does not run at initialisation).
func TestMinDateMaj(t *testing.T) {
	want := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.True(t, offer.MinDateMaj.Equal(want))
	assert.Equal(t, want, offer.MinDateMaj, "même instant, même fuseau (UTC)")
	assert.Equal(t, "2000-01-01T00:00:00Z", offer.MinDateMaj.Format(time.RFC3339))
}
