package schemas

import (
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "cohorte",
		Title: spie.Label{FR: "Définition d'une cohorte SPIE (territoire et critères de public)", EN: "Definition of a SPIE cohort (territory and public criteria)"},
		New:   func() any { return new(cohort.Definition) },
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*cohort.Definition).Check() },
	})
}
