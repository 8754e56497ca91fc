package carnet

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Conflict is a contribution that a merge could not keep in place because
// the other carnet held a different value for the same item: it is kept
// here, with its provenance, for a référent to decide.
type Conflict struct {
	// Pointeur JSON de l'élément en conflit dans le carnet fusionné.
	Path string `json:"chemin" jsonschema:"minLength=1,maxLength=300"`
	// Carnet d'où vient la valeur écartée.
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
	// Valeur écartée (la valeur retenue est dans le carnet).
	Value json.RawMessage `json:"valeur_ecartee"`
}

// Fault types of merges.
var (
	FaultMergePerson   = &spie.FaultType{Code: "CARNET-FUSION-01", Severity: spie.SeverityError, FR: "les carnets %q et %q ne concernent pas la même personne", EN: "carnets %q and %q do not concern the same person", Source: "fusion des carnets de socle : une personne, un carnet"}
	FaultMergeConflict = &spie.FaultType{Code: "CARNET-FUSION-10", Severity: spie.SeverityWarning, FR: "valeurs différentes dans les deux carnets : la valeur de %q est conservée à part", EN: "different values in the two carnets: the value from %q is kept aside", Source: "fusion des carnets de socle : aucune donnée perdue, les valeurs divergentes sont conservées"}
	FaultMergeUnproven = &spie.FaultType{Code: "CARNET-FUSION-12", Severity: spie.SeverityError, FR: "le carnet %q ferait entrer un référent ou une habilitation sans journal qui en prouve la désignation : une fusion ne désigne personne", EN: "carnet %q would bring in a case worker or an authorisation without a journal proving its designation: a merge appoints nobody", Source: "RULES.md §8 (référent unique, désigné par l'orientation) ; journal du carnet de socle : la désignation d'un référent apporté par une fusion est prouvée par le journal du carnet d'où il vient (attaque « référent par fusion », issue 16)"}
	FaultMergeWrites   = &spie.FaultType{Code: "CARNET-FUSION-13", Severity: spie.SeverityError, FR: "la fusion changerait la section %s du carnet %q, que son auteur ne peut pas y écrire, avec des valeurs écrites par sa propre structure", EN: "the merge would change section %s of carnet %q, which its author may not write there, with values its own organisation wrote", Source: "RULES.md §10 (droits par section) ; une fusion n'écrit dans un carnet que ce que son auteur pourrait y écrire, ou ce que le journal de l'autre carnet prouve écrit par d'autres (issue 16)"}
	FaultMergeStale    = &spie.FaultType{Code: "CARNET-FUSION-14", Severity: spie.SeverityError, FR: "les deux carnets portent deux états différents de la chaîne %q : fusionner un carnet avec une autre version de lui-même est refusé", EN: "both carnets hold different states of chain %q: merging a carnet with another version of itself is refused", Source: "journal du carnet de socle : une chaîne n'a qu'une suite d'événements ; une copie ancienne ne doit pas défaire ce qui a été écrit depuis (issue 16)"}
	FaultMergeReferent = &spie.FaultType{Code: "CARNET-FUSION-11", Severity: spie.SeverityWarning, FR: "après fusion, %d référents sont actifs en même temps : désignez le référent unique", EN: "after merging, %d case workers are active at once: appoint the single one", Source: "RULES.md §8 : référent unique, à désigner après une fusion"}
)

