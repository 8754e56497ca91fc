package spie_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

func TestDates(t *testing.T) {
	d := spie.Date("2026-01-31")
	t.Run("add months clamps to the month's end", func(t *testing.T) {
		assert.Equal(t, spie.Date("2026-02-28"), d.AddMonths(1))
		assert.Equal(t, spie.Date("2028-02-29"), spie.Date("2028-01-31").AddMonths(1))
		assert.Equal(t, spie.Date("2025-12-31"), d.AddMonths(-1))
	})
	t.Run("add days", func(t *testing.T) {
		assert.Equal(t, spie.Date("2026-02-01"), d.AddDays(1))
		assert.Equal(t, spie.Date(""), spie.Date("bad").AddDays(1))
	})
	t.Run("comparisons", func(t *testing.T) {
		assert.True(t, d.After("2026-01-30"))
		assert.False(t, d.After(d))
		assert.True(t, d.Before("2026-02-01"))
		assert.False(t, d.After("bad"))
		assert.Equal(t, 1, d.DaysUntil("2026-02-01"))
	})
	t.Run("age and months", func(t *testing.T) {
		age, ok := spie.YearsBetween("2000-06-15", "2026-06-14")
		assert.True(t, ok)
		assert.Equal(t, 25, age)
		age, _ = spie.YearsBetween("2000-06-15", "2026-06-15")
		assert.Equal(t, 26, age)
		m, _ := spie.MonthsBetween("2024-06-15", "2026-06-14")
		assert.Equal(t, 23, m)
		_, ok = spie.YearsBetween("x", "2026-06-15")
		assert.False(t, ok)
	})
	assert.Equal(t, spie.Date("2026-11-25"), spie.DateOf(time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC)))
}

func TestDateParsingAgreesWithTimeParse(t *testing.T) {
	for _, s := range []string{
		"2026-01-31", "2026-02-29", "2028-02-29", "1900-02-29", "2000-02-29", "2026-04-31", "2026-00-10",
		"2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-00", "+026-01-01", "2026-01-3a", "", "0000-01-01",
	} {
		t.Run(s, func(t *testing.T) {
			want, err := time.Parse(spie.DateLayout, s)
			got, ok := spie.Date(s).Time()
			assert.Equal(t, err == nil, ok)
			if ok {
				assert.True(t, want.Equal(got))
			}
			assert.Equal(t, err == nil, spie.Date(s).Valid())
		})
	}
}

func FuzzDateAgreesWithTimeParse(f *testing.F) {
	f.Add("2026-02-29")
	f.Add("2024-02-29")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := time.Parse(spie.DateLayout, s)
		got, ok := spie.Date(s).Time()
		if (err == nil) != ok || (ok && !want.Equal(got)) {
			t.Fatalf("%q : time.Parse %v %v, Date %v %v", s, want, err, got, ok)
		}
	})
}

// TestDateOfAgreesWithFormat: DateOf writes the date by hand; the oracle is
// time.Time.Format with DateLayout, on every day of several years (leap
// years, the first and last years written with four digits) and beyond
// them, in several locations.
func TestDateOfAgreesWithFormat(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	for _, loc := range []*time.Location{time.UTC, paris, time.FixedZone("UTC-4", -4*3600)} {
		for _, y := range []int{-1, 0, 1, 999, 1900, 2000, 2024, 2026, 9999, 10000} {
			for day := time.Date(y, 1, 1, 23, 30, 0, 0, time.UTC); day.Year() == y; day = day.AddDate(0, 0, 1) {
				at := day.In(loc)
				assert.Equal(t, at.Format(spie.DateLayout), string(spie.DateOf(at)), "%v", at)
			}
		}
	}
}
