package schemas

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A plan is a kind's generated JSON Schema compiled against its Go type: one
// node per schema, bound to the Go type it decodes into. The fast decoder
// follows it to read and check a document in one pass. Every check comes
// from the generated schema (itself generated from the Go types, their
// spie.Enum definitions, spie.Identifier patterns and jsonschema tags), so
// the two paths cannot drift apart; a schema keyword or a Go type the plan
// does not handle makes the kind fall back to the JSON Schema path.

// typeSet is a set of JSON types allowed by a schema.
type typeSet uint8

const (
	tNull typeSet = 1 << iota
	tBool
	tInteger
	tNumber
	tString
	tArray
	tObject
)

var typeBits = map[string]typeSet{
	"null": tNull, "boolean": tBool, "integer": tInteger, "number": tNumber,
	"string": tString, "array": tArray, "object": tObject,
}

// goKind is how a node stores its value in Go.
type goKind uint8

const (
	gString goKind = iota + 1
	gBool
	gInt
	gUint
	gFloat
	gStruct
	gMap
	gSlice
	gPtr
	gCustom // decodes itself from a string (json.Unmarshaler, encoding.TextUnmarshaler)
	gRaw    // any JSON value handed to UnmarshalJSON (json.RawMessage)
	gNumber // a number handed to UnmarshalJSON once checked (offer.Integer)
)

// annotationsOnly reports whether a schema says nothing about the value
// (no keyword but titles, descriptions and comments): any value is valid.
func annotationsOnly(s map[string]any) bool {
	for k := range s {
		switch k {
		case "title", "description", "$comment", "examples", "default":
		default:
			if !strings.HasPrefix(k, "x-") {
				return false
			}
		}
	}
	return true
}

type node struct {
	types     typeSet
	typeNames []string // the schema's "type": ["string"], ["integer", "null"]…

	// strings
	minLen, maxLen int               // -1: none
	pattern        func(string) bool // the schema's pattern (a byte loop for spie's identifiers)
	format         func(string) bool
	formatName     string
	enum           map[string]string // allowed value → the same value, interned
	enumArgs       []any             // the arguments of FaultEnum (enumArgs)
	enumKw         string            // the keyword of the list: enum, const or oneOf

	// the format as Kind.Judge judges it, or nil (see formatOK)
	judge func(string) (valid, rewritten bool)

	// anyOf
	nullable bool    // anyOf [schema, {"type": "null"}]: null is the Go zero value
	union    []*node // anyOf of string schemas: the value must match one

	// numbers
	min, max         *big.Rat
	minInt, maxInt   int64 // the same bounds when intBounds
	hasMin, hasMax   bool
	intBounds        bool
	minText, maxText string

	// arrays
	minItems, maxItems int // -1: none
	unique             bool
	items              *node

	// objects
	props      map[string]*prop
	order      []*prop // props by name, the order of bits
	fieldOrder []*prop // props in the order of the Go fields
	required   []*prop
	closed     bool  // additionalProperties: false
	additional *node // schema of the other members (maps)
	names      *node // propertyNames
	sizeHint   int   // initial size of maps
	extra      []int // open struct: index of the Extra field that keeps the other members

	// Go side
	t    reflect.Type
	kind goKind
	bits int   // gInt, gUint, gFloat: the size of the Go type in bits
	elem *node // gPtr: the pointed value

	// gen is the generated decoder of the kind (on the root node of a
	// plan; see fast_typed.go), nil when it has none.
	gen func(d *decoder, n *node, doc any)
}

type prop struct {
	name string
	// plain: the name is written in JSON as it is, with no escape (every
	// byte textByte, valid UTF-8), and can be compared where it stands
	// (plainMember).
	plain bool
	// head holds the first eight bytes of the name (little-endian, all of
	// a shorter one), headMask the bytes of head that are the name's.
	head, headMask uint64
	bit            int
	fieldPos       int
	index          []int
	n              *node
}

type planKey struct {
	ref string
	t   reflect.Type
}

type planner struct {
	root *jsonschemaDoc
	done map[planKey]*node
	kind Kind // its Formats and Patterns, as the interpreter reads them
}

