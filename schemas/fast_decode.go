package schemas

import (
	"encoding"
	"encoding/binary"
	"encoding/json"
	"math"
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
	// rewritten: a text judged by a node's judge (formatOK) would be
	// rewritten by the kind's Normalize (see validateOnePass).
	rewritten bool
	// The state of a transient validation (fast_transient.go): borrow, the
	// strings alias data; reuse, maps of listed keys come from spares and
	// go back to them (takeMap); the values kept across calls.
	borrow, reuse bool
	spares, lent  []spare
	stored        []string
	docs          []keptDoc
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

// step says what to do with a value once its start is read (open).
type step uint8

const (
	stepRead step = iota // read the value into the Go value
	stepZero             // null where the schema allows it: store the zero value
	stepSkip             // a value of another JSON type: faulted and skipped, nothing stored
)

// open reads the start of a value of n (neither a pointer nor gRaw): null
// for a nullable node, or the JSON type the node takes. Every path that
// stores a value (the reflective value below and the generated decoders of
// fast_gen.go) starts with it.
func (d *decoder) open(n *node) step {
	c := d.peek()
	if c == 'n' && n.nullable {
		d.lit()
		return stepZero
	}
	if !d.accepts(n, c) {
		d.typeMismatch(n)
		return stepSkip
	}
	return stepRead
}

// openPtr is open for a pointer node: null stores nil when the pointed
// value is raw JSON or nullable, and is a type fault otherwise.
func (d *decoder) openPtr(n *node) step {
	if n.elem.kind == gRaw {
		if d.peek() == 'n' {
			d.lit()
			return stepZero
		}
		return stepRead
	}
	if n.elem.nullable && d.peek() == 'n' {
		d.lit()
		return stepZero
	}
	if d.peek() == 'n' || !d.accepts(n, d.data[d.pos]) {
		d.typeMismatch(n)
		return stepSkip
	}
	return stepRead
}

// value reads one value along n into v (settable), storing it through
// reflect: the decoder of the kinds without a generated decoder, and of the
// rare Go kinds inside generated ones (gCustom, gRaw, gNumber); the oracle
// of the generated decoders (TestGeneratedDecoderMatchesReflective). The
// checks are the shared helpers (open, stringOf, intOf…, object's member,
// mapKey, arrayClose); only the storing is its own.
func (d *decoder) value(n *node, v reflect.Value) {
	switch n.kind {
	case gPtr:
		switch d.openPtr(n) {
		case stepZero:
			v.SetZero()
		case stepRead:
			if v.IsNil() {
				v.Set(reflect.New(n.t.Elem()))
			}
			d.value(n.elem, v.Elem())
		}
		return
	case gRaw:
		start := d.pos
		d.skip()
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.pos]); err != nil {
			d.storeErr(decodeErrDetail(err))
		}
		return
	case gString:
		if s, ok := d.stringOf(n); ok {
			v.SetString(s)
		}
		return
	case gBool:
		if b, ok := d.boolOf(n); ok {
			v.SetBool(b)
		}
		return
	case gInt:
		if i, ok := d.intOf(n); ok {
			v.SetInt(i)
		}
		return
	case gUint:
		if u, ok := d.uintOf(n); ok {
			v.SetUint(u)
		}
		return
	case gFloat:
		if f, ok := d.floatOf(n); ok {
			v.SetFloat(f)
		}
		return
	}
	switch d.open(n) {
	case stepZero:
		v.SetZero()
		return
	case stepSkip:
		return
	}
	switch n.kind {
	case gStruct:
		d.object(n, v)
	case gMap:
		d.mapObject(n, v)
	case gSlice:
		d.array(n, v)
	case gCustom:
		s, start := d.checkedText(n)
		d.custom(v, d.data[start:d.pos], s)
	case gNumber:
		var x exactNum
		if _, ok := d.numLit(n, &x); !ok {
			return
		}
		lit := x.lit
		// As fitNumbers: the type's own reading, its bounds in the fault.
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(lit); err != nil {
			lo, hi := v.Interface().(bounded).Bounds(string(lit))
			d.fault(FaultNumberRange, lo, hi, string(lit))
		}
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

// objectState is what an object being read keeps: the members met, the
// members outside the schema, the guess of the next member.
type objectState struct {
	seen    uint64
	many    []bool  // instead of seen, past 64 members
	unknown *keySet // the members outside the schema, to refuse repeats
	// Documents written by programs list members in a stable order, sorted
	// by name or as the Go fields: guess the next before looking it up.
	next, nextField int
}

// objectOpen enters an object of struct node n (d.open said stepRead):
// false when it is empty.
func (d *decoder) objectOpen(n *node, o *objectState) bool {
	d.enter()
	if len(n.props) > 64 {
		o.many = make([]bool, len(n.props))
	}
	return !d.empty('}')
}

// member reads the name of the next member of an object of n and returns
// its property, refusing a repeat. A member outside the schema gives nil:
// its value is skipped (faulted when n is closed), name and raw are the
// member as written, for an open struct's Extra (keepExtra).
func (d *decoder) member(n *node, o *objectState) (p *prop, name string, raw []byte) {
	if p = d.plainMember(n, o.next); p == nil {
		p, name, raw = d.memberRead(n, o)
		if p == nil {
			return nil, name, raw
		}
	}
	o.next, o.nextField = p.bit+1, p.fieldPos+1
	if o.many != nil {
		if o.many[p.bit] {
			d.fail(FaultDuplicate, d.pointerTo(p.name))
		}
		o.many[p.bit] = true
	} else {
		if o.seen&(1<<p.bit) != 0 {
			d.fail(FaultDuplicate, d.pointerTo(p.name))
		}
		o.seen |= 1 << p.bit
	}
	return p, "", nil
}

// plainMember reads the name of the next member of an object of n, and the
// colon after it, when the name is written as it is (no escape) and is
// that of a property of n from the from-th on in name order (n.order), and
// returns that property; else it reads nothing and returns nil. Documents
// written by programs list their members sorted by name more often than
// not: the name is then compared with the next names of the schema where
// it stands in the document, without reading it as a string first (str).
// The bytes that match a plain name followed by a quote are exactly the
// string of that name (no escape, no control byte, valid UTF-8), which str
// would have read.
func (d *decoder) plainMember(n *node, from int) *prop {
	data, at := d.data, d.pos+1
	if at >= len(data) || data[d.pos] != '"' {
		return nil
	}
	var word uint64 // the eight bytes after the quote, when there are eight
	whole := at+8 <= len(data)
	if whole {
		word = binary.LittleEndian.Uint64(data[at:])
	}
	for _, p := range n.order[from:] {
		end := at + len(p.name)
		if end >= len(data) || data[end] != '"' || !p.plain {
			continue
		}
		// The first eight bytes of the name (all of a short one) in one
		// comparison, the rest as a string.
		same := false
		if whole {
			same = word&p.headMask == p.head && (len(p.name) <= 8 || string(data[at+8:end]) == p.name[8:])
		} else {
			same = string(data[at:end]) == p.name
		}
		if same && len(p.name) <= d.lim.MaxStringLen {
			d.pos = end + 1
			d.expect(':')
			d.ws()
			return p
		}
	}
	return nil
}

// memberRead is member once plainMember found nothing: the name read as a
// string, then looked up (the guesses first); a member outside the schema
// is skipped and returned as member returns it.
func (d *decoder) memberRead(n *node, o *objectState) (p *prop, name string, raw []byte) {
	kb := d.key()
	switch {
	case o.next < len(n.order) && n.order[o.next].name == string(kb):
		p = n.order[o.next]
	case o.nextField < len(n.fieldOrder) && n.fieldOrder[o.nextField].name == string(kb):
		p = n.fieldOrder[o.nextField]
	default:
		p = n.props[string(kb)]
	}
	if p == nil {
		name = d.scanner.text(kb)
		if o.unknown == nil {
			o.unknown = &keySet{}
		}
		d.seenIn(o.unknown, name)
		if n.closed {
			d.memberFault(FaultAdditional.At(d.pointerTo(name)))
		}
		d.pushKey(name)
		start := d.pos
		d.skip()
		d.pop()
		return nil, name, d.data[start:d.pos]
	}
	return p, "", nil
}

// mark is where the faults stood when a member's value began.
type mark struct{ faults, unstored int }

// memberStart begins the value of member name (of a struct or a map).
func (d *decoder) memberStart(name string) mark {
	m := mark{len(d.faults), d.unstored}
	d.pushKey(name)
	return m
}

// memberEnd ends the value of a member begun at m: true when a fault since
// m removes the member (see cutHere), which the caller then leaves at its
// zero value (a struct field) or out (a map entry).
func (d *decoder) memberEnd(m mark) bool {
	cut := len(d.faults) > m.faults && d.cutHere(m.faults)
	if cut {
		d.unstored = m.unstored
	}
	d.pop()
	return cut
}

// objectClose checks the required members of an object of n once read.
func (d *decoder) objectClose(n *node, o *objectState) {
	for _, p := range n.required {
		if (o.many != nil && !o.many[p.bit]) || (o.many == nil && o.seen&(1<<p.bit) == 0) {
			d.memberFault(FaultRequired.At(d.pointerTo(p.name)))
		}
	}
}

func (d *decoder) object(n *node, v reflect.Value) {
	var o objectState
	if d.objectOpen(n, &o) {
		for {
			p, name, raw := d.member(n, &o)
			if p == nil {
				if n.extra != nil {
					keepExtra(fieldOf(v, n.extra).Addr().Interface().(*map[string]json.RawMessage), name, raw)
				}
			} else {
				m := d.memberStart(p.name)
				f := fieldOf(v, p.index)
				d.value(p.n, f)
				if d.memberEnd(m) {
					f.SetZero()
				}
			}
			if !d.more('}') {
				break
			}
		}
	}
	d.objectClose(n, &o)
}

// keepExtra stores a member outside the schema of an open struct, as
// written, in its Extra map *m (see extraField).
func keepExtra(m *map[string]json.RawMessage, name string, raw []byte) {
	if *m == nil {
		*m = map[string]json.RawMessage{}
	}
	(*m)[name] = append(json.RawMessage(nil), raw...)
}

func fieldOf(v reflect.Value, index []int) reflect.Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	return v.FieldByIndex(index)
}

