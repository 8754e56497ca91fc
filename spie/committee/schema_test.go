package committee_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/schemas"
)

func TestLaonExampleValidatesAgainstSchema(t *testing.T) {
	fs := schemas.Validate("comite", loadExample(t, "cto-laon-2023.json"),
		schemas.WithNow(func() time.Time { return time.Date(2023, 1, 10, 9, 0, 0, 0, time.UTC) }))
	assert.Empty(t, fs)
	fs = schemas.Validate("comite", []byte(`{"nom": "CTO", "seances": [{"date": "2023-02-09", "heure": "8h30"}]}`))
	assert.True(t, fs.Has("SCHEMA-PATTERN-01", "/seances/0/heure"), "%v", fs)
}
