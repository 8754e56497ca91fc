package diagnostic_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
)

// dspThreeProjects is a payload built to the shapes of carnet de bord's
// France Travail model (gip-inclusion/carnet-de-bord, commit e0fe721,
// backend/cdb/pe/models/dossier_individu_api.py: Metier with idMetierChiffre,
// nomMetier | None, typologie | None, statut, estPrioritaire, dateMiseAJour |
// None, besoins; Contrainte with date | None; ContraintesIndividu with
// conseiller | None, dateDeModification | None). Labels are France Travail's
// (reference/france-travail-dsp/referentiel.csv). It holds three projects, one
// given up; a contrainte without objectifs (27) and one without anything (24);
// date-only dates; timestamps that are not midnight; dateDeModification null;
// and values that are none of socle's: a situation PEUT_ETRE, an objectif
// TERMINE, an objectif NON_ABORDEE (France Travail's objectif value is
// NON_ABORDE, without the final E).
const dspThreeProjects = `{
 "besoinsParDiagnosticIndividuDtos": [
  {"idMetierChiffre": "a1b2#Boulanger", "nomMetier": "Boulanger", "typologie": "métier recherché", "statut": "EN_COURS",
   "estPrioritaire": true, "dateMiseAJour": "2023-03-01T09:15:00.000+00:00",
   "besoins": [{"code": "3", "libelle": "Découvrir un métier ou un secteur d’activité", "valeur": "BESOIN"},
               {"code": "4", "libelle": "Confirmer son choix de métier", "valeur": "POINT_FORT"}]},
  {"idMetierChiffre": "a1b2#enconstruction", "nomMetier": null, "typologie": null, "statut": "EN_COURS",
   "estPrioritaire": false, "dateMiseAJour": "2023-06-19",
   "besoins": [{"code": "3", "libelle": "Découvrir un métier ou un secteur d’activité", "valeur": "NON_EXPLORE"},
               {"code": "9", "libelle": "Réaliser un CV et/ou une lettre de motivation", "valeur": "BESOIN"}]},
  {"idMetierChiffre": "a1b2#Cariste", "nomMetier": "Cariste", "typologie": "Projet d'évolution professionnelle", "statut": "ABANDONNE",
   "estPrioritaire": false, "dateMiseAJour": "2020-01-10T08:00:00.000+00:00",
   "besoins": [{"code": "4", "libelle": "Confirmer son choix de métier", "valeur": "BESOIN"},
               {"code": "16", "libelle": "Définir son projet de création d’entreprise", "valeur": "BESOIN"}]}
 ],
 "contraintesIndividusDto": {
  "conseiller": "TNAN0260", "dateDeModification": null, "code": "7", "libelle": "Résoudre ses contraintes personnelles",
  "contraintes": [
   {"code": "23", "libelle": "Développer sa mobilité", "valeur": "OUI", "date": "2023-05-12T12:54:39.000+00:00",
    "situations": [{"code": "6", "libelle": "Aucun moyen de transport à disposition", "valeur": "PEUT_ETRE"},
                   {"code": "7", "libelle": "Dépendant des transports en commun", "valeur": "OUI"}],
    "objectifs": [{"code": "25", "libelle": "Faire un point complet sur sa mobilité", "valeur": "TERMINE"},
                  {"code": "26", "libelle": "Accéder à un véhicule", "valeur": "EN_COURS"},
                  {"code": "28", "libelle": "Obtenir le permis de conduire (code / conduite)", "valeur": "NON_ABORDEE"}]},
   {"code": "24", "libelle": "Surmonter ses contraintes familiales", "valeur": "NON_ABORDEE", "date": null,
    "situations": [], "objectifs": []},
   {"code": "27", "libelle": "Faire face à des difficultés de logement", "valeur": "OUI", "date": "2023-09-04",
    "situations": [{"code": "24", "libelle": "Sans hébergement / rupture effective de logement", "valeur": "OUI"}],
    "objectifs": []},
   {"code": "28", "libelle": "Faire face à des difficultés financières", "valeur": "CLOTUREE", "date": "2022-11-30T16:05:00.000+00:00",
    "situations": [{"code": "29", "libelle": "Sans aucune ressource", "valeur": "NON"}],
    "objectifs": [{"code": "13", "libelle": "Améliorer sa gestion budgétaire", "valeur": "REALISE"}]}
  ]
 }
}`

