package secret_test

import (
	"math/rand/v2"
	"testing"

	"github.com/spie-fr/socle/spie/secret"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// model is a report written independently of the package: every cell is a
// sum of leaves (non-negative integers), so that the values consistent with
// a published report can be enumerated by brute force over the secret
// leaves — an oracle that shares no code with Table.Interval.
type model struct {
	leaves []int
	cells  []modelCell
}

type modelCell struct {
	leaves []int // indexes of the leaves it sums
	hidden bool
	id     secret.ID
}

func (m *model) value(c modelCell) int {
	s := 0
	for _, l := range c.leaves {
		s += m.leaves[l]
	}
	return s
}

// leaf adds a leaf and the cell that is it.
func (m *model) leaf(v int, hidden bool) int {
	m.leaves = append(m.leaves, v)
	m.cells = append(m.cells, modelCell{leaves: []int{len(m.leaves) - 1}, hidden: hidden})
	return len(m.cells) - 1
}

// sum adds a cell that is the sum of cells.
func (m *model) sum(hidden bool, cells ...int) int {
	var ls []int
	for _, c := range cells {
		ls = append(ls, m.cells[c].leaves...)
	}
	m.cells = append(m.cells, modelCell{leaves: ls, hidden: hidden})
	return len(m.cells) - 1
}

// table builds the secret.Table of the model: leaves and sums as cells, each
// sum as a relation total = parts.
func (m *model) table(th int, parts map[int][]int) *secret.Table {
	t := secret.NewTable(th)
	for i := range m.cells {
		v := m.value(m.cells[i])
		if m.cells[i].hidden {
			m.cells[i].id = t.Hidden(v)
		} else {
			m.cells[i].id = t.Count(v)
		}
	}
	for total, ps := range parts {
		ids := make([]secret.ID, len(ps))
		for i, p := range ps {
			ids[i] = m.cells[p].id
		}
		t.Sum(m.cells[total].id, ids...)
	}
	return t
}

// bruteRange enumerates the integer values of the leaves consistent with the
// published cells and returns, for each cell, its smallest and largest
// value; capped is true for a cell that reached the cap (no upper bound
// within cap). ok is false when the enumeration was too long.
func bruteRange(m *model, published []bool, cap int) (lo, hi []int, capped []bool, ok bool) {
	n := len(m.leaves)
	fixed := make([]bool, n)
	for i, c := range m.cells {
		if published[i] && len(c.leaves) == 1 {
			fixed[c.leaves[0]] = true
		}
	}
	lo, hi = make([]int, len(m.cells)), make([]int, len(m.cells))
	capped = make([]bool, len(m.cells))
	for i := range lo {
		lo[i], hi[i] = 1<<30, -1
	}
	vals := make([]int, n)
	assigned := make([]bool, n)
	budget := 300_000
	var dfs func(k int) bool
	// check returns whether the assigned leaves agree with the published
	// cells, and whether some published cell is already exceeded.
	check := func(final bool) (agree, over bool) {
		agree = true
		for i, c := range m.cells {
			if !published[i] {
				continue
			}
			s, all := 0, true
			for _, l := range c.leaves {
				if assigned[l] {
					s += vals[l]
				} else {
					all = false
				}
			}
			want := m.value(c)
			if s > want {
				return false, true
			}
			if (all || final) && s != want {
				agree = false
			}
		}
		return agree, false
	}
	dfs = func(k int) bool {
		budget--
		if budget < 0 {
			return false
		}
		if k == n {
			if a, _ := check(true); !a {
				return true
			}
			for i, c := range m.cells {
				s := 0
				for _, l := range c.leaves {
					s += vals[l]
				}
				lo[i] = min(lo[i], s)
				hi[i] = max(hi[i], s)
				if s >= cap {
					capped[i] = true
				}
			}
			return true
		}
		assigned[k] = true
		defer func() { assigned[k] = false }()
		if fixed[k] {
			vals[k] = m.leaves[k]
			if a, _ := check(false); !a {
				return true
			}
			return dfs(k + 1)
		}
		for v := 0; v <= cap; v++ {
			vals[k] = v
			a, over := check(false)
			if over {
				break // sums only grow with v
			}
			if a && !dfs(k+1) {
				return false
			}
		}
		return true
	}
	return lo, hi, capped, dfs(0)
}

// assertProtected checks, by brute force, that every secret published cell
// and every small cell of the model has an interval at least th wide given
// what the table publishes, and that small published cells are secret.
func assertProtected(t *testing.T, m *model, tab *secret.Table, th int) bool {
	t.Helper()
	published := make([]bool, len(m.cells))
	total := 0
	for _, v := range m.leaves {
		total += v
	}
	for i, c := range m.cells {
		published[i] = !c.hidden && !tab.Secret(c.id)
		if published[i] {
			got, ok := tab.Cell(c.id).Int()
			require.True(t, ok)
			require.Equal(t, m.value(c), got, "a published cell carries its value")
		}
	}
	cap := total + th
	lo, hi, capped, ok := bruteRange(m, published, cap)
	if !ok {
		return false
	}
	for i, c := range m.cells {
		v := m.value(c)
		small := v > 0 && v < th
		if !small && (c.hidden || published[i]) {
			continue
		}
		assert.False(t, published[i], "cell %d (value %d) is small and published", i, v)
		assert.True(t, capped[i] || hi[i]-lo[i] >= th,
			"cell %d (value %d, leaves %v) recomputable within [%d, %d], threshold %d; leaves %v published %v",
			i, v, c.leaves, lo[i], hi[i], th, m.leaves, published)
	}
	return true
}

// grid adds an r×c table with its row, column and grand totals to m and
// returns the relations and the grand total's and inner cells' indexes.
func grid(m *model, cells [][]int, parts map[int][]int) (grand int, inner [][]int) {
	r, c := len(cells), len(cells[0])
	inner = make([][]int, r)
	for i := range r {
		inner[i] = make([]int, c)
		for j := range c {
			inner[i][j] = m.leaf(cells[i][j], false)
		}
	}
	rows := make([]int, r)
	for i := range r {
		rows[i] = m.sum(false, inner[i]...)
		parts[rows[i]] = inner[i]
	}
	cols := make([]int, c)
	for j := range c {
		col := make([]int, r)
		for i := range r {
			col[i] = inner[i][j]
		}
		cols[j] = m.sum(false, col...)
		parts[cols[j]] = col
	}
	grand = m.sum(false, rows...)
	parts[grand] = rows
	// The grand total is also the sum of the columns.
	return grand, inner
}

func smallCount(rng *rand.Rand) int {
	if rng.IntN(3) == 0 {
		return 0
	}
	if rng.IntN(2) == 0 {
		return 1 + rng.IntN(4)
	}
	return 5 + rng.IntN(8)
}

func randomGrid(rng *rand.Rand, r, c int) [][]int {
	g := make([][]int, r)
	for i := range g {
		g[i] = make([]int, c)
		for j := range g[i] {
			g[i][j] = smallCount(rng)
		}
	}
	return g
}

// TestProtectRandomTables: random tables with margins, a territory's tables
// inside the total, and rates with their complements; every published report
// leaves each secret or small cell an interval ≥ threshold (brute force).
func TestProtectRandomTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2026))
	checked := 0
	for n := range 150 {
		m := &model{}
		parts := map[int][]int{}
		th := 3 + rng.IntN(3)
		switch n % 3 {
		case 0: // one table with margins
			grid(m, randomGrid(rng, 1+rng.IntN(3), 1+rng.IntN(3)), parts)
		case 1: // two territories and the whole population, cell by cell
			g1, in1 := grid(m, randomGrid(rng, 2, 2), parts)
			g2, in2 := grid(m, randomGrid(rng, 2, 2), parts)
			var tot [2][2]int
			for i := range 2 {
				for j := range 2 {
					tot[i][j] = m.sum(false, in1[i][j], in2[i][j])
					parts[tot[i][j]] = []int{in1[i][j], in2[i][j]}
				}
			}
			all := m.sum(false, g1, g2)
			parts[all] = []int{g1, g2}
			all2 := m.sum(false, tot[0][0], tot[0][1], tot[1][0], tot[1][1])
			parts[all2] = []int{tot[0][0], tot[0][1], tot[1][0], tot[1][1]}
		case 2: // rates in groups and the whole: numerator, hidden complement
			var nums, bases []int
			for range 1 + rng.IntN(3) {
				num := m.leaf(smallCount(rng), false)
				comp := m.leaf(smallCount(rng), true)
				base := m.sum(false, num, comp)
				parts[base] = []int{num, comp}
				nums, bases = append(nums, num), append(bases, base)
			}
			tn := m.sum(false, nums...)
			parts[tn] = nums
			tb := m.sum(false, bases...)
			parts[tb] = bases
		}
		tab := m.table(th, parts)
		tab.Protect()
		if assertProtected(t, m, tab, th) {
			checked++
		}
		if t.Failed() {
			t.Logf("case %d: leaves %v threshold %d", n, m.leaves, th)
			return
		}
	}
	assert.Greater(t, checked, 100, "brute force finished on most cases")
}
