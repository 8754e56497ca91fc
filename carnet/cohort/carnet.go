package cohort

import (
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// publicCriteria maps the SPIE publics a carnet records to the public
// criteria a cohort reads.
var publicCriteria = map[spie.Public]Criterion{
	"brsa":                    "rsa",
	"rqth":                    "rqth",
	"boeth":                   "boeth",
	"residents-qpv":           "qpv",
	"residents-frr":           "frr",
	"familles-monoparentales": "parent-isole",
	"sortants-sans-solution":  "sortant-sans-solution",
	"jeunes-sortant-ase":      "ase",
	"primo-arrivants":         "primo-arrivant",
}

// SubjectOfCarnet reads the subject of a carnet de bord at date: the
// person's birth date and commune from the carnet (more current than its
// diagnostic), the public criteria of its diagnostic completed by the RSA,
// RQTH and publics the carnet records, and consent when at least one consent
// to sharing is in force at date.
func SubjectOfCarnet(c *carnet.Carnet, date spie.Date) Subject {
	s := Subject{PersonID: c.Person.ID, SourceID: c.ID, BirthDate: c.Person.BirthDate, Commune: c.Person.Commune}
	if c.Diagnostic != nil {
		s.Criteria = c.Diagnostic.Criteria
		if s.BirthDate.IsZero() {
			s.BirthDate = c.Diagnostic.Person.BirthDate
		}
		if s.Commune == "" {
			s.Commune = c.Diagnostic.Person.Commune
		}
	}
	s.Criteria.RSA = s.Criteria.RSA || c.Person.RSA
	s.Criteria.RQTH = s.Criteria.RQTH || c.Person.RQTH
	for _, p := range c.Person.Publics {
		switch publicCriteria[p] {
		case "rsa":
			s.Criteria.RSA = true
		case "rqth":
			s.Criteria.RQTH = true
		case "boeth":
			s.Criteria.BOETH = true
		case "qpv":
			s.Criteria.QPV = true
		case "frr":
			s.Criteria.FRR = true
		case "parent-isole":
			s.Criteria.ParentIsole = true
		case "sortant-sans-solution":
			s.Criteria.SortantSansSolution = true
		case "ase":
			s.Criteria.ASE = true
		case "primo-arrivant":
			s.Criteria.PrimoArrivant = true
		}
	}
	for _, k := range c.Consents {
		if _, ok := k.Date.Time(); !ok || k.Date.After(date) {
			continue
		}
		if k.WithdrawnOn.IsZero() || k.WithdrawnOn.After(date) {
			s.Consent = true
			break
		}
	}
	return s
}

// MatchCarnet says whether the person of a carnet de bord belongs to the
// cohort at date (see SubjectOfCarnet).
func MatchCarnet(def *Definition, c *carnet.Carnet, date spie.Date) Result {
	return def.MatchSubject(SubjectOfCarnet(c, date), date)
}