func TestDSPThreeProjectsImport(t *testing.T) {
	in, fs := diagnostic.ParseDSP([]byte(dspThreeProjects))
	require.Empty(t, fs)
	d, fs := in.Diagnostic()
	require.NotNil(t, d)

	// dateDeModification is null: the latest dated element, the contrainte 27
	// of 2023-09-04 (the others: 2023-05-12, 2022-11-30, projects 2023-03-01,
	// 2023-06-19, 2020-01-10), not the first project.
	assert.Equal(t, "2023-09-04", string(d.Date))
	assert.Empty(t, d.FTModifiedAt)

	// Three projects kept, whole.
	require.Len(t, d.Professional.FTProjects, 3)
	assert.Equal(t, diagnostic.DSPProject{ID: "a1b2#Boulanger", Name: "Boulanger", Typology: "métier recherché", Status: "EN_COURS", Priority: true,
		UpdatedAt: "2023-03-01T09:15:00.000+00:00", Besoins: []diagnostic.DSPProjectBesoin{{Code: "3", Value: "BESOIN"}, {Code: "4", Value: "POINT_FORT"}}},
		d.Professional.FTProjects[0])
	assert.Equal(t, "2023-06-19", d.Professional.FTProjects[1].UpdatedAt, "date seule gardée telle quelle")
	assert.Equal(t, "ABANDONNE", d.Professional.FTProjects[2].Status)

	// Besoins of the projects in progress only (the carnet de bord shows
	// only statut EN_COURS, Page.elm toProjetProfessionnel): 3 is BESOIN in
	// the first, NON_EXPLORE in the second: BESOIN; 4 is POINT_FORT (the
	// abandoned project's BESOIN does not win); 16 is only in the abandoned one.
	assert.Equal(t, diagnostic.Besoins{
		"decouvrir-metier-secteur":      "BESOIN",
		"confirmer-choix-de-metier":     "POINT_FORT",
		"realiser-cv-lettre-motivation": "BESOIN",
	}, d.Professional.Besoins)

	// Values that are not socle's are kept as received, with a warning.
	mob := d.Freins["mobilite"]
	assert.Equal(t, "2023-05-12T12:54:39.000+00:00", mob.FTDate, "heure gardée")
	assert.Equal(t, []diagnostic.SituationItem{
		{Situation: mustSituation(t, "6"), FTValue: "PEUT_ETRE"},
		{Situation: mustSituation(t, "7"), Value: "OUI"},
	}, mob.Situations)
	assert.Equal(t, []diagnostic.ObjectifItem{
		{Objectif: mustObjectif(t, "25"), FTStatus: "TERMINE"},
		{Objectif: mustObjectif(t, "26"), Status: "EN_COURS"},
		{Objectif: mustObjectif(t, "28"), FTStatus: "NON_ABORDEE"},
	}, mob.Objectifs)
	assert.True(t, fs.Has("DSP-SITUATION-02", "/contraintesIndividusDto/contraintes/0/situations/0/valeur"))
	assert.True(t, fs.Has("DSP-OBJECTIF-02", "/contraintesIndividusDto/contraintes/0/objectifs/0/valeur"))
	assert.True(t, fs.Has("DSP-OBJECTIF-02", "/contraintesIndividusDto/contraintes/0/objectifs/2/valeur"))
	assert.Equal(t, "2023-09-04", d.Freins["logement"].FTDate)
	assert.Empty(t, d.Freins["logement"].Objectifs)
	assert.Empty(t, d.Freins["garde-enfant"].FTDate)
	assert.False(t, fs.HasCode("DSP-LIBELLE-01"), "libellés de France Travail : %v", fs)
	assert.True(t, fs.Valid())
}

// TestDSPThreeProjectsRoundTrip: import then export gives the payload back,
// value for value, label for label, timestamp for timestamp; the one
// difference is dateDeModification, null in and the diagnostic's date (the
// latest change) out.
func TestDSPThreeProjectsRoundTrip(t *testing.T) {
	in, _ := diagnostic.ParseDSP([]byte(dspThreeProjects))
	d, _ := in.Diagnostic()
	// Through JSON, as spie import-ft then spie export-ft do.
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var back diagnostic.Diagnostic
	require.NoError(t, json.Unmarshal(b, &back))
	out, efs := diagnostic.ExportDSP(&back)
	assert.Empty(t, efs)
	assert.Equal(t, in.Metiers, out.Metiers)
	assert.Equal(t, in.Contraintes.Items, out.Contraintes.Items)
	assert.Equal(t, in.Contraintes.Adviser, out.Contraintes.Adviser)
	assert.Equal(t, in.Contraintes.Label, out.Contraintes.Label)
	require.NotNil(t, out.Contraintes.ModifiedAt)
	assert.Equal(t, "2023-09-04T00:00:00.000+00:00", *out.Contraintes.ModifiedAt)

	// An objectif that came NON_ABORDEE, TERMINE, and a situation PEUT_ETRE
	// go back unchanged, never EN_COURS or OUI.
	items := codedItems(out)
	assert.Contains(t, items, "situation/23/6=PEUT_ETRE")
	assert.Contains(t, items, "objectif/23/25=TERMINE")
	assert.Contains(t, items, "objectif/23/28=NON_ABORDEE")
}

