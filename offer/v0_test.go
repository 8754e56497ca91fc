package offer_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func TestConvertServiceV0(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "v0-service.json"))
	require.NoError(t, err)
	conv, err := offer.ConvertV0(b)
	require.NoError(t, err)
	s := conv.Service
	require.NotNil(t, s)
	assert.Equal(t, offer.TypeService("aide-materielle"), *s.Type)
	assert.Equal(t, []offer.Thematique{"equipement-et-alimentation--alimentation", "difficultes-financieres--ameliorer-sa-gestion-budgetaire"}, s.Thematiques)
	assert.Equal(t, offer.FraisGratuit, *s.Frais)
	assert.Equal(t, []offer.Public{"familles", "beneficiaires-des-minimas-sociaux", "actifs"}, s.Publics)
	assert.Contains(t, *s.ConditionsAcces, "locataire")
	assert.Contains(t, *s.ConditionsAcces, "Quotient familial")
	assert.Equal(t, []offer.ModeMobilisation{"envoyer-un-courriel", "se-presenter", "telephoner", "utiliser-lien-mobilisation"}, s.ModesMobilisation)
	assert.Equal(t, []offer.PersonneMobilisatrice{"usagers", "professionnels"}, s.MobilisablePar)
	assert.Equal(t, "https://exemple.fr/rdv", *s.LienMobilisation)
	assert.Equal(t, []offer.ZoneCode{"02", "59", "60", "62", "80"}, s.ZoneEligibilite, "a region becomes its départements")
	assert.True(t, s.Check(now).Valid(), "%v", s.Check(now))

	paths := map[string]bool{}
	for _, l := range conv.Losses {
		paths[l.Path] = true
	}
	for _, p := range []string{"/types/1", "/types/2", "/thematiques/2", "/frais/0", "/profils/2", "/page_web", "/presentation_resume", "/zone_diffusion_nom", "/cumulable", "/recurrence"} {
		assert.True(t, paths[p], "perte attendue en %s : %+v", p, conv.Losses)
	}
}

func TestConvertStructureV0(t *testing.T) {
	conv, err := offer.ConvertV0([]byte(`{"id":"dora--s1","source":"dora","nom":"CCAS de Laon","date_maj":"2025-01-02","siret":"13003013300016",
		"typologie":"CCAS","labels_nationaux":["france-service","apec"],"labels_autres":["Label local"],"presentation_resume":"Le CCAS de Laon.","antenne":false}`))
	require.NoError(t, err)
	require.NotNil(t, conv.Structure)
	assert.Equal(t, []offer.ReseauPorteur{"ccas-cias", "france-service"}, conv.Structure.ReseauxPorteurs)
	assert.Equal(t, "Le CCAS de Laon.", *conv.Structure.Description)
	assert.Len(t, conv.Losses, 3, "%+v", conv.Losses) // apec, label local, antenne
	assert.True(t, conv.Structure.Check(now).Valid())
}

func TestV0Correspondences(t *testing.T) {
	for name, c := range map[string]struct {
		ds      spie.Definitions
		mapping string
		target  spie.Definitions
	}{
		"thématiques": {offer.V0Thematiques, offer.MapV1Thematique, offer.Thematiques},
		"profils":     {offer.V0Profils, offer.MapV1Public, offer.Publics},
		"frais":       {offer.V0Frais, offer.MapV1Frais, offer.FraisList},
		"labels":      {offer.V0LabelsNationaux, offer.MapV1ReseauPorteur, offer.ReseauxPorteurs},
		"typologies":  {offer.V0Typologies, offer.MapV1ReseauPorteur, offer.ReseauxPorteurs},
		"types":       {offer.V0Types, offer.MapV1Type, offer.TypesService},
	} {
		t.Run(name, func(t *testing.T) {
			assert.NotEmpty(t, c.ds)
			for _, d := range c.ds {
				for _, v := range d.Map[c.mapping] {
					assert.True(t, c.target.Has(v), "%s → %s", d.Key, v)
				}
			}
		})
	}
	_, err := offer.ConvertV0([]byte(`[1]`))
	assert.Error(t, err)
	b, _ := json.Marshal(map[string]any{"structure_id": 3})
	_, err = offer.ConvertV0(b)
	assert.Error(t, err)
}
