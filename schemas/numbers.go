package schemas

import (
	"encoding"
	"encoding/json"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/spie-fr/socle/spie"
)

// Numbers as the published schemas say (JSON Schema 2020-12 validation,
// §6.1.1: "integer" matches any number with a zero fractional part): an
// integer field accepts 35, 35.0, 3.5e1 and -0.0 alike, and stores them as
// the Go integer 35 (or 0); a negative zero is stored as 0 in a Go float
// too (JSON compares numbers by value: a carnet whose content says -0.0
// hours and whose journal says 0 agree). A number the schema accepts but the field's Go
// type cannot hold (100000000000000000000 for an int64) is INPUT-NUMBER-02
// at the field's path, never encoding/json's error. Both paths of Validate
// use the functions of this file.

// plainInteger reports whether a JSON number literal has neither fraction
// nor exponent.
func plainInteger(lit []byte) bool {
	for _, c := range lit {
		if c == '.' || c == 'e' || c == 'E' {
			return false
		}
	}
	return true
}

// exactNum is the exact value of a JSON number literal, computed on first
// use and kept (rat): a plain integer that fits int64 never needs it. A
// value, not a closure, so that reading a number allocates nothing unless
// its exact value is asked for (the closure it replaces cost three
// allocations per number read).
type exactNum struct {
	lit []byte
	r   *big.Rat
}

// rat returns the literal's exact value (nil when the literal is not a
// number big.Rat reads, which the scanner never lets through).
func (x *exactNum) rat() *big.Rat {
	if x.r == nil {
		x.r, _ = new(big.Rat).SetString(string(x.lit))
	}
	return x.r
}

// intLiteral is the int64 value of an integral JSON number literal (plain
// tells whether it has no fraction or exponent; x gives its exact value);
// ok is false when the literal is not integral or beyond int64.
func intLiteral(lit []byte, plain bool, x *exactNum) (int64, bool) {
	if plain {
		i, err := strconv.ParseInt(string(lit), 10, 64)
		return i, err == nil
	}
	r := x.rat()
	if r == nil || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// uintLiteral is intLiteral for uint64.
func uintLiteral(lit []byte, plain bool, x *exactNum) (uint64, bool) {
	if plain {
		if len(lit) == 2 && lit[0] == '-' && lit[1] == '0' {
			return 0, true
		}
		u, err := strconv.ParseUint(string(lit), 10, 64)
		return u, err == nil
	}
	r := x.rat()
	if r == nil || !r.IsInt() || !r.Num().IsUint64() {
		return 0, false
	}
	return r.Num().Uint64(), true
}

// goRange gives the arguments of FaultNumberRange: the bounds of the Go
// numeric type t (by its kind) and the literal found.
func goRange(t reflect.Type, got string) []any {
	var lo, hi string
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := t.Bits()
		lo = strconv.FormatInt(-1<<(bits-1), 10)
		hi = strconv.FormatInt(1<<(bits-1)-1, 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		lo = "0"
		hi = strconv.FormatUint(math.MaxUint64>>(64-t.Bits()), 10)
	case reflect.Float32:
		hi = strconv.FormatFloat(math.MaxFloat32, 'g', -1, 32)
		lo = "-" + hi
	default:
		hi = strconv.FormatFloat(math.MaxFloat64, 'g', -1, 64)
		lo = "-" + hi
	}
	return []any{lo, hi, got}
}

// numberFit is the walk of fitNumbers; toks is the path of the value
// walked, made a JSON Pointer only for a fault.
type numberFit struct {
	faults  spie.Faults
	changed bool
	toks    []any
}

func (w *numberFit) path() string { return spie.Pointer(w.toks...) }

func (w *numberFit) child(v any, t reflect.Type, tok any) any {
	w.toks = append(w.toks, tok)
	out := w.walk(v, t)
	w.toks = w.toks[:len(w.toks)-1]
	return out
}

// fitNumbers walks a document decoded as a generic tree (numbers as
// json.Number, as the interpreter reads it) along the Go type t it is to be
// stored in. It returns the tree with every integral number bound for a Go
// integer rewritten without fraction or exponent (35.0 → 35, -0.0 → 0), so
// that encoding/json stores it, whether it rewrote any, and an
// INPUT-NUMBER-02 fault for each number its Go type cannot hold. Values of
// the wrong JSON type are left to the schema's faults. A type that decodes
// itself is walked as the struct it decodes into when it is a struct (the
// data·inclusion types decode through an alias of themselves); a numeric
// one, or one that gives its bounds (offer.Integer), is handed the literal
// and, when it refuses it, gets the fault.
func fitNumbers(v any, t reflect.Type) (any, bool, spie.Faults) {
	var w numberFit
	out := w.walk(v, t)
	return out, w.changed, w.faults
}

func (w *numberFit) walk(v any, t reflect.Type) any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if !holdsNumbers(t) {
		return v
	}
	if b, ok := reflect.Zero(t).Interface().(bounded); ok {
		// A type that reads JSON numbers itself and says its bounds
		// (offer.Integer: integers of any size).
		num, isNum := v.(json.Number)
		u, decodes := reflect.New(t).Interface().(json.Unmarshaler)
		if !isNum || !decodes {
			return v
		}
		if !integral(num) {
			return v // not an integer: the schema's type fault
		}
		if err := u.UnmarshalJSON([]byte(num)); err != nil {
			lo, hi := b.Bounds(string(num))
			w.faults = append(w.faults, FaultNumberRange.At(w.path(), lo, hi, string(num)))
		}
		return v
	}
	if t.Kind() != reflect.Struct && t.Kind() != reflect.Interface &&
		(reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) {
		num, ok := v.(json.Number)
		if !ok || !isNumericKind(t.Kind()) {
			return v
		}
		var err error
		switch u := reflect.New(t).Interface().(type) {
		case json.Unmarshaler:
			err = u.UnmarshalJSON([]byte(num))
		case encoding.TextUnmarshaler:
			err = u.UnmarshalText([]byte(num))
		}
		if err != nil {
			w.faults = append(w.faults, FaultNumberRange.At(w.path(), goRange(t, string(num))...))
		}
		return v
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return v
		}
		fields := structFields(t)
		for name, child := range obj {
			if idx, ok := fields[name]; ok {
				obj[name] = w.child(child, t.FieldByIndex(idx).Type, name)
			}
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return v
		}
		for name, child := range obj {
			obj[name] = w.child(child, t.Elem(), name)
		}
	case reflect.Slice, reflect.Array:
		arr, ok := v.([]any)
		if !ok || t.Elem().Kind() == reflect.Uint8 {
			return v
		}
		for i, child := range arr {
			arr[i] = w.child(child, t.Elem(), i)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num, ok := v.(json.Number)
		if !ok {
			return v
		}
		lit := []byte(num)
		plain := plainInteger(lit)
		x := &exactNum{lit: lit}
		if !plain && (x.rat() == nil || !x.rat().IsInt()) {
			return v // not an integer: the schema's type fault
		}
		var fits bool
		var text string
		if t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64 {
			u, ok := uintLiteral(lit, plain, x)
			fits = ok && !reflect.Zero(t).OverflowUint(u)
			text = strconv.FormatUint(u, 10)
		} else {
			i, ok := intLiteral(lit, plain, x)
			fits = ok && !reflect.Zero(t).OverflowInt(i)
			text = strconv.FormatInt(i, 10)
		}
		if !fits {
			w.faults = append(w.faults, FaultNumberRange.At(w.path(), goRange(t, string(num))...))
			return v
		}
		if !plain {
			w.changed = true
			return json.Number(text)
		}
	case reflect.Float32, reflect.Float64:
		num, ok := v.(json.Number)
		if !ok {
			return v
		}
		f, err := strconv.ParseFloat(string(num), t.Bits())
		if err != nil {
			w.faults = append(w.faults, FaultNumberRange.At(w.path(), goRange(t, string(num))...))
			return v
		}
		if f == 0 && strings.HasPrefix(string(num), "-") {
			// -0.0 is 0 (numbers compare by value in JSON Schema): no
			// negative zero in Go values.
			w.changed = true
			return json.Number("0")
		}
	}
	return v
}

