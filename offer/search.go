package offer

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Query is a search in a catalogue. Every criterion set must hold (AND);
// the values of one list are alternatives (OR). Empty criteria are ignored.
type Query struct {
	// Thematiques are thématique keys ("mobilite--preparer-un-permis") or
	// catégorie keys ("mobilite", any of its thématiques).
	Thematiques []string
	// Publics: the service must address one of them, or be tous-publics;
	// a service without publics is read as tous-publics.
	Publics        []Public
	Frais          []Frais
	Types          []TypeService
	ModesAccueil   []ModeAccueil
	MobilisablePar []PersonneMobilisatrice
	// Commune is the INSEE code of the person's commune: the service must be
	// eligible there (its zone names the commune, its département, its EPCI
	// or France; without zone, the service must be in the same département).
	Commune string
	// Point and RadiusKm: with a radius, the service must be located within
	// it; without, the distance only ranks. Without Point, the centre of
	// Commune is the point (territory.PositionOf: GeoNames, or an
	// approximation that the distance reason states): a search around a
	// commune gives distances, ranks by them and takes a radius.
	Point    *Point
	RadiusKm float64
	// Now dates freshness in the ranking.
	Now time.Time
	// Limit caps the number of results (0: all).
	Limit int

	com      territory.Commune // Commune, looked up once per search
	comKnown bool
	// origin says where the point comes from: originPoint (given),
	// originCommune (the commune's centre) or originApprox (an approximate
	// position of the commune).
	origin int
	today  int64 // the day of Now, numbered from 1970-01-01
}

// Reason explains why a service matched.
type Reason struct {
	Criterion string `json:"critere"`
	Message   string `json:"message"`
}

// Result is one service found, with its score, distance and reasons.
type Result struct {
	Service *Service `json:"service"`
	Score   float64  `json:"score"`
	// ScoreQualite is data·inclusion's score_qualite of the service on
	// the day of the query (ScoreQualiteOf), a term of Score.
	ScoreQualite float64  `json:"score_qualite"`
	DistanceKm   *float64 `json:"distance_km,omitempty"`
	Reasons      []Reason `json:"raisons"`

	idx int32 // position in the catalogue
}

// ErrQuery is wrapped by the errors of invalid queries.
var ErrQuery = errors.New("recherche invalide")

// Check returns an error when the query names unknown codes.
func (q *Query) Check() error {
	var problems []string
	for _, t := range q.Thematiques {
		if !Thematiques.Has(t) && !Categories.Has(t) {
			problems = append(problems, fmt.Sprintf("thématique ou catégorie inconnue %q", t))
		}
	}
	checkList(&problems, "public", q.Publics, Publics)
	checkList(&problems, "frais", q.Frais, FraisList)
	checkList(&problems, "type", q.Types, TypesService)
	checkList(&problems, "mode d'accueil", q.ModesAccueil, ModesAccueil)
	checkList(&problems, "mobilisable par", q.MobilisablePar, PersonnesMobilisatrices)
	if q.Point != nil && !q.Point.Valid() {
		problems = append(problems, "coordonnées hors limites")
	}
	switch {
	case math.IsNaN(q.RadiusKm):
		problems = append(problems, "rayon invalide")
	case q.RadiusKm < 0:
		problems = append(problems, "rayon négatif")
	}
	if q.RadiusKm > 0 && q.Point == nil && q.Commune == "" {
		problems = append(problems, "un rayon demande un point (latitude et longitude) ou une commune")
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w : %s", ErrQuery, strings.Join(problems, " ; "))
	}
	return nil
}

func checkList[T ~string](problems *[]string, what string, vs []T, ds interface{ Has(string) bool }) {
	for _, v := range vs {
		if !ds.Has(string(v)) {
			*problems = append(*problems, fmt.Sprintf("%s inconnu %q", what, string(v)))
		}
	}
}

const (
	originPoint = iota
	originCommune
	originApprox
)

