//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"fmt"
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
var personTexts = map[string]text{
	"intro":          text{"La personne est la première à savoir ce dont elle a besoin. Pour chaque thème, dites si cela vous gêne pour trouver un emploi, et expliquez-le avec vos mots si vous le souhaitez. Vous pouvez laisser un thème sans réponse.", "You are the first to know what you need. For each theme, say whether it makes finding a job harder for you, and explain it in your own words if you wish. You may leave a theme unanswered."},
	"impact":         text{"Est-ce que cela vous gêne pour trouver un emploi ?", "Does this make finding a job harder for you?"},
	"impact/vide":    text{"— Je préfère ne pas répondre —", "— I prefer not to answer —"},
	"priorite":       text{"Si c'est un frein, quel rang lui donnez-vous ?", "If it is a barrier, what rank do you give it?"},
	"priorite/aide":  text{"1 = le plus urgent pour vous ; laissez vide si ce n'est pas un frein.", "1 = the most urgent for you; leave empty if it is not a barrier."},
	"paroles":        text{"Dites-le avec vos mots", "Say it in your own words"},
	"resume":         text{"Résumé pour la personne", "Summary for the person"},
	"diagnostic":     text{"Votre diagnostic du %s", "Your assessment of %s"},
	"themes":         text{"Ce qui vous freine, thème par thème", "What holds you back, theme by theme"},
	"aucun-theme":    text{"Aucun frein n'a été retenu pour l'instant.", "No barrier has been retained so far."},
	"pour-vous":      text{"Pour vous : ", "For you: "},
	"vos-mots":       text{"Vos mots : ", "Your words: "},
	"pour-conseil":   text{"Pour votre conseiller : ", "For your adviser: "},
	"objectifs":      text{"Vos objectifs", "Your objectives"},
	"plan":           text{"Votre plan d'action", "Your action plan"},
	"referent":       text{"Votre référent", "Your referent"},
	"referent/aucun": text{"Votre référent n'est pas encore désigné : la personne qui vous accompagne vous dira qui il sera.", "Your referent is not appointed yet: the person who supports you will tell you who it will be."},
	"referent/nom":   text{"%s, structure n° SIRET %s.", "%s, organisation SIRET no. %s."},
	"echeance":       text{"Prochaine échéance", "Next deadline"},
	"echeance/aucun": text{"Aucune échéance à venir n'est connue.", "No upcoming deadline is known."},
	"echeance/date":  text{"%s : au plus tard le %s.", "%s: %s at the latest."},
	"depasse":        text{"%s : la date prévue, le %s, est dépassée. Parlez-en à la personne qui vous accompagne.", "%s: the planned date, %s, has passed. Talk about it with the person who supports you."},
	"imprimer":       text{"Imprimer ce résumé", "Print this summary"},
	"envoye":         text{"Votre avis a été envoyé", "Your view has been sent"},
	"envoye/texte":   text{"Merci. La personne qui vous accompagne verra votre avis à côté du sien.", "Thank you. The person who supports you will see your view beside theirs."},
}

