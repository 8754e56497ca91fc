package carnet_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// TestApplyReadsTheDateInThePersonsTerritory: the référent changes on
// 1 June 2026 (the outgoing one ends on 31 May, the incoming one starts on
// 1 June). Rights are judged on the date the person's territory reads, not on
// the UTC date: Paris is UTC+2 in June, La Réunion UTC+4, Guadeloupe UTC−4
// (no daylight saving overseas). Each instant is worked out from the local
// time in its name.
func TestApplyReadsTheDateInThePersonsTerritory(t *testing.T) {
	outgoing := referent
	incoming := carnet.Actor{Professional: "Luc Petit", StructureSIRET: siretML, Role: carnet.RoleReferent}
	for _, c := range []struct {
		name    string
		commune spie.CommuneCode
		at      time.Time
		actor   carnet.Actor
		allowed bool
	}{
		// 00:30 on 1 June in Laon = 22:30 UTC on 31 May.
		{"Laon 1er juin 00:30, entrant", "02408", time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC), incoming, true},
		{"Laon 1er juin 00:30, sortant", "02408", time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC), outgoing, false},
		// 23:30 on 31 May in Laon = 21:30 UTC.
		{"Laon 31 mai 23:30, sortant", "02408", time.Date(2026, 5, 31, 21, 30, 0, 0, time.UTC), outgoing, true},
		{"Laon 31 mai 23:30, entrant", "02408", time.Date(2026, 5, 31, 21, 30, 0, 0, time.UTC), incoming, false},
		// 00:30 on 1 June in Saint-Denis = 20:30 UTC on 31 May.
		{"Saint-Denis 1er juin 00:30, entrant", "97411", time.Date(2026, 5, 31, 20, 30, 0, 0, time.UTC), incoming, true},
		{"Saint-Denis 1er juin 00:30, sortant", "97411", time.Date(2026, 5, 31, 20, 30, 0, 0, time.UTC), outgoing, false},
		// 23:30 on 31 May in Pointe-à-Pitre = 03:30 UTC on 1 June.
		{"Pointe-à-Pitre 31 mai 23:30, sortant", "97120", time.Date(2026, 6, 1, 3, 30, 0, 0, time.UTC), outgoing, true},
		{"Pointe-à-Pitre 31 mai 23:30, entrant", "97120", time.Date(2026, 6, 1, 3, 30, 0, 0, time.UTC), incoming, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cn := open(t, func(b *carnet.Carnet) {
				b.Person.Commune = c.commune
				b.Members[1].End = "2026-05-31"
				b.Members = append(b.Members, carnet.Member{ID: "m-ref2", Role: carnet.RoleReferent, StructureSIRET: incoming.StructureSIRET, Professional: incoming.Professional, Start: "2026-06-01"})
			})
			fs := carnet.Apply(cn, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r1", At: c.at,
				Value: carnet.Contact{ID: "r1", Date: "2026-06-02", Kind: "rendez-vous", Channel: "presentiel", Result: "a-venir"}}, c.actor)
			if c.allowed {
				assert.Empty(t, fs)
				return
			}
			require.Len(t, fs, 1)
			assert.Equal(t, carnet.FaultRightsMember.Code, fs[0].Code, "%v", fs)
		})
	}
}
