//go:build !spie_widget_diagnostic && !spie_widget_carnet && !spie_widget_offre && !spie_widget_prescription

package widget

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/label"
	"github.com/spie-fr/socle/spie/secret"
	"github.com/spie-fr/socle/spie/territory"
)

// sourceIndicators is the source of the input rules of the indicateurs
// widget: what a partner may send it.
const sourceIndicators = "hygiène d'entrée propre à socle : message du portail au widget indicateurs ({\"indicateurs\": sortie de « spie indicators », \"reseau\": network.Report})"

// Faults of the data a partner sends to the indicateurs widget. The widget
// shows figures only when every report it received passes: a refused
// message shows none (never a part, never demo figures).
var (
	FaultIndicatorsData = spie.NewFaultType("WIDGET-INDICATEURS-01", spie.SeverityError,
		"données des indicateurs illisibles (%[1]s) : le widget attend {\"indicateurs\": sortie de « spie indicators », \"reseau\": indicateurs du réseau}",
		"unreadable indicator data (%[2]s): the widget expects {\"indicateurs\": output of `spie indicators`, \"reseau\": network indicators}").
		WithSource(sourceIndicators)
	FaultIndicatorsEmpty = spie.NewFaultType("WIDGET-INDICATEURS-02", spie.SeverityError,
		"aucun indicateur reçu : le portail doit envoyer la sortie de « spie indicators » (indicateurs) ou les indicateurs du réseau (reseau)",
		"no indicators received: the portal must send the output of `spie indicators` (indicateurs) or the network indicators (reseau)").
		WithSource(sourceIndicators)
	FaultIndicatorsDate = spie.NewFaultType("WIDGET-INDICATEURS-03", spie.SeverityError,
		"date %q invalide : AAAA-MM-JJ attendu", "invalid date %q: YYYY-MM-DD expected").
		WithSource("ISO 8601 ; RULES.md §12 (indicateurs calculés à une date)")
	FaultIndicatorsThreshold = spie.NewFaultType("WIDGET-INDICATEURS-04", spie.SeverityError,
		"seuil du secret statistique absent : sans lui, le widget ne peut pas dire quelles cellules sont masquées",
		"statistical secret threshold missing: without it the widget cannot tell which cells are suppressed").
		WithSource("RULES.md §10 : « Aggregated indicators suppress cells under 5 people (default) » ; les rapports du socle l'écrivent (seuil_secret)")
	FaultIndicatorsUnknown = spie.NewFaultType("WIDGET-INDICATEURS-05", spie.SeverityError,
		"code inconnu %q : ni indicateur, ni dimension, ni décision du socle",
		"unknown code %q: neither an indicator, a dimension nor a decision of the socle").
		WithSource("RULES.md §12 ; listes carnet.Indicators, carnet.IndicatorDimensions, label.Statuses")
	FaultIndicatorsSecretValue = spie.NewFaultType("WIDGET-INDICATEURS-06", spie.SeverityError,
		"cellule secrète accompagnée d'un chiffre : une valeur couverte par le secret statistique ne doit jamais parvenir au navigateur",
		"secret cell carrying a figure: a value under the statistical secret must never reach the browser").
		WithSource("RULES.md §10 (secret statistique) ; contrat du navigateur, issue 15")
	FaultIndicatorsSmall = spie.NewFaultType("WIDGET-INDICATEURS-07", spie.SeverityError,
		"effectif de %d publié sous le seuil du secret statistique (%d) : le rapport n'a pas été protégé",
		"count of %d published under the statistical secret threshold (%d): the report was not protected").
		WithSource("RULES.md §10 : « Aggregated indicators suppress cells under 5 people (default) »")
	FaultIndicatorsMissing = spie.NewFaultType("WIDGET-INDICATEURS-08", spie.SeverityError,
		"valeur absente : ni chiffre, ni « secret »", "missing value: neither a figure nor « secret »").
		WithSource("RULES.md §10, §12 : chaque cellule publiée est un chiffre ou « secret »")
	FaultIndicatorsDuplicate = spie.NewFaultType("WIDGET-INDICATEURS-09", spie.SeverityError,
		"deux rapports à la même date %s : le widget ne saurait lequel montrer",
		"two reports at the same date %s: the widget could not tell which to show").
		WithSource(sourceIndicators)
	FaultIndicatorsNegative = spie.NewFaultType("WIDGET-INDICATEURS-10", spie.SeverityError,
		"nombre négatif (%v) : un effectif, une base ou un délai ne l'est jamais", "negative number (%v): a count, a base or a delay never is").
		WithSource("RULES.md §12 : définitions des indicateurs (effectifs, bases, délais en jours)")
	FaultIndicatorsRate = spie.NewFaultType("WIDGET-INDICATEURS-11", spie.SeverityError,
		"taux %v différent de effectif / base (%d / %d)", "rate %v differs from count / base (%d / %d)").
		WithSource("RULES.md §12 : un taux est la part de la base qui remplit le critère")
	FaultIndicatorsShare = spie.NewFaultType("WIDGET-INDICATEURS-12", spie.SeverityError,
		"part de %v %% hors de 0 à 100 %%", "share of %v %% outside 0 to 100 %%").
		WithSource("RULES.md §12 : part des demandes répondues dans le délai, en pour cent")
)

