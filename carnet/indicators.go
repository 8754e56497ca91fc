package carnet

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
	"github.com/spie-fr/socle/spie/territory"
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

// Value is the value of one indicator in one group: a count, a rate (count
// and base) or a median (base), or secret (statistical secret, see
// publishGroups).
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
	Threshold  int         `json:"seuil_secret"`
	Read       int         `json:"carnets_lus"`
	Unreadable int         `json:"lignes_illisibles"`
	Errors     spie.Faults `json:"erreurs,omitempty"`
	Groups     []Group     `json:"groupes"`
}

// FaultIndicatorLine is retired: no longer emitted since the carnets are
// read by the one input reader (an unreadable carnet is INPUT-JSON-01, one
// over the size limit INPUT-SIZE-01). It stays registered so that its code
// is never given to another fact.
var FaultIndicatorLine = &spie.FaultType{Code: "CARNET-INDICATEURS-01", Severity: spie.SeverityError, FR: "ligne %d illisible : %s", EN: "line %d unreadable: %s", Source: "RFC 8259 (NDJSON) ; hygiène d'entrée propre à socle", Retired: true, ReplacedBy: []string{"INPUT-JSON-01", "INPUT-SIZE-01"}}

// maxDelay is the largest delay counted exactly in the median histograms;
// longer delays fall in the last bucket.
const maxDelay = 3660

// maxLineErrors is how many unreadable carnets are detailed in a report.
const maxLineErrors = 20

// ComputeIndicators reads a stream of carnets (NDJSON, a JSON array or one
// carnet, through the one input reader internal/input, each carnet under
// its default size limit of 8 Mio) and computes the indicators of RULES.md §12 on day, for the
// whole population and by cohort, territory (département of residence) and
// public. Memory does not grow with the number of carnets: each carnet is
// decoded, counted and dropped, and medians use bounded histograms. A
// carnet is decoded as encoding/json decodes it into the Carnet type (the
// journal dropped), by a faster decoder that hands encoding/json whatever
// it is not sure of (see lightDecoder): same values, same faults. The
// report is published under the statistical secret with p.SecretThreshold
// (see publishGroups). Unreadable carnets are counted and the first are
// reported as faults (INPUT-JSON-01 or INPUT-SIZE-01, path /N for the carnet
// starting on line N, /i for the element i of an array); only a failing
// reader is an error, and a threshold below secret.DefaultThreshold: the
// report then holds the fault SECRET-SEUIL-01 (also returned as the error)
// and no group.
func ComputeIndicators(r io.Reader, day spie.Date, p Policy) (Report, error) {
	return ComputeIndicatorsParallel(r, day, p, 1)
}

// ComputeIndicatorsParallel is ComputeIndicators with the carnets decoded
// and counted by workers goroutines (values below 1 count as 1): the input
// is read in order and handed out in batches through a bounded queue, each
// worker sums its own groups, and the sums are added at the end, so the
// report is the one ComputeIndicators gives, byte for byte (the counts and
// histograms are sums; the first unreadable carnets are listed in input
// order), in memory that does not grow with the number of carnets (at most
// 2 × workers + 1 batches of indicatorBatch carnets, each in one buffer
// reused from batch to batch).
func ComputeIndicatorsParallel(r io.Reader, day spie.Date, p Policy, workers int) (Report, error) {
	return computeIndicators(r, day, p, workers, true)
}

// computeIndicators is ComputeIndicatorsParallel reading the carnets with
// the fast decoder (fast), or with encoding/json alone (the tests' oracle).
func computeIndicators(r io.Reader, day spie.Date, p Policy, workers int, fast bool) (Report, error) {
	rep := Report{Date: day, Threshold: secret.Threshold(p.SecretThreshold)}
	if f := secret.CheckThreshold(p.SecretThreshold, "/seuil_secret"); f != nil {
		rep.Errors = spie.Faults{*f}
		return rep, *f
	}
	var err error
	var t tally
	if workers <= 1 {
		t = newTally(fast)
		err = input.Each(r, input.Options{}, func(d input.Doc) error {
			t.count(d, day, p)
			return nil
		})
	} else {
		t, err = countParallel(r, day, p, workers, fast)
	}
	if err != nil && !errors.Is(err, input.ErrEmpty) {
		return rep, fmt.Errorf("lecture du flux de carnets : %w", err)
	}
	rep.Read, rep.Unreadable = t.read, t.unreadable
	for _, e := range t.errors {
		rep.Errors = append(rep.Errors, e.fault)
	}
	groups := t.groups
	keys := make([][2]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, k := range IndicatorDimensions.Keys() {
		order[k] = i
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return order[keys[i][0]] < order[keys[j][0]]
		}
		return keys[i][1] < keys[j][1]
	})
	rep.Groups = publishGroups(keys, groups, rep.Threshold)
	return rep, nil
}

