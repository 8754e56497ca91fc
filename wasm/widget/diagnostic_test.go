package widget_test

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/wasm/widget"
)

// demoPerson is the portal's person (wasm/demo): RSA rights opened on
// 1 September 2026, so the 42-day orientation deadline (CASF D262-65-2,
// orient_rules.json) fell on 1 Sept + 42 days = 13 October 2026, a Tuesday
// (1 Jan 2026 is a Thursday; 13 Oct is day 286; 285 mod 7 = 5 days later).
const demoPerson = `{"id":"DIAG-1","date":"2026-11-25","personne":{"id":"P-1","date_naissance":"1990-04-12","code_commune":"02691"},
"criteres_publics":{"rsa":true,"date_ouverture_droits_rsa":"2026-09-01"},
"situation_professionnelle":{"situation_emploi":"recherche-emploi","se_projette_dans_emploi":true,"besoins":{"identifier-points-forts-competences":"POINT_FORT"}},
"freins":{"logement":{"impact":"fort","situations":[{"situation":"` + "%LOGEMENT%" + `","valeur":"OUI"}],"vue_personne":{"impact":"moyen","priorite":1,"paroles":"Je dors chez ma sœur depuis l'été."}},
"sante":{"impact":"moyen","details":"hospitalisation en novembre","vue_personne":{"paroles":"mon dos me fait souffrir"}}},
"siret_structure":"22020001800004","auteurs":[{"nom":"Camille Martin","role":"travailleur-social"}],"consentement":{"partage":true,"date":"2026-11-25"}}`

func demoJSON() string {
	return strings.Replace(demoPerson, "%LOGEMENT%", diagnostic.Situations.InGroup("logement")[0].Key, 1)
}

// renderForm mounts the form in go-app's test engine and returns its HTML as
// text (entities decoded).
func renderForm(t *testing.T, f *widget.DiagnosticForm) string {
	t.Helper()
	e := app.NewTestEngine()
	require.NoError(t, e.Load(f))
	e.ConsumeAll()
	return html.UnescapeString(app.HTMLString(f))
}

// The steps of both modes come from one list: the professional's six steps
// as before, the person's two; each field belongs to the step of its mode
// that holds it, or to none.
func TestDiagnosticStepsOfEachMode(t *testing.T) {
	assert.Equal(t, []string{"La personne", "Critères de public", "Situation professionnelle", "Freins périphériques et priorités", "Auteurs et consentement", "Récapitulatif et orientation"}, widget.StepTitlesForTest(false))
	assert.Equal(t, []string{"Votre avis, thème par thème", "Votre résumé"}, widget.StepTitlesForTest(true))
	for _, tc := range []struct {
		path        string
		pro, usager int
	}{
		{"/id", 0, -1},
		{"/date", 0, -1},
		{"/personne/nir", 0, -1},
		{"/criteres_publics/rsa", 1, -1},
		{"/situation_professionnelle/diplomes/0/intitule", 2, -1},
		{"/freins/logement/impact", 3, -1},
		{"/freins/sante/vue_personne/paroles", 3, 0},
		{"/freins/sante/vue_personne", 3, 0},
		{"/auteurs/1/nom", 4, -1},
		{"/co_diagnostic", 4, -1},
	} {
		assert.Equal(t, tc.pro, widget.StepOfForTest(tc.path, false), "pro %s", tc.path)
		assert.Equal(t, tc.usager, widget.StepOfForTest(tc.path, true), "usager %s", tc.path)
	}
}

// Items added to the lists are required to be filled (the schema's
// minLength and required members).
func TestDiagnosticListItemsRequired(t *testing.T) {
	d := widget.NewDiagnostic(today)
	d.Professional.Diplomas = []diagnostic.Diploma{{}}
	d.Professional.Skills = []diagnostic.Skill{{Label: "Soudure"}}
	d.Professional.Project = []diagnostic.ProjectJob{{Priority: 1}}
	fs := widget.CheckDiagnostic(&d, today)
	for _, p := range []string{"/situation_professionnelle/diplomes/0/intitule", "/situation_professionnelle/competences/0/validation", "/situation_professionnelle/projet_professionnel/0/code_rome"} {
		assert.True(t, fs.Has("INPUT-FORM-01", p), p)
	}
	assert.False(t, fs.Has("INPUT-FORM-01", "/situation_professionnelle/competences/0/libelle"))
}

