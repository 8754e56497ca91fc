package schemas

import (
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "regles-orientation",
		Title: spie.Label{FR: "Règles d'orientation d'un territoire (critères nationaux d'orientation et délais)", EN: "Orientation rules of a territory (national orientation criteria and deadlines)"},
		New:   func() any { return new(diagnostic.OrientationRules) },
		Check: func(doc any, _ Context) spie.Faults { return doc.(*diagnostic.OrientationRules).Check() },
	})
}
