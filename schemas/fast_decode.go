package schemas

import (
	"encoding"
	"encoding/json"
	"math/big"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
)

// decoder reads a document along a plan into its Go value, collecting the
// faults the JSON Schema would report (same codes, same paths) and the
// first problem encoding/json would meet storing a value the schema accepts
// (an integer written 1.0, a number beyond float64), which the schema path
// reports as INPUT-JSON-01.
//
// When the schema refuses a value, the decoder leaves the document partial
// as withRules' pruneAt leaves the generic tree: the member of the nearest
// enclosing object that holds the value keeps its zero value (a struct
// field, or no entry in a map), so that the kind's rules run on the
// decoder's own document, with no second decode of a refused document.
type decoder struct {
	scanner
	faults    spie.Faults
	decodeErr detail
	// cut holds, per fault, the depth of the member it removes: the number
	// of path tokens up to the last member name (0: the root; cutNone: a
	// missing or unknown member, which removes nothing from the Go value).
	cut []int
	// removed lists the pointers of the members left at their zero value.
	removed []string
	// unstored counts the store errors (storeErr) outside removed members:
	// encoding/json would refuse the partial document.
	unstored int
	// oddPath: a fault was met under a member with an empty name, whose
	// pointer drops it (see pointer): pruneAt, which walks the fault's
	// pointer, would not find the member the decoder removes.
	oddPath bool
}

// cutNone marks a fault that removes no member of the Go value.
const cutNone = -1

func (d *decoder) fault(t *spie.FaultType, args ...any) {
	d.faults = append(d.faults, t.At(d.pointer(), args...))
	d.cut = append(d.cut, d.cutDepth())
}

// memberFault records a fault about a member that is missing or unknown.
func (d *decoder) memberFault(f spie.Fault) {
	d.faults = append(d.faults, f)
	d.cut = append(d.cut, cutNone)
	d.cutDepth() // notes an empty name on the path
}

// cutDepth returns the depth of the member that holds the current value
// (the last member name of the path; 0 at the root), noting whether an
// empty name is on the path.
func (d *decoder) cutDepth() int {
	depth := 0
	for i, t := range d.path {
		if t.idx < 0 {
			depth = i + 1
			if t.key == "" {
				d.oddPath = true
			}
		}
	}
	return depth
}

// cutHere reports whether a fault recorded since the n-th removes the
// member at the current depth (the member being read), noting its pointer.
func (d *decoder) cutHere(n int) bool {
	depth := len(d.path)
	for _, c := range d.cut[n:] {
		if c == depth {
			d.removed = append(d.removed, d.pointer())
			return true
		}
	}
	return false
}

func (d *decoder) storeErr(what detail) {
	d.unstored++
	if d.decodeErr.fr == "" {
		at := d.pointer()
		d.decodeErr = detail{what.fr + " en " + at, what.en + " at " + at}
	}
}

func jsonTypeOf(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// value reads one value along n into v (settable).
func (d *decoder) value(n *node, v reflect.Value) {
	if n.kind == gPtr && n.elem.kind == gRaw {
		if d.peek() == 'n' {
			d.lit()
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(n.t.Elem()))
		}
		d.value(n.elem, v.Elem())
		return
	}
	if n.kind == gPtr {
		if n.elem.nullable && d.peek() == 'n' {
			d.lit()
			v.SetZero()
			return
		}
		if d.peek() == 'n' || !d.accepts(n, d.data[d.pos]) {
			d.typeMismatch(n)
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(n.t.Elem()))
		}
		d.value(n.elem, v.Elem())
		return
	}
	if n.kind == gRaw {
		start := d.pos
		d.skip()
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.pos]); err != nil {
			d.storeErr(decodeErrDetail(err))
		}
		return
	}
	c := d.peek()
	if c == 'n' && n.nullable {
		d.lit()
		v.SetZero()
		return
	}
	if !d.accepts(n, c) {
		d.typeMismatch(n)
		return
	}
	switch c {
	case '{':
		if n.kind == gMap {
			d.mapObject(n, v)
		} else {
			d.object(n, v)
		}
	case '[':
		d.array(n, v)
	case '"':
		d.text(n, v)
	case 't', 'f':
		v.SetBool(d.lit() == 't')
	default:
		d.num(n, v)
	}
}