type jsonschemaDoc struct {
	defs map[string]any
}

// plans caches the plan of each kind: read without a lock on every
// validation, compiled once under planMu.
var (
	plans  sync.Map // kind name → planResult
	planMu sync.Mutex
)

type planResult struct {
	n   *node
	err error
}

// planOf returns the plan of kind k, compiled once; the error says why the
// kind needs the JSON Schema path.
func planOf(k Kind) (*node, error) {
	if r, ok := plans.Load(k.Name); ok {
		return r.(planResult).n, r.(planResult).err
	}
	planMu.Lock()
	defer planMu.Unlock()
	if r, ok := plans.Load(k.Name); ok {
		return r.(planResult).n, r.(planResult).err
	}
	n, err := compilePlan(k)
	if err == nil {
		bindGenerated(k.Name, n)
	}
	plans.Store(k.Name, planResult{n, err})
	return n, err
}

func compilePlan(k Kind) (*node, error) {
	b, err := Files.ReadFile("v1/" + k.Name + ".json")
	if err != nil {
		return nil, fmt.Errorf("schéma %s absent", k.Name)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	defs, _ := root["$defs"].(map[string]any)
	p := &planner{root: &jsonschemaDoc{defs: defs}, done: map[planKey]*node{}, kind: k}
	return p.compile("#", root, k.Type())
}

// keywords the plan understands; any other keyword sends the kind to the
// JSON Schema path.
var knownKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "$ref": true,
	"title": true, "description": true, "examples": true, "default": true,
	"type": true, "enum": true, "const": true, "oneOf": true,
	"minLength": true, "maxLength": true, "pattern": true, "format": true,
	"minimum": true, "maximum": true,
	"items": true, "minItems": true, "maxItems": true, "uniqueItems": true, "anyOf": true,
	"properties": true, "required": true, "additionalProperties": true, "propertyNames": true,
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (p *planner) compile(ref string, s map[string]any, t reflect.Type) (*node, error) {
	if r, ok := s["$ref"].(string); ok {
		for k := range s {
			if k != "$ref" && k != "description" && k != "title" && k != "$comment" {
				return nil, fmt.Errorf("%s : $ref accompagné de %s", ref, k)
			}
		}
		name, ok := strings.CutPrefix(r, "#/$defs/")
		if !ok {
			return nil, fmt.Errorf("%s : $ref %s non géré", ref, r)
		}
		def, ok := p.root.defs[name].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s : $ref %s introuvable", ref, r)
		}
		return p.compile(r, def, t)
	}
	key := planKey{ref, t}
	if n, ok := p.done[key]; ok && ref != "" {
		return n, nil
	}
	if branches, ok := s["anyOf"].([]any); ok && t.Kind() != reflect.Pointer {
		return p.anyOf(ref, s, branches, t)
	}
	extra := extraField(t)
	custom := t.Kind() != reflect.Pointer && extra == nil &&
		(reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler))
	if custom && (s["type"] == "integer" || s["type"] == "number") &&
		reflect.PointerTo(t).Implements(jsonUnmarshaler) && t.Implements(boundedType) {
		// A number type that reads its literal itself and says its
		// bounds (offer.Integer): checked along the schema, then handed
		// the literal.
		n := &node{t: t, kind: gNumber, minLen: -1, maxLen: -1, minItems: -1, maxItems: -1}
		for k := range s {
			if !knownKeywords[k] && !strings.HasPrefix(k, "x-") {
				return nil, fmt.Errorf("%s : mot-clé %s non géré", ref, k)
			}
		}
		if err := n.readType(s); err != nil {
			return nil, fmt.Errorf("%s : %w", ref, err)
		}
		if err := n.readNumbers(s); err != nil {
			return nil, fmt.Errorf("%s : %w", ref, err)
		}
		for _, k := range []string{"anyOf", "enum", "const", "oneOf", "pattern", "format", "minLength", "maxLength", "items", "properties", "additionalProperties", "propertyNames"} {
			if _, ok := s[k]; ok {
				return nil, fmt.Errorf("%s : %s sur un nombre", ref, k)
			}
		}
		return n, nil
	}
	if custom && s["type"] == nil && annotationsOnly(s) && reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		// Any JSON value, kept as is (json.RawMessage…).
		return &node{t: t, kind: gRaw, minLen: -1, maxLen: -1, minItems: -1, maxItems: -1}, nil
	}
	if custom && s["type"] != "string" {
		return nil, fmt.Errorf("%s : %s se décode lui-même", ref, t)
	}
	n := &node{t: t, minLen: -1, maxLen: -1, minItems: -1, maxItems: -1}
	if ref != "" {
		p.done[key] = n
	}
	for k := range s {
		if !knownKeywords[k] && !strings.HasPrefix(k, "x-") {
			return nil, fmt.Errorf("%s : mot-clé %s non géré", ref, k)
		}
	}
	if t.Kind() == reflect.Pointer {
		n.kind = gPtr
		e, err := p.compile("", s, t.Elem())
		if err != nil {
			return nil, err
		}
		n.elem = e
		n.types, n.typeNames = e.types, e.typeNames
		return n, nil
	}
	if err := n.readType(s); err != nil {
		return nil, fmt.Errorf("%s : %w", ref, err)
	}
	if custom {
		// A type that decodes itself from a JSON string (time.Time…): the
		// string is checked along the schema, then handed to the type.
		n.kind = gCustom
	} else if err := n.readGo(t); err != nil {
		return nil, fmt.Errorf("%s : %w", ref, err)
	}
	if err := n.readStrings(s, p.kind); err != nil {
		return nil, fmt.Errorf("%s : %w", ref, err)
	}
	if err := n.readNumbers(s); err != nil {
		return nil, fmt.Errorf("%s : %w", ref, err)
	}
	if err := p.readArray(ref, n, s); err != nil {
		return nil, err
	}
	if err := p.readObject(ref, n, s); err != nil {
		return nil, err
	}
	if n.extra = extra; extra != nil && (n.kind != gStruct || n.closed) {
		return nil, fmt.Errorf("%s : champ Extra hors d'un objet ouvert", ref)
	}
	return n, nil
}

