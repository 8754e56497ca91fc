package cohort

import (
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Subject is what a cohort looks at: a person's age, residence, public
// criteria and consent, taken from a diagnostic or a carnet.
type Subject struct {
	PersonID  string
	SourceID  string // the diagnostic or carnet id
	BirthDate spie.Date
	Commune   spie.CommuneCode
	Criteria  diagnostic.PublicCriteria
	// Consent is the person's consent to sharing within the SPIE.
	Consent bool
}

// SubjectOf reads the subject of a diagnostic.
func SubjectOf(d *diagnostic.Diagnostic) Subject {
	return Subject{PersonID: d.Person.ID, SourceID: d.ID, BirthDate: d.Person.BirthDate,
		Commune: d.Person.Commune, Criteria: d.Criteria, Consent: d.Consent.Sharing}
}

// Result says whether a person belongs to a cohort at a date, and why.
type Result struct {
	// Code de la cohorte.
	Cohort string `json:"cohorte"`
	// Identifiant pseudonyme de la personne.
	PersonID string `json:"personne"`
	// Identifiant du diagnostic ou du carnet examiné.
	SourceID string `json:"source"`
	// Date d'appartenance examinée.
	Date spie.Date `json:"date"`
	// La personne appartient à la cohorte.
	Member bool `json:"membre"`
	// Chaque condition, remplie ou non, et pourquoi.
	Reasons []Reason `json:"motifs"`
}

// Reason is one condition of membership.
type Reason struct {
	// Condition examinée : periode, consentement, territoire, age ou un critère de public.
	Condition string `json:"condition"`
	// La condition est remplie.
	Met bool `json:"remplie"`
	// Explication en français.
	Why string `json:"motif"`
}

// Match says whether the person of the diagnostic belongs to the cohort at
// date. The definition must be valid (Definition.Check).
func Match(def *Definition, d *diagnostic.Diagnostic, date spie.Date) Result {
	return def.MatchSubject(SubjectOf(d), date)
}

// MatchSubject says whether a subject belongs to the cohort at date: the
// date within the experiment, the person's consent to sharing, the commune
// in the territory, the age (in whole years at date) in the range, and the
// public criteria (all, or at least one, as the mode says).
func (def *Definition) MatchSubject(s Subject, date spie.Date) Result {
	r := Result{Cohort: def.Code, PersonID: s.PersonID, SourceID: s.SourceID, Date: date, Member: true}
	add := func(cond string, met bool, why string) {
		r.Reasons = append(r.Reasons, Reason{Condition: cond, Met: met, Why: why})
		r.Member = r.Member && met
	}
	switch {
	case !def.Start.IsZero() && date.Before(def.Start):
		add("periode", false, fmt.Sprintf("l'expérimentation commence le %s", def.Start))
	case !def.End.IsZero() && date.After(def.End):
		add("periode", false, fmt.Sprintf("l'expérimentation a pris fin le %s", def.End))
	case !def.Start.IsZero() || !def.End.IsZero():
		add("periode", true, "date comprise dans l'expérimentation")
	}
	if s.Consent {
		add("consentement", true, "la personne consent au partage au sein du SPIE")
	} else {
		add("consentement", false, "la personne n'a pas consenti au partage au sein du SPIE")
	}
	in, why := def.Territory.Contains(s.Commune)
	add("territoire", in, why)
	if def.Age != nil {
		ok, why := def.ageOK(s.BirthDate, date)
		add("age", ok, why)
	}
	if len(def.Conditions) > 0 {
		var reasons []Reason
		anyMet, allMet := false, true
		for _, c := range def.Conditions {
			v, known := c.Criterion.value(s.Criteria)
			label := Criteria.LabelOf(string(c.Criterion))
			var rs Reason
			switch {
			case !known:
				rs = Reason{string(c.Criterion), false, label + " : information absente du diagnostic"}
			case v == c.Want() && v:
				rs = Reason{string(c.Criterion), true, label + " : oui"}
			case v == c.Want():
				rs = Reason{string(c.Criterion), true, label + " : non, comme requis"}
			case c.Want():
				rs = Reason{string(c.Criterion), false, label + " : non"}
			default:
				rs = Reason{string(c.Criterion), false, label + " : oui, alors que la cohorte l'exclut"}
			}
			anyMet = anyMet || rs.Met
			allMet = allMet && rs.Met
			reasons = append(reasons, rs)
		}
		if def.Mode == ModeAny {
			r.Reasons = append(r.Reasons, reasons...)
			r.Member = r.Member && anyMet
		} else {
			for _, rs := range reasons {
				add(rs.Condition, rs.Met, rs.Why)
			}
		}
	}
	return r
}

func (def *Definition) ageOK(birth, date spie.Date) (bool, string) {
	age, ok := spie.YearsBetween(birth, date)
	if !ok {
		return false, "date de naissance absente ou illisible"
	}
	a := def.Age
	rng := ""
	switch {
	case a.Min != nil && a.Max != nil:
		rng = fmt.Sprintf("de %d à %d ans", *a.Min, *a.Max)
	case a.Min != nil:
		rng = fmt.Sprintf("%d ans ou plus", *a.Min)
	case a.Max != nil:
		rng = fmt.Sprintf("%d ans ou moins", *a.Max)
	}
	if (a.Min != nil && age < *a.Min) || (a.Max != nil && age > *a.Max) {
		return false, fmt.Sprintf("%d ans le %s, hors de la tranche %s", age, date, rng)
	}
	return true, fmt.Sprintf("%d ans le %s, dans la tranche %s", age, date, rng)
}