// A complete diagnostic with everything the form now asks passes the form
// and schemas.Validate.
func TestDiagnosticCompleteDocumentValidates(t *testing.T) {
	f := &widget.DiagnosticForm{}
	require.Empty(t, f.Prefill(json.RawMessage(demoJSON())))
	d := f.Document()
	d.Person.CAFNumber = "1234567"
	d.Professional.MobilityRadiusKm = new(int)
	*d.Professional.MobilityRadiusKm = 30
	d.Professional.Diplomas = []diagnostic.Diploma{{Title: "CAP Cuisine", Level: "NV5", Year: 2008}}
	d.Professional.Skills = []diagnostic.Skill{{Label: "Préparer des plats", Validation: "certifiee", ROME: "G1602"}, {Label: "Accueillir", Validation: "declaree"}}
	d.Professional.Project = []diagnostic.ProjectJob{{ROME: "G1602", Label: "Cuisinier", Priority: 1}, {ROME: "G1603", Priority: 2}}
	lg := d.Freins["logement"]
	lg.Objectifs = []diagnostic.ObjectifItem{{Objectif: diagnostic.Objectif(diagnostic.Objectifs.InGroup("logement")[0].Key), Status: "EN_COURS"}}
	lg.Comment = "Demande de logement social déposée."
	d.Freins["logement"] = lg
	d.CoDiagnostic = true
	d.Authors = append(d.Authors, diagnostic.Author{Name: "Alex Durand", Role: "conseiller-france-travail", StructureSIRET: "13000548100010"})
	fs := widget.CheckDiagnostic(&d, today)
	require.True(t, fs.Valid(), "%v", fs)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	sf := schemas.Validate("diagnostic", b, schemas.WithNow(func() time.Time { return today }))
	assert.True(t, sf.Valid(), "%v", sf)
}

// The partner is told each change without the health details: they leave
// the widget only in the document handed back on submit.
func TestDiagnosticChangeHidesHealth(t *testing.T) {
	f := &widget.DiagnosticForm{}
	require.Empty(t, f.Prefill(json.RawMessage(demoJSON())))
	change, err := json.Marshal(f.ChangeDocumentForTest())
	require.NoError(t, err)
	full, err := json.Marshal(f.Document())
	require.NoError(t, err)
	for _, secret := range []string{"hospitalisation en novembre", "mon dos me fait souffrir"} {
		assert.Contains(t, string(full), secret)
		assert.NotContains(t, string(change), secret)
	}
	assert.Contains(t, string(change), "Je dors chez ma sœur", "the other thématiques are told")
}

func TestDiagnosticRefusesBadData(t *testing.T) {
	f := &widget.DiagnosticForm{}
	fs := f.Configure(widget.Init{Data: json.RawMessage(`"pas un objet"`)})
	require.Len(t, fs, 1)
	assert.Equal(t, "WIDGET-DIAG-01", fs[0].Code)
	assert.Contains(t, renderForm(t, f), fs[0].Message)

	f = &widget.DiagnosticForm{}
	fs = f.Configure(widget.Init{Data: json.RawMessage(`{"diagnostic": {"personne": 3}}`)})
	require.Len(t, fs, 1)
	assert.Equal(t, "WIDGET-DIAG-01", fs[0].Code)

	// any role but the person's is a professional's (the portal says "professionnel")
	f = &widget.DiagnosticForm{}
	assert.Empty(t, f.Configure(widget.Init{Role: "professionnel"}))
	assert.Contains(t, renderForm(t, f), `id="champ-id"`)
}

// The recap shows the completeness, the orientation with its reasons and
// the deadlines: the demo person's RSA orientation deadline has passed.
func TestDiagnosticRecap(t *testing.T) {
	f := &widget.DiagnosticForm{}
	require.Empty(t, f.Prefill(json.RawMessage(demoJSON())))
	f.GoToStepForTest(5)
	h := renderForm(t, f)
	// 9 freins + 20 besoins + the projection = 30 points; discussed: logement,
	// santé, one besoin, the projection = 4 → 13 %.
	assert.Contains(t, h, "Complétude du diagnostic : 13 % des points du socle abordés")
	assert.Contains(t, h, "Thématiques non abordées : ")
	assert.Contains(t, h, "Proposition d'orientation")
	assert.Contains(t, h, "Raisons :")
	assert.Contains(t, h, "Orientation du bénéficiaire du RSA")
	assert.Contains(t, h, "mardi 13 octobre 2026")
	assert.Contains(t, h, "En retard")
	// the summary for the person: the passed deadline, no référent yet
	assert.Contains(t, h, "Orientation du bénéficiaire du RSA : la date prévue, le mardi 13 octobre 2026, est dépassée.")
	assert.Contains(t, h, "Votre référent n'est pas encore désigné")
}

