package offer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/offer"
)

// data·inclusion's model ignores members it does not define: what it
// stores has none of them (worked by hand: NOM is a case variant of nom,
// score_qualite is computed by data·inclusion, not read).
func TestStoredDropsWhatTheModelIgnores(t *testing.T) {
	in := `{"id":"s-1","NOM":"Autre","nom":"Atelier","score_qualite":0.9,"source":"dora"}`
	assert.Equal(t, `{"id":"s-1","nom":"Atelier","source":"dora"}`, string(offer.StoredService([]byte(in))))
	assert.Equal(t, `{"id":"st-1","nom":"Mairie"}`, string(offer.StoredStructure([]byte(`{"id":"st-1","Siret":"x","nom":"Mairie"}`))))
	assert.Equal(t, `[1]`, string(offer.StoredService([]byte(`[1]`))))
}
