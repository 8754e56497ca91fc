package secret_test

import (
	"fmt"

	"github.com/spie-fr/socle/spie/secret"
)

// A 2×2 table with its margins: 3 people is a small count, so it is secret,
// and since the row, column and grand totals are published, three more cells
// become secret so that 3 cannot be recomputed by difference.
func ExampleTable() {
	t := secret.NewTable(0) // DefaultThreshold: 5
	a, b := t.Count(3), t.Count(12)
	c, d := t.Count(20), t.Count(30)
	r1, r2 := t.Count(15), t.Count(50)
	k1, k2 := t.Count(23), t.Count(42)
	all := t.Count(65)
	t.Sum(r1, a, b)
	t.Sum(r2, c, d)
	t.Sum(k1, a, c)
	t.Sum(k2, b, d)
	t.Sum(all, r1, r2)
	t.Protect()
	fmt.Println(t.Cell(a), t.Cell(b), t.Cell(r1))
	fmt.Println(t.Cell(c), t.Cell(d), t.Cell(r2))
	fmt.Println(t.Cell(k1), t.Cell(k2), t.Cell(all))
	lo, hi, _, _ := t.Interval(a)
	fmt.Printf("la case secrète vaut entre %d et %d\n", lo, hi)
	// Output:
	// secret secret 15
	// secret secret 50
	// 23 42 65
	// la case secrète vaut entre 0 et 15
}

// A rate publishes its numerator and its denominator: 5 « sorties en emploi
// durable » out of 6 people tells that the sixth did not exit, so the
// complement (1) makes the numerator secret.
func ExampleTable_Part() {
	t := secret.NewTable(5)
	people, exits := t.Count(6), t.Count(5)
	t.Part(people, exits)
	t.Protect()
	fmt.Println(t.Cell(people), t.Cell(exits))
	// Output:
	// 6 secret
}

func ExampleThreshold() {
	fmt.Println(secret.Threshold(0), secret.Threshold(10))
	// Output: 5 10
}

func ExampleOpen() {
	fmt.Println(secret.Open(2))
	// Output: 2
}

func ExampleCell_Int() {
	t := secret.NewTable(5)
	a, b := t.Count(7), t.Count(2)
	t.Protect()
	v, ok := t.Cell(a).Int()
	fmt.Println(v, ok)
	_, ok = t.Cell(b).Int()
	fmt.Println(ok)
	// Output:
	// 7 true
	// false
}

func ExampleCell_String() {
	t := secret.NewTable(5)
	a, b := t.Count(4), t.Count(40)
	t.Protect()
	fmt.Println(t.Cell(a).String(), t.Cell(b).String())
	// Output: secret 40
}
