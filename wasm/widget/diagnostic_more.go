//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// This file holds what the form asks beyond its first version (issue 15,
// item 5): identifiers, the jobs aimed at, diplomas, the passeport de
// compétences, objectifs, comments, details (sensitive for health), the
// person's words and the co-diagnostic's second author. Enumerations and
// their labels come from the diagnostic package's definitions.

// listButton renders a small secondary button of a list editor.
func listButton(id, text string, on func(app.Context)) app.UI {
	return app.Button().Type("button").ID(id).Class("fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w").Text(text).
		OnClick(func(ctx app.Context, e app.Event) { on(ctx) }, app.EventScope(id))
}

// renderProject edits the jobs aimed at, in order of priority (priorite is
// the position in the list, 1 = first choice).
func (c *DiagnosticForm) renderProject(p *diagnostic.Professional) app.UI {
	items := make([]app.UI, 0, len(p.Project)+1)
	for i := range p.Project {
		j := &p.Project[i]
		base := spie.Pointer("situation_professionnelle", "projet_professionnel", i)
		rp, lp := spie.Join(base, "code_rome"), spie.Join(base, "libelle")
		items = append(items, fieldset(fieldID(base), fmt.Sprintf(diagText.JobN.String(), i+1),
			textInput(c.field(rp, fieldLabels["code_rome"].String(), diagText.ROMEHint.String(), true), "text", string(j.ROME),
				func(ctx app.Context, v string) {
					c.set(ctx, rp, func() { j.ROME = spie.ROMECode(strings.ToUpper(strings.TrimSpace(v))) })
				}),
			textInput(c.field(lp, fieldLabels["projet_professionnel/libelle"].String(), diagText.Optional.String(), false), "text", j.Label,
				func(ctx app.Context, v string) { c.set(ctx, lp, func() { j.Label = v }) }),
			listButton("retirer-"+fieldID(base), diagText.RemoveJob.String(), func(ctx app.Context) {
				c.set(ctx, base, func() {
					p.Project = slices.Delete(p.Project, i, i+1)
					for k := range p.Project {
						p.Project[k].Priority = k + 1
					}
				})
				c.focus("ajouter-metier")
			}),
		))
	}
	items = append(items, listButton("ajouter-metier", diagText.AddJob.String(), func(ctx app.Context) {
		n := len(p.Project)
		c.set(ctx, "/situation_professionnelle/projet_professionnel", func() {
			p.Project = append(p.Project, diagnostic.ProjectJob{Priority: n + 1})
		})
		c.focus(fieldID(spie.Pointer("situation_professionnelle", "projet_professionnel", n, "code_rome")))
	}))
	return fieldset("projet", fieldLabels["projet_professionnel"].String(), items...)
}

// renderDiplomas edits the diplomas obtained.
func (c *DiagnosticForm) renderDiplomas(p *diagnostic.Professional) app.UI {
	items := make([]app.UI, 0, len(p.Diplomas)+1)
	for i := range p.Diplomas {
		dp := &p.Diplomas[i]
		base := spie.Pointer("situation_professionnelle", "diplomes", i)
		tp, np, yp := spie.Join(base, "intitule"), spie.Join(base, "niveau"), spie.Join(base, "annee")
		year := ""
		if dp.Year != 0 {
			year = strconv.Itoa(dp.Year)
		}
		items = append(items, fieldset(fieldID(base), fmt.Sprintf(diagText.DiplomaN.String(), i+1),
			textInput(c.field(tp, fieldLabels["diplomes/intitule"].String(), "", true), "text", dp.Title,
				func(ctx app.Context, v string) { c.set(ctx, tp, func() { dp.Title = v }) }),
			selectInput(c.field(np, fieldLabels["niveau_etude"].String(), "", false), diagnostic.EducationLevels, string(dp.Level), commonText.NotGiven.String(),
				func(ctx app.Context, v string) { c.set(ctx, np, func() { dp.Level = diagnostic.EducationLevel(v) }) }),
			textInput(c.field(yp, fieldLabels["diplomes/annee"].String(), diagText.Optional.String(), false), "number", year,
				func(ctx app.Context, v string) {
					c.set(ctx, yp, func() {
						dp.Year = 0
						if n := intPtr(v); n != nil {
							dp.Year = *n
						}
					})
				}),
			listButton("retirer-"+fieldID(base), diagText.RemoveDiploma.String(), func(ctx app.Context) {
				c.set(ctx, base, func() { p.Diplomas = slices.Delete(p.Diplomas, i, i+1) })
				c.focus("ajouter-diplome")
			}),
		))
	}
	items = append(items, listButton("ajouter-diplome", diagText.AddDiploma.String(), func(ctx app.Context) {
		n := len(p.Diplomas)
		c.set(ctx, "/situation_professionnelle/diplomes", func() { p.Diplomas = append(p.Diplomas, diagnostic.Diploma{}) })
		c.focus(fieldID(spie.Pointer("situation_professionnelle", "diplomes", n, "intitule")))
	}))
	return fieldset("diplomes", fieldLabels["diplomes"].String(), items...)
}

