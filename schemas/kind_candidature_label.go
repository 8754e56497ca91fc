package schemas

import (
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/label"
)

func init() {
	register(Kind{
		Name:  "candidature-label",
		Title: spie.Label{FR: "Candidature d'une structure au label SPIE", EN: "A structure's application for the SPIE label"},
		New:   func() any { return new(label.Application) },
		Check: func(doc any, ctx Context) spie.Faults {
			a := doc.(*label.Application)
			return a.Check(spie.DateIn(ctx.Now, string(a.Structure.Commune)))
		},
	})
	register(Kind{
		Name:  "charte-label",
		Title: spie.Label{FR: "Charte de labellisation des structures SPIE", EN: "Labelling charter of SPIE structures"},
		New:   func() any { return new(label.Charter) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*label.Charter).Check() },
	})
}