// Merge merges two carnets of the same person (two structures started one
// each), as actor on day: the actor needs write access to the members
// section of both carnets (Authorize: identified, active member, consent),
// and may not become référent of either through the merge (a référent of
// one carnet who designates the actor, when the actor is not already a
// référent of the other, is refused: CARNET-DROITS-07). Every item and every
// event is kept with its provenance. Items are identified by their origin
// carnet and local id (origine, id): two items sharing a local id but from
// different carnets are both kept. When the same item differs, the value
// written by the earlier journal entry stays in place (for each value, the
// latest event of the carnet's journal that wrote it, or the creation that
// held it; a value no entry wrote loses to one that an entry wrote; equal
// dates: the smaller canonical JSON, byte order) and the other goes to the
// conflicts with the chain that wrote it; never by content size. The
// earlier entry date is kept and a later one recorded in the conflicts
// (/date_entree); of two diagnostics, the later one (by its date) is in
// force and the other recorded. A warning fault is reported per conflict.
// Merge is commutative, idempotent on content, and gives the same result
// whatever the order and grouping of several merges. The merged carnet
// keeps the smaller id and lists the other in carnets_fusionnes.
//
// A merge designates nobody (issue 16, « référent par fusion »): when a
// carnet brings into the other a référent active on day that the other has
// not (same structure and professional), the actor needs Designate in the
// receiving carnet, or else that référent must have been designated in its
// own carnet by someone allowed to: the bringing carnet's journal must
// replay with its rights, its creation included (CheckJournal; with
// WithTrust, VerifyCarnet with the partner's checkpoints and keys), a
// carnet without journal brings no référent (CARNET-FUSION-12), and
// neither the référent nor its designation may come from the actor's own
// structure (CARNET-DROITS-07: a structure cannot appoint, through a
// duplicate it opened or wrote a designation in, what it may not appoint
// in the receiving carnet). A member
// marked acces_nir brought into a carnet where no such record is active is
// a grant of the NIR: the actor must already be authorised for it there
// (CARNET-NIR-01). Without keys, the journal proves who wrote an entry
// only as far as the partners' servers do (see the package doc).
func Merge(a, b *Carnet, actor Actor, day spie.Date, opts ...Option) (*Carnet, spie.Faults) {
	if a.Person.ID != b.Person.ID {
		return nil, spie.Faults{FaultMergePerson.At(spie.Pointer("personne", "id"), a.ID, b.ID)}
	}
	out, fs, f := DefaultRights.authorizeMerge(a, b, actor, day, newSettings(opts), false)
	if f != nil {
		return nil, spie.Faults{*f}
	}
	return out, fs
}

// authorizeMerge checks the rights of a merge of a and b by actor on day
// (see Merge). proven says that both journals were already replayed with
// their rights (Replay merging its chains). When the merge is authorised it
// returns the merged carnet and the merge's faults (the merge computed once
// for the checks is the result).
func (m RightsMatrix) authorizeMerge(a, b *Carnet, actor Actor, day spie.Date, s settings, proven bool) (*Carnet, spie.Faults, *spie.Fault) {
	for _, c := range []*Carnet{a, b} {
		if f := m.Authorize(c, actor, SectionMembres, AccessWrite, day); f != nil {
			return nil, nil, f
		}
	}
	// the merged carnet, computed once for every check below
	out, merged := merge(a, b)
	// A merge that modifies or ends a référent item of either carnet (the
	// value an earlier entry of the other carnet wrote wins) designates
	// in that carnet: the actor needs Designate there.
	if out != nil {
		for _, c := range []*Carnet{a, b} {
			for _, mb := range c.Members {
				if mb.Role != RoleReferent {
					continue
				}
				origin := mb.Origin
				if origin == "" {
					origin = c.ID
				}
				var after *Member
				for i := range out.Members {
					if o := out.Members[i]; o.ID == mb.ID && (o.Origin == origin || (o.Origin == "" && origin == out.ID)) {
						after = &out.Members[i]
						break
					}
				}
				if after != nil && after.Role == mb.Role && after.StructureSIRET == mb.StructureSIRET &&
					after.Professional == mb.Professional && after.End == mb.End && after.Start == mb.Start {
					continue
				}
				before := mb
				if f := m.Designate(c, actor, &before, after, day); f != nil {
					return nil, nil, f
				}
			}
		}
	}
	for _, p := range [][2]*Carnet{{a, b}, {b, a}} {
		into, from := p[0], p[1]
		if isReferent(into, actor, day) {
			continue
		}
		for _, mb := range from.Members {
			if mb.Role == RoleReferent && (mb.End.IsZero() || !mb.End.Before(day)) && isActor(mb, actor) {
				f := FaultRightsSelf.At(spie.Pointer(string(SectionMembres)))
				return nil, nil, &f
			}
		}
	}
	for _, p := range [][2]*Carnet{{a, b}, {b, a}} {
		if f := m.authorizeBrought(p[0], p[1], actor, day, s, proven); f != nil {
			return nil, nil, f
		}
	}
	if f := sameChains(a, b); f != nil {
		return nil, nil, f
	}
	if out != nil {
		for _, p := range [][2]*Carnet{{a, b}, {b, a}} {
			if f := m.authorizeParts(p[0], p[1], out, actor, day, s, proven); f != nil {
				return nil, nil, f
			}
		}
	}
	return out, merged, nil
}

