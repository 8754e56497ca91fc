package spie

import "time"

// DateLayout is the layout of a calendar date in exchanged JSON (RFC 3339 full-date).
const DateLayout = "2006-01-02"

// Date is a calendar date written YYYY-MM-DD (JSON Schema format "date").
type Date string

// DateOf returns the calendar date of t, in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// JSONFormat returns the JSON Schema format of dates.
func (Date) JSONFormat() string { return "date" }

// Time returns the date at midnight UTC; ok is false for a malformed date.
func (d Date) Time() (t time.Time, ok bool) {
	y, m, day, ok := d.parts()
	if !ok {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC), true
}

// Valid reports whether d is a real calendar date written YYYY-MM-DD.
func (d Date) Valid() bool {
	_, _, _, ok := d.parts()
	return ok
}

// parts reads YYYY-MM-DD without allocating, with the same verdict as
// time.Parse(DateLayout): four-digit year, month 01–12, a day that exists.
func (d Date) parts() (y, m, day int, ok bool) {
	s := string(d)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	num := func(b string) (int, bool) {
		n := 0
		for i := 0; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	day, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || day < 1 || day > daysIn(m, y) {
		return 0, 0, 0, false
	}
	return y, m, day, true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d == "" }

// After reports whether d is strictly after e (both well formed). Well-formed
// dates compare as text.
func (d Date) After(e Date) bool {
	return d.Valid() && e.Valid() && d > e
}

// Before reports whether d is strictly before e (both well formed).
func (d Date) Before(e Date) bool { return e.After(d) }

// AddDays returns the date n days later (n may be negative); empty when d is malformed.
func (d Date) AddDays(n int) Date {
	t, ok := d.Time()
	if !ok {
		return ""
	}
	return DateOf(t.AddDate(0, 0, n))
}

// AddMonths returns the date n months later, clamped to the month's last day
// (31 January + 1 month is 28 or 29 February), as deadlines are counted in law.
func (d Date) AddMonths(n int) Date {
	t, ok := d.Time()
	if !ok {
		return ""
	}
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := t.Day()
	if day > last {
		day = last
	}
	return DateOf(time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC))
}

// DaysUntil returns the number of days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	a, ok1 := d.Time()
	b, ok2 := e.Time()
	if !ok1 || !ok2 {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// YearsBetween returns the age in whole years on date at of someone born on birth.
func YearsBetween(birth, at Date) (int, bool) {
	b, ok1 := birth.Time()
	a, ok2 := at.Time()
	if !ok1 || !ok2 {
		return 0, false
	}
	years := a.Year() - b.Year()
	if a.Month() < b.Month() || (a.Month() == b.Month() && a.Day() < b.Day()) {
		years--
	}
	return years, true
}

// MonthsBetween returns the whole months from a to b (negative when b is before a).
func MonthsBetween(a, b Date) (int, bool) {
	x, ok1 := a.Time()
	y, ok2 := b.Time()
	if !ok1 || !ok2 {
		return 0, false
	}
	m := (y.Year()-x.Year())*12 + int(y.Month()) - int(x.Month())
	if y.Day() < x.Day() {
		m--
	}
	return m, true
}
