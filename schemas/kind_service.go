package schemas

import (
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "service",
		Title: spie.Label{FR: "Service de l'offre d'insertion (data·inclusion v1)", EN: "Service of the insertion offer (data·inclusion v1)"},
		New:   func() any { return new(offer.Service) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*offer.Service).Check(ctx.Now) },
		// Normalised as data·inclusion's model reads it (offer.NormalizeService).
		Normalize: offer.NormalizeService,
		Formats:   offerFormats,
	})
}

// offerFormats are the formats of the data·inclusion schemas as its models
// judge them.
var offerFormats = map[string]func(any) bool{
	"email": func(v any) bool {
		s, ok := v.(string)
		return !ok || offer.IsEmail(s)
	},
}
