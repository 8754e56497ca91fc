package carnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// TestThresholdsForALeapDayBirth: someone born on 29 February 2000 reaches 26
// on 28 February 2026 — article 641 of the code de procédure civile: a period
// in years ends on the day with the same number, failing that on the last day
// of the month, and February 2026 has no 29th. The CEJ is open until the day
// before the 26th birthday (16 to 25 at start, Policy.CEJMaxAge) and a PACEA
// ends at the latest on the 26th birthday (Policy.PACEAEndAge): the age test
// and the birthday test must agree on that day.
func TestThresholdsForALeapDayBirth(t *testing.T) {
	const birth = "2000-02-29"
	cej := func(start string) carnet.Contract {
		return carnet.Contract{ID: "k", Type: carnet.ContractCEJ, Start: spie.Date(start), SignedOn: spie.Date(start), End: spie.Date(start).AddMonths(6).AddDays(-1), WeeklyHours: 15}
	}
	pacea := func(end string) carnet.Contract {
		return carnet.Contract{ID: "k", Type: carnet.ContractPACEA, Start: "2025-09-01", SignedOn: "2025-09-01", End: spie.Date(end), WeeklyHours: 15}
	}
	for _, c := range []struct {
		name string
		k    carnet.Contract
		code string // "" : no fault
	}{
		{"CEJ commencé le 27 février 2026, à 25 ans", cej("2026-02-27"), ""},
		{"CEJ commencé le 28 février 2026, jour des 26 ans", cej("2026-02-28"), "CARNET-CEJ-10"},
		{"CEJ commencé le 1er mars 2026", cej("2026-03-01"), "CARNET-CEJ-10"},
		{"PACEA finissant le 28 février 2026, jour des 26 ans", pacea("2026-02-28"), ""},
		{"PACEA finissant le 1er mars 2026", pacea("2026-03-01"), "CARNET-PACEA-12"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := withContract(birth, false, c.k).CheckContracts(policy)
			if c.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.True(t, fs.HasCode(c.code), "%v", fs)
		})
	}
}
