//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Orientation is the orientation proposal the widget shows and hands to the
// partner with the submitted diagnostic (diagnostic.Orient with the default
// rules). Label, Reasons and Missing are French whatever the page's
// language (exchanged data, like the library's sentences); the widget shows
// them in the page's language from Decision.
type Orientation struct {
	Code     string              `json:"code"`
	Label    string              `json:"libelle"`
	Reasons  []string            `json:"raisons"`
	Missing  []string            `json:"manquants,omitempty"`
	Decision diagnostic.Decision `json:"decision"`
}

// Orient returns the orientation proposal of a diagnostic.
func Orient(d *diagnostic.Diagnostic) Orientation {
	dec := diagnostic.Orient(d, diagnostic.DefaultOrientationRules())
	o := Orientation{Code: string(dec.Pathway), Decision: dec}
	o.Label = orientationLabel(dec, LangFR)
	for _, c := range dec.Criteria {
		if c.Effect == "retient" && c.Sentence != "" {
			o.Reasons = append(o.Reasons, c.Sentence)
		}
	}
	for _, m := range dec.Missing {
		o.Missing = append(o.Missing, m.Sentence)
	}
	return o
}

func orientationResult(d *diagnostic.Diagnostic) Orientation { return Orient(d) }

func (c *DiagnosticForm) renderOrientation() app.UI {
	o := Orient(&c.doc)
	var reasons []app.UI
	for _, cu := range o.Decision.Criteria {
		if cu.Effect == "retient" && cu.Sentence != "" {
			reasons = append(reasons, app.Li().Text(c.criterionText(cu)))
		}
	}
	missing := make([]app.UI, 0, len(o.Decision.Missing))
	for _, m := range o.Decision.Missing {
		missing = append(missing, app.Li().Text(c.missingText(m)))
	}
	return app.Section().Aria("labelledby", "orientation-titre").Class("fr-callout fr-my-3w").Body(
		app.H3().ID("orientation-titre").Class("fr-callout__title").Text(diagText.Orientation.String()),
		app.P().ID("orientation").Class("fr-callout__text").Text(orientationLabel(o.Decision, lang)),
		app.If(len(reasons) > 0, func() app.UI {
			return app.Div().Body(app.P().Text(diagText.Reasons.String()), app.Ul().Body(reasons...))
		}),
		app.If(len(missing) > 0, func() app.UI {
			return app.Div().Body(app.P().Text(diagText.Missing.String()), app.Ul().Body(missing...))
		}),
	)
}

func (c *DiagnosticForm) renderSummary() app.UI {
	d := &c.doc
	row := func(label, value string) app.UI {
		if value == "" {
			value = "—"
		}
		return app.Tr().Body(app.Th().Scope("row").Text(label), app.Td().Text(value))
	}
	var freins []string
	for _, def := range diagnostic.FreinThematiques {
		f := d.Freins[diagnostic.FreinThematique(def.Key)]
		if f.Impact != "" && f.Impact != diagnostic.ImpactNonAborde && f.Impact != "sans-impact" {
			freins = append(freins, inLang(def.Label)+" ("+labelOf(diagnostic.Impacts, string(f.Impact))+")")
		}
	}
	freinText := ""
	for i, f := range freins {
		if i > 0 {
			freinText += diagText.ListSep.String()
		}
		freinText += f
	}
	warnings := c.checked().Warnings()
	warn := make([]app.UI, 0, len(warnings))
	for _, w := range warnings {
		warn = append(warn, app.Li().Text(c.labelOf(w.Path)+commonText.Colon.String()+message(w)))
	}
	return app.Div().Body(
		app.Div().Class("fr-table").Body(app.Table().Body(
			app.Caption().Text(diagText.Recap.String()),
			app.TBody().Body(
				row(diagText.Person.String(), d.Person.ID),
				row(diagText.BirthDate.String(), showDate(d.Person.BirthDate)),
				row(diagText.Commune.String(), string(d.Person.Commune)),
				row(diagText.Situation.String(), labelOf(diagnostic.WorkSituations, string(d.Professional.WorkSituation))),
				row(diagText.FreinsKept.String(), freinText),
				row(diagText.AuthorRow.String(), authorsText(d.Authors)),
				row(diagText.Consent.String(), yesNo(d.Consent.Sharing)),
			),
		)),
		app.If(len(warn) > 0, func() app.UI {
			return alert("warning", diagText.Warnings.String(), app.Ul().Body(warn...))
		}),
		c.renderCompleteness(),
		c.renderOrientation(),
		c.renderDeadlines(),
		c.renderPrintable(),
	)
}

