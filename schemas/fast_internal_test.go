package schemas

import (
	"fmt"
	"testing"
	"time"
)

// TestIsDateMatchesTimeParse checks the fast date check against the one
// the JSON Schema validator runs, on every day of several years and on
// malformed strings.
func TestIsDateMatchesTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []string{"0000", "1900", "1999", "2000", "2024", "2025", "2100", "9999"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	cases = append(cases, "", "2024-1-01", "2024-01-1", "2024/01/01", "20240101", "2024-01-01T00:00:00Z",
		"+024-01-01", "2024-0a-01", "2024-01-01 ", " 2024-01-01", "２０２４-01-01", "2024--1-01", "-024-01-01")
	for _, s := range cases {
		_, err := time.Parse("2006-01-02", s)
		if got, want := isDate(s), err == nil; got != want {
			t.Errorf("isDate(%q) = %v, time.Parse dit %v", s, got, want)
		}
	}
}
