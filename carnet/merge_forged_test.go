package carnet_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	examplefiles "github.com/spie-fr/socle/examples"
)

// TestAttackForgedDuplicateClaimsTheReferent (final review of issue 16): a
// coordinator member of the real carnet creates a backdated "duplicate"
// holding the real référent's item under the same (origine, id), ended, so
// that the merge — where the earlier entry wins — ends the real référent.
// A new carnet only holds its own items: the forged duplicate is refused at
// Create (CARNET-CHANGE-08), and a merge that would modify or end a
// référent item of either carnet needs the Designate right there.
func TestAttackForgedDuplicateClaimsTheReferent(t *testing.T) {
	b, err := examplefiles.Carnets.ReadFile("carnet/cej-jeune-laon.json")
	require.NoError(t, err)
	var real carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &real))
	forged := *real.Cloned()
	forged.ID = "aaa-forged"
	forged.Journal = nil
	for i := range forged.Members {
		if forged.Members[i].Role == carnet.RoleReferent {
			forged.Members[i].End = "2025-12-31" // origine stays the real carnet's
		}
	}
	carl := carnet.Actor{Professional: "Carl", StructureSIRET: "44400000400010", Role: carnet.RoleCoordinateurSPIE}
	_, fs := carnet.Create(forged, carl, time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC))
	assert.True(t, fs.HasCode("CARNET-CHANGE-08"), "%v", fs)
}