// prepare checks q and looks up what every service's match needs: the
// commune, its position when no point is given, the day of Now.
func (c *Catalogue) prepare(q *Query) error {
	if err := q.Check(); err != nil {
		return err
	}
	q.com, q.comKnown = c.territory.Commune(q.Commune)
	q.today = civilDay(q.Now)
	q.origin = originPoint
	if q.Point == nil && q.Commune != "" {
		pos, ok := c.territory.Position(spie.CommuneCode(q.Commune))
		switch {
		case ok:
			q.Point = &Point{Lat: pos.Lat, Lon: pos.Lon}
			q.origin = originCommune
			if pos.Approximate {
				q.origin = originApprox
			}
		case q.RadiusKm > 0:
			return fmt.Errorf("%w : commune %q sans position connue : un rayon demande un point (latitude et longitude)", ErrQuery, q.Commune)
		}
	}
	return nil
}

// distanceReason says how far a service is, and from what.
func distanceReason(q *Query, km float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "à %.1f km", km)
	switch q.origin {
	case originCommune:
		b.WriteString(" (centre de commune")
	case originApprox:
		b.WriteString(" (distance approchée")
	}
	if q.RadiusKm > 0 {
		if q.origin == originPoint {
			b.WriteString(" (")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "rayon %g km", q.RadiusKm)
	}
	if q.origin != originPoint || q.RadiusKm > 0 {
		b.WriteString(")")
	}
	return strings.ReplaceAll(b.String(), ".", ",")
}

// match tells whether the i-th service satisfies q and returns its result;
// the reasons, which cost allocations, are written only when explain is set.
func (c *Catalogue) match(q *Query, i int32, explain bool) (Result, bool) {
	s := c.services[i]
	r := Result{Service: s, idx: i}
	them := 0.0
	if len(q.Thematiques) > 0 {
		best, bestT, bestWant := 0.0, Thematique(""), ""
		for _, want := range q.Thematiques {
			for _, t := range s.Thematiques {
				switch {
				case string(t) == want:
					if best < 1 {
						best, bestT, bestWant = 1, t, want
					}
				case string(t.Categorie()) == want:
					if best < 0.7 {
						best, bestT, bestWant = 0.7, t, want
					}
				}
			}
		}
		if best == 0 {
			return r, false
		}
		them = best
		if explain {
			label := "thématique « " + bestT.Label() + " »"
			if best < 1 {
				label = "catégorie « " + Categories.LabelOf(bestWant) + " » (" + bestT.Label() + ")"
			}
			r.Reasons = append(r.Reasons, Reason{"thematique", label})
		}
	}
	if len(q.Publics) > 0 {
		msg, ok := matchPublics(q.Publics, s.Publics)
		if !ok {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"public", msg})
		}
	}
	if len(q.Frais) > 0 {
		if s.Frais == nil || !contains(q.Frais, *s.Frais) {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"frais", FraisList.LabelOf(string(*s.Frais))})
		}
	}
	if len(q.Types) > 0 {
		if s.Type == nil || !contains(q.Types, *s.Type) {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"type", TypesService.LabelOf(string(*s.Type))})
		}
	}
	if len(q.ModesAccueil) > 0 {
		m, ok := firstCommon(q.ModesAccueil, s.ModesAccueil)
		if !ok {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"mode_accueil", ModesAccueil.LabelOf(string(m))})
		}
	}
	if len(q.MobilisablePar) > 0 {
		m, ok := firstCommon(q.MobilisablePar, s.MobilisablePar)
		if !ok {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"mobilisable_par", "mobilisable par : " + PersonnesMobilisatrices.LabelOf(string(m))})
		}
	}
	if q.Commune != "" {
		msg, ok := c.eligible(s, q.Commune, q.com, q.comKnown, explain)
		if !ok {
			return r, false
		}
		if explain {
			r.Reasons = append(r.Reasons, Reason{"zone", msg})
		}
	}
	dist := 0.0
	if q.Point != nil {
		p, ok := s.Point()
		if ok {
			d := math.Round(DistanceKm(*q.Point, p)*100) / 100
			r.DistanceKm = &d
			dist = 1 / (1 + d/5)
		}
		if q.RadiusKm > 0 && (!ok || *r.DistanceKm > q.RadiusKm) {
			return r, false
		}
		if explain && ok && (q.RadiusKm > 0 || q.origin != originPoint) {
			r.Reasons = append(r.Reasons, Reason{"distance", distanceReason(q, *r.DistanceKm)})
		}
	}
	fresh := 0.0
	if day := c.meta[i].day; day != noDay {
		days := max(0, (q.Now.Unix()-day*86400)/86400)
		fresh = math.Exp(-float64(days) / 365)
	}
	switch m := &c.meta[i]; {
	case !m.dated:
		r.ScoreQualite = m.quality.score(nil)
	case m.day == noDay:
		r.ScoreQualite = m.quality.score(value(0))
	default:
		r.ScoreQualite = m.quality.scoreAtDays(q.today - m.day)
	}
	r.Score = math.Round((3*them+2*dist+fresh+r.ScoreQualite)*10000) / 10000
	return r, true
}

