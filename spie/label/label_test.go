package label_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/label"
)

var update = flag.Bool("update", false, "rewrite golden files")

const evalDate = spie.Date("2024-03-15")

func load(t *testing.T, name string) *label.Application {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "network", name))
	require.NoError(t, err)
	a, err := label.DecodeApplication(b)
	require.NoError(t, err)
	return a
}

func TestExamplesGolden(t *testing.T) {
	tests := []struct {
		file   string
		status label.Status
	}{
		{"label-melun-labellisee.json", label.StatusLabellisee},
		{"label-meaux-a-completer.json", label.StatusACompleter},
		{"label-refusee.json", label.StatusRefusee},
		{"label-melun-reevaluation-suspendue.json", label.StatusSuspendue},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			ev, fs := label.Evaluate(load(t, tc.file), label.DefaultCharter(), evalDate)
			assert.Empty(t, fs)
			assert.Equal(t, tc.status, ev.Status)
			got, err := json.MarshalIndent(ev, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(tc.file, ".json")+".golden.json")
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "lancez go test -update")
			assert.JSONEq(t, string(want), string(got))
		})
	}
}

func TestLabelledValidityAndFirstLapse(t *testing.T) {
	ev, _ := label.Evaluate(load(t, "label-melun-labellisee.json"), label.DefaultCharter(), evalDate)
	assert.Equal(t, spie.Date("2027-03-15"), ev.ValidUntil)
	require.NotNil(t, ev.FirstLapse)
	assert.Equal(t, label.Lapse{Code: "offre-publiee", Date: "2024-07-20"}, *ev.FirstLapse)
	assert.Empty(t, ev.Missing)
}

func TestMissingCriteriaListed(t *testing.T) {
	ev, _ := label.Evaluate(load(t, "label-meaux-a-completer.json"), label.DefaultCharter(), evalDate)
	assert.Equal(t, []string{"outils-communs", "referent-spie", "offre-publiee", "reponse-72h"}, ev.Missing)
	assert.Empty(t, ev.ValidUntil)
	assert.Nil(t, ev.FirstLapse)
	ev, _ = label.Evaluate(load(t, "label-refusee.json"), label.DefaultCharter(), evalDate)
	assert.Contains(t, ev.Missing, "structure-identifiee")
	assert.Contains(t, ev.Missing, "chartes-signees")
}

