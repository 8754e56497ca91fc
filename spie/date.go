package spie

import "time"

// DateLayout is the layout of a calendar date in exchanged JSON (RFC 3339 full-date).
const DateLayout = "2006-01-02"

// Date is a calendar date written YYYY-MM-DD (JSON Schema format "date").
type Date string

// DateOf returns the calendar date of t, in t's location.
func DateOf(t time.Time) Date {
	if y, m, d := t.Date(); y >= 0 && y <= 9999 {
		return dateOf(y, int(m), d) // Format(DateLayout), written by hand
	}
	return Date(t.Format(DateLayout))
}

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

// AddMonths returns the date n months later (n may be negative) by the
// anniversary rule of article 641 of the code de procédure civile: a period
// expressed in months or years ends on the day of the last month that bears
// the same number as the starting day; failing that, on the last day of that
// month. So 31 January + 1 month is 28 February (29 in a leap year), and
// 29 February + 12 months is 28 February of a common year. Ages
// (YearsBetween), whole months (MonthsBetween) and every threshold counted in
// months or years follow this one rule. Empty when d is malformed.
func (d Date) AddMonths(n int) Date {
	y, m, day, ok := d.parts()
	if !ok {
		return ""
	}
	y, m, day = anniversary(y, m, day, n)
	if y < 0 || y > 9999 {
		return ""
	}
	return dateOf(y, m, day)
}

// dateOf writes YYYY-MM-DD (0 ≤ y ≤ 9999).
func dateOf(y, m, d int) Date {
	b := []byte("0000-00-00")
	for i, v := range [...]int{y / 1000, y / 100 % 10, y / 10 % 10, y % 10} {
		b[i] = byte('0' + v)
	}
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	return Date(b)
}

// anniversary is the rule of article 641 of the code de procédure civile on
// numbers: the date n months after y-m-day, its day clamped to the last day
// of the month reached.
func anniversary(y, m, day, n int) (int, int, int) {
	months := y*12 + (m - 1) + n
	y, m = floorDiv(months, 12), months-floorDiv(months, 12)*12+1
	return y, m, min(day, daysIn(m, y))
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// monthsFrom returns the whole months from a to b by the anniversary rule: the
// largest n (negative when b is before a) such that a + n months is not after
// b.
func monthsFrom(a, b Date) (int, bool) {
	ay, am, ad, ok1 := a.parts()
	by, bm, bd, ok2 := b.parts()
	if !ok1 || !ok2 {
		return 0, false
	}
	n := (by-ay)*12 + bm - am
	// a + n months falls in b's month; it is after b only when its day is.
	if _, _, d := anniversary(ay, am, ad, n); d > bd {
		n--
	}
	return n, true
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

// YearsBetween returns the age in whole years on date at of someone born on
// birth: the largest n such that birth + 12n months (AddMonths, article 641 of
// the code de procédure civile) is not after at. Someone born on 29 February
// is 26 on 28 February of a common year, the day AddMonths gives as their
// 26th birthday. ok is false when a date is malformed.
func YearsBetween(birth, at Date) (int, bool) {
	m, ok := monthsFrom(birth, at)
	if !ok {
		return 0, false
	}
	return floorDiv(m, 12), true
}

// MonthsBetween returns the whole months from a to b by the same rule: the
// largest n such that a.AddMonths(n) is not after b (negative when b is before
// a). From 31 January to 28 February 2026 is one month, as a one-month period
// starting on 31 January ends on 28 February (article 641 of the code de
// procédure civile). ok is false when a date is malformed.
func MonthsBetween(a, b Date) (int, bool) { return monthsFrom(a, b) }