// renderSkills edits the passeport de compétences: each skill declared,
// observed or certified (diagnostic.SkillValidations).
func (c *DiagnosticForm) renderSkills(p *diagnostic.Professional) app.UI {
	items := make([]app.UI, 0, len(p.Skills)+1)
	for i := range p.Skills {
		sk := &p.Skills[i]
		base := spie.Pointer("situation_professionnelle", "competences", i)
		lp, vp, rp := spie.Join(base, "libelle"), spie.Join(base, "validation"), spie.Join(base, "code_rome")
		items = append(items, fieldset(fieldID(base), fmt.Sprintf(diagText.SkillN.String(), i+1),
			textInput(c.field(lp, fieldLabels["competences/libelle"].String(), "", true), "text", sk.Label,
				func(ctx app.Context, v string) { c.set(ctx, lp, func() { sk.Label = v }) }),
			selectInput(c.field(vp, fieldLabels["competences/validation"].String(), "", true), diagnostic.SkillValidations, string(sk.Validation), commonText.Choose.String(),
				func(ctx app.Context, v string) {
					c.set(ctx, vp, func() { sk.Validation = diagnostic.SkillValidation(v) })
				}),
			textInput(c.field(rp, fieldLabels["competences/code_rome"].String(), diagText.ROMEOptional.String(), false), "text", string(sk.ROME),
				func(ctx app.Context, v string) {
					c.set(ctx, rp, func() { sk.ROME = spie.ROMECode(strings.ToUpper(strings.TrimSpace(v))) })
				}),
			listButton("retirer-"+fieldID(base), diagText.RemoveSkill.String(), func(ctx app.Context) {
				c.set(ctx, base, func() { p.Skills = slices.Delete(p.Skills, i, i+1) })
				c.focus("ajouter-competence")
			}),
		))
	}
	items = append(items, listButton("ajouter-competence", diagText.AddSkill.String(), func(ctx app.Context) {
		n := len(p.Skills)
		c.set(ctx, "/situation_professionnelle/competences", func() { p.Skills = append(p.Skills, diagnostic.Skill{}) })
		c.focus(fieldID(spie.Pointer("situation_professionnelle", "competences", n, "libelle")))
	}))
	return fieldset("competences", fieldLabels["competences"].String(), items...)
}

// renderObjectifs asks the status of each objectif of the thématique's
// referential, when the impact calls for them (moyen, fort) or some are set.
func (c *DiagnosticForm) renderObjectifs(key string, fr diagnostic.Frein, update func(func(*diagnostic.Frein)) func()) app.UI {
	defs := diagnostic.Objectifs.InGroup(key)
	if len(defs) == 0 || fr.Impact.Rank() < diagnostic.ImpactMoyen.Rank() && len(fr.Objectifs) == 0 {
		return app.Div()
	}
	status := map[string]string{}
	for _, o := range fr.Objectifs {
		status[string(o.Objectif)] = string(o.Status)
		if o.Status == "" {
			status[string(o.Objectif)] = "NON_ABORDE"
		}
	}
	rows := make([]app.UI, 0, len(defs))
	for _, d := range defs {
		ok := diagnostic.Objectif(d.Key)
		p := spie.Pointer("freins", key, "objectifs", d.Key)
		rows = append(rows, selectInput(fieldState{path: p, label: inLang(d.Label)}, diagnostic.ObjectifStatuses, status[d.Key], diagText.NotChosen.String(),
			func(ctx app.Context, v string) {
				c.set(ctx, p, update(func(f *diagnostic.Frein) { setObjectif(f, ok, diagnostic.ObjectifStatus(v)) }))
			}))
	}
	return fieldset("objectifs-"+key, fieldLabels["objectifs"].String(), rows...)
}