// The printable summary reads the envelope: référent, plan and milestones
// (the contract deadline, 2 months after the orientation notice by the
// default rules' contract delay, is the next one).
func TestDiagnosticPrintableSummary(t *testing.T) {
	f := &widget.DiagnosticForm{}
	env := `{"diagnostic": ` + demoJSON() + `, "jalons": {"date_orientation": "2026-11-20"},
"referent": {"id": "m1", "role": "referent", "professionnel": "Dominique Leroy", "siret_structure": "22020001800004", "date_debut": "2026-11-20"},
"plan": {"objectifs": [{"id": "o1", "thematique": "logement", "objectif": "` + diagnostic.Objectifs.InGroup("logement")[0].Key + `", "statut": "EN_COURS", "date": "2026-11-20"}]}}`
	require.Empty(t, f.Configure(widget.Init{Data: json.RawMessage(env), Role: "usager"}))
	f.GoToStepForTest(1)
	h := renderForm(t, f)
	assert.Contains(t, h, "Dominique Leroy, structure n° SIRET 22020001800004.")
	assert.Contains(t, h, diagnostic.Objectifs.InGroup("logement")[0].Label.FR+" (en cours)")
	assert.Contains(t, h, "Votre diagnostic du mercredi 25 novembre 2026")
	assert.Contains(t, h, "« Je dors chez ma sœur depuis l'été. »")
	assert.Contains(t, h, "Pour vous : Oui, cela me gêne un peu")
	assert.Contains(t, h, "Imprimer ce résumé")
	assert.Contains(t, h, `class="spie-print`)
}

// In person mode the form asks each thématique's view in plain words and
// nothing of the professional's fields; the professional's widget shows the
// person's words beside their own assessment.
func TestDiagnosticPersonMode(t *testing.T) {
	f := &widget.DiagnosticForm{}
	require.Empty(t, f.Configure(widget.Init{Data: json.RawMessage(demoJSON()), Role: "usager"}))
	h := renderForm(t, f)
	assert.Contains(t, h, "Étape 1 sur 2 : Votre avis, thème par thème")
	for _, d := range diagnostic.PersonImpacts {
		assert.Contains(t, h, d.Label.FR)
	}
	assert.NotContains(t, h, `id="champ-id"`)
	assert.NotContains(t, h, `id="champ-freins-logement-impact"`)
	assert.Contains(t, h, `id="champ-freins-logement-vue_personne-paroles"`)
	assert.Contains(t, h, "Donnée sensible")

	pro := &widget.DiagnosticForm{}
	require.Empty(t, pro.Configure(widget.Init{Data: json.RawMessage(demoJSON()), Role: "referent"}))
	pro.GoToStepForTest(3)
	h = renderForm(t, pro)
	assert.Contains(t, h, "Regard de la personne")
	assert.Contains(t, h, "Je dors chez ma sœur depuis l'été.")
	assert.Contains(t, h, `id="champ-freins-logement-impact"`)
}

// Whatever the partner sends, Prefill never panics; refused data leaves the
// form as it was, accepted data keeps the nine freins and an author.
func FuzzDiagnosticPrefill(f *testing.F) {
	f.Add([]byte(demoJSON()))
	f.Add([]byte(`{"diagnostic": {"freins": {"logement": {"impact": "fort"}}}, "jalons": {"date_orientation": "2026-11-20"}}`))
	f.Add([]byte(`{"freins": {"logement": {"impact": 3}}}`))
	f.Add([]byte(`{"freins": {"sante": {"details": "x"}}, "auteurs": 1}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[`))
	fresh, err := json.Marshal(widget.NewDiagnostic(today))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		form := &widget.DiagnosticForm{}
		fs := form.Prefill(json.RawMessage(data))
		d := form.Document()
		if len(fs) > 0 {
			got, err := json.Marshal(d)
			require.NoError(t, err)
			assert.JSONEq(t, string(fresh), string(got), "refused data changed the form")
			return
		}
		for _, k := range diagnostic.FreinThematiques.Keys() {
			_, ok := d.Freins[diagnostic.FreinThematique(k)]
			assert.True(t, ok, k)
		}
		assert.NotEmpty(t, d.Authors)
	})
}