// indicatorBatch is how many carnets a worker takes at once.
const indicatorBatch = 256

// tally is what the indicators gather from a part of the stream: the
// carnets read and unreadable, the first unreadable ones (by their number
// in the input), and the sums of each group.
type tally struct {
	read, unreadable int
	errors           []lineError
	groups           map[[2]string]*accumulator
	dec              *lightDecoder // nil: encoding/json
	// The carnet being counted and its groups, kept from one carnet to
	// the next (no allocation for them).
	lc   lightCarnet
	diag diagnostic.Diagnostic
	keys [][2]string
}

func newTally(fast bool) tally {
	t := tally{groups: map[[2]string]*accumulator{}}
	if fast {
		t.dec = &lightDecoder{}
	}
	return t
}

// lineError is the fault of an unreadable carnet and its number in the input.
type lineError struct {
	index int
	fault spie.Fault
}

// count decodes one carnet of the stream and adds it to the tally.
func (t *tally) count(d input.Doc, day spie.Date, p Policy) {
	t.lc = lightCarnet{}
	lc := &t.lc
	bad := d.Fault
	if bad == nil {
		if err := t.dec.decode(d.Data, lc); err != nil {
			x := input.FaultJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))
			bad = &x
		}
	}
	if bad != nil {
		t.unreadable++
		if len(t.errors) < maxLineErrors {
			t.errors = append(t.errors, lineError{d.Index, d.Locate(*bad)})
		}
		return
	}
	t.read++
	c := &lc.Carnet
	if lc.Diagnostic != nil {
		t.diag = diagnostic.Diagnostic{Date: lc.Diagnostic.Date}
		c.Diagnostic = &t.diag
	}
	f, ok := factsOf(c, day, p)
	if !ok {
		return
	}
	t.keys = c.appendGroups(t.keys[:0])
	for _, g := range t.keys {
		a := t.groups[g]
		if a == nil {
			a = &accumulator{}
			t.groups[g] = a
		}
		a.add(&f)
	}
}

// merge adds the tally o (of other carnets) to t.
func (t *tally) merge(o tally) {
	t.read += o.read
	t.unreadable += o.unreadable
	t.errors = append(t.errors, o.errors...)
	for k, a := range o.groups {
		if mine := t.groups[k]; mine != nil {
			mine.merge(a)
		} else {
			t.groups[k] = a
		}
	}
}

// countParallel tallies the stream with workers goroutines; the result is
// count's on the whole stream in order. The reader copies the carnets of a
// batch end to end into one buffer, which comes back to it once counted
// (at most 2 × workers + 1 batches exist).
func countParallel(r io.Reader, day spie.Date, p Policy, workers int, fast bool) (tally, error) {
	batches := make(chan *docBatch, workers)
	free := make(chan *docBatch, 2*workers+1)
	results := make(chan tally, workers)
	for range workers {
		go func() {
			t := newTally(fast)
			for b := range batches {
				for _, d := range b.docs {
					t.count(d, day, p)
				}
				free <- b
			}
			results <- t
		}()
	}
	b := &docBatch{}
	send := func() {
		b.seal()
		batches <- b
		select {
		case b = <-free:
			b.buf, b.docs, b.ends = b.buf[:0], b.docs[:0], b.ends[:0]
		default:
			b = &docBatch{}
		}
	}
	err := input.Each(r, input.Options{}, func(d input.Doc) error {
		// The reader reuses its buffer: the batch keeps its own copy.
		b.buf = append(b.buf, d.Data...)
		d.Data = nil
		b.docs = append(b.docs, d)
		b.ends = append(b.ends, len(b.buf))
		if len(b.docs) == indicatorBatch {
			send()
		}
		return nil
	})
	if len(b.docs) > 0 {
		b.seal()
		batches <- b
	}
	close(batches)
	all := tally{groups: map[[2]string]*accumulator{}}
	for range workers {
		all.merge(<-results)
	}
	// Each worker kept its first unreadable carnets: the first of all are
	// among them.
	sort.Slice(all.errors, func(i, j int) bool { return all.errors[i].index < all.errors[j].index })
	if len(all.errors) > maxLineErrors {
		all.errors = all.errors[:maxLineErrors]
	}
	return all, err
}

// docBatch is a batch of carnets for a worker: their bytes end to end in
// buf, carnet i ending at ends[i].
type docBatch struct {
	buf  []byte
	docs []input.Doc
	ends []int
}