// sameChains refuses two carnets that hold different states of the same
// chain (an older copy of a carnet merged with the carnet: the earlier
// entries would undo what was written since, CARNET-FUSION-14). The same
// chain, event for event, is fine: merging is idempotent.
func sameChains(a, b *Carnet) *spie.Fault {
	chain := func(c *Carnet) map[string][]string {
		out := map[string][]string{}
		for _, e := range c.Journal {
			out[e.Carnet] = append(out[e.Carnet], e.Hash)
		}
		return out
	}
	ca, cb := chain(a), chain(b)
	ids := make([]string, 0, len(ca))
	for id := range ca {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		hb, ok := cb[id]
		if !ok {
			continue
		}
		if strings.Join(ca[id], ",") != strings.Join(hb, ",") {
			f := FaultMergeStale.At(spie.Pointer("journal"), id)
			return &f
		}
	}
	return nil
}

// authorizeParts checks what a merge by actor on day writes into into
// (out is the merged carnet): for each part of Parts whose value differs
// between into and out, the actor must be allowed to write it in into
// (Authorize, and the health section when the values hold health data),
// or the values must come from from's journal, replayed with its rights
// (CheckJournal, or VerifyCarnet WithTrust; proven: already replayed), in
// which no entry of the actor's structure wrote that part, its creation
// included (CARNET-FUSION-13): a merge writes nothing its author could
// not write, be it a consent, the person or the diagnostic.
func (m RightsMatrix) authorizeParts(into, from, out *Carnet, actor Actor, day spie.Date, s settings, proven bool) *spie.Fault {
	before, after := partValues(into), partValues(out)
	var need []Part
	for _, p := range Parts {
		if mapsEqual(before[p.Target], after[p.Target]) {
			continue
		}
		ok := m.Authorize(into, actor, p.Section, AccessWrite, day) == nil
		if ok && (p.ops.has(into) || p.ops.has(out)) {
			ok = m.Authorize(into, actor, healthSection(p.Target), AccessWrite, day) == nil
		}
		if !ok {
			need = append(need, p)
		}
	}
	if len(need) == 0 {
		return nil
	}
	path := spie.Pointer(need[0].Fields[0])
	if f := proveJournal(from, path, s, proven); f != nil {
		return f
	}
	if actor.Role == RoleUsager {
		return nil
	}
	for _, e := range from.Journal {
		if e.Actor.StructureSIRET != actor.StructureSIRET {
			continue
		}
		for _, p := range need {
			if e.Op == OpCreate || e.Target == p.Target {
				f := FaultMergeWrites.At(spie.Pointer(p.Fields[0]), Sections.LabelOf(string(p.Section)), into.ID)
				return &f
			}
		}
	}
	return nil
}

