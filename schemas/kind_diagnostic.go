package schemas

import (
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "diagnostic",
		Title: spie.Label{FR: "Diagnostic socio-professionnel (socle commun SPIE)", EN: "Socio-professional diagnostic (SPIE common core)"},
		New:   func() any { return new(diagnostic.Diagnostic) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*diagnostic.Diagnostic).Check(ctx.Now) },
	})
}