func authorsText(as []diagnostic.Author) string {
	var names []string
	for _, a := range as {
		if a.Name != "" {
			names = append(names, a.Name+" ("+labelOf(diagnostic.AuthorRoles, string(a.Role))+")")
		}
	}
	return strings.Join(names, diagText.And.String())
}

// renderCompleteness shows how much of the socle the diagnostic covers
// (diagnostic.Completeness) and what was not discussed.
func (c *DiagnosticForm) renderCompleteness() app.UI {
	k := c.doc.Completeness()
	var notDiscussed, notExplored []string
	for _, t := range k.NotDiscussed {
		notDiscussed = append(notDiscussed, labelOf(diagnostic.FreinThematiques, string(t)))
	}
	for _, b := range k.BesoinsNotExplored {
		notExplored = append(notExplored, labelOf(diagnostic.BesoinDefinitions, string(b)))
	}
	pct := strconv.Itoa(int(k.Ratio*100 + 0.5))
	var items []app.UI
	if len(notDiscussed) > 0 {
		items = append(items, app.Li().Text(diagText.ThemesNotDiscussed.String()+strings.Join(notDiscussed, diagText.ListSep.String())))
	}
	if len(notExplored) > 0 {
		items = append(items, app.Li().Text(diagText.BesoinsNotExplored.String()+strings.Join(notExplored, diagText.ListSep.String())))
	}
	if k.ProjectionUnknown {
		items = append(items, app.Li().Text(fieldLabels["se_projette_dans_emploi"].String()+commonText.Colon.String()+strings.ToLower(labelOf(diagnostic.Impacts, string(diagnostic.ImpactNonAborde)))))
	}
	return app.Section().ID("completude").Class("fr-my-3w").Aria("labelledby", "completude-titre").Body(
		app.H3().ID("completude-titre").Class("fr-h6").Text(strings.Replace(diagText.Completeness.String(), "%s", pct, 1)),
		app.Progress().Class("spie-progress").Max(100).Value(pct).Aria("labelledby", "completude-titre").Text(strings.Replace(diagText.Percent.String(), "%s", pct, 1)),
		app.If(len(items) > 0, func() app.UI { return app.Ul().Body(items...) }),
	)
}

// renderDeadlines shows the deadlines of RULES.md §4 that apply
// (diagnostic.Deadlines): the RSA orientation after the opening of rights,
// and those whose starting date the partner sent (jalons).
func (c *DiagnosticForm) renderDeadlines() app.UI {
	ds := c.deadlines()
	if len(ds) == 0 {
		return app.Div()
	}
	rows := make([]app.UI, 0, len(ds))
	for _, x := range ds {
		due := "—"
		if !x.Due.IsZero() {
			due = longDate(x.Due)
		}
		rows = append(rows, app.Tr().ID("delai-"+string(x.Kind)).Body(
			app.Th().Scope("row").Text(labelOf(diagnostic.DeadlineKinds, string(x.Kind))),
			app.Td().Text(due),
			app.Td().Body(app.P().Class("fr-badge fr-badge--sm "+deadlineBadge(x.Status)).Text(labelOf(diagnostic.DeadlineStatuses, string(x.Status)))),
			app.Td().Text(c.deadlineDetail(x)),
		))
	}
	return app.Div().ID("delais").Class("fr-table").Body(app.Table().Body(
		app.Caption().Text(diagText.Deadlines.String()),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(diagText.Deadline.String()), app.Th().Scope("col").Text(diagText.Due.String()),
			app.Th().Scope("col").Text(diagText.Status.String()), app.Th().Scope("col").Text(diagText.Detail.String()),
		)),
		app.TBody().Body(rows...),
	))
}

func deadlineBadge(s diagnostic.DeadlineStatus) string {
	switch s {
	case diagnostic.DeadlineLate:
		return "fr-badge--error"
	case diagnostic.DeadlineMet:
		return "fr-badge--success"
	case diagnostic.DeadlinePending:
		return "fr-badge--info"
	}
	return "fr-badge--warning"
}

