package widget

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// FaultRequired is reported by the widgets for a required field left empty,
// as the user goes (the JSON Schema says the same, but its interpreter is kept
// out of the bundle).
var FaultRequired = spie.NewFaultType("INPUT-FORM-01", spie.SeverityError,
	"champ obligatoire : renseignez-le", "required field: fill it in")

// diagnosticStep is one step of the form: its title and the JSON Pointer
// prefixes of the fields it holds.
type diagnosticStep struct {
	title    string
	prefixes []string
}

var diagnosticSteps = []diagnosticStep{
	{"La personne", []string{"/id", "/date", "/personne/"}},
	{"Critères de public", []string{"/criteres_publics/"}},
	{"Situation professionnelle", []string{"/situation_professionnelle/"}},
	{"Freins périphériques et priorités", []string{"/freins"}},
	{"Auteurs et consentement", []string{"/auteurs", "/co_diagnostic", "/siret_structure", "/consentement/", "/version_schema"}},
	{"Récapitulatif et orientation", nil},
}

// stepOf returns the step holding the field at path.
func stepOf(path string) int {
	for i, s := range diagnosticSteps {
		for _, p := range s.prefixes {
			if path == p || strings.HasPrefix(path, p) && (strings.HasSuffix(p, "/") || strings.HasPrefix(path, p+"/")) {
				return i
			}
		}
	}
	return 0
}

// criteriaFields are the public criteria the form asks, with the French
// wording of the field (the JSON names are those of diagnostic.PublicCriteria).
var criteriaFields = []struct{ key, label string }{
	{"rsa", "Bénéficiaire du RSA"},
	{"ass", "Bénéficiaire de l'allocation de solidarité spécifique (ASS)"},
	{"aah", "Bénéficiaire de l'allocation aux adultes handicapés (AAH)"},
	{"rqth", "Reconnaissance de la qualité de travailleur handicapé (RQTH)"},
	{"boeth", "Bénéficiaire de l'obligation d'emploi (BOETH)"},
	{"ase", "A été pris en charge par l'aide sociale à l'enfance (ASE)"},
	{"qpv", "Réside dans un quartier prioritaire (QPV)"},
	{"frr", "Réside dans une commune France Ruralités Revitalisation (FRR)"},
	{"parent_isole", "Parent isolé"},
	{"sans_hebergement", "Sans hébergement ou hébergé en urgence"},
	{"refugie", "Réfugié, protection subsidiaire ou demandeur d'asile"},
	{"sous_main_justice", "Placé sous main de justice"},
	{"francais_inferieur_a1", "Maîtrise du français inférieure au niveau A1"},
	{"sortant_sans_solution", "Sortant d'une action d'insertion sans solution"},
	{"primo_arrivant", "Primo-arrivant (en France depuis moins de 5 ans)"},
}

// criterion returns a pointer to the boolean of a criterion.
func criterion(c *diagnostic.PublicCriteria, key string) *bool {
	switch key {
	case "rsa":
		return &c.RSA
	case "ass":
		return &c.ASS
	case "aah":
		return &c.AAH
	case "rqth":
		return &c.RQTH
	case "boeth":
		return &c.BOETH
	case "ase":
		return &c.ASE
	case "qpv":
		return &c.QPV
	case "frr":
		return &c.FRR
	case "parent_isole":
		return &c.ParentIsole
	case "sans_hebergement":
		return &c.SansHebergement
	case "refugie":
		return &c.Refugie
	case "sous_main_justice":
		return &c.SousMainJustice
	case "francais_inferieur_a1":
		return &c.FrancaisInferieurA1
	case "sortant_sans_solution":
		return &c.SortantSansSolution
	case "primo_arrivant":
		return &c.PrimoArrivant
	}
	return new(bool)
}

// Clock is the widgets' "today"; tests replace it.
var Clock = time.Now

