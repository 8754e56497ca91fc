package widget

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Orientation is the orientation proposal the widget shows and hands to the
// partner with the submitted diagnostic (diagnostic.Orient with the default
// rules).
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
	o.Label = labelOf(diagnostic.Pathways, string(dec.Pathway))
	if dec.Organisation != "" {
		o.Label += ", accompagné par " + labelOf(diagnostic.Organisations, string(dec.Organisation))
	}
	if dec.Decider != "" {
		o.Label += " (décision : " + labelOf(diagnostic.Deciders, string(dec.Decider)) + ")"
	}
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
	reasons := make([]app.UI, 0, len(o.Reasons))
	for _, r := range o.Reasons {
		reasons = append(reasons, app.Li().Text(r))
	}
	missing := make([]app.UI, 0, len(o.Missing))
	for _, m := range o.Missing {
		missing = append(missing, app.Li().Text(m))
	}
	return app.Section().Aria("labelledby", "orientation-titre").Class("fr-callout fr-my-3w").Body(
		app.H3().ID("orientation-titre").Class("fr-callout__title").Text("Proposition d'orientation"),
		app.P().ID("orientation").Class("fr-callout__text").Text(o.Label),
		app.If(len(reasons) > 0, func() app.UI {
			return app.Div().Body(app.P().Text("Raisons :"), app.Ul().Body(reasons...))
		}),
		app.If(len(missing) > 0, func() app.UI {
			return app.Div().Body(app.P().Text("Pour décider, il manque :"), app.Ul().Body(missing...))
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
			freinText += " ; "
		}
		freinText += f
	}
	warnings := c.faults.Warnings()
	warn := make([]app.UI, 0, len(warnings))
	for _, w := range warnings {
		warn = append(warn, app.Li().Text(c.labelOf(w.Path)+" : "+w.Message))
	}
	return app.Div().Body(
		app.Div().Class("fr-table").Body(app.Table().Body(
			app.Caption().Text("Récapitulatif du diagnostic"),
			app.TBody().Body(
				row("Personne", d.Person.ID),
				row("Date de naissance", string(d.Person.BirthDate)),
				row("Commune", string(d.Person.Commune)),
				row("Situation", labelOf(diagnostic.WorkSituations, string(d.Professional.WorkSituation))),
				row("Freins retenus", freinText),
				row("Auteur", authorsText(d.Authors)),
				row("Consentement au partage", yesNo(d.Consent.Sharing)),
			),
		)),
		app.If(len(warn) > 0, func() app.UI {
			return alert("warning", "Points d'attention (n'empêchent pas l'envoi)", app.Ul().Body(warn...))
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
	return strings.Join(names, " et ")
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
		items = append(items, app.Li().Text("Thématiques non abordées : "+strings.Join(notDiscussed, " ; ")))
	}
	if len(notExplored) > 0 {
		items = append(items, app.Li().Text("Besoins du projet non explorés : "+strings.Join(notExplored, " ; ")))
	}
	if k.ProjectionUnknown {
		items = append(items, app.Li().Text(fieldLabels["se_projette_dans_emploi"]+" : "+strings.ToLower(labelOf(diagnostic.Impacts, string(diagnostic.ImpactNonAborde)))))
	}
	return app.Section().ID("completude").Class("fr-my-3w").Aria("labelledby", "completude-titre").Body(
		app.H3().ID("completude-titre").Class("fr-h6").Text("Complétude du diagnostic : "+pct+" % des points du socle abordés"),
		app.Progress().Class("spie-progress").Max(100).Value(pct).Aria("labelledby", "completude-titre").Text(pct+" %"),
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
			due = x.Due.French()
		}
		rows = append(rows, app.Tr().ID("delai-"+string(x.Kind)).Body(
			app.Th().Scope("row").Text(labelOf(diagnostic.DeadlineKinds, string(x.Kind))),
			app.Td().Text(due),
			app.Td().Body(app.P().Class("fr-badge fr-badge--sm "+deadlineBadge(x.Status)).Text(labelOf(diagnostic.DeadlineStatuses, string(x.Status)))),
			app.Td().Text(x.Sentence),
		))
	}
	return app.Div().ID("delais").Class("fr-table").Body(app.Table().Body(
		app.Caption().Text("Délais du parcours"),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Délai"), app.Th().Scope("col").Text("Échéance"),
			app.Th().Scope("col").Text("Situation"), app.Th().Scope("col").Text("Détail"),
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
		return "Oui"
	}
	return "Non"
}

func (c *DiagnosticForm) renderSubmitted() app.UI {
	if c.usager {
		return app.Div().Body(
			app.Div().ID("envoye").TabIndex(-1).Class("fr-alert fr-alert--success fr-mb-3w").Body(
				app.H2().Class("fr-alert__title").Text(personTexts["envoye"]),
				app.P().Text(personTexts["envoye/texte"]),
			),
			c.renderPrintable(),
		)
	}
	return app.Div().Body(
		app.Div().ID("envoye").TabIndex(-1).Class("fr-alert fr-alert--success fr-mb-3w").Body(
			app.H2().Class("fr-alert__title").Text("Diagnostic envoyé"),
			app.P().Text("Le diagnostic de "+c.doc.Person.ID+" a passé toutes les règles du socle et a été transmis ("+strconv.Itoa(len(c.faults.Warnings()))+" point(s) d'attention)."),
		),
		c.renderOrientation(),
	)
}

// SubmitResult hands the partner a validated document with what the widget
// concluded (the orientation proposal of a diagnostic).
func (b *Bridge) SubmitResult(doc any, faults spie.Faults, result any) {
	b.sendDocResult(manifestSubmit, doc, faults, result)
}