func yesNo(b bool) string {
	if b {
		return diagText.Yes.String()
	}
	return diagText.No.String()
}

func (c *DiagnosticForm) renderSubmitted() app.UI {
	if c.usager {
		return app.Div().Body(
			app.Div().ID("envoye").TabIndex(-1).Class("fr-alert fr-alert--success fr-mb-3w").Body(
				app.H2().Class("fr-alert__title").Text(personTexts["envoye"].String()),
				app.P().Text(personTexts["envoye/texte"].String()),
			),
			c.renderPrintable(),
		)
	}
	return app.Div().Body(
		app.Div().ID("envoye").TabIndex(-1).Class("fr-alert fr-alert--success fr-mb-3w").Body(
			app.H2().Class("fr-alert__title").Text(diagText.Sent.String()),
			app.P().Text(fmt.Sprintf(diagText.SentText.String(), c.doc.Person.ID, len(c.checked().Warnings()))),
		),
		c.renderOrientation(),
	)
}

// orientationLabel writes the orientation proposal dec in language l: the
// pathway, the organisation and the decider, with the definitions' labels.
func orientationLabel(dec diagnostic.Decision, l string) string {
	in := func(defs spie.Definitions, key string) string {
		d, ok := defs.Get(key)
		switch {
		case !ok:
			return key
		case l == LangEN && d.Label.EN != "":
			return d.Label.EN
		}
		return d.Label.FR
	}
	pick := func(t text) string {
		if l == LangEN {
			return t.EN
		}
		return t.FR
	}
	s := in(diagnostic.Pathways, string(dec.Pathway))
	if dec.Organisation != "" {
		s += fmt.Sprintf(pick(diagText.SupportedBy), in(diagnostic.Organisations, string(dec.Organisation)))
	}
	if dec.Decider != "" {
		s += fmt.Sprintf(pick(diagText.Decider), in(diagnostic.Deciders, string(dec.Decider)))
	}
	return s
}

// criterionText is a reason of the orientation: the library's sentence in
// French; in English, the criterion's label and the value found, from the
// definitions (the library writes its sentences in French only).
func (c *DiagnosticForm) criterionText(cu diagnostic.CriterionUse) string {
	if lang != LangEN {
		return cu.Sentence
	}
	v := cu.Value
	def, _ := diagnostic.OrientationCriteria.Get(string(cu.Code))
	switch def.Group {
	case "oui-non":
		switch v {
		case "oui":
			v = diagText.Yes.String()
		case "non":
			v = diagText.No.String()
		default:
			v = diagText.Unknown.String()
		}
	case "impact":
		v = labelOf(diagnostic.Impacts, v)
	case "parcours":
		v = labelOf(diagnostic.Pathways, v)
	}
	return labelOf(diagnostic.OrientationCriteria, string(cu.Code)) + commonText.Colon.String() + v
}

// missingText is what the orientation lacks: the library's sentence in
// French; in English, the criterion's label and the fields to fill in.
func (c *DiagnosticForm) missingText(m diagnostic.MissingCriterion) string {
	if lang != LangEN {
		return m.Sentence
	}
	fields := make([]string, 0, len(m.Paths))
	for _, p := range m.Paths {
		fields = append(fields, c.labelOf(p))
	}
	return fmt.Sprintf(diagText.MissingFields.String(), labelOf(diagnostic.OrientationCriteria, string(m.Code)), strings.Join(fields, diagText.ListSep.String()))
}

// deadlineDetail is the detail of a deadline: the library's sentence in
// French; in English, its start, its completion and the field to fill in,
// from the deadline's fields (the library writes its sentences in French
// only).
func (c *DiagnosticForm) deadlineDetail(x diagnostic.Deadline) string {
	if lang != LangEN {
		return x.Sentence
	}
	var parts []string
	if !x.Start.IsZero() {
		parts = append(parts, fmt.Sprintf(diagText.DetailFrom.String(), longDate(x.Start)))
	}
	if !x.Done.IsZero() {
		parts = append(parts, fmt.Sprintf(diagText.DetailDone.String(), longDate(x.Done)))
	}
	if x.MissingPath != "" {
		parts = append(parts, fmt.Sprintf(diagText.DetailMissing.String(), c.labelOf(x.MissingPath)))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, diagText.ListSep.String())
}
