package carnet

import (
	"bytes"
	"encoding/json"
	"sort"
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
	FaultMergePerson   = spie.NewFaultType("CARNET-FUSION-01", spie.SeverityError, "les carnets %q et %q ne concernent pas la même personne", "carnets %q and %q do not concern the same person")
	FaultMergeConflict = spie.NewFaultType("CARNET-FUSION-10", spie.SeverityWarning, "valeurs différentes dans les deux carnets : la valeur de %q est conservée à part", "different values in the two carnets: the value from %q is kept aside")
	FaultMergeReferent = spie.NewFaultType("CARNET-FUSION-11", spie.SeverityWarning, "après fusion, %d référents sont actifs en même temps : désignez le référent unique", "after merging, %d case workers are active at once: appoint the single one")
)

// Merge merges two carnets of the same person (two structures started one
// each). Every item and every event is kept with its provenance; when the
// same item differs, one value is kept in place (the same whatever the
// order of the arguments) and the other in the conflicts, and a warning
// fault is reported. Merge is commutative and idempotent on content. The
// merged carnet keeps the smaller id and lists the other in carnets_fusionnes.
func Merge(a, b *Carnet) (*Carnet, spie.Faults) {
	if a.Person.ID != b.Person.ID {
		return nil, spie.Faults{FaultMergePerson.At(spie.Pointer("personne", "id"), a.ID, b.ID)}
	}
	x, y := a, b
	if y.ID < x.ID || (y.ID == x.ID && string(canon(y)) < string(canon(x))) {
		x, y = y, x
	}
	var fs spie.Faults
	out := x.cloneContent()
	m := &merger{out: out}
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
	out.Journal = events

	out.Conflicts = unionConflicts(x.Conflicts, y.Conflicts, m.conflicts)
	for _, c := range m.conflicts {
		fs = append(fs, FaultMergeConflict.At(c.Path, c.Origin))
	}
	active := map[string]bool{}
	for _, mb := range out.Members {
		if mb.Role == RoleReferent && mb.End.IsZero() {
			active[mb.ID] = true
		}
	}
	if len(active) > 1 {
		fs = append(fs, FaultMergeReferent.At(spie.Pointer("membres"), len(active)))
	}
	fs.Sort()
	return out, fs
}

// MergeRecorded merges b into a as Merge does, then records the merge in
// the journal of the merged carnet (operation fusionner, by actor, at at),
// so that changes made after the merge replay exactly. It refuses a merge
// dated before the last event of either carnet.
func MergeRecorded(a, b *Carnet, actor Actor, at time.Time) (*Carnet, spie.Faults) {
	at = at.UTC()
	for _, c := range []*Carnet{a, b} {
		if n := len(c.Journal); at.IsZero() || (n > 0 && at.Before(c.Journal[n-1].At)) {
			return nil, spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
		}
	}
	out, fs := Merge(a, b)
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
}

func (m *merger) conflict(path, origin string, v any) {
	b, _ := json.Marshal(v)
	m.conflicts = append(m.conflicts, Conflict{Path: path, Origin: origin, Value: b})
}

func (m *merger) pickString(field, a, b, idA, idB string) string {
	switch {
	case a == b || b == "":
		return a
	case a == "":
		return b
	case a < b:
		m.conflict(spie.Pointer(field), idB, b)
		return a
	default:
		m.conflict(spie.Pointer(field), idA, a)
		return b
	}
}

// pickValue keeps the value with the larger canonical JSON; the other is a conflict.
func pickValue[T any](m *merger, path string, a, b T, originB, originA string) T {
	ja, jb := canon(a), canon(b)
	switch c := bytes.Compare(ja, jb); {
	case c == 0:
		return a
	case c > 0:
		m.conflict(path, originB, b)
		return a
	default:
		m.conflict(path, originA, a)
		return b
	}
}

// mergeList keeps the items of x in order, then those of y not in x; an id
// present in both with different values keeps the larger canonical JSON.
func mergeList[T any](m *merger, name string, x, y []T, key func(T) (string, string)) []T {
	out := append([]T(nil), x...)
	index := map[string]int{}
	for i, v := range out {
		id, _ := key(v)
		index[id] = i
	}
	for _, v := range y {
		id, origin := key(v)
		i, ok := index[id]
		if !ok {
			index[id] = len(out)
			out = append(out, v)
			continue
		}
		_, originX := key(out[i])
		out[i] = pickValue(m, spie.Pointer(name, id), out[i], v, origin, originX)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func unionConflicts(lists ...[]Conflict) []Conflict {
	seen := map[string]bool{}
	var out []Conflict
	for _, l := range lists {
		for _, c := range l {
			c.Value = compact(c.Value)
			k := c.Path + "\x00" + c.Origin + "\x00" + string(c.Value)
			if !seen[k] {
				seen[k] = true
				out = append(out, c)
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