var rawMapType = reflect.TypeFor[map[string]json.RawMessage]()

// extraField returns the index of the field where a struct that decodes
// itself keeps the members its schema does not name, or nil: the field
// Extra, of type map[string]json.RawMessage, tagged json:"-". Such a type
// (offer.Service, offer.Structure: data·inclusion's models, which take
// unknown members) reads its fields by their exact JSON names and every
// other member, as written, into Extra; the fast decoder does the same
// without its UnmarshalJSON (the differential test proves that both give
// the same Go value).
func extraField(t reflect.Type) []int {
	if t.Kind() != reflect.Struct || !reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return nil
	}
	f, ok := t.FieldByName("Extra")
	if !ok || f.Type != rawMapType || f.Tag.Get("json") != "-" {
		return nil
	}
	return f.Index
}

// anyOf compiles the two shapes of anyOf the generated schemas use: a
// schema or null (a nullable field of data·inclusion's models), and a
// choice of string schemas (offer.ZoneCode). Another shape sends the kind
// to the JSON Schema path.
func (p *planner) anyOf(ref string, s map[string]any, branches []any, t reflect.Type) (*node, error) {
	for k := range s {
		if k != "anyOf" && k != "title" && k != "description" && k != "$comment" && !strings.HasPrefix(k, "x-") {
			return nil, fmt.Errorf("%s : anyOf accompagné de %s", ref, k)
		}
	}
	var list []*node
	var names []string
	null := false
	for _, b := range branches {
		bm, ok := b.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s : branche anyOf non gérée", ref)
		}
		if len(bm) == 1 && bm["type"] == "null" {
			if null {
				return nil, fmt.Errorf("%s : null répété dans anyOf", ref)
			}
			null = true
			names = appendNew(names, "null")
			continue
		}
		bn, err := p.compile("", bm, t)
		if err != nil {
			return nil, err
		}
		list = append(list, bn)
		for _, name := range bn.typeNames {
			names = appendNew(names, name)
		}
	}
	switch {
	case null && len(list) == 1:
		n := *list[0] // a copy: the branch may be a shared $ref
		n.nullable, n.typeNames = true, names
		return &n, nil
	case !null && len(list) > 0:
		constants := true
		for _, b := range list {
			if b.kind != gString || b.types != tString || b.enumKw == "oneOf" || b.format != nil {
				return nil, fmt.Errorf("%s : anyOf de schémas autres que des textes", ref)
			}
			constants = constants && b.enumKw == "const"
		}
		if constants {
			return nil, fmt.Errorf("%s : anyOf de constantes", ref)
		}
		return &node{t: t, kind: gString, types: tString, typeNames: names, union: list,
			minLen: -1, maxLen: -1, minItems: -1, maxItems: -1}, nil
	}
	return nil, fmt.Errorf("%s : anyOf non géré", ref)
}

