package spie_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// Article 641 of the code de procédure civile, second paragraph: « Lorsqu'un
// délai est exprimé en mois ou en années, ce délai expire le jour du dernier
// mois ou de la dernière année qui porte le même quantième que le jour de
// l'acte, de l'événement, de la décision ou de la notification qui fait courir
// le délai. A défaut d'un quantième identique, le délai expire le dernier jour
// du mois. » Every expected value below is read from that text and a
// calendar: 2024 and 2028 are leap years (divisible by 4, not by 100), 2025,
// 2026 and 2100 are not (2100 is divisible by 100 and not by 400).

func TestAnniversaryRuleAddMonths(t *testing.T) {
	for _, c := range []struct {
		name string
		from spie.Date
		n    int
		want spie.Date
		why  string
	}{
		{"29 février + 1 an, année commune", "2024-02-29", 12, "2025-02-28", "no 29 February in 2025: last day of February"},
		{"29 février + 2 ans", "2024-02-29", 24, "2026-02-28", "same: 2026 is common"},
		{"29 février + 4 ans, année bissextile", "2024-02-29", 48, "2028-02-29", "2028 has a 29 February: same number"},
		{"29 février 2000 + 26 ans", "2000-02-29", 26 * 12, "2026-02-28", "26th birthday in 2026, a common year"},
		{"29 février 2096 + 4 ans, 2100 commune", "2096-02-29", 48, "2100-02-28", "2100 is not a leap year"},
		{"28 février + 1 an", "2025-02-28", 12, "2026-02-28", "28 exists every year"},
		{"28 février + 3 ans vers bissextile", "2025-02-28", 36, "2028-02-28", "the 28th exists: never the 29th"},
		{"1er mars + 1 an", "2024-03-01", 12, "2025-03-01", "1 March exists every year"},
		{"31 janvier + 1 mois, année commune", "2026-01-31", 1, "2026-02-28", "no 31 February: last day"},
		{"31 janvier + 1 mois, année bissextile", "2028-01-31", 1, "2028-02-29", "leap February ends on the 29th"},
		{"31 août + 6 mois", "2025-08-31", 6, "2026-02-28", "August → February 2026, common"},
		{"31 mars − 1 mois", "2026-03-31", -1, "2026-02-28", "the same rule counted backwards"},
		{"1er mars − 12 mois", "2025-03-01", -12, "2024-03-01", "1 March exists"},
		{"15 décembre + 1 mois", "2025-12-15", 1, "2026-01-15", "year carried"},
		{"15 janvier − 1 mois", "2026-01-15", -1, "2025-12-15", "year borrowed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.from.AddMonths(c.n), c.why)
		})
	}
	assert.Equal(t, spie.Date(""), spie.Date("2026-02-30").AddMonths(1), "malformed")
	assert.Equal(t, spie.Date(""), spie.Date("9999-12-01").AddMonths(1), "no five-digit year")
}

// TestAnniversaryRuleAges: the age is the number of birthdays reached, each
// birthday given by the rule above.
func TestAnniversaryRuleAges(t *testing.T) {
	for _, c := range []struct {
		name      string
		birth, at spie.Date
		want      int
	}{
		// Born 29 February 2000: 26th birthday on 28 February 2026 (no 29th).
		{"veille du 26e anniversaire", "2000-02-29", "2026-02-27", 25},
		{"26e anniversaire un 28 février", "2000-02-29", "2026-02-28", 26},
		{"lendemain, 1er mars", "2000-02-29", "2026-03-01", 26},
		// 2028 is leap: the 28th birthday is the 29th itself.
		{"28 février d'une année bissextile", "2000-02-29", "2028-02-28", 27},
		{"29 février d'une année bissextile", "2000-02-29", "2028-02-29", 28},
		// Born 28 February: the 28th is the birthday every year.
		{"né un 28 février, le 28", "2000-02-28", "2026-02-28", 26},
		{"né un 28 février, le 27", "2000-02-28", "2026-02-27", 25},
		// Born 1 March 2000: in 2028 the 29 February is the day before.
		{"né un 1er mars, le 29 février", "2000-03-01", "2028-02-29", 27},
		{"né un 1er mars, le 1er mars", "2000-03-01", "2028-03-01", 28},
		{"né un 1er mars, le 28 février commun", "2000-03-01", "2026-02-28", 25},
		{"jour de naissance", "2000-02-29", "2000-02-29", 0},
		{"date avant la naissance", "2000-02-29", "2000-02-28", -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := spie.YearsBetween(c.birth, c.at)
			require.True(t, ok)
			assert.Equal(t, c.want, got)
		})
	}
	_, ok := spie.YearsBetween("2000-02-30", "2026-01-01")
	assert.False(t, ok)
}

