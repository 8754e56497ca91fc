package widget_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/spie/territory"
	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/widget"
)

// readable returns what a person reads or hears in a rendered widget: its
// text nodes (SVG titles included) and the attributes that assistive
// technologies read out (aria-label, title, placeholder, alt).
func readable(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			if s := strings.TrimSpace(n.Data); s != "" {
				out = append(out, s)
			}
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "aria-label", "title", "placeholder", "alt":
					if s := strings.TrimSpace(a.Val); s != "" {
						out = append(out, s)
					}
				}
			}
			if n.Data == "svg" {
				// an inline chart written as raw markup: parse its text too
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// render draws c in language l through go-app's test engine; prepare
// feeds the widget its data in that language (faults are kept in both
// languages, shown in the page's).
func renderIn(t *testing.T, l string, c app.Composer, prepare func()) string {
	t.Helper()
	widget.SetLang(l)
	t.Cleanup(func() { widget.SetLang(widget.LangFR) })
	if prepare != nil {
		prepare()
	}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	return app.HTMLString(c)
}

// codeLike is a key of a code list or an identifier, never shown as text.
var codeLike = regexp.MustCompile(`^[a-z0-9_.:-]*$`)

// dataTexts returns the free texts of a JSON document (names of people,
// structures and places, comments: the person's and professionals' own
// words, shown as they were written), to be allowed in an English
// rendering; the keys of code lists (lower-case, without blanks) are not
// among them, since a widget must show their labels.
func dataTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(doc, &v))
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if !codeLike.MatchString(x) {
				out = append(out, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// assertEnglish fails on each French word of the English rendering page.
func assertEnglish(t *testing.T, state, page string, allowed []string) {
	t.Helper()
	assert.Contains(t, page, "<main", state)
	for _, s := range readable(t, page) {
		if fr := frtext.French(s, allowed...); len(fr) > 0 {
			t.Errorf("%s : français %q dans le rendu anglais : %q", state, fr, s)
		}
	}
}

// assertFrench fails on each English word of the French rendering page.
func assertFrench(t *testing.T, state, page string, allowed []string) {
	t.Helper()
	for _, s := range readable(t, page) {
		for _, a := range allowed {
			s = strings.ReplaceAll(s, a, " ")
		}
		if en := frtext.Problems(s); len(en) > 0 {
			t.Errorf("%s : anglais %q dans le rendu français : %q", state, en, s)
		}
	}
}

// bothLanguages renders one state of a widget in English and in French,
// each from a fresh component, and checks each language.
func bothLanguages(t *testing.T, state string, data []byte, build func() (app.Composer, func()), names ...string) {
	t.Helper()
	allowed := names
	if data != nil {
		allowed = append(dataTexts(t, data), names...)
	}
	c, prepare := build()
	assertEnglish(t, state, renderIn(t, widget.LangEN, c, prepare), allowed)
	c, prepare = build()
	assertFrench(t, state, renderIn(t, widget.LangFR, c, prepare), allowed)
}

func TestSetLang(t *testing.T) {
	t.Cleanup(func() { widget.SetLang(widget.LangFR) })
	assert.Equal(t, "en", widget.SetLang("en"))
	assert.Equal(t, "en", widget.Lang())
	assert.Equal(t, "fr", widget.SetLang("de"), "une langue inconnue : le français")
	assert.Equal(t, "fr", widget.SetLang(""))
}

// TestCarnetInEnglish: each state of the carnet widget (waiting, refused,
// shown to its référent with the contact form, to an outsider without it,
// after a refused contact) holds no French in English but the data's own
// words and the terms of art, and no English in French.
func TestCarnetInEnglish(t *testing.T) {
	full := loadCarnet(t, "rsa-perdu-de-vue-soissons.json")
	referent := `{"professionnel":"Inconnu","siret_structure":"13002526500013","role":"referent"}`
	for _, m := range loadMembers(t, full) {
		if m["role"] == "referent" {
			referent = string(must(json.Marshal(map[string]string{"professionnel": m["professionnel"], "siret_structure": m["siret_structure"], "role": "referent"})))
		}
	}
	with := func(actor string) []byte {
		return []byte(`{"carnet":` + string(full) + `,"acteur":` + actor + `}`)
	}
	for _, tc := range []struct {
		state string
		data  []byte
		after func(v *widget.CarnetView)
	}{
		{"attente", nil, nil},
		{"refus", []byte(`"pas un objet"`), nil},
		{"lecteur non déclaré", []byte(`{"carnet":` + string(full) + `}`), nil},
		{"référent", with(referent), nil},
		{"hors du carnet", with(`{"professionnel":"Inconnu","siret_structure":"55500000100019","role":"partenaire"}`), nil},
		{"rendez-vous refusé", with(referent), func(v *widget.CarnetView) { v.SetDraftDate(""); v.AddContactForTest() }},
	} {
		t.Run(tc.state, func(t *testing.T) {
			bothLanguages(t, tc.state, tc.data, func() (app.Composer, func()) {
				v := &widget.CarnetView{}
				return v, func() {
					if tc.data != nil {
						v.Init(json.RawMessage(tc.data))
					}
					if tc.after != nil {
						tc.after(v)
					}
				}
			})
		})
	}
}

func loadMembers(t *testing.T, full []byte) []map[string]string {
	t.Helper()
	var c struct {
		Membres []map[string]any `json:"membres"`
	}
	require.NoError(t, json.Unmarshal(full, &c))
	var out []map[string]string
	for _, m := range c.Membres {
		s := map[string]string{}
		for k, v := range m {
			if x, ok := v.(string); ok {
				s[k] = x
			}
		}
		out = append(out, s)
	}
	return out
}

// diagnosticEnvelope is the partner's data for the diagnostic widget: the
// demo person's diagnostic (demoJSON), a référent, a plan and the date of
// the orientation notice, so that the recap shows the orientation, its
// deadlines and the printable summary.
func diagnosticEnvelope() string {
	return `{"diagnostic": ` + demoJSON() + `, "jalons": {"date_orientation": "2026-11-20"},
"referent": {"id": "m1", "role": "referent", "professionnel": "Dominique Leroy", "siret_structure": "22020001800004", "date_debut": "2026-11-20"},
"plan": {"objectifs": [{"id": "o1", "thematique": "logement", "objectif": "` + diagnostic.Objectifs.InGroup("logement")[0].Key + `", "statut": "EN_COURS", "date": "2026-11-20"}]}}`
}

// TestDiagnosticInEnglish: every step of both modes (professional and
// person), filled with the demo person's data or empty with its error
// summary, refused data and the sent state hold no French in English but
// the data's own words and the terms of art, and no English in French.
func TestDiagnosticInEnglish(t *testing.T) {
	env := []byte(diagnosticEnvelope())
	type state struct {
		name string
		data []byte
		role string
		act  func(f *widget.DiagnosticForm)
	}
	var states []state
	for _, mode := range []struct{ role, name string }{{"", "professionnel"}, {widget.RoleUsager, "personne"}} {
		for n := range widget.StepTitlesForTest(mode.role == widget.RoleUsager) {
			states = append(states, state{fmt.Sprintf("%s/étape %d", mode.name, n+1), env, mode.role, func(f *widget.DiagnosticForm) { f.GoToStepForTest(n) }})
		}
		states = append(states,
			state{mode.name + "/étape 1 vide, erreurs", nil, mode.role, func(f *widget.DiagnosticForm) { f.NextForTest() }},
			state{mode.name + "/envoi refusé", nil, mode.role, func(f *widget.DiagnosticForm) { f.SubmitForTest() }},
			state{mode.name + "/envoyé", env, mode.role, func(f *widget.DiagnosticForm) { f.SubmitForTest() }},
		)
	}
	// Lists and the co-diagnostic: jobs, diplomas, skills, a second author.
	full := strings.Replace(demoJSON(), `"situation_emploi":"recherche-emploi",`, `"situation_emploi":"recherche-emploi",
"projet_professionnel":[{"code_rome":"M1203","libelle":"Comptable"}],"diplomes":[{"intitule":"CAP cuisine","niveau":"CP4","annee":2010}],
"competences":[{"libelle":"Accueil du public","validation":"observee"}],`, 1)
	full = strings.Replace(full, `"auteurs":[{"nom":"Camille Martin","role":"travailleur-social"}]`,
		`"co_diagnostic":true,"auteurs":[{"nom":"Camille Martin","role":"travailleur-social"},{"nom":"Alex Durand","role":"conseiller-france-travail","siret_structure":"13000548100010"}]`, 1)
	require.NotEqual(t, demoJSON(), full)
	// The lists are drawn (their English legends, from diagText).
	for n, want := range map[int][]string{2: {"Job sought no. 1", "Diploma no. 1", "Skill no. 1"}, 4: {"Second author (joint assessment)"}} {
		f := &widget.DiagnosticForm{}
		page := renderIn(t, widget.LangEN, f, func() {
			require.Empty(t, f.Configure(widget.Init{Data: json.RawMessage(full)}))
			f.GoToStepForTest(n)
		})
		for _, w := range want {
			assert.Contains(t, page, w)
		}
	}
	for _, n := range []int{2, 4, 5} {
		states = append(states, state{fmt.Sprintf("listes et co-diagnostic/étape %d", n+1), []byte(full), "", func(f *widget.DiagnosticForm) { f.GoToStepForTest(n) }})
	}
	states = append(states, state{"données refusées", []byte(`"pas un objet"`), "", nil})
	for _, s := range states {
		t.Run(s.name, func(t *testing.T) {
			bothLanguages(t, s.name, s.data, func() (app.Composer, func()) {
				f := &widget.DiagnosticForm{}
				return f, func() {
					data := json.RawMessage("null")
					if s.data != nil {
						data = s.data
					}
					f.Configure(widget.Init{Data: data, Role: s.role})
					if s.act != nil {
						s.act(f)
					}
				}
			})
		})
	}
}

// TestIndicatorsInEnglish: the indicateurs widget waiting, refusing data,
// showing the demo portal's carnet and network indicators (with a selected
// cohort whose cells are secret) and a report whose every group is under
// the secret holds no French in English but the names of the data
// (territories, cohorts, committees) and no English in French.
func TestIndicatorsInEnglish(t *testing.T) {
	data, err := demo.IndicatorsData()
	require.NoError(t, err)
	quatre, err := os.ReadFile(filepath.Join("..", "..", "cmd", "spie", "testdata", "indicators", "quatre-carnets.json"))
	require.NoError(t, err)
	allSecret := []byte(`{"indicateurs":` + string(quatre) + `}`)
	// Names the widget shows as they are: the groups' keys (cohorts, in
	// the carnet and the network reports) and the départements' names of
	// the territory table.
	var names []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "valeur" || k == "cohorte") {
					names = append(names, s)
					if d, ok := territory.Default().Departement(s); ok {
						names = append(names, d.Name)
					}
				}
				walk(e)
			}
		}
	}
	for _, doc := range [][]byte{data, allSecret} {
		var v any
		require.NoError(t, json.Unmarshal(doc, &v))
		walk(v)
	}
	for _, tc := range []struct {
		state string
		data  []byte
		act   func(c *widget.Indicateurs)
	}{
		{"attente", nil, nil},
		{"refus", []byte(`{"indicateurs": "pas un rapport"}`), nil},
		{"indicateurs du portail", data, nil},
		{"période et groupe choisis", data, func(c *widget.Indicateurs) { c.SelectForTest(1, 1, 1) }},
		{"tout sous le secret", allSecret, nil},
	} {
		t.Run(tc.state, func(t *testing.T) {
			bothLanguages(t, tc.state, tc.data, func() (app.Composer, func()) {
				c := &widget.Indicateurs{}
				return c, func() {
					if tc.data != nil {
						c.Init(tc.data)
					}
					if tc.act != nil {
						tc.act(c)
					}
				}
			}, names...)
		})
	}
}