// NewDiagnostic returns the document the form starts from: today's date,
// every frein "non abordé", one author.
func NewDiagnostic(now time.Time) diagnostic.Diagnostic {
	d := diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion,
		Date:    spie.DateOf(now),
		Freins:  diagnostic.Freins{},
		Authors: []diagnostic.Author{{}},
	}
	for _, k := range diagnostic.FreinThematiques.Keys() {
		d.Freins[diagnostic.FreinThematique(k)] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}
	}
	return d
}

// RequiredFaults reports the required fields left empty (what the JSON
// Schema requires of what the form asks).
func RequiredFaults(d *diagnostic.Diagnostic) spie.Faults {
	var fs spie.Faults
	req := func(empty bool, tokens ...any) {
		if empty {
			fs = append(fs, FaultRequired.At(spie.Pointer(tokens...)))
		}
	}
	req(strings.TrimSpace(d.ID) == "", "id")
	req(d.Date == "", "date")
	req(strings.TrimSpace(d.Person.ID) == "", "personne", "id")
	req(d.Person.BirthDate == "", "personne", "date_naissance")
	req(d.Person.Commune == "", "personne", "code_commune")
	req(d.Professional.WorkSituation == "", "situation_professionnelle", "situation_emploi")
	req(d.StructureSIRET == "", "siret_structure")
	for i, a := range d.Authors {
		req(strings.TrimSpace(a.Name) == "", "auteurs", i, "nom")
		req(a.Role == "", "auteurs", i, "role")
	}
	for _, k := range diagnostic.FreinThematiques.Keys() {
		req(d.Freins[diagnostic.FreinThematique(k)].Impact == "", "freins", k, "impact")
	}
	return fs
}

// CheckDiagnostic runs the form's required fields and the library's rules.
// An empty required field reports only that it is required.
func CheckDiagnostic(d *diagnostic.Diagnostic, now time.Time) spie.Faults {
	req := RequiredFaults(d)
	empty := map[string]bool{}
	for _, f := range req {
		empty[f.Path] = true
	}
	fs := req
	for _, f := range d.Check(now) {
		if !empty[f.Path] {
			fs = append(fs, f)
		}
	}
	fs.Sort()
	return fs
}

// DiagnosticForm is the multi-step diagnostic form.
type DiagnosticForm struct {
	app.Compo
	bridge Bridge
	ctx    app.Context // the component's own context (stays mounted)
	hasCtx bool

	doc       diagnostic.Diagnostic
	started   bool
	step      int
	touched   map[string]bool
	attempted map[int]bool // steps the user tried to leave
	faults    spie.Faults
	summary   spie.Faults // faults listed in the error summary
	submitted bool
}

func (c *DiagnosticForm) init() {
	if c.started {
		return
	}
	c.started = true
	c.doc = NewDiagnostic(Clock())
	c.touched = map[string]bool{}
	c.attempted = map[int]bool{}
	c.revalidate()
}

// OnPreRender prepares the form for the test engine and pre-rendering.
func (c *DiagnosticForm) OnPreRender(ctx app.Context) { c.init() }

// OnMount starts the form and the channel with the partner page.
func (c *DiagnosticForm) OnMount(ctx app.Context) {
	c.init()
	c.ctx, c.hasCtx = ctx, true
	c.bridge.Widget = "diagnostic"
	c.bridge.Start(ctx, func(ctx app.Context, in Init) { c.Prefill(in.Data) })
}

// Prefill merges the partner's known data into the form ("dites-le nous une
// fois"); unreadable data is ignored.
func (c *DiagnosticForm) Prefill(data json.RawMessage) {
	c.init()
	if len(data) == 0 || string(data) == "null" {
		return
	}
	d := c.doc
	if err := json.Unmarshal(data, &d); err != nil {
		app.Logf("spie : données de préremplissage ignorées : %v", err)
		return
	}
	if d.Freins == nil {
		d.Freins = diagnostic.Freins{}
	}
	for _, k := range diagnostic.FreinThematiques.Keys() {
		if _, ok := d.Freins[diagnostic.FreinThematique(k)]; !ok {
			d.Freins[diagnostic.FreinThematique(k)] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}
		}
	}
	if len(d.Authors) == 0 {
		d.Authors = []diagnostic.Author{{}}
	}
	c.doc = d
	c.revalidate()
}

