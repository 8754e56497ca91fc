package schemas_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// TestPartialDocumentMatchesPruneAt: on a refused document the fast path
// runs the rules on the decoder's own partial document (the members holding
// a schema fault left at their zero value); the oracle is the former way,
// kept in the test (schemas.ValidateFastOracle): the generic tree pruned by
// pruneAt, marshalled and decoded again. Both must give the same faults on
// every mutated example of every kind on the fast path, and on documents
// mutated twice (a schema fault next to a rule fault, or two schema faults
// one inside the other's member).
func TestPartialDocumentMatchesPruneAt(t *testing.T) {
	for _, k := range schemas.Kinds() {
		if schemas.FastPath(k.Name) != nil {
			continue
		}
		docs := exampleDocs(t, k.Name)
		if len(docs) == 0 {
			continue
		}
		t.Run(k.Name, func(t *testing.T) {
			names := make([]string, 0, len(docs))
			for n := range docs {
				names = append(names, n)
			}
			sort.Strings(names)
			total, mixed := 0, 0
			check := func(name, what string, doc any) bool {
				total++
				b := marshal(t, doc)
				want := schemas.ValidateFastOracle(k.Name, b, diffNow)
				got := schemas.Validate(k.Name, b, diffNow)
				if valueFault(want) && ruleFault(want) {
					mixed++
				}
				require.Zero(t, schemas.RulePanics(), "règle en panique : %s : %s", name, what)
				return assert.Equal(t, verdict(want), verdict(got), "%s: %s\n%s", name, what, b)
			}
			for _, name := range names {
				var root any
				dec := json.NewDecoder(bytes.NewReader(docs[name]))
				dec.UseNumber()
				require.NoError(t, dec.Decode(&root))
				es := valueEdits(root)
				// The diagnostic (the kind the bench measures) in full; the
				// other kinds, whose rules can be slow (the carnet replays
				// its journal), on a smaller sample: TestValidateDifferential
				// compares them all with the interpreter, whose rules run on
				// the tree pruned by pruneAt too.
				n := maxMutations
				if k.Name != "diagnostic" {
					n = maxMutations / 6
				}
				for i, m := range sample(mutations(root), n) {
					if !check(name, m.what, m.doc) {
						return
					}
					// A second change, of a value elsewhere or inside the
					// first one's member (a deterministic spread of them).
					doubles := 2 // the diagnostic, whose fast path the bench measures
					if k.Name != "diagnostic" {
						doubles = 0
						if i%8 == 0 {
							doubles = 1
						}
					}
					for j := 0; j < doubles && len(es) > 0; j++ {
						e := es[(i*7919+j*104729)%len(es)]
						if _, ok := lookup(m.doc, e.path); !ok {
							continue
						}
						if !check(name, m.what+" puis "+e.what, set(m.doc, e.path, e.val)) {
							return
						}
					}
				}
			}
			t.Logf("%s : %d documents, %d avec une faute de valeur du schéma et une faute des règles", k.Name, total, mixed)
			if k.Name == "diagnostic" {
				// The documents where the rules ran on a partial document
				// and found something: the comparison is not vacuous.
				assert.Greater(t, mixed, 50)
			}
		})
	}
}

// valueEdit replaces the value at path with val.
type valueEdit struct {
	what string
	path []any
	val  any
}

// valueEdits lists the replacements of mutations (every value, every way),
// as edits to apply to another document.
func valueEdits(root any) []valueEdit {
	var out []valueEdit
	var walk func(path []any)
	walk = func(path []any) {
		v, _ := lookup(root, path)
		for _, r := range replacements(v) {
			out = append(out, valueEdit{fmt.Sprint(path) + " ← " + r.what, path, r.doc})
		}
		switch x := v.(type) {
		case map[string]any:
			for k := range x {
				walk(append(append([]any(nil), path...), k))
			}
		case []any:
			for i := range x {
				walk(append(append([]any(nil), path...), i))
			}
		}
	}
	walk(nil)
	sort.Slice(out, func(i, j int) bool { return out[i].what < out[j].what }) // maps walk in any order
	return out
}

// lookup is get that tells whether path leads to a value.
func lookup(v any, path []any) (any, bool) {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[k]; !ok {
				return nil, false
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil, false
			}
			v = a[k]
		}
	}
	return v, true
}

// valueFault reports a schema fault on a value (one that removes a member
// from the partial document, unlike a missing or unknown member).
func valueFault(fs spie.Faults) bool {
	for _, f := range fs {
		if strings.HasPrefix(f.Code, "SCHEMA-") && f.Code != schemas.FaultRequired.Code && f.Code != schemas.FaultAdditional.Code {
			return true
		}
	}
	return false
}

// ruleFault reports a fault of the kind's Go rules (neither input nor schema).
func ruleFault(fs spie.Faults) bool {
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "SCHEMA-") && !strings.HasPrefix(f.Code, "INPUT-") {
			return true
		}
	}
	return false
}

// FuzzPartialDocument checks on any input, for every kind on the fast
// path, that the rules run on the decoder's partial document give the
// faults they give on the tree pruned by pruneAt (the oracle).
func FuzzPartialDocument(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"personne":{"nir":"185057800608490","":{"x":1}},"freins":{"mobilite":{"impact":"énorme"}}}`))
	var kinds []string
	for _, k := range schemas.Kinds() {
		if schemas.FastPath(k.Name) == nil {
			kinds = append(kinds, k.Name)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range kinds {
			want := schemas.ValidateFastOracle(k, data, diffNow)
			got := schemas.Validate(k, data, diffNow)
			if verdict(want) != verdict(got) {
				t.Fatalf("%s : document partiel divergent pour %q\narbre élagué :\n%s\ndécodeur :\n%s", k, data, verdict(want), verdict(got))
			}
			if n := schemas.RulePanics(); n > 0 {
				t.Fatalf("%s : %d règle(s) en panique sur le document partiel %q", k, n, data)
			}
		}
	})
}