func matchPublics(want, have []Public) (string, bool) {
	if len(have) == 0 {
		return "publics non précisés (tous publics)", true
	}
	for _, h := range have {
		if h == PublicTousPublics {
			return "tous publics", true
		}
	}
	if p, ok := firstCommon(want, have); ok {
		return "public « " + Publics.LabelOf(string(p)) + " »", true
	}
	return "", false
}

func contains[T comparable](vs []T, v T) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func firstCommon[T comparable](want, have []T) (T, bool) {
	for _, w := range want {
		if contains(have, w) {
			return w, true
		}
	}
	var zero T
	return zero, false
}

// Eligible tells whether the service is open to people living in the commune
// (INSEE code) and why: its zone names the commune (or the commune it is
// part of), its EPCI, its département or France; a service without zone is
// read as open to its own département.
func (c *Catalogue) Eligible(s *Service, commune string) (string, bool) {
	com, known := c.territory.Commune(commune)
	return c.eligible(s, commune, com, known, true)
}

// eligible is Eligible with the commune already looked up; the message is
// built only when explain is set.
func (c *Catalogue) eligible(s *Service, commune string, com territory.Commune, known, explain bool) (string, bool) {
	if s.ZoneEligibilite == nil {
		if !known || s.CodeInsee == nil {
			return "", false
		}
		own, ok := c.territory.Commune(*s.CodeInsee)
		if ok && own.Departement == com.Departement {
			if !explain {
				return "", true
			}
			return "zone non renseignée : service situé dans le même département (" + com.Departement + ")", true
		}
		return "", false
	}
	rank, best := 0, ""
	for _, z := range s.ZoneEligibilite {
		code := string(z)
		switch z.Kind() {
		case ZoneCommune:
			if code == commune || (known && com.Parent != "" && code == com.Parent) {
				if rank < 4 {
					rank, best = 4, code
				}
			}
		case ZoneEPCI:
			if known && code == com.EPCI && rank < 3 {
				rank, best = 3, code
			}
		case ZoneDepartement:
			if known && code == com.Departement && rank < 2 {
				rank, best = 2, code
			}
		case ZoneFrance:
			if rank < 1 {
				rank = 1
			}
		}
		if rank == 4 {
			break
		}
	}
	if rank == 0 || !explain {
		return "", rank > 0
	}
	return [...]string{"", "zone : France entière", "zone : département ", "zone : intercommunalité ", "zone : commune "}[rank] + best, true
}

// Search returns the services matching q, best first (see rank), using the index.
// The score of a result is 3 × the thématique match (1 for the thématique
// asked, less for its catégorie) + 2 × the nearness (1 / (1 + d / 5 km)) +
// the freshness (e^(−days / 365)) + data·inclusion's score_qualite.
func (c *Catalogue) Search(q Query) ([]Result, error) {
	if err := c.prepare(&q); err != nil {
		return nil, err
	}
	var out []Result
	cands, indexed := c.candidates(&q)
	tf := newThemeFilter(q.Thematiques)
	if !indexed {
		for i := range c.services {
			if !tf.accepts(&c.meta[i]) {
				continue
			}
			if r, ok := c.match(&q, int32(i), false); ok {
				out = append(out, r)
			}
		}
		return c.explain(&q, rank(out, q.Limit)), nil
	}
	for _, i := range cands {
		if !tf.accepts(&c.meta[i]) {
			continue
		}
		if r, ok := c.match(&q, i, false); ok {
			out = append(out, r)
		}
	}
	return c.explain(&q, rank(out, q.Limit)), nil
}

// SearchScan is Search without the index: a scan of every service. It is
// the reference of the tests and benchmarks.
func (c *Catalogue) SearchScan(q Query) ([]Result, error) {
	if err := c.prepare(&q); err != nil {
		return nil, err
	}
	var out []Result
	for i := range c.services {
		if r, ok := c.match(&q, int32(i), true); ok {
			out = append(out, r)
		}
	}
	return rank(out, q.Limit), nil
}

