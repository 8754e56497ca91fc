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

// A breakdown that may leave people out: 20 situations examined, 12 solved,
// 5 in progress, the 3 others not recorded (hidden, but small: 20 − 12 − 5
// would disclose them). The smallest published part, 5, becomes secret: the
// 5 and the 3 together are 8, each somewhere in 0..8.
func ExampleTable_Rest() {
	t := secret.NewTable(5)
	examined, solved, inProgress := t.Count(20), t.Count(12), t.Count(5)
	t.Rest(examined, solved, inProgress)
	t.Protect()
	fmt.Println(t.Cell(examined), t.Cell(solved), t.Cell(inProgress))
	// Output: 20 12 secret
}

// A cohort's movements: 42 people at the start, 47 at the end, 9 entries,
// 4 exits; the 38 who stayed are not published (Hidden) but tie the four
// counts: start = stayed + exits, end = stayed + entries. The 4 exits are
// secret, and so is the start, else 42 − (47 − 9) would give them back.
func ExampleTable_Hidden() {
	t := secret.NewTable(5)
	start, end, in, out := t.Count(42), t.Count(47), t.Count(9), t.Count(4)
	stayed := t.Hidden(38)
	t.Sum(start, stayed, out)
	t.Sum(end, stayed, in)
	t.Protect()
	fmt.Println(t.Cell(start), t.Cell(end), t.Cell(in), t.Cell(out))
	// Output: secret 47 9 secret
}

// The whole population is kept when a part can be suppressed instead.
func ExampleTable_Keep() {
	t := secret.NewTable(5)
	whole, a, b := t.Count(15), t.Count(12), t.Count(3)
	t.Sum(whole, a, b)
	t.Keep(whole)
	t.Protect()
	fmt.Println(t.Cell(whole), t.Cell(a), t.Cell(b))
	// Output: 15 secret secret
}

// A group withheld whole (its size is secret): its other cells are secret
// too, and so is what would give them back.
func ExampleTable_Withhold() {
	t := secret.NewTable(5)
	total, a, b := t.Count(17), t.Count(10), t.Count(7)
	t.Sum(total, a, b)
	t.Withhold(b)
	t.Protect()
	fmt.Println(t.Cell(total), t.Cell(a), t.Cell(b))
	// Output: 17 secret secret
}

// Interval is what a reader of the report can tell about a cell: 27 out of
// 30 is secret (the 3 others would be disclosed), and 0..30 is all that is
// known of it.
func ExampleTable_Interval() {
	t := secret.NewTable(5)
	base, n := t.Count(30), t.Count(27)
	t.Part(base, n)
	t.Protect()
	lo, hi, bounded, ok := t.Interval(n)
	fmt.Println(lo, hi, bounded, ok)
	// Output: 0 30 true true
}

// A threshold below 5 people is refused (RULES.md §10); 0 means the default.
func ExampleCheckThreshold() {
	fmt.Println(secret.CheckThreshold(0, "") == nil, secret.CheckThreshold(5, "") == nil, secret.CheckThreshold(12, "") == nil)
	f := secret.CheckThreshold(1, "/seuil_secret")
	fmt.Println(f.Code, f.Path)
	fmt.Println(f.Message)
	fmt.Println(f.MessageEN)
	// Output:
	// true true true
	// SECRET-SEUIL-01 /seuil_secret
	// seuil du secret statistique de 1 personne(s) refusé : au moins 5 (aucune cellule publiée)
	// statistical secret threshold of 1 people refused: at least 5 (no cell published)
}