func TestAnniversaryRuleMonths(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b spie.Date
		want int
	}{
		// A one-month period from 31 January 2026 ends on 28 February.
		{"31 janvier → 27 février", "2026-01-31", "2026-02-27", 0},
		{"31 janvier → 28 février", "2026-01-31", "2026-02-28", 1},
		{"31 janvier → 1er mars", "2026-01-31", "2026-03-01", 1},
		// In 2028 it ends on 29 February.
		{"31 janvier → 28 février bissextile", "2028-01-31", "2028-02-28", 0},
		{"31 janvier → 29 février bissextile", "2028-01-31", "2028-02-29", 1},
		{"29 février → 28 février suivant", "2024-02-29", "2025-02-28", 12},
		{"29 février → 27 février suivant", "2024-02-29", "2025-02-27", 11},
		// Backwards: 31 March − 1 month is 28 February 2026.
		{"31 mars → 28 février", "2026-03-31", "2026-02-28", -1},
		{"31 mars → 27 février", "2026-03-31", "2026-02-27", -2},
		{"même jour", "2026-03-01", "2026-03-01", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := spie.MonthsBetween(c.a, c.b)
			require.True(t, ok)
			assert.Equal(t, c.want, got)
		})
	}
}

// TestAnniversaryRuleProperties checks AddMonths against an independent
// formulation with the time package (the first of the month reached by
// time.AddDate, then the day clamped to that month's length, itself read
// from time as the day before the next first), and that YearsBetween and
// MonthsBetween invert AddMonths: n months after a is exactly n whole months
// later, the day before is n − 1.
func TestAnniversaryRuleProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(641, 2026))
	start := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 20000 {
		a := start.AddDate(0, 0, r.IntN(60000))
		n := r.IntN(600) - 300
		first := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		length := first.AddDate(0, 1, -1).Day()
		want := time.Date(first.Year(), first.Month(), min(a.Day(), length), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		from := spie.Date(a.Format(time.DateOnly))
		got := from.AddMonths(n)
		require.Equal(t, spie.Date(want), got, "%s + %d mois", from, n)

		m, ok := spie.MonthsBetween(from, got)
		require.True(t, ok)
		require.Equal(t, n, m, "%s → %s", from, got)
		m, _ = spie.MonthsBetween(from, got.AddDays(-1))
		require.Equal(t, n-1, m, "%s → veille de %s", from, got)

		years := r.IntN(100) - 20
		birthday := from.AddMonths(12 * years)
		age, _ := spie.YearsBetween(from, birthday)
		require.Equal(t, years, age, "né le %s, le %s", from, birthday)
		age, _ = spie.YearsBetween(from, birthday.AddDays(-1))
		require.Equal(t, years-1, age, "né le %s, veille du %s", from, birthday)
	}
}

// FuzzAnniversaryRule: for any date AddMonths accepts, the result agrees with
// the time-package formulation of TestAnniversaryRuleProperties, and
// MonthsBetween and YearsBetween count it back.
func FuzzAnniversaryRule(f *testing.F) {
	f.Add("2000-02-29", 312)
	f.Add("2026-01-31", 1)
	f.Add("2026-03-31", -1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n %= 1200
		from := spie.Date(s)
		a, ok := from.Time()
		got := from.AddMonths(n)
		if !ok {
			if got != "" {
				t.Fatalf("%q + %d mois : %q pour une date mal formée", s, n, got)
			}
			return
		}
		first := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		if first.Year() < 0 || first.Year() > 9999 {
			return
		}
		length := first.AddDate(0, 1, -1).Day()
		want := spie.Date(time.Date(first.Year(), first.Month(), min(a.Day(), length), 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
		if got != want {
			t.Fatalf("%s + %d mois : %s, attendu %s", s, n, got, want)
		}
		if m, _ := spie.MonthsBetween(from, got); m != n {
			t.Fatalf("%s → %s : %d mois, attendu %d", s, got, m, n)
		}
		if n%12 == 0 {
			if y, _ := spie.YearsBetween(from, got); y != n/12 {
				t.Fatalf("né le %s, le %s : %d ans, attendu %d", s, got, y, n/12)
			}
		}
	})
}
