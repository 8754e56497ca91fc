package offer

import (
	"fmt"
	"sort"
	"time"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Need is one need of a person drawn from a diagnostic: a frein of impact
// moyen or fort, or a besoin of the professional project marked BESOIN.
type Need struct {
	// Kind is "frein" or "besoin".
	Kind string `json:"nature"`
	// Key is the SPIE thématique of a frein or the key of a besoin.
	Key    string `json:"cle"`
	Label  string `json:"libelle"`
	Impact string `json:"impact,omitempty"`
	// Thematiques are the data·inclusion thématiques or catégories searched,
	// from the mappings of the SPIE thématiques and besoins (RULES.md §1).
	Thematiques []string `json:"thematiques"`
}

// NeedMatch is the answer to one need: ranked services, and those among
// them the person can mobilise alone (auto-prescription).
type NeedMatch struct {
	Need             Need     `json:"besoin"`
	Services         []Result `json:"services"`
	AutoPrescription []Result `json:"auto_prescription"`
}

// MatchOptions tune Match.
type MatchOptions struct {
	// Limit caps the services per need (default 10).
	Limit int
	// Point and RadiusKm restrict to services within a distance. Without
	// RadiusKm, the person's rayon_mobilite_km (diagnostic, situation
	// professionnelle) is the radius, around Point or else the centre of
	// the person's commune, when that commune has a position.
	Point    *Point
	RadiusKm float64
	// IgnorePublics does not filter on the publics the diagnostic establishes.
	IgnorePublics bool
}

// Match turns the needs of a diagnostic into searches of the catalogue for
// a person living in commune (INSEE code): one ranked list per need, and the
// services mobilisable by users among them. The searches are around the
// centre of the commune (closest first among equally relevant services) and
// within the person's rayon_mobilite_km when the diagnostic gives one (more
// than 0 km); each result's reasons say the distance. Freshness is dated by the
// diagnostic's date. Publics established by the diagnostic (RSA, young
// people, disability…) restrict services to those open to one of them or to
// all publics.
func Match(d *diagnostic.Diagnostic, c *Catalogue, commune string) ([]NeedMatch, error) {
	return MatchWith(d, c, commune, MatchOptions{})
}

// MatchWith is Match with options.
func MatchWith(d *diagnostic.Diagnostic, c *Catalogue, commune string, o MatchOptions) ([]NeedMatch, error) {
	if o.Limit <= 0 {
		o.Limit = 10
	}
	now, ok := d.Date.Time()
	if !ok {
		now = time.Time{}
	}
	var publics []Public
	if !o.IgnorePublics {
		seen := map[string]bool{}
		for _, p := range diagnostic.PublicsOf(d) {
			def, _ := spie.Publics.Get(string(p))
			for _, di := range def.Map[spie.MapDataInclusionPublic] {
				if !seen[di] {
					seen[di] = true
					publics = append(publics, Public(di))
				}
			}
		}
	}
	if o.RadiusKm == 0 && d.Professional.MobilityRadiusKm != nil && *d.Professional.MobilityRadiusKm > 0 {
		located := o.Point != nil
		if !located {
			_, located = c.territory.Position(spie.CommuneCode(commune))
		}
		if located {
			o.RadiusKm = float64(*d.Professional.MobilityRadiusKm)
		}
	}
	var out []NeedMatch
	for _, n := range Needs(d) {
		q := Query{Thematiques: n.Thematiques, Publics: publics, Commune: commune, Point: o.Point, RadiusKm: o.RadiusKm, Now: now}
		rs, err := c.Search(q)
		if err != nil {
			return nil, fmt.Errorf("besoin %s : %w", n.Key, err)
		}
		m := NeedMatch{Need: n, Services: limit(rs, o.Limit)}
		for _, r := range rs {
			if contains(r.Service.MobilisablePar, MobilisableParUsagers) {
				m.AutoPrescription = append(m.AutoPrescription, r)
				if len(m.AutoPrescription) == o.Limit {
					break
				}
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func limit(rs []Result, n int) []Result {
	if len(rs) > n {
		return rs[:n]
	}
	return rs
}

// Needs lists the needs of a diagnostic: its freins of impact fort, then
// moyen (in the order of the SPIE thématiques), then its besoins marked
// BESOIN (in the order of the besoins catalogue).
func Needs(d *diagnostic.Diagnostic) []Need {
	var out []Need
	for _, impact := range []diagnostic.Impact{diagnostic.ImpactFort, diagnostic.ImpactMoyen} {
		for _, def := range spie.Thematiques {
			f, ok := d.Freins[diagnostic.FreinThematique(def.Key)]
			if !ok || f.Impact != impact {
				continue
			}
			th := def.Map[spie.MapDataInclusionThematique]
			th = append(append([]string{}, th...), def.Map[spie.MapDataInclusionCategorie]...)
			out = append(out, Need{Kind: "frein", Key: def.Key, Label: def.Label.FR, Impact: string(impact), Thematiques: th})
		}
	}
	var besoins []string
	for b, st := range d.Professional.Besoins {
		if st == diagnostic.BesoinBesoin {
			besoins = append(besoins, string(b))
		}
	}
	order := map[string]int{}
	for i, k := range diagnostic.BesoinDefinitions.Keys() {
		order[k] = i
	}
	sort.Slice(besoins, func(i, j int) bool { return order[besoins[i]] < order[besoins[j]] })
	for _, k := range besoins {
		b := diagnostic.Besoin(k)
		th := b.DataInclusionThematiques()
		if len(th) == 0 {
			th = b.Thematique().DataInclusionCategories()
		}
		out = append(out, Need{Kind: "besoin", Key: k, Label: b.Label(), Thematiques: th})
	}
	return out
}
