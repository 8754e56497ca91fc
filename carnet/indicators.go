package carnet

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Indicator is one impact indicator of RULES.md §12.
type Indicator string

// Indicators is the code list of the indicators. Map "mesure" says how the
// indicator is measured: "effectif" (a count of people), "taux" (a share),
// "mediane" (a median delay in days).
var Indicators = spie.Definitions{
	{Key: "entrants", Label: spie.Label{FR: "Personnes entrées dans le SPIE", EN: "People who entered the SPIE"}, Source: "RULES.md §12", Map: mesure("effectif")},
	{Key: "diagnostic-1-mois", Label: spie.Label{FR: "Part des entrants diagnostiqués dans le mois", EN: "Share of entrants diagnosed within a month"}, Source: "Bouches-du-Rhône axe 1 ; RULES.md §12", Map: mesure("taux")},
	{Key: "delai-entree-diagnostic", Label: spie.Label{FR: "Délai médian entrée → diagnostic (jours)", EN: "Median delay entry → diagnostic (days)"}, Source: "RULES.md §12", Map: mesure("mediane")},
	{Key: "delai-entree-orientation", Label: spie.Label{FR: "Délai médian entrée → orientation (jours)", EN: "Median delay entry → orientation (days)"}, Source: "RULES.md §12", Map: mesure("mediane")},
	{Key: "delai-orientation-contrat", Label: spie.Label{FR: "Délai médian orientation → contrat (jours)", EN: "Median delay orientation → contract (days)"}, Source: "RULES.md §12", Map: mesure("mediane")},
	{Key: "referent-unique", Label: spie.Label{FR: "Part des personnes n'ayant eu qu'un référent", EN: "Share of people who had a single case worker"}, Source: "RULES.md §12", Map: mesure("taux")},
	{Key: "propositions-doublons", Label: spie.Label{FR: "Personnes ayant reçu une proposition en doublon (cible : 0)", EN: "People who received a duplicate proposal (target: 0)"}, Source: "RULES.md §12", Map: mesure("effectif")},
	{Key: "contacts-reguliers", Label: spie.Label{FR: "Part des personnes suivies ayant eu un contact réussi dans les délais", EN: "Share of followed people with a timely successful contact"}, Source: "RULES.md §9, §12", Map: mesure("taux")},
	{Key: "sans-solution", Label: spie.Label{FR: "Personnes accompagnées sans aucune action en cours", EN: "People supported with no ongoing action"}, Source: "RULES.md §12", Map: mesure("effectif")},
	{Key: "perdus-de-vue", Label: spie.Label{FR: "Personnes perdues de vue", EN: "People lost from sight"}, Source: "RULES.md §9, §12", Map: mesure("effectif")},
	{Key: "ruptures", Label: spie.Label{FR: "Personnes à un moment de rupture", EN: "People at a rupture point"}, Source: "RULES.md §9, §12", Map: mesure("effectif")},
	{Key: "prescriptions-72h", Label: spie.Label{FR: "Part des prescriptions avec réponse sous 72 heures", EN: "Share of prescriptions answered within 72 hours"}, Source: "Guide SPIE de l'Aisne ; RULES.md §12", Map: mesure("taux")},
	{Key: "sorties-emploi-durable", Label: spie.Label{FR: "Sorties en emploi durable (CDI ou CDD de 6 mois et plus)", EN: "Exits to lasting employment"}, Source: "RULES.md §12", Map: mesure("effectif")},
	{Key: "sorties-formation-qualifiante", Label: spie.Label{FR: "Sorties en formation qualifiante", EN: "Exits to qualifying training"}, Source: "RULES.md §12", Map: mesure("effectif")},
}

func mesure(m string) map[string][]string { return map[string][]string{"mesure": {m}} }

// Definitions implements spie.Enum.
func (Indicator) Definitions() spie.Definitions { return Indicators }

