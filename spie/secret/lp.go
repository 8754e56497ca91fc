package secret

import "math"

// eps is the tolerance of the simplex: every coefficient and right-hand side
// is a small integer, so values closer than eps to an integer are that integer.
const eps = 1e-9

// lpRange returns the smallest and largest value of variable k over
// {v ≥ 0 : A v = b}; hiInf is true when the largest is unbounded. ok is false
// when the system has no non-negative solution (never the case for a table
// built from real counts).
func lpRange(a [][]float64, b []float64, k int) (lo, hi float64, hiInf, ok bool) {
	c := make([]float64, len(a[0]))
	c[k] = 1
	lo, _, ok = lpMin(a, b, c)
	if !ok {
		return 0, 0, false, false
	}
	c[k] = -1
	m, unbounded, _ := lpMin(a, b, c)
	return lo, -m, unbounded, true
}

// lpMin minimises c·v over {v ≥ 0 : A v = b} by the two-phase simplex with
// Bland's rule (no cycling). unbounded is true when the minimum is −∞; ok is
// false when the system is infeasible.
func lpMin(a [][]float64, b []float64, c []float64) (min float64, unbounded, ok bool) {
	m, n := len(a), len(c)
	// Tableau: n structural columns, m artificial columns, right-hand side.
	w := n + m + 1
	t := make([][]float64, m+1)
	basis := make([]int, m)
	for i := range m {
		row := make([]float64, w)
		sign := 1.0
		if b[i] < 0 {
			sign = -1
		}
		for j := range n {
			row[j] = sign * a[i][j]
		}
		row[n+i] = 1
		row[w-1] = sign * b[i]
		t[i] = row
		basis[i] = n + i
	}
	obj := make([]float64, w)
	t[m] = obj
	// Phase 1: minimise the sum of the artificial variables.
	for i := range m {
		for j := range w {
			if j < n || j == w-1 {
				obj[j] -= t[i][j]
			}
		}
	}
	if simplex(t, basis, n+m) {
		return 0, false, false // cannot happen: phase 1 is bounded below by 0
	}
	if -obj[w-1] > eps {
		return 0, false, false
	}
	// Drive the artificial variables out of the basis; a row where none of
	// the structural columns can enter is redundant and dropped.
	for i := 0; i < len(basis); i++ {
		if basis[i] < n {
			continue
		}
		entered := false
		for j := range n {
			if math.Abs(t[i][j]) > eps {
				pivot(t, basis, i, j)
				entered = true
				break
			}
		}
		if !entered {
			t = append(t[:i], t[i+1:]...)
			basis = append(basis[:i], basis[i+1:]...)
			i--
		}
	}
	// Phase 2: the objective over the structural columns only.
	obj = t[len(t)-1]
	for j := range w {
		obj[j] = 0
	}
	for j := range n {
		obj[j] = c[j]
	}
	for i, bv := range basis {
		if f := obj[bv]; f != 0 {
			for j := range w {
				obj[j] -= f * t[i][j]
			}
		}
	}
	if simplex(t, basis, n) {
		return 0, true, true
	}
	return -obj[w-1], false, true
}

// simplex pivots t (constraint rows, then the reduced-cost row) to an
// optimum, entering only columns < cols; it returns true when unbounded.
func simplex(t [][]float64, basis []int, cols int) bool {
	m := len(t) - 1
	w := len(t[0])
	for {
		enter := -1
		for j := range cols {
			if t[m][j] < -eps {
				enter = j
				break
			}
		}
		if enter < 0 {
			return false
		}
		leave := -1
		best := 0.0
		for i := range m {
			if t[i][enter] > eps {
				r := t[i][w-1] / t[i][enter]
				if leave < 0 || r < best-eps || (r < best+eps && basis[i] < basis[leave]) {
					leave, best = i, r
				}
			}
		}
		if leave < 0 {
			return true
		}
		pivot(t, basis, leave, enter)
	}
}

func pivot(t [][]float64, basis []int, r, c int) {
	p := t[r][c]
	for j := range t[r] {
		t[r][j] /= p
	}
	for i := range t {
		if i == r {
			continue
		}
		if f := t[i][c]; f != 0 {
			for j := range t[i] {
				t[i][j] -= f * t[r][j]
			}
		}
	}
	basis[r] = c
}
