package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const exNetwork = "../../examples/network/"

type verbCase struct {
	name   string
	args   []string
	stdin  string
	code   int
	golden string // stdout golden; stderr goes to golden + ".stderr" when not empty
}

func runVerbCases(t *testing.T, verb string, tests []verbCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, code, errOut)
			if tc.golden != "" {
				goldenVerb(t, verb, tc.golden, out)
				goldenVerb(t, verb, tc.golden+".stderr", errOut)
			}
		})
	}
}

func TestCommitteeVerb(t *testing.T) {
	cal, req := exNetwork+"cto-laon-2023.json", exNetwork+"cto-laon-2023-demandes.json"
	bad, unknown := "testdata/committee/input-heure-invalide.json", "testdata/committee/input-champ-inconnu.json"
	runVerbCases(t, "committee", []verbCase{
		{"agenda json", []string{"committee", "--calendar", cal, "--requests", req, "--date", "2023-02-07"}, "", exitOK, "laon-2023-02-07.json"},
		{"agenda text", []string{"committee", "--calendar", cal, "--requests", req, "--date", "2023-02-07", "--format", "text"}, "", exitOK, "laon-2023-02-07.txt"},
		{"deadline instant 13:59", []string{"committee", "--calendar", cal, "--requests", req, "--date", "2023-01-16T13:59:30+01:00", "--format", "text"}, "", exitOK, "laon-2023-01-16-1359.txt"},
		{"indicators", []string{"committee", "--calendar", cal, "--requests", req, "--date", "2023-02-07", "--format", "indicateurs"}, "", exitOK, "laon-indicateurs.json"},
		{"calendar only", []string{"committee", "--calendar", cal, "--date", "2023-06-01", "--format", "text"}, "", exitOK, "laon-juin.txt"},
		{"invalid calendar", []string{"committee", "--calendar", bad, "--date", "2023-02-01"}, "", exitInvalid, "heure-invalide.json"},
		{"unknown field", []string{"committee", "--calendar", unknown}, "", exitInvalid, "champ-inconnu.txt"},
		// The calendar on the line, or from -: what --calendar gives.
		{"calendar on the line", []string{"committee", cal, "--requests", req, "--date", "2023-02-07"}, "", exitOK, "laon-2023-02-07.json"},
		{"missing calendar", []string{"committee"}, "", exitUsage, ""},
		{"two calendars", []string{"committee", cal, cal}, "", exitUsage, ""},
		{"calendar and requests both from stdin", []string{"committee", "-", "--requests", "-"}, "{}", exitUsage, ""},
		{"bad date", []string{"committee", "--calendar", cal, "--date", "07/02/2023"}, "", exitUsage, ""},
		{"bad format", []string{"committee", "--calendar", cal, "--format", "csv"}, "", exitUsage, ""},
		{"missing file", []string{"committee", "--calendar", "absent.json"}, "", exitUsage, ""},
	})
}

// TestCommitteeCalendarFromStdin: the calendar read from - gives the agenda
// it gives from its file.
func TestCommitteeCalendarFromStdin(t *testing.T) {
	cal, req := exNetwork+"cto-laon-2023.json", exNetwork+"cto-laon-2023-demandes.json"
	code, want, errOut := runCLI(t, "", "committee", cal, "--requests", req, "--date", "2023-02-07")
	assert.Equal(t, exitOK, code, errOut)
	b, err := os.ReadFile(cal)
	require.NoError(t, err)
	code, got, errOut := runCLI(t, string(b), "committee", "-", "--requests", req, "--date", "2023-02-07")
	assert.Equal(t, exitOK, code, errOut)
	assert.Equal(t, want, got)
}

func TestCommitteeVerbInvalidFaults(t *testing.T) {
	bad := "testdata/committee/input-heure-invalide.json"
	code, out, _ := runCLI(t, "", "committee", "--calendar", bad, "--date", "2023-02-01")
	assert.Equal(t, exitInvalid, code)
	assert.True(t, strings.Contains(out, `"code": "CTO-HEURE-01"`), out)
	assert.True(t, strings.Contains(out, `"path": "/seances/0/heure"`), out)
}
