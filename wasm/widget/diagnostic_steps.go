//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// renderStep draws the fields of the current step.
func (c *DiagnosticForm) renderStep() app.UI {
	d := &c.doc
	switch c.steps()[c.step] {
	case 0:
		return fieldset("personne", diagText.PersonLegend.String(),
			textInput(c.field("/id", fieldLabels["id"].String(), diagText.OwnReference.String(), true), "text", d.ID,
				func(ctx app.Context, v string) { c.set(ctx, "/id", func() { d.ID = v }) }),
			textInput(c.field("/date", fieldLabels["date"].String(), "", true), "date", string(d.Date),
				func(ctx app.Context, v string) { c.set(ctx, "/date", func() { d.Date = spie.Date(v) }) }),
			textInput(c.field("/personne/id", fieldLabels["personne/id"].String(), diagText.Pseudonymous.String(), true), "text", d.Person.ID,
				func(ctx app.Context, v string) { c.set(ctx, "/personne/id", func() { d.Person.ID = v }) }),
			textInput(c.field("/personne/date_naissance", fieldLabels["date_naissance"].String(), "", true), "date", string(d.Person.BirthDate),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/date_naissance", func() { d.Person.BirthDate = spie.Date(v) })
				}),
			textInput(c.field("/personne/code_commune", fieldLabels["code_commune"].String(), diagText.CommuneHint.String(), true), "text", string(d.Person.Commune),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/code_commune", func() { d.Person.Commune = spie.CommuneCode(strings.TrimSpace(v)) })
				}, func(in app.HTMLInput) app.HTMLInput { return in.AutoComplete(false).Attr("inputmode", "numeric") }),
			textInput(c.field("/personne/identifiant_france_travail", fieldLabels["identifiant_france_travail"].String(), diagText.Optional.String(), false), "text", string(d.Person.FranceTravailID),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/identifiant_france_travail", func() { d.Person.FranceTravailID = spie.FranceTravailID(strings.TrimSpace(v)) })
				}),
			textInput(c.field("/personne/numero_allocataire_caf", inLang(spie.CAFNumber("").IdentifierLabel()), diagText.Optional.String(), false), "text", string(d.Person.CAFNumber),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/numero_allocataire_caf", func() { d.Person.CAFNumber = spie.CAFNumber(strings.TrimSpace(v)) })
				}, func(in app.HTMLInput) app.HTMLInput { return in.AutoComplete(false).Attr("inputmode", "numeric") }),
			textInput(c.field("/personne/nir", inLang(spie.NIR("").IdentifierLabel()), diagText.NIRHint.String(), false), "text", string(d.Person.NIR),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/nir", func() { d.Person.NIR = spie.NIR(strings.ReplaceAll(v, " ", "")) })
				}, func(in app.HTMLInput) app.HTMLInput { return in.AutoComplete(false).Attr("inputmode", "numeric") }),
		)
	case 1:
		boxes := make([]app.UI, 0, len(diagnostic.PublicCriteriaFlags)+1)
		for _, cf := range diagnostic.PublicCriteriaFlags {
			p := spie.Pointer("criteres_publics", cf.Key)
			b := d.Criteria.Flag(cf.Key)
			boxes = append(boxes, checkbox(c.field(p, inLang(cf.Label), "", false), *b,
				func(ctx app.Context, v bool) { c.set(ctx, p, func() { *b = v }) }))
		}
		boxes = append(boxes, textInput(c.field("/criteres_publics/date_ouverture_droits_rsa", fieldLabels["date_ouverture_droits_rsa"].String(), diagText.RSAHint.String(), false), "date", string(d.Criteria.RSAOpeningDate),
			func(ctx app.Context, v string) {
				c.set(ctx, "/criteres_publics/date_ouverture_droits_rsa", func() { d.Criteria.RSAOpeningDate = spie.Date(v) })
			}))
		return fieldset("criteres", diagText.CriteriaLegend.String(), boxes...)
	case 2:
		p := &d.Professional
		return fieldset("pro", diagText.StepWork.String(),
			selectInput(c.field("/situation_professionnelle/situation_emploi", fieldLabels["situation_emploi"].String(), "", true), diagnostic.WorkSituations, string(p.WorkSituation), commonText.Choose.String(),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/situation_emploi", func() { p.WorkSituation = diagnostic.WorkSituation(v) })
				}),
			selectInput(c.field("/situation_professionnelle/niveau_etude", fieldLabels["niveau_etude"].String(), "", false), diagnostic.EducationLevels, string(p.EducationLevel), commonText.NotGiven.String(),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/niveau_etude", func() { p.EducationLevel = diagnostic.EducationLevel(v) })
				}),
			selectInput(c.field("/situation_professionnelle/disponibilite", fieldLabels["disponibilite"].String(), "", false), diagnostic.Availabilities, string(p.Availability), diagText.NotGivenF.String(),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/disponibilite", func() { p.Availability = diagnostic.Availability(v) })
				}),
			textInput(c.field("/situation_professionnelle/date_derniere_activite", fieldLabels["date_derniere_activite"].String(), diagText.Optional.String(), false), "date", string(p.LastActivityDate),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/date_derniere_activite", func() { p.LastActivityDate = spie.Date(v) })
				}),
			textInput(c.field("/situation_professionnelle/heures_hebdomadaires_souhaitees", fieldLabels["heures_hebdomadaires_souhaitees"].String(), diagText.HoursHint.String(), false), "number", intText(p.WeeklyHours),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/heures_hebdomadaires_souhaitees", func() { p.WeeklyHours = intPtr(v) })
				}),
			selectInput(c.field("/situation_professionnelle/se_projette_dans_emploi", fieldLabels["se_projette_dans_emploi"].String(), diagText.OrientationCriterion.String(), false), diagnostic.Projections, projection(p.SeesJobShortTerm), diagText.NotDiscussed.String(),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/se_projette_dans_emploi", func() {
						p.SeesJobShortTerm = nil
						if v != "" {
							yes := v == "oui"
							p.SeesJobShortTerm = &yes
						}
					})
				}),
			textInput(c.field("/situation_professionnelle/rayon_mobilite_km", fieldLabels["rayon_mobilite_km"].String(), diagText.RadiusHint.String(), false), "number", intText(p.MobilityRadiusKm),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/rayon_mobilite_km", func() { p.MobilityRadiusKm = intPtr(v) })
				}),
			c.renderProject(p),
			c.renderDiplomas(p),
			c.renderSkills(p),
			c.renderBesoins(p),
		)
	case 3:
		var groups []app.UI
		for _, def := range diagnostic.FreinThematiques {
			k := diagnostic.FreinThematique(def.Key)
			fr := d.Freins[k]
			ip := spie.Pointer("freins", def.Key, "impact")
			vp := spie.Pointer("freins", def.Key, "vue_personne", "impact")
			pp := spie.Pointer("freins", def.Key, "vue_personne", "priorite")
			personImpact, prio := "", ""
			if fr.PersonView != nil {
				personImpact = string(fr.PersonView.Impact)
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
			groups = append(groups, fieldset("frein-"+def.Key, inLang(def.Label),
				app.Div().Class("fr-grid-row fr-grid-row--gutters").Body(
					app.Div().Class("fr-col-12 fr-col-md-6").Body(
						app.P().Class("fr-text--bold fr-mb-1w").Text(diagText.ProView.String()),
						selectInput(c.field(ip, diagText.ProImpact.String(), "", true), diagnostic.Impacts, string(fr.Impact), "",
							func(ctx app.Context, v string) {
								c.set(ctx, ip, update(func(f *diagnostic.Frein) { f.Impact = diagnostic.Impact(v) }))
							}),
						c.renderSituations(def.Key, fr, update),
						c.renderObjectifs(def.Key, fr, update),
						c.renderFreinNotes(def.Key, fr, update),
					),
					app.Div().Class("fr-col-12 fr-col-md-6").Body(
						app.P().Class("fr-text--bold fr-mb-1w").Text(diagText.PersonView.String()),
						selectInput(c.field(vp, diagText.PersonImpact.String(), "", false), diagnostic.Impacts, personImpact, diagText.NotExpressed.String(),
							func(ctx app.Context, v string) {
								c.set(ctx, vp, update(func(f *diagnostic.Frein) { personView(f).Impact = diagnostic.Impact(v); trimView(f) }))
							}),
						textInput(c.field(pp, diagText.PersonPriority.String(), diagText.PriorityHint.String(), false), "number", prio,
							func(ctx app.Context, v string) {
								c.set(ctx, pp, update(func(f *diagnostic.Frein) {
									n, _ := strconv.Atoi(strings.TrimSpace(v))
									personView(f).Priority = n
									trimView(f)
								}))
							}),
						c.renderWords(def.Key, fr, update, fieldLabels["vue_personne/paroles"].String()),
					),
				),
			))
		}
		return app.Div().Body(groups...)
	case 4:
		// The container is the target of the faults about the pair of
		// authors (/auteurs): the error summary focuses it.
		return app.Div().ID(fieldID("/auteurs")).TabIndex(-1).Body(
			c.renderAuthor(0),
			checkbox(c.field("/co_diagnostic", fieldLabels["co_diagnostic"].String(), diagText.CoDiagHint.String(), false), d.CoDiagnostic,
				func(ctx app.Context, v bool) {
					c.set(ctx, "/co_diagnostic", func() {
						d.CoDiagnostic = v
						if v && len(d.Authors) < 2 {
							d.Authors = append(d.Authors, diagnostic.Author{})
						}
					})
				}),
			app.If(len(d.Authors) > 1, func() app.UI {
				return app.Div().Body(
					c.renderAuthor(1),
					app.Button().Type("button").ID("retirer-auteur-1").Class("fr-btn fr-btn--tertiary fr-btn--sm fr-mb-3w").Text(diagText.RemoveSecond.String()).
						OnClick(func(ctx app.Context, e app.Event) {
							c.set(ctx, "/auteurs", func() { d.Authors = d.Authors[:1]; d.CoDiagnostic = false })
							c.focus(fieldID("/co_diagnostic"))
						}),
				)
			}),
			fieldset("structure", diagText.StructureLegend.String(),
				textInput(c.field("/siret_structure", fieldLabels["siret_structure"].String(), diagText.SIRETHint.String(), true), "text", string(d.StructureSIRET),
					func(ctx app.Context, v string) {
						c.set(ctx, "/siret_structure", func() { d.StructureSIRET = spie.SIRET(strings.ReplaceAll(v, " ", "")) })
					}, func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") }),
			),
			fieldset("consentement", diagText.ConsentLegend.String(),
				checkbox(c.field("/consentement/partage", diagText.ConsentLabel.String(), "", false), d.Consent.Sharing,
					func(ctx app.Context, v bool) {
						c.set(ctx, "/consentement/partage", func() {
							d.Consent.Sharing = v
							if v && d.Consent.Date == "" { // collected now, unless told otherwise
								d.Consent.Date = spie.DateIn(Clock(), string(d.Person.Commune))
							}
						})
					}),
				textInput(c.field("/consentement/date", fieldLabels["consentement/date"].String(), diagText.ConsentDateHint.String(), false), "date", string(d.Consent.Date),
					func(ctx app.Context, v string) {
						c.set(ctx, "/consentement/date", func() { d.Consent.Date = spie.Date(v) })
					}),
			),
		)
	case 6:
		return c.renderPersonViews()
	case 7:
		return c.renderPersonRecap()
	default:
		return c.renderSummary()
	}
}

