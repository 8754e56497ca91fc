package widget_test

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/widget"
)

func renderIndicators(t *testing.T, c *widget.Indicateurs) string {
	t.Helper()
	return regexp.MustCompile(`>\s+<`).ReplaceAllString(html.UnescapeString(renderHTML(t, c)), "><")
}

// wordsOf returns what a person or a program can read in a page: its text
// nodes and the values of its attributes, except the classes and the SVG
// geometry.
func wordsOf(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`>([^<]+)<`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	for _, m := range regexp.MustCompile(`([a-zA-Z-]+)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		switch m[1] {
		case "class", "x", "y", "width", "height", "viewBox", "text-anchor":
		default:
			out = append(out, m[2])
		}
	}
	return out
}

// rowOf returns the table row whose header is label.
func rowOf(t *testing.T, page, label string) string {
	t.Helper()
	m := regexp.MustCompile(`<tr><th scope="row">` + regexp.QuoteMeta(label) + `</th>.*?</tr>`).FindString(page)
	require.NotEmpty(t, m, "ligne %q introuvable", label)
	return m
}

// The widget shows the output of `spie indicators` and the network
// indicators of the examples as the portal sends them: every indicator
// under its label from carnet.Indicators, the latest period first, and a
// secret cell written « secret », with no bar and no figure.
func TestIndicatorsShowTheReports(t *testing.T) {
	data, err := demo.IndicatorsData()
	require.NoError(t, err)
	var in struct {
		Carnet  []carnet.Report  `json:"indicateurs"`
		Network []network.Report `json:"reseau"`
	}
	require.NoError(t, json.Unmarshal(data, &in))
	require.Len(t, in.Carnet, 2)

	c := &widget.Indicateurs{}
	require.Empty(t, c.Init(data))
	page := renderIndicators(t, c)
	assert.Contains(t, page, "30/06/2026", "la dernière période d'abord")
	assert.Contains(t, page, `id="champ-periode"`, "deux périodes : un sélecteur")
	assert.Contains(t, page, `id="champ-groupe"`, "plusieurs territoires et groupes : un sélecteur")
	for _, d := range carnet.Indicators {
		assert.Contains(t, page, d.Label.FR)
	}
	// Worked by hand from the examples: 3 of the 4 carnets were diagnosed
	// within a month of entering (the Chauny one 210 days after), so 30 of
	// the 40 copies: 75 %, base 40.
	assert.Regexp(t, `<td>75 %</td><td>40</td>`, rowOf(t, page, carnet.Indicators.LabelOf("diagnostic-1-mois")))
	assert.NotContains(t, page, "Aisne-sur-Mer", "plus de chiffres fictifs")

	// The cohort of Laon: its prescriptions within 72 h are secret.
	last := in.Carnet[1]
	laon := -1
	for i, g := range last.Groups {
		if g.Dimension == "cohorte" && g.Key == "laon-18-30" {
			laon = i
		}
	}
	require.GreaterOrEqual(t, laon, 0)
	require.True(t, last.Groups[laon].Values["prescriptions-72h"].Suppressed, "les exemples doivent garder une cellule secrète")
	c = &widget.Indicateurs{}
	require.Empty(t, c.Init(data))
	c.SelectForTest(1, laon, 1)
	page = renderIndicators(t, c)
	row := rowOf(t, page, carnet.Indicators.LabelOf("prescriptions-72h"))
	assert.Equal(t, `<tr><th scope="row">`+carnet.Indicators.LabelOf("prescriptions-72h")+`</th><td>secret</td><td>secret</td></tr>`, row)
	// One bar per published figure, none for a secret one.
	published := 0
	for _, v := range last.Groups[laon].Values {
		if !v.Suppressed {
			published++
		}
	}
	assert.Equal(t, published, strings.Count(page, `<rect class="bar"`)-networkBars(in.Network[1]))
}

// networkBars counts the published cells of a network report (one bar each).
func networkBars(r network.Report) int {
	n := 0
	for _, s := range r.Labels {
		if !s.Count.Secret {
			n++
		}
	}
	for _, c := range r.Cohorts {
		for _, x := range []bool{c.AtStart.Secret, c.AtEnd.Secret, c.Entered.Secret, c.Left.Secret} {
			if !x {
				n++
			}
		}
	}
	return n
}

// A secret cell of the network indicators is never a figure: network's
// own example (42 at the start and 4 exits, both made secret) shows
// neither 42 nor 4 anywhere, and no bar for them.
func TestIndicatorsSecretIsNeverAFigure(t *testing.T) {
	ci := network.Cohort(cohort.Movement{Cohort: "laon-18-30", From: "2026-01-01", To: "2026-06-30", AtStart: 42, AtEnd: 47, Entered: 9, Left: 4}, 5)
	require.True(t, ci.AtStart.Secret)
	require.True(t, ci.Left.Secret)
	b, err := json.Marshal(map[string]any{"reseau": network.Report{Date: "2026-06-30", Threshold: 5, Cohorts: []network.CohortIndicators{ci}}})
	require.NoError(t, err)
	c := &widget.Indicateurs{}
	require.Empty(t, c.Init(b))
	page := renderIndicators(t, c)
	for _, w := range wordsOf(page) {
		assert.NotRegexp(t, `(^|[^0-9])(42|4)([^0-9]|$)`, w)
	}
	assert.Equal(t, 2, strings.Count(page, `<rect class="bar"`), "47 et 9 seulement")
	for _, k := range []string{"effectif_debut", "sorties"} {
		assert.Equal(t, `<tr><th scope="row">`+network.Indicators.LabelOf(k)+`</th><td>secret</td></tr>`, rowOf(t, page, network.Indicators.LabelOf(k)))
	}
	assert.Contains(t, rowOf(t, page, network.Indicators.LabelOf("effectif_fin")), "<td>47</td>")
}

// Data the widget refuses: each case is a valid report broken in one way;
// the widget then shows the faults and no figure.
func TestIndicatorsRefuseInvalidData(t *testing.T) {
	// Valid: 10 people, 6 of them diagnosed within the month (6 / 10 = 0.6).
	group := func(values string) string {
		return `{"dimension":"ensemble","valeur":"tous","personnes":10,"indicateurs":{` + values + `}}`
	}
	report := func(date, seuil, groups string) string {
		return `{"date":"` + date + `"` + seuil + `,"carnets_lus":10,"lignes_illisibles":0,"groupes":[` + groups + `]}`
	}
	okValues := `"entrants":{"effectif":10},"diagnostic-1-mois":{"effectif":6,"base":10,"taux":0.6}`
	valid := `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues)) + `}`
	c := &widget.Indicateurs{}
	require.Empty(t, c.Init([]byte(valid)))
	page := renderIndicators(t, c)
	assert.Contains(t, page, "<svg")
	assert.NotContains(t, page, "<select", "une période, un groupe : rien à choisir")

	net := func(body string) string { return `{"reseau":{"date":"2026-06-30","seuil_secret":5,` + body + `}}` }
	for _, tc := range []struct{ name, data, code, path string }{
		{"pas un objet", `"pas un objet"`, "WIDGET-INDICATEURS-01", ""},
		{"ancien format du widget", `{"territoire":"Aisne","periode":"2026","series":[]}`, "WIDGET-INDICATEURS-01", ""},
		{"champ inconnu d'un rapport", `{"indicateurs":{"date":"2026-06-30","seuil_secret":5,"groupes":[],"series":[]}}`, "WIDGET-INDICATEURS-01", "/indicateurs"},
		{"rien", `{}`, "WIDGET-INDICATEURS-02", ""},
		{"date", `{"indicateurs":` + report("30/06/2026", `,"seuil_secret":5`, group(okValues)) + `}`, "WIDGET-INDICATEURS-03", "/indicateurs/0/date"},
		{"seuil absent", `{"indicateurs":` + report("2026-06-30", ``, group(okValues)) + `}`, "WIDGET-INDICATEURS-04", "/indicateurs/0/seuil_secret"},
		{"seuil abaissé", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":3`, group(okValues)) + `}`, "SECRET-SEUIL-01", "/indicateurs/0/seuil_secret"},
		{"indicateur inconnu", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues+`,"orientees-30-jours":{"effectif":12}`)) + `}`, "WIDGET-INDICATEURS-05", "/indicateurs/0/groupes/0/indicateurs/orientees-30-jours"},
		{"dimension inconnue", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, strings.Replace(group(okValues), "ensemble", "commune", 1)) + `}`, "WIDGET-INDICATEURS-05", "/indicateurs/0/groupes/0/dimension"},
		{"secret chiffré", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues+`,"ruptures":{"secret":true,"effectif":3}`)) + `}`, "WIDGET-INDICATEURS-06", "/indicateurs/0/groupes/0/indicateurs/ruptures"},
		{"groupe secret chiffré", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, `{"dimension":"territoire","valeur":"02","secret":true,"personnes":3}`) + `}`, "WIDGET-INDICATEURS-06", "/indicateurs/0/groupes/0"},
		{"petit effectif publié", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues+`,"ruptures":{"effectif":3}`)) + `}`, "WIDGET-INDICATEURS-07", "/indicateurs/0/groupes/0/indicateurs/ruptures/effectif"},
		{"valeur vide", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues+`,"ruptures":{}`)) + `}`, "WIDGET-INDICATEURS-08", "/indicateurs/0/groupes/0/indicateurs/ruptures/effectif"},
		{"même date", `{"indicateurs":[` + report("2026-06-30", `,"seuil_secret":5`, group(okValues)) + `,` + report("2026-06-30", `,"seuil_secret":5`, group(okValues)) + `]}`, "WIDGET-INDICATEURS-09", "/indicateurs/1/date"},
		{"négatif", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(okValues+`,"ruptures":{"effectif":-1}`)) + `}`, "WIDGET-INDICATEURS-10", "/indicateurs/0/groupes/0/indicateurs/ruptures/effectif"},
		// 6 / 10 is 0.6, not 0.7.
		{"taux faux", `{"indicateurs":` + report("2026-06-30", `,"seuil_secret":5`, group(`"diagnostic-1-mois":{"effectif":6,"base":10,"taux":0.7}`)) + `}`, "WIDGET-INDICATEURS-11", "/indicateurs/0/groupes/0/indicateurs/diagnostic-1-mois/taux"},
		{"part hors bornes", net(`"structures_par_decision":null,"comite":{"comite":"CTO","situations_examinees":{"valeur":10},"situations_resolues":{"valeur":5},"situations_en_cours":{"valeur":5},"situations_sans_solution":{"valeur":0},"situations_sans_suite":{"valeur":0},"demandes_echues":{"valeur":10},"repondues_dans_delai":{"valeur":10},"part_repondues_dans_delai":120}`), "WIDGET-INDICATEURS-12", "/reseau/0/comite/part_repondues_dans_delai"},
		{"part d'une cellule secrète", net(`"structures_par_decision":null,"comite":{"comite":"CTO","situations_examinees":{"valeur":10},"situations_resolues":{"valeur":5},"situations_en_cours":{"valeur":5},"situations_sans_solution":{"valeur":0},"situations_sans_suite":{"valeur":0},"demandes_echues":{"valeur":10},"repondues_dans_delai":{"secret":true},"part_repondues_dans_delai":70}`), "WIDGET-INDICATEURS-06", "/reseau/0/comite/part_repondues_dans_delai"},
		{"décision inconnue", net(`"structures_par_decision":[{"decision":"validee","libelle":"Validée","structures":{"valeur":2}}]`), "WIDGET-INDICATEURS-05", "/reseau/0/structures_par_decision/0/decision"},
		{"cohorte secrète chiffrée", net(`"structures_par_decision":null,"cohortes":[{"cohorte":"x","du":"2026-01-01","au":"2026-06-30","effectif_debut":{"secret":true,"valeur":42},"effectif_fin":{"valeur":47},"entrees":{"valeur":9},"sorties":{"secret":true}}]`), "WIDGET-INDICATEURS-06", "/reseau/0/cohortes/0/effectif_debut"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &widget.Indicateurs{}
			fs := c.Init([]byte(tc.data))
			require.True(t, fs.Has(tc.code, tc.path), "%v", fs)
			for _, f := range fs {
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.MessageEN)
			}
			page := renderIndicators(t, c)
			assert.Contains(t, page, "Indicateurs refusés")
			assert.NotContains(t, page, "<svg", "aucun chiffre montré")
			assert.NotContains(t, page, "42")
		})
	}
}

