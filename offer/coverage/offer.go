package coverage

import (
	"strings"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// ThematiquesOfService returns the SPIE thématiques a service answers: a
// data·inclusion thématique answers a SPIE thématique when it is listed in
// the SPIE thématique's data·inclusion thématiques or, when the SPIE
// thématique lists none, when its catégorie (the part before "--") is one
// of the SPIE thématique's catégories.
func ThematiquesOfService(s *offer.Service) []spie.Thematique {
	var out []spie.Thematique
	for _, def := range spie.Thematiques {
		if answers(def, s.Thematiques) {
			out = append(out, spie.Thematique(def.Key))
		}
	}
	return out
}

func answers(def spie.Definition, ths []offer.Thematique) bool {
	precise := def.Map[spie.MapDataInclusionThematique]
	for _, t := range ths {
		v := string(t)
		if len(precise) > 0 {
			for _, p := range precise {
				if v == p {
					return true
				}
			}
			continue
		}
		cat, _, _ := strings.Cut(v, "--")
		for _, c := range def.Map[spie.MapDataInclusionCategorie] {
			if cat == c {
				return true
			}
		}
	}
	return false
}
