package offer

import (
	"math"
	"sort"
	"sync"
	"time"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Catalogue is an indexed set of services and their structures, ready for
// search. Build it with NewCatalogue; it is read-only afterwards and safe for
// concurrent searches.
type Catalogue struct {
	services   []*Service
	meta       []serviceMeta
	structures map[string]*Structure
	byID       map[string]int32

	byThematique map[Thematique][]int32
	byCategorie  map[Categorie][]int32
	zoneCommune  map[string][]int32 // zone items that are communes
	zoneDep      map[string][]int32 // zone items that are départements
	zoneEPCI     map[string][]int32 // zone items that are EPCI
	zoneFrance   []int32            // "france" or 99100
	noZoneDep    map[string][]int32 // services without zone, by the département of their code_insee
	grid         map[gridCell][]int32
	territory    *territory.Table
	bitsets      sync.Pool // []uint64 of len(services)/64 words, for candidates
}

// NewCatalogue indexes services and structures. It returns the catalogue
// and the faults of the set: repeated identifiers (the later one is
// dropped) and services whose structure is missing (a warning, when
// structures are given). Fault paths are /services/i and /structures/i.
func NewCatalogue(services []*Service, structures []*Structure) (*Catalogue, spie.Faults) {
	c := &Catalogue{
		structures:   make(map[string]*Structure, len(structures)),
		byID:         make(map[string]int32, len(services)),
		byThematique: map[Thematique][]int32{},
		byCategorie:  map[Categorie][]int32{},
		zoneCommune:  map[string][]int32{},
		zoneDep:      map[string][]int32{},
		zoneEPCI:     map[string][]int32{},
		noZoneDep:    map[string][]int32{},
		grid:         map[gridCell][]int32{},
		territory:    territory.Default(),
	}
	var faults spie.Faults
	for i, st := range structures {
		if _, dup := c.structures[st.ID]; dup {
			faults = append(faults, FaultDuplicateID.At(spie.Pointer("structures", i), st.ID, i))
			continue
		}
		c.structures[st.ID] = st
	}
	for i, s := range services {
		if _, dup := c.byID[s.ID]; dup {
			faults = append(faults, FaultDuplicateID.At(spie.Pointer("services", i), s.ID, i))
			continue
		}
		if len(structures) > 0 {
			if _, ok := c.structures[s.StructureID]; !ok {
				faults = append(faults, FaultStructureUnknown.At(spie.Pointer("services", i, "structure_id"), s.StructureID))
			}
		}
		c.add(s)
	}
	return c, faults
}

func (c *Catalogue) add(s *Service) {
	n := int32(len(c.services))
	c.services = append(c.services, s)
	c.meta = append(c.meta, metaOf(s))
	c.byID[s.ID] = n
	cats := map[Categorie]bool{}
	for _, t := range uniqueThematiques(s.Thematiques) {
		c.byThematique[t] = append(c.byThematique[t], n)
		if cat := t.Categorie(); cat != "" && !cats[cat] {
			cats[cat] = true
			c.byCategorie[cat] = append(c.byCategorie[cat], n)
		}
	}
	if s.ZoneEligibilite == nil {
		if s.CodeInsee != nil {
			if com, ok := c.territory.Commune(*s.CodeInsee); ok {
				c.noZoneDep[com.Departement] = append(c.noZoneDep[com.Departement], n)
			}
		}
	} else {
		seen := map[ZoneCode]bool{}
		for _, z := range s.ZoneEligibilite {
			if seen[z] {
				continue
			}
			seen[z] = true
			switch z.Kind() {
			case ZoneFrance:
				if len(c.zoneFrance) == 0 || c.zoneFrance[len(c.zoneFrance)-1] != n {
					c.zoneFrance = append(c.zoneFrance, n)
				}
			case ZoneCommune:
				c.zoneCommune[string(z)] = append(c.zoneCommune[string(z)], n)
			case ZoneDepartement:
				c.zoneDep[string(z)] = append(c.zoneDep[string(z)], n)
			case ZoneEPCI:
				c.zoneEPCI[string(z)] = append(c.zoneEPCI[string(z)], n)
			}
		}
	}
	if p, ok := s.Point(); ok {
		cell := cellOf(p)
		c.grid[cell] = append(c.grid[cell], n)
	}
}

func uniqueThematiques(ts []Thematique) []Thematique {
	if len(ts) < 2 {
		return ts
	}
	out := make([]Thematique, 0, len(ts))
	seen := map[Thematique]bool{}
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Len returns the number of services.
func (c *Catalogue) Len() int { return len(c.services) }

// Services returns the services in catalogue order.
func (c *Catalogue) Services() []*Service { return c.services }

// Service returns the service of an identifier.
func (c *Catalogue) Service(id string) (*Service, bool) {
	i, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	return c.services[i], true
}

// Structure returns the structure of an identifier.
func (c *Catalogue) Structure(id string) (*Structure, bool) {
	s, ok := c.structures[id]
	return s, ok
}

// Structures returns the structures ordered by identifier.
func (c *Catalogue) Structures() []*Structure {
	out := make([]*Structure, 0, len(c.structures))
	for _, s := range c.structures {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// daysSince returns the whole days between a date and now (0 when unknown
// or in the future).
func daysSince(d Date, now time.Time) int {
	t, err := d.Time()
	if err != nil {
		return -1
	}
	days := int(now.Sub(t).Hours() / 24)
	if days < 0 {
		return 0
	}
	return days
}

// serviceMeta is what the hot path of search reads without touching the
// service: its thématiques and catégories as bit sets, its date_maj in days.
type serviceMeta struct {
	them [2]uint64
	cats uint32
	day  int64 // date_maj in days since 1970-01-01; noDay when invalid
	// quality is the part of score_qualite that does not depend on the
	// day; dated tells whether its date criterion applies.
	quality scoreQualiteParts
	dated   bool
}

const noDay = math.MinInt64

// thematiqueBit and categorieBit number the code lists for the bit sets.
var (
	thematiqueBit = func() map[Thematique]int {
		m := make(map[Thematique]int, len(Thematiques))
		for i, d := range Thematiques {
			m[Thematique(d.Key)] = i
		}
		return m
	}()
	categorieBit = func() map[Categorie]int {
		m := make(map[Categorie]int, len(Categories))
		for i, d := range Categories {
			m[Categorie(d.Key)] = i
		}
		return m
	}()
)

func metaOf(s *Service) serviceMeta {
	m := serviceMeta{day: noDay}
	for _, t := range s.Thematiques {
		if b, ok := thematiqueBit[t]; ok {
			m.them[b/64] |= 1 << (b % 64)
			m.cats |= 1 << categorieBit[t.Categorie()]
		}
	}
	if t, err := s.DateMaj.Time(); err == nil {
		m.day = t.Unix() / 86400
	}
	m.quality = scoreQualitePartsOf(s)
	m.dated = dateMajRecenteAt(s, 0) != nil
	return m
}

// themeFilter is the thématique criterion of a query as bit sets.
type themeFilter struct {
	active bool
	them   [2]uint64
	cats   uint32
}

func newThemeFilter(keys []string) themeFilter {
	f := themeFilter{active: len(keys) > 0}
	for _, k := range keys {
		if b, ok := thematiqueBit[Thematique(k)]; ok {
			f.them[b/64] |= 1 << (b % 64)
		}
		if b, ok := categorieBit[Categorie(k)]; ok {
			f.cats |= 1 << b
		}
	}
	return f
}

// accepts tells whether a service may match the thématique criterion.
func (f *themeFilter) accepts(m *serviceMeta) bool {
	return !f.active || m.them[0]&f.them[0] != 0 || m.them[1]&f.them[1] != 0 || m.cats&f.cats != 0
}
