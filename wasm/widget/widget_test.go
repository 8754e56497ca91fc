package widget_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/schemas"
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
	f.Prefill(json.RawMessage(`"pas un objet"`))
	assert.Equal(t, "1.0", f.Document().Version)
	assert.Len(t, f.Document().Freins, 9)
}

func TestCarnetRights(t *testing.T) {
	v := &widget.CarnetView{}
	can, _ := v.CanAddContact()
	assert.False(t, can, "sans carnet")
	v.Init(json.RawMessage(`{"acteur":{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}}`))
	can, why := v.CanAddContact()
	assert.True(t, can, why)
	v.Init(json.RawMessage(`{"acteur":{"professionnel":"Inconnu","siret_structure":"13002526500013","role":"partenaire"}}`))
	can, _ = v.CanAddContact()
	assert.False(t, can)
	c, err := widget.LoadExampleCarnet()
	require.NoError(t, err)
	assert.NotEmpty(t, c.Contacts)
	assert.NotEmpty(t, carnet.ContactKinds)
}

func TestBarChartSVG(t *testing.T) {
	s := widget.ExampleIndicators().Series[0]
	svg := widget.BarChartSVG(s)
	assert.Equal(t, len(s.Points), strings.Count(svg, `<rect class="bar"`))
	assert.Contains(t, svg, `role="img"`)
	assert.Contains(t, svg, "<title")
	assert.NotContains(t, svg, "style=")
	svg = widget.BarChartSVG(widget.IndicatorSeries{ID: "x", Title: "<script>", Points: []widget.IndicatorPoint{{Label: "a&b", Value: 0}}})
	assert.NotContains(t, svg, "<script>")
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
	c, err := widget.LoadExampleCarnet()
	require.NoError(t, err)
	health := carnet.CatalogActions.InGroup("sante")[0]
	healthLabel := strings.ReplaceAll(health.Label.FR, "'", "&#39;")
	c.Actions = append(c.Actions, carnet.Action{ID: "a-sante-test", CatalogAction: carnet.CatalogAction(health.Key), Thematique: "sante",
		Status: "en-cours", ProposedOn: "2026-10-01", ProposedBy: carnet.Actor{Role: "referent", StructureSIRET: "77500000100013"}})
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
	referent := render(`{"professionnel":"Sarah Lefèvre","siret_structure":"77500000100013","role":"referent"}`)
	assert.Contains(t, referent, healthLabel, "le référent voit l'action de santé")
	assert.Contains(t, referent, plain)

	partner := render(`{"siret_structure":"33188888000019","role":"partenaire"}`)
	assert.NotContains(t, partner, healthLabel, "le partenaire ne voit pas l'action de santé")
	assert.Contains(t, partner, plain, "le partenaire voit le plan auquel la personne a consenti")
	assert.Contains(t, partner, contact)

	outsider := render(`{"siret_structure":"55500000100019","role":"partenaire"}`)
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