func (n *node) readType(s map[string]any) error {
	var names []string
	switch v := s["type"].(type) {
	case string:
		names = []string{v}
	case []any:
		for _, x := range v {
			if str, ok := x.(string); ok {
				names = append(names, str)
			}
		}
	default:
		return fmt.Errorf("schéma sans type")
	}
	for _, name := range names {
		b, ok := typeBits[name]
		if !ok {
			return fmt.Errorf("type %q inconnu", name)
		}
		n.types |= b
	}
	n.typeNames = names
	if n.types&tNull != 0 {
		return fmt.Errorf("type null non géré")
	}
	return nil
}

// readGo binds the node to the Go type and checks that the two agree.
func (n *node) readGo(t reflect.Type) error {
	want := typeSet(0)
	switch t.Kind() {
	case reflect.String:
		n.kind, want = gString, tString
	case reflect.Bool:
		n.kind, want = gBool, tBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n.kind, want = gInt, tInteger
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n.kind, want = gUint, tInteger
	case reflect.Float32, reflect.Float64:
		n.kind, want = gFloat, tNumber|tInteger
	case reflect.Struct:
		n.kind, want = gStruct, tObject
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return fmt.Errorf("clé de map %s non gérée", t.Key())
		}
		n.kind, want = gMap, tObject
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return fmt.Errorf("[]byte non géré")
		}
		n.kind, want = gSlice, tArray
	default:
		return fmt.Errorf("type Go %s non géré", t)
	}
	if n.types&^want != 0 {
		return fmt.Errorf("type %s du schéma pour le type Go %s", strings.Join(n.typeNames, ", "), t)
	}
	if n.kind == gInt || n.kind == gUint || n.kind == gFloat {
		n.bits = t.Bits()
	}
	return nil
}

// readStrings reads the string keywords; the kind's Patterns and Formats
// replace the schema's patterns and formats as they do for the interpreter.
func (n *node) readStrings(s map[string]any, k Kind) error {
	var err error
	if n.minLen, err = intKeyword(s, "minLength"); err != nil {
		return err
	}
	if n.maxLen, err = intKeyword(s, "maxLength"); err != nil {
		return err
	}
	if p, ok := s["pattern"].(string); ok {
		if n.pattern, _, err = patternMatcher(p, k); err != nil {
			return err
		}
	}
	if f, ok := s["format"].(string); ok {
		n.formatName = f
		n.format = formatCheck(f)
		if kf, ok := k.Formats[f]; ok {
			n.format = func(s string) bool { return kf(s) }
			n.judge = formatJudge(k, f)
		}
	}
	values, err := enumValues(s)
	if err != nil {
		return err
	}
	if values != nil {
		if n.kind != gString && n.kind != gCustom {
			return fmt.Errorf("liste de valeurs hors d'un texte")
		}
		n.enum = make(map[string]string, len(values))
		for _, v := range values {
			n.enum[v] = v
		}
		n.enumArgs = enumArgs(values)
		for _, kw := range []string{"enum", "const", "oneOf"} {
			if _, ok := s[kw]; ok {
				n.enumKw = kw
			}
		}
	}
	return nil
}

