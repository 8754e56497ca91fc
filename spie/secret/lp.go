package secret

import "math"

// eps is the tolerance of the simplex: every coefficient and right-hand side
// is a small integer, so values closer than eps to an integer are that integer.
const eps = 1e-9

// feasible is {v ≥ 0 : A v = b} after phase 1 of the simplex: a basic
// feasible solution from which each objective is optimised (phase 2)
// without redoing phase 1.
type feasible struct {
	t     [][]float64 // constraint rows, then the objective row
	basis []int
	n     int // structural columns
	// scratch is reused by minimise (one flat copy of t).
	scratch     []float64
	scratchRows [][]float64
	scratchB    []int
}

// newFeasible runs phase 1 (minimise the sum of artificial variables) with
// Bland's rule; ok is false when the system has no non-negative solution.
func newFeasible(a [][]float64, b []float64, n int) (f *feasible, ok bool) {
	m := len(a)
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
	for i := range m {
		for j := range w {
			if j < n || j == w-1 {
				obj[j] -= t[i][j]
			}
		}
	}
	simplex(t, basis, n+m) // bounded below by 0
	if -obj[w-1] > eps {
		return nil, false
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
	// The artificial columns are no longer needed: keep the structural ones
	// and the right-hand side.
	small := make([][]float64, len(t))
	for i, row := range t {
		r := make([]float64, n+1)
		copy(r, row[:n])
		r[n] = row[w-1]
		small[i] = r
	}
	return &feasible{t: small, basis: basis, n: n}, true
}

// minimise returns the minimum of c·v over the system (phase 2 on a copy);
// unbounded is true when it is −∞; integral is true when the optimal vertex
// found has integer coordinates (then an integer point attains the minimum).
func (f *feasible) minimise(c []float64) (min float64, unbounded, integral bool) {
	w := f.n + 1
	if f.scratch == nil {
		f.scratch = make([]float64, len(f.t)*w)
		f.scratchRows = make([][]float64, len(f.t))
		f.scratchB = make([]int, len(f.basis))
	}
	t := f.scratchRows
	for i, row := range f.t {
		t[i] = f.scratch[i*w : (i+1)*w : (i+1)*w]
		copy(t[i], row)
	}
	basis := f.scratchB
	copy(basis, f.basis)
	obj := t[len(t)-1]
	for j := range w {
		obj[j] = 0
	}
	for j := range f.n {
		obj[j] = c[j]
	}
	for i, bv := range basis {
		if k := obj[bv]; k != 0 {
			for j := range w {
				obj[j] -= k * t[i][j]
			}
		}
	}
	if simplex(t, basis, f.n) {
		return 0, true, true
	}
	integral = true
	for i := range basis {
		v := t[i][w-1]
		if math.Abs(v-math.Round(v)) > 1e-6 {
			integral = false
		}
	}
	return -obj[w-1], false, integral
}

// rangeOf returns the smallest and largest value of variable k; hiInf is
// true when the largest is unbounded; exact is true when both bounds are
// attained at integer points (else the integer range may be narrower).
func (f *feasible) rangeOf(k int) (lo, hi float64, hiInf, exact bool) {
	c := make([]float64, f.n)
	c[k] = 1
	lo, _, loInt := f.minimise(c)
	c[k] = -1
	m, unbounded, hiInt := f.minimise(c)
	return lo, -m, unbounded, loInt && hiInt
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