// TestDSPTimestampKeptWhenDateUnchanged: a dateDeModification with a time goes
// back as received while the diagnostic's date is still its date, and as
// the new date once the diagnostic is re-dated.
func TestDSPTimestampKeptWhenDateUnchanged(t *testing.T) {
	stamp := "2023-05-12T12:54:39.000+00:00"
	p := diagnostic.DSPPayload{Contraintes: diagnostic.DSPContraintes{ModifiedAt: &stamp, Code: "7"}}
	d, _ := p.Diagnostic()
	assert.Equal(t, "2023-05-12", string(d.Date))
	out, _ := diagnostic.ExportDSP(d)
	assert.Equal(t, stamp, *out.Contraintes.ModifiedAt)
	d.Date = "2023-06-01"
	out, _ = diagnostic.ExportDSP(d)
	assert.Equal(t, "2023-06-01T00:00:00.000+00:00", *out.Contraintes.ModifiedAt)
}

// TestDSPUnreadableModifiedAtNotInvented: 30 February 2025 is no day; the
// import warns (DSP-DATE-01) and dates the diagnostic by the contrainte's
// date (2023-05-12, read by hand); the export writes no dateDeModification
// France Travail never sent, and says so (DSP-EXPORT-08).
func TestDSPUnreadableModifiedAtNotInvented(t *testing.T) {
	bad, other := "2025-02-30T10:00:00.000+00:00", "2023-05-12T12:54:39.000+00:00"
	p := diagnostic.DSPPayload{Contraintes: diagnostic.DSPContraintes{ModifiedAt: &bad, Code: "7",
		Items: []diagnostic.DSPContrainte{{Code: "23", Value: "OUI", Date: &other}}}}
	d, fs := p.Diagnostic()
	require.NotNil(t, d)
	assert.True(t, fs.Has("DSP-DATE-01", "/contraintesIndividusDto/dateDeModification"), "%v", fs)
	assert.Equal(t, "2023-05-12", string(d.Date))
	out, fs := diagnostic.ExportDSP(d)
	assert.Nil(t, out.Contraintes.ModifiedAt)
	assert.True(t, fs.Has("DSP-EXPORT-08", "/date_modification_france_travail"), "%v", fs)
}

// TestDSPExportNeverInvents: what has no value, or no equivalent, is left
// out with a warning each.
func TestDSPExportNeverInvents(t *testing.T) {
	in, _ := diagnostic.ParseDSP([]byte(dspThreeProjects))
	d, _ := in.Diagnostic()
	mob := d.Freins["mobilite"]
	mob.Situations = append(mob.Situations, diagnostic.SituationItem{Situation: mustSituation(t, "8")})
	mob.Objectifs = append(mob.Objectifs, diagnostic.ObjectifItem{Objectif: mustObjectif(t, "27")})
	mob.PersonView = &diagnostic.PersonView{Words: "Je n'ai plus de voiture."}
	mob.Impact = diagnostic.ImpactFort
	d.Freins["mobilite"] = mob
	d.Professional.Besoins["confirmer-choix-de-metier"] = "BESOIN"
	d.Professional.Diplomas = []diagnostic.Diploma{{Title: "CAP boulanger"}}
	d.Professional.Skills = []diagnostic.Skill{{Label: "Pétrir", Validation: "declaree"}}

	out, fs := diagnostic.ExportDSP(d)
	items := codedItems(out)
	assert.NotContains(t, items, "situation/23/8=OUI")
	assert.NotContains(t, items, "objectif/23/27=EN_COURS")
	for _, w := range []struct{ code, path string }{
		{"DSP-EXPORT-05", "/freins/mobilite/situations/2/valeur"},
		{"DSP-EXPORT-05", "/freins/mobilite/objectifs/3/statut"},
		{"DSP-EXPORT-03", "/freins/mobilite/impact"},
		{"DSP-EXPORT-03", "/freins/mobilite/vue_personne"},
		{"DSP-EXPORT-03", "/situation_professionnelle/diplomes"},
		{"DSP-EXPORT-03", "/situation_professionnelle/competences"},
		{"DSP-EXPORT-07", "/situation_professionnelle/besoins/confirmer-choix-de-metier"},
	} {
		assert.True(t, fs.Has(w.code, w.path), "%s %s : %v", w.code, w.path, fs)
	}
	// The projects go back as received.
	assert.Equal(t, in.Metiers, out.Metiers)
	assert.True(t, fs.Valid())
}