// accepts checks the JSON type of the value starting with c (numbers are
// checked once read, for integers written 1.0 or 1e2).
func (d *decoder) accepts(n *node, c byte) bool {
	switch c {
	case '{':
		return n.types&tObject != 0
	case '[':
		return n.types&tArray != 0
	case '"':
		return n.types&tString != 0
	case 't', 'f':
		return n.types&tBool != 0
	case 'n':
		return n.types&tNull != 0
	}
	return n.types&(tNumber|tInteger) != 0
}

func (d *decoder) typeMismatch(n *node) {
	got := jsonTypeOf(d.peek())
	d.fault(FaultType, typeArgs(n.typeNames, got)...)
	d.skip()
}

func (d *decoder) object(n *node, v reflect.Value) {
	d.enter()
	var seen uint64
	var many []bool
	if len(n.props) > 64 {
		many = make([]bool, len(n.props))
	}
	var unknown *keySet // the members outside the schema, to refuse repeats
	// Documents written by programs list members in a stable order, sorted
	// by name or as the Go fields: guess the next before looking it up.
	next, nextField := 0, 0
	if !d.empty('}') {
		for {
			kb := d.key()
			var p *prop
			switch {
			case next < len(n.order) && n.order[next].name == string(kb):
				p = n.order[next]
			case nextField < len(n.fieldOrder) && n.fieldOrder[nextField].name == string(kb):
				p = n.fieldOrder[nextField]
			default:
				p = n.props[string(kb)]
			}
			if p != nil {
				next, nextField = p.bit+1, p.fieldPos+1
			}
			if p == nil {
				name := d.scanner.text(kb)
				if unknown == nil {
					unknown = &keySet{}
				}
				d.seenIn(unknown, name)
				if n.closed {
					d.memberFault(FaultAdditional.At(d.pointerTo(name)))
				}
				d.pushKey(name)
				start := d.pos
				d.skip()
				d.pop()
				if n.extra != nil {
					d.keepExtra(v, n.extra, name, d.data[start:d.pos])
				}
			} else {
				if many != nil {
					if many[p.bit] {
						d.fail(FaultDuplicate, d.pointerTo(p.name))
					}
					many[p.bit] = true
				} else {
					if seen&(1<<p.bit) != 0 {
						d.fail(FaultDuplicate, d.pointerTo(p.name))
					}
					seen |= 1 << p.bit
				}
				n0, s0 := len(d.faults), d.unstored
				d.pushKey(p.name)
				f := fieldOf(v, p.index)
				d.value(p.n, f)
				if len(d.faults) > n0 && d.cutHere(n0) {
					f.SetZero()
					d.unstored = s0
				}
				d.pop()
			}
			if !d.more('}') {
				break
			}
		}
	}
	for _, p := range n.required {
		if (many != nil && !many[p.bit]) || (many == nil && seen&(1<<p.bit) == 0) {
			d.memberFault(FaultRequired.At(d.pointerTo(p.name)))
		}
	}
}

// keepExtra stores a member outside the schema of an open struct, as
// written, in its Extra map (see extraField).
func (d *decoder) keepExtra(v reflect.Value, index []int, name string, raw []byte) {
	m := fieldOf(v, index)
	if m.IsNil() {
		m.Set(reflect.ValueOf(map[string]json.RawMessage{}))
	}
	m.Interface().(map[string]json.RawMessage)[name] = append(json.RawMessage(nil), raw...)
}

func fieldOf(v reflect.Value, index []int) reflect.Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	return v.FieldByIndex(index)
}