// TestOffreAndPrescriptionInEnglish: the offre widget (waiting, refused
// data, results around Laon within 15 km, a refused radius and commune,
// the prescription form it opens, its error summary, the proposed fiche)
// and the prescription widget (waiting, refused data, form, error summary,
// proposed, sent with its 72 h deadline) hold no French in English but the
// catalogue's own words and the terms of art, and no English in French.
func TestOffreAndPrescriptionInEnglish(t *testing.T) {
	laon := offreData(t, `,"commune":"02408","rayon_mobilite_km":15,"personne":{"id":"AISNE-2026-00042","code_commune":"02408"},"emetteur":`+prescriber+`}`)
	laon = json.RawMessage(strings.TrimSuffix(string(laon), "}"))
	for _, tc := range []struct {
		state string
		data  []byte
		act   func(c *widget.OffreSearch)
	}{
		{"attente", nil, nil},
		{"refus", []byte(`"pas un objet"`), nil},
		{"résultats", laon, nil},
		{"rayon refusé", laon, func(c *widget.OffreSearch) { c.SetRadiusForTest("-3"); c.Search() }},
		{"commune inconnue", laon, func(c *widget.OffreSearch) { c.SearchCommuneForTest("02999") }},
		{"fiche ouverte", laon, func(c *widget.OffreSearch) { c.Orient(0) }},
		{"fiche, erreurs", laon, func(c *widget.OffreSearch) {
			c.Orient(0)
			c.Draft().Fill("", "", "", "", "")
			c.Draft().Submit()
		}},
		{"fiche proposée", laon, func(c *widget.OffreSearch) {
			c.Orient(0)
			c.Draft().Fill("Camille Martin", "22020001800004", "AISNE-2026-00042", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
			c.Draft().Submit()
		}},
	} {
		t.Run("offre/"+tc.state, func(t *testing.T) {
			bothLanguages(t, tc.state, tc.data, func() (app.Composer, func()) {
				c := &widget.OffreSearch{}
				return c, func() {
					if tc.data != nil {
						c.Init(tc.data)
					}
					if tc.act != nil {
						tc.act(c)
					}
				}
			}, "Besoin de préparer le permis B pour accéder à l'emploi.")
		})
	}

	service := firstService(t)
	full := []byte(`{"service":` + string(service) + `,"personne":` + person + `,"emetteur":` + prescriber + `}`)
	send := func(c *widget.PrescriptionForm) {
		p := c.Draft()
		p.Fill("Camille Martin", "22020001800004", "AISNE-2026-00042", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
		p.Submit()
	}
	for _, tc := range []struct {
		state string
		data  []byte
		act   func(c *widget.PrescriptionForm)
	}{
		{"attente", nil, nil},
		{"refus", []byte(`{"personne":` + person + `}`), nil},
		{"rôle inconnu", []byte(`{"service":` + string(service) + `,"personne":` + person + `,"emetteur":{"role":"directeur","nom":"Camille Martin"}}`), nil},
		{"fiche", full, nil},
		{"erreurs", []byte(`{"service":` + string(service) + `,"personne":{"code_commune":"02691"}}`), func(c *widget.PrescriptionForm) { c.Draft().Submit() }},
		{"proposée", full, send},
		{"transmise", full, func(c *widget.PrescriptionForm) {
			send(c)
			server := c.Draft().Document()
			require.Empty(t, server.Send(today, "Camille Martin"))
			b, _ := json.Marshal(server)
			require.Empty(t, c.Draft().Outcome(b))
		}},
	} {
		t.Run("prescription/"+tc.state, func(t *testing.T) {
			bothLanguages(t, tc.state, tc.data, func() (app.Composer, func()) {
				c := &widget.PrescriptionForm{}
				return c, func() {
					if tc.data != nil {
						c.Init(tc.data)
					}
					if tc.act != nil {
						tc.act(c)
					}
				}
			}, "Besoin de préparer le permis B pour accéder à l'emploi.")
		})
	}
}
