package schemas

import (
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "structure",
		Title: spie.Label{FR: "Structure de l'offre d'insertion (data·inclusion v1)", EN: "Structure of the insertion offer (data·inclusion v1)"},
		New:   func() any { return new(offer.Structure) },
		// Its schema has judged the document (its "email" and "uri"
		// formats with the rules' own IsEmail and IsHTTPURL: offerFormats)
		// and a refused value is left out of what the rules see: they
		// skip what the schema checked (CheckAfterSchema).
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*offer.Structure).CheckAfterSchema(ctx.Now) },
		// Normalised as data·inclusion's model reads it (offer.NormalizeStructure),
		// but for the addresses and links a strict consumer already takes.
		Normalize: func(data []byte) ([]byte, spie.Faults) {
			return offer.NormalizeStructure(data, offerKeep)
		},
		Formats:  offerFormats,
		Patterns: offer.ModelPattern,
		Matchers: offer.ModelMatcher,
		Judge:    offerJudge,
	})
}
