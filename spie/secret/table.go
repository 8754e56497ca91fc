package secret

import (
	"math"
	"slices"
	"sort"
)

// ID names a cell of a Table.
type ID int

// Table is one report seen as cells and additive relations: every cell is a
// non-negative integer count of people, and a relation says that a total is
// the sum of its parts (a margin, a sub-total, the whole population, the
// base of a rate). Cells are either published unless secret (Count) or
// never published (Hidden: complements, remainders, margins the report does
// not print but that follow from what it prints).
//
// Protect applies the rule of RULES.md §10 to the whole table:
//   - primary suppression: every cell, published or hidden, whose value is
//     in 1..threshold−1 is sensitive; a published sensitive cell is secret;
//   - audit: for every sensitive or secret cell, the interval of values
//     consistent with everything published (the published cells, the
//     relations, counts ≥ 0) is computed by linear programming;
//   - complementary suppression: while some audited cell's interval is
//     narrower than threshold (hi − lo < threshold), one more published cell
//     tied to it is made secret. Privacy wins over utility: the loop ends,
//     at worst with the whole table secret.
//
// A Table is used by one goroutine; its zero value is not usable (NewTable).
type Table struct {
	threshold int
	cells     []tableCell
	rels      []relation
	// totals counts how many relations each cell is the total of.
	totals []int
	// failed is true when the cells are inconsistent with the relations
	// (a caller's error): every cell is then secret.
	failed bool
	// cache of the audit for the current set of secret cells.
	cache *auditCache
}

// auditCache holds, for one set of secret cells, the values that follow
// from the published ones and each component's feasible system.
type auditCache struct {
	known      map[ID]int
	consistent bool
	systems    map[ID]*system // by cell
}

// system is the linear system of one component of unknown cells.
type system struct {
	col map[ID]int
	f   *feasible
	ok  bool
	// free: no relation constrains the component.
	free bool
}

// setSecret changes whether a cell is published and drops the audit cache.
func (t *Table) setSecret(id ID, s bool) {
	if t.cells[id].secret != s {
		t.cells[id].secret = s
		t.cache = nil
	}
}

type tableCell struct {
	value  int
	hidden bool
	secret bool
	keep   bool
}

type relation struct {
	total ID
	parts []ID
}

// NewTable returns an empty table for threshold (≤ 0: DefaultThreshold).
func NewTable(threshold int) *Table {
	return &Table{threshold: Threshold(threshold)}
}

// Threshold returns the threshold of the table.
func (t *Table) Threshold() int { return t.threshold }

// Count adds a count of people the report publishes unless it is secret.
func (t *Table) Count(n int) ID { return t.add(n, false) }

// Hidden adds a count of people the report never prints but which follows
// from what it prints (a complement, a remainder, a margin); it is
// protected like a published cell when it is small.
func (t *Table) Hidden(n int) ID { return t.add(n, true) }

func (t *Table) add(n int, hidden bool) ID {
	t.cache = nil
	t.cells = append(t.cells, tableCell{value: n, hidden: hidden, secret: hidden})
	t.totals = append(t.totals, 0)
	return ID(len(t.cells) - 1)
}

// Sum records that total is the sum of parts. Unknown IDs are ignored.
func (t *Table) Sum(total ID, parts ...ID) {
	if !t.valid(total) {
		return
	}
	ps := make([]ID, 0, len(parts))
	for _, p := range parts {
		if t.valid(p) {
			ps = append(ps, p)
		}
	}
	t.cache = nil
	t.rels = append(t.rels, relation{total: total, parts: ps})
	t.totals[total]++
}

// Part records that count is a part of base (base ≥ count: a numerator and
// its denominator, a group inside the whole population when groups
// overlap): it adds the hidden complement base − count and returns it, so
// that the complement is protected as any count.
func (t *Table) Part(base, count ID) ID { return t.Rest(base, count) }

