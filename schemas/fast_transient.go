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
//     allocation and one copy per frein otherwise), and the backing
//     arrays of its slices and the targets of its pointers (takeSlice,
//     takePtr): after the first documents a diagnostic is read with no
//     allocation of its own.
//
// What makes it safe (tested by TestTransientValidation* and
// FuzzTransientValidation):
//
//   - nothing read outlives the call: a fault's code, path and messages are
//     constants of the package or built by concatenation or fmt (new
//     memory); the value, its maps, the backing arrays of its slices (up
//     to their capacity) and its pointers' targets are zeroed before the
//     decoder goes back to the pool (forgetDoc); the decoder's scratch (path, keys,
//     escaped text, faults) is cleared (forget);
//   - nothing of one document reaches the next: the value is zero when
//     decoding starts, so is every reused backing array and pointer
//     target (a slice is handed out empty, as make gives it); a reused map is handed to the decoder with the keys
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

// spare is a map, the backing array of a slice or the target of a pointer
// of node n, kept by a decoder between documents (spares) or handed out
// during one (lent): a mapOf, *sliceOf or ptrOf, each one word in an
// interface, so that storing it allocates nothing.
type spare struct {
	n *node
	x scrubber
}

// scrubber zeroes what it holds in place, keeping the memory.
type scrubber interface{ scrub() }

// mapOf is a map of type M.
type mapOf[M ~map[K]V, K comparable, V any] struct{ m M }

// scrub zeroes the values of the map in place, keeping its keys and their
// slots.
func (s mapOf[M, K, V]) scrub() {
	var z V
	for k := range s.m {
		s.m[k] = z
	}
}

// sliceOf holds the backing array of slices of type S.
type sliceOf[S ~[]E, E any] struct{ s S }

// scrub zeroes the whole backing array, up to its capacity.
func (h *sliceOf[S, E]) scrub() {
	clear(h.s[:cap(h.s)])
	h.s = h.s[:0]
}

// ptrOf is the target of a pointer of type *T.
type ptrOf[T any] struct{ p *T }

// scrub zeroes the target.
func (h ptrOf[T]) scrub() {
	var z T
	*h.p = z
}

// keptDoc is the value of the kind of plan, kept by a decoder between
// transient validations (zero between them).
type keptDoc struct {
	plan *node
	doc  any
}

// Bounds of what a decoder keeps: past maxLent maps, slices and pointers
// in one document the others are made as Decode makes them, and at most
// maxSpares are kept between documents (a hostile document with thousands
// of arrays leaves no more, nor an array of more than maxKeptItems).
const (
	maxLent      = 256
	maxSpares    = 64
	maxKeptItems = 1024 // capacity of a kept backing array
)

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
		l.x.scrub()
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
	if !d.reuse || n.names == nil || n.names.enum == nil || len(d.lent) >= maxLent {
		return make(M, n.sizeHint), -1
	}
	base = -1
	if x := d.takeSpare(n); x != nil {
		m = x.(mapOf[M, K, V]).m
		base = len(d.stored)
	} else {
		m = make(M, n.sizeHint)
	}
	d.lent = append(d.lent, spare{n, mapOf[M, K, V]{m}})
	return m, base
}

// takeSpare removes from d's spares one of node n and returns it (nil:
// none).
func (d *decoder) takeSpare(n *node) scrubber {
	for i := len(d.spares) - 1; i >= 0; i-- {
		if d.spares[i].n == n {
			x := d.spares[i].x
			last := len(d.spares) - 1
			d.spares[i] = d.spares[last]
			d.spares[last] = spare{}
			d.spares = d.spares[:last]
			return x
		}
	}
	return nil
}

// takeSlice returns the empty slice the generated decoder of slice node n
// appends to, as make(S, 0, 4) — in a transient validation on a spare
// backing array, zero up to its capacity; h, when not nil, is to be told
// the slice once read (keepSlice), to keep the array it grew into.
func takeSlice[S ~[]E, E any](d *decoder, n *node) (s S, h *sliceOf[S, E]) {
	if !d.reuse || len(d.lent) >= maxLent {
		return make(S, 0, 4), nil
	}
	if x := d.takeSpare(n); x != nil {
		h = x.(*sliceOf[S, E])
	} else {
		h = &sliceOf[S, E]{make(S, 0, 4)}
	}
	d.lent = append(d.lent, spare{n, h})
	return h.s[:0], h
}

// keepSlice records in h (from takeSlice; nil: nothing to record) the
// slice s read, whose backing array is kept — unless it grew past
// maxKeptItems: h then keeps the array it had (a hostile document's long
// array is not kept alive by the pool).
func keepSlice[S ~[]E, E any](h *sliceOf[S, E], s S) {
	if h != nil && cap(s) <= maxKeptItems {
		h.s = s
	}
}

// takePtr returns the new zero target of a pointer of node n, as new(T) —
// in a transient validation a spare one.
func takePtr[T any](d *decoder, n *node) *T {
	if !d.reuse || len(d.lent) >= maxLent {
		return new(T)
	}
	var p *T
	if x := d.takeSpare(n); x != nil {
		p = x.(ptrOf[T]).p
	} else {
		p = new(T)
	}
	d.lent = append(d.lent, spare{n, ptrOf[T]{p}})
	return p
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