// Value is the value of one indicator in one group. Counts under the
// small-cell threshold are suppressed (secret).
type Value struct {
	Count      *int     `json:"effectif,omitempty"`
	Base       *int     `json:"base,omitempty"`
	Rate       *float64 `json:"taux,omitempty"`
	Median     *float64 `json:"mediane_jours,omitempty"`
	Suppressed bool     `json:"secret,omitempty"`
}

// IndicatorValues holds the values of a group, by indicator.
type IndicatorValues map[Indicator]Value

// Group is one breakdown: the whole population, or a cohort, a territory
// (département) or a public.
type Group struct {
	Dimension  string          `json:"dimension"`
	Key        string          `json:"valeur"`
	People     *int            `json:"personnes,omitempty"`
	Suppressed bool            `json:"secret,omitempty"`
	Values     IndicatorValues `json:"indicateurs,omitempty"`
}

// Report is the result of ComputeIndicators.
type Report struct {
	Date       spie.Date   `json:"date"`
	SmallCell  int         `json:"secret_statistique"`
	Read       int         `json:"carnets_lus"`
	Unreadable int         `json:"lignes_illisibles"`
	Errors     spie.Faults `json:"erreurs,omitempty"`
	Groups     []Group     `json:"groupes"`
}

// Fault type of unreadable lines.
var FaultIndicatorLine = spie.NewFaultType("CARNET-INDICATEURS-01", spie.SeverityError, "ligne %d illisible : %s", "line %d unreadable: %s").WithSource("RFC 8259 (NDJSON) ; hygiène d'entrée propre à socle")

// maxDelay is the largest delay counted exactly in the median histograms;
// longer delays fall in the last bucket.
const maxDelay = 3660

// maxLineErrors is how many unreadable lines are detailed in a report.
const maxLineErrors = 20

