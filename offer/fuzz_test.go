package offer_test

import (
	"bytes"
	"testing"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

// Decoding, checking, loading and converting never panic on any input.
func FuzzDecode(f *testing.F) {
	f.Add(mustJSON(f, offertest.ValidService()))
	f.Add(mustJSON(f, offertest.ValidStructure()))
	f.Add([]byte(`{"zone_eligibilite":[null,"2A",3],"publics":"x","nombre_semaines":1e400}`))
	f.Add([]byte(`[{"structure_id":"x","types":[1]},`))
	f.Add([]byte(`{"structure_id":"s","zone_diffusion_type":"region","zone_diffusion_code":null,"profils":["tous-publics","femmes"]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, fs := offer.DecodeService(b, now); s != nil {
			_ = offer.CompletenessOf(s, now)
			_ = fs.Valid()
		}
		_, _ = offer.DecodeStructure(b, now)
		_, _ = offer.ConvertV0(b)
		svs, _ := offer.LoadServices(bytes.NewReader(b), now, nil)
		c, _ := offer.NewCatalogue(svs, nil)
		_, _ = c.Search(offer.Query{Thematiques: []string{"mobilite"}, Commune: "02408", Point: &offer.Point{Lat: 49, Lon: 3}, RadiusKm: 30, Now: now})
		_ = c.Duplicates()
	})
}
