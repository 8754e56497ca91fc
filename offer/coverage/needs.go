package coverage

import (
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Need is one thématique in which a person needs support, and why.
type Need struct {
	Thematique spie.Thematique
	// Fort or moyen for a frein; empty for besoins.
	Impact diagnostic.Impact
	// Besoins marked BESOIN (emploi-formation, creation-entreprise).
	Besoins []diagnostic.Besoin
}

// NeedsOf returns the needs of a diagnostic, in the order of the
// thématiques: the freins rated moyen or fort, and the thématiques of the
// besoins marked BESOIN.
func NeedsOf(d *diagnostic.Diagnostic) []Need {
	byThem := map[spie.Thematique]*Need{}
	for t, f := range d.Freins {
		if f.Impact == diagnostic.ImpactMoyen || f.Impact == diagnostic.ImpactFort {
			th := spie.Thematique(t)
			byThem[th] = &Need{Thematique: th, Impact: f.Impact}
		}
	}
	for _, def := range diagnostic.BesoinDefinitions {
		if d.Professional.Besoins[diagnostic.Besoin(def.Key)] != diagnostic.BesoinBesoin {
			continue
		}
		th := spie.Thematique(def.Group)
		n := byThem[th]
		if n == nil {
			n = &Need{Thematique: th}
			byThem[th] = n
		}
		n.Besoins = append(n.Besoins, diagnostic.Besoin(def.Key))
	}
	var out []Need
	for _, def := range spie.Thematiques {
		if n := byThem[spie.Thematique(def.Key)]; n != nil {
			out = append(out, *n)
		}
	}
	return out
}