func (d *decoder) mapObject(n *node, v reflect.Value) {
	d.enter()
	m := reflect.MakeMapWithSize(n.t, n.sizeHint)
	v.Set(m)
	if d.empty('}') {
		return
	}
	depth := d.depth
	for len(d.keys) <= depth {
		d.keys = append(d.keys, keySet{})
	}
	d.keys[depth].list = d.keys[depth].list[:0]
	d.keys[depth].set = nil
	// SetMapIndex copies key and value: one of each serves every member.
	kv, e := reflect.New(n.t.Key()).Elem(), reflect.New(n.t.Elem()).Elem()
	for {
		kb := d.key()
		var k string
		if n.names != nil && n.names.enum != nil {
			if c, ok := n.names.enum[string(kb)]; ok {
				k = c
			}
		}
		if k == "" {
			k = d.scanner.text(kb)
		}
		d.seen(depth, k)
		n0, s0 := len(d.faults), d.unstored
		d.pushKey(k)
		if n.names != nil && !d.stringOK(n.names, k) {
			d.fault(FaultKey, keyArgs(n.names)...)
		}
		e.SetZero()
		d.value(n.additional, e)
		cut := len(d.faults) > n0 && d.cutHere(n0)
		d.pop()
		if cut {
			d.unstored = s0 // the member is left out of the map
		} else {
			kv.SetString(k)
			m.SetMapIndex(kv, e)
		}
		if !d.more('}') {
			return
		}
	}
}

// stringOK runs the string checks of n on s without reporting.
func (d *decoder) stringOK(n *node, s string) bool {
	if n.enum != nil {
		if _, ok := n.enum[s]; !ok {
			return false
		}
	}
	if n.minLen >= 0 || n.maxLen >= 0 {
		l := utf8.RuneCountInString(s)
		if (n.minLen >= 0 && l < n.minLen) || (n.maxLen >= 0 && l > n.maxLen) {
			return false
		}
	}
	if n.pattern != nil && !n.pattern(s) {
		return false
	}
	return n.format == nil || n.format(s)
}

func (d *decoder) array(n *node, v reflect.Value) {
	d.enter()
	v.Set(reflect.MakeSlice(n.t, 0, 4))
	count := 0
	if !d.empty(']') {
		for {
			d.item(count)
			if count == v.Cap() {
				v.Grow(1)
			}
			v.SetLen(count + 1)
			d.pushIdx(count)
			d.value(n.items, v.Index(count))
			d.pop()
			count++
			if !d.more(']') {
				break
			}
		}
	}
	s := v
	if n.minItems >= 0 && count < n.minItems {
		d.fault(FaultItems, boundSigns["minItems"], n.minItems, count)
	}
	if n.maxItems >= 0 && count > n.maxItems {
		d.fault(FaultItems, boundSigns["maxItems"], n.maxItems, count)
	}
	if n.unique && !uniqueItems(s) {
		d.fault(FaultUnique)
	}
}

