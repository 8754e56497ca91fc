//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// diagnosticStep is one step of the form: its title, the JSON Pointer
// prefixes of the fields it holds (a "*" token matches any one token) and
// whom it is shown to: the professional, or the person (role "usager").
type diagnosticStep struct {
	title    text
	prefixes []string
	usager   bool
}

// diagnosticSteps is the one list of the form's steps, for both modes; the
// last step of each mode is its recap, where the document is sent.
var diagnosticSteps = []diagnosticStep{
	{title: diagText.StepPerson, prefixes: []string{"/id", "/date", "/personne/"}},
	{title: diagText.StepCriteria, prefixes: []string{"/criteres_publics/"}},
	{title: diagText.StepWork, prefixes: []string{"/situation_professionnelle/"}},
	{title: diagText.StepFreins, prefixes: []string{"/freins"}},
	{title: diagText.StepAuthors, prefixes: []string{"/auteurs", "/co_diagnostic", "/siret_structure", "/consentement/", "/version_schema"}},
	{title: diagText.StepRecap},
	{title: diagText.StepPersonViews, prefixes: []string{"/freins/*/vue_personne"}, usager: true},
	{title: diagText.StepPersonSummary, usager: true},
}

// RoleUsager is the role the host declares for the person themself: the
// widget then asks their own view of each thématique (carnet.RoleUsager).
const RoleUsager = string(carnet.RoleUsager)

// visibleSteps returns the indexes in diagnosticSteps of the steps shown to
// the person (usager) or to the professional.
func visibleSteps(usager bool) []int {
	var out []int
	for i, s := range diagnosticSteps {
		if s.usager == usager {
			out = append(out, i)
		}
	}
	return out
}

// stepOf returns the position, among the steps shown in the mode, of the
// step holding the field at path (the longest matching prefix), or -1 when
// no step of the mode holds it.
func stepOf(path string, usager bool) int {
	best, bestLen := -1, -1
	for pos, i := range visibleSteps(usager) {
		for _, p := range diagnosticSteps[i].prefixes {
			if n, ok := matchPrefix(path, p); ok && n > bestLen {
				best, bestLen = pos, n
			}
		}
	}
	return best
}

// matchPrefix reports whether the pointer path lies under prefix p (same
// tokens, "*" matching any one; "/date" does not hold "/date_naissance") and
// how many tokens matched.
func matchPrefix(path, p string) (int, bool) {
	pt := strings.Split(strings.TrimSuffix(p, "/"), "/")
	xt := strings.Split(path, "/")
	if len(xt) < len(pt) {
		return 0, false
	}
	for i, t := range pt {
		if t != "*" && t != xt[i] {
			return 0, false
		}
	}
	return len(pt), true
}

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
	for i, j := range d.Professional.Project {
		req(j.ROME == "", "situation_professionnelle", "projet_professionnel", i, "code_rome")
	}
	for i, dp := range d.Professional.Diplomas {
		req(strings.TrimSpace(dp.Title) == "", "situation_professionnelle", "diplomes", i, "intitule")
	}
	for i, sk := range d.Professional.Skills {
		req(strings.TrimSpace(sk.Label) == "", "situation_professionnelle", "competences", i, "libelle")
		req(sk.Validation == "", "situation_professionnelle", "competences", i, "validation")
	}
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

// Faults of the data a partner sends to the diagnostic widget.
var (
	FaultDiagnosticData = spie.NewFaultType("WIDGET-DIAG-01", spie.SeverityError,
		"données de préremplissage illisibles : le widget attend un diagnostic, ou {\"diagnostic\": …, \"jalons\": …, \"referent\": …, \"plan\": …}",
		"unreadable prefill data: the widget expects a diagnostic, or {\"diagnostic\": …, \"jalons\": …, \"referent\": …, \"plan\": …}").WithSource("hygiène d'entrée propre à socle : message du portail au widget diagnostic (issue 15, point 7 : jamais ignoré en silence)")
)

// DiagnosticInit is the envelope a partner may send instead of a bare
// diagnostic: the diagnostic to prefill, and what the printable summary for
// the person needs beyond it — the pathway's dates (diagnostic.Milestones,
// for the deadlines of RULES.md §4), the person's référent (a member of
// their carnet) and their plan d'action (the carnet's objectifs and
// actions). Every field may be absent.
type DiagnosticInit struct {
	Diagnostic json.RawMessage       `json:"diagnostic"`
	Milestones diagnostic.Milestones `json:"jalons"`
	Referent   *carnet.Member        `json:"referent,omitempty"`
	Plan       *DiagnosticPlan       `json:"plan,omitempty"`
}

