package diagnostic_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// now is the fixed "today" of the tests.
var now = time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)

func loadExample(t testing.TB, name string) *diagnostic.Diagnostic {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "diagnostic", name+".json"))
	require.NoError(t, err)
	var d diagnostic.Diagnostic
	require.NoError(t, json.Unmarshal(b, &d))
	return &d
}

func intp(i int) *int { return &i }

func TestExamplesHaveNoErrors(t *testing.T) {
	for _, name := range []string{"jeune-laon", "parent-isole-chauny", "rsa-logement-sante-marseille", "boeth-carcassonne", "co-diagnostic-melun"} {
		t.Run(name, func(t *testing.T) {
			fs := loadExample(t, name).Check(now)
			assert.True(t, fs.Valid(), "%v", fs)
		})
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		base   string
		mutate func(d *diagnostic.Diagnostic)
		code   string
		path   string
	}{
		{"version inconnue", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Version = "0.9" }, "DIAG-VERSION-01", "/version_schema"},
		{"date du diagnostic demain", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Date = "2026-07-01" }, "DIAG-DATE-01", "/date"},
		{"date mal formée", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Consent.Date = "2026-13-01" }, "DIAG-DATE-02", "/consentement/date"},
		{"naissance après le diagnostic", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "2026-04-01" }, "DIAG-PERSONNE-10", "/personne/date_naissance"},
		{"moins de 16 ans", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "2010-03-13" }, "DIAG-PERSONNE-11", "/personne/date_naissance"},
		{"plus de 100 ans", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "1920-01-01" }, "DIAG-PERSONNE-12", "/personne/date_naissance"},
		{"NIR d'une autre année", "rsa-logement-sante-marseille", func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "1979-05-09" }, "DIAG-PERSONNE-13", "/personne/nir"},
		// 02999: no such commune in the Code officiel géographique (the Aisne's stop at 02834).
		{"commune inconnue", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Person.Commune = "02999" }, "SPIE-COMMUNE-02", "/personne/code_commune"},
		{"RSA à 20 ans sans enfant", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Criteria.RSA = true }, "DIAG-PUBLIC-10", "/criteres_publics/rsa"},
		{"ASE à 30 ans", "co-diagnostic-melun", func(d *diagnostic.Diagnostic) { d.Criteria.ASE = true }, "DIAG-PUBLIC-11", "/criteres_publics/ase"},
		{"RQTH sans BOETH", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Criteria.BOETH = false }, "DIAG-PUBLIC-12", "/criteres_publics/boeth"},
		{"date RSA sans RSA", "parent-isole-chauny", func(d *diagnostic.Diagnostic) { d.Criteria.RSA = false }, "DIAG-PUBLIC-13", "/criteres_publics/date_ouverture_droits_rsa"},
		{"ouverture RSA après le diagnostic", "parent-isole-chauny", func(d *diagnostic.Diagnostic) { d.Criteria.RSAOpeningDate = "2026-04-03" }, "DIAG-PUBLIC-14", "/criteres_publics/date_ouverture_droits_rsa"},
		{"AAH sans RQTH", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Criteria.AAH = true }, "DIAG-PUBLIC-15", "/criteres_publics/aah"},
		{"dernière activité après le diagnostic", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "2026-02-06" }, "DIAG-ACTIVITE-10", "/situation_professionnelle/date_derniere_activite"},
		{"dernière activité avant 14 ans", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "1980-01-01" }, "DIAG-ACTIVITE-11", "/situation_professionnelle/date_derniere_activite"},
		{"métier en double", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Professional.Project[1].ROME = "M1203" }, "DIAG-PROJET-10", "/situation_professionnelle/projet_professionnel/1/code_rome"},
		{"priorité de métier en double", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Professional.Project[1].Priority = 1 }, "DIAG-PROJET-11", "/situation_professionnelle/projet_professionnel/1/priorite"},
		{"diplôme avant la naissance", "boeth-carcassonne", func(d *diagnostic.Diagnostic) { d.Professional.Diplomas[0].Year = 1960 }, "DIAG-DIPLOME-10", "/situation_professionnelle/diplomes/0/annee"},
		{"emploi-formation comme frein", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["emploi-formation"] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen}
		}, "DIAG-FREINS-02", "/freins/emploi-formation"},
		// RULES.md §1 lists ten thématiques; "logement-social" is none of them.
		{"frein sous une clé inconnue", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["logement-social"] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen}
		}, "DIAG-FREINS-03", "/freins/logement-social"},
		{"situation d'une autre thématique", "jeune-laon", func(d *diagnostic.Diagnostic) {
			f := d.Freins["logement"]
			f.Situations = append(f.Situations, diagnostic.SituationItem{Situation: "surendettement"})
			d.Freins["logement"] = f
		}, "DIAG-LOGEMENT-01", "/freins/logement/situations/1/situation"},
		{"impact fort sans situation", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactFort}
		}, "DIAG-SANTE-02", "/freins/sante/impact"},
		{"impact fort avec situations toutes à NON", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: "dossier-mdph", Value: diagnostic.SituationNon}}}
		}, "DIAG-SANTE-02", "/freins/sante/impact"},
		{"objectif d'une autre thématique", "jeune-laon", func(d *diagnostic.Diagnostic) {
			f := d.Freins["mobilite"]
			f.Objectifs = append(f.Objectifs, diagnostic.ObjectifItem{Objectif: "acceder-a-un-logement"})
			d.Freins["mobilite"] = f
		}, "DIAG-MOBILITE-03", "/freins/mobilite/objectifs/1/objectif"},
		{"situation citée deux fois", "jeune-laon", func(d *diagnostic.Diagnostic) {
			f := d.Freins["mobilite"]
			f.Situations = append(f.Situations, f.Situations[0])
			d.Freins["mobilite"] = f
		}, "DIAG-MOBILITE-04", "/freins/mobilite/situations/2/situation"},
		{"non abordé mais renseigné", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["acces-aux-droits"] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde, Situations: []diagnostic.SituationItem{{Situation: "difficultes-juridiques"}}}
		}, "DIAG-ACCES-AUX-DROITS-05", "/freins/acces-aux-droits/impact"},
		{"situation professionnelle hors emploi-formation", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Professional.Situations = append(d.Professional.Situations, diagnostic.SituationItem{Situation: "vehicule"})
		}, "DIAG-EMPLOI-FORMATION-01", "/situation_professionnelle/situations/2/situation"},
		{"même priorité pour deux freins", "jeune-laon", func(d *diagnostic.Diagnostic) {
			f := d.Freins["situation-financiere"]
			f.PersonView.Priority = 1
			d.Freins["situation-financiere"] = f
		}, "DIAG-PRIORITE-10", "/freins/situation-financiere/vue_personne/priorite"},
		{"priorité sur un thème sans impact", "jeune-laon", func(d *diagnostic.Diagnostic) {
			d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactSansImpact, PersonView: &diagnostic.PersonView{Priority: 3}}
		}, "DIAG-PRIORITE-11", "/freins/sante/vue_personne/priorite"},
		{"co-diagnostic à un seul auteur", "co-diagnostic-melun", func(d *diagnostic.Diagnostic) { d.Authors = d.Authors[:1] }, "DIAG-AUTEURS-10", "/auteurs"},
		{"co-diagnostic de deux conseillers emploi", "co-diagnostic-melun", func(d *diagnostic.Diagnostic) { d.Authors[0].Role = "conseiller-mission-locale" }, "DIAG-AUTEURS-10", "/auteurs"},
		{"auteur en double", "co-diagnostic-melun", func(d *diagnostic.Diagnostic) { d.Authors[1] = d.Authors[0] }, "DIAG-AUTEURS-11", "/auteurs/1/nom"},
		{"consentement non daté", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Consent.Date = "" }, "DIAG-CONSENTEMENT-10", "/consentement/date"},
		{"consentement après le diagnostic", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Consent.Date = "2026-03-13" }, "DIAG-CONSENTEMENT-11", "/consentement/date"},
		{"non disponible avec des heures", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Professional.Availability = "non-disponible" }, "DIAG-DISPONIBILITE-10", "/situation_professionnelle/heures_hebdomadaires_souhaitees"},
		{"SIRET de structure faux", "jeune-laon", func(d *diagnostic.Diagnostic) { d.StructureSIRET = "41720235500027" }, "SPIE-SIRET-02", "/siret_structure"},
		{"ROME du projet faux", "jeune-laon", func(d *diagnostic.Diagnostic) { d.Professional.Project[0].ROME = "Z1507" }, "SPIE-ROME-01", "/situation_professionnelle/projet_professionnel/0/code_rome"},
		{"NIR clé fausse", "rsa-logement-sante-marseille", func(d *diagnostic.Diagnostic) { d.Person.NIR = d.Person.NIR[:13] + "00" }, "SPIE-NIR-02", "/personne/nir"},
		// 73282932100015 passes Luhn as a whole (sum 50) but its SIREN
		// 732829321 does not (1+4+3+9+2+7+2+6+7 = 41).
		{"SIRET dont le SIREN est faux", "jeune-laon", func(d *diagnostic.Diagnostic) { d.StructureSIRET = "73282932100015" }, "SPIE-SIRET-03", "/siret_structure"},
		{"SIRET d'auteur dont le SIREN est faux", "co-diagnostic-melun", func(d *diagnostic.Diagnostic) { d.Authors[1].StructureSIRET = "73282932100015" }, "SPIE-SIRET-03", "/auteurs/1/siret_structure"},
		{"NIR sexe 4", "rsa-logement-sante-marseille", func(d *diagnostic.Diagnostic) { d.Person.NIR = "4" + d.Person.NIR[1:] }, "SPIE-NIR-03", "/personne/nir"},
		{"NIR mois 25", "rsa-logement-sante-marseille", func(d *diagnostic.Diagnostic) { d.Person.NIR = d.Person.NIR[:3] + "25" + d.Person.NIR[5:] }, "SPIE-NIR-04", "/personne/nir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadExample(t, tt.base)
			tt.mutate(d)
			fs := d.Check(now)
			assert.True(t, fs.Has(tt.code, tt.path), "faute %s à %s attendue, obtenu : %v", tt.code, tt.path, fs)
		})
	}
}

