package schemas

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/spie-fr/socle/spie"
)

var decoders = sync.Pool{New: func() any { return new(decoder) }}

// validateFast is the fast path of Validate for a kind with a plan: instead
// of interpreting the JSON Schema over a generic tree, it reads the document
// once, strictly (unknown fields, wrong types, repeated keys and trailing
// data refused), straight into the kind's Go type, checking on the way what
// the generated schema demands (required fields, code lists, patterns,
// formats, lengths, bounds, numbers of items, keys of maps), then runs the
// kind's Go rules.
//
// For a transient kind (transientKinds) the document is read in place
// (borrowed, no copy of data) into a value kept by the pooled decoder
// across calls (fast_transient.go): neither outlives the call.
func validateFast(k Kind, plan *node, data []byte, ctx Context) spie.Faults {
	if transientKinds[k.Name] {
		return validateTransient(k, plan, data, ctx)
	}
	doc := k.New()
	fs, ok, part := decodePartial(plan, data, ctx.Limits, doc)
	if !ok {
		return part.withRules(k, data, fs, ctx, doc)
	}
	fs = k.Check(doc, ctx)
	fs.Sort()
	return fs
}

// fastPath reports whether Validate reads documents of the kind on the fast
// path; when it does not, the error says which part of the schema or of the
// Go type the plan cannot follow, and Validate runs the JSON Schema
// interpreter.
func fastPath(kind string) error {
	k, ok := Lookup(kind)
	if !ok {
		return FaultKind.At("", kind)
	}
	_, err := planOf(k)
	return err
}

// Decode reads one JSON document of the kind into doc (a pointer to the
// kind's Go type) as Validate does, without the Go rules: ok is false with
// the input or schema faults that refuse the document (the same faults
// Validate gives), or INPUT-KIND-01 for an unknown kind, or SCHEMA-OTHER-01
// when doc is not a pointer to the kind's Go type (nil, or a nil pointer, included). On a
// refused document, doc holds what could be read, each member holding a
// schema fault left at its zero value. It serves callers that
// want the typed document without the rules (the benchmark of the decoder
// alone, bench/).
func Decode(kind string, data []byte, doc any, opts ...Option) (spie.Faults, bool) {
	var ctx Context
	for _, o := range opts {
		o(&ctx)
	}
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}, false
	}
	plan, err := planOf(k)
	var want reflect.Type
	if err == nil {
		want = plan.t // the kind's Go type, without allocating one (k.Type)
	} else {
		want = k.Type()
	}
	if v := reflect.ValueOf(doc); !v.IsValid() || v.Kind() != reflect.Pointer || v.Type().Elem() != want || v.IsNil() {
		t := "nil"
		if v.IsValid() {
			t = v.Type().String()
			if v.Kind() == reflect.Pointer && v.IsNil() {
				t += " nil" // the right type, but nowhere to decode into
			}
		}
		return spie.Faults{otherFault("", "document de type Go "+t+" pour le type "+kind, "Go document type "+t+" for kind "+kind)}, false
	}
	if err != nil {
		// The kind is on the JSON Schema path: its faults of input, schema
		// and numbers, then encoding/json.
		got, fs := interpretDecode(k, data, newContext(opts))
		if fs != nil {
			return fs, false
		}
		reflect.ValueOf(doc).Elem().Set(reflect.ValueOf(got).Elem())
		return nil, true
	}
	return decodeFast(plan, data, ctx.Limits, doc)
}

// decodeFast reads data along plan into doc; ok is false with the faults
// that refuse the document (input, schema, or storing).
func decodeFast(plan *node, data []byte, l Limits, doc any) (spie.Faults, bool) {
	fs, ok, _ := decodePartial(plan, data, l, doc)
	return fs, ok
}

// partial describes the document the decoder leaves when the schema
// refuses some of its values (see the decoder type).
type partial struct {
	removed  []string // pointers of the members left at their zero value
	root     bool     // a fault at the root, or under no member
	unstored bool     // a value outside the removed members could not be stored
	oddPath  bool     // the decoder could not follow pruneAt (decoder.oddPath)
}

// decodePartial is decodeFast, also describing the partial document left
// in doc when the schema refuses it.
func decodePartial(plan *node, data []byte, l Limits, doc any) (spie.Faults, bool, partial) {
	return decodeWith(plan, data, l, doc, plan.gen != nil)
}

// decodeWith is decodePartial with the generated decoder of the kind
// (generated: plan.gen must not be nil) or the reflective one.
func decodeWith(plan *node, data []byte, l Limits, doc any, generated bool) (spie.Faults, bool, partial) {
	d := decoders.Get().(*decoder)
	defer func() {
		d.forget() // the pool must not keep the document alive
		decoders.Put(d)
	}()
	return d.decodeIn(plan, data, l, doc, generated)
}

// decodeIn is decodeWith on decoder d (taken from the pool by the caller).
func (d *decoder) decodeIn(plan *node, data []byte, l Limits, doc any, generated bool) (spie.Faults, bool, partial) {
	if f := d.run(plan, data, l, doc, generated); f != nil {
		return spie.Faults{*f}, false, partial{}
	}
	if len(d.faults) > 0 {
		fs := dedup(d.faults)
		fs.Sort()
		part := partial{removed: d.removed, unstored: d.unstored > 0, oddPath: d.oddPath}
		for _, c := range d.cut {
			part.root = part.root || c == 0
		}
		return fs, false, part
	}
	if d.decodeErr.fr != "" {
		return spie.Faults{FaultJSON.At("", d.decodeErr.args()...)}, false, partial{}
	}
	return nil, true, partial{}
}

// run reads data along plan into doc with the generated decoder of the
// kind (generated) or the reflective one, leaving in d the faults and the
// partial document's bookkeeping; it returns the input fault that stopped
// the read, if any.
func (d *decoder) run(plan *node, data []byte, l Limits, doc any, generated bool) *spie.Fault {
	d.reset(data, l.orDefault())
	// One copy of the document, or data itself when the caller vouches
	// that nothing read outlives the call (borrow: validateTransient); the
	// strings without escapes are slices of it.
	if d.borrow {
		d.src = unsafe.String(unsafe.SliceData(data), len(data))
	} else {
		d.src = string(data)
	}
	d.stored = d.stored[:0]
	d.faults, d.decodeErr = d.faults[:0], detail{}
	d.cut, d.removed, d.unstored, d.oddPath = d.cut[:0], nil, 0, false
	d.rewritten = false
	read := func() { d.value(plan, reflect.ValueOf(doc).Elem()) }
	if generated {
		read = func() { plan.gen(d, plan, doc) }
	}
	return d.document(read)
}

// dedup copies the faults, dropping repeats of the same code at the same
// path (as the schema path reports each once).
func dedup(in spie.Faults) spie.Faults {
	out := make(spie.Faults, 0, len(in))
	seen := make(map[[2]string]bool, len(in))
	for _, f := range in {
		if k := [2]string{f.Code, f.Path}; !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}