// DiagnosticPlan is the person's plan d'action, as the carnet holds it.
type DiagnosticPlan struct {
	Objectifs []carnet.PlanObjectif `json:"objectifs,omitempty"`
	Actions   []carnet.Action       `json:"actions,omitempty"`
}

// DiagnosticForm is the multi-step diagnostic form. For the professional it
// asks the whole socle; for the person (role "usager") it asks their own
// view of each thématique in plain words. Both end with a recap and a
// printable summary for the person.
type DiagnosticForm struct {
	app.Compo
	bridge Bridge
	ctx    app.Context // the component's own context (stays mounted)
	hasCtx bool

	doc       diagnostic.Diagnostic
	usager    bool // the person fills their own view
	context   DiagnosticInit
	loadErr   string
	started   bool
	step      int // position among the steps of the mode
	touched   map[string]bool
	attempted map[int]bool // steps the user tried to leave
	faults    spie.Faults  // read through checked()
	stale     bool         // faults are to be computed again
	summary   spie.Faults  // faults listed in the error summary
	submitted bool
	// communes: the form needs no table to start; a commune typed before
	// the table has arrived is not checked yet (SPIE-COMMUNE-07) and is
	// checked when it arrives.
	communes communesGate
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
	c.communes.watch(ctx, &c.bridge, c.communesArrived)
	c.bridge.Start(ctx, func(ctx app.Context, in Init) {
		if fs := c.Configure(in); len(fs) > 0 {
			c.bridge.Error(fs)
		}
	})
}

// Configure applies what the partner sent: the viewer's role ("usager": the
// person themself, whom the partner authenticated; any other role: a
// professional) and the prefill data. Each init starts a new form: nothing
// of a previous init (another person, when the partner reuses the widget
// with setData) is kept. It returns the faults of refused data, which the
// widget also shows: a diagnostic the declared role may not read (see
// RoleMayRead) is refused as a whole and nothing of it is shown.
func (c *DiagnosticForm) Configure(in Init) spie.Faults {
	c.restart()
	c.loadErr = ""
	c.usager, c.step = in.Role == RoleUsager, 0
	fs := c.Prefill(in.Data)
	if len(fs) == 0 {
		fs = RoleMayRead(in.Role, &c.doc)
	}
	if len(fs) > 0 {
		c.restart() // nothing of refused data stays in the form
		c.loadErr = message(fs[0])
	}
	return fs
}

// restart starts a new, empty form: a new document (its faults marked to
// be computed again), nothing touched, no summary, no partner context.
func (c *DiagnosticForm) restart() {
	c.context, c.summary, c.submitted = DiagnosticInit{}, nil, false
	c.started = false
	c.init()
}

// communesArrived checks the document again once the table of communes has
// arrived (or cannot come): the commune typed before is now checked, and
// the partner, if told of the document already, is told its new faults.
func (c *DiagnosticForm) communesArrived() {
	c.revalidate()
	if len(c.touched) > 0 {
		c.bridge.Change(c.changeDocument(), c.checked())
	}
}

// RoleMayRead returns the faults that keep role from reading d, with the
// carnet's sharing matrix (carnet.DefaultRights, RULES.md §10): a carnet
// role without the diagnostic section (partenaire) may not read it at all;
// a carnet role without the santé section (co-referent, coordinateur-spie,
// charge-orientation) may not read its sensitive values (health details:
// diagnostic.Diagnostic.Redacted), which carnet.View removes for them. The
// faults are the library's CARNET-DROITS-02. "usager", "referent",
// "professionnel" (the professional who makes the diagnostic) and no role
// read everything; an unknown role is refused (CARNET-DROITS-01). The
// widget is defence in depth: the partner's server sends such viewers the
// diagnostic of their view of the carnet (carnet.View, spie view).
func RoleMayRead(role string, d *diagnostic.Diagnostic) spie.Faults {
	if role == "" || role == RoleProfessional {
		return nil
	}
	r := carnet.Role(role)
	if !carnet.Roles.Has(role) {
		return spie.Faults{carnet.FaultRightsRole.At("", role)}
	}
	deny := func(s carnet.Section, path string) spie.Faults {
		rl, _ := carnet.Roles.Get(role)
		sl, _ := carnet.Sections.Get(string(s))
		// the verb of carnet.Authorize's read access
		return spie.Faults{carnet.FaultRightsDenied.At(path, rl.Label, spie.Label{FR: "lire", EN: "read"}, sl.Label)}
	}
	if !carnet.DefaultRights.Allows(r, carnet.SectionDiagnostic, carnet.AccessRead) {
		return deny(carnet.SectionDiagnostic, "")
	}
	if !carnet.DefaultRights.Allows(r, carnet.SectionSante, carnet.AccessRead) && len(d.SensitivePaths()) > 0 {
		return deny(carnet.SectionSante, spie.Pointer("freins"))
	}
	return nil
}