// Document returns the current document.
func (c *DiagnosticForm) Document() diagnostic.Diagnostic { return c.doc }

func (c *DiagnosticForm) revalidate() {
	c.faults = CheckDiagnostic(&c.doc, Clock())
	if len(c.summary) > 0 { // keep the summary current as the user fixes
		c.summary = c.stepErrors(c.summaryStep())
	}
}

func (c *DiagnosticForm) summaryStep() int {
	if c.step == len(diagnosticSteps)-1 {
		return -1
	}
	return c.step
}

// stepErrors returns the error faults of step i (-1: all).
func (c *DiagnosticForm) stepErrors(i int) spie.Faults {
	var out spie.Faults
	for _, f := range c.faults.Errors() {
		if i < 0 || stepOf(f.Path) == i {
			out = append(out, f)
		}
	}
	return out
}

// field returns the state of the field at path.
func (c *DiagnosticForm) field(path, label, hint string, required bool) fieldState {
	f := fieldState{path: path, label: label, hint: hint, required: required}
	if c.touched[path] || c.attempted[stepOf(path)] || c.attempted[-1] {
		for _, ft := range c.faults {
			if ft.Path == path {
				f.faults = append(f.faults, ft)
			}
		}
	}
	return f
}

// set updates the document, marks the field touched and revalidates.
func (c *DiagnosticForm) set(ctx app.Context, path string, apply func()) {
	apply()
	c.touched[path] = true
	c.revalidate()
	c.bridge.Change(c.doc, c.faults)
}

// Next validates the current step and moves on, or shows the summary.
func (c *DiagnosticForm) Next(ctx app.Context) {
	c.attempted[c.step] = true
	if errs := c.stepErrors(c.step); len(errs) > 0 {
		c.summary = errs
		c.focus("erreurs")
		return
	}
	c.summary = nil
	c.goTo(ctx, c.step+1)
}

// Previous goes back one step.
func (c *DiagnosticForm) Previous(ctx app.Context) {
	c.summary = nil
	c.goTo(ctx, c.step-1)
}

func (c *DiagnosticForm) goTo(ctx app.Context, step int) {
	if step < 0 || step >= len(diagnosticSteps) {
		return
	}
	c.step = step
	c.focus("etape-titre")
}

// Submit sends the document to the partner when no error remains.
func (c *DiagnosticForm) Submit(ctx app.Context) {
	c.attempted[-1] = true
	c.revalidate()
	if errs := c.stepErrors(-1); len(errs) > 0 {
		c.summary = errs
		c.bridge.Error(errs)
		c.focus("erreurs")
		return
	}
	c.summary = nil
	c.submitted = true
	c.bridge.SubmitResult(c.doc, c.faults, orientationResult(&c.doc))
	c.focus("envoye")
}

// jump goes to the field at path from the error summary.
func (c *DiagnosticForm) jump(ctx app.Context, path string) {
	if step := stepOf(path); step != c.step {
		c.step = step
		c.focus(fieldID(path))
		return
	}
	if el := app.Window().GetElementByID(fieldID(path)); el.Truthy() {
		el.Call("focus")
	}
}

func (c *DiagnosticForm) labelOf(path string) string {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	last := parts[len(parts)-1]
	if len(parts) >= 2 && parts[0] == "freins" {
		return diagnostic.FreinThematiques.LabelOf(parts[1])
	}
	for _, f := range criteriaFields {
		if f.key == last {
			return f.label
		}
	}
	if l, ok := fieldLabels[strings.Join(parts, "/")]; ok {
		return l
	}
	if l, ok := fieldLabels[last]; ok {
		return l
	}
	return path
}

