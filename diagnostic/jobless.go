package diagnostic

import "strconv"

// Mapping names of the situations that tell how long the person has been
// without a job ("sans-emploi-depuis-mois/min" is "jamais" for someone who
// never worked).
const (
	MapJoblessMonthsMin = "sans-emploi-depuis-mois/min"
	MapJoblessMonthsMax = "sans-emploi-depuis-mois/max"
)

// JoblessMonths returns the bounds, in months, of the time without a job that
// the situation states: never is true for "jamais-travaille"; max is −1 when
// unbounded; ok is false when the situation says nothing about it.
func (s Situation) JoblessMonths() (minMonths, maxMonths int, never, ok bool) {
	d, found := Situations.Get(string(s))
	if !found || len(d.Map[MapJoblessMonthsMin]) == 0 {
		return 0, 0, false, false
	}
	if d.Map[MapJoblessMonthsMin][0] == "jamais" {
		return 0, -1, true, true
	}
	minMonths, _ = strconv.Atoi(d.Map[MapJoblessMonthsMin][0])
	maxMonths = -1
	if v := d.Map[MapJoblessMonthsMax]; len(v) == 1 {
		maxMonths, _ = strconv.Atoi(v[0])
	}
	return minMonths, maxMonths, false, true
}

// recentActivityFromSituations reads, from the professional situations that
// apply, whether the last activity falls within the given number of months:
// yes, no, or unknown when no situation tells.
func recentActivityFromSituations(p *Professional, months int) (recent, known bool) {
	for _, it := range p.Situations {
		if it.Value != "" && it.Value != SituationOui {
			continue
		}
		lo, hi, never, ok := it.Situation.JoblessMonths()
		switch {
		case !ok:
			continue
		case never || lo >= months:
			return false, true
		case hi >= 0 && hi <= months:
			return true, true
		}
	}
	return false, false
}