func uniqueItems(s reflect.Value) bool {
	seen := make(map[any]bool, s.Len())
	for i := range s.Len() {
		e := s.Index(i)
		var k any
		switch e.Kind() {
		case reflect.String:
			k = e.String()
		case reflect.Bool:
			k = e.Bool()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			k = strconv.FormatUint(e.Uint(), 10)
		default:
			k = strconv.FormatInt(e.Int(), 10)
		}
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

func (d *decoder) text(n *node, v reflect.Value) {
	if n.union != nil {
		d.unionText(n, v)
		return
	}
	start := d.pos
	b := d.str()
	var s string
	if n.enum != nil {
		c, ok := n.enum[string(b)]
		if ok {
			s = c
		} else {
			s = d.scanner.text(b)
			d.fault(FaultEnum, n.enumArgs...)
		}
	} else {
		s = d.scanner.text(b)
	}
	// A string has at most len(s) runes and at least len(s)/4: count them
	// only when the bounds may be crossed.
	if (n.maxLen >= 0 && len(s) > n.maxLen) || (n.minLen >= 0 && len(s)/utf8.UTFMax < n.minLen) {
		l := utf8.RuneCountInString(s)
		if n.minLen >= 0 && l < n.minLen {
			d.fault(FaultLength, boundSigns["minLength"], n.minLen, l)
		}
		if n.maxLen >= 0 && l > n.maxLen {
			d.fault(FaultLength, boundSigns["maxLength"], n.maxLen, l)
		}
	}
	if n.pattern != nil && !n.pattern(s) {
		d.fault(FaultPattern)
	}
	if n.format != nil && !n.format(s) {
		d.fault(FaultFormat, n.formatName)
	}
	if n.kind == gCustom {
		d.custom(v, d.data[start:d.pos], s)
		return
	}
	v.SetString(s)
}

// custom hands a string to a type that decodes itself, as encoding/json
// does: UnmarshalJSON with the quoted token, else UnmarshalText with the
// text.
func (d *decoder) custom(v reflect.Value, raw []byte, s string) {
	var err error
	switch u := v.Addr().Interface().(type) {
	case json.Unmarshaler:
		err = u.UnmarshalJSON(raw)
	case encoding.TextUnmarshaler:
		err = u.UnmarshalText([]byte(s))
	}
	if err != nil {
		d.storeErr(decodeErrDetail(err))
	}
}

// num reads a number, checks its type and bounds as the JSON Schema does
// (exact rational arithmetic), and stores it as encoding/json would.
func (d *decoder) num(n *node, v reflect.Value) {
	lit := d.number()
	plain := true
	for _, c := range lit {
		if c == '.' || c == 'e' || c == 'E' {
			plain = false
			break
		}
	}
	var r *big.Rat
	rat := func() *big.Rat {
		if r == nil {
			r, _ = new(big.Rat).SetString(string(lit))
		}
		return r
	}
	if n.types&tNumber == 0 && !plain && !rat().IsInt() {
		d.fault(FaultType, typeArgs(n.typeNames, "number")...)
		return
	}
	if n.hasMin || n.hasMax {
		small := plain && len(lit) <= 18 && n.intBounds
		var i int64
		if small {
			i, _ = strconv.ParseInt(string(lit), 10, 64)
		}
		if n.hasMin && ((small && i < n.minInt) || (!small && rat().Cmp(n.min) < 0)) {
			d.fault(FaultRange, boundSigns["minimum"], n.minText, string(lit))
		}
		if n.hasMax && ((small && i > n.maxInt) || (!small && rat().Cmp(n.max) > 0)) {
			d.fault(FaultRange, boundSigns["maximum"], n.maxText, string(lit))
		}
	}
	switch n.kind {
	case gNumber:
		// As fitNumbers: the type's own reading, its bounds in the fault.
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(lit); err != nil {
			lo, hi := v.Interface().(bounded).Bounds(string(lit))
			d.fault(FaultNumberRange, lo, hi, string(lit))
		}
	case gInt:
		i, ok := intLiteral(lit, plain, rat)
		if !ok || v.OverflowInt(i) {
			d.fault(FaultNumberRange, goRange(v.Type(), string(lit))...)
			return
		}
		v.SetInt(i)
	case gUint:
		u, ok := uintLiteral(lit, plain, rat)
		if !ok || v.OverflowUint(u) {
			d.fault(FaultNumberRange, goRange(v.Type(), string(lit))...)
			return
		}
		v.SetUint(u)
	case gFloat:
		f, err := strconv.ParseFloat(string(lit), v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			d.fault(FaultNumberRange, goRange(v.Type(), string(lit))...)
			return
		}
		if f == 0 {
			f = 0 // -0.0 is 0 (numbers compare by value in JSON Schema)
		}
		v.SetFloat(f)
	}
}

// unionText reads a string for an anyOf of string schemas. The faults are
// the interpreter's (schemaFaults) when no branch takes the value: those of
// every branch in order, each code once per path (the plan refuses a choice
// of constants only, which the interpreter reports as one list).
func (d *decoder) unionText(n *node, v reflect.Value) {
	s := d.scanner.text(d.str())
	v.SetString(s)
	var leaves []*spie.FaultType
	var args [][]any
	for _, b := range n.union {
		before := len(leaves)
		if b.enum != nil {
			if _, ok := b.enum[s]; !ok {
				leaves, args = append(leaves, FaultEnum), append(args, b.enumArgs)
			}
		}
		l := -1
		if b.minLen >= 0 || b.maxLen >= 0 {
			l = utf8.RuneCountInString(s)
		}
		if b.minLen >= 0 && l < b.minLen {
			leaves, args = append(leaves, FaultLength), append(args, []any{boundSigns["minLength"], b.minLen, l})
		}
		if b.maxLen >= 0 && l > b.maxLen {
			leaves, args = append(leaves, FaultLength), append(args, []any{boundSigns["maxLength"], b.maxLen, l})
		}
		if b.pattern != nil && !b.pattern(s) {
			leaves, args = append(leaves, FaultPattern), append(args, nil)
		}
		if len(leaves) == before {
			return // this branch takes the value
		}
	}
	for i, t := range leaves {
		d.fault(t, args[i]...)
	}
}
