package offer_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
)

// Keys are matched exactly, as data·inclusion's pydantic models match them
// (a model ignores "NOM" and reads "nom"): a member whose name differs from
// a field's only by case is kept in Extra, never decoded into the field.
func TestDecodeExactKeys(t *testing.T) {
	tests := []struct {
		name      string
		doc       string
		nom, date string
		extra     []string
	}{
		{"NOM en plus", `{"nom":"Atelier CV","NOM":"Autre nom"}`, "Atelier CV", "", []string{"NOM"}},
		{"NOM avant nom", `{"NOM":"Autre nom","nom":"Atelier CV"}`, "Atelier CV", "", []string{"NOM"}},
		{"Nom seul", `{"Nom":"Atelier CV"}`, "", "", []string{"Nom"}},
		// The case: date_maj 2099 beside Date_Maj 2025; only
		// date_maj is the field.
		{"date_maj et Date_Maj", `{"date_maj":"2099-01-01","Date_Maj":"2025-01-01"}`, "", "2099-01-01", []string{"Date_Maj"}},
		{"Source nombre", `{"Source":123}`, "", "", []string{"Source"}},
		// A repeated key: the last member counts, as in the models.
		{"nom répété", `{"nom":"Premier","nom":"Second"}`, "Second", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s offer.Service
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &s))
			assert.Equal(t, tt.nom, s.Nom)
			assert.Equal(t, offer.Date(tt.date), s.DateMaj)
			var extra []string
			for k := range s.Extra {
				extra = append(extra, k)
			}
			assert.ElementsMatch(t, tt.extra, extra)

			var st offer.Structure
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &st))
			assert.Equal(t, tt.nom, st.Nom)
			assert.Equal(t, offer.Date(tt.date), st.DateMaj)
		})
	}
}

// Every code list of v1 is the one of DataInclusionVersion: moving to
// another version names each list to bring along.
func TestCodeListsVersion(t *testing.T) {
	for name, ds := range map[string]spie.Definitions{
		"categories": offer.Categories, "thematiques": offer.Thematiques, "publics": offer.Publics,
		"types": offer.TypesService, "frais": offer.FraisList, "modes_accueil": offer.ModesAccueil,
		"modes_mobilisation": offer.ModesMobilisation, "personnes_mobilisatrices": offer.PersonnesMobilisatrices,
		"reseaux_porteurs": offer.ReseauxPorteurs,
	} {
		for _, d := range ds {
			assert.Equal(t, "data·inclusion v"+offer.DataInclusionVersion, d.Source, "%s : %s", name, d.Key)
		}
	}
}

// OFFRE-COORDONNEES-01 points at the coordinate that is wrong.
func TestCoordinatesFaultPath(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon any
		paths    []string
	}{
		{"longitude hors bornes", 49.5, 181.0, []string{"/longitude"}},
		{"latitude hors bornes", -90.5, 3.6, []string{"/latitude"}},
		{"les deux", 91.0, -181.0, []string{"/latitude", "/longitude"}},
		{"longitude absente", 49.5, nil, []string{"/longitude"}},
		{"latitude absente", nil, 3.6, []string{"/latitude"}},
		{"bornes comprises", 90.0, -180.0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := offertest.ValidService()
			m["latitude"], m["longitude"] = tt.lat, tt.lon
			b, err := json.Marshal(m)
			require.NoError(t, err)
			_, fs := offer.DecodeService(b, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
			var paths []string
			for _, f := range fs {
				if f.Code == offer.FaultCoordinates.Code {
					paths = append(paths, f.Path)
				}
			}
			assert.Equal(t, tt.paths, paths)
		})
	}
}
