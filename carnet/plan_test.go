package carnet_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
)

func TestProposePlan(t *testing.T) {
	d := healthDiagnostic("x")
	d.Freins["logement"] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen, PersonView: &diagnostic.PersonView{Priority: 1},
		Objectifs: []diagnostic.ObjectifItem{{Objectif: "acceder-a-un-logement", Status: "EN_COURS"}, {Objectif: "changer-de-logement", Status: "REALISE"}, {Objectif: "s-informer-demarches-logement"}}}
	d.Freins["garde-enfant"] = diagnostic.Frein{Impact: diagnostic.ImpactSansImpact}
	d.Freins["situation-financiere"] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen}
	d.Professional.Besoins["realiser-cv-lettre-motivation"] = diagnostic.BesoinBesoin
	d.Professional.Besoins["convaincre-en-entretien"] = diagnostic.BesoinPointFort
	plan := carnet.ProposePlan(d)
	var got []string
	for _, o := range plan {
		got = append(got, fmt.Sprintf("%s %s %s %s %d", o.ID, o.Thematique, o.Objectif, o.Source, o.Priority))
		assert.Equal(t, diagnostic.ObjectifEnCours, o.Status)
		assert.Equal(t, d.Date, o.Date)
	}
	assert.Equal(t, []string{
		// the person's priorities first: logement (1), then sante (2); realised objectifs are left out
		"obj-1 logement acceder-a-un-logement /freins/logement/objectifs/0 1",
		"obj-2 logement s-informer-demarches-logement /freins/logement/objectifs/2 2",
		"obj-3 sante  /freins/sante 3",
		// then the other freins, fort before moyen
		"obj-4 mobilite  /freins/mobilite 4",
		"obj-5 situation-financiere  /freins/situation-financiere 5",
		// then the besoins, in referential order
		"obj-6 emploi-formation trouver-sa-formation /situation_professionnelle/besoins/trouver-sa-formation 6",
		"obj-7 emploi-formation realiser-cv-lettre-motivation /situation_professionnelle/besoins/realiser-cv-lettre-motivation 7",
	}, got)
	for _, o := range plan {
		if o.Besoin != "" {
			assert.Equal(t, o.Besoin, mustBesoin(t, o.Objectif))
		}
	}
	assert.Nil(t, carnet.ProposePlan(nil))
	assert.Empty(t, carnet.ProposePlan(&diagnostic.Diagnostic{}))
}

func mustBesoin(t *testing.T, o diagnostic.Objectif) diagnostic.Besoin {
	t.Helper()
	b, ok := o.Besoin()
	require.True(t, ok)
	return b
}

func TestProposedPlanIsValid(t *testing.T) {
	d := healthDiagnostic("x")
	c := open(t, func(c *carnet.Carnet) {
		c.Diagnostic = d
		c.Objectifs = carnet.ProposePlan(d)
	})
	assert.Empty(t, c.CheckStructure("2025-04-01").Errors())
}

func TestLoadPolicy(t *testing.T) {
	tests := []struct {
		name string
		json string
		ok   bool
	}{
		{"défauts", `{}`, true},
		{"conservation de 36 mois", `{"conservation_mois": 36}`, true},
		{"conservation de 37 mois", `{"conservation_mois": 37}`, false},
		{"champ inconnu", `{"inconnu": 1}`, false},
		{"JSON illisible", `{`, false},
		{"secret statistique nul", `{"seuil_secret": 0}`, false},
		{"ancien nom, nul", `{"secret_statistique": 0}`, false},
		{"les deux noms, différents", `{"seuil_secret": 10, "secret_statistique": 11}`, false},
		{"fin d'expérimentation 2026-02-30", `{"fin_experimentation": "2026-02-30"}`, false},
		{"fin d'expérimentation 2026-12-31", `{"fin_experimentation": "2026-12-31"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, fs := carnet.LoadPolicy(stringsReader(tt.json))
			assert.Equal(t, tt.ok, len(fs) == 0, "%v", fs)
			if !tt.ok {
				assert.True(t, fs.HasCode("CARNET-POLITIQUE-01"))
				assert.Equal(t, carnet.DefaultPolicy(), p)
			}
		})
	}
	t.Run("seuil_secret", func(t *testing.T) {
		p, fs := carnet.LoadPolicy(stringsReader(`{"seuil_secret": 10}`))
		assert.Empty(t, fs)
		assert.Equal(t, 10, p.SecretThreshold)
		assert.Equal(t, 5, carnet.DefaultPolicy().SecretThreshold, "RULES.md §10: under 5 people")
	})
	t.Run("ancien nom secret_statistique : lu, avec un avertissement", func(t *testing.T) {
		p, fs := carnet.LoadPolicy(stringsReader(`{"secret_statistique": 11}`))
		assert.True(t, fs.Valid())
		assert.True(t, fs.Has("CARNET-POLITIQUE-02", "/secret_statistique"))
		assert.Equal(t, 11, p.SecretThreshold)
		p, fs = carnet.LoadPolicy(stringsReader(`{"secret_statistique": 11, "seuil_secret": 11}`))
		assert.True(t, fs.Valid())
		assert.Equal(t, 11, p.SecretThreshold)
	})
}