// enumValues collects the allowed values of enum, const and a oneOf of
// constants (the code lists), all strings.
func enumValues(s map[string]any) ([]string, error) {
	var out []string
	seen := false
	add := func(v any) error {
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("valeur de liste non textuelle %v", v)
		}
		out = append(out, str)
		return nil
	}
	if e, ok := s["enum"].([]any); ok {
		seen = true
		for _, v := range e {
			if err := add(v); err != nil {
				return nil, err
			}
		}
	}
	if c, ok := s["const"]; ok {
		if seen {
			return nil, fmt.Errorf("enum et const ensemble")
		}
		seen = true
		if err := add(c); err != nil {
			return nil, err
		}
	}
	if o, ok := s["oneOf"].([]any); ok {
		if seen {
			return nil, fmt.Errorf("oneOf avec enum ou const")
		}
		seen = true
		for _, b := range o {
			bm, ok := b.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("branche oneOf non gérée")
			}
			for k := range bm {
				if k != "const" && k != "title" && k != "description" {
					return nil, fmt.Errorf("branche oneOf avec %s", k)
				}
			}
			c, ok := bm["const"]
			if !ok {
				return nil, fmt.Errorf("branche oneOf sans const")
			}
			if err := add(c); err != nil {
				return nil, err
			}
		}
		sort.Strings(out)
		for i := 1; i < len(out); i++ {
			if out[i] == out[i-1] {
				return nil, fmt.Errorf("constante %q répétée dans oneOf", out[i])
			}
		}
	}
	if seen && out == nil {
		out = []string{}
	}
	return out, nil
}

func intKeyword(s map[string]any, k string) (int, error) {
	v, ok := s[k]
	if !ok {
		return -1, nil
	}
	num, ok := v.(json.Number)
	if !ok {
		return 0, fmt.Errorf("%s non numérique", k)
	}
	i, err := num.Int64()
	if err != nil || i < 0 {
		return 0, fmt.Errorf("%s invalide", k)
	}
	return int(i), nil
}

// formatCheck returns the check of a format, the very function the JSON
// Schema validator asserts (nil for formats it does not know, which it
// ignores too).
func formatCheck(name string) func(string) bool {
	if name == "date" {
		return isDate
	}
	f, ok := jsonschema.Formats[name]
	if !ok {
		return nil
	}
	return func(s string) bool { return f(s) }
}