// mapOpen is called once a map node's object is entered and its map
// stored: false when the object is empty; depth is the object's level of
// d.keys, where its keys are recorded to refuse repeats.
func (d *decoder) mapOpen() (depth int, more bool) {
	if d.empty('}') {
		return 0, false
	}
	depth = d.depth
	for len(d.keys) <= depth {
		d.keys = append(d.keys, keySet{})
	}
	d.keys[depth].list = d.keys[depth].list[:0]
	d.keys[depth].set = nil
	return depth, true
}

// mapKey reads the key of the next member of a map of n, refuses a repeat,
// checks it against propertyNames and begins its value (memberEnd ends it).
func (d *decoder) mapKey(n *node, depth int) (string, mark) {
	kb := d.key()
	var k string
	listed := false // the key is in the code list of propertyNames
	if n.names != nil && n.names.enum != nil {
		if c, ok := n.names.enum[string(kb)]; ok {
			k, listed = c, true
		}
	}
	if !listed {
		k = d.scanner.text(kb)
	}
	d.seen(depth, k)
	m := d.memberStart(k)
	if n.names != nil && !d.stringOK(n.names, k, listed) {
		d.fault(FaultKey, keyArgs(n.names)...)
	}
	return k, m
}

func (d *decoder) mapObject(n *node, v reflect.Value) {
	d.enter()
	m := reflect.MakeMapWithSize(n.t, n.sizeHint)
	v.Set(m)
	depth, more := d.mapOpen()
	if !more {
		return
	}
	// SetMapIndex copies key and value: one of each serves every member.
	kv, e := reflect.New(n.t.Key()).Elem(), reflect.New(n.t.Elem()).Elem()
	for {
		k, mk := d.mapKey(n, depth)
		e.SetZero()
		d.value(n.additional, e)
		if !d.memberEnd(mk) { // a member cut is left out of the map
			kv.SetString(k)
			m.SetMapIndex(kv, e)
		}
		if !d.more('}') {
			return
		}
	}
}

