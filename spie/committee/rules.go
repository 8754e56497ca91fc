package committee

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the calendar's time zone must not depend on the host

	"github.com/spie-fr/socle/spie"
)

// Capacity returns the capacity of a meeting of the committee (the meeting's
// own, else the rule, else 10).
func (c *Committee) Capacity(m Meeting) int {
	switch {
	case m.Capacity > 0:
		return m.Capacity
	case c.Rules.Capacity > 0:
		return c.Rules.Capacity
	}
	return DefaultCapacity
}

// AnswerDelay returns the time within which a request must be answered.
func (c *Committee) AnswerDelay() time.Duration {
	h := c.Rules.AnswerHours
	if h <= 0 {
		h = DefaultAnswerHours
	}
	return time.Duration(h) * time.Hour
}

// Location returns the time zone of the calendar.
func (c *Committee) Location() (*time.Location, error) {
	tz := c.Rules.TimeZone
	if tz == "" {
		tz = DefaultTimeZone
	}
	if l, ok := locations.Load(tz); ok {
		return l.(*time.Location), nil
	}
	// The cache outlives the document, whose strings may alias the
	// caller's bytes (schemas.Validate reads some kinds in place): it keeps
	// its own copy of the name, as key and as the location's name.
	tz = strings.Clone(tz)
	l, err := time.LoadLocation(tz)
	if err != nil {
		return nil, err
	}
	locations.Store(tz, l)
	return l, nil
}

// locations caches the time zones read (reading one parses its data), by
// name; the names are copies owned by the cache.
var locations sync.Map

// Start returns the start of a meeting in the calendar's time zone.
func (c *Committee) Start(m Meeting) (time.Time, bool) {
	return at(m.Date, m.Time, c.loc())
}

// Deadline returns the instant from which requests go to the next meeting:
// the calendar's date_butoir/heure_butoir when given, else the rule (J-3 at
// 14:00 by default). A request received strictly before it is on time.
func (c *Committee) Deadline(m Meeting) (time.Time, bool) {
	d := m.DeadlineDate
	if d.IsZero() {
		n := DefaultDeadlineDaysBefore
		if c.Rules.DeadlineDaysBefore != nil {
			n = *c.Rules.DeadlineDaysBefore
		}
		d = m.Date.AddDays(-n)
	}
	t := m.DeadlineTime
	if t == "" {
		t = c.Rules.DeadlineTime
	}
	if t == "" {
		t = DefaultDeadlineTime
	}
	return at(d, t, c.loc())
}

// AgendaDue returns the date the agenda is due to members (J-2 by default).
func (c *Committee) AgendaDue(m Meeting) spie.Date {
	n := DefaultAgendaDaysBefore
	if c.Rules.AgendaDaysBefore != nil {
		n = *c.Rules.AgendaDaysBefore
	}
	return m.Date.AddDays(-n)
}

// Receives reports whether a member may receive the agenda due on date: the
// confidentiality charter must be signed on or before that date.
func (mb Member) Receives(due spie.Date) bool {
	if _, ok := mb.CharterSigned.Time(); !ok {
		return false
	}
	return !mb.CharterSigned.After(due)
}

func (c *Committee) loc() *time.Location {
	l, err := c.Location()
	if err != nil {
		return time.UTC
	}
	return l
}

func at(d spie.Date, c ClockTime, loc *time.Location) (time.Time, bool) {
	day, ok := d.Time()
	if !ok {
		return time.Time{}, false
	}
	h, m, ok := c.Parse()
	if !ok {
		return time.Time{}, false
	}
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc), true
}
