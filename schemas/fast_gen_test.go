package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// The generated decoders (fast_gen.go) against the reflective decoder, the
// oracle: the same plan, the same check helpers, only the storing differs,
// so on any input both must leave exactly the same trace — faults (codes,
// pointers, messages, order), the member each fault removes, the store
// error, the removed members, the input fault — and reflect.DeepEqual
// decoded values.

// generatedKinds lists the kinds on the fast path; each must have its
// generated decoder (a plan that changed without go generate loses it).
func generatedKinds(t testing.TB) []string {
	if runtime.GOOS == "js" {
		t.Skip("pas de décodeurs générés dans les widgets (fast_gen_js.go)")
	}
	var out []string
	for _, k := range schemas.Kinds() {
		if schemas.FastPath(k.Name) != nil {
			continue
		}
		require.True(t, schemas.HasGenerated(k.Name), "%s : pas de décodeur généré pour ce plan : lancez go generate ./schemas", k.Name)
		out = append(out, k.Name)
	}
	return out
}

// generatedMatches compares the two decoders on data; the message names the
// first difference. refused says whether the reflective decoder refused
// data (a fault or an input fault).
func generatedMatches(kind string, data []byte) (msg string, ok, refused bool) {
	want := schemas.TraceDecode(kind, data, false)
	got := schemas.TraceDecode(kind, data, true)
	refused = len(want.Faults) > 0 || want.Input != nil
	wantDoc, gotDoc := want.Doc, got.Doc
	want.Doc, got.Doc = nil, nil
	if !reflect.DeepEqual(want, got) {
		return "traces différentes\nréflexif : " + mustJSONString(want) + "\ngénéré :   " + mustJSONString(got), false, refused
	}
	if !reflect.DeepEqual(wantDoc, gotDoc) {
		return "valeurs décodées différentes\nréflexif : " + mustJSONString(wantDoc) + "\ngénéré :   " + mustJSONString(gotDoc), false, refused
	}
	return "", true, refused
}

func mustJSONString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// TestGeneratedDecoderMatchesReflective runs both decoders on the
// examples of every kind, their mutations and twice-mutated copies (as
// TestPartialDocumentMatchesPruneAt: every diagnostic mutation, a sample
// of the other kinds'), the data·inclusion corpus of the offer kinds, the
// hostile seeds, and the bench's corpus when SOCLE_BENCH_CORPUS names it.
func TestGeneratedDecoderMatchesReflective(t *testing.T) {
	for _, kind := range generatedKinds(t) {
		t.Run(kind, func(t *testing.T) {
			total, refused := 0, 0
			check := func(what string, b []byte) bool {
				total++
				msg, ok, r := generatedMatches(kind, b)
				if r {
					refused++
				}
				return assert.True(t, ok, "%s : %s\n%s", what, msg, b)
			}
			for _, s := range hostileSeeds {
				check("graine", []byte(s))
			}
			docs := exampleDocs(t, kind)
			names := make([]string, 0, len(docs))
			for n := range docs {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, name := range names {
				if !check(name, docs[name]) {
					return
				}
				var root any
				dec := json.NewDecoder(bytes.NewReader(docs[name]))
				dec.UseNumber()
				if dec.Decode(&root) != nil {
					continue
				}
				es := valueEdits(root)
				n, doubles := maxMutations, 2
				if kind != "diagnostic" {
					n, doubles = maxMutations/6, 1
				}
				for i, m := range sample(mutations(root), n) {
					if !check(name+" : "+m.what, marshal(t, m.doc)) {
						return
					}
					for j := 0; j < doubles && len(es) > 0; j++ {
						e := es[(i*7919+j*104729)%len(es)]
						if _, ok := lookup(m.doc, e.path); !ok {
							continue
						}
						if !check(name+" : "+m.what+" puis "+e.what, marshal(t, set(m.doc, e.path, e.val))) {
							return
						}
					}
				}
			}
			switch kind {
			case "service", "structure", "prescription":
				// The data·inclusion corpus of TestValidateDifferentialOffer,
				// as read and as normalised (what Validate decodes).
				k, _ := schemas.Lookup(kind)
				for _, doc := range offerDiffDocs(t, kind) {
					if !check(doc.name, doc.text) {
						return
					}
					if k.Normalize != nil {
						if b, fs := k.Normalize(doc.text); fs == nil && !check(doc.name+" (normalisé)", b) {
							return
						}
					}
				}
			case "diagnostic":
				if corpus := os.Getenv("SOCLE_BENCH_CORPUS"); corpus != "" {
					raw, err := os.ReadFile(filepath.Clean(corpus))
					require.NoError(t, err)
					for i, line := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
						if !check("corpus du banc, ligne "+strconv.Itoa(i+1), line) {
							return
						}
					}
				}
			}
			t.Logf("%s : %d documents, dont %d refusés", kind, total, refused)
			assert.Greater(t, refused, total/4, "la comparaison doit porter sur des documents refusés aussi")
		})
	}
}

// FuzzGeneratedDecoder compares the generated decoders with the
// reflective one on any input, for every kind that has one.
func FuzzGeneratedDecoder(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	kinds := generatedKinds(f)
	for _, kind := range kinds {
		files, _ := filepath.Glob(filepath.Join("..", "examples", kind, "*.json"))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, kind := range kinds {
			if msg, ok, _ := generatedMatches(kind, data); !ok {
				t.Fatalf("%s : décodeur généré divergent pour %q : %s", kind, data, msg)
			}
		}
	})
}
