package offer_test

import (
	"bytes"
	"encoding/json"
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

// The normalisation keeps a readable object readable, loses no member of
// the model (each member of the output was in the input, and each field of
// the input is in the output), and is a fixed point: normalising its output
// again changes nothing and warns of nothing.
func FuzzNormalizeService(f *testing.F) {
	f.Add(mustJSON(f, offertest.ValidService()))
	f.Add([]byte(`{"nom":"a","nom":"b","publics":["jeunes","jeunes"],"date_maj":"2025-06-01 00:00","latitude":" 1_0 ","nombre_semaines":true,"courriel":"A <a@B.fr>","lien_source":"https:x.fr/a b"}`))
	f.Add([]byte(`{"date_maj":1748736000000,"longitude":1e999,"volume_horaire_hebdomadaire":"-inf","thematiques":[1,1,"a","a"]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, warnings := offer.NormalizeService(b)
		if len(warnings) == 0 {
			if !bytes.Equal(out, b) {
				t.Fatalf("changé sans avertissement : %q → %q", b, out)
			}
			return
		}
		var in, got map[string]json.RawMessage
		if err := json.Unmarshal(b, &in); err != nil {
			t.Fatalf("normalisé alors qu'illisible : %q", b)
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("sortie illisible %q de %q", out, b)
		}
		for k := range in {
			if _, ok := got[k]; !ok {
				t.Fatalf("membre %q perdu : %q → %q", k, b, out)
			}
		}
		for k := range got {
			if _, ok := in[k]; !ok {
				t.Fatalf("membre %q ajouté : %q → %q", k, b, out)
			}
		}
		again, ws := offer.NormalizeService(out)
		if len(ws) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("pas un point fixe : %q → %q → %q (%v)", b, out, again, ws)
		}
	})
}
