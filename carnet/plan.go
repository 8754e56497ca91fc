package carnet

import (
	"fmt"
	"sort"
	"sync"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// ProposePlan proposes the objectifs of the plan d'action from a
// diagnostic: for each frein of impact moyen or fort, the objectifs the
// diagnostic retained (or one objectif of the thématique when none was),
// and for each besoin marked BESOIN, the referential objectif that expresses
// it (or the besoin itself). The freins the person ranked come first, in
// the person's order, then the other freins (fort before moyen), then the
// besoins. Each objectif is traced to the diagnostic item it answers by a
// JSON Pointer (source_diagnostic). Ids are "obj-1", "obj-2"… in that order.
func ProposePlan(d *diagnostic.Diagnostic) []PlanObjectif {
	if d == nil {
		return nil
	}
	type frein struct {
		t      diagnostic.FreinThematique
		f      diagnostic.Frein
		prio   int
		rank   int
		themeN int
	}
	var freins []frein
	for n, def := range diagnostic.FreinThematiques {
		t := diagnostic.FreinThematique(def.Key)
		f, ok := d.Freins[t]
		if !ok || (f.Impact != diagnostic.ImpactMoyen && f.Impact != diagnostic.ImpactFort) {
			continue
		}
		p := 0
		if f.PersonView != nil {
			p = f.PersonView.Priority
		}
		freins = append(freins, frein{t: t, f: f, prio: p, rank: f.Impact.Rank(), themeN: n})
	}
	sort.SliceStable(freins, func(i, j int) bool {
		a, b := freins[i], freins[j]
		switch {
		case (a.prio > 0) != (b.prio > 0):
			return a.prio > 0
		case a.prio != b.prio:
			return a.prio < b.prio
		case a.rank != b.rank:
			return a.rank > b.rank
		}
		return a.themeN < b.themeN
	})
	var out []PlanObjectif
	add := func(o PlanObjectif) {
		o.ID = fmt.Sprintf("obj-%d", len(out)+1)
		o.Priority = len(out) + 1
		o.Status = diagnostic.ObjectifEnCours
		o.Date = d.Date
		out = append(out, o)
	}
	for _, fr := range freins {
		base := spie.Pointer("freins", string(fr.t))
		proposed := false
		for i, it := range fr.f.Objectifs {
			if it.Status == diagnostic.ObjectifRealise || it.Status == diagnostic.ObjectifAbandonne {
				continue
			}
			add(PlanObjectif{Thematique: spie.Thematique(fr.t), Objectif: it.Objectif, Source: spie.Join(base, "objectifs", i)})
			proposed = true
		}
		if !proposed {
			add(PlanObjectif{Thematique: spie.Thematique(fr.t), Source: base})
		}
	}
	for _, def := range diagnostic.BesoinDefinitions {
		b := diagnostic.Besoin(def.Key)
		if d.Professional.Besoins[b] != diagnostic.BesoinBesoin {
			continue
		}
		o := PlanObjectif{Thematique: b.Thematique(), Besoin: b, Source: spie.Pointer("situation_professionnelle", "besoins", string(b))}
		if obj, ok := objectifOfBesoin()[b]; ok {
			o.Objectif = obj
		}
		add(o)
	}
	return out
}

// objectifOfBesoin maps each besoin to the first referential objectif that
// expresses it; built on first use, not at package initialisation (issue 17
// item 4).
var objectifOfBesoin = sync.OnceValue(func() map[diagnostic.Besoin]diagnostic.Objectif {
	m := map[diagnostic.Besoin]diagnostic.Objectif{}
	for _, def := range diagnostic.Objectifs {
		o := diagnostic.Objectif(def.Key)
		if b, ok := o.Besoin(); ok {
			if _, dup := m[b]; !dup {
				m[b] = o
			}
		}
	}
	return m
})
