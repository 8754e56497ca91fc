package widget

import (
	"encoding/json"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"time"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// PrescriptionForTest exposes the prescription draft to the black-box tests.
type PrescriptionForTest struct{ d *prescriptionDraft }

func NewPrescriptionForTest(s *offer.Service, commune string) *PrescriptionForTest {
	return &PrescriptionForTest{newPrescriptionDraft(s, offer.PrescriptionPerson{Commune: spie.CommuneCode(commune)}, offer.Sender{})}
}

func (p *PrescriptionForTest) Fill(name, siret, person, frein, motif string) {
	p.d.p.Sender.Name = name
	p.d.p.Sender.StructureSIRET = spie.SIRET(siret)
	p.d.p.Person.ID = person
	p.d.p.Need = offer.PrescriptionNeed{Kind: "frein", Key: frein}
	p.d.p.Motif = motif
	p.d.p.DataProtection = offer.DataProtection{Accepted: true, Date: spie.DateOf(Clock())}
}

func (p *PrescriptionForTest) Faults() spie.Faults { return p.d.check() }
func (p *PrescriptionForTest) Valid() bool         { return p.d.check().Valid() }

func (p *PrescriptionForTest) Document() offer.Prescription { return p.d.p }

// Submit presses « Proposer la prescription » and returns the faults shown.
func (p *PrescriptionForTest) Submit() spie.Faults {
	p.d.submit(&Bridge{})
	return p.d.faults
}

func (p *PrescriptionForTest) Proposed() bool { return p.d.proposed }

// Outcome delivers the partner's spie:outcome data and returns the faults
// the widget would post (spie:error).
func (p *PrescriptionForTest) Outcome(data json.RawMessage) spie.Faults {
	return p.d.outcome(data)
}

func (p *PrescriptionForTest) Sent() (time.Time, bool) { return p.d.Sent() }

// Draft returns the prescription « Orienter » opened, nil when none.
func (c *OffreSearch) Draft() *PrescriptionForTest {
	if c.presc == nil {
		return nil
	}
	return &PrescriptionForTest{c.presc}
}

// Draft returns the prescription form's fiche, nil before valid data.
func (c *PrescriptionForm) Draft() *PrescriptionForTest {
	if c.draft == nil {
		return nil
	}
	return &PrescriptionForTest{c.draft}
}

// SearchCommuneForTest runs the offer search for a commune typed by the user
// and returns the faults shown on the commune field.
func (c *OffreSearch) SearchCommuneForTest(code string) spie.Faults {
	c.init()
	c.commune = code
	c.Search()
	return c.faults
}

// SetRadiusForTest types the mobility radius.
func (c *OffreSearch) SetRadiusForTest(km string) { c.radius = km }

// StepOfForTest is the position of the step holding path, in a mode.
func StepOfForTest(path string, usager bool) int { return stepOf(path, usager) }

// StepTitlesForTest lists the titles of the steps of a mode.
func StepTitlesForTest(usager bool) []string {
	var out []string
	for _, i := range visibleSteps(usager) {
		out = append(out, diagnosticSteps[i].title.String())
	}
	return out
}

// GoToStepForTest shows the step at position n of the form's mode.
func (c *DiagnosticForm) GoToStepForTest(n int) { c.init(); c.step = n }

// ChangeDocumentForTest is the document posted on spie:change.
func (c *DiagnosticForm) ChangeDocumentForTest() any { return c.changeDocument() }

// LabelOfForTest is the label the error summary gives the field at path.
func (c *DiagnosticForm) LabelOfForTest(path string) string { return c.labelOf(path) }

// SelectForTest selects a period and a group of the carnet indicators and
// a period of the network indicators, as the selectors do.
func (c *Indicateurs) SelectForTest(period, group, network int) {
	c.period, c.group, c.netPer = period, group, network
}

// SetDraftDate sets the date of the contact being proposed.
func (v *CarnetView) SetDraftDate(d string) { v.draft.Date = spie.Date(d) }

// AddContactForTest presses « Ajouter au carnet ».
func (v *CarnetView) AddContactForTest() { v.AddContact(app.Context{}) }

// NextForTest presses « Étape suivante ».
func (c *DiagnosticForm) NextForTest() { c.Next(app.Context{}) }

// SubmitForTest presses the send button of the last step.
func (c *DiagnosticForm) SubmitForTest() { c.Submit(app.Context{}) }

// CommunesArrive hands the widget the bytes its page fetched for the table
// of communes, as window.spieCommunes does, and returns the faults the
// widget posts with spie:error (none when the table is accepted).
func (c *OffreSearch) CommunesArrive(gz []byte) spie.Faults { return c.communes.provide(gz) }

// CommunesFail tells the widget its page could not fetch the table.
func (c *OffreSearch) CommunesFail() spie.Faults {
	return c.communes.fail(spie.Faults{FaultCommunes.At("")})
}

func (c *PrescriptionForm) CommunesArrive(gz []byte) spie.Faults { return c.communes.provide(gz) }

func (c *Indicateurs) CommunesArrive(gz []byte) spie.Faults { return c.communes.provide(gz) }

// CommunesArrive hands the form the table as its OnMount would: the form
// checks its document again (communesArrived).
func (c *DiagnosticForm) CommunesArrive(gz []byte) spie.Faults {
	c.communes.arrived = c.communesArrived
	return c.communes.provide(gz)
}

// Checked returns the faults of the form's document as it shows them.
func (c *DiagnosticForm) Checked() spie.Faults { return c.checked() }