// A person born in Corsica has a valid NIR: 2A is read 19 for the key.
// 1 78 05 2A 004 123: 1780519004123 = 97 × 18355866021 + 86, key 11.
func TestCorsicanNIRAccepted(t *testing.T) {
	d := loadExample(t, "rsa-logement-sante-marseille")
	d.Person.NIR = "178052A00412311"
	fs := d.Check(now)
	assert.False(t, fs.HasPath("/personne/nir"), "%v", fs)
}

func TestRulesBoundaries(t *testing.T) {
	t.Run("diagnostic dated today is accepted, tomorrow refused", func(t *testing.T) {
		d := loadExample(t, "jeune-laon")
		d.Date, d.Consent.Date = "2026-06-30", "2026-06-30"
		assert.False(t, d.Check(now).HasCode("DIAG-DATE-01"))
		d.Date = "2026-07-01"
		assert.True(t, d.Check(now).HasCode("DIAG-DATE-01"))
	})
	t.Run("16th birthday on the diagnostic day", func(t *testing.T) {
		d := loadExample(t, "jeune-laon")
		d.Person.BirthDate = "2010-03-12"
		assert.False(t, d.Check(now).HasCode("DIAG-PERSONNE-11"))
		d.Person.BirthDate = "2010-03-13"
		assert.True(t, d.Check(now).HasCode("DIAG-PERSONNE-11"))
	})
	t.Run("last activity on the diagnostic day", func(t *testing.T) {
		d := loadExample(t, "boeth-carcassonne")
		d.Professional.LastActivityDate = d.Date
		assert.False(t, d.Check(now).HasCode("DIAG-ACTIVITE-10"))
	})
}

