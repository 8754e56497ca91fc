package widget

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// personTexts are the plain-French sentences of the person's mode and of
// the printable summary, in one place (the English rendering, issue 15
// item 6, will switch them here).
var personTexts = map[string]string{
	"intro":          "La personne est la première à savoir ce dont elle a besoin. Pour chaque thème, dites si cela vous gêne pour trouver un emploi, et expliquez-le avec vos mots si vous le souhaitez. Vous pouvez laisser un thème sans réponse.",
	"impact":         "Est-ce que cela vous gêne pour trouver un emploi ?",
	"impact/vide":    "— Je préfère ne pas répondre —",
	"priorite":       "Si c'est un frein, quel rang lui donnez-vous ?",
	"priorite/aide":  "1 = le plus urgent pour vous ; laissez vide si ce n'est pas un frein.",
	"paroles":        "Dites-le avec vos mots",
	"resume":         "Résumé pour la personne",
	"diagnostic":     "Votre diagnostic du %s",
	"themes":         "Ce qui vous freine, thème par thème",
	"aucun-theme":    "Aucun frein n'a été retenu pour l'instant.",
	"pour-vous":      "Pour vous : ",
	"vos-mots":       "Vos mots : ",
	"pour-conseil":   "Pour votre conseiller : ",
	"objectifs":      "Vos objectifs",
	"plan":           "Votre plan d'action",
	"referent":       "Votre référent",
	"referent/aucun": "Votre référent n'est pas encore désigné : la personne qui vous accompagne vous dira qui il sera.",
	"referent/nom":   "%s, structure n° SIRET %s.",
	"echeance":       "Prochaine échéance",
	"echeance/aucun": "Aucune échéance à venir n'est connue.",
	"echeance/date":  "%s : au plus tard le %s.",
	"depasse":        "%s : la date prévue, le %s, est dépassée. Parlez-en à la personne qui vous accompagne.",
	"imprimer":       "Imprimer ce résumé",
	"envoye":         "Votre avis a été envoyé",
	"envoye/texte":   "Merci. La personne qui vous accompagne verra votre avis à côté du sien.",
}

// renderPersonViews asks the person their own view of each thématique, in
// plain words (diagnostic.PersonImpacts): impact, priority and words.
func (c *DiagnosticForm) renderPersonViews() app.UI {
	d := &c.doc
	groups := []app.UI{app.P().Text(personTexts["intro"])}
	for _, def := range diagnostic.FreinThematiques {
		k := diagnostic.FreinThematique(def.Key)
		fr := d.Freins[k]
		vp := spie.Pointer("freins", def.Key, "vue_personne", "impact")
		pp := spie.Pointer("freins", def.Key, "vue_personne", "priorite")
		impact, prio := "", ""
		if fr.PersonView != nil {
			impact = string(fr.PersonView.Impact)
			if fr.PersonView.Priority > 0 {
				prio = strconv.Itoa(fr.PersonView.Priority)
			}
		}
		update := func(f func(*diagnostic.Frein)) func() {
			return func() {
				cur := d.Freins[k]
				f(&cur)
				d.Freins[k] = cur
			}
		}
		th, _ := spie.Thematiques.Get(def.Key)
		var notice app.UI = app.P().Class("fr-hint-text").Text(inLang(th.Description))
		if k.IsSensitive() {
			notice = sensitiveNotice(def.Key)
		}
		groups = append(groups, fieldset("avis-"+def.Key, inLang(def.Label),
			notice,
			selectInput(c.field(vp, personTexts["impact"], "", false), diagnostic.PersonImpacts, impact, personTexts["impact/vide"],
				func(ctx app.Context, v string) {
					c.set(ctx, vp, update(func(f *diagnostic.Frein) { personView(f).Impact = diagnostic.Impact(v); trimView(f) }))
				}),
			textInput(c.field(pp, personTexts["priorite"], personTexts["priorite/aide"], false), "number", prio,
				func(ctx app.Context, v string) {
					c.set(ctx, pp, update(func(f *diagnostic.Frein) {
						n, _ := strconv.Atoi(strings.TrimSpace(v))
						personView(f).Priority = n
						trimView(f)
					}))
				}),
			c.renderWords(def.Key, fr, update, personTexts["paroles"]),
		))
	}
	return app.Div().Body(groups...)
}

// renderPersonRecap is the person's last step: their summary, before they
// send their view.
func (c *DiagnosticForm) renderPersonRecap() app.UI { return c.renderPrintable() }

// today is the date of Clock() where the person lives.
func (c *DiagnosticForm) today() spie.Date { return spie.DateIn(Clock(), string(c.doc.Person.Commune)) }

// deadlines are the deadlines of RULES.md §4 for the person today, from the
// diagnostic, its orientation and the milestones the partner sent.
func (c *DiagnosticForm) deadlines() []diagnostic.Deadline {
	rules := diagnostic.DefaultOrientationRules()
	dec := diagnostic.Orient(&c.doc, rules)
	return diagnostic.Deadlines(&c.doc, dec, c.context.Milestones, c.today(), rules)
}

// NextDeadline returns the pending deadline due first, and the deadlines
// already passed without the step being done.
func NextDeadline(ds []diagnostic.Deadline) (next *diagnostic.Deadline, passed []diagnostic.Deadline) {
	for i := range ds {
		switch {
		case ds[i].Status == diagnostic.DeadlineLate && ds[i].Done.IsZero():
			passed = append(passed, ds[i])
		case ds[i].Status == diagnostic.DeadlinePending && (next == nil || ds[i].Due.Before(next.Due)):
			next = &ds[i]
		}
	}
	return next, passed
}

