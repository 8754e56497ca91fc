package committee_test

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie/committee"
)

// TestLocationCacheOwnsItsNames: the time zone cache outlives the
// document, whose strings may alias the caller's bytes (schemas.Validate
// reads some kinds in place). A name read from a buffer the caller then
// overwrites must leave the cache and the location it returned intact: the
// same location is found again by its name, and still bears it. The zone
// (the French base in Antarctica) is one no other test of the package
// loads, so that this test fills the cache.
func TestLocationCacheOwnsItsNames(t *testing.T) {
	const zone = "Antarctica/DumontDUrville"
	buf := []byte(zone)
	borrowed := committee.Committee{}
	borrowed.Rules.TimeZone = unsafe.String(unsafe.SliceData(buf), len(buf))
	first, err := borrowed.Location()
	require.NoError(t, err)
	for i := range buf {
		buf[i] = 'x'
	}
	owned := committee.Committee{}
	owned.Rules.TimeZone = zone
	again, err := owned.Location()
	require.NoError(t, err)
	assert.Equal(t, zone, first.String(), "le nom de la zone gardée")
	assert.Same(t, first, again, "la zone retrouvée dans le cache par son nom")
}