func TestFaultCodesUnique(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
}

func TestCompleteness(t *testing.T) {
	d := loadExample(t, "jeune-laon")
	c := d.Completeness()
	assert.ElementsMatch(t, []diagnostic.FreinThematique{"acces-aux-droits", "sociabilisation-remobilisation"}, c.NotDiscussed)
	assert.False(t, c.ProjectionUnknown)
	assert.Len(t, c.BesoinsNotExplored, 17)
	// 7 freins + 3 besoins + projection discussed, out of 9 + 20 + 1.
	assert.InDelta(t, 11.0/30.0, c.Ratio, 1e-9)
}

func TestSensitive(t *testing.T) {
	d := loadExample(t, "rsa-logement-sante-marseille")
	// The example's sante frein holds suivi, situations, objectifs, the
	// person's view, a comment and details: all but its impact are
	// sensitive (RULES.md §10).
	assert.Equal(t, []string{
		"/freins/sante/suivi", "/freins/sante/situations", "/freins/sante/objectifs", "/freins/sante/vue_personne",
		"/freins/sante/commentaire_professionnel", "/freins/sante/details",
	}, d.SensitivePaths())
	r := d.Redacted()
	assert.Empty(t, r.SensitivePaths())
	assert.Equal(t, diagnostic.Frein{Impact: diagnostic.ImpactFort}, r.Freins["sante"], "existence and impact only")
	assert.NotEmpty(t, d.Freins["sante"].Details, "the original is untouched")
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "Lombalgie")
	assert.NotContains(t, string(b), "dos")
	assert.NotContains(t, string(b), "sante-empeche-reprise-immediate")
}