// IndicatorsInit is what the partner sends to the indicateurs widget: the
// carnet indicators, as `spie indicators` writes them (carnet.Report, one
// report or an array of reports at different dates), and the network
// indicators (network.Report, one or an array). Either may be absent, not
// both. Every report is decoded with the library's types (unknown fields
// refused) and checked by CheckIndicators before anything is shown.
type IndicatorsInit struct {
	Carnet  []carnet.Report  `json:"-"`
	Network []network.Report `json:"-"`
}

// UnmarshalJSON implements json.Unmarshaler: {"indicateurs": R | [R…],
// "reseau": N | [N…]}, unknown fields refused.
func (in *IndicatorsInit) UnmarshalJSON(b []byte) error {
	var raw struct {
		Carnet  json.RawMessage `json:"indicateurs"`
		Network json.RawMessage `json:"reseau"`
	}
	if err := strictDecode(b, &raw); err != nil {
		return err
	}
	if err := oneOrMany(raw.Carnet, &in.Carnet); err != nil {
		return partError{"/indicateurs", err}
	}
	if err := oneOrMany(raw.Network, &in.Network); err != nil {
		return partError{"/reseau", err}
	}
	return nil
}

// partError is a decoding error of one part of the message (its JSON Pointer).
type partError struct {
	path string
	err  error
}

func (e partError) Error() string { return e.path + " : " + e.err.Error() }
func (e partError) Unwrap() error { return e.err }

func strictDecode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	// Data after the value cannot occur: b is the whole message or a
	// value json.Unmarshal already delimited.
	return dec.Decode(v)
}

// oneOrMany decodes a JSON object or array of objects into *out.
func oneOrMany[T any](b json.RawMessage, out *[]T) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	if b[0] == '[' {
		return strictDecode(b, out)
	}
	var one T
	if err := strictDecode(b, &one); err != nil {
		return err
	}
	*out = append(*out, one)
	return nil
}

