package widget_test

import (
	"encoding/json"
	"html"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/internal/leak"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm/manifest"
	"github.com/spie-fr/socle/wasm/widget"
)

var today = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func init() { widget.Clock = func() time.Time { return today } }

func TestEveryWidgetRenders(t *testing.T) {
	for _, name := range manifest.Widgets.Keys() {
		t.Run(name, func(t *testing.T) {
			c, ok := widget.New(name)
			require.True(t, ok, "widget %s sans composant", name)
			e := app.NewTestEngine()
			require.NoError(t, e.Load(c))
			e.ConsumeAll()
			html := app.HTMLString(c)
			d, _ := manifest.Widgets.Get(name)
			assert.Contains(t, html, "<main")
			assert.Contains(t, html, strings.ReplaceAll(d.Label.FR, "'", "&#39;"))
			assert.NotContains(t, html, "style=")
		})
	}
}

func TestDiagnosticRequiredFaults(t *testing.T) {
	d := widget.NewDiagnostic(today)
	fs := widget.CheckDiagnostic(&d, today)
	for _, path := range []string{"/id", "/personne/id", "/personne/date_naissance", "/personne/code_commune", "/situation_professionnelle/situation_emploi", "/siret_structure", "/auteurs/0/nom", "/auteurs/0/role"} {
		assert.True(t, fs.Has("INPUT-FORM-01", path), path)
	}
	assert.False(t, fs.Valid())
}

// A document the form accepts is accepted by schemas.Validate.
func TestDiagnosticFormDocumentValidates(t *testing.T) {
	f := &widget.DiagnosticForm{}
	f.Prefill(json.RawMessage(`{"id":"DIAG-1","personne":{"id":"P-1","date_naissance":"1990-04-12","code_commune":"02691"},
"criteres_publics":{"rsa":true,"date_ouverture_droits_rsa":"2026-09-01"},"situation_professionnelle":{"situation_emploi":"recherche-emploi"},
"siret_structure":"22020001800004","auteurs":[{"nom":"Camille Martin","role":"travailleur-social"}],"consentement":{"partage":true,"date":"2026-11-25"}}`))
	d := f.Document()
	fs := widget.CheckDiagnostic(&d, today)
	require.True(t, fs.Valid(), "%v", fs)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	sf := schemas.Validate("diagnostic", b, schemas.WithNow(func() time.Time { return today }))
	assert.True(t, sf.Valid(), "%v", sf)
	o := widget.Orient(&d)
	assert.NotEmpty(t, o.Label)
}

func TestPrefillIgnoresGarbage(t *testing.T) {
	f := &widget.DiagnosticForm{}
	assert.Len(t, f.Prefill(json.RawMessage(`"pas un objet"`)), 1)
	assert.Equal(t, "1.0", f.Document().Version)
	assert.Len(t, f.Document().Freins, 9)
}

func loadCarnet(t *testing.T, name string) []byte {
	t.Helper()
	b, err := examples.Carnets.ReadFile("carnet/" + name)
	require.NoError(t, err)
	return b
}

func TestCarnetRights(t *testing.T) {
	full := loadCarnet(t, "cej-jeune-laon.json")
	v := &widget.CarnetView{}
	can, _ := v.CanAddContact()
	assert.False(t, can, "sans carnet")
	init := func(actor string) spie.Faults {
		return v.Init(json.RawMessage(`{"carnet":` + string(full) + `,"acteur":` + actor + `}`))
	}
	require.Empty(t, init(`{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}`))
	can, why := v.CanAddContact()
	assert.True(t, can, why)
	require.Empty(t, init(`{"professionnel":"Inconnu","siret_structure":"13002526500013","role":"partenaire"}`))
	can, _ = v.CanAddContact()
	assert.False(t, can)
	assert.NotEmpty(t, carnet.ContactKinds)
}

// Refused data is told to the partner with faults, and nothing is shown.
func TestCarnetRefusesBadData(t *testing.T) {
	full := loadCarnet(t, "cej-jeune-laon.json")
	for _, tc := range []struct{ data, code string }{
		{`"pas un objet"`, "WIDGET-CARNET-01"},
		{`{"acteur":{"role":"referent"}}`, "WIDGET-CARNET-01"},
		{`{"carnet":` + string(full) + `}`, "WIDGET-CARNET-02"},
		{`{"carnet":` + string(full) + `,"acteur":{"siret_structure":"77500000300019"}}`, "WIDGET-CARNET-02"},
	} {
		v := &widget.CarnetView{}
		fs := v.Init(json.RawMessage(tc.data))
		assert.True(t, fs.HasCode(tc.code), "%s : %v", tc.data, fs)
		html := renderHTML(t, v)
		assert.NotContains(t, html, "Sarah Lefèvre", tc.data)
	}
}