// RoleProfessional is the role of the professional who makes the diagnostic
// (not a role of the carnet): they read and write all of it.
const RoleProfessional = "professionnel"

// Prefill merges the partner's known data into the form ("dites-le nous une
// fois"): a diagnostic, or a DiagnosticInit envelope (recognised by its
// "diagnostic" member). Unreadable data changes nothing and is reported
// (WIDGET-DIAG-01).
func (c *DiagnosticForm) Prefill(data json.RawMessage) spie.Faults {
	c.init()
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return spie.Faults{FaultDiagnosticData.At("")}
	}
	env := DiagnosticInit{Diagnostic: data}
	if _, ok := probe["diagnostic"]; ok {
		env = DiagnosticInit{}
		if err := json.Unmarshal(data, &env); err != nil {
			return spie.Faults{FaultDiagnosticData.At("")}
		}
	}
	// Merge into a deep copy: a failed decoding must leave the form as it was
	// (a plain copy would share the freins map with the form).
	var d diagnostic.Diagnostic
	if cur, err := json.Marshal(c.doc); err != nil || json.Unmarshal(cur, &d) != nil {
		return spie.Faults{FaultDiagnosticData.At("")}
	}
	if len(env.Diagnostic) > 0 && string(env.Diagnostic) != "null" {
		if err := json.Unmarshal(env.Diagnostic, &d); err != nil {
			return spie.Faults{FaultDiagnosticData.At("")}
		}
	}
	env.Diagnostic = nil
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
	c.doc, c.context = d, env
	c.revalidate()
	return nil
}

// Document returns the current document.
func (c *DiagnosticForm) Document() diagnostic.Diagnostic { return c.doc }

// steps returns the steps of the form's mode.
func (c *DiagnosticForm) steps() []int { return visibleSteps(c.usager) }

func (c *DiagnosticForm) current() diagnosticStep { return diagnosticSteps[c.steps()[c.step]] }

func (c *DiagnosticForm) last() bool { return c.step == len(c.steps())-1 }

// revalidate marks the faults to be computed again, when next read
// (checked): the form's first render, before the widget says it is ready,
// shows no fault of an untouched form, so the library's rules (and the
// tables they load on first use) do not run at start-up.
func (c *DiagnosticForm) revalidate() {
	c.stale = true
	if len(c.summary) > 0 { // keep the summary current as the user fixes
		c.summary = c.stepErrors(c.summaryStep())
	}
}

// checked returns the faults of the current document (CheckDiagnostic),
// computed once per change.
func (c *DiagnosticForm) checked() spie.Faults {
	if c.stale {
		c.faults, c.stale = CheckDiagnostic(&c.doc, Clock()), false
	}
	return c.faults
}

func (c *DiagnosticForm) summaryStep() int {
	if c.last() {
		return -1
	}
	return c.step
}

// stepErrors returns the error faults of step i (-1: every step of the
// mode; the person is never asked to fix what only the professional sees).
func (c *DiagnosticForm) stepErrors(i int) spie.Faults {
	var out spie.Faults
	for _, f := range c.checked().Errors() {
		s := stepOf(f.Path, c.usager)
		if s >= 0 && (i < 0 || s == i) {
			out = append(out, f)
		}
	}
	return out
}

// field returns the state of the field at path.
func (c *DiagnosticForm) field(path, label, hint string, required bool) fieldState {
	f := fieldState{path: path, label: label, hint: hint, required: required}
	if c.touched[path] || c.attempted[stepOf(path, c.usager)] || c.attempted[-1] {
		for _, ft := range c.checked() {
			if ft.Path == path {
				f.faults = append(f.faults, ft)
			}
		}
	}
	return f
}

// set updates the document, marks the field touched and revalidates. The
// partner is told the change without the sensitive values
// (diagnostic.Redacted): health details leave the widget only in the
// document handed back on submit.
func (c *DiagnosticForm) set(ctx app.Context, path string, apply func()) {
	apply()
	c.touched[path] = true
	c.revalidate()
	c.bridge.Change(c.changeDocument(), c.checked())
}

// changeDocument is the document told to the partner as the user goes:
// without the sensitive values.
func (c *DiagnosticForm) changeDocument() *diagnostic.Diagnostic { return c.doc.Redacted() }

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
	if step < 0 || step >= len(c.steps()) {
		return
	}
	c.step = step
	c.focus("etape-titre")
}

// Submit sends the document to the partner when no error remains: the whole
// document, sensitive values included (the host keeps it under its own
// rights), with the orientation proposal for a professional.
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
	var result any
	if !c.usager {
		result = orientationResult(&c.doc)
	}
	c.bridge.SubmitResult(c.doc, c.checked(), result)
	c.focus("envoye")
}

