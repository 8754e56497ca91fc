package widget

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed data/indicateurs.json
var exampleIndicators []byte

// IndicatorSet is the data the indicateurs widget shows: series of labelled
// values of a territory or cohort.
type IndicatorSet struct {
	Territory string            `json:"territoire"`
	Period    string            `json:"periode"`
	Series    []IndicatorSeries `json:"series"`
}

// IndicatorSeries is one indicator over categories or months.
type IndicatorSeries struct {
	ID     string           `json:"id"`
	Title  string           `json:"titre"`
	Unit   string           `json:"unite"`
	Points []IndicatorPoint `json:"points"`
}

// IndicatorPoint is one labelled value.
type IndicatorPoint struct {
	Label string  `json:"libelle"`
	Value float64 `json:"valeur"`
}

// ExampleIndicators returns the embedded example data.
func ExampleIndicators() IndicatorSet {
	var s IndicatorSet
	if err := json.Unmarshal(exampleIndicators, &s); err != nil {
		return IndicatorSet{}
	}
	return s
}

// BarChartSVG draws a series as an SVG bar chart. The chart is an image with
// a text alternative; the figures are also given as a table for screen
// readers. No inline style: colours come from classes (CSP).
func BarChartSVG(s IndicatorSeries) string {
	const w, barH, gap, labelW, top = 640.0, 26.0, 10.0, 170.0, 10.0
	max := 0.0
	for _, p := range s.Points {
		if p.Value > max {
			max = p.Value
		}
	}
	if max == 0 {
		max = 1
	}
	h := top*2 + float64(len(s.Points))*(barH+gap)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spie-chart" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="graphe-%s-titre" xmlns="http://www.w3.org/2000/svg">`, w, h, s.ID)
	fmt.Fprintf(&b, `<title id="graphe-%s-titre">%s (détail dans le tableau qui suit)</title>`, s.ID, html.EscapeString(s.Title))
	for i, p := range s.Points {
		y := top + float64(i)*(barH+gap)
		bw := (w - labelW - 80) * p.Value / max
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%s</text>`, labelW-8, y+barH*0.7, html.EscapeString(p.Label))
		fmt.Fprintf(&b, `<rect class="bar" x="%.0f" y="%.1f" width="%.1f" height="%.0f"></rect>`, labelW, y, bw, barH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`, labelW+bw+6, y+barH*0.7, html.EscapeString(formatValue(p.Value, s.Unit)))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func formatValue(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	s = strings.Replace(s, ".", ",", 1)
	if unit == "%" {
		return s + " %"
	}
	return s
}

// Indicateurs shows indicators as SVG charts and tables.
type Indicateurs struct {
	app.Compo
	bridge Bridge
	data   IndicatorSet
	loaded bool
}

func (c *Indicateurs) load() {
	if !c.loaded {
		c.data = ExampleIndicators()
		c.loaded = true
	}
}

// OnPreRender loads the example data for the test engine.
func (c *Indicateurs) OnPreRender(ctx app.Context) { c.load() }

// OnMount loads the example data; the partner may send its own.
func (c *Indicateurs) OnMount(ctx app.Context) {
	c.load()
	c.bridge.Widget = "indicateurs"
	c.bridge.Start(ctx, func(ctx app.Context, in Init) {
		var s IndicatorSet
		if len(in.Data) > 0 && string(in.Data) != "null" && json.Unmarshal(in.Data, &s) == nil && len(s.Series) > 0 {
			c.data = s
		}
	})
}

// Render draws each series as a chart followed by its table.
func (c *Indicateurs) Render() app.UI {
	c.load()
	blocks := []app.UI{app.P().Text(c.data.Territory + " — " + c.data.Period)}
	for _, s := range c.data.Series {
		rows := make([]app.UI, 0, len(s.Points))
		for _, p := range s.Points {
			rows = append(rows, app.Tr().Body(app.Th().Scope("row").Text(p.Label), app.Td().Text(formatValue(p.Value, s.Unit))))
		}
		unit := s.Unit
		blocks = append(blocks, app.Section().Class("fr-mb-4w").Aria("labelledby", "serie-"+s.ID).Body(
			app.H2().ID("serie-"+s.ID).Class("fr-h5").Text(s.Title),
			app.Div().Body(app.Raw(BarChartSVG(s))),
			app.Div().Class("fr-table fr-table--no-caption").Body(app.Table().Body(
				app.Caption().Text(s.Title),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Catégorie"), app.Th().Scope("col").Text("Valeur ("+unit+")"))),
				app.TBody().Body(rows...),
			)),
		))
	}
	return page("indicateurs", blocks...)
}