// Without data the widget waits: it has no figures of its own.
func TestIndicatorsWaitForData(t *testing.T) {
	c := &widget.Indicateurs{}
	require.Empty(t, c.Init(nil))
	page := renderIndicators(t, c)
	assert.Contains(t, page, "En attente des indicateurs")
	assert.NotContains(t, page, "<svg")
	assert.NotContains(t, page, "<table")
}

// A cohort or committee name is the partner's text: it is written as text
// in the charts (raw SVG) and tables, never as markup.
func TestIndicatorsEscapeNames(t *testing.T) {
	ci := network.Cohort(cohort.Movement{Cohort: `<img src=x onerror="alert(1)">`, From: "2026-01-01", To: "2026-06-30", AtStart: 42, AtEnd: 47, Entered: 9, Left: 4}, 5)
	co := network.Committee(`<script>alert(1)</script>`, committee.Stats{Examined: 22, Solved: 9, InProgress: 8, NoSolution: 5, Due: 40, AnsweredInTime: 34}, 5)
	b, err := json.Marshal(map[string]any{"reseau": network.Report{Date: "2026-06-30", Threshold: 5, Cohorts: []network.CohortIndicators{ci}, Committee: &co}})
	require.NoError(t, err)
	c := &widget.Indicateurs{}
	require.Empty(t, c.Init(b))
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	raw := app.HTMLString(c) // not unescaped: markup would show as is
	assert.NotContains(t, raw, "<img")
	assert.NotContains(t, raw, "<script")
	assert.Contains(t, raw, "&lt;img src=x")
}

