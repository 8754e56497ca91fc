package carnet

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The indicators read a million carnets: encoding/json was two thirds of
// their time (issue 17, item 3). lightDecoder reads a carnet with a decoder
// planned once from the Go type lightCarnet (the JSON names are the
// types' own tags: no list of names is written twice), which accepts only
// what it is sure encoding/json decodes to the same value, and hands every
// other document to encoding/json: a carnet encoding/json cannot read gets
// the same fault as before, and one it reads the same value.
//
// The fast decoder gives up (and encoding/json decides) on: a document that
// is not an object; a syntax error anywhere (RFC 8259: the whole document
// is checked, dropped members included, as encoding/json does before
// decoding); a member name that is escaped, not ASCII, or that matches a
// field only without regard to case (encoding/json's folding); a name given
// twice in one object (encoding/json merges); a kept string that is escaped
// or not valid UTF-8 (encoding/json replaces bad bytes); a value of the
// wrong type or out of range (encoding/json's UnmarshalTypeError); nesting
// deeper than fdMaxDepth. Types it has no plan for (maps, interfaces,
// json.RawMessage, unmarshalers, fields with the ",string" option…) are
// decoded by encoding/json itself, value by value.

// lightDecoder decodes carnets for the indicators, one goroutine's: it
// keeps a buffer for each slice type between carnets.
type lightDecoder struct {
	scratch map[*fdNode]*fdScratch
}

// fdScratch holds the elements of an array while they are decoded (their
// number is known at the end, where the slice is made to size).
type fdScratch struct {
	v    reflect.Value // a slice, addressable
	busy bool          // in use by an enclosing array of the same type
}

// decode decodes one carnet into lc, a zero value, as json.Unmarshal(data,
// lc) does (same value, same error), faster. A nil decoder is
// encoding/json alone.
func (d *lightDecoder) decode(data []byte, lc *lightCarnet) error {
	if d != nil && lightPlan != nil && d.guarded(data, lc) {
		return nil
	}
	*lc = lightCarnet{}
	return json.Unmarshal(data, lc)
}

// guarded is fast on a carnet, giving up should it panic (a fault of the
// fast decoder must not stop the indicators: encoding/json decides; the
// tests call fast unguarded).
func (d *lightDecoder) guarded(data []byte, lc *lightCarnet) (ok bool) {
	defer func() {
		if recover() != nil {
			*d, ok = lightDecoder{}, false
		}
	}()
	return d.fast(data, lightPlan, reflect.ValueOf(lc).Elem())
}

// lightPlan is the fast decoder's plan of lightCarnet (nil: none could be
// made, every carnet goes to encoding/json).
var lightPlan = planOf(reflect.TypeFor[lightCarnet]())

// fdMaxDepth is the deepest nesting the fast decoder follows (encoding/json
// allows 10,000; a carnet is a few levels deep).
const fdMaxDepth = 200

type fdKind uint8

const (
	fdString   fdKind = iota + 1 // a string kind
	fdBool                       // a bool
	fdInt                        // a signed integer kind
	fdFloat                      // a float kind
	fdStruct                     // a struct with a plan
	fdPtr                        // a pointer to a planned type
	fdSlice                      // a slice of a planned type
	fdSkip                       // skipped: the value is checked and dropped
	fdDelegate                   // decoded by encoding/json
)

// fdNode is the plan of one Go type.
type fdNode struct {
	kind   fdKind
	typ    reflect.Type
	elem   *fdNode        // fdPtr, fdSlice
	fields []fdField      // fdStruct
	byName map[string]int // fdStruct: JSON name → fields index
}

// fdField is one member of a struct: the path to its Go field (through
// embedded structs) and its plan.
type fdField struct {
	name  string
	index []int
	node  *fdNode
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
	skippedType         = reflect.TypeFor[skipped]()
)

// planOf returns the plan of t.
func planOf(t reflect.Type) *fdNode {
	return plan(t, map[reflect.Type]*fdNode{})
}