func renderHTML(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	return html.UnescapeString(app.HTMLString(c))
}

// TestCarnetWidgetShowsOnlyTheView (issue 15, item 2): handed the FULL
// carnet by mistake, for a viewer of each role of the rights matrix (a
// member of the carnet when one has that role, else a structure that is not
// a member), the widget's HTML holds no value that carnet.View hides from
// that viewer — the library's View is the oracle, the widget is under test.
func TestCarnetWidgetShowsOnlyTheView(t *testing.T) {
	for _, name := range []string{"rsa-perdu-de-vue-soissons.json", "cej-jeune-laon.json", "reorientation-social-global-chauny.json"} {
		full := loadCarnet(t, name)
		var c carnet.Carnet
		require.NoError(t, json.Unmarshal(full, &c))
		for _, role := range carnet.Roles.Keys() {
			actor := carnet.Actor{Role: carnet.Role(role), StructureSIRET: "13002526500013", Professional: "Inconnu"}
			for _, m := range c.Members {
				if string(m.Role) == role {
					actor = carnet.Actor{Role: m.Role, StructureSIRET: m.StructureSIRET, Professional: m.Professional}
				}
			}
			if actor.Role == carnet.RoleUsager {
				actor.Professional = c.Person.ID // the person, as the partner authenticated them (issue 16)
			}
			t.Run(name+"/"+role, func(t *testing.T) {
				view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: actor, On: spie.DateOf(today)}))
				require.NoError(t, err)
				hidden, err := leak.Hidden(full, view)
				require.NoError(t, err)
				a, _ := json.Marshal(actor)
				show := func(doc []byte) string {
					v := &widget.CarnetView{}
					require.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(doc)+`,"acteur":`+string(a)+`}`)))
					return renderHTML(t, v)
				}
				// A hidden value that the widget also shows when handed only
				// the view comes from its own text (a label, the viewer's
				// SIRET), not from the hidden data.
				own := leak.Found(show(view), hidden)
				leaked := leak.Found(show(full), hidden)
				assert.Subset(t, own, leaked, "valeurs masquées affichées")
				if role == string(carnet.RolePartenaire) {
					assert.NotEmpty(t, hidden, "rien de masqué au partenaire : le test ne prouverait rien")
				}
			})
		}
	}
}

func TestEmptyRequiredFieldReportsOnce(t *testing.T) {
	d := widget.NewDiagnostic(today)
	fs := widget.CheckDiagnostic(&d, today)
	n := 0
	for _, f := range fs {
		if f.Path == "/personne/code_commune" {
			n++
		}
	}
	assert.Equal(t, 1, n, "%v", fs)
}

// TestCarnetWidgetShowsTheViewersView: the widget shows what carnet.View
// lets the viewer read (RULES.md §10): a consenting partner sees the plan
// without its health actions, a structure outside the carnet sees none of it.
func TestCarnetWidgetShowsTheViewersView(t *testing.T) {
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &c))
	health := carnet.CatalogActions.InGroup("sante")[0]
	healthLabel := strings.ReplaceAll(health.Label.FR, "'", "&#39;")
	// added through the journal: a full carnet changed outside it is refused
	ref := carnet.Actor{Professional: "Sarah Lefèvre", Role: "referent", StructureSIRET: "77500000300019"}
	require.Empty(t, carnet.Apply(&c, carnet.Change{Op: "ajouter", Target: "actions", ID: "a-sante-test", At: time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC),
		Value: carnet.Action{ID: "a-sante-test", CatalogAction: carnet.CatalogAction(health.Key), Thematique: "sante",
			Status: "en-cours", ProposedOn: "2026-10-01", ProposedBy: ref}}, ref))
	require.NotEmpty(t, c.Contacts)
	contact := carnet.ContactKinds.LabelOf(string(c.Contacts[0].Kind))
	plain := carnet.CatalogActions.LabelOf(string(c.Actions[0].CatalogAction))
	render := func(actor string) string {
		v := &widget.CarnetView{}
		v.Init(json.RawMessage(`{"carnet":` + string(must(json.Marshal(c))) + `,"acteur":` + actor + `}`))
		e := app.NewTestEngine()
		require.NoError(t, e.Load(v))
		e.ConsumeAll()
		return app.HTMLString(v)
	}
	referent := render(`{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}`)
	assert.Contains(t, referent, healthLabel, "le référent voit l'action de santé")
	assert.Contains(t, referent, plain)

	partner := render(`{"professionnel":"Auto-école solidaire du Laonnois","siret_structure":"33188888300013","role":"partenaire"}`)
	assert.NotContains(t, partner, healthLabel, "le partenaire ne voit pas l'action de santé")
	assert.Contains(t, partner, plain, "le partenaire voit le plan auquel la personne a consenti")
	assert.Contains(t, partner, contact)

	outsider := render(`{"professionnel":"Inconnu","siret_structure":"55500000100019","role":"partenaire"}`)
	assert.NotContains(t, outsider, healthLabel)
	assert.NotContains(t, outsider, plain, "une structure hors du carnet ne voit pas le plan")
	assert.NotContains(t, outsider, c.Cohort, "ni la cohorte")
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestCarnetWidgetVerifiesAFullCarnet (issue 16): a full carnet whose
// content was changed outside its journal is refused, nothing shown; a
// view marked by carnet.View is rendered without verification.
func TestCarnetWidgetVerifiesAFullCarnet(t *testing.T) {
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &c))
	c.Members = append(c.Members, carnet.Member{ID: "m-intrus", Role: "co-referent", StructureSIRET: "44400000400010", Professional: "Intrus", Start: "2025-09-01"})
	b, err := json.Marshal(c)
	require.NoError(t, err)
	actor := `{"professionnel":"Intrus","siret_structure":"44400000400010","role":"co-referent"}`
	v := &widget.CarnetView{}
	fs := v.Init(json.RawMessage(`{"carnet":` + string(b) + `,"acteur":` + actor + `}`))
	assert.True(t, fs.HasCode("CARNET-JOURNAL-10"), "%v", fs)
	html := renderHTML(t, v)
	assert.NotContains(t, html, "Sarah Lefèvre")
	assert.Contains(t, html, "Carnet refusé")

	var good carnet.Carnet
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &good))
	ref := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: "referent"}
	view := carnet.View(&good, carnet.Viewer{Actor: ref, On: spie.DateOf(widget.Clock())})
	vb, err := json.Marshal(view)
	require.NoError(t, err)
	v = &widget.CarnetView{}
	require.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(vb)+`,"acteur":{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}}`)))
	assert.Contains(t, renderHTML(t, v), "Sarah Lefèvre")
}

