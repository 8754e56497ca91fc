package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/schemas"
)

// A nil document is refused with a fault, never a panic (DEVELOPERS.md).
func TestDecodeNilDocument(t *testing.T) {
	assert.NotPanics(t, func() {
		fs, ok := schemas.Decode("diagnostic", []byte(`{}`), nil)
		assert.False(t, ok)
		assert.True(t, fs.HasCode("SCHEMA-OTHER-01"), "%v", fs)
	})
}