func plan(t reflect.Type, seen map[reflect.Type]*fdNode) *fdNode {
	if n := seen[t]; n != nil {
		return n
	}
	n := &fdNode{typ: t}
	seen[t] = n
	switch {
	case t == skippedType:
		n.kind = fdSkip
		return n
	case t == numberType,
		t.Implements(unmarshalerType), reflect.PointerTo(t).Implements(unmarshalerType),
		t.Implements(textUnmarshalerType), reflect.PointerTo(t).Implements(textUnmarshalerType):
		n.kind = fdDelegate
		return n
	}
	switch t.Kind() {
	case reflect.String:
		n.kind = fdString
	case reflect.Bool:
		n.kind = fdBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n.kind = fdInt
	case reflect.Float32, reflect.Float64:
		n.kind = fdFloat
	case reflect.Pointer:
		n.kind, n.elem = fdPtr, plan(t.Elem(), seen)
		if t.Elem().Kind() == reflect.Pointer {
			n.kind, n.elem = fdDelegate, nil
		}
	case reflect.Slice:
		n.kind, n.elem = fdSlice, plan(t.Elem(), seen)
		if t.Elem().Kind() == reflect.Uint8 {
			n.kind, n.elem = fdDelegate, nil // base64
		}
	case reflect.Struct:
		n.kind = fdStruct
		if !planStruct(n, seen) {
			n.kind, n.fields, n.byName = fdDelegate, nil, nil
		}
	default:
		n.kind = fdDelegate
	}
	return n
}

// planStruct lists the members of a struct as encoding/json does (its
// documented rules: exported fields, the tag's name, "-" dropped, the
// fields of untagged embedded structs promoted, the shallowest field of a
// name winning, a tagged one among equals, none when still ambiguous); it
// is false for what the plan does not follow (tag options such as
// ",string", names that are not plain ASCII, embedded pointers, more than
// 64 members).
func planStruct(n *fdNode, seen map[reflect.Type]*fdNode) bool {
	type cand struct {
		fdField
		depth  int
		tagged bool
	}
	var cands []cand
	var walk func(t reflect.Type, index []int, depth int) bool
	walk = func(t reflect.Type, index []int, depth int) bool {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if opts != "" && opts != "omitempty" && opts != "omitzero" {
				return false
			}
			idx := append(append([]int(nil), index...), i)
			if sf.Anonymous {
				if sf.Type.Kind() == reflect.Pointer {
					return false
				}
				if name == "" && sf.Type.Kind() == reflect.Struct {
					if !walk(sf.Type, idx, depth+1) {
						return false
					}
					continue
				}
			}
			if !sf.IsExported() {
				continue
			}
			tagged := name != ""
			if !tagged {
				name = sf.Name
			}
			if !plainName(name) {
				return false
			}
			cands = append(cands, cand{fdField{name, idx, nil}, depth, tagged})
		}
		return true
	}
	if !walk(n.typ, nil, 0) {
		return false
	}
	n.byName = map[string]int{}
	for _, c := range cands {
		if _, done := n.byName[c.name]; done {
			continue
		}
		var best *cand
		ambiguous := false
		for j := range cands {
			o := &cands[j]
			if o.name != c.name {
				continue
			}
			switch {
			case best == nil || o.depth < best.depth || (o.depth == best.depth && o.tagged && !best.tagged):
				best, ambiguous = o, false
			case o.depth == best.depth && o.tagged == best.tagged:
				ambiguous = true
			}
		}
		n.byName[c.name] = -1
		if ambiguous {
			continue
		}
		best.node = plan(n.typ.FieldByIndex(best.index).Type, seen)
		n.byName[c.name] = len(n.fields)
		n.fields = append(n.fields, best.fdField)
	}
	for name, i := range n.byName {
		if i < 0 {
			delete(n.byName, name)
		}
	}
	return len(n.fields) <= 64
}

// plainName: letters, digits, '_' and '-' of ASCII (the names the plan
// matches byte for byte).
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// fdState is the fast decoder reading one document.
type fdState struct {
	b     []byte
	i     int
	depth int
	d     *lightDecoder
	// text is b as a string, made at the first string kept: the strings of
	// the carnet are parts of it (one copy of the document, not one per
	// string; the carnet is dropped after counting).
	text string
}

// fast decodes data into v (a zero value of n's type); false when it
// gives up (v is then partly written).
func (d *lightDecoder) fast(data []byte, n *fdNode, v reflect.Value) bool {
	s := fdState{b: data, d: d}
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '{' || !s.value(n, v) {
		return false
	}
	s.ws()
	return s.i == len(s.b)
}

