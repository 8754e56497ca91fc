package carnet_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	examplefiles "github.com/spie-fr/socle/examples"
)

// TestForgedViewMarkIsNoPass: a forger takes a carnet without its journal,
// adds itself as co-référent with the person's consent, and marks the
// document as a view ("vue": {}) so that View skips the verification of the
// journal. A view is only ever narrowed for the viewer it was computed for:
// for anyone else, nothing of its content is shown.
func TestForgedViewMarkIsNoPass(t *testing.T) {
	b, err := examplefiles.Carnets.ReadFile("carnet/cej-jeune-laon.json")
	require.NoError(t, err)
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &c))
	forger := carnet.Actor{Professional: "Intrus", StructureSIRET: "44400000400010", Role: carnet.RoleCoReferent}
	c.Journal = nil
	c.Members = append(c.Members, carnet.Member{ID: "m-intrus", Role: forger.Role, StructureSIRET: forger.StructureSIRET, Professional: forger.Professional, Start: "2025-09-01"})
	c.Consents = append(c.Consents, carnet.SharingConsent{ID: "k-intrus", StructureSIRET: forger.StructureSIRET, Date: "2025-09-01", Scope: []carnet.Section{"personne", "diagnostic", "membres", "plan", "rendez-vous"}})
	c.Mark = &carnet.ViewMark{}
	v := carnet.View(&c, carnet.Viewer{Actor: forger, On: "2026-06-30"})
	assert.Nil(t, v.Diagnostic, "diagnostic montré au faussaire")
	assert.Empty(t, v.Members, "membres montrés au faussaire")
	assert.Empty(t, v.Actions, "plan montré au faussaire")

	// the view the server computed for a viewer is narrowed again for that
	// viewer, without verification (the widget's case)
	ref := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: carnet.RoleReferent}
	var real carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &real))
	view := carnet.View(&real, carnet.Viewer{Actor: ref, On: "2026-06-30"})
	require.NotNil(t, view.Mark)
	again := carnet.View(view, carnet.Viewer{Actor: ref, On: "2026-06-30"})
	assert.NotEmpty(t, again.Actions)
}