// partValues returns, for each part of c, its values by key: the canonical
// JSON of a single part's fields under "", of each list item under its
// origine and id (an item without origine is c's).
func partValues(c *Carnet) map[Target]map[string]string {
	out := map[Target]map[string]string{}
	b, err := json.Marshal(c)
	if err != nil {
		return out
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(b, &doc) != nil {
		return out
	}
	for _, p := range Parts {
		vals := map[string]string{}
		if !p.List {
			var sb strings.Builder
			for _, f := range p.Fields {
				sb.WriteString(f + "=" + string(compact(doc[f])) + ";")
			}
			vals[""] = sb.String()
			out[p.Target] = vals
			continue
		}
		var items []map[string]any
		_ = json.Unmarshal(doc[p.Fields[0]], &items)
		for _, it := range items {
			o, _ := it["origine"].(string)
			if o == "" {
				o = c.ID
				it["origine"] = o
			}
			id, _ := it["id"].(string)
			vals[o+"\x00"+id] = string(canon(it))
		}
		out[p.Target] = vals
	}
	return out
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// authorizeBrought checks what from brings into into through a merge by
// actor on day (see Merge): référents and NIR authorisations.
func (m RightsMatrix) authorizeBrought(into, from *Carnet, actor Actor, day spie.Date, s settings, proven bool) *spie.Fault {
	path := spie.Pointer(string(SectionMembres))
	// a member record counts from the day of the merge on: active that
	// day or starting later (a référent or a mark dated after the merge
	// is brought as much as one active at once)
	current := func(mb Member) bool { return mb.End.IsZero() || !mb.End.Before(day) }
	has := func(mb Member, nir bool) bool {
		for _, x := range into.Members {
			if x.Role == mb.Role && x.StructureSIRET == mb.StructureSIRET && x.Professional == mb.Professional && x.ActiveOn(day) && (!nir || x.AccessNIR) &&
				!x.Start.After(mb.Start) && (x.End.IsZero() || (!mb.End.IsZero() && !x.End.Before(mb.End))) {
				return true
			}
		}
		return false
	}
	needsProof := false
	for _, mb := range from.Members {
		if !current(mb) {
			continue
		}
		if mb.AccessNIR && !has(mb, true) && (actor.Role == RoleUsager || !m.MayReadNIR(into, Viewer{Actor: actor, On: day})) {
			f := FaultNIRGrant.At(path)
			return &f
		}
		if mb.Role != RoleReferent || has(mb, false) {
			continue
		}
		r := mb
		f := m.Designate(into, actor, nil, &r, day)
		if f == nil {
			continue
		}
		if f.Code == FaultRightsSelf.Code || (actor.Role != RoleUsager && mb.StructureSIRET == actor.StructureSIRET) {
			self := FaultRightsSelf.At(path)
			return &self
		}
		needsProof = true
	}
	if !needsProof {
		return nil
	}
	if f := proveJournal(from, path, s, proven); f != nil {
		return f
	}
	// the designation must not come from the actor's structure: a
	// structure that opened the bringing carnet, or designated a référent
	// in it, would appoint through the merge what it may not appoint here
	for _, e := range from.Journal {
		if e.Actor.StructureSIRET != actor.StructureSIRET || actor.Role == RoleUsager {
			continue
		}
		if e.Op == OpCreate || (e.Target == TargetMembres && (isReferentRecord(e.Before) || isReferentRecord(e.After))) {
			f := FaultRightsSelf.At(path)
			return &f
		}
	}
	return nil
}

// proveJournal checks that from's journal proves its content (see
// Merge): present (CARNET-FUSION-12 at path otherwise), and, unless proven
// (already replayed by Replay), replayed with its rights (CheckJournal) or,
// WithTrust, verified against the partner's checkpoints and keys.
func proveJournal(from *Carnet, path string, s settings, proven bool) *spie.Fault {
	if len(from.Journal) == 0 {
		f := FaultMergeUnproven.At(path, from.ID)
		return &f
	}
	if proven {
		return nil
	}
	var fs spie.Faults
	if s.trust != nil {
		fs = VerifyCarnet(from, *s.trust)
	} else {
		fs = from.CheckJournal()
	}
	if errs := fs.Errors(); len(errs) > 0 {
		f := errs[0]
		return &f
	}
	return nil
}

// isReferentRecord reports whether b is a member record in the référent role.
func isReferentRecord(b json.RawMessage) bool {
	mb := memberOf(b)
	return mb != nil && mb.Role == RoleReferent
}

// isReferent reports whether actor is a référent of c active on day.
func isReferent(c *Carnet, actor Actor, day spie.Date) bool {
	for _, mb := range c.Members {
		if mb.Role == RoleReferent && mb.ActiveOn(day) && isActor(mb, actor) {
			return true
		}
	}
	return false
}

// merge merges a and b without rights checks (Merge checks them; Replay
// checks those of the fusion event).
func merge(a, b *Carnet) (*Carnet, spie.Faults) {
	if a.Person.ID != b.Person.ID {
		return nil, spie.Faults{FaultMergePerson.At(spie.Pointer("personne", "id"), a.ID, b.ID)}
	}
	x, y := a, b
	if y.ID < x.ID || (y.ID == x.ID && string(canon(y)) < string(canon(x))) {
		x, y = y, x
	}
	var fs spie.Faults
	out := x.cloneContent()
	events := unionJournal(x, y)
	m := &merger{out: out, index: map[*Carnet]*journalIndex{}, all: &Carnet{Journal: events}}
	for _, p := range Parts {
		p.ops.merge(m, p, out, x, y)
	}
	merged := map[string]bool{x.ID: true, y.ID: true}
	for _, id := range append(append([]string(nil), x.Merged...), y.Merged...) {
		merged[id] = true
	}
	delete(merged, out.ID)
	out.Merged = nil
	for id := range merged {
		out.Merged = append(out.Merged, id)
	}
	sort.Strings(out.Merged)

	out.Journal = events

	out.Conflicts = unionConflicts(x.Conflicts, y.Conflicts, m.conflicts)
	for i := range out.Conflicts {
		if o, ok := m.writer(out.Conflicts[i]); ok {
			out.Conflicts[i].Origin = o
		}
	}
	for _, c := range m.conflicts {
		fs = append(fs, FaultMergeConflict.At(c.Path, c.Origin))
	}
	active := map[string]bool{}
	for _, mb := range out.Members {
		if mb.Role == RoleReferent && mb.End.IsZero() {
			active[mb.Origin+"\x00"+mb.ID] = true
		}
	}
	if len(active) > 1 {
		fs = append(fs, FaultMergeReferent.At(spie.Pointer("membres"), len(active)))
	}
	fs.Sort()
	return out, fs
}

// MergeRecorded merges b into a as Merge does (actor's rights checked on
// the day of at on the person's calendar: spie.DateIn with a's commune,
// as Apply judges membership), then records the merge in the journal of the merged
// carnet (operation fusionner, by actor, at at), so that changes made after
// the merge replay exactly and Replay re-checks the merge's rights. It refuses a merge
// dated before the last event of either carnet, or more than MaxClockSkew
// after the clock (WithClock, time.Now by default; CARNET-CHANGE-07).
func MergeRecorded(a, b *Carnet, actor Actor, at time.Time, opts ...Option) (*Carnet, spie.Faults) {
	at = at.UTC()
	for _, c := range []*Carnet{a, b} {
		if n := len(c.Journal); at.IsZero() || (n > 0 && at.Before(c.Journal[n-1].At)) {
			return nil, spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
		}
	}
	if fs := checkTime(at, newSettings(opts)); len(fs) > 0 {
		return nil, fs
	}
	out, fs := Merge(a, b, actor, spie.DateIn(at, string(a.Person.Commune)), opts...)
	if out == nil {
		return nil, fs
	}
	absorbed := chainIDs(a, b, out.ID)
	after, _ := json.Marshal(absorbed)
	e := Event{Carnet: out.ID, At: at, Actor: actor, Op: OpMerge, Target: TargetCarnet, After: after}
	if last, ok := out.chainHead(out.ID); ok {
		e.Seq, e.Prev = last.Seq+1, last.Hash
	}
	e.Hash = e.ComputeHash()
	out.Journal = append(out.Journal, e)
	return out, fs
}

// unionJournal returns the events of a and b, each once, in order of time,
// then chain, then rank.
func unionJournal(x, y *Carnet) []Event {
	seen := map[string]int{}
	var events []Event
	for _, e := range append(append([]Event(nil), x.Journal...), y.Journal...) {
		if i, ok := seen[e.Hash]; ok {
			events[i] = withSignature(events[i], e)
			continue
		}
		seen[e.Hash] = len(events)
		events = append(events, e)
	}
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].At.Equal(events[j].At) {
			return events[i].At.Before(events[j].At)
		}
		if events[i].Carnet != events[j].Carnet {
			return events[i].Carnet < events[j].Carnet
		}
		return events[i].Seq < events[j].Seq
	})
	return events
}

