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

// TestSchemaListsAreTheRulesLists: each code list the rules of
// CheckAfterSchema leave to the schema is, in the schema's "enum", the
// very list the rules check (spie.Definitions of package offer): the
// schema accepts a code exactly when the rule would.
func TestSchemaListsAreTheRulesLists(t *testing.T) {
	for _, c := range []struct {
		kind, field string
		list        spie.Definitions
	}{
		{"service", "type", offer.TypesService},
		{"service", "thematiques", offer.Thematiques},
		{"service", "frais", offer.FraisList},
		{"service", "publics", offer.Publics},
		{"service", "modes_accueil", offer.ModesAccueil},
		{"service", "modes_mobilisation", offer.ModesMobilisation},
		{"service", "mobilisable_par", offer.PersonnesMobilisatrices},
		{"structure", "reseaux_porteurs", offer.ReseauxPorteurs},
	} {
		b, err := schemas.Files.ReadFile("v1/" + c.kind + ".json")
		require.NoError(t, err)
		var s struct {
			Properties map[string]struct {
				AnyOf []struct {
					Enum  []string `json:"enum"`
					Items struct {
						Enum []string `json:"enum"`
					} `json:"items"`
				} `json:"anyOf"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(b, &s))
		p, ok := s.Properties[c.field]
		require.True(t, ok, c.field)
		require.NotEmpty(t, p.AnyOf, c.field)
		enum := append(p.AnyOf[0].Enum, p.AnyOf[0].Items.Enum...)
		require.NotEmpty(t, enum, c.field)
		assert.ElementsMatch(t, c.list.Keys(), enum, "%s %s", c.kind, c.field)
	}
}