// Rest records that parts are a breakdown of total that may leave people
// out: it adds the hidden remainder total − Σ parts (people in no published
// part) and the relation total = parts + remainder, and returns the
// remainder.
func (t *Table) Rest(total ID, parts ...ID) ID {
	if !t.valid(total) {
		return -1
	}
	rest := t.cells[total].value
	for _, p := range parts {
		if t.valid(p) {
			rest -= t.cells[p].value
		}
	}
	r := t.Hidden(rest)
	t.Sum(total, append(slices.Clone(parts), r)...)
	return r
}

// Keep marks cells the report should publish when it can (the whole
// population's size): complementary suppression chooses them only when no
// other cell widens the interval it protects. Small cells are secret all
// the same.
func (t *Table) Keep(ids ...ID) {
	for _, id := range ids {
		if t.valid(id) {
			t.cells[id].keep = true
		}
	}
}

// Withhold makes cells secret whatever their value (a whole group whose
// size is secret, for instance); call Protect afterwards.
func (t *Table) Withhold(ids ...ID) {
	for _, id := range ids {
		if t.valid(id) {
			t.setSecret(id, true)
		}
	}
}

func (t *Table) valid(id ID) bool { return id >= 0 && int(id) < len(t.cells) }

// sensitive reports whether n is a small count (1..threshold−1) or an
// impossible one (negative).
func (t *Table) sensitive(n int) bool { return n < t.threshold && n != 0 }

// Secret reports whether the cell is not published.
func (t *Table) Secret(id ID) bool { return !t.valid(id) || t.failed || t.cells[id].secret }

// Cell returns the published cell of id: its value, or secret.
func (t *Table) Cell(id ID) Cell {
	if t.Secret(id) {
		return Cell{Secret: true}
	}
	return Open(t.cells[id].value)
}

// Protect suppresses cells until every sensitive or secret cell is
// protected (see Table). A table whose cells are negative or do not add up
// (a caller's error) is published all secret. Protect may be called again
// after Withhold.
func (t *Table) Protect() {
	if !t.consistent() {
		t.failed = true
		return
	}
	for i := range t.cells {
		if t.sensitive(t.cells[i].value) {
			t.setSecret(ID(i), true)
		}
	}
	// Suppressing a cell only widens the intervals of the others, but a
	// cell made secret for another one must be audited too: repeat until a
	// pass suppresses nothing.
	for changed := true; changed && !t.failed; {
		changed = false
		for id := range t.cells {
			for !t.failed && t.audited(ID(id)) && !t.wide(ID(id)) {
				changed = true
				if !t.suppressOneFor(ID(id)) {
					t.failed = true
				}
			}
		}
	}
}

// consistent reports whether every value is non-negative and every
// relation holds.
func (t *Table) consistent() bool {
	for _, c := range t.cells {
		if c.value < 0 {
			return false
		}
	}
	for _, r := range t.rels {
		s := -t.cells[r.total].value
		for _, p := range r.parts {
			s += t.cells[p].value
		}
		if s != 0 {
			return false
		}
	}
	return true
}

// audited reports whether id must have a wide interval.
func (t *Table) audited(id ID) bool {
	c := t.cells[id]
	return t.sensitive(c.value) || (c.secret && !c.hidden)
}

// wide reports whether the interval of id is proven at least threshold
// wide: bounds found at fractional vertices of the linear relaxation prove
// nothing about the integer values, so they count as narrow.
func (t *Table) wide(id ID) bool {
	lo, hi, bounded, ok, exact := t.interval(id)
	if !ok || !exact {
		return false
	}
	return !bounded || hi-lo >= t.threshold
}

// Interval returns the smallest and largest value of cell id consistent with
// everything the table publishes: lo..hi, or lo and no upper bound when
// bounded is false. ok is false for an unknown ID or when the table is
// inconsistent. A published cell's interval is its value. The bounds are
// those of the linear relaxation, rounded inward: exact for tables with
// margins; for nested tables the integer interval may be narrower, which
// Protect accounts for (it only accepts bounds attained at integer points).
func (t *Table) Interval(id ID) (lo, hi int, bounded, ok bool) {
	lo, hi, bounded, ok, _ = t.interval(id)
	return lo, hi, bounded, ok
}

