package schemas

import (
	"reflect"
	"slices"

	"github.com/spie-fr/socle/spie"
)

// Transient validation: Validate returns only faults, so the document it
// decodes dies with the call. For the kinds listed in transientKinds the
// fast path therefore
//
//   - reads data in place: the decoded strings alias the caller's bytes
//     (unsafe.String) instead of a copy of the whole document;
//   - decodes into a value kept by the pooled decoder (one per kind),
//     zeroed after each call, and reuses the maps whose keys come from a
//     code list (propertyNames enum: the freins and besoins of the
//     diagnostic): their entries are overwritten in place, which keeps the
//     out-of-line slot Go gives a value of more than 128 bytes (one
//     allocation and one copy per frein otherwise).
//
// What makes it safe (tested by TestTransientValidation* and
// FuzzTransientValidation):
//
//   - nothing read outlives the call: a fault's code, path and messages are
//     constants of the package or built by concatenation or fmt (new
//     memory); the value and its maps are zeroed before the decoder goes
//     back to the pool (forgetDoc); the decoder's scratch (path, keys,
//     escaped text, faults) is cleared (forget);
//   - nothing of one document reaches the next: the value is zero when
//     decoding starts; a reused map is handed to the decoder with the keys
//     of earlier documents and zero values, and every key the document does
//     not store is deleted before the rules run (settleMap). The keys kept
//     between calls are the code list's own strings (a key outside the
//     list is a schema fault and is never stored), never text of a
//     document; their values are zero;
//   - a kind is listed only when its rules keep nothing of the document
//     (no pointer into the value, none of its strings or maps in a cache):
//     the diagnostic's rules (diagnostic.(*Diagnostic).Check) build every
//     fault path from constants and indices and keep no cache.
//
// Decode, which returns the value to its caller, never takes this path:
// its values own their memory.
var transientKinds = map[string]bool{"diagnostic": true}

// spareMap is a map of node n kept by a decoder between documents (spares)
// or handed out during one (lent), as a mapOf (one word in an interface:
// storing it allocates nothing).
type spareMap struct {
	n *node
	m scrubber
}

// scrubber zeroes the values of a map in place.
type scrubber interface{ scrub() }

// mapOf is a map of type M, a scrubber.
type mapOf[M ~map[K]V, K comparable, V any] struct{ m M }

// scrub zeroes the values of the map in place, keeping its keys and their
// slots.
func (s mapOf[M, K, V]) scrub() {
	var z V
	for k := range s.m {
		s.m[k] = z
	}
}

// keptDoc is the value of the kind of plan, kept by a decoder between
// transient validations (zero between them).
type keptDoc struct {
	plan *node
	doc  any
}

// Bounds of what a decoder keeps between documents: a hostile document
// with thousands of maps leaves at most maxSpares of them.
const maxSpares = 16

// validateTransient is validateFast for a transient kind.
func validateTransient(k Kind, plan *node, data []byte, ctx Context) spie.Faults {
	d := decoders.Get().(*decoder)
	defer decoders.Put(d)
	return d.validateTransient(k, plan, data, ctx, nil)
}

// validateTransient is validateFast for a transient kind on decoder d;
// seen, when not nil, is shown the decoded value before it is zeroed (for
// the tests).
func (d *decoder) validateTransient(k Kind, plan *node, data []byte, ctx Context, seen func(doc any)) spie.Faults {
	d.borrow, d.reuse = true, plan.gen != nil
	doc := d.keptDoc(k, plan)
	defer func() {
		if seen != nil {
			seen(doc)
		}
		d.forgetDoc(plan, doc)
		d.forget()
	}()
	fs, ok, part := d.decodeIn(plan, data, ctx.Limits, doc, plan.gen != nil)
	if !ok {
		return part.withRules(k, data, fs, ctx, doc)
	}
	fs = k.Check(doc, ctx)
	fs.Sort()
	return fs
}

// keptDoc returns the zero value of kind k that d keeps, making one the
// first time.
func (d *decoder) keptDoc(k Kind, plan *node) any {
	for i, kd := range d.docs {
		if kd.plan == plan {
			d.docs = slices.Delete(d.docs, i, i+1) // lent until forgetDoc
			return kd.doc
		}
	}
	return k.New()
}

// forgetDoc zeroes doc (of plan) and the maps lent while reading it, and
// keeps them for the next document.
func (d *decoder) forgetDoc(plan *node, doc any) {
	for _, l := range d.lent {
		l.m.scrub()
		if len(d.spares) < maxSpares {
			d.spares = append(d.spares, l)
		}
	}
	clear(d.lent)
	d.lent = d.lent[:0]
	reflect.ValueOf(doc).Elem().SetZero()
	d.docs = append(d.docs, keptDoc{plan, doc})
}

// forget clears what d holds of the last document before it goes back to
// the pool: the document itself, the path and keys met, the last escaped
// text, the faults; and turns the transient mode off.
func (d *decoder) forget() {
	d.data, d.src = nil, ""
	clear(d.path[:cap(d.path)])
	for i := range d.keys {
		clear(d.keys[i].list[:cap(d.keys[i].list)])
		d.keys[i].set = nil
	}
	if cap(d.buf) > 4096 {
		d.buf = nil
	} else {
		clear(d.buf[:cap(d.buf)])
	}
	clear(d.faults[:cap(d.faults)])
	d.faults = d.faults[:0]
	clear(d.stored[:cap(d.stored)])
	d.stored = d.stored[:0]
	d.removed = nil
	d.borrow, d.reuse = false, false
}

// takeMap returns the map the generated decoder of map node n fills: in a
// transient validation, for keys from a code list, a spare one (with the
// keys of earlier documents and zero values; base ≥ 0 is where the keys
// this document stores begin in d.stored, see keepKey and settleMap), else
// a new one (base -1).
func takeMap[M ~map[K]V, K ~string, V any](d *decoder, n *node) (m M, base int) {
	if !d.reuse || n.names == nil || n.names.enum == nil {
		return make(M, n.sizeHint), -1
	}
	base = -1
	for i := len(d.spares) - 1; i >= 0; i-- {
		if d.spares[i].n == n {
			m = d.spares[i].m.(mapOf[M, K, V]).m
			d.spares = slices.Delete(d.spares, i, i+1)
			base = len(d.stored)
			break
		}
	}
	if m == nil {
		m = make(M, n.sizeHint)
	}
	d.lent = append(d.lent, spareMap{n: n, m: mapOf[M, K, V]{m}})
	return m, base
}

// keepKey records that the map taken at base stores key k.
func (d *decoder) keepKey(base int, k string) {
	if base >= 0 {
		d.stored = append(d.stored, k)
	}
}

// settleMap deletes from m (taken at base) the keys of earlier documents
// that this one did not store. The keys of m are a code list's: at most
// its length, each compared with the keys stored.
func settleMap[M ~map[K]V, K ~string, V any](d *decoder, m M, base int) {
	if base < 0 {
		return
	}
	stored := d.stored[base:]
	if len(m) > len(stored) {
		for k := range m {
			if !slices.Contains(stored, string(k)) {
				delete(m, k)
			}
		}
	}
	clear(stored)
	d.stored = d.stored[:base]
}
