package widget_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/wasm/widget"
)

func TestOffreSearchAndPrescription(t *testing.T) {
	c := &widget.OffreSearch{}
	c.Search()
	res := c.Results()
	require.NotEmpty(t, res, "le catalogue d'exemple doit répondre à Saint-Quentin")
	for _, r := range res {
		assert.NotEmpty(t, r.Reasons)
	}
	p := widget.NewPrescriptionForTest(res[0].Service, "02691")
	assert.False(t, p.Valid(), "une fiche vide est refusée")
	p.Fill("Camille Martin", "22020001800004", "P-1", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
	assert.True(t, p.Valid(), "%v", p.Faults())
	b, err := json.Marshal(p.Document())
	require.NoError(t, err)
	fs := schemas.Validate("prescription", b, schemas.WithNow(func() time.Time { return today }))
	assert.True(t, fs.Valid(), "%v", fs)
}