// The widget reads what the CLI writes: the goldens of `spie indicators`,
// `spie label --format indicateurs`, `spie cohort --depuis` and `spie
// committee --format indicateurs` (cmd/spie/testdata), assembled as a
// network.Report, are accepted as they are.
func TestIndicatorsReadTheCLIOutput(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "cmd", "spie", "testdata", p))
		require.NoError(t, err)
		return string(b)
	}
	for _, name := range []string{"quarante-carnets.json", "quatre-carnets.json"} {
		c := &widget.Indicateurs{}
		require.Empty(t, c.Init([]byte(`{"indicateurs":`+read("indicators/"+name)+`}`)), name)
		page := renderIndicators(t, c)
		if name == "quatre-carnets.json" {
			// Four carnets: every group is under the secret.
			assert.Contains(t, page, "Groupe couvert par le secret statistique")
			assert.NotContains(t, page, "<svg")
		} else {
			assert.Contains(t, page, "<svg")
		}
	}
	net := `{"reseau":{"date":"2026-06-30","seuil_secret":5,"structures_par_decision":` + read("label/indicateurs.json") +
		`,"cohortes":[` + read("cohort/laon-mouvements.json") + `],"comite":` + read("committee/laon-indicateurs.json") + `}}`
	c := &widget.Indicateurs{}
	require.Empty(t, c.Init([]byte(net)))
	page := renderIndicators(t, c)
	assert.Contains(t, page, "CTO SPIE de Laon")
	assert.Contains(t, rowOf(t, page, network.Indicators.LabelOf("repondues_dans_delai")), "<td>secret</td>")
}