// fieldLabels are the French labels of the form's fields, by JSON path
// (without the leading slash) or by last token.
var fieldLabels = map[string]string{
	"id":                              "Identifiant du diagnostic",
	"date":                            "Date du diagnostic",
	"personne/id":                     "Identifiant de la personne",
	"date_naissance":                  "Date de naissance",
	"code_commune":                    "Code INSEE de la commune de résidence",
	"identifiant_france_travail":      "Identifiant France Travail",
	"date_ouverture_droits_rsa":       "Date d'ouverture des droits au RSA",
	"situation_emploi":                "Situation actuelle",
	"niveau_etude":                    "Niveau d'études",
	"disponibilite":                   "Disponibilité",
	"date_derniere_activite":          "Fin de la dernière activité",
	"heures_hebdomadaires_souhaitees": "Heures de travail hebdomadaires souhaitées",
	"rayon_mobilite_km":               "Rayon de mobilité (km)",
	"nom":                             "Nom du professionnel",
	"role":                            "Rôle du professionnel",
	"siret_structure":                 "SIRET de la structure",
	"partage":                         "Consentement au partage",
	"consentement/date":               "Date du consentement",
	"version_schema":                  "Version du format",
}

// Render draws the current step.
func (c *DiagnosticForm) Render() app.UI {
	c.init()
	if c.submitted {
		return page("diagnostic", c.renderSubmitted())
	}
	steps := make([]app.UI, len(diagnosticSteps))
	for i, s := range diagnosticSteps {
		li := app.Li().Text(strconv.Itoa(i+1) + ". " + s.title)
		if i == c.step {
			li = app.Li().Aria("current", "step").Text(strconv.Itoa(i+1) + ". " + s.title + " (étape en cours)")
		}
		steps[i] = li
	}
	last := c.step == len(diagnosticSteps)-1
	return page("diagnostic",
		app.Nav().Aria("label", "Étapes du diagnostic").Body(app.Ul().Class("spie-steps").Body(steps...)),
		app.Div().Body(app.If(len(c.summary) > 0, func() app.UI { return errorSummary("erreurs", c.summary, c.labelOf, c.jump) })),
		app.Form().ID("formulaire").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			// Read the step now: go-app keeps the first handler of an element.
			if c.step == len(diagnosticSteps)-1 {
				c.Submit(ctx)
			} else {
				c.Next(ctx)
			}
		}).Body(
			app.H2().ID("etape-titre").TabIndex(-1).Class("fr-h4").Text("Étape "+strconv.Itoa(c.step+1)+" sur "+strconv.Itoa(len(diagnosticSteps))+" : "+diagnosticSteps[c.step].title),
			c.renderStep(),
			app.Div().Class("spie-actions").Body(
				app.If(c.step > 0, func() app.UI {
					return app.Button().Type("button").ID("precedent").Class("fr-btn fr-btn--secondary").Text("Étape précédente").
						OnClick(func(ctx app.Context, e app.Event) { c.Previous(ctx) })
				}),
				app.If(!last, func() app.UI {
					return app.Button().Type("submit").ID("suivant").Class("fr-btn").Text("Étape suivante")
				}).Else(func() app.UI {
					return app.Button().Type("submit").ID("envoyer").Class("fr-btn").Text("Envoyer le diagnostic")
				}),
			),
		),
	)
}

