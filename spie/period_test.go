package spie_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
)

// TestPeriodEnd: a period of n months from a date ends on the eve of the day
// article 641 of the code de procédure civile gives for its expiry (same
// number in the last month, else that month's last day), worked with a
// calendar.
func TestPeriodEnd(t *testing.T) {
	for _, c := range []struct {
		from spie.Date
		n    int
		want spie.Date
		why  string
	}{
		{"2026-01-01", 1, "2026-01-31", "1 January + 1 month = 1 February; eve 31 January"},
		{"2026-10-08", 1, "2026-11-07", "8 October + 1 month = 8 November; eve 7 November"},
		{"2026-01-31", 1, "2026-02-27", "31 January + 1 month = 28 February (no 31st); eve 27 February"},
		{"2028-01-31", 1, "2028-02-28", "leap year: 29 February; eve 28 February"},
		{"2026-02-01", 1, "2026-02-28", "1 February + 1 month = 1 March; eve 28 February"},
		{"2026-12-15", 1, "2027-01-14", "year carried"},
		{"2026-03-01", 6, "2026-08-31", "1 March + 6 months = 1 September; eve 31 August"},
		{"2026-02-30", 1, "", "malformed"},
		{"2026-03-01", 0, "", "no period of zero months"},
	} {
		t.Run(string(c.from), func(t *testing.T) {
			assert.Equal(t, c.want, c.from.PeriodEnd(c.n), c.why)
		})
	}
}

func ExampleDate_PeriodEnd() {
	fmt.Println(spie.Date("2026-10-08").PeriodEnd(1), spie.Date("2026-01-31").PeriodEnd(1))
	// Output: 2026-11-07 2026-02-27
}