func personView(f *diagnostic.Frein) *diagnostic.PersonView {
	if f.PersonView == nil {
		f.PersonView = &diagnostic.PersonView{}
	}
	return f.PersonView
}

// trimView drops an empty person's view so that the document stays minimal.
func trimView(f *diagnostic.Frein) {
	if v := f.PersonView; v != nil && v.Impact == "" && v.Priority == 0 && v.Words == "" {
		f.PersonView = nil
	}
}

func intText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func intPtr(s string) *int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return nil
	}
	return &n
}

// renderSituations lists the situations of the thématique's catalogue as
// checkboxes, when the impact calls for them (moyen, fort) or some are ticked.
func (c *DiagnosticForm) renderSituations(key string, fr diagnostic.Frein, update func(func(*diagnostic.Frein)) func()) app.UI {
	if fr.Impact != diagnostic.ImpactFort && fr.Impact != "moyen" && len(fr.Situations) == 0 {
		return app.Div()
	}
	ticked := map[string]bool{}
	for _, s := range fr.Situations {
		if s.Value == "" || s.Value == diagnostic.SituationOui {
			ticked[string(s.Situation)] = true
		}
	}
	defs := diagnostic.Situations.InGroup(key)
	boxes := make([]app.UI, 0, len(defs))
	for _, d := range defs {
		sk := d.Key
		p := spie.Pointer("freins", key, "situations", sk)
		boxes = append(boxes, checkbox(fieldState{path: p, label: inLang(d.Label)}, ticked[sk],
			func(ctx app.Context, v bool) {
				c.set(ctx, p, update(func(f *diagnostic.Frein) { toggleSituation(f, diagnostic.Situation(sk), v) }))
			}))
	}
	return fieldset("situations-"+key, diagText.Situations.String(), boxes...)
}

