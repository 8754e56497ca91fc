package carnet_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// TestAttackMergeDayInTheTerritory: spie.DateIn is "the one place where an
// instant becomes an administrative date (rights, membership…)", and Apply
// judges membership on the person's calendar date. MergeRecorded judges the
// merging actor's membership on the UTC date (spie.DateOf(at.UTC()), and
// Replay likewise). For a person of La Réunion (commune 97411, UTC+4 all
// year, no DST: IANA Indian/Reunion), 21:00 UTC on 1 May 2025 is 2 May
// 01:00 there: a coordinator whose membership ended on 1 May (date_fin,
// inclusive) is refused by Apply at that instant, and must be by the merge.
func TestAttackMergeDayInTheTerritory(t *testing.T) {
	reunion := func(id string) func(*carnet.Carnet) {
		return func(c *carnet.Carnet) {
			c.ID = id
			c.Person.Commune = "97411"
			for i := range c.Members {
				if c.Members[i].Role == carnet.RoleCoordinateurSPIE {
					c.Members[i].End = "2025-05-01"
				}
			}
		}
	}
	a, b := open(t, reunion("c-a")), open(t, reunion("c-b"))
	late := time.Date(2025, 5, 1, 21, 0, 0, 0, time.UTC)
	pmsmp := carnet.Action{ID: "act-1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-05-01", ProposedBy: coord}
	fs := carnet.Apply(a, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "act-1", At: late, Value: pmsmp}, coord)
	require.NotEmpty(t, fs, "Apply : adhésion finie le 1er mai, 2 mai à La Réunion")
	refused := false
	for _, f := range fs {
		refused = refused || strings.HasPrefix(f.Code, "CARNET-DROITS-")
	}
	require.True(t, refused, "%v", fs)
	// control: on 2 May UTC the merge is refused (its rights do read the
	// coordinator's membership)
	m, mfs := carnet.MergeRecorded(a, b, coord, time.Date(2025, 5, 2, 10, 0, 0, 0, time.UTC))
	require.True(t, m == nil, "témoin : fusion le 2 mai UTC refusée")
	require.NotEmpty(t, mfs)
	m, mfs = carnet.MergeRecorded(a, b, coord, late)
	assert.True(t, m == nil, "fusion acceptée le 2 mai (heure de La Réunion) par un coordinateur sorti le 1er mai : %v", mfs)

	// and the other way: a coordinator who joins on 2 May merges at 01:00
	// on 2 May in La Réunion (21:00 UTC on 1 May); the merge is accepted
	// and its journal replays (Replay re-checks the merge's rights on the
	// same calendar day)
	joins := func(id string) func(*carnet.Carnet) {
		return func(c *carnet.Carnet) {
			c.ID = id
			c.Person.Commune = "97411"
			for i := range c.Members {
				if c.Members[i].Role == carnet.RoleCoordinateurSPIE {
					c.Members[i].Start = "2025-05-02"
				}
			}
		}
	}
	a, b = open(t, joins("c-a")), open(t, joins("c-b"))
	m, mfs = carnet.MergeRecorded(a, b, coord, late)
	require.True(t, m != nil, "fusion le 2 mai à La Réunion par un coordinateur arrivé le 2 mai : %v", mfs)
	_, rfs := carnet.Replay(m.Journal)
	assert.Empty(t, rfs, "le journal de la fusion se rejoue")
}