// The partner's data opens the person's mode or the professional's form;
// unreadable data is refused.
func ExampleDiagnosticForm_Configure() {
	f := &widget.DiagnosticForm{}
	fs := f.Configure(widget.Init{Role: "usager", Data: json.RawMessage(`{"diagnostic": {"personne": {"id": "P-1"}}, "referent": {"professionnel": "Dominique Leroy"}}`)})
	fmt.Println(len(fs), f.Document().Person.ID)
	fs = f.Configure(widget.Init{Data: json.RawMessage(`[1]`)})
	fmt.Println(fs[0].Code)
	// Output:
	// 0 P-1
	// WIDGET-DIAG-01
}

// The summary for the person names the next deadline and those passed: RSA
// rights opened on 1 September 2026 had to lead to an orientation within 42
// days, by 13 October; on 25 November it is passed.
func ExampleNextDeadline() {
	d := diagnostic.Diagnostic{Criteria: diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2026-09-01"}}
	ds := diagnostic.Deadlines(&d, diagnostic.Decision{}, diagnostic.Milestones{}, "2026-11-25", nil)
	next, passed := widget.NextDeadline(ds)
	fmt.Println(next == nil, passed[0].Kind, passed[0].Due)
	// Output:
	// true orientation-rsa 2026-10-13
}

// Every field the form can require or the library can fault in what the
// form asks has a French label in the error summary, never a raw pointer.
func TestDiagnosticSummaryLabels(t *testing.T) {
	f := &widget.DiagnosticForm{}
	d := widget.NewDiagnostic(today)
	d.Professional.Diplomas = []diagnostic.Diploma{{Year: 1800}, {}}
	d.Professional.Skills = []diagnostic.Skill{{}}
	d.Professional.Project = []diagnostic.ProjectJob{{Priority: 1}, {Priority: 1}}
	d.Authors = append(d.Authors, diagnostic.Author{})
	d.CoDiagnostic = true
	fs := widget.CheckDiagnostic(&d, today)
	require.NotEmpty(t, fs)
	for _, ft := range fs {
		l := f.LabelOfForTest(ft.Path)
		assert.NotContains(t, l, "/", "%s → %q", ft.Path, l)
	}
	assert.Equal(t, "Intitulé du diplôme (n° 2)", f.LabelOfForTest("/situation_professionnelle/diplomes/1/intitule"))
	assert.Equal(t, "Comment la compétence est connue (n° 1)", f.LabelOfForTest("/situation_professionnelle/competences/0/validation"))
	assert.Equal(t, "Nom du professionnel", f.LabelOfForTest("/auteurs/0/nom"))
	assert.Equal(t, "Nom du professionnel (n° 2)", f.LabelOfForTest("/auteurs/1/nom"))
	assert.Equal(t, "Santé, les mots de la personne", f.LabelOfForTest("/freins/sante/vue_personne/paroles"))
}

// The person is asked to fix only their own view: the professional's
// required fields left empty do not stop them, the same priority given to
// two thématiques does (DIAG-PRIORITE-10, RULES.md §2).
func TestDiagnosticPersonSubmit(t *testing.T) {
	person := &widget.DiagnosticForm{}
	require.Empty(t, person.Configure(widget.Init{Role: "usager"}))
	person.Submit(app.Context{})
	assert.Contains(t, renderForm(t, person), "Votre avis a été envoyé")

	pro := &widget.DiagnosticForm{}
	require.Empty(t, pro.Configure(widget.Init{Role: "referent"}))
	pro.GoToStepForTest(5)
	pro.Submit(app.Context{})
	h := renderForm(t, pro)
	assert.NotContains(t, h, "Diagnostic envoyé")
	assert.Contains(t, h, "erreurs à corriger")

	person = &widget.DiagnosticForm{}
	require.Empty(t, person.Configure(widget.Init{Role: "usager", Data: json.RawMessage(`{"freins": {"logement": {"impact": "fort", "vue_personne": {"impact": "fort", "priorite": 1}}, "mobilite": {"impact": "moyen", "vue_personne": {"impact": "fort", "priorite": 1}}}}`)}))
	person.GoToStepForTest(1)
	person.Submit(app.Context{})
	h = renderForm(t, person)
	assert.NotContains(t, h, "Votre avis a été envoyé")
	assert.Contains(t, h, "1 erreur à corriger")
	assert.Contains(t, h, "Mobilité, priorité donnée par la personne : la priorité 1 est donnée à plusieurs thématiques")
}