// ComputeIndicators reads a stream of carnets, one JSON document per line
// (NDJSON), and computes the indicators of RULES.md §12 on day, for the
// whole population and by cohort, territory (département of residence) and
// public. Memory does not grow with the number of carnets: each carnet is
// decoded, counted and dropped, and medians use bounded histograms. Counts
// under p.SmallCell are suppressed. Unreadable lines are counted and the
// first are reported as faults; only a failing reader is an error.
func ComputeIndicators(r io.Reader, day spie.Date, p Policy) (Report, error) {
	rep := Report{Date: day, SmallCell: p.SmallCell}
	groups := map[[2]string]*accumulator{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(trimSpace(b)) == 0 {
			continue
		}
		var lc lightCarnet
		if err := json.Unmarshal(b, &lc); err != nil {
			rep.Unreadable++
			if len(rep.Errors) < maxLineErrors {
				rep.Errors = append(rep.Errors, FaultIndicatorLine.At("", line, err.Error()))
			}
			continue
		}
		rep.Read++
		c := lc.Carnet
		if lc.Diagnostic != nil {
			c.Diagnostic = &diagnostic.Diagnostic{Date: lc.Diagnostic.Date}
		}
		f, ok := factsOf(&c, day, p)
		if !ok {
			continue
		}
		for _, g := range c.groups() {
			a := groups[g]
			if a == nil {
				a = &accumulator{}
				groups[g] = a
			}
			a.add(&f)
		}
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("lecture du flux de carnets (ligne %d) : %w", line+1, err)
	}
	keys := make([][2]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	order := map[string]int{"ensemble": 0, "cohorte": 1, "territoire": 2, "public": 3}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return order[keys[i][0]] < order[keys[j][0]]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		rep.Groups = append(rep.Groups, groups[k].group(k[0], k[1], p.SmallCell))
	}
	return rep, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// lightCarnet is what the indicators read of a carnet: the journal is
// skipped and only the date of the diagnostic is kept.
type lightCarnet struct {
	Carnet
	Diagnostic *struct {
		Date spie.Date `json:"date"`
	} `json:"diagnostic"`
	Journal skipped `json:"journal"`
}

// skipped is a JSON value read and dropped.
type skipped struct{}

// UnmarshalJSON implements json.Unmarshaler.
func (*skipped) UnmarshalJSON([]byte) error { return nil }

// groups returns the breakdowns a carnet counts in.
func (c *Carnet) groups() [][2]string {
	out := [][2]string{{"ensemble", "tous"}}
	if c.Cohort != "" {
		out = append(out, [2]string{"cohorte", c.Cohort})
	}
	if d := c.Person.Commune.Departement(); d != "" {
		out = append(out, [2]string{"territoire", string(d)})
	}
	seen := map[spie.Public]bool{}
	for _, p := range c.Person.Publics {
		if !seen[p] {
			seen[p] = true
			out = append(out, [2]string{"public", string(p)})
		}
	}
	return out
}

// facts are what one carnet contributes to the indicators.
type facts struct {
	diagDue, diagOnTime                   bool
	delayDiag, delayOrient, delayContract int // −1 when unknown
	hasReferent, singleReferent           bool
	duplicate                             bool
	followDue, regular, lost              bool
	active, noSolution, rupture           bool
	prescriptions, prescriptionsOnTime    int
	exitEmploi, exitFormation             bool
}

// factsOf computes the facts of c on day; ok is false when the person had
// not entered the SPIE by day.
func factsOf(c *Carnet, day spie.Date, p Policy) (facts, bool) {
	f := facts{delayDiag: -1, delayOrient: -1, delayContract: -1}
	if c.EntryDate.IsZero() || c.EntryDate.After(day) {
		return f, false
	}
	if _, ok := c.EntryDate.Time(); !ok {
		return f, false
	}
	limit := c.EntryDate.AddMonths(p.DiagnosticMonths)
	f.diagDue = !limit.After(day)
	if d := c.Diagnostic; d != nil && !d.Date.After(day) {
		f.delayDiag = nonNegative(c.EntryDate.DaysUntil(d.Date))
		f.diagOnTime = !d.Date.After(limit)
	}
	if first, ok := c.firstOrientation(); ok && !first.Date.After(day) {
		f.delayOrient = nonNegative(c.EntryDate.DaysUntil(first.Date))
		from := first.NoticeDate
		if from.IsZero() {
			from = first.Date
		}
		best := spie.Date("")
		for _, k := range c.Contracts {
			if !k.SignedOn.IsZero() && !k.SignedOn.Before(from) && !k.SignedOn.After(day) && (best.IsZero() || k.SignedOn.Before(best)) {
				best = k.SignedOn
			}
		}
		if !best.IsZero() {
			f.delayContract = from.DaysUntil(best)
		}
	}
	refs := map[string]bool{}
	for _, m := range c.Members {
		if m.Role == RoleReferent && !m.Start.After(day) {
			refs[string(m.StructureSIRET)+"|"+m.Professional] = true
		}
	}
	f.hasReferent, f.singleReferent = len(refs) > 0, len(refs) == 1
	f.duplicate = len(c.Duplicates()) > 0
	fu := c.FollowUp(day, p)
	f.followDue = fu.State != StateNotDueYet
	f.regular, f.lost = fu.State == StateFollowed, fu.State == StateLost
	_, closed := c.Closed(day)
	f.active = !closed
	f.noSolution = f.active && !c.hasActiveAction(day)
	f.rupture = len(c.Ruptures(day, p)) > 0
	for _, a := range c.Actions {
		if a.ServiceID == "" || a.ProposedOn.After(day) {
			continue
		}
		due := a.ProposedOn.AddDays(p.PrescriptionAnswerDays)
		answered := !a.AnsweredOn.IsZero() && !a.AnsweredOn.After(day)
		if answered || due.Before(day) {
			f.prescriptions++
			if answered && !a.AnsweredOn.After(due) {
				f.prescriptionsOnTime++
			}
		}
	}
	for _, m := range c.Milestones {
		if m.Date.After(day) {
			continue
		}
		switch m.Kind.Exit() {
		case "emploi-durable":
			f.exitEmploi = true
		case "formation-qualifiante":
			f.exitFormation = true
		}
	}
	return f, true
}

func nonNegative(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// accumulator sums the facts of one group in bounded memory.
type accumulator struct {
	people, diagDue, diagOnTime, hasReferent, singleReferent, duplicate int
	followDue, regular, lost, active, noSolution, rupture               int
	prescriptions, prescriptionsOnTime, exitEmploi, exitFormation       int
	delays                                                              [3]*histogram
}

func (a *accumulator) add(f *facts) {
	a.people++
	count := func(n *int, b bool) {
		if b {
			*n++
		}
	}
	count(&a.diagDue, f.diagDue)
	count(&a.diagOnTime, f.diagDue && f.diagOnTime)
	count(&a.hasReferent, f.hasReferent)
	count(&a.singleReferent, f.singleReferent)
	count(&a.duplicate, f.duplicate)
	count(&a.followDue, f.followDue)
	count(&a.regular, f.followDue && f.regular)
	count(&a.lost, f.lost)
	count(&a.active, f.active)
	count(&a.noSolution, f.noSolution)
	count(&a.rupture, f.rupture)
	count(&a.exitEmploi, f.exitEmploi)
	count(&a.exitFormation, f.exitFormation)
	a.prescriptions += f.prescriptions
	a.prescriptionsOnTime += f.prescriptionsOnTime
	for i, d := range []int{f.delayDiag, f.delayOrient, f.delayContract} {
		if d < 0 {
			continue
		}
		if a.delays[i] == nil {
			a.delays[i] = &histogram{}
		}
		a.delays[i].add(d)
	}
}

// histogram counts delays in days, 0..maxDelay, the last bucket holding longer ones.
type histogram struct {
	n       int
	buckets [maxDelay + 1]int32
}

func (h *histogram) add(d int) {
	if d > maxDelay {
		d = maxDelay
	}
	h.buckets[d]++
	h.n++
}

// median returns the median (the mean of the two middle values for an even count).
func (h *histogram) median() float64 {
	lo, hi := (h.n-1)/2, h.n/2
	var a, b = -1, -1
	seen := 0
	for d, k := range h.buckets {
		seen += int(k)
		if a < 0 && seen > lo {
			a = d
		}
		if seen > hi {
			b = d
			break
		}
	}
	return float64(a+b) / 2
}

func (a *accumulator) group(dim, key string, small int) Group {
	g := Group{Dimension: dim, Key: key}
	if a.people < small {
		g.Suppressed = true
		return g
	}
	g.People = intp(a.people)
	g.Values = IndicatorValues{}
	cnt := func(n int) Value {
		if n > 0 && n < small {
			return Value{Suppressed: true}
		}
		return Value{Count: intp(n)}
	}
	rate := func(n, base int) Value {
		if base < small || (n > 0 && n < small) || (base-n > 0 && base-n < small) {
			return Value{Suppressed: true}
		}
		r := float64(n) / float64(base)
		return Value{Count: intp(n), Base: intp(base), Rate: &r}
	}
	med := func(h *histogram) Value {
		if h == nil || h.n < small {
			return Value{Suppressed: true}
		}
		m := h.median()
		return Value{Base: intp(h.n), Median: &m}
	}
	g.Values["entrants"] = cnt(a.people)
	g.Values["diagnostic-1-mois"] = rate(a.diagOnTime, a.diagDue)
	g.Values["delai-entree-diagnostic"] = med(a.delays[0])
	g.Values["delai-entree-orientation"] = med(a.delays[1])
	g.Values["delai-orientation-contrat"] = med(a.delays[2])
	g.Values["referent-unique"] = rate(a.singleReferent, a.hasReferent)
	g.Values["propositions-doublons"] = cnt(a.duplicate)
	g.Values["contacts-reguliers"] = rate(a.regular, a.followDue)
	g.Values["sans-solution"] = cnt(a.noSolution)
	g.Values["perdus-de-vue"] = cnt(a.lost)
	g.Values["ruptures"] = cnt(a.rupture)
	g.Values["prescriptions-72h"] = rate(a.prescriptionsOnTime, a.prescriptions)
	g.Values["sorties-emploi-durable"] = cnt(a.exitEmploi)
	g.Values["sorties-formation-qualifiante"] = cnt(a.exitFormation)
	return g
}

func intp(n int) *int { return &n }
