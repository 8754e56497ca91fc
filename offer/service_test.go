package offer_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
)

func TestServiceCheck(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(m map[string]any)
		code  string
		path  string
		valid bool
	}{
		{"tous-publics combiné", set("publics", []any{"jeunes", "tous-publics"}), "OFFRE-PUBLICS-10", "/publics/1", false},
		{"date future", set("date_maj", "2026-03-16"), "OFFRE-DATE-03", "/date_maj", false},
		{"date trop ancienne", set("date_maj", "1999-12-31"), "OFFRE-DATE-02", "/date_maj", false},
		{"courriel invalide", set("courriel", "contact@localhost"), "OFFRE-COURRIEL-01", "/courriel", false},
		{"lien non http", set("lien_mobilisation", "ftp://exemple.fr"), "OFFRE-URL-01", "/lien_mobilisation", false},
		{"thématique inconnue", set("thematiques", []any{"mobilite"}), "OFFRE-VALEUR-01", "/thematiques/0", false},
		{"zone nom de région", set("zone_eligibilite", []any{"hauts-de-france"}), "OFFRE-ZONE-01", "/zone_eligibilite/0", false},
		{"zone commune inconnue", set("zone_eligibilite", []any{"02999"}), "OFFRE-ZONE-02", "/zone_eligibilite/0", true},
		{"zone département inconnu", set("zone_eligibilite", []any{"20"}), "OFFRE-ZONE-03", "/zone_eligibilite/0", true},
		{"code insee inconnu", set("code_insee", "02999"), "SPIE-COMMUNE-02", "/code_insee", true},
		{"champ inconnu", set("score_qualite", 0.5), "OFFRE-CHAMP-01", "/score_qualite", true},
		{"mobilisation sans téléphone", del("telephone"), "OFFRE-MOBILISATION-10", "/modes_mobilisation/0", true},
		{"description absente", del("description"), "OFFRE-REQUIS-01", "/description", false},
		{"source nulle", set("source", nil), "OFFRE-REQUIS-01", "/source", false},
		{"source vide", set("source", ""), "OFFRE-ID-01", "/source", true},
		{"type JSON", set("nom", 12), "OFFRE-JSON-01", "/nom", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := offertest.ValidService()
			tt.edit(d)
			_, fs := offer.DecodeService(mustJSON(t, d), now)
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			assert.Equal(t, tt.valid, fs.Valid(), "%v", fs)
		})
	}
	t.Run("valide", func(t *testing.T) {
		_, fs := offer.DecodeService(mustJSON(t, offertest.ValidService()), now)
		assert.Empty(t, fs)
	})
}

func TestStructureCheck(t *testing.T) {
	d := offertest.ValidStructure()
	_, fs := offer.DecodeStructure(mustJSON(t, d), now)
	assert.Empty(t, fs)
	d["siret"] = "13003013300017"
	_, fs = offer.DecodeStructure(mustJSON(t, d), now)
	assert.True(t, fs.Has("OFFRE-SIRET-01", "/siret"))
	assert.True(t, fs.Valid(), "a wrong SIRET key is only a warning")
}

func TestRoundTripKeepsUnknownFields(t *testing.T) {
	d := offertest.ValidService()
	d["score_qualite"] = 0.75
	d["extension"] = map[string]any{"b": []any{1, 2}}
	var s offer.Service
	require.NoError(t, json.Unmarshal(mustJSON(t, d), &s))
	out, err := json.Marshal(s)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, 0.75, back["score_qualite"])
	assert.Equal(t, map[string]any{"b": []any{1.0, 2.0}}, back["extension"])
	assert.Equal(t, "dora--svc1", back["id"])
}

func TestCatalogues(t *testing.T) {
	assert.Len(t, offer.Thematiques, 69)
	assert.Len(t, offer.Categories, 16)
	assert.Len(t, offer.Publics, 14)
	assert.Len(t, offer.TypesService, 6)
	assert.Len(t, offer.FraisList, 2)
	assert.Len(t, offer.ModesAccueil, 2)
	assert.Len(t, offer.ModesMobilisation, 4)
	assert.Len(t, offer.PersonnesMobilisatrices, 2)
	assert.Len(t, offer.ReseauxPorteurs, 108)
	for _, ds := range []spie.Definitions{offer.Thematiques, offer.Categories, offer.Publics, offer.TypesService, offer.FraisList,
		offer.ModesAccueil, offer.ModesMobilisation, offer.PersonnesMobilisatrices, offer.ReseauxPorteurs} {
		for _, d := range ds {
			assert.NotEmpty(t, d.Label.EN, d.Key)
		}
	}
	for _, th := range offer.Thematiques {
		assert.True(t, offer.Categories.Has(th.Group), th.Key)
	}
	// Every data·inclusion catégorie a SPIE thématique maps to exists.
	for _, d := range spie.Thematiques {
		for _, c := range d.Map[spie.MapDataInclusionCategorie] {
			assert.True(t, offer.Categories.Has(c), c)
		}
		for _, th := range d.Map[spie.MapDataInclusionThematique] {
			assert.True(t, offer.Thematiques.Has(th), th)
		}
	}
	for _, d := range spie.Publics {
		for _, p := range d.Map[spie.MapDataInclusionPublic] {
			assert.True(t, offer.Publics.Has(p), p)
		}
	}
	assert.NoError(t, spie.CheckFaultTypes())
}

func TestCatalogueKeysMatchReference(t *testing.T) {
	ref := referenceDir(t)
	for file, ds := range map[string]spie.Definitions{
		"Thematique.csv": offer.Thematiques, "Categorie.csv": offer.Categories, "Public.csv": offer.Publics,
		"TypeService.csv": offer.TypesService, "Frais.csv": offer.FraisList, "ModeAccueil.csv": offer.ModesAccueil,
		"ModeMobilisation.csv": offer.ModesMobilisation, "PersonneMobilisatrice.csv": offer.PersonnesMobilisatrices,
		"ReseauPorteur.csv": offer.ReseauxPorteurs,
	} {
		t.Run(file, func(t *testing.T) {
			keys, labels, groups := readCSV(t, ref+"/"+file)
			assert.Equal(t, keys, ds.Keys())
			for i, k := range keys {
				d, _ := ds.Get(k)
				assert.Equal(t, labels[i], d.Label.FR, k)
				if groups != nil {
					assert.Equal(t, groups[i], d.Group, k)
				}
			}
		})
	}
}

func ExampleService_Check() {
	var s offer.Service
	_ = json.Unmarshal([]byte(`{"source":"dora","structure_id":"dora--1","id":"dora--2",
		"nom":"Permis solidaire","description":"Préparer le permis B à tarif réduit.",
		"date_maj":"2025-06-01","publics":["tous-publics","jeunes"],"zone_eligibilite":["02","hauts-de-france"]}`), &s)
	for _, f := range s.Check(now) {
		fmt.Println(f.Path, f.Code, f.Severity)
	}
	// Output:
	// /publics/0 OFFRE-PUBLICS-10 error
	// /zone_eligibilite/1 OFFRE-ZONE-01 error
}

func set(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
func del(k string) func(map[string]any)        { return func(m map[string]any) { delete(m, k) } }
