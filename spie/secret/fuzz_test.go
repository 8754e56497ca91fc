package secret_test

import (
	"testing"
)

// FuzzProtect builds a small table with margins (or two territories inside
// the whole population) from the input, protects it, and checks by brute
// force that no secret or small cell can be narrowed below the threshold.
func FuzzProtect(f *testing.F) {
	f.Add([]byte{2, 3, 5, 0, 0, 2, 3, 8, 0})
	f.Add([]byte{1, 1, 4, 3})
	f.Add([]byte{2, 2, 5, 1, 9, 9, 9, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 3 {
			return
		}
		r, c, th := 1+int(b[0])%3, 1+int(b[1])%3, 2+int(b[2])%5
		b = b[3:]
		cells := make([][]int, r)
		for i := range r {
			cells[i] = make([]int, c)
			for j := range c {
				if k := i*c + j; k < len(b) {
					cells[i][j] = int(b[k]) % 13
				}
			}
		}
		m := &model{}
		parts := map[int][]int{}
		grid(m, cells, parts)
		tab := m.table(th, parts)
		tab.Protect()
		assertProtected(t, m, tab, th)
	})
}