// renderPersonViews asks the person their own view of each thématique, in
// plain words (diagnostic.PersonImpacts): impact, priority and words.
func (c *DiagnosticForm) renderPersonViews() app.UI {
	d := &c.doc
	groups := []app.UI{app.P().Text(personTexts["intro"].String())}
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
			selectInput(c.field(vp, personTexts["impact"].String(), "", false), diagnostic.PersonImpacts, impact, personTexts["impact/vide"].String(),
				func(ctx app.Context, v string) {
					c.set(ctx, vp, update(func(f *diagnostic.Frein) { personView(f).Impact = diagnostic.Impact(v); trimView(f) }))
				}),
			textInput(c.field(pp, personTexts["priorite"].String(), personTexts["priorite/aide"].String(), false), "number", prio,
				func(ctx app.Context, v string) {
					c.set(ctx, pp, update(func(f *diagnostic.Frein) {
						n, _ := strconv.Atoi(strings.TrimSpace(v))
						personView(f).Priority = n
						trimView(f)
					}))
				}),
			c.renderWords(def.Key, fr, update, personTexts["paroles"].String()),
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
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["pour-vous"].String()+labelOf(diagnostic.PersonImpacts, string(pv.Impact))))
		}
		if pv != nil && pv.Words != "" {
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["vos-mots"].String()+quote(pv.Words)))
		}
		if pro {
			im, _ := diagnostic.Impacts.Get(string(f.Impact))
			lines = append(lines, app.P().Class("fr-mb-1v").Text(personTexts["pour-conseil"].String()+inLang(im.Description)))
		}
		themes = append(themes, app.Li().Body(app.P().Class("fr-text--bold fr-mb-1v").Text(inLang(def.Label)), app.Div().Body(lines...)))
	}
	var objectifs []app.UI
	for _, def := range diagnostic.FreinThematiques {
		for _, o := range d.Freins[diagnostic.FreinThematique(def.Key)].Objectifs {
			objectifs = append(objectifs, app.Li().Text(labelOf(diagnostic.Objectifs, string(o.Objectif))+" ("+strings.ToLower(labelOf(diagnostic.ObjectifStatuses, string(o.Status)))+")"))
		}
	}
	return app.Section().ID("resume-personne").Class("spie-print fr-mt-4w").Aria("labelledby", "resume-titre").Body(
		app.H3().ID("resume-titre").Text(personTexts["resume"].String()),
		app.P().Text(sprintf(personTexts["diagnostic"].String(), longDate(d.Date))),
		app.H4().Class("fr-h6").Text(personTexts["themes"].String()),
		app.If(len(themes) == 0, func() app.UI { return app.P().Text(personTexts["aucun-theme"].String()) }).
			Else(func() app.UI { return app.Ul().Body(themes...) }),
		app.If(len(objectifs) > 0, func() app.UI {
			return app.Div().Body(app.H4().Class("fr-h6").Text(personTexts["objectifs"].String()), app.Ul().Body(objectifs...))
		}),
		c.renderPlan(),
		app.H4().Class("fr-h6").Text(personTexts["referent"].String()),
		app.P().ID("resume-referent").Text(c.referentText()),
		app.H4().Class("fr-h6").Text(personTexts["echeance"].String()),
		c.renderNextDeadline(),
		app.Button().Type("button").ID("imprimer").Class("fr-btn fr-btn--secondary spie-no-print").Text(personTexts["imprimer"].String()).
			OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
	)
}

func (c *DiagnosticForm) referentText() string {
	r := c.context.Referent
	if r == nil || r.Professional == "" {
		return personTexts["referent/aucun"].String()
	}
	return sprintf(personTexts["referent/nom"].String(), r.Professional, string(r.StructureSIRET))
}

func (c *DiagnosticForm) renderNextDeadline() app.UI {
	next, passed := NextDeadline(c.deadlines())
	var items []app.UI
	for _, p := range passed {
		items = append(items, app.P().Class("spie-echeance-depassee").Text(sprintf(personTexts["depasse"].String(), labelOf(diagnostic.DeadlineKinds, string(p.Kind)), longDate(p.Due))))
	}
	if next != nil {
		items = append(items, app.P().Text(sprintf(personTexts["echeance/date"].String(), labelOf(diagnostic.DeadlineKinds, string(next.Kind)), longDate(next.Due))))
	}
	if len(items) == 0 {
		items = append(items, app.P().Text(personTexts["echeance/aucun"].String()))
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
		label := labelOf(diagnostic.Objectifs, string(o.Objectif))
		if o.Objectif == "" {
			label = labelOf(diagnostic.BesoinDefinitions, string(o.Besoin))
		}
		if o.Objectif == "" && o.FreeLabel != "" {
			label = o.FreeLabel
		}
		items = append(items, app.Li().Text(label+" ("+strings.ToLower(labelOf(diagnostic.ObjectifStatuses, string(o.Status)))+")"))
	}
	for _, a := range p.Actions {
		label := labelOf(carnet.CatalogActions, string(a.CatalogAction))
		if a.CatalogAction == "" {
			label = labelOf(spie.Thematiques, string(a.Thematique))
		}
		if a.CatalogAction == "" && a.FreeLabel != "" {
			label = a.FreeLabel
		}
		text := label + " (" + strings.ToLower(labelOf(carnet.ActionStatuses, string(a.Status)))
		if !a.Start.IsZero() {
			text += fmt.Sprintf(diagText.From.String(), longDate(a.Start))
		}
		items = append(items, app.Li().Text(text+")"))
	}
	return app.Div().ID("resume-plan").Body(app.H4().Class("fr-h6").Text(personTexts["plan"].String()), app.Ul().Body(items...))
}