// chainIDs returns the chains of a and b other than keep, sorted.
func chainIDs(a, b *Carnet, keep string) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range []*Carnet{a, b} {
		for _, e := range c.Journal {
			if e.Carnet != keep && !seen[e.Carnet] {
				seen[e.Carnet] = true
				out = append(out, e.Carnet)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Cloned returns a deep copy of the carnet.
func (c *Carnet) Cloned() *Carnet { return c.cloneContent() }

type merger struct {
	out       *Carnet
	conflicts []Conflict
	index     map[*Carnet]*journalIndex
	// all holds the journal of both carnets merged: the entries of values
	// are looked up there, whichever carnet holds the value.
	all *Carnet
}

func (m *merger) conflict(path, origin string, v any) {
	b, _ := json.Marshal(v)
	m.conflicts = append(m.conflicts, Conflict{Path: path, Origin: origin, Value: b})
}

// journalIndex finds the entries of a carnet's journal that wrote a value.
type journalIndex struct {
	c       *Carnet
	byItem  map[string][]int // target + "\x00" + item id (lists) → events, in order
	creates []int
	inits   map[int]*Carnet
}

func (m *merger) journal(c *Carnet) *journalIndex {
	if ix, ok := m.index[c]; ok {
		return ix
	}
	ix := &journalIndex{c: c, byItem: map[string][]int{}, inits: map[int]*Carnet{}}
	for i, e := range c.Journal {
		switch {
		case e.Target == TargetCarnet && e.Op == OpCreate:
			ix.creates = append(ix.creates, i)
		case e.Op != OpRemove && e.Target != TargetCarnet:
			id := e.ItemID
			if !isList(e.Target) {
				id = ""
			}
			k := string(e.Target) + "\x00" + id
			ix.byItem[k] = append(ix.byItem[k], i)
		}
	}
	m.index[c] = ix
	return ix
}

// entry is the journal entry that wrote a value: when, in which chain.
type entry struct {
	at    time.Time
	chain string
	ok    bool
}

// entryOf returns the entry of a value of target t (item id for lists),
// want being its canonical JSON: among the events of the journal of both
// carnets merged (m.all, whichever carnet holds the value) whose
// value after is want (decoded as T) and the creations whose initial
// content holds it (inInit), the earliest date and the smallest chain id —
// a function of the set of entries, so that merges in any order agree.
func entryOf[T any](m *merger, _ *Carnet, t Target, id string, want []byte, inInit func(*Carnet) bool) entry {
	c := m.all
	ix := m.journal(c)
	var out entry
	add := func(e Event) {
		if !out.ok || e.At.Before(out.at) {
			out.at = e.At
		}
		if !out.ok || e.Carnet < out.chain {
			out.chain = e.Carnet
		}
		out.ok = true
	}
	for _, i := range ix.byItem[string(t)+"\x00"+id] {
		e := c.Journal[i]
		var v T
		if json.Unmarshal(e.After, &v) == nil && bytes.Equal(canon(v), want) {
			add(e)
		}
	}
	for _, i := range ix.creates {
		init, ok := ix.inits[i]
		if !ok {
			init = &Carnet{}
			if json.Unmarshal(c.Journal[i].After, init) != nil {
				init = nil
			}
			ix.inits[i] = init
		}
		if init != nil && inInit(init) {
			add(c.Journal[i])
		}
	}
	return out
}

// firstWins reports whether the value of entry ea (canonical JSON ja) stays
// in place against eb (jb): written by an entry rather than by none, then
// the earlier entry, then the smaller canonical JSON.
func firstWins(ea, eb entry, ja, jb []byte) bool {
	switch {
	case ea.ok != eb.ok:
		return ea.ok
	case ea.ok && !ea.at.Equal(eb.at):
		return ea.at.Before(eb.at)
	}
	return bytes.Compare(ja, jb) <= 0
}

// provenance is the chain that wrote a value, else the carnet holding it.
func provenance(e entry, c *Carnet) string {
	if e.ok {
		return e.chain
	}
	return c.ID
}

// pick keeps the value of the earlier entry (firstWins) and records the
// other in the conflicts at path; entry finds a value's entry in a carnet.
func pick[T any](m *merger, path string, a T, ca *Carnet, b T, cb *Carnet, entry func(*Carnet, T, []byte) entry) T {
	ja, jb := canon(a), canon(b)
	if bytes.Equal(ja, jb) {
		return a
	}
	ea, eb := entry(ca, a, ja), entry(cb, b, jb)
	if firstWins(ea, eb, ja, jb) {
		m.conflict(path, provenance(eb, cb), b)
		return a
	}
	m.conflict(path, provenance(ea, ca), a)
	return b
}

// mergeList keeps the items of x in order, then those of y not in x; items
// are identified by (origin, id); the same item with different values keeps
// the earlier entry's (pick).
func mergeList[T any](m *merger, p Part, l list[T], x, y *Carnet) []T {
	key := func(v T) (string, string) {
		id, origin := l.ref(&v)
		return *origin + "\x00" + *id, *id
	}
	entry := func(c *Carnet, v T, j []byte) entry {
		_, id := key(v)
		return entryOf[T](m, c, p.Target, id, j, func(init *Carnet) bool {
			for _, w := range *l.field(init) {
				if l.id(w) == id && bytes.Equal(canon(w), j) {
					return true
				}
			}
			return false
		})
	}
	out := append([]T(nil), *l.field(x)...)
	index := map[string]int{}
	for i, v := range out {
		k, _ := key(v)
		index[k] = i
	}
	added := false
	for _, v := range *l.field(y) {
		k, id := key(v)
		i, ok := index[k]
		if !ok {
			index[k] = len(out)
			out = append(out, v)
			added = true
			continue
		}
		out[i] = pick(m, spie.Pointer(p.Fields[0], id), out[i], x, v, y, entry)
	}
	if len(out) == 0 {
		return nil
	}
	if added {
		// items grouped by origin carnet, each carnet's in its order: the
		// same list whatever the order and grouping of merges
		sort.SliceStable(out, func(i, j int) bool {
			_, oi := l.ref(&out[i])
			_, oj := l.ref(&out[j])
			return *oi < *oj
		})
	}
	return out
}

// writer returns the smallest chain among the entries of the merged
// journal that wrote the value set aside by k (compared as canonical JSON):
// the provenance of a conflict, whatever the order of the merges that set
// it aside. False when no entry wrote it (a carnet without journal).
func (m *merger) writer(k Conflict) (string, bool) {
	p, rest, ok := partAt(k.Path)
	if !ok {
		return "", false
	}
	want := string(compact(k.Value))
	id := ""
	if p.List && len(rest) > 0 {
		id = rest[0]
	}
	field := strings.TrimPrefix(k.Path, "/")
	if p.List {
		field = p.Fields[0]
	}
	best, found := "", false
	note := func(chain string) {
		if !found || chain < best {
			best, found = chain, true
		}
	}
	for _, e := range m.all.Journal {
		switch {
		case e.Target == TargetCarnet && e.Op == OpCreate:
			var init map[string]json.RawMessage
			if json.Unmarshal(e.After, &init) != nil {
				continue
			}
			if !p.List {
				if string(compact(init[field])) == want {
					note(e.Carnet)
				}
				continue
			}
			var items []json.RawMessage
			_ = json.Unmarshal(init[field], &items)
			for _, it := range items {
				if string(compact(it)) == want {
					note(e.Carnet)
				}
			}
		case e.Target == p.Target && e.Op != OpRemove && (!p.List || e.ItemID == id) && field != "cohorte" && field != "date_entree":
			if string(compact(e.After)) == want {
				note(e.Carnet)
			}
		}
	}
	return best, found
}

// unionConflicts joins conflict lists: one record per path and value set
// aside, with the smallest origin among those recorded for it.
func unionConflicts(lists ...[]Conflict) []Conflict {
	seen := map[string]int{}
	var out []Conflict
	for _, l := range lists {
		for _, c := range l {
			c.Value = compact(c.Value)
			k := c.Path + "\x00" + string(c.Value)
			i, ok := seen[k]
			switch {
			case !ok:
				seen[k] = len(out)
				out = append(out, c)
			case c.Origin < out[i].Origin:
				out[i].Origin = c.Origin
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return string(out[i].Value) < string(out[j].Value)
	})
	return out
}

func canon(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func minDate(a, b spie.Date) spie.Date {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}
