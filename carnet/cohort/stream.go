package cohort

import (
	"io"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// Summary counts what Scan read.
type Summary struct {
	// Code de la cohorte.
	Cohort string `json:"cohorte"`
	// Date d'appartenance examinée.
	Date spie.Date `json:"date"`
	// Diagnostics lus.
	Read int `json:"diagnostics_lus"`
	// Diagnostics postérieurs à la date, écartés.
	Later int `json:"diagnostics_posterieurs"`
	// Diagnostics dont la personne appartient à la cohorte.
	Members int `json:"membres"`
	// Diagnostics dont la personne n'appartient pas à la cohorte.
	NonMembers int `json:"non_membres"`
	// Nombre de non-membres par condition non remplie.
	Excluded map[string]int `json:"exclusions_par_condition,omitempty"`
	// Lignes illisibles.
	Unreadable int `json:"lignes_illisibles"`
}

// Scan reads a stream of diagnostics (NDJSON, a JSON array or one document,
// read by internal/input with its default size limit) and calls fn with the
// result of each diagnostic dated on or before date (one document, one
// result), in constant memory; a person with several diagnostics gets one
// result per diagnostic (Movements takes each person once). Unreadable
// documents are counted and returned as faults (INPUT-JSON-01 or
// INPUT-SIZE-01, path /N for the document starting on line N, /i for the
// element i of an array); an error from fn stops the scan.
func Scan(def *Definition, r io.Reader, date spie.Date, fn func(Result) error) (Summary, spie.Faults, error) {
	return scan(def, r, date, fn, func(d *diagnostic.Diagnostic) (Subject, spie.Date) { return SubjectOf(d), d.Date })
}

// ScanCarnets is Scan for a stream of carnets de bord (see
// SubjectOfCarnet); a carnet whose entry date is after date is left out.
func ScanCarnets(def *Definition, r io.Reader, date spie.Date, fn func(Result) error) (Summary, spie.Faults, error) {
	return scan(def, r, date, fn, func(c *carnet.Carnet) (Subject, spie.Date) { return SubjectOfCarnet(c, date), c.EntryDate })
}

func scan[T any](def *Definition, r io.Reader, date spie.Date, fn func(Result) error, subject func(*T) (Subject, spie.Date)) (Summary, spie.Faults, error) {
	s := Summary{Cohort: def.Code, Date: date, Excluded: map[string]int{}}
	var fs spie.Faults
	err := input.Decode(r, input.Options{}, func(_ input.Doc, v *T) error {
		s.Read++
		sub, d := subject(v)
		if d.After(date) {
			s.Later++
			return nil
		}
		res := def.MatchSubject(sub, date)
		if res.Member {
			s.Members++
		} else {
			s.NonMembers++
			for _, rs := range res.Reasons {
				if !rs.Met {
					s.Excluded[rs.Condition]++
				}
			}
		}
		if fn != nil {
			return fn(res)
		}
		return nil
	}, func(_ input.Doc, f spie.Fault) { s.Unreadable++; fs = append(fs, f) })
	if len(s.Excluded) == 0 {
		s.Excluded = nil
	}
	return s, fs, err
}

// Movement compares a cohort at two dates, person by person, each person
// taken at their latest diagnostic on or before the date.
type Movement struct {
	Cohort string    `json:"cohorte"`
	From   spie.Date `json:"du"`
	To     spie.Date `json:"au"`
	// Membres à la première date.
	AtStart int `json:"effectif_debut"`
	// Membres à la seconde date.
	AtEnd int `json:"effectif_fin"`
	// Entrées : membres à la seconde date, pas à la première.
	Entered int `json:"entrees"`
	// Sorties : membres à la première date, plus à la seconde.
	Left int `json:"sorties"`
	// Membres aux deux dates.
	Stayed int `json:"maintenus"`
}

type personState struct {
	fromDate, toDate spie.Date
	fromIn, toIn     bool
}

// Movements reads a stream of diagnostics (as Scan) and compares the cohort at
// from and at to. Memory grows with the number of distinct people (a few
// bytes each), not with the number of diagnostics.
func Movements(def *Definition, r io.Reader, from, to spie.Date) (Movement, spie.Faults, error) {
	m := Movement{Cohort: def.Code, From: from, To: to}
	people := map[string]*personState{}
	var fs spie.Faults
	err := input.Decode(r, input.Options{}, func(_ input.Doc, d *diagnostic.Diagnostic) error {
		if _, ok := d.Date.Time(); !ok {
			return nil
		}
		p := people[d.Person.ID]
		if p == nil {
			p = &personState{}
			people[d.Person.ID] = p
		}
		if !d.Date.After(from) && (p.fromDate.IsZero() || !d.Date.Before(p.fromDate)) {
			p.fromDate, p.fromIn = d.Date, Match(def, d, from).Member
		}
		if !d.Date.After(to) && (p.toDate.IsZero() || !d.Date.Before(p.toDate)) {
			p.toDate, p.toIn = d.Date, Match(def, d, to).Member
		}
		return nil
	}, func(_ input.Doc, f spie.Fault) { fs = append(fs, f) })
	for _, p := range people {
		if p.fromIn {
			m.AtStart++
		}
		if p.toIn {
			m.AtEnd++
		}
		switch {
		case p.fromIn && p.toIn:
			m.Stayed++
		case p.fromIn:
			m.Left++
		case p.toIn:
			m.Entered++
		}
	}
	return m, fs, err
}