// TestOrientLabelSaysParcoursOnce: the label of the proposal says
// « Parcours » once (it read « Parcours Parcours socio-professionnel »).
func TestOrientLabelSaysParcoursOnce(t *testing.T) {
	for _, name := range []string{"jeune-laon.json", "rsa-logement-sante-marseille.json", "boeth-carcassonne.json", "parent-isole-chauny.json"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile("../../examples/diagnostic/" + name)
			require.NoError(t, err)
			var d diagnostic.Diagnostic
			require.NoError(t, json.Unmarshal(b, &d))
			o := widget.Orient(&d)
			assert.True(t, strings.HasPrefix(o.Label, "Parcours "), o.Label)
			assert.Equal(t, 1, strings.Count(o.Label, "Parcours"), o.Label)
		})
	}
}

// A hostile or mistaken host hands the full carnet with a forged view mark
// for the declared viewer (a marked carnet is not verified again): the
// widget still shows only what that viewer's view holds — View runs on
// whatever is handed, marked or not.
func TestCarnetWidgetForgedViewMark(t *testing.T) {
	for _, name := range []string{"rsa-perdu-de-vue-soissons.json", "cej-jeune-laon.json", "reorientation-social-global-chauny.json"} {
		full := loadCarnet(t, name)
		var c carnet.Carnet
		require.NoError(t, json.Unmarshal(full, &c))
		for _, role := range []carnet.Role{carnet.RolePartenaire, carnet.RoleCoReferent, carnet.RoleCoordinateurSPIE, carnet.RoleChargeOrientation} {
			actor := carnet.Actor{Role: role, StructureSIRET: "13002526500013", Professional: "Inconnu"}
			for _, m := range c.Members {
				if m.Role == role {
					actor = carnet.Actor{Role: m.Role, StructureSIRET: m.StructureSIRET, Professional: m.Professional}
				}
			}
			t.Run(name+"/"+string(role), func(t *testing.T) {
				view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: actor, On: spie.DateOf(today)}))
				require.NoError(t, err)
				hidden, err := leak.Hidden(full, view)
				require.NoError(t, err)
				forged := c
				forged.Mark = &carnet.ViewMark{Viewer: actor, On: spie.DateOf(today)}
				doc, err := json.Marshal(&forged)
				require.NoError(t, err)
				a, _ := json.Marshal(actor)
				show := func(doc []byte) string {
					v := &widget.CarnetView{}
					require.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(doc)+`,"acteur":`+string(a)+`}`)))
					return renderHTML(t, v)
				}
				own := leak.Found(show(view), hidden)
				assert.Subset(t, own, leak.Found(show(doc), hidden), "valeurs masquées affichées derrière une fausse marque de vue")
				if role == carnet.RolePartenaire {
					assert.NotEmpty(t, hidden, "rien de masqué au partenaire : le test ne prouverait rien")
				}
			})
		}
	}
}