// isDate is time.Parse("2006-01-02", s) == nil, the JSON Schema
// validator's check of format "date", without its cost: four-digit year,
// month 01–12, day within the month (leap years counted).
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	num := func(b string) int {
		n := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return -1
			}
			n = n*10 + int(b[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (n *node) readNumbers(s map[string]any) error {
	bound := func(k string) (*big.Rat, string, error) {
		v, ok := s[k]
		if !ok {
			return nil, "", nil
		}
		num, ok := v.(json.Number)
		if !ok {
			return nil, "", fmt.Errorf("%s non numérique", k)
		}
		r, ok := new(big.Rat).SetString(string(num))
		if !ok {
			return nil, "", fmt.Errorf("%s invalide", k)
		}
		return r, boundText(r), nil
	}
	var err error
	if n.min, n.minText, err = bound("minimum"); err != nil {
		return err
	}
	if n.max, n.maxText, err = bound("maximum"); err != nil {
		return err
	}
	if (n.min != nil || n.max != nil) && n.types&(tInteger|tNumber) == 0 {
		return fmt.Errorf("bornes numériques hors d'un nombre")
	}
	n.hasMin, n.hasMax = n.min != nil, n.max != nil
	n.intBounds = true
	for _, b := range []*big.Rat{n.min, n.max} {
		if b != nil && (!b.IsInt() || !b.Num().IsInt64()) {
			n.intBounds = false
		}
	}
	if n.intBounds {
		if n.min != nil {
			n.minInt = n.min.Num().Int64()
		}
		if n.max != nil {
			n.maxInt = n.max.Num().Int64()
		}
	}
	return nil
}

func (p *planner) readArray(ref string, n *node, s map[string]any) error {
	var err error
	if n.minItems, err = intKeyword(s, "minItems"); err != nil {
		return err
	}
	if n.maxItems, err = intKeyword(s, "maxItems"); err != nil {
		return err
	}
	n.unique, _ = s["uniqueItems"].(bool)
	items, hasItems := s["items"]
	if n.kind != gSlice {
		if hasItems || n.minItems >= 0 || n.maxItems >= 0 || n.unique {
			return fmt.Errorf("%s : mots-clés de liste hors d'une liste", ref)
		}
		return nil
	}
	im, ok := items.(map[string]any)
	if !ok {
		return fmt.Errorf("%s : liste sans items", ref)
	}
	if n.items, err = p.compile("", im, n.t.Elem()); err != nil {
		return err
	}
	if n.unique {
		switch n.items.kind {
		case gString, gBool, gInt, gUint:
		default:
			return fmt.Errorf("%s : uniqueItems sur des éléments composés", ref)
		}
	}
	return nil
}

func (p *planner) readObject(ref string, n *node, s map[string]any) error {
	props, _ := s["properties"].(map[string]any)
	add, hasAdd := s["additionalProperties"]
	names, hasNames := s["propertyNames"].(map[string]any)
	req, _ := s["required"].([]any)
	switch n.kind {
	case gStruct:
		if hasNames {
			return fmt.Errorf("%s : propertyNames sur une structure", ref)
		}
		if b, ok := add.(bool); hasAdd && (!ok || b) {
			return fmt.Errorf("%s : additionalProperties non géré sur une structure", ref)
		}
		n.closed = hasAdd
		fields := jsonFields(n.t)
		n.props = make(map[string]*prop, len(props))
		var list []string
		for name := range props {
			list = append(list, name)
		}
		sort.Strings(list)
		for i, name := range list {
			idx, ok := fields[name]
			if !ok {
				return fmt.Errorf("%s : propriété %s sans champ Go", ref, name)
			}
			ps, ok := props[name].(map[string]any)
			if !ok {
				return fmt.Errorf("%s : propriété %s non gérée", ref, name)
			}
			pn, err := p.compile("", ps, n.t.FieldByIndex(idx).Type)
			if err != nil {
				return err
			}
			n.props[name] = &prop{name: name, plain: plainName(name), bit: i, index: idx, n: pn}
			n.props[name].head, n.props[name].headMask = nameHead(name)
			n.order = append(n.order, n.props[name])
		}
		n.fieldOrder = append([]*prop(nil), n.order...)
		sort.SliceStable(n.fieldOrder, func(i, j int) bool {
			a, b := n.fieldOrder[i].index, n.fieldOrder[j].index
			for k := 0; k < len(a) && k < len(b); k++ {
				if a[k] != b[k] {
					return a[k] < b[k]
				}
			}
			return len(a) < len(b)
		})
		for i, p := range n.fieldOrder {
			p.fieldPos = i
		}
		for _, r := range req {
			name, _ := r.(string)
			pr, ok := n.props[name]
			if !ok {
				return fmt.Errorf("%s : propriété obligatoire %s hors de properties", ref, name)
			}
			n.required = append(n.required, pr)
		}
	case gMap:
		if props != nil || req != nil {
			return fmt.Errorf("%s : properties sur une map", ref)
		}
		am, ok := add.(map[string]any)
		if !ok {
			return fmt.Errorf("%s : map sans additionalProperties", ref)
		}
		var err error
		if n.additional, err = p.compile("", am, n.t.Elem()); err != nil {
			return err
		}
		if hasNames {
			if n.names, err = p.compile("", names, n.t.Key()); err != nil {
				return err
			}
			// Maps keyed by a short code list are often complete: room for
			// all of it saves growing the map member by member.
			if len(n.names.enum) <= 16 {
				n.sizeHint = len(n.names.enum)
			}
		}
	default:
		if props != nil || hasAdd || hasNames || req != nil {
			return fmt.Errorf("%s : mots-clés d'objet hors d'un objet", ref)
		}
	}
	return nil
}

// jsonFields maps the JSON names of a struct's fields to their index, as
// encoding/json sees them (embedded structs flattened, "-" skipped; a name
// given twice at the same depth is dropped).
func jsonFields(t reflect.Type) map[string][]int {
	out := map[string][]int{}
	depth := map[string]int{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), prefix...), i)
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if d, ok := depth[name]; ok {
				if d == len(idx) {
					delete(out, name)
				}
				if d <= len(idx) {
					continue
				}
			}
			depth[name] = len(idx)
			out[name] = idx
		}
	}
	walk(t, nil)
	return out
}
