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
	"champ obligatoire : renseignez-le", "required field: fill it in").WithSource("hygiène d'entrée propre à socle : champ obligatoire du formulaire (widget diagnostic)")

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

// Clock is the widgets' "today"; tests replace it.
var Clock = time.Now

// NewDiagnostic returns the document the form starts from: today's date,
// every frein "non abordé", one author.
func NewDiagnostic(now time.Time) diagnostic.Diagnostic {
	d := diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion,
		Date:    spie.DateIn(now, ""), // no commune yet: mainland time
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
	if len(parts) == 3 && parts[1] == "besoins" {
		return diagnostic.BesoinDefinitions.LabelOf(last)
	}
	if len(parts) == 2 && parts[0] == "criteres_publics" && diagnostic.PublicCriteriaFlags.Has(last) {
		return diagnostic.PublicCriteriaFlags.LabelOf(last)
	}
	if l, ok := fieldLabels[strings.Join(parts, "/")]; ok {
		return l
	}
	if l, ok := fieldLabels[last]; ok {
		return l
	}
	return path
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

// focus moves the keyboard focus to the element id after the next render,
// through the component's context (the element that fired the event may be
// gone by then).
func (c *DiagnosticForm) focus(id string) {
	if c.hasCtx {
		focus(c.ctx, id)
	}
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