// TestDSPExportROMENotAName: a job known only by its ROME code gives no
// nomMetier (null: a project being built, for France Travail).
func TestDSPExportROMENotAName(t *testing.T) {
	d := &diagnostic.Diagnostic{
		ID: "d1", Date: "2026-05-18",
		Professional: diagnostic.Professional{
			Project: []diagnostic.ProjectJob{{ROME: "G1602", Priority: 1}},
			Besoins: diagnostic.Besoins{"confirmer-choix-de-metier": "BESOIN"},
		},
	}
	out, fs := diagnostic.ExportDSP(d)
	require.Len(t, out.Metiers, 1)
	assert.Nil(t, out.Metiers[0].Name)
	assert.True(t, fs.Has("DSP-EXPORT-06", "/situation_professionnelle/projet_professionnel/0"))
	d.Professional.Project[0].Label = "Boulanger"
	out, fs = diagnostic.ExportDSP(d)
	require.NotNil(t, out.Metiers[0].Name)
	assert.Equal(t, "Boulanger", *out.Metiers[0].Name)
	assert.False(t, fs.HasCode("DSP-EXPORT-06"))
}

func TestDSPNoDossierRefused(t *testing.T) {
	for _, in := range []string{"null", " null ", "{}", `{"besoinsParDiagnosticIndividuDtos": null}`, `{"autre": 1}`} {
		t.Run(in, func(t *testing.T) {
			d, fs := diagnostic.ImportDSP([]byte(in))
			assert.Nil(t, d)
			assert.True(t, fs.Has("DSP-VIDE-01", ""), "%v", fs)
			assert.False(t, fs.Valid())
		})
	}
	// France Travail's dossier with no project and no contrainte is a dossier.
	d, fs := diagnostic.ImportDSP([]byte(`{"besoinsParDiagnosticIndividuDtos": [], "contraintesIndividusDto": {"code": "7", "contraintes": []}}`))
	require.NotNil(t, d)
	assert.True(t, fs.Valid())
}

// TestDSPHealthKeptValuesAreSensitive: what a DSP import keeps of the santé
// contrainte (its France Travail date, a value that is not socle's) is
// sensitive like the rest of the frein (RULES.md §10), and redacted.
func TestDSPHealthKeptValuesAreSensitive(t *testing.T) {
	d, _ := diagnostic.ImportDSP([]byte(`{"contraintesIndividusDto": {"code": "7", "contraintes": [
	 {"code": "25", "libelle": "Prendre en compte son état de santé", "valeur": "EN_ATTENTE", "date": "2023-05-12T12:54:39.000+00:00",
	  "situations": [{"code": "19", "libelle": "Problème déclaré entrainant des absences régulières", "valeur": "PEUT_ETRE"}], "objectifs": []}]}}`))
	require.NotNil(t, d)
	assert.Subset(t, d.SensitivePaths(), []string{"/freins/sante/suivi_france_travail", "/freins/sante/date_france_travail", "/freins/sante/situations"})
	r := d.Redacted()
	assert.Equal(t, diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}, r.Freins["sante"])
}

// TestDSPUnreadableModifiedAtLength: an unreadable dateDeModification is
// kept as received only when the diagnostic's schema would accept it
// (maxLength 40 on date_modification_france_travail, diagnostic.go): 40
// characters are kept, 41 are not (the warning DSP-DATE-01 is given both
// times).
func TestDSPUnreadableModifiedAtLength(t *testing.T) {
	for _, tt := range []struct {
		n    int
		kept bool
	}{{40, true}, {41, false}} {
		bad := "2025-02-30T10:00:00.000+00:00" + strings.Repeat("x", tt.n-29)
		require.Len(t, bad, tt.n)
		p := diagnostic.DSPPayload{Contraintes: diagnostic.DSPContraintes{ModifiedAt: &bad, Code: "7"}}
		d, fs := p.Diagnostic()
		require.NotNil(t, d)
		assert.True(t, fs.Has("DSP-DATE-01", "/contraintesIndividusDto/dateDeModification"), "%v", fs)
		if tt.kept {
			assert.Equal(t, bad, d.FTModifiedAt)
		} else {
			assert.Empty(t, d.FTModifiedAt)
		}
	}
}