// explain writes the reasons of the results kept after ranking.
func (c *Catalogue) explain(q *Query, rs []Result) []Result {
	for k := range rs {
		r, _ := c.match(q, rs[k].idx, true)
		rs[k].Reasons = r.Reasons
	}
	return rs
}

// rank orders the results best first: by score (whose nearness term,
// 2 / (1 + d / 5 km), makes the closest first among equally relevant
// results), then the closer, then the service id.
func rank(rs []Result, limit int) []Result {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if (a.DistanceKm == nil) != (b.DistanceKm == nil) {
			return a.DistanceKm != nil
		}
		if a.DistanceKm != nil && *a.DistanceKm != *b.DistanceKm {
			return *a.DistanceKm < *b.DistanceKm
		}
		return a.Service.ID < b.Service.ID
	})
	if limit > 0 && len(rs) > limit {
		rs = rs[:limit]
	}
	return rs
}

// criterion is the union of posting lists that holds every service a
// criterion of the query can accept.
type criterion struct {
	lists [][]int32
	size  int
}

// candidates returns the services that every indexed criterion of the query
// may accept, in catalogue order: the union of the most selective
// criterion, filtered by the others. indexed is false when the query has no
// indexed criterion (a scan is needed).
func (c *Catalogue) candidates(q *Query) (cands []int32, indexed bool) {
	var crits []criterion
	add := func(lists [][]int32) {
		n := 0
		for _, l := range lists {
			n += len(l)
		}
		crits = append(crits, criterion{lists, n})
	}
	if len(q.Thematiques) > 0 {
		var lists [][]int32
		for _, t := range q.Thematiques {
			if Categories.Has(t) {
				lists = append(lists, c.byCategorie[Categorie(t)])
			} else {
				lists = append(lists, c.byThematique[Thematique(t)])
			}
		}
		add(lists)
	}
	if q.Commune != "" {
		lists := [][]int32{c.zoneCommune[q.Commune], c.zoneFrance}
		if com, ok := c.territory.Commune(q.Commune); ok {
			lists = append(lists, c.zoneDep[com.Departement], c.noZoneDep[com.Departement])
			if com.Parent != "" {
				lists = append(lists, c.zoneCommune[com.Parent])
			}
			if com.EPCI != "" {
				lists = append(lists, c.zoneEPCI[com.EPCI])
			}
		}
		add(lists)
	}
	if q.Point != nil && q.RadiusKm > 0 {
		cells := cellsAround(*q.Point, q.RadiusKm)
		if len(cells) < 4*len(c.grid)+16 {
			var lists [][]int32
			for _, cell := range cells {
				if l := c.grid[cell]; len(l) > 0 {
					lists = append(lists, l)
				}
			}
			add(lists)
		}
	}
	if len(crits) == 0 {
		return nil, false
	}
	sort.Slice(crits, func(i, j int) bool { return crits[i].size < crits[j].size })
	words := (len(c.services) + 63) / 64
	set := c.bitset(words)
	defer c.bitsets.Put(set)
	for _, l := range crits[0].lists {
		for _, i := range l {
			set[i/64] |= 1 << (i % 64)
		}
	}
	// Intersect with the other criteria while they are not much larger
	// than what remains (a large union costs more than the checks it saves).
	remaining := crits[0].size
	other := c.bitset(words)
	defer c.bitsets.Put(other)
	for _, cr := range crits[1:] {
		if cr.size > 16*remaining+1024 {
			break
		}
		clear(other)
		for _, l := range cr.lists {
			for _, i := range l {
				other[i/64] |= 1 << (i % 64)
			}
		}
		remaining = 0
		for w := range set {
			set[w] &= other[w]
			remaining += bits.OnesCount64(set[w])
		}
	}
	cands = make([]int32, 0, remaining)
	for w, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			cands = append(cands, int32(w*64+b))
			word &= word - 1
		}
	}
	return cands, true
}

// bitset returns a cleared bit set of n words from the catalogue's pool
// (searches run concurrently; the pool spares the collector).
func (c *Catalogue) bitset(n int) []uint64 {
	if b, ok := c.bitsets.Get().([]uint64); ok && len(b) == n {
		clear(b)
		return b
	}
	return make([]uint64, n)
}
