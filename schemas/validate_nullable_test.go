package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// TestNullableWrongTypeIsRefused: a value of the wrong type for a
// "X or null" member (anyOf) was once mapped to no fault at all, so the
// document passed for valid.
func TestNullableWrongTypeIsRefused(t *testing.T) {
	doc := []byte(`{"source":"x","id":"x","structure_id":"y","nom":"nom","description":"dddddddddddddddddddddddd","date_maj":"2024-01-01","longitude":"abc"}`)
	for name, validate := range map[string]func(string, []byte, ...schemas.Option) spie.Faults{
		"Interpret": schemas.Interpret,
		"Validate":  schemas.Validate,
	} {
		t.Run(name, func(t *testing.T) {
			fs := validate("service", doc, diffNow)
			assert.False(t, fs.Valid())
			assert.True(t, fs.Has("SCHEMA-TYPE-01", "/longitude"), "%v", fs)
		})
	}
}
