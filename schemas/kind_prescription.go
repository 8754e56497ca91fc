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
	})
}
