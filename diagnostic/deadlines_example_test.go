package diagnostic_test

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
)

func ExampleDeadlines() {
	d := &diagnostic.Diagnostic{
		Date:     "2026-05-18",
		Criteria: diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2026-04-01"},
		Freins:   diagnostic.Freins{"sante": {Impact: diagnostic.ImpactFort}},
	}
	dec := diagnostic.Decision{Pathway: diagnostic.PathwaySocial}
	m := diagnostic.Milestones{Orientation: "2026-05-20", Contract: "2026-06-10"}
	for _, x := range diagnostic.Deadlines(d, dec, m, "2026-07-01", nil) {
		fmt.Println(x.Kind, x.Due, x.Status)
		fmt.Println(" ", x.Sentence)
	}
	// Output:
	// orientation-rsa 2026-05-13 en-retard
	//   Délai dépassé pour l'orientation : réalisé le 2026-05-20, échéance le 2026-05-13 ; passé ce délai, France Travail oriente la personne.
	// contrat 2026-06-20 respecte
	//   Délai respecté pour la signature du contrat d'engagement : réalisé le 2026-06-10, échéance le 2026-06-20.
	// rediagnostic-social 2027-06-10 en-attente
	//   Délai en cours pour le rediagnostic conjoint du parcours social : au plus tard le 2027-06-10 (délai allongé : frein santé).
}
