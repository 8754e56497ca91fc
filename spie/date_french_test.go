package spie_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
)

// Days of the week checked on a calendar: 20 January 2023 was a Friday,
// 1 December 2026 is a Tuesday, 29 February 2028 a Tuesday.
func TestDateFrench(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2023-01-20", "vendredi 20 janvier 2023"},
		{"2026-12-01", "mardi 1er décembre 2026"},
		{"2028-02-29", "mardi 29 février 2028"},
		{"2026-13-01", "2026-13-01"},
		{"", ""},
	} {
		assert.Equal(t, tc.want, spie.Date(tc.in).French(), tc.in)
	}
}

func ExampleDate_French() {
	fmt.Println(spie.Date("2026-10-13").French())
	// Output: mardi 13 octobre 2026
}
