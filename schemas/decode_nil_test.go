package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/offer"
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

// A nil pointer of the kind's Go type is refused the same way: there is
// nowhere to decode into.
func TestDecodeNilPointer(t *testing.T) {
	assert.NotPanics(t, func() {
		fs, ok := schemas.Decode("diagnostic", []byte(`{"id":"x"}`), (*diagnostic.Diagnostic)(nil))
		assert.False(t, ok)
		assert.True(t, fs.HasCode("SCHEMA-OTHER-01"), "%v", fs)
	})
}

// A document of another Go type, or the kind's type not behind a pointer,
// is refused the same way (Decode's doc: "not a pointer to the kind's Go
// type"), and left untouched.
func TestDecodeWrongGoType(t *testing.T) {
	other := new(offer.Service)
	for name, doc := range map[string]any{
		"autre type":      other,
		"pas un pointeur": diagnostic.Diagnostic{},
		"pointeur double": new(*diagnostic.Diagnostic),
		"chaîne":          "x",
	} {
		fs, ok := schemas.Decode("diagnostic", []byte(`{"id":"x"}`), doc)
		assert.False(t, ok, name)
		assert.True(t, fs.HasCode("SCHEMA-OTHER-01"), "%s : %v", name, fs)
	}
	assert.Equal(t, offer.Service{}, *other)
}
