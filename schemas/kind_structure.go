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
		// Its "email" and "uri" formats (offerFormats) have judged the
		// addresses and links with the rules' own IsEmail and IsHTTPURL,
		// and a refused value is left out of what the rules see.
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*offer.Structure).CheckAfterFormats(ctx.Now) },
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
