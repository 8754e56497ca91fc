package main

import "github.com/spie-fr/socle/spie"

// today is the default of the --date flags: the date of c.now() in the
// territory of commune (spie.DateIn: mainland time when commune is empty), so
// that a run at 00:30 in Paris, 22:30 UTC, examines the new day. Commands
// reading one person's document give its commune; those over a whole file
// (cohort, indicators, label) read mainland time.
func (c *cli) today(commune spie.CommuneCode) spie.Date {
	return spie.DateIn(c.now(), string(commune))
}