// seal points each carnet's Data into buf (which no longer grows); a
// carnet the reader gave as a fault keeps no data.
func (b *docBatch) seal() {
	start := 0
	for i := range b.docs {
		if b.docs[i].Fault == nil {
			b.docs[i].Data = b.buf[start:b.ends[i]:b.ends[i]]
		}
		start = b.ends[i]
	}
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

// appendGroups appends to out the breakdowns a carnet counts in.
func (c *Carnet) appendGroups(out [][2]string) [][2]string {
	out = append(out, [2]string{"ensemble", "tous"})
	if c.Cohort != "" {
		out = append(out, [2]string{"cohorte", c.Cohort})
	}
	// The table's département, never the code's prefix (an unknown code is
	// counted in no territory).
	if d, ok := territory.DepartementOf(c.Person.Commune); ok {
		out = append(out, [2]string{"territoire", string(d)})
	}
	first := len(out)
	for _, p := range c.Person.Publics {
		if !slices.Contains(out[first:], [2]string{"public", string(p)}) {
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
	f.duplicate = c.hasDuplicate()
	fu := c.followUp(day, p, false)
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

// merge adds the sums of o (other people of the same group) to a.
func (a *accumulator) merge(o *accumulator) {
	a.people += o.people
	a.diagDue += o.diagDue
	a.diagOnTime += o.diagOnTime
	a.hasReferent += o.hasReferent
	a.singleReferent += o.singleReferent
	a.duplicate += o.duplicate
	a.followDue += o.followDue
	a.regular += o.regular
	a.lost += o.lost
	a.active += o.active
	a.noSolution += o.noSolution
	a.rupture += o.rupture
	a.prescriptions += o.prescriptions
	a.prescriptionsOnTime += o.prescriptionsOnTime
	a.exitEmploi += o.exitEmploi
	a.exitFormation += o.exitFormation
	for i, h := range o.delays {
		if h == nil {
			continue
		}
		if a.delays[i] == nil {
			a.delays[i] = &histogram{}
		}
		a.delays[i].n += h.n
		for d, k := range h.buckets {
			a.delays[i].buckets[d] += k
		}
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

// measure is one published quantity of a group: a count of people (or of
// prescriptions), a rate (numerator and base) or a median (its base).
type measure struct {
	ind       Indicator
	kind      string // "effectif", "taux", "mediane"
	n, base   int
	hist      *histogram
	ofPeople  bool // the base (or the count) is a part of the group's people
	nID, bID  secret.ID
	published bool
}

// measures lists the published quantities of a group, in a fixed order.
func (a *accumulator) measures() []measure {
	cnt := func(ind Indicator, n int) measure {
		return measure{ind: ind, kind: "effectif", n: n, ofPeople: true}
	}
	rate := func(ind Indicator, n, base int, ofPeople bool) measure {
		return measure{ind: ind, kind: "taux", n: n, base: base, ofPeople: ofPeople}
	}
	med := func(ind Indicator, h *histogram) measure {
		m := measure{ind: ind, kind: "mediane", hist: h, ofPeople: true}
		if h != nil {
			m.base = h.n
		}
		return m
	}
	return []measure{
		rate("diagnostic-1-mois", a.diagOnTime, a.diagDue, true),
		med("delai-entree-diagnostic", a.delays[0]),
		med("delai-entree-orientation", a.delays[1]),
		med("delai-orientation-contrat", a.delays[2]),
		rate("referent-unique", a.singleReferent, a.hasReferent, true),
		cnt("propositions-doublons", a.duplicate),
		rate("contacts-reguliers", a.regular, a.followDue, true),
		cnt("sans-solution", a.noSolution),
		cnt("perdus-de-vue", a.lost),
		cnt("ruptures", a.rupture),
		rate("prescriptions-72h", a.prescriptionsOnTime, a.prescriptions, false),
		cnt("sorties-emploi-durable", a.exitEmploi),
		cnt("sorties-formation-qualifiante", a.exitFormation),
	}
}

// secretPeople adds to withheld the groups whose people are secret when the
// report publishes the groups' people alone, with the whole's: parts of the
// whole (territories and cohorts with their remainder, each public with its
// complement).
func secretPeople(keys [][2]string, groups map[[2]string]*accumulator, threshold int, withheld []bool) {
	t := secret.NewTable(threshold)
	people := make([]secret.ID, len(keys))
	whole := -1
	for g, k := range keys {
		people[g] = t.Count(groups[k].people)
		if withheld[g] {
			t.Withhold(people[g])
		}
		if k[0] == "ensemble" {
			whole = g
			t.Keep(people[g])
		}
	}
	if whole < 0 {
		return
	}
	for _, dim := range []string{"territoire", "cohorte"} {
		var parts []secret.ID
		for g, k := range keys {
			if k[0] == dim {
				parts = append(parts, people[g])
			}
		}
		if len(parts) > 0 {
			t.Rest(people[whole], parts...)
		}
	}
	for g, k := range keys {
		if k[0] == "public" {
			t.Part(people[whole], people[g])
		}
	}
	t.Protect()
	for g := range keys {
		if t.Secret(people[g]) {
			withheld[g] = true
		}
	}
}

// buildTable builds the secret table of the groups (see publishGroups): the
// cells of each group's people and measures, and the relations inside and
// across groups. The people of a withheld group are secret, and its
// measures are hidden cells (the report prints nothing of the group: they
// are protected when small, like any complement).
func buildTable(keys [][2]string, groups map[[2]string]*accumulator, threshold int, withheld []bool) (*secret.Table, []secret.ID, [][]measure) {
	t := secret.NewTable(threshold)
	people := make([]secret.ID, len(keys))
	ms := make([][]measure, len(keys))
	whole := -1
	for g, k := range keys {
		a := groups[k]
		people[g] = t.Count(a.people)
		ms[g] = a.measures()
		cell := t.Count
		if withheld[g] {
			t.Withhold(people[g])
			cell = t.Hidden
		} else {
			t.Keep(people[g])
		}
		nIDs, bIDs := make([]secret.ID, len(ms[g])), make([]secret.ID, len(ms[g]))
		for i := range ms[g] {
			m := &ms[g][i]
			m.nID, m.bID = -1, -1
			if m.kind != "mediane" {
				m.nID = cell(m.n)
			}
			if m.kind != "effectif" {
				m.bID = cell(m.base)
			}
			nIDs[i], bIDs[i] = m.nID, m.bID
		}
		tie(t, ms[g], people[g], a.people, nIDs, bIDs)
		if k[0] == "ensemble" {
			whole = g
			t.Keep(people[g])
		}
	}
	if whole >= 0 {
		// Across groups, cell by cell: people, then each numerator and
		// base. The people outside the groups (the remainder of a
		// partition, the complement of a public) are a group of their own:
		// their quantities are tied to their people as inside any group,
		// so a remainder of people proven 0 (or small) bounds the
		// remainder of every quantity.
		across := func(dim string, partition bool) {
			var gs []int
			for g, k := range keys {
				if k[0] == dim {
					gs = append(gs, g)
				}
			}
			if len(gs) == 0 {
				return
			}
			// link returns the people outside: one remainder for a
			// partition, one complement per group when groups overlap.
			link := func(total secret.ID, part func(g int) secret.ID) []secret.ID {
				if total < 0 {
					return nil
				}
				if partition {
					parts := make([]secret.ID, len(gs))
					for i, g := range gs {
						parts[i] = part(g)
					}
					return []secret.ID{t.Rest(total, parts...)}
				}
				out := make([]secret.ID, len(gs))
				for i, g := range gs {
					out[i] = t.Part(total, part(g))
				}
				return out
			}
			restP := link(people[whole], func(g int) secret.ID { return people[g] })
			// restN[i][u], restB[i][u]: remainder u of quantity i.
			restN, restB := make([][]secret.ID, len(ms[whole])), make([][]secret.ID, len(ms[whole]))
			for i := range ms[whole] {
				restN[i] = link(ms[whole][i].nID, func(g int) secret.ID { return ms[g][i].nID })
				restB[i] = link(ms[whole][i].bID, func(g int) secret.ID { return ms[g][i].bID })
			}
			for u := range restP {
				// Size of remainder u: the whole's people minus the
				// groups' (all of them for a partition, group u's
				// otherwise).
				n := groups[keys[whole]].people
				for i, g := range gs {
					if partition || i == u {
						n -= groups[keys[g]].people
					}
				}
				nIDs, bIDs := make([]secret.ID, len(ms[whole])), make([]secret.ID, len(ms[whole]))
				for i := range ms[whole] {
					nIDs[i], bIDs[i] = remainderAt(restN[i], u), remainderAt(restB[i], u)
				}
				tie(t, ms[whole], restP[u], n, nIDs, bIDs)
			}
		}
		across("territoire", true)
		across("cohorte", true)
		across("public", false)
	}
	return t, people, ms
}

// publishGroups publishes the groups as one report under the statistical
// secret (package secret), with the relations a reader can subtract along:
//   - inside a group, every count and every base of people is a part of the
//     group's people, and every numerator a part of its base (complements
//     protected: 5 « sorties » out of 6 people discloses the sixth);
//   - territories and cohorts partition the whole population (people with
//     no territory or no cohort are a protected remainder), quantity by
//     quantity;
//   - publics overlap: each public's quantity is a part of the whole's;
//   - the people outside a dimension's groups (a partition's remainder, a
//     public's complement) are tied like a group: each of their quantities
//     is a part of their people (so that 30 = 10 + 20 people, which proves
//     nobody outside the territories, also proves nobody outside counts
//     in any quantity: issue 11, item 1, follow-up).
//
// A rate is published only when its numerator and base are, a median only
// when its base is, and a group whose people are secret publishes nothing.
func publishGroups(keys [][2]string, groups map[[2]string]*accumulator, threshold int) []Group {
	// A group whose people are secret is withheld whole: its people
	// secret, its measures hidden cells. Which groups: first those whose
	// people are secret in the table of the people alone (small groups,
	// and those that would give a small one back by difference); then the
	// whole table is protected, its groups' people kept when other cells
	// suffice (Keep), and built again from the start, with more groups
	// withheld, whenever protection made more groups' people secret (so
	// that no cell stays suppressed for a group that is withheld after
	// all). The set only grows: at most len(keys) rounds.
	withheld := make([]bool, len(keys))
	for g, k := range keys {
		if n := groups[k].people; n > 0 && n < threshold {
			withheld[g] = true
		}
	}
	secretPeople(keys, groups, threshold, withheld)
	var (
		t      *secret.Table
		people []secret.ID
		ms     [][]measure
	)
	for {
		t, people, ms = buildTable(keys, groups, threshold, withheld)
		if !slices.Contains(withheld, false) {
			break // every group withheld: nothing is published
		}
		t.Protect()
		grown := false
		for g := range keys {
			if t.Secret(people[g]) && !withheld[g] {
				withheld[g], grown = true, true
			}
		}
		if !grown {
			break
		}
	}
	out := make([]Group, 0, len(keys))
	for g, k := range keys {
		grp := Group{Dimension: k[0], Key: k[1]}
		if t.Secret(people[g]) {
			grp.Suppressed = true
			out = append(out, grp)
			continue
		}
		grp.People = intp(groups[k].people)
		grp.Values = IndicatorValues{"entrants": {Count: intp(groups[k].people)}}
		for _, m := range ms[g] {
			v := Value{Suppressed: true}
			switch m.kind {
			case "effectif":
				if !t.Secret(m.nID) {
					v = Value{Count: intp(m.n)}
				}
			case "taux":
				if !t.Secret(m.nID) && !t.Secret(m.bID) && m.base > 0 {
					r := float64(m.n) / float64(m.base)
					v = Value{Count: intp(m.n), Base: intp(m.base), Rate: &r}
				}
			case "mediane":
				if !t.Secret(m.bID) && m.hist != nil && m.hist.n > 0 {
					med := m.hist.median()
					v = Value{Base: intp(m.base), Median: &med}
				}
			}
			grp.Values[m.ind] = v
		}
		out = append(out, grp)
	}
	return out
}

func intp(n int) *int { return &n }

// remainderAt returns ids[u], or -1 when the quantity has no cell.
func remainderAt(ids []secret.ID, u int) secret.ID {
	if u < len(ids) {
		return ids[u]
	}
	return -1
}

// tie records the relations inside one group of people (a published group,
// or the people outside the groups of a dimension) whose cells are people
// (n people) and, for each measure i of ms, nIDs[i] (count or numerator,
// −1 for a median) and bIDs[i] (base, −1 for a count): every count and
// every base of people is a part of the people, every numerator a part of
// its base. A base that is not of people (prescriptions) is tied to the
// people only when there are none (no people, no prescriptions): a reader
// who proves a group empty knows it has no prescriptions, a bound the
// linear table cannot state otherwise.
func tie(t *secret.Table, ms []measure, peopleID secret.ID, n int, nIDs, bIDs []secret.ID) {
	part := func(base, count secret.ID) {
		if base >= 0 && count >= 0 {
			t.Part(base, count)
		}
	}
	for i, m := range ms {
		nID, bID := nIDs[i], bIDs[i]
		switch m.kind {
		case "effectif":
			part(peopleID, nID)
		case "taux":
			part(bID, nID)
			if m.ofPeople || n == 0 {
				part(peopleID, bID)
			}
		case "mediane":
			part(peopleID, bID)
		}
	}
}