// jump goes to the field at path from the error summary.
func (c *DiagnosticForm) jump(ctx app.Context, path string) {
	if step := stepOf(path, c.usager); step >= 0 && step != c.step {
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
		l := labelOf(diagnostic.FreinThematiques, parts[1])
		if len(parts) > 2 && parts[2] != "impact" {
			if fl, ok := fieldLabels[strings.Join(parts[2:], "/")]; ok {
				l += ", " + lowerFirst(fl.String())
			}
		}
		return l
	}
	if len(parts) == 3 && parts[1] == "besoins" {
		return labelOf(diagnostic.BesoinDefinitions, last)
	}
	if len(parts) == 2 && parts[0] == "criteres_publics" && diagnostic.PublicCriteriaFlags.Has(last) {
		return labelOf(diagnostic.PublicCriteriaFlags, last)
	}
	if l, ok := fieldLabels[strings.Join(parts, "/")]; ok {
		return l.String()
	}
	// An item of a list: the list's own label of the member, and the item's
	// number (/situation_professionnelle/diplomes/0/intitule → « Intitulé du
	// diplôme (n° 1) »); the first author keeps the plain label.
	for i := len(parts) - 2; i > 0; i-- {
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			continue
		}
		l, ok := fieldLabels[parts[i-1]+"/"+last]
		if !ok {
			l, ok = fieldLabels[last]
		}
		if !ok {
			break
		}
		if parts[i-1] == "auteurs" && n == 0 {
			return l.String()
		}
		return fmt.Sprintf(diagText.Item.String(), l, n+1)
	}
	if l, ok := fieldLabels[last]; ok {
		return l.String()
	}
	return path
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Render draws the current step.
func (c *DiagnosticForm) Render() app.UI {
	c.init()
	if c.loadErr != "" {
		return page("diagnostic", alert("error", diagText.Refused.String(), app.P().ID("donnees-refusees").Text(c.loadErr)))
	}
	if c.submitted {
		return page("diagnostic", c.renderSubmitted())
	}
	visible := c.steps()
	steps := make([]app.UI, len(visible))
	for pos, i := range visible {
		s := diagnosticSteps[i]
		li := app.Li().Text(fmt.Sprintf(diagText.StepItem.String(), pos+1, s.title))
		if pos == c.step {
			li = app.Li().Aria("current", "step").Text(fmt.Sprintf(diagText.CurrentStep.String(), pos+1, s.title))
		}
		steps[pos] = li
	}
	last := c.last()
	var communes app.UI = app.Text("")
	if g := c.communes.render(); g != nil {
		communes = g
	}
	return page("diagnostic",
		communes,
		app.Nav().Class("spie-no-print").Aria("label", diagText.Steps.String()).Body(app.Ul().Class("spie-steps").Body(steps...)),
		app.Div().Body(app.If(len(c.summary) > 0, func() app.UI { return errorSummary("erreurs", c.summary, c.labelOf, c.jump) })),
		app.Form().ID("formulaire").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			// Read the step now: go-app keeps the first handler of an element.
			if c.last() {
				c.Submit(ctx)
			} else {
				c.Next(ctx)
			}
		}).Body(
			app.H2().ID("etape-titre").TabIndex(-1).Class("fr-h4").Text(fmt.Sprintf(diagText.StepTitle.String(), c.step+1, len(visible), c.current().title)),
			c.renderStep(),
			app.Div().Class("spie-actions spie-no-print").Body(
				app.If(c.step > 0, func() app.UI {
					return app.Button().Type("button").ID("precedent").Class("fr-btn fr-btn--secondary").Text(diagText.Previous.String()).
						OnClick(func(ctx app.Context, e app.Event) { c.Previous(ctx) })
				}),
				app.If(!last, func() app.UI {
					return app.Button().Type("submit").ID("suivant").Class("fr-btn").Text(diagText.Next.String())
				}).Else(func() app.UI {
					return app.Button().Type("submit").ID("envoyer").Class("fr-btn").Text(c.sendLabel())
				}),
			),
		),
	)
}

func (c *DiagnosticForm) sendLabel() string {
	if c.usager {
		return diagText.SendView.String()
	}
	return diagText.SendDiagnostic.String()
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
	for _, f := range c.checked() {
		if fieldID(f.Path) == u.Fragment {
			if step := stepOf(f.Path, c.usager); step >= 0 && step != c.step {
				c.step = step
			}
			c.focus(u.Fragment)
			return
		}
	}
}

// RegisterDiagnostic declares the route of the diagnostic widget.
func RegisterDiagnostic() { route("diagnostic", func() app.Composer { return &DiagnosticForm{} }) }