// interval is Interval, and whether the bounds are attained by integer
// values (exact); when they are not, the integer interval may be narrower.
func (t *Table) interval(id ID) (lo, hi int, bounded, ok, exact bool) {
	if !t.valid(id) {
		return 0, 0, false, false, false
	}
	if t.failed {
		return 0, 0, false, true, true
	}
	c := t.audit()
	if !c.consistent {
		return 0, 0, false, false, false
	}
	if v, k := c.known[id]; k {
		return v, v, true, true, true
	}
	sys := c.systems[id]
	if sys == nil {
		sys = t.system(id, c.known)
		for v := range sys.col {
			c.systems[v] = sys
		}
	}
	switch {
	case sys.free:
		return 0, 0, false, true, true
	case !sys.ok:
		return 0, 0, false, false, false
	}
	flo, fhi, inf, exact := sys.f.rangeOf(sys.col[id])
	lo = int(math.Ceil(flo - 1e-6))
	if inf {
		return lo, 0, false, true, exact
	}
	return lo, int(math.Floor(fhi + 1e-6)), true, true, exact
}

// audit returns the cache for the current set of secret cells.
func (t *Table) audit() *auditCache {
	if t.cache == nil {
		k, ok := t.known()
		t.cache = &auditCache{known: k, consistent: ok, systems: map[ID]*system{}}
	}
	return t.cache
}

// system builds the linear system of the component of id and runs phase 1.
func (t *Table) system(id ID, known map[ID]int) *system {
	vars, rels := t.component(id, known)
	sys := &system{col: map[ID]int{}}
	for i, v := range vars {
		sys.col[v] = i
	}
	if len(rels) == 0 {
		sys.free = true
		return sys
	}
	a := make([][]float64, len(rels))
	b := make([]float64, len(rels))
	for r, rel := range rels {
		a[r] = make([]float64, len(vars))
		add := func(c ID, sign float64) {
			if v, k := known[c]; k {
				b[r] -= sign * float64(v)
			} else {
				a[r][sys.col[c]] += sign
			}
		}
		add(rel.total, -1)
		for _, p := range rel.parts {
			add(p, 1)
		}
	}
	sys.f, sys.ok = newFeasible(a, b, len(vars))
	return sys
}

