package schemas

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/spie-fr/socle/spie"
)

// All faults in one pass: when the schema refuses a document that could be
// read (its faults are all SCHEMA- faults), the kind's Go rules still run,
// on the document without the members the schema refused, so that a data
// officer sees every fault at once instead of fixing them in waves. Both
// paths of Validate share this step, so they keep giving the same faults.
//
// The rules' inputs that are missing or invalid are skipped: every member
// holding a schema fault is removed before the typed decode (the member of
// the nearest enclosing object, so that array indices, and the paths of the
// rules' faults, do not move), and a rule fault at or under a removed
// member or the path of a schema fault (a missing member) is dropped (it
// would repeat the schema's fault with a zero value). A rule that fails on the partial
// document (a panic) gives no fault: the schema's faults stand alone.

// onRulePanic is told of a rule that panicked on a partial document (the
// tests make it fail; Validate itself carries on).
var onRulePanic = func(kind string, v any) {}

// withRules returns the schema faults fs of data completed with the rule
// faults of the partial document (sorted). decoded, when not nil, is data
// as the fast decoder read it: when the schema only found missing and
// unknown members, nothing is to be removed and it serves as is (both
// decoders skip unknown members).
func withRules(k Kind, data []byte, fs spie.Faults, ctx Context, decoded any) spie.Faults {
	fs.Sort()
	onlyMembers := true
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "SCHEMA-") {
			return fs
		}
		if f.Code != FaultRequired.Code && f.Code != FaultAdditional.Code {
			onlyMembers = false
		}
	}
	if decoded != nil && onlyMembers {
		return mergeRules(fs, checkSafely(k, decoded, ctx), faultPaths(fs))
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return fs
	}
	removed := make([]string, 0, 2*len(fs))
	for _, f := range fs {
		removed = append(removed, f.Path)
		if p, ok := pruneAt(tree, f.Path); ok {
			removed = append(removed, p)
		}
	}
	if _, ok := tree.(map[string]any); !ok {
		return fs // the document itself is refused
	}
	tree, _, nf := fitNumbers(tree, k.Type())
	if len(nf) > 0 {
		return fs
	}
	b, err := json.Marshal(tree)
	if err != nil {
		return fs
	}
	doc := k.New()
	if err := json.Unmarshal(b, doc); err != nil {
		return fs
	}
	return mergeRules(fs, checkSafely(k, doc, ctx), removed)
}

// withRules is withRules for the fast path, whose decoder already left
// doc partial as pruneAt leaves the generic tree (the members holding a
// schema fault at their zero value, their pointers in p.removed): the rules
// run on doc, with no second decode. The generic tree serves only where the
// decoder could not follow pruneAt (p.oddPath).
func (p partial) withRules(k Kind, data []byte, fs spie.Faults, ctx Context, doc any) spie.Faults {
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "SCHEMA-") {
			return fs
		}
	}
	if p.oddPath {
		return withRules(k, data, fs, ctx, doc)
	}
	if p.root || p.unstored {
		// The document itself is refused, or encoding/json would refuse
		// the pruned tree: the schema's faults stand alone.
		return fs
	}
	return mergeRules(fs, checkSafely(k, doc, ctx), append(faultPaths(fs), p.removed...))
}

// faultPaths lists the paths of the faults.
func faultPaths(fs spie.Faults) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Path
	}
	return out
}

// mergeRules adds to the schema faults fs the rule faults that are not
// hidden by a removed member or a schema fault's path (sorted).
func mergeRules(fs, rules spie.Faults, removed []string) spie.Faults {
	out := append(spie.Faults(nil), fs...)
	for _, r := range rules {
		if !hidden(r.Path, removed) {
			out = append(out, r)
		}
	}
	out.Sort()
	return out
}

// checkSafely runs the kind's rules, reporting a panic as no fault.
func checkSafely(k Kind, doc any, ctx Context) (fs spie.Faults) {
	defer func() {
		if v := recover(); v != nil {
			onRulePanic(k.Name, v)
			fs = nil
		}
	}()
	return k.Check(doc, ctx)
}

// hidden reports whether path is a removed member or a schema fault's path,
// or under one.
func hidden(path string, removed []string) bool {
	for _, r := range removed {
		if path == r || strings.HasPrefix(path, r+"/") {
			return true
		}
	}
	return false
}

// pruneAt removes from tree the member that holds the value at the JSON
// Pointer path: the last member name of the path whose parent is an object
// (a value inside an array removes the array's member). It returns the
// pointer of the removed member; ok is false when nothing was removed (the
// member is absent, or path is the root).
func pruneAt(tree any, path string) (string, bool) {
	if path == "" {
		return "", false
	}
	toks := strings.Split(path[1:], "/")
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	// Walk down, remembering the last object and the member taken from it.
	var lastObj map[string]any
	lastAt := -1
	cur := tree
	for i, t := range toks {
		if cur == nil {
			break
		}
		switch c := cur.(type) {
		case map[string]any:
			lastObj, lastAt = c, i
			cur = c[t]
		case []any:
			n, err := strconv.Atoi(t)
			if err != nil || n < 0 || n >= len(c) {
				cur = nil
				break
			}
			cur = c[n]
		default:
			cur = nil
		}
	}
	if lastObj == nil || lastAt < 0 {
		return "", false
	}
	name := toks[lastAt]
	if _, ok := lastObj[name]; !ok {
		return "", false
	}
	delete(lastObj, name)
	return spie.Pointer(anySlice(toks[:lastAt+1])...), true
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
