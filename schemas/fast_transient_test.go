package schemas_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// The transient validation (fast_transient.go): Validate reads a
// diagnostic in place (its strings alias the caller's bytes) into a value
// and maps a pooled decoder keeps across calls. The oracle is the same
// document validated alone in a fresh process state (schemas.ValidateFresh:
// a new decoder, a new value, the document copied, the reflective
// decoder), and for the decoded value the reflective decoder's value
// (schemas.TraceDecode), both already the oracles of
// TestGeneratedDecoderMatchesReflective.

// transientDocs lists diagnostics of every sort, in an order that puts
// documents of different freins and besoins one after the other: the
// hostile seeds, the examples, a sample of their mutations and of their
// twice-mutated copies, each example with an unknown member whose name is
// in the fault's path, and the first lines of the bench's corpus when
// SOCLE_BENCH_CORPUS names it.
func transientDocs(t testing.TB) [][]byte {
	var out [][]byte
	for _, s := range hostileSeeds {
		out = append(out, []byte(s))
	}
	docs := exampleDocs(t, "diagnostic")
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, name := range names {
		out = append(out, docs[name])
		var root any
		dec := json.NewDecoder(bytes.NewReader(docs[name]))
		dec.UseNumber()
		if dec.Decode(&root) != nil {
			continue
		}
		if m, ok := root.(map[string]any); ok {
			c := deepCopy(m).(map[string]any)
			c[fmt.Sprintf("membre_inconnu_%d", i)] = "texte du document"
			out = append(out, marshal(t.(*testing.T), c))
		}
		es := valueEdits(root)
		for j, m := range sample(mutations(root), 80) {
			out = append(out, marshal(t.(*testing.T), m.doc))
			if len(es) > 0 && j%3 == 0 {
				e := es[(j*7919)%len(es)]
				if _, ok := lookup(m.doc, e.path); ok {
					out = append(out, marshal(t.(*testing.T), set(m.doc, e.path, e.val)))
				}
			}
		}
	}
	if corpus := os.Getenv("SOCLE_BENCH_CORPUS"); corpus != "" {
		raw, err := os.ReadFile(filepath.Clean(corpus))
		require.NoError(t, err)
		lines := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
		out = append(out, lines[:min(len(lines), 3000)]...)
	}
	// Interleave the end with the start: neighbours differ.
	mixed := make([][]byte, 0, len(out))
	for i, j := 0, len(out)-1; i <= j; i, j = i+1, j-1 {
		mixed = append(mixed, out[i])
		if i != j {
			mixed = append(mixed, out[j])
		}
	}
	return mixed
}

// TestTransientValidationMatchesFresh validates many different documents
// in sequence on one decoder, forwards then backwards: each must give
// exactly the faults of the same document validated alone in a fresh
// state, its decoded value must be the reflective decoder's, and between
// documents the decoder must keep nothing of them but zero values and the
// code lists' own keys.
func TestTransientValidationMatchesFresh(t *testing.T) {
	generatedKinds(t)
	docs := transientDocs(t)
	want := make([]spie.Faults, len(docs))
	for i, b := range docs {
		want[i] = schemas.ValidateFresh("diagnostic", b, false, diffNow)
	}
	tr := schemas.NewTransient("diagnostic")
	refused, reused := 0, 0
	check := func(i int) bool {
		b := docs[i]
		wantDoc := schemas.TraceDecode("diagnostic", b, false)
		got := tr.Validate(b, func(doc any) {
			if wantDoc.Input == nil {
				assert.True(t, reflect.DeepEqual(wantDoc.Doc, doc), "valeur décodée différente :\n%s\nréflexif : %s\ntransitoire : %s", b, mustJSONString(wantDoc.Doc), mustJSONString(doc))
			}
		}, diffNow)
		if len(want[i]) > 0 {
			refused++
		}
		if tr.Spares() > 0 {
			reused++
		}
		nonZero, keysOff, scratch := tr.Kept()
		return assert.Equal(t, want[i], got, "document %d :\n%s", i, b) &&
			assert.Empty(t, nonZero, "valeurs gardées non nulles après\n%s", b) &&
			assert.Empty(t, keysOff, "clés gardées hors des listes après\n%s", b) &&
			assert.False(t, scratch, "reste du document dans le décodeur après\n%s", b)
	}
	for i := range docs {
		if !check(i) {
			return
		}
	}
	for i := len(docs) - 1; i >= 0; i-- {
		if !check(i) {
			return
		}
	}
	t.Logf("%d documents, %d avec des fautes ; mémoire gardée après %d validations", len(docs), refused/2, reused)
	assert.Greater(t, refused, len(docs)/2, "des documents refusés aussi")
	assert.Greater(t, reused, len(docs), "les tables, tableaux et pointés doivent être gardés")
}