func sprintf(format string, args ...string) string {
	for _, a := range args {
		format = strings.Replace(format, "%s", a, 1)
	}
	return format
}

// renderPrintable is the summary for the person, in plain French, that
// prints on its own (print CSS: .spie-print): their diagnostic, their plan
// when the partner sent it, their référent and the next deadline.
func (c *DiagnosticForm) renderPrintable() app.UI {
	d := &c.doc
	var themes []app.UI
	for _, def := range diagnostic.FreinThematiques {
		f := d.Freins[diagnostic.FreinThematique(def.Key)]
		pv := f.PersonView
		pro := f.Impact.Rank() >= diagnostic.ImpactMoyen.Rank()
		own := pv != nil && (pv.Impact.Rank() >= diagnostic.ImpactMoyen.Rank() || pv.Words != "")
		if !pro && !own {
			continue
		}
		var lines []app.UI
		if pv != nil && diagnostic.PersonImpacts.Has(string(pv.Impact)) {
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["pour-vous"]+labelOf(diagnostic.PersonImpacts, string(pv.Impact))))
		}
		if pv != nil && pv.Words != "" {
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["vos-mots"]+"« "+pv.Words+" »"))
		}
		if pro {
			im, _ := diagnostic.Impacts.Get(string(f.Impact))
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["pour-conseil"]+inLang(im.Description)))
		}
		themes = append(themes, app.Li().Body(app.P().Class("fr-text--bold fr-mb-1v").Text(inLang(def.Label)), app.Div().Body(lines...)))
	}
	var objectifs []app.UI
	for _, def := range diagnostic.FreinThematiques {
		for _, o := range d.Freins[diagnostic.FreinThematique(def.Key)].Objectifs {
			objectifs = append(objectifs, app.Li().Text(o.Objectif.Label()+" ("+strings.ToLower(labelOf(diagnostic.ObjectifStatuses, string(o.Status)))+")"))
		}
	}
	return app.Section().ID("resume-personne").Class("spie-print fr-mt-4w").Aria("labelledby", "resume-titre").Body(
		app.H3().ID("resume-titre").Text(personTexts["resume"]),
		app.P().Text(sprintf(personTexts["diagnostic"], d.Date.French())),
		app.H4().Class("fr-h6").Text(personTexts["themes"]),
		app.If(len(themes) == 0, func() app.UI { return app.P().Text(personTexts["aucun-theme"]) }).
			Else(func() app.UI { return app.Ul().Body(themes...) }),
		app.If(len(objectifs) > 0, func() app.UI {
			return app.Div().Body(app.H4().Class("fr-h6").Text(personTexts["objectifs"]), app.Ul().Body(objectifs...))
		}),
		c.renderPlan(),
		app.H4().Class("fr-h6").Text(personTexts["referent"]),
		app.P().ID("resume-referent").Text(c.referentText()),
		app.H4().Class("fr-h6").Text(personTexts["echeance"]),
		c.renderNextDeadline(),
		app.Button().Type("button").ID("imprimer").Class("fr-btn fr-btn--secondary spie-no-print").Text(personTexts["imprimer"]).
			OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
	)
}

func (c *DiagnosticForm) referentText() string {
	r := c.context.Referent
	if r == nil || r.Professional == "" {
		return personTexts["referent/aucun"]
	}
	return sprintf(personTexts["referent/nom"], r.Professional, string(r.StructureSIRET))
}

func (c *DiagnosticForm) renderNextDeadline() app.UI {
	next, passed := NextDeadline(c.deadlines())
	var items []app.UI
	for _, p := range passed {
		items = append(items, app.P().Class("spie-echeance-depassee").Text(sprintf(personTexts["depasse"], labelOf(diagnostic.DeadlineKinds, string(p.Kind)), p.Due.French())))
	}
	if next != nil {
		items = append(items, app.P().Text(sprintf(personTexts["echeance/date"], labelOf(diagnostic.DeadlineKinds, string(next.Kind)), next.Due.French())))
	}
	if len(items) == 0 {
		items = append(items, app.P().Text(personTexts["echeance/aucun"]))
	}
	return app.Div().ID("resume-echeance").Body(items...)
}

// renderPlan lists the plan d'action the partner sent (objectifs and
// actions of the carnet), with the carnet's labels.
func (c *DiagnosticForm) renderPlan() app.UI {
	p := c.context.Plan
	if p == nil || len(p.Objectifs)+len(p.Actions) == 0 {
		return app.Div()
	}
	var items []app.UI
	for _, o := range p.Objectifs {
		label := o.Objectif.Label()
		if o.Objectif == "" {
			label = o.Besoin.Label()
		}
		items = append(items, app.Li().Text(label+" ("+strings.ToLower(labelOf(diagnostic.ObjectifStatuses, string(o.Status)))+")"))
	}
	for _, a := range p.Actions {
		label := a.CatalogAction.Label()
		if a.CatalogAction == "" {
			label = labelOf(spie.Thematiques, string(a.Thematique))
		}
		text := label + " (" + strings.ToLower(labelOf(carnet.ActionStatuses, string(a.Status)))
		if !a.Start.IsZero() {
			text += ", à partir du " + a.Start.French()
		}
		items = append(items, app.Li().Text(text+")"))
	}
	return app.Div().ID("resume-plan").Body(app.H4().Class("fr-h6").Text(personTexts["plan"]), app.Ul().Body(items...))
}
