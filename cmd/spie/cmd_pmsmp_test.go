package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

const exPMSMP = "../../examples/convention-pmsmp/"

func TestPMSMPVerb(t *testing.T) {
	valid, invalid := exPMSMP+"mineur-boulangerie-laon.json", exPMSMP+"invalid/un-mois-depasse-sans-employeur.json"
	runVerbCases(t, "pmsmp", []verbCase{
		{"valid text", []string{"pmsmp", valid}, "", exitOK, "laon.txt"},
		{"valid json", []string{"pmsmp", "--format", "json", valid}, "", exitOK, "laon.json"},
		{"two files text", []string{"pmsmp", "--date", "2026-04-10", valid, invalid}, "", exitInvalid, "deux-fichiers.txt"},
		{"file and stdin json", []string{"pmsmp", "--format", "json", valid, "-"}, "{oops\n", exitInvalid, "fichier-et-entree.ndjson"},
		{"signed after the given date", []string{"pmsmp", "--date", "2026-04-06", valid}, "", exitInvalid, ""},
		{"bad format", []string{"pmsmp", "--format", "csv", valid}, "", exitUsage, ""},
		{"bad date", []string{"pmsmp", "--date", "10/04/2026", valid}, "", exitUsage, ""},
		{"no file", []string{"pmsmp"}, "", exitUsage, ""},
		{"missing file", []string{"pmsmp", "absent.json"}, "", exitUsage, ""},
		{"empty input", []string{"pmsmp", "-"}, " \n", exitUsage, ""},
	})
}

// pmsmpDoc reads the valid example and applies edit.
func pmsmpDoc(t *testing.T, edit func(*offer.Convention)) string {
	t.Helper()
	b, err := os.ReadFile(exPMSMP + "mineur-boulangerie-laon.json")
	require.NoError(t, err)
	var c offer.Convention
	require.NoError(t, json.Unmarshal(b, &c))
	edit(&c)
	out, err := json.Marshal(c)
	require.NoError(t, err)
	return string(out)
}

// TestPMSMPVerbHistory: the conventions read together are the person's
// history (D5135-3): a renewal of the example (4–8 May), then a second
// renewal of the same convention (11–15 May), which the text refuses
// (« renouvelée une fois »): the later one carries the fault.
func TestPMSMPVerbHistory(t *testing.T) {
	notMet := false
	initial := pmsmpDoc(t, func(c *offer.Convention) { c.ObjectiveMet = &notMet })
	renewal := func(id string, first int) string {
		return pmsmpDoc(t, func(c *offer.Convention) {
			c.ID, c.RenewalOf, c.RenewalReason = id, "pmsmp-laon-2026-0142", "Le façonnage reste à découvrir."
			c.Start, c.End = spie.Date(fmt.Sprintf("2026-05-%02d", first)), spie.Date(fmt.Sprintf("2026-05-%02d", first+4))
			c.Schedule = nil
			for d := first; d <= first+4; d++ {
				c.Schedule = append(c.Schedule, offer.PMSMPDay{Date: spie.Date(fmt.Sprintf("2026-05-%02d", d)), Periods: []offer.PMSMPTimeRange{{Start: "09:00", End: "12:00"}}})
			}
		})
	}
	in := initial + "\n" + renewal("r1", 4) + "\n"
	code, out, errOut := runCLI(t, in, "pmsmp", "--format", "json", "-")
	assert.Equal(t, exitOK, code, "%s\n%s", out, errOut)

	in += renewal("r2", 11) + "\n"
	code, out, _ = runCLI(t, in, "pmsmp", "--format", "json", "-")
	assert.Equal(t, exitInvalid, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	for i, want := range []bool{true, true, false} {
		var r struct {
			Valid  bool `json:"valide"`
			Faults []struct {
				Code, Path string
			} `json:"faults"`
		}
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &r))
		assert.Equal(t, want, r.Valid, lines[i])
		if !want {
			assert.Equal(t, "PMSMP-RENOUVELLEMENT-10", r.Faults[0].Code, lines[i])
			assert.Equal(t, "/renouvellement_de", r.Faults[0].Path, lines[i])
		}
	}
}
