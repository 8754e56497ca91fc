package schemas

import (
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
)

func init() {
	register(Kind{
		Name:  "comite",
		Title: spie.Label{FR: "Comité technique opérationnel SPIE : règles, membres, calendrier et demandes", EN: "SPIE technical committee: rules, members, calendar and requests"},
		New:   func() any { return new(committee.Committee) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*committee.Committee).Check() },
	})
}