func (s *fdState) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value decodes the value at s.i (blanks skipped before it) into v.
func (s *fdState) value(n *fdNode, v reflect.Value) bool {
	s.ws()
	if s.i >= len(s.b) {
		return false
	}
	c := s.b[s.i]
	if c == 'n' {
		// null: no change to a fresh value (encoding/json leaves a string,
		// number or bool as it is and sets a pointer or a slice to nil),
		// except for unmarshalers, which encoding/json calls.
		if n.kind == fdDelegate {
			return s.delegate(v)
		}
		return s.literal("null")
	}
	switch n.kind {
	case fdSkip:
		return s.skip()
	case fdDelegate:
		return s.delegate(v)
	case fdString:
		if c != '"' {
			return false
		}
		str, ok := s.keptString()
		if ok {
			v.SetString(str)
		}
		return ok
	case fdBool:
		switch c {
		case 't':
			v.SetBool(true)
			return s.literal("true")
		case 'f':
			return s.literal("false")
		}
		return false
	case fdInt:
		start := s.i
		if !s.number() {
			return false
		}
		x, err := strconv.ParseInt(string(s.b[start:s.i]), 10, 64)
		if err != nil || v.OverflowInt(x) {
			return false
		}
		v.SetInt(x)
		return true
	case fdFloat:
		start := s.i
		if !s.number() {
			return false
		}
		x, err := strconv.ParseFloat(string(s.b[start:s.i]), n.typ.Bits())
		if err != nil || v.OverflowFloat(x) {
			return false
		}
		v.SetFloat(x)
		return true
	case fdPtr:
		if v.IsNil() {
			v.Set(reflect.New(n.typ.Elem()))
		}
		return s.value(n.elem, v.Elem())
	case fdSlice:
		if c != '[' {
			return false
		}
		return s.slice(n, v)
	case fdStruct:
		if c != '{' {
			return false
		}
		return s.object(n, v)
	}
	return false
}

// delegate hands the value at s.i to encoding/json.
func (s *fdState) delegate(v reflect.Value) bool {
	start := s.i
	if !s.skip() {
		return false
	}
	return json.Unmarshal(s.b[start:s.i], v.Addr().Interface()) == nil
}

func (s *fdState) literal(lit string) bool {
	if len(s.b)-s.i < len(lit) || string(s.b[s.i:s.i+len(lit)]) != lit {
		return false
	}
	s.i += len(lit)
	return true
}

// slice decodes an array into the slice v: a fresh slice, empty but not
// nil for [] (as encoding/json).
func (s *fdState) slice(n *fdNode, v reflect.Value) bool {
	if s.depth++; s.depth > fdMaxDepth {
		return false
	}
	s.i++ // [
	s.ws()
	k := 0
	// The elements go to the decoder's buffer of this type, when it is
	// free, else to v directly.
	into := v
	var sc *fdScratch
	if s.d != nil {
		if s.d.scratch == nil {
			s.d.scratch = map[*fdNode]*fdScratch{}
		}
		if sc = s.d.scratch[n]; sc == nil {
			sc = &fdScratch{v: reflect.New(n.typ).Elem()}
			s.d.scratch[n] = sc
		}
		if sc.busy {
			sc = nil
		} else {
			sc.busy = true
			into = sc.v
			defer func() { sc.busy = false }()
		}
	}
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
	} else {
		for {
			if k == into.Cap() {
				into.Grow(1)
			}
			into.SetLen(k + 1)
			e := into.Index(k)
			e.SetZero()
			if !s.value(n.elem, e) {
				return false
			}
			k++
			s.ws()
			if s.i >= len(s.b) {
				return false
			}
			if s.b[s.i] == ']' {
				s.i++
				break
			}
			if s.b[s.i] != ',' {
				return false
			}
			s.i++
		}
	}
	switch {
	case k == 0:
		v.Set(reflect.MakeSlice(n.typ, 0, 0))
	case sc != nil:
		sc.v = into // grown
		v.Grow(k)   // v is nil: one array of k elements
		v.SetLen(k)
		reflect.Copy(v, into)
	}
	s.depth--
	return true
}