func TestBoundaries(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *label.Application)
		date   spie.Date
		status label.Status
		miss   string
	}{
		{"training 36 months minus a day", func(a *label.Application) {
			a.TrainedProfessionals = []label.TrainedProfessional{{Name: "X", Date: "2021-03-16"}}
		}, evalDate, label.StatusLabellisee, ""},
		{"training exactly 36 months old", func(a *label.Application) {
			a.TrainedProfessionals = []label.TrainedProfessional{{Name: "X", Date: "2021-03-15"}}
		}, evalDate, label.StatusACompleter, "professionnel-forme"},
		{"offer updated 6 months minus a day ago", func(a *label.Application) { a.Offer.UpdatedAt = "2023-09-16" }, evalDate, label.StatusLabellisee, ""},
		{"offer updated 6 months ago", func(a *label.Application) { a.Offer.UpdatedAt = "2023-09-15" }, evalDate, label.StatusACompleter, "offre-publiee"},
		{"90 % answered in time", func(a *label.Application) { a.Prescriptions.Received, a.Prescriptions.AnsweredInTime = 100, 90 }, evalDate, label.StatusLabellisee, ""},
		{"89 % answered in time", func(a *label.Application) { a.Prescriptions.Received, a.Prescriptions.AnsweredInTime = 100, 89 }, evalDate, label.StatusACompleter, "reponse-72h"},
		{"count made with a longer delay", func(a *label.Application) { a.Prescriptions.DelayHours = 96 }, evalDate, label.StatusACompleter, "reponse-72h"},
		{"no prescription yet", func(a *label.Application) { a.Prescriptions.Received, a.Prescriptions.AnsweredInTime = 0, 0 }, evalDate, label.StatusACompleter, "reponse-72h"},
		{"invalid SIRET refuses", func(a *label.Application) { a.Structure.SIRET = "77501234700017" }, evalDate, label.StatusRefusee, "structure-identifiee"},
		// Luhn holds on the 14 digits (sum 50) but not on the SIREN 732829321
		// (sum 41): the structure is not identified.
		{"SIRET with a wrong SIREN part refuses", func(a *label.Application) { a.Structure.SIRET = "73282932100015" }, evalDate, label.StatusRefusee, "structure-identifiee"},
		{"not a network member refuses", func(a *label.Application) { a.Structure.NetworkMember = false }, evalDate, label.StatusRefusee, "structure-identifiee"},
		{"data agreement ended refuses", func(a *label.Application) { a.SignedCharters[1].End = "2024-03-15" }, evalDate, label.StatusRefusee, "chartes-signees"},
		{"data agreement ends tomorrow", func(a *label.Application) { a.SignedCharters[1].End = "2024-03-16" }, evalDate, label.StatusLabellisee, ""},
		{"referent without contact", func(a *label.Application) { a.Referent = &label.ReferentSPIE{Name: "Y"} }, evalDate, label.StatusACompleter, "referent-spie"},
		{"current label, all met: stays labelled", func(a *label.Application) {
			a.CurrentLabel = &label.CurrentLabel{Granted: "2022-01-10", ValidUntil: "2025-01-10"}
		}, evalDate, label.StatusLabellisee, ""},
		{"current label, a criterion lapsed: suspended", func(a *label.Application) {
			a.CurrentLabel = &label.CurrentLabel{Granted: "2022-01-10", ValidUntil: "2025-01-10"}
			a.Participation = nil
		}, evalDate, label.StatusSuspendue, "participation-usagers"},
		{"expired label: evaluated anew", func(a *label.Application) {
			a.CurrentLabel = &label.CurrentLabel{Granted: "2021-01-10", ValidUntil: "2024-01-10"}
			a.Participation = nil
		}, evalDate, label.StatusACompleter, "participation-usagers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := load(t, "label-melun-labellisee.json")
			tc.change(a)
			ev, _ := label.Evaluate(a, label.DefaultCharter(), tc.date)
			assert.Equal(t, tc.status, ev.Status)
			if tc.miss != "" {
				assert.Contains(t, ev.Missing, tc.miss)
			} else {
				assert.Empty(t, ev.Missing)
			}
		})
	}
}

func TestSuspensionKeepsLabelEnd(t *testing.T) {
	ev, _ := label.Evaluate(load(t, "label-melun-reevaluation-suspendue.json"), label.DefaultCharter(), evalDate)
	assert.Equal(t, label.StatusSuspendue, ev.Status)
	assert.Equal(t, spie.Date("2024-06-01"), ev.ValidUntil)
	assert.Equal(t, []string{"professionnel-forme"}, ev.Missing)
}

func TestDefaultCharterIsSound(t *testing.T) {
	c := label.DefaultCharter()
	assert.Empty(t, c.Check())
	assert.Len(t, c.Criteria, 8)
	blocking := []string{}
	for _, cr := range c.Criteria {
		if cr.Blocking {
			blocking = append(blocking, cr.Code)
		}
	}
	assert.Equal(t, []string{"structure-identifiee", "chartes-signees"}, blocking)
	for _, defs := range []spie.Definitions{label.Rules, label.EvidenceKinds, label.Statuses, label.CharterKinds, label.ParticipationKinds} {
		assert.NoError(t, defs.Check())
	}
}