// DIAG-FREINS-01 told two facts under one code; each fact now has its own
// code and the retired one is never produced (RULES.md §1: emploi-formation
// is a thématique described by the professional situation, not a frein).
func TestFreinKeyFaultsTellOneFactEach(t *testing.T) {
	tests := []struct {
		key, want, not string
	}{
		{"emploi-formation", "DIAG-FREINS-02", "DIAG-FREINS-03"},
		{"logement-social", "DIAG-FREINS-03", "DIAG-FREINS-02"},
		{"Logement", "DIAG-FREINS-03", "DIAG-FREINS-02"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			d := loadExample(t, "jeune-laon")
			d.Freins[diagnostic.FreinThematique(tt.key)] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen}
			fs := d.Check(now)
			p := "/freins/" + tt.key
			assert.True(t, fs.Has(tt.want, p), "%v", fs)
			assert.False(t, fs.Has(tt.not, p), "%v", fs)
			assert.False(t, fs.HasCode("DIAG-FREINS-01"), "%v", fs)
		})
	}
	old, ok := spie.LookupFaultType("DIAG-FREINS-01")
	require.True(t, ok)
	assert.True(t, old.Retired)
	assert.Equal(t, []string{"DIAG-FREINS-02", "DIAG-FREINS-03"}, old.ReplacedBy)
}

// TestPriorityAndNIRBirthRules: the priority given to several thématiques is
// reported on each but the first in key order (logement < mobilite <
// sante), and the NIR's year and month of birth (positions 2–3 and 4–5)
// are compared with the birth date 2005-09-21 of jeune-laon. The NIR keys
// are worked by hand: 97 − (1050902408123 mod 97) = 97 − 55 = 42
// (1050902408123 = 97 × 10834045444 + 55); 97 − (1060902408123 mod 97) =
// 97 − 7 = 90; 97 − (1051002408123 mod 97) = 97 − 39 = 58.
func TestPriorityAndNIRBirthRules(t *testing.T) {
	d := loadExample(t, "jeune-laon")
	for _, th := range []diagnostic.FreinThematique{"sante", "logement", "mobilite"} {
		f := d.Freins[th]
		f.Impact = diagnostic.ImpactMoyen
		f.PersonView = &diagnostic.PersonView{Impact: diagnostic.ImpactMoyen, Priority: 4}
		d.Freins[th] = f
	}
	var got []string
	for _, f := range d.CheckFreins() {
		got = append(got, f.Code+" "+f.Path)
	}
	assert.ElementsMatch(t, []string{
		"DIAG-PRIORITE-10 /freins/mobilite/vue_personne/priorite",
		"DIAG-PRIORITE-10 /freins/sante/vue_personne/priorite",
	}, got)

	for nir, want := range map[spie.NIR]bool{
		"105090240812342": false, // born in 2005, September
		"106090240812390": true,  // 06 is not 2005
		"105100240812358": true,  // October is not September
	} {
		d := loadExample(t, "jeune-laon")
		d.Person.NIR = nir
		require.Nil(t, nir.Problem(), nir)
		assert.Equal(t, want, d.CheckPerson().Has(diagnostic.FaultNIRBirth.Code, "/personne/nir"), nir)
	}
}
