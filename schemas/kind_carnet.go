package schemas

import (
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "carnet",
		Title: spie.Label{FR: "Carnet de bord (SPIE)", EN: "Carnet de bord (SPIE follow-up record)"},
		New:   func() any { return new(carnet.Carnet) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*carnet.Carnet).Check(ctx.Now) },
	})
}
