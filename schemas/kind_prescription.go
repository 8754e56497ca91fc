package schemas

import (
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "prescription",
		Title: spie.Label{FR: "Fiche de prescription unique vers un service de l'offre d'insertion", EN: "Single prescription form to a service of the insertion offer"},
		New:   func() any { return new(offer.Prescription) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*offer.Prescription).Check(ctx.Now) },
		// The service it embeds is data·inclusion's, read as its model
		// reads it (the only part of the schema with \d, \w, email and
		// uri: Formats and Patterns leave the rest as it is).
		Normalize: func(data []byte) ([]byte, spie.Faults) {
			return offer.NormalizeMember(data, "service", offer.NormalizeService, offerKeep)
		},
		Formats:  offerFormats,
		Patterns: offer.ModelPattern,
		Matchers: offer.ModelMatcher,
		Judge:    offerJudge,
	})
}
