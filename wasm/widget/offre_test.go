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
		// Saint-Quentin has a position (GeoNames): every located service
		// of the example catalogue gets a distance, no "distance inconnue".
		if _, ok := r.Service.Point(); ok {
			assert.NotNil(t, r.DistanceKm, r.Service.ID)
		}
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

// The commune field of the offer search gets the faults every kind gives:
// its shape (SPIE-COMMUNE-01, no search) or, for a well-formed code, its
// existence in the Code officiel géographique (SPIE-COMMUNE-02, a warning;
// the search runs). 02691 is Saint-Quentin; 02999 names no commune (the
// Aisne's INSEE numbers stop at 834); "2691" has four characters.
func TestOffreSearchCommuneFaults(t *testing.T) {
	tests := []struct {
		code, want string
		results    bool
	}{
		{"02691", "", true},
		{"02999", "SPIE-COMMUNE-02", true},
		{"2691", "SPIE-COMMUNE-01", false},
		{"02000", "SPIE-COMMUNE-03", true}, // Laon's postal code (La Poste), no INSEE code
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c := &widget.OffreSearch{}
			fs := c.SearchCommuneForTest(tt.code)
			if tt.want == "" {
				assert.Empty(t, fs)
			} else {
				assert.Equal(t, []string{tt.want}, fs.Codes())
				assert.True(t, fs.Has(tt.want, "/commune"), "%v", fs)
			}
			assert.Equal(t, tt.results, c.Results() != nil, "%v", c.Results())
		})
	}
}
