package carnet_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

func TestCodeListsAreSound(t *testing.T) {
	lists := map[string]spie.Definitions{
		"roles": carnet.Roles, "contrats": carnet.ContractTypes, "amenagements": carnet.AdjustmentKinds,
		"motifs": carnet.AdjustmentReasons, "statuts": carnet.ActionStatuses, "canaux": carnet.Channels,
		"contacts": carnet.ContactKinds, "resultats": carnet.ContactResults, "jalons": carnet.MilestoneKinds,
		"sections": carnet.Sections, "acces": carnet.Accesses, "operations": carnet.Operations, "cibles": carnet.Targets,
		"suivi": carnet.FollowUpStates, "indicateurs": carnet.Indicators,
	}
	for name, ds := range lists {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, ds.Check())
			for _, d := range ds {
				assert.NotEmpty(t, d.Label.EN, d.Key)
				assert.NotEmpty(t, d.Source, d.Key)
			}
		})
	}
	for _, d := range carnet.Targets {
		assert.True(t, carnet.Sections.Has(string(carnet.Target(d.Key).Section())), d.Key)
	}
	for _, d := range carnet.ActionStatuses {
		s := carnet.ActionStatus(d.Key)
		assert.NotEqual(t, s.Active(), s.Ended(), d.Key)
	}
}

func TestFaultCodes(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
	n := 0
	for _, ft := range spie.FaultTypes() {
		if strings.HasPrefix(ft.Code, "CARNET-") {
			n++
		}
	}
	assert.Greater(t, n, 60)
}
