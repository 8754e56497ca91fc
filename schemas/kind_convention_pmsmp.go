package schemas

import (
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "convention-pmsmp",
		Title: spie.Label{FR: "Convention de période de mise en situation en milieu professionnel (PMSMP)", EN: "Work placement agreement (PMSMP)"},
		New:   func() any { return new(offer.Convention) },
		// One convention alone: the rules that need the person's other
		// conventions (renewals, host limits) run in spie pmsmp, over
		// every convention it reads. Signatures are compared with today
		// in mainland France.
		Check: func(doc any, ctx Context) spie.Faults {
			return doc.(*offer.Convention).Check(spie.DateIn(ctx.Now, ""), nil, offer.DefaultPMSMPLimits)
		},
	})
}