// setObjectif sets the status of an objectif of a frein; an empty status
// removes it.
func setObjectif(f *diagnostic.Frein, o diagnostic.Objectif, s diagnostic.ObjectifStatus) {
	i := slices.IndexFunc(f.Objectifs, func(it diagnostic.ObjectifItem) bool { return it.Objectif == o })
	switch {
	case s == "" && i >= 0:
		f.Objectifs = slices.Delete(slices.Clone(f.Objectifs), i, i+1)
	case s == "":
	case i >= 0:
		f.Objectifs = slices.Clone(f.Objectifs)
		f.Objectifs[i].Status = s
	default:
		f.Objectifs = append(slices.Clone(f.Objectifs), diagnostic.ObjectifItem{Objectif: o, Status: s})
	}
}

// sensitiveNotice tells that the values of a sensitive thématique (health)
// are seen by the person and their référent only (the thématique's own
// description says why).
func sensitiveNotice(key string) app.UI {
	if !diagnostic.FreinThematique(key).IsSensitive() {
		return app.Div()
	}
	d, _ := spie.Thematiques.Get(key)
	return app.Div().Class("fr-mb-2w").Body(
		app.P().Class("fr-badge fr-badge--warning fr-badge--sm").Text(fieldLabels["sensible"].String()),
		app.P().Class("fr-text--sm").Text(inLang(d.Description)+" "+fieldLabels["sensible/aide"].String()),
	)
}

// renderFreinNotes asks the professional's comment and the details of a
// frein; for a sensitive thématique the details are marked so.
func (c *DiagnosticForm) renderFreinNotes(key string, fr diagnostic.Frein, update func(func(*diagnostic.Frein)) func()) app.UI {
	cp, dp := spie.Pointer("freins", key, "commentaire_professionnel"), spie.Pointer("freins", key, "details")
	return app.Div().Body(
		sensitiveNotice(key),
		textArea(c.field(cp, fieldLabels["commentaire_professionnel"].String(), "", false), fr.Comment,
			func(ctx app.Context, v string) {
				c.set(ctx, cp, update(func(f *diagnostic.Frein) { f.Comment = v }))
			}),
		textArea(c.field(dp, fieldLabels["details"].String(), "", false), fr.Details,
			func(ctx app.Context, v string) {
				c.set(ctx, dp, update(func(f *diagnostic.Frein) { f.Details = v }))
			}),
	)
}

// renderWords asks the person's words on a frein.
func (c *DiagnosticForm) renderWords(key string, fr diagnostic.Frein, update func(func(*diagnostic.Frein)) func(), label string) app.UI {
	wp := spie.Pointer("freins", key, "vue_personne", "paroles")
	words := ""
	if fr.PersonView != nil {
		words = fr.PersonView.Words
	}
	return textArea(c.field(wp, label, "", false), words,
		func(ctx app.Context, v string) {
			c.set(ctx, wp, update(func(f *diagnostic.Frein) { personView(f).Words = v; trimView(f) }))
		})
}

// renderAuthor asks the author n (0, or 1 for the co-diagnostic's second).
func (c *DiagnosticForm) renderAuthor(n int) app.UI {
	a := &c.doc.Authors[n]
	np, rp, sp := spie.Pointer("auteurs", n, "nom"), spie.Pointer("auteurs", n, "role"), spie.Pointer("auteurs", n, "siret_structure")
	legend := diagText.Author.String()
	if n > 0 {
		legend = diagText.SecondAuthor.String()
	}
	return fieldset("auteur-"+strconv.Itoa(n), legend,
		textInput(c.field(np, fieldLabels["nom"].String(), "", true), "text", a.Name,
			func(ctx app.Context, v string) { c.set(ctx, np, func() { a.Name = v }) }),
		selectInput(c.field(rp, fieldLabels["role"].String(), "", true), diagnostic.AuthorRoles, string(a.Role), commonText.Choose.String(),
			func(ctx app.Context, v string) { c.set(ctx, rp, func() { a.Role = diagnostic.AuthorRole(v) }) }),
		app.If(n > 0, func() app.UI {
			return textInput(c.field(sp, fieldLabels["auteurs/siret_structure"].String(), diagText.SecondSIRETHint.String(), false), "text", string(a.StructureSIRET),
				func(ctx app.Context, v string) {
					c.set(ctx, sp, func() { a.StructureSIRET = spie.SIRET(strings.ReplaceAll(v, " ", "")) })
				}, func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") })
		}),
	)
}