func TestInvalidCharter(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *label.Charter)
		code   string
		path   string
	}{
		{"no name", func(c *label.Charter) { c.Name = "" }, "LABEL-CHARTE-01", "/nom"},
		{"no criterion", func(c *label.Charter) { c.Criteria = nil }, "LABEL-CHARTE-02", "/criteres"},
		{"validity", func(c *label.Charter) { c.ValidityYears = 11 }, "LABEL-CHARTE-03", "/duree_validite_annees"},
		{"code", func(c *label.Charter) { c.Criteria[0].Code = "Structure Identifiée" }, "LABEL-CRITERE-01", "/criteres/0/code"},
		{"statement", func(c *label.Charter) { c.Criteria[1].Statement = " " }, "LABEL-CRITERE-02", "/criteres/1/enonce"},
		{"rule", func(c *label.Charter) { c.Criteria[2].Rule = "au-feeling" }, "LABEL-CRITERE-03", "/criteres/2/regle"},
		{"evidence", func(c *label.Charter) { c.Criteria[3].Evidence = []label.Evidence{"photo"} }, "LABEL-CRITERE-04", "/criteres/3/preuves/0"},
		{"no evidence", func(c *label.Charter) { c.Criteria[3].Evidence = nil }, "LABEL-CRITERE-05", "/criteres/3/preuves"},
		{"missing parameter", func(c *label.Charter) { c.Criteria[1].MaxAgeMonths = 0 }, "LABEL-CRITERE-06", "/criteres/1/anciennete_max_mois"},
		{"parameter range", func(c *label.Charter) { c.Criteria[6].MinSharePercent = 120 }, "LABEL-CRITERE-07", "/criteres/6/part_min_pourcent"},
		{"repeated code", func(c *label.Charter) { c.Criteria[1].Code = c.Criteria[0].Code }, "LABEL-CRITERE-10", "/criteres/1/code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := label.DefaultCharter()
			tc.change(&c)
			ev, fs := label.Evaluate(load(t, "label-melun-labellisee.json"), c, evalDate)
			assert.True(t, fs.Has(tc.code, tc.path), "%v", fs)
			assert.Empty(t, ev.Status, "pas de décision avec une charte invalide")
		})
	}
}

func TestApplicationFaults(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *label.Application)
		code   string
		path   string
	}{
		{"id", func(a *label.Application) { a.ID = "" }, "LABEL-CANDIDATURE-01", "/id"},
		{"date", func(a *label.Application) { a.Date = "2024-02-30" }, "LABEL-CANDIDATURE-02", "/date_depot"},
		{"name", func(a *label.Application) { a.Structure.Name = "" }, "LABEL-CANDIDATURE-03", "/structure/nom"},
		{"email", func(a *label.Application) { a.Referent.Email = "ines.garnier@" }, "LABEL-CANDIDATURE-05", "/referent_spie/courriel"},
		{"charter kind", func(a *label.Application) { a.SignedCharters[0].Kind = "rgpd" }, "LABEL-CANDIDATURE-04", "/chartes_signees/0/type"},
		{"future", func(a *label.Application) { a.Offer.UpdatedAt = "2024-04-01" }, "LABEL-CANDIDATURE-10", "/offre/date_maj"},
		{"counts", func(a *label.Application) { a.Prescriptions.AnsweredInTime = 85 }, "LABEL-CANDIDATURE-11", "/reponses_prescriptions/repondues_dans_delai"},
		{"period", func(a *label.Application) { a.Prescriptions.From = "2024-03-01" }, "LABEL-CANDIDATURE-12", "/reponses_prescriptions/fin_periode"},
		{"label end", func(a *label.Application) {
			a.CurrentLabel = &label.CurrentLabel{Granted: "2022-01-10", ValidUntil: "2021-01-10"}
		}, "LABEL-CANDIDATURE-13", "/label_en_cours/fin_validite"},
		{"commune", func(a *label.Application) { a.Structure.Commune = "7728" }, "SPIE-COMMUNE-01", "/structure/code_commune"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := load(t, "label-melun-labellisee.json")
			tc.change(a)
			ev, fs := label.Evaluate(a, label.DefaultCharter(), evalDate)
			assert.True(t, fs.Has(tc.code, tc.path), "%v", fs)
			assert.NotEmpty(t, ev.Status, "la décision est rendue malgré tout")
		})
	}
}

func TestDecodeRefusesUnknownFields(t *testing.T) {
	_, err := label.DecodeApplication([]byte(`{"id": "x", "sirett": "1"}`))
	assert.Error(t, err)
	_, err = label.DecodeCharter([]byte(`{"nom": "x"} {}`))
	assert.Error(t, err)
	b, _ := json.Marshal(label.DefaultCharter())
	c, err := label.DecodeCharter(b)
	require.NoError(t, err)
	assert.Equal(t, label.DefaultCharter(), c)
	assert.True(t, bytes.Contains(b, []byte(`"regle":"delai-reponse-prescriptions"`)))
}