// known returns the values that follow from the published cells: the
// published ones, and those fixed by a relation whose other cells are all
// known. consistent is false when a relation is contradicted.
func (t *Table) known() (map[ID]int, bool) {
	k := map[ID]int{}
	for i, c := range t.cells {
		if !c.secret {
			k[ID(i)] = c.value
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range t.rels {
			var unknown []ID
			for _, c := range append([]ID{r.total}, r.parts...) {
				if _, ok := k[c]; !ok && !slices.Contains(unknown, c) {
					unknown = append(unknown, c)
				}
			}
			if len(unknown) > 1 {
				continue
			}
			u := ID(-1)
			if len(unknown) == 1 {
				u = unknown[0]
			}
			v, ok := t.solve(r, u, k)
			if !ok || v < 0 {
				return nil, false
			}
			if u >= 0 {
				k[u] = v
				changed = true
			}
		}
	}
	return k, true
}

// solve returns the value of the one unknown cell u of r.
func (t *Table) solve(r relation, u ID, k map[ID]int) (int, bool) {
	coef, rest := 0, 0
	if r.total == u {
		coef--
	} else {
		rest -= k[r.total]
	}
	for _, p := range r.parts {
		if p == u {
			coef++
		} else {
			rest += k[p]
		}
	}
	// coef·u + rest = 0
	if coef == 0 {
		return 0, rest == 0
	}
	if rest%coef != 0 {
		return 0, false
	}
	return -rest / coef, true
}

// component returns the unknown cells linked to id through relations with
// unknown cells, and those relations.
func (t *Table) component(id ID, known map[ID]int) ([]ID, []relation) {
	seen := map[ID]bool{id: true}
	vars := []ID{id}
	used := make([]bool, len(t.rels))
	var rels []relation
	for i := 0; i < len(vars); i++ {
		for r, rel := range t.rels {
			if used[r] || !rel.has(vars[i]) {
				continue
			}
			used[r] = true
			rels = append(rels, rel)
			for _, c := range append([]ID{rel.total}, rel.parts...) {
				if _, k := known[c]; !k && !seen[c] {
					seen[c] = true
					vars = append(vars, c)
				}
			}
		}
	}
	return vars, rels
}

func (r relation) has(id ID) bool {
	if r.total == id {
		return true
	}
	for _, p := range r.parts {
		if p == id {
			return true
		}
	}
	return false
}

// suppressOneFor makes secret the published cell that best widens the
// interval of id: the first, in order of preference, that makes it wide
// enough, or else the one that widens it most. Preference: cells sharing a
// relation with id before others of its component (cells to keep after all
// others), then cells that total
// fewer relations (parts before sub-totals before the whole population),
// then the smallest positive value (zero last), then the lowest ID.
func (t *Table) suppressOneFor(id ID) bool {
	// The candidates are the published cells of the relations reachable
	// from id through unpublished cells: those that pin it down.
	published := map[ID]int{}
	for i, c := range t.cells {
		if !c.secret {
			published[ID(i)] = c.value
		}
	}
	_, rels := t.component(id, published)
	direct := map[ID]bool{}
	var cand []ID
	seen := map[ID]bool{}
	for _, rel := range rels {
		isDirect := rel.has(id)
		for _, c := range append([]ID{rel.total}, rel.parts...) {
			if t.cells[c].secret {
				continue
			}
			if isDirect {
				direct[c] = true
			}
			if !seen[c] {
				seen[c] = true
				cand = append(cand, c)
			}
		}
	}
	if len(cand) == 0 {
		return false
	}
	rank := func(v int) int {
		if v == 0 {
			return math.MaxInt
		}
		return v
	}
	sort.SliceStable(cand, func(i, j int) bool {
		a, b := cand[i], cand[j]
		if t.cells[a].keep != t.cells[b].keep {
			return t.cells[b].keep
		}
		if direct[a] != direct[b] {
			return direct[a]
		}
		if t.totals[a] != t.totals[b] {
			return t.totals[a] < t.totals[b]
		}
		if ra, rb := rank(t.cells[a].value), rank(t.cells[b].value); ra != rb {
			return ra < rb
		}
		return a < b
	})
	// Tiers of equal preference (keep, direct, totals): the first cell of the
	// first tier that makes id wide enough; else the cell of the first tier
	// that widens id most; else the first candidate (a cell to keep only
	// when it alone widens id).
	width := func() int {
		lo, hi, bounded, ok, exact := t.interval(id)
		switch {
		case !ok:
			return -1
		case !exact:
			// Not proven: count it below the threshold, as narrow as
			// the relaxation allows.
			if !bounded || hi-lo >= t.threshold {
				return t.threshold - 1
			}
		case !bounded:
			return math.MaxInt
		}
		return hi - lo
	}
	now := width()
	best := cand[0]
	for start := 0; start < len(cand); {
		end := start
		for end < len(cand) && t.cells[cand[end]].keep == t.cells[cand[start]].keep && direct[cand[end]] == direct[cand[start]] && t.totals[cand[end]] == t.totals[cand[start]] {
			end++
		}
		tierBest, tierWidth := ID(-1), now
		for _, c := range cand[start:end] {
			t.setSecret(c, true)
			w := width()
			t.setSecret(c, false)
			if w >= t.threshold {
				tierBest = c
				break
			}
			if w > tierWidth {
				tierBest, tierWidth = c, w
			}
		}
		if tierBest >= 0 {
			best = tierBest
			break
		}
		if end < len(cand) && t.cells[cand[end]].keep && !t.cells[cand[start]].keep {
			// No single cell widens id: suppress the first candidate
			// rather than a cell to keep; the next step goes on from there.
			break
		}
		start = end
	}
	t.setSecret(best, true)
	return true
}