// integral reports whether a JSON number literal has an integral value
// (35, 35.0, 3.5e1; not 35.5): only those may be out of an integer type's
// range, the others are not integers at all (JSON Schema 2020-12 §6.1.1).
// A number big.Rat does not read (an exponent beyond a million) counts as
// integral: the type's bounds are what refuses it.
func integral(num json.Number) bool {
	if plainInteger([]byte(num)) {
		return true
	}
	r, ok := new(big.Rat).SetString(string(num))
	return !ok || r.IsInt()
}

// bounded is a type that reads JSON numbers itself (json.Unmarshaler) and
// gives the bounds of what it reads, for INPUT-NUMBER-02 (offer.Integer).
type bounded interface {
	json.Marshaler
	Bounds(lit string) (lo, hi string)
}

var boundedType = reflect.TypeFor[bounded]()

func isNumericKind(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Float64
}

// fieldsCache holds jsonFields by struct type.
var fieldsCache sync.Map

func structFields(t reflect.Type) map[string][]int {
	if f, ok := fieldsCache.Load(t); ok {
		return f.(map[string][]int)
	}
	f := jsonFields(t)
	fieldsCache.Store(t, f)
	return f
}

// numbersCache holds holdsNumbers by type.
var numbersCache sync.Map

// holdsNumbers reports whether a value of Go type t may hold a number
// that fitNumbers checks: a numeric type (one that decodes itself too), or
// a struct, map, slice or array holding one; interfaces are left alone.
func holdsNumbers(t reflect.Type) bool {
	if h, ok := numbersCache.Load(t); ok {
		return h.(bool)
	}
	h := holdsNumbersIn(t, map[reflect.Type]bool{})
	numbersCache.Store(t, h)
	return h
}

func holdsNumbersIn(t reflect.Type, seen map[reflect.Type]bool) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if seen[t] {
		return false // the type is already being looked through
	}
	seen[t] = true
	if t.Implements(boundedType) && reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Struct:
		for _, idx := range structFields(t) {
			if holdsNumbersIn(t.FieldByIndex(idx).Type, seen) {
				return true
			}
		}
	case reflect.Map, reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return false // []byte, json.RawMessage: kept as written
		}
		return holdsNumbersIn(t.Elem(), seen)
	}
	return false
}