// toggleSituation adds or removes a situation (value OUI) of a frein.
func toggleSituation(f *diagnostic.Frein, s diagnostic.Situation, on bool) {
	out := f.Situations[:0:0]
	for _, it := range f.Situations {
		if it.Situation != s {
			out = append(out, it)
		}
	}
	if on {
		out = append(out, diagnostic.SituationItem{Situation: s, Value: diagnostic.SituationOui})
	}
	f.Situations = out
}

// renderBesoins asks the status of each besoin of the professional project.
func (c *DiagnosticForm) renderBesoins(p *diagnostic.Professional) app.UI {
	rows := make([]app.UI, 0, len(diagnostic.BesoinDefinitions))
	for _, def := range diagnostic.BesoinDefinitions {
		key := diagnostic.Besoin(def.Key)
		path := spie.Pointer("situation_professionnelle", "besoins", def.Key)
		rows = append(rows, selectInput(c.field(path, inLang(def.Label), "", false), diagnostic.BesoinStatuses, string(p.Besoins[key]), commonText.NotGiven.String(),
			func(ctx app.Context, v string) {
				c.set(ctx, path, func() {
					if v == "" {
						delete(p.Besoins, key)
						return
					}
					if p.Besoins == nil {
						p.Besoins = diagnostic.Besoins{}
					}
					p.Besoins[key] = diagnostic.BesoinStatus(v)
				})
			}))
	}
	return fieldset("besoins", diagText.Besoins.String(), rows...)
}

// projection is the Projections key of the answer, "" when not asked.
func projection(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "oui"
	default:
		return "non"
	}
}
