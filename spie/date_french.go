package spie

import "strconv"

var (
	frenchDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frenchMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// French writes the date in words as a letter to a person does:
// « vendredi 20 janvier 2023 », « mardi 1er décembre 2026 ». A malformed
// date is returned as written.
func (d Date) French() string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return frenchDays[t.Weekday()] + " " + day + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
