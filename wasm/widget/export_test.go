package widget

import (
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// PrescriptionForTest exposes the prescription draft to the black-box tests.
type PrescriptionForTest struct{ d *prescriptionDraft }

func NewPrescriptionForTest(s *offer.Service, commune string) *PrescriptionForTest {
	return &PrescriptionForTest{newPrescriptionDraft(s, commune)}
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

// SearchCommuneForTest runs the offer search for a commune typed by the user
// and returns the faults shown on the commune field.
func (c *OffreSearch) SearchCommuneForTest(code string) spie.Faults {
	c.init()
	c.commune = code
	c.Search()
	return c.faults
}

// SelectForTest selects a period and a group of the carnet indicators and
// a period of the network indicators, as the selectors do.
func (c *Indicateurs) SelectForTest(period, group, network int) {
	c.period, c.group, c.netPer = period, group, network
}
