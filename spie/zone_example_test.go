package spie_test

import (
	"fmt"
	"time"

	"github.com/spie-fr/socle/spie"
)

// At 22:30 UTC on 31 May 2026 it is 00:30 on 1 June in Laon (UTC+2 in
// summer), 18:30 on 31 May in Pointe-à-Pitre (UTC−4) and 02:30 on 1 June in
// Saint-Denis de La Réunion (UTC+4).
func ExampleDateIn() {
	at := time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC)
	fmt.Println(spie.DateIn(at, "02408"), spie.DateIn(at, "97120"), spie.DateIn(at, "97411"))
	// Output: 2026-06-01 2026-05-31 2026-06-01
}

func ExampleTimeZone() {
	fmt.Println(spie.TimeZone("2A004"), spie.TimeZone("973"))
	// Output: Europe/Paris America/Cayenne
}

// Someone born on 29 February 2000 turns 26 on 28 February 2026 (article 641
// of the code de procédure civile: no 29th, the last day of the month).
func ExampleYearsBetween() {
	fmt.Println(spie.Date("2000-02-29").AddMonths(26 * 12))
	age, _ := spie.YearsBetween("2000-02-29", "2026-02-28")
	fmt.Println(age)
	// Output:
	// 2026-02-28
	// 26
}

func ExampleTimeZoneNames() {
	fmt.Println(spie.TimeZoneNames())
	// Output: [America/Cayenne America/Guadeloupe America/Marigot America/Martinique America/Miquelon America/St_Barthelemy Europe/Paris Indian/Mayotte Indian/Reunion]
}