// DecodeIndicators reads the partner's message: nil faults and the reports
// when they are readable and pass CheckIndicators, otherwise the faults
// (WIDGET-INDICATEURS-01 to 09, SECRET-SEUIL-01) and nothing to show.
func DecodeIndicators(data json.RawMessage) (IndicatorsInit, spie.Faults) {
	var in IndicatorsInit
	if err := json.Unmarshal(data, &in); err != nil {
		path := ""
		var pe partError
		if errors.As(err, &pe) {
			path, err = pe.path, pe.err
		}
		return IndicatorsInit{}, spie.Faults{FaultIndicatorsData.At(path, spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	if fs := CheckIndicators(in); len(fs) > 0 {
		return IndicatorsInit{}, fs
	}
	return in, nil
}

// CheckIndicators checks the reports as the library writes them: dates,
// the secret threshold (at least secret.DefaultThreshold, RULES.md §10),
// the codes (carnet.Indicators, carnet.IndicatorDimensions, label.Statuses),
// secret cells that carry no figure, published counts of people outside
// 1…threshold−1, rates equal to count / base, one report per date. Paths
// point into the message ({"indicateurs": […], "reseau": […]}; an object
// sent alone is element 0).
func CheckIndicators(in IndicatorsInit) spie.Faults {
	var fs spie.Faults
	if len(in.Carnet) == 0 && len(in.Network) == 0 {
		return spie.Faults{FaultIndicatorsEmpty.At("")}
	}
	seen := map[spie.Date]bool{}
	for i, r := range in.Carnet {
		p := "/indicateurs/" + strconv.Itoa(i)
		fs = append(fs, checkHead(r.Date, r.Threshold, p, seen)...)
		fs = append(fs, checkCarnetReport(r, p)...)
	}
	seen = map[spie.Date]bool{}
	for i, r := range in.Network {
		p := "/reseau/" + strconv.Itoa(i)
		fs = append(fs, checkHead(r.Date, r.Threshold, p, seen)...)
		fs = append(fs, checkNetworkReport(r, p)...)
	}
	return fs
}

func checkHead(d spie.Date, threshold int, p string, seen map[spie.Date]bool) spie.Faults {
	var fs spie.Faults
	if !d.Valid() {
		fs = append(fs, FaultIndicatorsDate.At(p+"/date", string(d)))
	} else if seen[d] {
		fs = append(fs, FaultIndicatorsDuplicate.At(p+"/date", frenchDate(d)))
	}
	seen[d] = true
	if threshold == 0 {
		fs = append(fs, FaultIndicatorsThreshold.At(p+"/"+secret.JSONName))
	} else if f := secret.CheckThreshold(threshold, p+"/"+secret.JSONName); f != nil {
		fs = append(fs, *f)
	}
	return fs
}

// threshold is the report's threshold, or the floor when it was refused
// (the checks of the counts go on against the floor).
func threshold(n int) int { return max(n, secret.DefaultThreshold) }

// checkCount checks a published count: not negative and, for people,
// 0 or at least the threshold.
func checkCount(n int, people bool, th int, p string) spie.Faults {
	switch {
	case n < 0:
		return spie.Faults{FaultIndicatorsNegative.At(p, n)}
	case people && n > 0 && n < th:
		return spie.Faults{FaultIndicatorsSmall.At(p, n, th)}
	}
	return nil
}

func missing(p string) spie.Fault {
	return FaultIndicatorsMissing.At(p)
}

func checkCarnetReport(r carnet.Report, p string) spie.Faults {
	var fs spie.Faults
	th := threshold(r.Threshold)
	for gi, g := range r.Groups {
		gp := p + "/groupes/" + strconv.Itoa(gi)
		if !carnet.IndicatorDimensions.Has(g.Dimension) {
			fs = append(fs, FaultIndicatorsUnknown.At(gp+"/dimension", g.Dimension))
		}
		if g.Suppressed {
			if g.People != nil || len(g.Values) > 0 {
				fs = append(fs, FaultIndicatorsSecretValue.At(gp))
			}
			continue
		}
		if g.People == nil {
			fs = append(fs, missing(gp+"/personnes"))
		} else {
			fs = append(fs, checkCount(*g.People, true, th, gp+"/personnes")...)
		}
		keys := make([]string, 0, len(g.Values))
		for k := range g.Values {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		for _, k := range keys {
			vp := gp + "/indicateurs/" + k
			d, ok := carnet.Indicators.Get(k)
			if !ok {
				fs = append(fs, FaultIndicatorsUnknown.At(vp, k))
				continue
			}
			fs = append(fs, checkValue(g.Values[carnet.Indicator(k)], measureOf(d), th, vp)...)
		}
	}
	return fs
}

func measureOf(d spie.Definition) string {
	if m := d.Map["mesure"]; len(m) > 0 {
		return m[0]
	}
	return ""
}

func checkValue(v carnet.Value, measure string, th int, p string) spie.Faults {
	if v.Suppressed {
		if v.Count != nil || v.Base != nil || v.Rate != nil || v.Median != nil {
			return spie.Faults{FaultIndicatorsSecretValue.At(p)}
		}
		return nil
	}
	var fs spie.Faults
	switch measure {
	case "effectif":
		if v.Count == nil {
			return spie.Faults{missing(p + "/effectif")}
		}
		fs = append(fs, checkCount(*v.Count, true, th, p+"/effectif")...)
	case "taux":
		if v.Count == nil || v.Base == nil || v.Rate == nil {
			return spie.Faults{missing(p)}
		}
		fs = append(fs, checkCount(*v.Count, true, th, p+"/effectif")...)
		fs = append(fs, checkCount(*v.Base, true, th, p+"/base")...)
		if *v.Base <= 0 || *v.Count > *v.Base || math.Abs(*v.Rate-float64(*v.Count)/float64(*v.Base)) > 1e-9 {
			fs = append(fs, FaultIndicatorsRate.At(p+"/taux", *v.Rate, *v.Count, *v.Base))
		}
	case "mediane":
		if v.Base == nil || v.Median == nil {
			return spie.Faults{missing(p)}
		}
		fs = append(fs, checkCount(*v.Base, true, th, p+"/base")...)
		if *v.Median < 0 {
			fs = append(fs, FaultIndicatorsNegative.At(p+"/mediane_jours", *v.Median))
		}
	}
	return fs
}

func checkCell(c secret.Cell, people bool, th int, p string) spie.Faults {
	if c.Secret {
		if c.Value != nil {
			return spie.Faults{FaultIndicatorsSecretValue.At(p)}
		}
		return nil
	}
	if c.Value == nil {
		return spie.Faults{missing(p)}
	}
	return checkCount(*c.Value, people, th, p)
}

func checkNetworkReport(r network.Report, p string) spie.Faults {
	var fs spie.Faults
	th := threshold(r.Threshold)
	for i, s := range r.Labels {
		sp := p + "/structures_par_decision/" + strconv.Itoa(i)
		if !label.Statuses.Has(string(s.Status)) {
			fs = append(fs, FaultIndicatorsUnknown.At(sp+"/decision", string(s.Status)))
		}
		// Structures are not people: their counts are published as they are.
		fs = append(fs, checkCell(s.Count, false, th, sp+"/structures")...)
	}
	for i, c := range r.Cohorts {
		cp := p + "/cohortes/" + strconv.Itoa(i)
		for _, d := range []struct {
			date spie.Date
			name string
		}{{c.From, "du"}, {c.To, "au"}} {
			if !d.date.Valid() {
				fs = append(fs, FaultIndicatorsDate.At(cp+"/"+d.name, string(d.date)))
			}
		}
		for _, nc := range cohortCells(c) {
			fs = append(fs, checkCell(nc.cell, true, th, cp+"/"+nc.key)...)
		}
	}
	if c := r.Committee; c != nil {
		cp := p + "/comite"
		for _, nc := range committeeCells(*c) {
			fs = append(fs, checkCell(nc.cell, true, th, cp+"/"+nc.key)...)
		}
		if c.ShareInTime != nil {
			if c.Due.Secret || c.AnsweredInTime.Secret {
				fs = append(fs, FaultIndicatorsSecretValue.At(cp+"/part_repondues_dans_delai"))
			} else if *c.ShareInTime < 0 || *c.ShareInTime > 100 {
				fs = append(fs, FaultIndicatorsShare.At(cp+"/part_repondues_dans_delai", *c.ShareInTime))
			}
		}
	}
	return fs
}

// cohortCells and committeeCells name the cells of the network indicators
// by their JSON names, the keys of network.Indicators, in display order.
func cohortCells(c network.CohortIndicators) orderedCells {
	return orderedCells{{"effectif_debut", c.AtStart}, {"entrees", c.Entered}, {"sorties", c.Left}, {"effectif_fin", c.AtEnd}}
}

func committeeCells(c network.CommitteeIndicators) orderedCells {
	return orderedCells{{"situations_examinees", c.Examined}, {"situations_resolues", c.Solved}, {"situations_en_cours", c.InProgress},
		{"situations_sans_solution", c.NoSolution}, {"situations_sans_suite", c.NoOutcome},
		{"demandes_echues", c.Due}, {"repondues_dans_delai", c.AnsweredInTime}}
}

type namedCell struct {
	key  string
	cell secret.Cell
}

type orderedCells []namedCell

// indicText are the widget's own words (its headings and notes); the
// indicators, dimensions, decisions and publics are labelled by the
// library's definitions.
var indicText = struct {
	Waiting, Refused, Period, Group, Secret, SecretNote, SecretGroup, Base, Value, Indicator,
	CarnetTitle, NetworkTitle, Labels, Cohorts, Committee, Unreadable, Chart spie.Label
}{
	Waiting:      spie.Label{FR: "En attente des indicateurs envoyés par le portail.", EN: "Waiting for the indicators the portal sends."},
	Refused:      spie.Label{FR: "Indicateurs refusés", EN: "Indicators refused"},
	Period:       spie.Label{FR: "Période (date de calcul)", EN: "Period (date of computation)"},
	Group:        spie.Label{FR: "Territoire ou groupe", EN: "Territory or group"},
	Secret:       spie.Label{FR: "secret", EN: "secret"},
	SecretNote:   spie.Label{FR: "« secret » : valeur couverte par le secret statistique (moins de %d personnes, ou déductible d'autres chiffres publiés) ; elle n'est pas transmise.", EN: "« secret »: value under the statistical secret (fewer than %d people, or deducible from other published figures); it is not transmitted."},
	SecretGroup:  spie.Label{FR: "Groupe couvert par le secret statistique : aucun chiffre n'est publié pour lui.", EN: "Group under the statistical secret: no figure is published for it."},
	Base:         spie.Label{FR: "Base", EN: "Base"},
	Value:        spie.Label{FR: "Valeur", EN: "Value"},
	Indicator:    spie.Label{FR: "Indicateur", EN: "Indicator"},
	CarnetTitle:  spie.Label{FR: "Indicateurs d'impact des carnets de bord", EN: "Impact indicators of the carnets de bord"},
	NetworkTitle: spie.Label{FR: "Indicateurs du réseau", EN: "Network indicators"},
	Labels:       spie.Label{FR: "Structures par décision de labellisation", EN: "Organisations by labelling decision"},
	Cohorts:      spie.Label{FR: "Cohorte %s, du %s au %s", EN: "Cohort %s, from %s to %s"},
	Committee:    spie.Label{FR: "Comité : %s", EN: "Committee: %s"},
	Unreadable:   spie.Label{FR: "%d carnet(s) illisible(s) non comptés.", EN: "%d unreadable carnet(s) not counted."},
	Chart:        spie.Label{FR: "%s (détail dans le tableau qui suit)", EN: "%s (details in the following table)"},
}

// figure is one bar of a chart and one row of its table: a published value,
// or secret (no value at all: the widget never received it).
type figure struct {
	label  string
	value  float64 // meaningful when !secret
	text   string  // the value as written, or « secret »
	base   string  // the base as written, « secret », or "" when none
	secret bool
}

// chart is one indicator group drawn as bars with its table.
type chart struct {
	id, title string
	max       float64 // the scale: 100 for shares, else the largest value
	hasBase   bool
	figs      []figure
}

func secretFigure(label string) figure {
	return figure{label: label, text: inLang(indicText.Secret), secret: true}
}

// formatNumber writes a number the way of the page's language: 21,5 in
// French, 21.5 in English.
func formatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang == LangEN {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

func cellFigure(label string, c secret.Cell) figure {
	if v, ok := c.Int(); ok && !c.Secret {
		return figure{label: label, value: float64(v), text: strconv.Itoa(v)}
	}
	return secretFigure(label)
}

// barChartSVG draws a chart as SVG bars: an image whose text alternative
// is its title, the figures being given by the table that follows it. A
// secret figure has no bar and is written « secret »: never a bar of 0,
// never a number. No inline style: colours come from classes (CSP).
func barChartSVG(c chart) string {
	const w, barH, gap, labelW, top = 720.0, 26.0, 10.0, 330.0, 10.0
	scale := c.max
	if scale <= 0 {
		scale = 1
	}
	h := top*2 + float64(len(c.figs))*(barH+gap)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spie-chart" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="%s-titre-graphe" xmlns="http://www.w3.org/2000/svg">`, w, h, c.id)
	fmt.Fprintf(&b, `<title id="%s-titre-graphe">%s</title>`, c.id, html.EscapeString(fmt.Sprintf(inLang(indicText.Chart), c.title)))
	for i, f := range c.figs {
		y := top + float64(i)*(barH+gap)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%s</text>`, labelW-8, y+barH*0.7, html.EscapeString(shorten(f.label, 48)))
		if f.secret {
			fmt.Fprintf(&b, `<text class="secret" x="%.0f" y="%.1f">%s</text>`, labelW, y+barH*0.7, html.EscapeString(inLang(indicText.Secret)))
			continue
		}
		bw := (w - labelW - 80) * f.value / scale
		fmt.Fprintf(&b, `<rect class="bar" x="%.0f" y="%.1f" width="%.1f" height="%.0f"></rect>`, labelW, y, bw, barH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`, labelW+bw+6, y+barH*0.7, html.EscapeString(f.text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// shorten cuts a label for the chart (the table gives it whole).
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func renderChart(c chart) app.UI {
	rows := make([]app.UI, 0, len(c.figs))
	for _, f := range c.figs {
		cells := []app.UI{app.Th().Scope("row").Text(f.label), app.Td().Text(f.text)}
		if c.hasBase {
			cells = append(cells, app.Td().Text(f.base))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	head := []app.UI{app.Th().Scope("col").Text(inLang(indicText.Indicator)), app.Th().Scope("col").Text(inLang(indicText.Value))}
	if c.hasBase {
		head = append(head, app.Th().Scope("col").Text(inLang(indicText.Base)))
	}
	return app.Section().Class("fr-mb-4w").Aria("labelledby", c.id).Body(
		app.H3().ID(c.id).Class("fr-h6").Text(c.title),
		app.Div().Body(app.Raw(barChartSVG(c))),
		// The caption names the table for assistive technologies; the
		// heading above already shows it.
		app.Div().Class("fr-table fr-table--no-caption").Body(app.Table().Body(
			app.Caption().Text(c.title),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		)),
	)
}

// carnetCharts turns a published group of a carnet report into one chart
// per measure (carnet.IndicatorMeasures), labelled by carnet.Indicators.
func carnetCharts(g carnet.Group, prefix string) []chart {
	var out []chart
	for _, m := range carnet.IndicatorMeasures {
		c := chart{id: prefix + "-" + m.Key, title: inLang(m.Label), hasBase: m.Key != "effectif"}
		for _, k := range carnet.Indicators.Mapped("mesure", m.Key) {
			v, ok := g.Values[carnet.Indicator(k)]
			label := labelOf(carnet.Indicators, k)
			if !ok || v.Suppressed {
				c.figs = append(c.figs, figure{label: label, text: inLang(indicText.Secret), secret: true, base: baseText(c.hasBase)})
				continue
			}
			f := figure{label: label}
			switch m.Key {
			case "taux":
				f.value = math.Round(*v.Rate*1000) / 10
				f.text = formatNumber(f.value) + " %"
				f.base = strconv.Itoa(*v.Base)
				c.max = 100
			case "effectif":
				f.value = float64(*v.Count)
				f.text = strconv.Itoa(*v.Count)
			case "mediane":
				f.value = *v.Median
				f.text = formatNumber(*v.Median)
				f.base = strconv.Itoa(*v.Base)
			}
			if m.Key != "taux" && f.value > c.max {
				c.max = f.value
			}
			c.figs = append(c.figs, f)
		}
		out = append(out, c)
	}
	return out
}

func baseText(has bool) string {
	if has {
		return inLang(indicText.Secret)
	}
	return ""
}

// groupLabel names a group of a carnet report: its dimension's label and
// the group's name (a département's name from the territory table, a
// public's label, a cohort's code).
func groupLabel(g carnet.Group) string {
	dim := labelOf(carnet.IndicatorDimensions, g.Dimension)
	switch g.Dimension {
	case "ensemble":
		return dim
	case "territoire":
		if d, ok := territory.Default().Departement(g.Key); ok {
			return dim + commonText.Colon.String() + d.Name + " (" + g.Key + ")"
		}
	case "public":
		if spie.Publics.Has(g.Key) {
			return dim + commonText.Colon.String() + labelOf(spie.Publics, g.Key)
		}
	}
	return dim + commonText.Colon.String() + g.Key
}

// networkCharts turns a network report into charts labelled by
// network.Indicators and label.Statuses.
func networkCharts(r network.Report, prefix string) []chart {
	var out []chart
	if len(r.Labels) > 0 {
		c := chart{id: prefix + "-labels", title: inLang(indicText.Labels)}
		for _, s := range r.Labels {
			f := cellFigure(labelOf(label.Statuses, string(s.Status)), s.Count)
			c.max = max(c.max, f.value)
			c.figs = append(c.figs, f)
		}
		out = append(out, c)
	}
	for i, co := range r.Cohorts {
		c := chart{id: prefix + "-cohorte-" + strconv.Itoa(i), title: fmt.Sprintf(inLang(indicText.Cohorts), co.Cohort, showDate(co.From), showDate(co.To))}
		for _, nc := range cohortCells(co) {
			f := cellFigure(labelOf(network.Indicators, nc.key), nc.cell)
			c.max = max(c.max, f.value)
			c.figs = append(c.figs, f)
		}
		out = append(out, c)
	}
	if co := r.Committee; co != nil {
		c := chart{id: prefix + "-comite", title: fmt.Sprintf(inLang(indicText.Committee), co.Committee)}
		for _, nc := range committeeCells(*co) {
			f := cellFigure(labelOf(network.Indicators, nc.key), nc.cell)
			c.max = max(c.max, f.value)
			c.figs = append(c.figs, f)
		}
		out = append(out, c)
		share := chart{id: prefix + "-comite-part", title: labelOf(network.Indicators, "part_repondues_dans_delai"), max: 100}
		f := secretFigure(labelOf(network.Indicators, "part_repondues_dans_delai"))
		if co.ShareInTime != nil {
			f = figure{label: f.label, value: *co.ShareInTime, text: formatNumber(*co.ShareInTime) + " %"}
		}
		share.figs = append(share.figs, f)
		out = append(out, share)
	}
	return out
}

// Indicateurs shows the library's indicators, as the partner sends them
// (IndicatorsInit), as SVG bar charts each followed by its table. It holds
// no figure of its own: until the partner sends valid reports it shows
// only that it waits, or why it refused them.
//
// Its charts are our SVG, not @gouvfr/dsfr-chart: see the package doc.
type Indicateurs struct {
	app.Compo
	bridge Bridge

	data    IndicatorsInit
	faults  spie.Faults
	period  int // index in data.Carnet
	group   int // index in data.Carnet[period].Groups
	netPer  int // index in data.Network
	started bool
	// communes holds the partner's data until the table of communes has
	// arrived: the départements' names come from it.
	communes communesGate
}

// OnMount listens to the partner.
func (c *Indicateurs) OnMount(ctx app.Context) {
	c.bridge.Widget = "indicateurs"
	c.communes.watch(ctx, &c.bridge, nil)
	c.bridge.Start(ctx, func(ctx app.Context, in Init) {
		if fs := c.Init(in.Data); len(fs) > 0 {
			c.bridge.Error(fs)
		}
	})
}

// Init applies the partner's data: the reports when they pass
// DecodeIndicators, sorted by date (the latest selected); otherwise
// nothing is shown and the faults are returned (the widget then shows
// them and tells the partner with spie:error). null or no data: the widget
// waits. Data that comes before the table of communes is applied once the
// table has arrived (its faults then posted with spie:error); if the table
// cannot come, the data is refused with WIDGET-CHARGEMENT-07.
func (c *Indicateurs) Init(data json.RawMessage) spie.Faults {
	c.data, c.faults, c.started = IndicatorsInit{}, nil, false
	c.communes.drop() // new data, or none, replaces the data kept for the table
	if len(bytes.TrimSpace(data)) == 0 || string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	if fs, held := c.communes.hold(&c.bridge, func() spie.Faults { return c.Init(data) }); held {
		return fs
	}
	in, fs := DecodeIndicators(data)
	if len(fs) > 0 {
		c.faults = fs
		return fs
	}
	sort.SliceStable(in.Carnet, func(i, j int) bool { return in.Carnet[i].Date.Before(in.Carnet[j].Date) })
	sort.SliceStable(in.Network, func(i, j int) bool { return in.Network[i].Date.Before(in.Network[j].Date) })
	c.data, c.started = in, true
	c.period, c.group, c.netPer = len(in.Carnet)-1, 0, len(in.Network)-1
	return nil
}

// Render draws the selected period and group of the carnet indicators and
// the selected period of the network indicators.
func (c *Indicateurs) Render() app.UI {
	if len(c.faults) > 0 {
		items := make([]app.UI, 0, len(c.faults))
		for _, f := range c.faults {
			items = append(items, app.Li().Text(message(f)+pathNote(f.Path)))
		}
		return page("indicateurs", alert("error", inLang(indicText.Refused), app.Ul().ID("indicateurs-fautes").Body(items...)))
	}
	if g := c.communes.render(); g != nil {
		return page("indicateurs", g)
	}
	if !c.started {
		return page("indicateurs", app.P().Class("spie-attente").Text(inLang(indicText.Waiting)))
	}
	var blocks []app.UI
	if n := len(c.data.Carnet); n > 0 {
		blocks = append(blocks, c.renderCarnet())
	}
	if len(c.data.Network) > 0 {
		blocks = append(blocks, c.renderNetwork())
	}
	return page("indicateurs", blocks...)
}

func pathNote(p string) string {
	if p == "" {
		return ""
	}
	return " (" + p + ")"
}

// choices builds the options of a selector as a code list (index → label),
// so that selectInput draws it like any list of the socle.
func choices(labels []string) spie.Definitions {
	ds := make(spie.Definitions, len(labels))
	for i, l := range labels {
		ds[i] = spie.Definition{Key: strconv.Itoa(i), Label: spie.Label{FR: l}}
	}
	return ds
}

func (c *Indicateurs) renderCarnet() app.UI {
	if c.period < 0 || c.period >= len(c.data.Carnet) {
		c.period = len(c.data.Carnet) - 1
	}
	r := c.data.Carnet[c.period]
	if c.group < 0 || c.group >= len(r.Groups) {
		c.group = 0
	}
	body := []app.UI{app.H2().ID("indicateurs-carnets").Class("fr-h4").Text(inLang(indicText.CarnetTitle) + " — " + showDate(r.Date))}
	if len(c.data.Carnet) > 1 {
		dates := make([]string, len(c.data.Carnet))
		for i, x := range c.data.Carnet {
			dates[i] = showDate(x.Date)
		}
		body = append(body, selectInput(fieldState{path: "/periode", label: inLang(indicText.Period)}, choices(dates), strconv.Itoa(c.period), "",
			func(ctx app.Context, s string) {
				if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(c.data.Carnet) {
					key := c.groupKey()
					c.period = i
					c.group = c.findGroup(key)
				}
			}))
	}
	if len(r.Groups) > 1 {
		names := make([]string, len(r.Groups))
		for i, g := range r.Groups {
			names[i] = groupLabel(g)
		}
		body = append(body, selectInput(fieldState{path: "/groupe", label: inLang(indicText.Group)}, choices(names), strconv.Itoa(c.group), "",
			func(ctx app.Context, s string) {
				if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(c.data.Carnet[c.period].Groups) {
					c.group = i
				}
			}))
	}
	if r.Unreadable > 0 {
		body = append(body, app.P().Class("fr-text--sm").Text(fmt.Sprintf(inLang(indicText.Unreadable), r.Unreadable)))
	}
	if len(r.Groups) == 0 {
		return app.Section().Aria("labelledby", "indicateurs-carnets").Body(body...)
	}
	g := r.Groups[c.group]
	body = append(body, app.H3().ID("indicateurs-groupe").Class("fr-h5").Text(groupLabel(g)))
	if g.Suppressed {
		body = append(body, app.P().ID("groupe-secret").Text(inLang(indicText.SecretGroup)))
	} else {
		for _, ch := range carnetCharts(g, "carnets") {
			body = append(body, renderChart(ch))
		}
	}
	body = append(body, app.P().Class("fr-text--sm").Text(fmt.Sprintf(inLang(indicText.SecretNote), threshold(r.Threshold))))
	return app.Section().Aria("labelledby", "indicateurs-carnets").Body(body...)
}

// groupKey and findGroup keep the selected group when the period changes.
func (c *Indicateurs) groupKey() [2]string {
	gs := c.data.Carnet[c.period].Groups
	if c.group < len(gs) {
		return [2]string{gs[c.group].Dimension, gs[c.group].Key}
	}
	return [2]string{}
}

func (c *Indicateurs) findGroup(k [2]string) int {
	for i, g := range c.data.Carnet[c.period].Groups {
		if g.Dimension == k[0] && g.Key == k[1] {
			return i
		}
	}
	return 0
}

func (c *Indicateurs) renderNetwork() app.UI {
	if c.netPer < 0 || c.netPer >= len(c.data.Network) {
		c.netPer = len(c.data.Network) - 1
	}
	r := c.data.Network[c.netPer]
	body := []app.UI{app.H2().ID("indicateurs-reseau").Class("fr-h4").Text(inLang(indicText.NetworkTitle) + " — " + showDate(r.Date))}
	if len(c.data.Network) > 1 {
		dates := make([]string, len(c.data.Network))
		for i, x := range c.data.Network {
			dates[i] = showDate(x.Date)
		}
		body = append(body, selectInput(fieldState{path: "/reseau-periode", label: inLang(indicText.Period)}, choices(dates), strconv.Itoa(c.netPer), "",
			func(ctx app.Context, s string) {
				if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(c.data.Network) {
					c.netPer = i
				}
			}))
	}
	for _, ch := range networkCharts(r, "reseau") {
		body = append(body, renderChart(ch))
	}
	body = append(body, app.P().Class("fr-text--sm").Text(fmt.Sprintf(inLang(indicText.SecretNote), threshold(r.Threshold))))
	return app.Section().Aria("labelledby", "indicateurs-reseau").Body(body...)
}

// RegisterIndicateurs declares the route of the indicateurs widget.
func RegisterIndicateurs() { route("indicateurs", func() app.Composer { return &Indicateurs{} }) }
