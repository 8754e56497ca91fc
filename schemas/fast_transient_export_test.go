package schemas

import (
	"reflect"

	"github.com/spie-fr/socle/spie"
)

// ValidateFresh is Validate on the fast path as a fresh process state runs
// it, without anything transient (fast_transient.go): a new decoder, a new
// value of the kind, the document copied, and the reflective decoder
// (generated false) or the generated one. The oracle of the transient
// validation's tests.
func ValidateFresh(kind string, data []byte, generated bool, opts ...Option) spie.Faults {
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}
	}
	plan, err := planOf(k)
	if err != nil {
		panic("pas de chemin rapide pour " + kind)
	}
	ctx := newContext(opts)
	d := new(decoder)
	doc := k.New()
	fs, ok, part := d.decodeIn(plan, data, ctx.Limits, doc, generated && plan.gen != nil)
	if !ok {
		return part.withRules(k, data, fs, ctx, doc)
	}
	fs = k.Check(doc, ctx)
	fs.Sort()
	return fs
}

// Transient is one decoder running transient validations in sequence,
// as a pooled decoder does across calls.
type Transient struct {
	kind string
	d    *decoder
}

// NewTransient returns a decoder for transient validations of kind.
func NewTransient(kind string) *Transient { return &Transient{kind, new(decoder)} }

// Validate validates data as Validate does for a transient kind, on t's
// decoder; seen is shown the decoded value before it is zeroed.
func (t *Transient) Validate(data []byte, seen func(doc any), opts ...Option) spie.Faults {
	k, _ := Lookup(t.kind)
	plan, err := planOf(k)
	if err != nil {
		panic("pas de chemin rapide pour " + t.kind)
	}
	return t.d.validateTransient(k, plan, data, newContext(opts), seen)
}

// Kept describes what t's decoder keeps between documents: the values of
// the kept documents and of the spare maps that are not zero, the keys of
// the spare maps outside their code list, and whether anything of the
// last document is left in its scratch (document, path, keys, escaped
// text, faults, stored keys).
func (t *Transient) Kept() (nonZero, keysOff []string, scratch bool) {
	d := t.d
	for _, kd := range d.docs {
		if !reflect.ValueOf(kd.doc).Elem().IsZero() {
			nonZero = append(nonZero, "document "+kd.plan.t.String())
		}
	}
	for _, s := range d.spares {
		x := reflect.ValueOf(s.x)
		switch {
		case x.Kind() == reflect.Pointer: // *sliceOf
			sl := x.Elem().Field(0)
			sl = sl.Slice(0, sl.Cap())
			for i := range sl.Len() {
				if !sl.Index(i).IsZero() {
					nonZero = append(nonZero, "tableau "+sl.Type().String())
				}
			}
		case x.Field(0).Kind() == reflect.Pointer: // ptrOf
			if !x.Field(0).Elem().IsZero() {
				nonZero = append(nonZero, "pointé "+x.Field(0).Type().String())
			}
		default: // mapOf
			it := x.Field(0).MapRange()
			for it.Next() {
				if !it.Value().IsZero() {
					nonZero = append(nonZero, "valeur "+it.Key().String())
				}
				if _, ok := s.n.names.enum[it.Key().String()]; !ok {
					keysOff = append(keysOff, it.Key().String())
				}
			}
		}
	}
	for _, l := range d.lent {
		keysOff = append(keysOff, "prêté hors d'un document : "+reflect.TypeOf(l.x).String())
	}
	scratch = d.data != nil || d.src != "" || len(d.faults) > 0 || len(d.stored) > 0
	for _, p := range d.path[:cap(d.path)] {
		scratch = scratch || p != pathTok{}
	}
	for _, ks := range d.keys {
		for _, k := range ks.list[:cap(ks.list)] {
			scratch = scratch || k != ""
		}
		scratch = scratch || ks.set != nil
	}
	for _, c := range d.buf[:cap(d.buf)] {
		scratch = scratch || c != 0
	}
	for _, f := range d.faults[:cap(d.faults)] {
		scratch = scratch || f != spie.Fault{}
	}
	for _, s := range d.stored[:cap(d.stored)] {
		scratch = scratch || s != ""
	}
	return nonZero, keysOff, scratch
}

// Spares counts the maps, slices and pointers t's decoder keeps for the
// next document.
func (t *Transient) Spares() int { return len(t.d.spares) }

// KeptBounds returns how many maps, slices and pointers t's decoder keeps
// and the largest capacity of a kept backing array, with the bounds they
// must respect (maxSpares, maxKeptItems).
func (t *Transient) KeptBounds() (spares, largest, maxSp, maxItems int) {
	for _, s := range t.d.spares {
		if x := reflect.ValueOf(s.x); x.Kind() == reflect.Pointer {
			largest = max(largest, x.Elem().Field(0).Cap())
		}
	}
	return len(t.d.spares), largest, maxSpares, maxKeptItems
}
