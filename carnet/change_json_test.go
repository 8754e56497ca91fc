package carnet_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// A change proposed as JSON (by a widget) and applied by the partner's
// server gives the same carnet, journal included, as the change applied
// directly: the JSON names are the journal's.
func TestChangeTravelsAsJSON(t *testing.T) {
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	contact := carnet.Contact{ID: "rdv-json", Date: "2026-11-25", Kind: "rendez-vous", Channel: "presentiel", Result: "a-venir",
		StructureSIRET: "77500000300019", Professional: "Sarah Lefèvre", Comment: "Point d'étape"}
	ch := carnet.Change{Op: "ajouter", Target: "rendez_vous", ID: contact.ID, Value: contact, At: at}
	b, err := json.Marshal(ch)
	require.NoError(t, err)
	assert.JSONEq(t, `{"operation":"ajouter","cible":"rendez_vous","id_element":"rdv-json","horodatage":"2026-11-25T09:00:00Z",
"valeur":{"id":"rdv-json","date":"2026-11-25","type":"rendez-vous","canal":"presentiel","resultat":"a-venir","siret_structure":"77500000300019","professionnel":"Sarah Lefèvre","commentaire":"Point d'étape"}}`, string(b))
	var decoded carnet.Change
	require.NoError(t, json.Unmarshal(b, &decoded))

	referent := carnet.Actor{Role: "referent", StructureSIRET: "77500000300019", Professional: "Sarah Lefèvre"}
	direct, viaJSON := exampleCEJ(t), exampleCEJ(t)
	require.True(t, carnet.Apply(direct, ch, referent).Valid())
	require.True(t, carnet.Apply(viaJSON, decoded, referent).Valid())
	d, _ := json.Marshal(direct)
	v, _ := json.Marshal(viaJSON)
	assert.JSONEq(t, string(d), string(v))
}