// object decodes an object into the struct v.
func (s *fdState) object(n *fdNode, v reflect.Value) bool {
	if s.depth++; s.depth > fdMaxDepth {
		return false
	}
	s.i++ // {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	var seen uint64
	next := 0
	for {
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return false
		}
		start := s.i + 1
		esc, high, ok := s.str()
		if !ok || esc || high {
			return false
		}
		key := s.b[start : s.i-1]
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return false
		}
		s.i++
		// Members mostly come in the order of the fields (as
		// encoding/json writes them): the next field is tried first.
		j, known := next, next < len(n.fields) && n.fields[next].name == string(key)
		if !known {
			j, known = n.byName[string(key)]
		}
		if !known {
			for _, f := range n.fields {
				if strings.EqualFold(f.name, string(key)) {
					return false
				}
			}
			s.ws()
			if !s.skip() {
				return false
			}
		} else {
			if seen&(1<<j) != 0 {
				return false
			}
			seen |= 1 << j
			next = j + 1
			f := &n.fields[j]
			if !s.value(f.node, v.FieldByIndex(f.index)) {
				return false
			}
		}
		s.ws()
		if s.i >= len(s.b) {
			return false
		}
		if s.b[s.i] == '}' {
			s.i++
			break
		}
		if s.b[s.i] != ',' {
			return false
		}
		s.i++
	}
	s.depth--
	return true
}

// keptString reads a string to keep; false when it is escaped or not
// valid UTF-8.
func (s *fdState) keptString() (string, bool) {
	start := s.i + 1
	esc, high, ok := s.str()
	if !ok || esc {
		return "", false
	}
	b := s.b[start : s.i-1]
	if high && !utf8.Valid(b) {
		return "", false
	}
	if s.text == "" {
		s.text = string(s.b)
	}
	return s.text[start : s.i-1], true
}

// str checks the string at s.i (RFC 8259 §7) and moves past it; esc: it
// holds an escape, high: a byte over 0x7F.
func (s *fdState) str() (esc, high, ok bool) {
	i := s.i + 1
	for i < len(s.b) {
		c := s.b[i]
		switch {
		case c == '"':
			s.i = i + 1
			return esc, high, true
		case c < 0x20:
			return false, false, false
		case c == '\\':
			esc = true
			if i+1 >= len(s.b) {
				return false, false, false
			}
			switch s.b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s.b) {
					return false, false, false
				}
				for _, h := range s.b[i+2 : i+6] {
					if !isHex(h) {
						return false, false, false
					}
				}
				i += 6
			default:
				return false, false, false
			}
			continue
		case c >= 0x80:
			high = true
		}
		i++
	}
	return false, false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number checks the number at s.i (RFC 8259 §6) and moves past it.
func (s *fdState) number() bool {
	i := s.i
	if i < len(s.b) && s.b[i] == '-' {
		i++
	}
	switch {
	case i < len(s.b) && s.b[i] == '0':
		i++
	case i < len(s.b) && '1' <= s.b[i] && s.b[i] <= '9':
		for i < len(s.b) && '0' <= s.b[i] && s.b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s.b) && s.b[i] == '.' {
		i++
		d := i
		for i < len(s.b) && '0' <= s.b[i] && s.b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s.b) && (s.b[i] == 'e' || s.b[i] == 'E') {
		i++
		if i < len(s.b) && (s.b[i] == '+' || s.b[i] == '-') {
			i++
		}
		d := i
		for i < len(s.b) && '0' <= s.b[i] && s.b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	s.i = i
	return true
}

// skip checks the value at s.i and moves past it.
func (s *fdState) skip() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; c {
	case '"':
		_, _, ok := s.str()
		return ok
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	case 'n':
		return s.literal("null")
	case '[', '{':
		if s.depth++; s.depth > fdMaxDepth {
			return false
		}
		s.i++
		s.ws()
		end := byte(']')
		if c == '{' {
			end = '}'
		}
		if s.i < len(s.b) && s.b[s.i] == end {
			s.i++
			s.depth--
			return true
		}
		for {
			s.ws()
			if c == '{' {
				if s.i >= len(s.b) || s.b[s.i] != '"' {
					return false
				}
				if _, _, ok := s.str(); !ok {
					return false
				}
				s.ws()
				if s.i >= len(s.b) || s.b[s.i] != ':' {
					return false
				}
				s.i++
				s.ws()
			}
			if !s.skip() {
				return false
			}
			s.ws()
			if s.i >= len(s.b) {
				return false
			}
			if s.b[s.i] == end {
				s.i++
				s.depth--
				return true
			}
			if s.b[s.i] != ',' {
				return false
			}
			s.i++
		}
	default:
		return s.number()
	}
}
