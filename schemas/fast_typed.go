package schemas

import (
	"fmt"
	"hash/fnv"
	"reflect"
	"strings"
)

// Generated decoders. `go generate ./schemas` walks the plan of each kind
// (planOf, the plan the reflective decoder follows) and writes fast_gen.go:
// one typed function per struct, map, slice and pointer node of the plan,
// which reads a value straight into its Go type (direct field access,
// make(map[K]V, hint) and m[k] = v, append on a typed slice, new(T)) and
// calls the decoder's check helpers with the node (open, stringOf, intOf,
// member, mapKey, memberEnd, arrayClose…): the checks stay the plan's, one
// definition; only the storing differs from value, which remains the
// decoder of the kinds without a generated function and the oracle of the
// generated ones (TestGeneratedDecoderMatchesReflective).
//
// A generated decoder serves a kind only when its plan has the shape it
// was generated from (planShape: the Go types, members and their bits of
// every node): a schema or a Go type changed without `go generate` sends
// the kind back to the reflective decoder (and fails the drift test).

// generatedDecoder is the generated function of a kind: it reads the
// document into doc (a pointer to the kind's Go type) along the kind's
// plan n, as d.value(n, reflect.ValueOf(doc).Elem()) does.
type generatedDecoder struct {
	shape  uint64 // planShape of the plan it was generated from
	decode func(d *decoder, n *node, doc any)
}

// bindGenerated gives plan n of kind name its generated decoder, if one
// was generated from a plan of the same shape.
func bindGenerated(name string, n *node) {
	if g, ok := generatedDecoders[name]; ok && g.shape == planShape(n) {
		n.gen = g.decode
	}
}

// zeroAt stores the zero value at p (a member the schema refused, a null).
func zeroAt[T any](p *T) {
	var z T
	*p = z
}

// planShape hashes what a generated decoder depends on in a plan: for
// every node reached from n, its Go kind and type, and for a struct the
// name, bit and Go field of each member and its Extra field.
func planShape(n *node) uint64 {
	h := fnv.New64a()
	h.Write([]byte(planShapeText(n)))
	return h.Sum64()
}

func planShapeText(root *node) string {
	var b strings.Builder
	ids := map[*node]int{}
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			b.WriteString("-;")
			return
		}
		if id, ok := ids[n]; ok {
			fmt.Fprintf(&b, "@%d;", id)
			return
		}
		ids[n] = len(ids)
		fmt.Fprintf(&b, "%d %s %s", n.kind, typePath(n.t), fmt.Sprint(n.extra))
		switch n.kind {
		case gStruct:
			for _, p := range n.order {
				fmt.Fprintf(&b, " %q:%d:%v(", p.name, p.bit, p.index)
				walk(p.n)
				b.WriteString(")")
			}
		case gMap:
			walk(n.additional)
		case gSlice:
			walk(n.items)
		case gPtr:
			walk(n.elem)
		}
		b.WriteString(";")
	}
	walk(root)
	return b.String()
}

// typePath writes a Go type with the import paths of its named parts.
func typePath(t reflect.Type) string {
	if t.Name() != "" {
		return t.PkgPath() + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + typePath(t.Elem())
	case reflect.Pointer:
		return "*" + typePath(t.Elem())
	case reflect.Map:
		return "map[" + typePath(t.Key()) + "]" + typePath(t.Elem())
	}
	return t.String()
}