// stringOK runs the string checks of n on s without reporting (listed: s
// is known to be in n's code list).
func (d *decoder) stringOK(n *node, s string, listed bool) bool {
	if n.enum != nil && !listed {
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
	d.arrayClose(n, count, !n.unique || uniqueItems(v))
}

// arrayClose checks the number of items of an array of n once read, and
// whether they are unique (unique: computed by the caller when n.unique).
func (d *decoder) arrayClose(n *node, count int, unique bool) {
	if n.minItems >= 0 && count < n.minItems {
		d.fault(FaultItems, boundSigns["minItems"], n.minItems, count)
	}
	if n.maxItems >= 0 && count > n.maxItems {
		d.fault(FaultItems, boundSigns["maxItems"], n.maxItems, count)
	}
	if !unique {
		d.fault(FaultUnique)
	}
}

// uniqueOf is uniqueItems for the generated decoders: the items of the
// plan's uniqueItems arrays are strings, booleans or integers, equal as Go
// values exactly when they are equal as JSON values.
func uniqueOf[T comparable](s []T) bool {
	if len(s) <= 16 {
		return uniqueSmall(s)
	}
	seen := make(map[T]struct{}, len(s))
	for _, x := range s {
		if _, ok := seen[x]; ok {
			return false
		}
		seen[x] = struct{}{}
	}
	return true
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

// stringOf reads a value of string node n (gString) with its checks: ok
// is false when nothing is to be stored (a value of another type).
func (d *decoder) stringOf(n *node) (s string, ok bool) {
	switch d.open(n) {
	case stepZero:
		return "", true
	case stepSkip:
		return "", false
	}
	s, _ = d.checkedText(n)
	return s, true
}

// checkedText reads a string (d.open said stepRead) and checks it along n
// (code list, lengths, pattern, format, or the branches of a union); start
// is the offset of its opening quote.
func (d *decoder) checkedText(n *node) (s string, start int) {
	start = d.pos
	if n.union != nil {
		return d.unionText(n), start
	}
	b := d.str()
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
	if n.format != nil && !d.formatOK(n, s) {
		d.fault(FaultFormat, n.formatName)
	}
	return s, start
}

// boolOf reads a value of boolean node n: ok is false when nothing is to
// be stored.
func (d *decoder) boolOf(n *node) (b, ok bool) {
	switch d.open(n) {
	case stepZero:
		return false, true
	case stepSkip:
		return false, false
	}
	return d.lit() == 't', true
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

// numLit reads a number (d.open said stepRead) into x and checks its type
// and bounds as the JSON Schema does (exact rational arithmetic): ok is
// false when the schema wants an integer and the number is not one
// (faulted, nothing to store). x.lit is the literal; plain: it has neither
// fraction nor exponent; x.rat() its exact value, computed at most once
// (for intLiteral and uintLiteral). x lives in the caller's frame: reading
// a plain integer allocates nothing.
func (d *decoder) numLit(n *node, x *exactNum) (plain, ok bool) {
	lit := d.number()
	x.lit, x.r = lit, nil
	plain = plainInteger(lit)
	if n.types&tNumber == 0 && !plain && !x.rat().IsInt() {
		d.fault(FaultType, typeArgs(n.typeNames, "number")...)
		return plain, false
	}
	if n.hasMin || n.hasMax {
		small := plain && len(lit) <= 18 && n.intBounds
		var i int64
		if small {
			i, _ = strconv.ParseInt(string(lit), 10, 64)
		}
		if n.hasMin && ((small && i < n.minInt) || (!small && x.rat().Cmp(n.min) < 0)) {
			d.fault(FaultRange, boundSigns["minimum"], n.minText, string(lit))
		}
		if n.hasMax && ((small && i > n.maxInt) || (!small && x.rat().Cmp(n.max) > 0)) {
			d.fault(FaultRange, boundSigns["maximum"], n.maxText, string(lit))
		}
	}
	return plain, true
}

// intOf reads a value of integer node n (gInt) and stores it as
// encoding/json would (an integer written 1.0 or 1e2 included, a number
// beyond the Go type refused): ok is false when nothing is to be stored.
func (d *decoder) intOf(n *node) (int64, bool) {
	switch d.open(n) {
	case stepZero:
		return 0, true
	case stepSkip:
		return 0, false
	}
	var x exactNum
	plain, ok := d.numLit(n, &x)
	if !ok {
		return 0, false
	}
	lit := x.lit
	i, ok := intLiteral(lit, plain, &x)
	if s := 64 - n.bits; !ok || i<<s>>s != i { // reflect.Value.OverflowInt
		d.fault(FaultNumberRange, goRange(n.t, string(lit))...)
		return 0, false
	}
	return i, true
}

// uintOf is intOf for unsigned integers (gUint).
func (d *decoder) uintOf(n *node) (uint64, bool) {
	switch d.open(n) {
	case stepZero:
		return 0, true
	case stepSkip:
		return 0, false
	}
	var x exactNum
	plain, ok := d.numLit(n, &x)
	if !ok {
		return 0, false
	}
	lit := x.lit
	u, ok := uintLiteral(lit, plain, &x)
	if s := 64 - n.bits; !ok || u<<s>>s != u { // reflect.Value.OverflowUint
		d.fault(FaultNumberRange, goRange(n.t, string(lit))...)
		return 0, false
	}
	return u, true
}

// floatOf is intOf for floating-point numbers (gFloat); -0 is stored as 0
// (numbers compare by value in JSON Schema).
func (d *decoder) floatOf(n *node) (float64, bool) {
	switch d.open(n) {
	case stepZero:
		return 0, true
	case stepSkip:
		return 0, false
	}
	var x exactNum
	if _, ok := d.numLit(n, &x); !ok {
		return 0, false
	}
	lit := x.lit
	f, err := strconv.ParseFloat(string(lit), n.bits)
	if err != nil || (n.bits == 32 && math.Abs(f) > math.MaxFloat32) { // reflect.Value.OverflowFloat
		d.fault(FaultNumberRange, goRange(n.t, string(lit))...)
		return 0, false
	}
	if f == 0 {
		f = 0
	}
	return f, true
}

// unionText reads a string for an anyOf of string schemas. The faults are
// the interpreter's (schemaFaults) when no branch takes the value: those of
// every branch in order, each code once per path (the plan refuses a choice
// of constants only, which the interpreter reports as one list).
func (d *decoder) unionText(n *node) string {
	s := d.scanner.text(d.str())
	if unionTakes(d, n, s) {
		return s
	}
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
			return s // this branch takes the value
		}
	}
	for i, t := range leaves {
		d.fault(t, args[i]...)
	}
	return s
}