// TestTransientValidationConcurrent: schemas.Validate (the pooled
// decoders) from several goroutines, each in its own order, gives each
// document the faults of its validation alone in a fresh state.
func TestTransientValidationConcurrent(t *testing.T) {
	generatedKinds(t)
	docs := transientDocs(t)
	want := make([]spie.Faults, len(docs))
	for i, b := range docs {
		want[i] = schemas.ValidateFresh("diagnostic", b, false, diffNow)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 2 * len(docs) {
				i := (g*len(docs)/4 + n*(2*g+1)) % len(docs)
				if got := schemas.Validate("diagnostic", docs[i], diffNow); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("document %d :\n%s\nattendu : %s\nobtenu : %s", i, docs[i], verdict(want[i]), verdict(got))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		assert.Fail(t, "fautes différentes en parallèle", e)
	}
}

// TestTransientValidationKeepsNoByteOfData: the faults Validate returns
// do not change when the caller then overwrites its buffer (with another
// document, then with filler), and are deep-equal to the faults of a
// validation of a private copy; paths naming the document's own members
// (membre_inconnu_N) are among them, so an alias would show.
func TestTransientValidationKeepsNoByteOfData(t *testing.T) {
	generatedKinds(t)
	docs := transientDocs(t)
	named := 0
	for i, b := range docs {
		want := schemas.ValidateFresh("diagnostic", bytes.Clone(b), false, diffNow)
		buf := bytes.Clone(b)
		got := schemas.Validate("diagnostic", buf, diffNow)
		next := docs[(i+1)%len(docs)]
		copy(buf, next)
		schemas.Validate("diagnostic", next, diffNow) // the pooled decoder moves on
		for j := range buf {
			buf[j] = '#'
		}
		if !assert.Equal(t, want, got, "document %d :\n%s", i, b) {
			return
		}
		for _, f := range got {
			if strings.Contains(f.Path, "membre_inconnu_") {
				named++
			}
		}
	}
	assert.NotZero(t, named, "des fautes dont le chemin vient du document")
}

// FuzzTransientValidation validates a, then b, then a again on one
// decoder, overwriting a's buffer with b after the first validation: each
// validation gives the faults of its document validated alone in a fresh
// state, and the decoder keeps nothing of them.
func FuzzTransientValidation(f *testing.F) {
	docs := exampleDocs(f, "diagnostic")
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		f.Add(docs[n], docs[names[(i+1)%len(names)]])
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s), docs[names[0]])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		wantA := schemas.ValidateFresh("diagnostic", a, false, diffNow)
		wantB := schemas.ValidateFresh("diagnostic", b, false, diffNow)
		tr := schemas.NewTransient("diagnostic")
		buf := bytes.Clone(a)
		gotA := tr.Validate(buf, nil, diffNow)
		copy(buf, b)
		for j := len(b); j < len(buf); j++ {
			buf[j] = '#'
		}
		gotB := tr.Validate(b, nil, diffNow)
		gotA2 := tr.Validate(a, nil, diffNow)
		require.Equal(t, wantA, gotA, "a après écrasement de son tampon")
		require.Equal(t, wantB, gotB, "b après a")
		require.Equal(t, wantA, gotA2, "a après b")
		nonZero, keysOff, scratch := tr.Kept()
		require.Empty(t, nonZero)
		require.Empty(t, keysOff)
		require.False(t, scratch)
	})
}

// TestTransientValidationKeepsBoundedMemory: a hostile diagnostic with
// thousands of arrays, one of them long, leaves at most maxSpares maps,
// slices and pointers in the decoder, none with a backing array of more
// than maxKeptItems items; its faults are the fresh state's.
func TestTransientValidationKeepsBoundedMemory(t *testing.T) {
	generatedKinds(t)
	var b strings.Builder
	b.WriteString(`{"situation_professionnelle":{"situations":[`)
	for i := range 5000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"situation":"x"}`)
	}
	b.WriteString(`],"diplomes":[`)
	for i := range 3000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"intitule":"CAP","annee":2000}`)
	}
	b.WriteString(`]},"auteurs":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"nom":"a"}`)
	}
	b.WriteString(`]}`)
	doc := []byte(b.String())
	tr := schemas.NewTransient("diagnostic")
	for range 2 {
		require.Equal(t, schemas.ValidateFresh("diagnostic", doc, false, diffNow), tr.Validate(doc, nil, diffNow))
	}
	spares, largest, maxSpares, maxItems := tr.KeptBounds()
	assert.LessOrEqual(t, spares, maxSpares)
	assert.LessOrEqual(t, largest, maxItems)
	assert.Positive(t, spares, "des tableaux gardés")
}