func (c *DiagnosticForm) renderStep() app.UI {
	d := &c.doc
	switch c.step {
	case 0:
		return fieldset("personne", "La personne et le diagnostic",
			textInput(c.field("/id", fieldLabels["id"], "Référence chez votre structure.", true), "text", d.ID,
				func(ctx app.Context, v string) { c.set(ctx, "/id", func() { d.ID = v }) }),
			textInput(c.field("/date", fieldLabels["date"], "", true), "date", string(d.Date),
				func(ctx app.Context, v string) { c.set(ctx, "/date", func() { d.Date = spie.Date(v) }) }),
			textInput(c.field("/personne/id", fieldLabels["personne/id"], "Identifiant pseudonyme, stable entre structures.", true), "text", d.Person.ID,
				func(ctx app.Context, v string) { c.set(ctx, "/personne/id", func() { d.Person.ID = v }) }),
			textInput(c.field("/personne/date_naissance", fieldLabels["date_naissance"], "", true), "date", string(d.Person.BirthDate),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/date_naissance", func() { d.Person.BirthDate = spie.Date(v) })
				}),
			textInput(c.field("/personne/code_commune", fieldLabels["code_commune"], "5 caractères, par exemple 02691 pour Saint-Quentin.", true), "text", string(d.Person.Commune),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/code_commune", func() { d.Person.Commune = spie.CommuneCode(strings.TrimSpace(v)) })
				}, func(in app.HTMLInput) app.HTMLInput { return in.AutoComplete(false).Attr("inputmode", "numeric") }),
			textInput(c.field("/personne/identifiant_france_travail", fieldLabels["identifiant_france_travail"], "Facultatif.", false), "text", string(d.Person.FranceTravailID),
				func(ctx app.Context, v string) {
					c.set(ctx, "/personne/identifiant_france_travail", func() { d.Person.FranceTravailID = spie.FranceTravailID(strings.TrimSpace(v)) })
				}),
		)
	case 1:
		boxes := make([]app.UI, 0, len(criteriaFields)+1)
		for _, cf := range criteriaFields {
			p := spie.Pointer("criteres_publics", cf.key)
			b := criterion(&d.Criteria, cf.key)
			boxes = append(boxes, checkbox(c.field(p, cf.label, "", false), *b,
				func(ctx app.Context, v bool) { c.set(ctx, p, func() { *b = v }) }))
		}
		boxes = append(boxes, textInput(c.field("/criteres_publics/date_ouverture_droits_rsa", fieldLabels["date_ouverture_droits_rsa"], "Seulement pour un bénéficiaire du RSA.", false), "date", string(d.Criteria.RSAOpeningDate),
			func(ctx app.Context, v string) {
				c.set(ctx, "/criteres_publics/date_ouverture_droits_rsa", func() { d.Criteria.RSAOpeningDate = spie.Date(v) })
			}))
		return fieldset("criteres", "Droits et statuts de la personne", boxes...)
	case 2:
		p := &d.Professional
		return fieldset("pro", "Situation professionnelle",
			selectInput(c.field("/situation_professionnelle/situation_emploi", fieldLabels["situation_emploi"], "", true), diagnostic.WorkSituations, string(p.WorkSituation), "— Choisir —",
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/situation_emploi", func() { p.WorkSituation = diagnostic.WorkSituation(v) })
				}),
			selectInput(c.field("/situation_professionnelle/niveau_etude", fieldLabels["niveau_etude"], "", false), diagnostic.EducationLevels, string(p.EducationLevel), "— Non renseigné —",
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/niveau_etude", func() { p.EducationLevel = diagnostic.EducationLevel(v) })
				}),
			selectInput(c.field("/situation_professionnelle/disponibilite", fieldLabels["disponibilite"], "", false), diagnostic.Availabilities, string(p.Availability), "— Non renseignée —",
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/disponibilite", func() { p.Availability = diagnostic.Availability(v) })
				}),
			textInput(c.field("/situation_professionnelle/date_derniere_activite", fieldLabels["date_derniere_activite"], "Facultatif.", false), "date", string(p.LastActivityDate),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/date_derniere_activite", func() { p.LastActivityDate = spie.Date(v) })
				}),
			textInput(c.field("/situation_professionnelle/heures_hebdomadaires_souhaitees", fieldLabels["heures_hebdomadaires_souhaitees"], "De 0 à 48 heures.", false), "number", intText(p.WeeklyHours),
				func(ctx app.Context, v string) {
					c.set(ctx, "/situation_professionnelle/heures_hebdomadaires_souhaitees", func() { p.WeeklyHours = intPtr(v) })
				}),
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
			groups = append(groups, fieldset("frein-"+def.Key, def.Label.FR,
				selectInput(c.field(ip, "Impact selon le professionnel", "", true), diagnostic.Impacts, string(fr.Impact), "",
					func(ctx app.Context, v string) {
						c.set(ctx, ip, update(func(f *diagnostic.Frein) { f.Impact = diagnostic.Impact(v) }))
					}),
				selectInput(c.field(vp, "Impact selon la personne", "", false), diagnostic.Impacts, personImpact, "— Non exprimé —",
					func(ctx app.Context, v string) {
						c.set(ctx, vp, update(func(f *diagnostic.Frein) { personView(f).Impact = diagnostic.Impact(v); trimView(f) }))
					}),
				c.renderSituations(def.Key, fr, update),
				textInput(c.field(pp, "Priorité donnée par la personne", "1 = le plus urgent ; laisser vide si aucune.", false), "number", prio,
					func(ctx app.Context, v string) {
						c.set(ctx, pp, update(func(f *diagnostic.Frein) {
							n, _ := strconv.Atoi(strings.TrimSpace(v))
							personView(f).Priority = n
							trimView(f)
						}))
					}),
			))
		}
		return app.Div().Body(groups...)
	case 4:
		a := &d.Authors[0]
		return app.Div().Body(
			fieldset("auteur", "Auteur du diagnostic",
				textInput(c.field("/auteurs/0/nom", fieldLabels["nom"], "", true), "text", a.Name,
					func(ctx app.Context, v string) { c.set(ctx, "/auteurs/0/nom", func() { a.Name = v }) }),
				selectInput(c.field("/auteurs/0/role", fieldLabels["role"], "", true), diagnostic.AuthorRoles, string(a.Role), "— Choisir —",
					func(ctx app.Context, v string) {
						c.set(ctx, "/auteurs/0/role", func() { a.Role = diagnostic.AuthorRole(v) })
					}),
				textInput(c.field("/siret_structure", fieldLabels["siret_structure"], "14 chiffres.", true), "text", string(d.StructureSIRET),
					func(ctx app.Context, v string) {
						c.set(ctx, "/siret_structure", func() { d.StructureSIRET = spie.SIRET(strings.ReplaceAll(v, " ", "")) })
					}, func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") }),
			),
			fieldset("consentement", "Consentement de la personne",
				checkbox(c.field("/consentement/partage", "La personne accepte le partage du diagnostic avec les structures du SPIE", "", false), d.Consent.Sharing,
					func(ctx app.Context, v bool) {
						c.set(ctx, "/consentement/partage", func() {
							d.Consent.Sharing = v
							if v && d.Consent.Date == "" { // collected now, unless told otherwise
								d.Consent.Date = spie.DateOf(Clock())
							}
						})
					}),
				textInput(c.field("/consentement/date", fieldLabels["consentement/date"], "Date du jour quand la case est cochée ; modifiable.", false), "date", string(d.Consent.Date),
					func(ctx app.Context, v string) {
						c.set(ctx, "/consentement/date", func() { d.Consent.Date = spie.Date(v) })
					}),
			),
		)
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

// focus moves the keyboard focus to the element id after the next render,
// through the component's context (the element that fired the event may be
// gone by then).
func (c *DiagnosticForm) focus(id string) {
	if c.hasCtx {
		focus(c.ctx, id)
	}
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
		boxes = append(boxes, checkbox(fieldState{path: p, label: d.Label.FR}, ticked[sk],
			func(ctx app.Context, v bool) {
				c.set(ctx, p, update(func(f *diagnostic.Frein) { toggleSituation(f, diagnostic.Situation(sk), v) }))
			}))
	}
	return fieldset("situations-"+key, "Situations constatées", boxes...)
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

// OnNav follows the error summary's links: go-app turns a click on
// <a href="#champ-…"> into a navigation to that fragment; the form then shows
// the field's step and focuses the field.
func (c *DiagnosticForm) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	if u == nil || !strings.HasPrefix(u.Fragment, "champ-") {
		return
	}
	for _, f := range c.faults {
		if fieldID(f.Path) == u.Fragment {
			if step := stepOf(f.Path); step != c.step {
				c.step = step
			}
			c.focus(u.Fragment)
			return
		}
	}
}
