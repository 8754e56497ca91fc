package schemas_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// TestCheckAfterSchemaSameFaults: the rules of the service and structure
// kinds skip what their schema has checked (CheckAfterSchema); on the
// differential corpus of the data·inclusion kinds (refused, partial and
// accepted documents, every field given every value of its class),
// Validate gives exactly the faults it gives with the rules that check
// everything but the formats (CheckAfterFormats, the former rules of the
// kinds). On the same documents read without the schema, the skipped
// checks do fire: the comparison is not empty.
func TestCheckAfterSchemaSameFaults(t *testing.T) {
	for _, c := range []struct {
		kind          string
		full, skipped func(doc any, now time.Time) spie.Faults
		doc           func() any
	}{
		{"service",
			func(doc any, now time.Time) spie.Faults { return doc.(*offer.Service).CheckAfterFormats(now) },
			func(doc any, now time.Time) spie.Faults { return doc.(*offer.Service).CheckAfterSchema(now) },
			func() any { return new(offer.Service) }},
		{"structure",
			func(doc any, now time.Time) spie.Faults { return doc.(*offer.Structure).CheckAfterFormats(now) },
			func(doc any, now time.Time) spie.Faults { return doc.(*offer.Structure).CheckAfterSchema(now) },
			func() any { return new(offer.Structure) }},
	} {
		t.Run(c.kind, func(t *testing.T) {
			differ := 0
			for _, d := range offerDiffDocs(t, c.kind) {
				want := schemas.ValidateWithCheck(c.kind, d.text, c.full, diffNow)
				got := schemas.Validate(c.kind, d.text, diffNow)
				require.Equal(t, verdict(want), verdict(got), "%s\n%s", d.name, d.text)
				doc := c.doc()
				if json.Unmarshal(d.text, doc) == nil && len(c.full(doc, diToday)) != len(c.skipped(doc, diToday)) {
					differ++
				}
			}
			t.Logf("%s : %d documents lus sans le schéma où les contrôles sautés trouvent une faute", c.kind, differ)
			assert.Positive(t, differ)
		})
	}
}
