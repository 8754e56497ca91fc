package offer

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
)

// Warnings of the normalisation: each names what a strict JSON Schema
// consumer would refuse and the value data·inclusion's models keep instead
// (pydantic 2 in JSON mode, lax: the conversions of its documented
// "Conversion Table").
var (
	FaultNormDuplicate   = &spie.FaultType{Code: "OFFRE-NORME-01", Severity: spie.SeverityWarning, FR: "doublon retiré : %q figure déjà dans la liste (data·inclusion n'en garde qu'un ; un validateur du schéma JSON refuserait la liste)", EN: "duplicate removed: %q is already in the list (data·inclusion keeps one; a JSON Schema validator would refuse the list)", Source: "modèles pydantic de data·inclusion v1.0.8 (mode JSON, conversions laxistes de la « Conversion Table » de pydantic 2) : les champs set[...] (thematiques, publics, modes_accueil…) dédoublonnent"}
	FaultNormDate        = &spie.FaultType{Code: "OFFRE-NORME-02", Severity: spie.SeverityWarning, FR: "date ramenée à %s : %s n'est pas une date AAAA-MM-JJ (data·inclusion la convertit ; un validateur du schéma JSON la refuserait)", EN: "date brought to %s: %s is not a YYYY-MM-DD date (data·inclusion converts it; a JSON Schema validator would refuse it)", Source: "modèles pydantic de data·inclusion v1.0.8 (mode JSON, conversions laxistes de la « Conversion Table » de pydantic 2) : date_maj lue depuis une date-heure à minuit ou un horodatage"}
	FaultNormNumber      = &spie.FaultType{Code: "OFFRE-NORME-03", Severity: spie.SeverityWarning, FR: "nombre converti en %s : %s n'est pas un nombre JSON (data·inclusion le convertit ; un validateur du schéma JSON le refuserait)", EN: "number converted to %s: %s is not a JSON number (data·inclusion converts it; a JSON Schema validator would refuse it)", Source: "modèles pydantic de data·inclusion v1.0.8 (mode JSON, conversions laxistes de la « Conversion Table » de pydantic 2) : nombres écrits en texte ou booléens convertis"}
	FaultNormNonFinite   = &spie.FaultType{Code: "OFFRE-NORME-04", Severity: spie.SeverityWarning, FR: "valeur non finie %s remplacée par null : data·inclusion l'accepte, mais JSON ne peut pas l'écrire", EN: "non-finite value %s replaced by null: data·inclusion accepts it, but JSON cannot write it", Source: "modèles pydantic de data·inclusion v1.0.8 (mode JSON, conversions laxistes de la « Conversion Table » de pydantic 2) : inf et nan acceptés, écrits null en JSON"}
	FaultNormEmail       = &spie.FaultType{Code: "OFFRE-NORME-06", Severity: spie.SeverityWarning, FR: "adresse normalisée en %q (écrite %q) : data·inclusion garde l'adresse seule, sans nom ni espaces, domaine en minuscules", EN: "address normalised to %q (written %q): data·inclusion keeps the bare address, without name or spaces, domain in lower case", Source: "modèles data·inclusion v1.0.8 : EmailStr de pydantic (email-validator 2.x, sans vérification de délivrabilité)"}
	FaultNormURL         = &spie.FaultType{Code: "OFFRE-NORME-07", Severity: spie.SeverityWarning, FR: "lien normalisé en %q (écrit %q) : data·inclusion garde le lien tel que le standard URL le lit", EN: "link normalised to %q (written %q): data·inclusion keeps the link as the URL Standard reads it", Source: "modèles data·inclusion v1.0.8 : HttpUrl de pydantic-core (standard URL du WHATWG, 2 083 octets au plus)"}
	FaultNormRepeatedKey = &spie.FaultType{Code: "OFFRE-NORME-05", Severity: spie.SeverityWarning, FR: "clé répétée : seule la dernière valeur est gardée, comme le fait data·inclusion", EN: "repeated key: only the last value is kept, as data·inclusion does", Source: "modèles pydantic de data·inclusion v1.0.8 (mode JSON, conversions laxistes de la « Conversion Table » de pydantic 2) : clé répétée, la dernière valeur est gardée (json de Python)"}
)

// fieldClass says how the normalisation reads a field of a data·inclusion
// model.
type fieldClass int

const (
	classOther fieldClass = iota
	classSet              // set[Enum]: duplicates collapse
	classDate             // date: lax date and datetime forms
	classFloat            // float: numeric strings, booleans
	classInt              // int: numeric strings, booleans
	classEmail            // EmailStr: display name, spaces, IDN domain
	classURL              // HttpUrl: the URL Standard's serialisation
)

// fieldRule is how the normalisation reads a field: its class, and for a
// number whether it has a lower bound (then -inf and nan fail it, and are
// left for the validation to refuse).
type fieldRule struct {
	class   fieldClass
	bounded bool
}

// fieldClasses derives the rule of each field of a model type from its Go
// type, the one definition of the fields: a slice of a code list (spie.Enum)
// is a set in data·inclusion's models, Date a date, *float64 a float and
// *Integer an int; a "minimum" in its jsonschema tag bounds it.
func fieldClasses(t reflect.Type) map[string]fieldRule {
	enum := reflect.TypeOf((*spie.Enum)(nil)).Elem()
	out := map[string]fieldRule{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		ft := f.Type
		rule := fieldRule{bounded: strings.Contains(f.Tag.Get("jsonschema"), "minimum=")}
		switch {
		case ft.Kind() == reflect.Slice && ft.Elem().Implements(enum):
			rule.class = classSet
		case ft == reflect.TypeOf(Date("")):
			rule.class = classDate
		case ft == reflect.TypeOf((*float64)(nil)):
			rule.class = classFloat
		case ft == reflect.TypeOf((*Integer)(nil)):
			rule.class = classInt
		case strings.Contains(f.Tag.Get("jsonschema"), "format=email"):
			rule.class = classEmail
		case strings.Contains(f.Tag.Get("jsonschema"), "format=uri"):
			rule.class = classURL
		}
		out[name] = rule
	}
	return out
}

var (
	// The classes of the models' fields, built on first use (issue 17 item 4).
	serviceClasses   = sync.OnceValue(func() map[string]fieldRule { return fieldClasses(reflect.TypeOf(Service{})) })
	structureClasses = sync.OnceValue(func() map[string]fieldRule { return fieldClasses(reflect.TypeOf(Structure{})) })
)

// NormalizeService returns the service as data·inclusion's model would read
// it (Service.model_validate_json of data-inclusion-schema, JSON mode), with
// one warning (OFFRE-NORME-*) per change: of a repeated key the last value
// is kept; in the fields typed set (thematiques, publics, modes_accueil,
// modes_mobilisation, mobilisable_par) a repeated value is removed; date_maj
// written as a datetime at midnight ("2025-06-01T00:00:00Z", "2025-06-01
// 00:00") or as a Unix timestamp at midnight (seconds, or milliseconds
// beyond 2×10¹⁰) becomes YYYY-MM-DD; a number written as a string (" 3 ",
// "1_000", "1e3") or a boolean becomes a JSON number, a non-finite one
// (inf, nan) null; an e-mail address becomes the one EmailStr keeps
// (NormalizeEmail), a link the one HttpUrl keeps (NormalizeURL). Keys
// match exactly; other members are kept as written.
// A document that is not a readable JSON object is returned unchanged,
// without warnings: the validation reports it. When nothing changes the
// bytes returned are data itself.
func NormalizeService(data []byte, opts ...NormalizeOption) ([]byte, spie.Faults) {
	return normalize(data, serviceClasses(), opts)
}

// NormalizeStructure is NormalizeService for a structure (its set:
// reseaux_porteurs).
func NormalizeStructure(data []byte, opts ...NormalizeOption) ([]byte, spie.Faults) {
	return normalize(data, structureClasses(), opts)
}

// NormalizeOption changes what NormalizeService and NormalizeStructure
// rewrite.
type NormalizeOption func(*normalizer)

type normalizer struct {
	keep func(format, value string) bool
}

// KeepValid leaves as written each e-mail address and link that accepted
// says a strict JSON Schema consumer takes (format "email" or "uri"): its
// normalisation ("https://exemple.fr" stored as "https://exemple.fr/", a
// domain in lower case) changes nothing a consumer would refuse, and is no
// warning. Validate uses it; without it the document is rewritten exactly
// as data·inclusion stores it (spie normalize).
func KeepValid(accepted func(format, value string) bool) NormalizeOption {
	return func(n *normalizer) { n.keep = accepted }
}

// rawMember is one member of a JSON object as written.
type rawMember struct {
	name []byte // the key as written, without its quotes
	// unquoted is the key's text when it differs from name or may differ
	// (escapes, non-ASCII), escaped then true.
	unquoted string
	escaped  bool
	raw      json.RawMessage
}

// key returns the member's key as encoding/json reads it (a copy of name
// when it holds no escape and is ASCII).
func (m *rawMember) key() string {
	if m.escaped {
		return m.unquoted
	}
	return string(m.name)
}

// sameKey reports whether two members have the same key once read.
func sameKey(a, b *rawMember) bool {
	if !a.escaped && !b.escaped {
		return bytes.Equal(a.name, b.name)
	}
	return a.key() == b.key()
}

// readMembers reads a JSON object into its members in writing order,
// repeated keys included; ok is false when data is not one JSON object as
// json.Valid judges it (RFC 8259 syntax, strings not checked for UTF-8,
// at most 10,000 levels of nesting), after the trailing white space
// bytes.TrimRightFunc(unicode.IsSpace) removes — Unicode's, such as \v or
// U+00A0, not only JSON's —, as the decoder-based reader did before: the
// schema reports what follows. The syntax is checked by the same byte loop
// that cuts the members (TestReadMembersAsEncodingJSON, FuzzReadMembers:
// encoding/json is the oracle). Each member's key is its unquoted text (as
// encoding/json unquotes it: escapes read, invalid UTF-8 replaced by
// U+FFFD); its raw value is the value as written, without the spaces
// around it, a slice of data that cannot grow into it. out is appended to
// (a reused buffer, or nil).
func readMembers(data []byte, out []rawMember) ([]rawMember, bool) {
	data = bytes.TrimRightFunc(data, unicode.IsSpace)
	i := skipSpaces(data, 0)
	if i == len(data) || data[i] != '{' {
		return out, false
	}
	i = skipSpaces(data, i+1)
	if i < len(data) && data[i] == '}' {
		return out, skipSpaces(data, i+1) == len(data)
	}
	for {
		end := scanString(data, i)
		if end < 0 {
			return out, false
		}
		m, ok := memberKey(data[i:end])
		if !ok {
			return out, false
		}
		i = skipSpaces(data, end)
		if i == len(data) || data[i] != ':' {
			return out, false
		}
		i = skipSpaces(data, i+1)
		vend := scanValue(data, i, 1)
		if vend < 0 {
			return out, false
		}
		m.raw = json.RawMessage(data[i:vend:vend])
		out = append(out, m)
		i = skipSpaces(data, vend)
		if i == len(data) {
			return out, false
		}
		switch data[i] {
		case '}':
			return out, skipSpaces(data, i+1) == len(data)
		case ',':
			i = skipSpaces(data, i+1)
		default:
			return out, false
		}
	}
}

// maxNesting is the deepest nesting of arrays and objects encoding/json
// reads (its scanner's maxNestingDepth): json.Valid refuses a document
// deeper than that.
const maxNesting = 10000

// skipSpaces returns the index of the first byte of data at or after i that
// is not JSON white space.
func skipSpaces(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// scanValue returns the index after the JSON value that starts at data[i],
// or -1 when none does (RFC 8259 §3–7); depth is the nesting of the
// arrays and objects around it.
func scanValue(data []byte, i, depth int) int {
	if i >= len(data) {
		return -1
	}
	switch c := data[i]; {
	case c == '"':
		return scanString(data, i)
	case c == '{' || c == '[':
		return scanContainer(data, i, depth+1)
	case c == '-' || c >= '0' && c <= '9':
		return scanNumber(data, i)
	case c == 't':
		return scanLiteral(data, i, "true")
	case c == 'f':
		return scanLiteral(data, i, "false")
	case c == 'n':
		return scanLiteral(data, i, "null")
	}
	return -1
}

// scanContainer returns the index after the array or object that starts at
// data[i], or -1; depth is its own nesting level.
func scanContainer(data []byte, i, depth int) int {
	if depth > maxNesting {
		return -1
	}
	object := data[i] == '{'
	closer := byte(']')
	if object {
		closer = '}'
	}
	i = skipSpaces(data, i+1)
	if i < len(data) && data[i] == closer {
		return i + 1
	}
	for {
		if object {
			end := scanString(data, i)
			if end < 0 {
				return -1
			}
			i = skipSpaces(data, end)
			if i == len(data) || data[i] != ':' {
				return -1
			}
			i = skipSpaces(data, i+1)
		}
		i = scanValue(data, i, depth)
		if i < 0 {
			return -1
		}
		i = skipSpaces(data, i)
		if i == len(data) {
			return -1
		}
		switch data[i] {
		case closer:
			return i + 1
		case ',':
			i = skipSpaces(data, i+1)
		default:
			return -1
		}
	}
}

// scanString returns the index after the closing quote of the JSON string
// that starts at data[i], or -1: no control character, escapes among
// \" \\ \/ \b \f \n \r \t and \uXXXX (other bytes, invalid UTF-8
// included, are taken as encoding/json takes them).
func scanString(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	for i++; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		case c == '\\':
			i++
			if i == len(data) {
				return -1
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(data) {
					return -1
				}
				for _, h := range data[i+1 : i+5] {
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return -1
					}
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

// scanNumber returns the index after the JSON number that starts at data[i]
// (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?), or -1.
func scanNumber(data []byte, i int) int {
	if data[i] == '-' {
		i++
	}
	switch {
	case i == len(data):
		return -1
	case data[i] == '0':
		i++
	case data[i] >= '1' && data[i] <= '9':
		i = scanDigits(data, i)
	default:
		return -1
	}
	if i < len(data) && data[i] == '.' {
		j := scanDigits(data, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := scanDigits(data, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

func scanDigits(data []byte, i int) int {
	for i < len(data) && isASCIIDigit(data[i]) {
		i++
	}
	return i
}

// scanLiteral returns the index after lit written at data[i], or -1.
func scanLiteral(data []byte, i int, lit string) int {
	if len(data)-i < len(lit) || string(data[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// memberKey reads the key raw (a JSON string, quotes included): its name
// as written, and when it holds an escape or a non-ASCII byte its text as
// encoding/json reads it.
func memberKey(raw []byte) (rawMember, bool) {
	inner := raw[1 : len(raw)-1]
	m := rawMember{name: inner}
	for _, b := range inner {
		if b == '\\' || b >= 0x80 {
			m.escaped = true
			break
		}
	}
	if m.escaped {
		var key string // not &m.unquoted: m would move to the heap
		if err := json.Unmarshal(raw, &key); err != nil {
			return m, false
		}
		m.unquoted = key
	}
	return m, true
}

// normalizeState is what normalize reuses from one document to the next:
// the normalizer its options set and the buffer of members.
type normalizeState struct {
	nz      normalizer
	members []rawMember
}

// statePool holds the states of normalize, so that reading a document
// allocates neither its normalizer nor a slice of members; a state is
// cleared before it goes back, so that it keeps no document alive.
var statePool = sync.Pool{New: func() any { return new(normalizeState) }}

// smallObject is the most members whose repeated keys are found by
// comparing each pair; a larger object is read with a map, so that a
// hostile object of many members costs linear time.
const smallObject = 64

func normalize(data []byte, classes map[string]fieldRule, opts []NormalizeOption) ([]byte, spie.Faults) {
	st := statePool.Get().(*normalizeState)
	defer func() {
		clear(st.members)
		st.members, st.nz = st.members[:0], normalizer{}
		statePool.Put(st)
	}()
	nz := &st.nz
	for _, o := range opts {
		o(nz)
	}
	members, ok := readMembers(data, st.members[:0])
	st.members = members
	if !ok {
		return data, nil
	}
	var small [2]uint64
	dropped, repeated := small[:1], small[1:]
	if len(members) > smallObject {
		words := (len(members) + 63) / 64
		dropped, repeated = make([]uint64, words), make([]uint64, words)
	}
	changed := repeats(members, dropped, repeated)
	var warnings spie.Faults
	for i := range members {
		if has(dropped, i) {
			continue
		}
		m := &members[i]
		if has(repeated, i) {
			warnings = append(warnings, FaultNormRepeatedKey.At(spie.Pointer(m.key())))
		}
		var rule fieldRule
		var known bool
		if m.escaped {
			rule, known = classes[m.unquoted]
		} else {
			rule, known = classes[string(m.name)]
		}
		if known {
			if raw, ws := nz.value(m, rule); ws != nil {
				warnings = append(warnings, ws...)
				m.raw = raw
				changed = true
			}
		}
	}
	if !changed {
		return data, nil
	}
	warnings.Sort()
	return writeMembers(members, dropped), warnings
}

// repeats marks in dropped each member whose key a later member repeats
// (data·inclusion keeps the last value), in repeated each member whose key
// is written more than once (bit sets of one bit a member); it reports
// whether any key is repeated.
func repeats(members []rawMember, dropped, repeated []uint64) bool {
	found := false
	mark := func(earlier, later int) {
		dropped[earlier/64] |= 1 << (earlier % 64)
		repeated[earlier/64] |= 1 << (earlier % 64)
		repeated[later/64] |= 1 << (later % 64)
		found = true
	}
	if len(members) <= smallObject {
		for j := 1; j < len(members); j++ {
			for i := 0; i < j; i++ {
				if len(members[i].name) == len(members[j].name) || members[i].escaped || members[j].escaped {
					if sameKey(&members[i], &members[j]) {
						mark(i, j)
					}
				}
			}
		}
		return found
	}
	last := make(map[string]int, len(members))
	for i := range members {
		k := members[i].key()
		if p, ok := last[k]; ok {
			mark(p, i)
		}
		last[k] = i
	}
	return found
}

// has reports whether bit i of the bit set is on.
func has(set []uint64, i int) bool { return set[i/64]&(1<<(i%64)) != 0 }

// value returns the normalised value of a member and its warnings (nil
// when the value stays as written). Each class first checks with a byte
// loop whether the value is already as the model keeps it, and then
// builds nothing.
func (nz *normalizer) value(m *rawMember, rule fieldRule) (json.RawMessage, spie.Faults) {
	raw := m.raw
	switch rule.class {
	case classSet:
		if setHasNoRepeat(raw) {
			return nil, nil
		}
		return collapseSet(m.key(), raw)
	case classDate:
		if isPlainDate(raw) {
			return nil, nil
		}
		if d, ok := laxDate(raw); ok {
			out, _ := json.Marshal(d)
			return out, spie.Faults{FaultNormDate.At(spie.Pointer(m.key()), d, string(raw))}
		}
	case classFloat, classInt:
		if isPlainNumber(raw, rule.class) {
			return nil, nil
		}
		return laxNumber(m.key(), rule, raw)
	case classEmail, classURL:
		v, ok := stringValue(raw)
		if !ok {
			return nil, nil
		}
		if n, _, rewritten := nz.format(rule.class, v); rewritten {
			out, _ := json.Marshal(n)
			if rule.class == classEmail {
				return out, spie.Faults{FaultNormEmail.At(spie.Pointer(m.key()), n, v)}
			}
			return out, spie.Faults{FaultNormURL.At(spie.Pointer(m.key()), n, v)}
		}
	}
	return nil, nil
}

// format judges the text v of an e-mail (classEmail) or link (classURL)
// field: valid is the models' verdict (NormalizeEmail, NormalizeURL: IsEmail,
// IsHTTPURL), rewritten says that the normalisation replaces v by n, the
// text the model keeps. It does when the model keeps another text than v
// (for a link, one of at most MaxURLBytes bytes: the limit counts the text
// as written, so a serialisation made longer by percent-encoding stays as
// written, still accepted) and nz.keep does not take v as written (only
// then is it asked).
func (nz *normalizer) format(class fieldClass, v string) (n string, valid, rewritten bool) {
	name := "email"
	if class == classEmail {
		n, valid = NormalizeEmail(v)
	} else {
		name = "uri"
		n, valid = NormalizeURL(v)
		if len(n) > MaxURLBytes {
			return n, valid, false
		}
	}
	return n, valid, valid && n != v && (nz.keep == nil || !nz.keep(name, v))
}

// FormatJudge returns, for the normalisation with opts, the judge of the
// formats of data·inclusion's e-mail and link fields ("email" and "uri" in
// its schemas): for a text v of the format, valid is the models' verdict
// (IsEmail, IsHTTPURL) and rewritten says that NormalizeService and
// NormalizeStructure with opts rewrite v when a field of the format holds
// it (one warning OFFRE-NORME-06 or -07); known is false for another
// format. It is the very check of the normalisation, so that a validator
// that has judged a document's values with it knows, without normalising,
// that none of them would be rewritten (package schemas: the verdict of
// the format and the normalisation's, one call).
func FormatJudge(opts ...NormalizeOption) func(format, v string) (valid, rewritten, known bool) {
	var nz normalizer
	for _, o := range opts {
		o(&nz)
	}
	return func(format, v string) (valid, rewritten, known bool) {
		var class fieldClass
		switch format {
		case "email":
			class = classEmail
		case "uri":
			class = classURL
		default:
			return false, false, false
		}
		_, valid, rewritten = nz.format(class, v)
		return valid, rewritten, true
	}
}

// stringValue returns the text of raw when it is a JSON string (as
// encoding/json reads it: a copy of the bytes between the quotes when they
// hold no escape and are valid UTF-8).
func stringValue(raw json.RawMessage) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var v string
	if json.Unmarshal(raw, &v) != nil {
		return "", false
	}
	return v, true
}

// setHasNoRepeat reports, without building anything, that collapseSet
// finds no repeated string in raw: raw is not an array, or an array of at
// most smallObject items whose strings are written without escapes and
// all differ. False means collapseSet has to look.
func setHasNoRepeat(raw json.RawMessage) bool {
	if len(raw) == 0 || raw[0] != '[' {
		return true
	}
	var items [smallObject][]byte
	n := 0
	for i := skipSpaces(raw, 1); i < len(raw) && raw[i] != ']'; {
		end := scanValue(raw, i, 1)
		if end < 0 {
			return false
		}
		switch raw[i] {
		case 'n':
			return false // null reads as "" in collapseSet
		case '"':
			s := raw[i+1 : end-1]
			if n == len(items) || bytes.IndexByte(s, '\\') >= 0 || !utf8.Valid(s) {
				return false
			}
			for _, t := range items[:n] {
				if bytes.Equal(s, t) {
					return false
				}
			}
			items[n] = s
			n++
		}
		i = skipSpaces(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpaces(raw, i+1)
		}
	}
	return true
}

// isPlainDate reports whether raw is a JSON string YYYY-MM-DD written
// without escapes: laxDate has nothing to convert.
func isPlainDate(raw json.RawMessage) bool {
	return len(raw) == 12 && raw[0] == '"' && raw[11] == '"' && isDateText(string(raw[1:11]))
}

// isPlainNumber reports whether laxNumber keeps raw as written without
// reading it: null, an array or an object (not numbers: the validation
// reports them), an integer for an int field, or for a float field a JSON
// number of at most 300 bytes without exponent (within a float64's range:
// at most 10³⁰⁰, at least 10⁻³⁰⁰ when not zero).
func isPlainNumber(raw json.RawMessage, class fieldClass) bool {
	if len(raw) == 0 {
		return true
	}
	switch c := raw[0]; {
	case c == 'n' || c == '[' || c == '{':
		return true
	case c == '-' || isASCIIDigit(c):
		return class == classInt || len(raw) <= 300 && bytes.IndexAny(raw, "eE") < 0
	}
	return false
}

// collapseSet removes from a JSON array of strings each string equal to an
// earlier one, as a Python set does.
func collapseSet(name string, raw json.RawMessage) (json.RawMessage, spie.Faults) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || len(items) < 2 {
		return nil, nil
	}
	seen := map[string]bool{}
	var kept []json.RawMessage
	var warnings spie.Faults
	for i, it := range items {
		var s string
		if json.Unmarshal(it, &s) == nil {
			if seen[s] {
				warnings = append(warnings, FaultNormDuplicate.At(spie.Pointer(name, i), s))
				continue
			}
			seen[s] = true
		}
		kept = append(kept, it)
	}
	if warnings == nil {
		return nil, nil
	}
	out, _ := json.Marshal(kept)
	return out, warnings
}

// laxNumber converts what pydantic's lax mode reads as a number of a float
// or int field: a boolean (1 or 0), or a string that, trimmed of white
// space, is a number (single underscores between digits allowed; for a
// float also inf, infinity and nan in any case; for an int an optional
// fraction of zeros). A JSON number too large for a float64 is infinite for
// a float field. A non-finite result becomes null, but for -inf and nan in
// a bounded field: they fail its bound, and are left for the validation.
func laxNumber(name string, rule fieldRule, raw json.RawMessage) (json.RawMessage, spie.Faults) {
	class := rule.class
	p := spie.Pointer(name)
	text := string(raw)
	switch text {
	case "true", "false":
		v := "0"
		if text == "true" {
			v = "1"
		}
		return json.RawMessage(v), spie.Faults{FaultNormNumber.At(p, v, text)}
	}
	if len(text) > 0 && (text[0] == '-' || text[0] >= '0' && text[0] <= '9') {
		if class == classFloat {
			if f, err := strconv.ParseFloat(text, 64); err != nil {
				if math.IsInf(f, 1) || math.IsInf(f, -1) && !rule.bounded {
					// Beyond float64: pydantic reads ±inf.
					return json.RawMessage("null"), spie.Faults{FaultNormNonFinite.At(p, text)}
				}
				if math.IsInf(f, -1) {
					return nil, nil // -inf fails the bound: left to the validation
				}
				// Below the smallest float64: pydantic reads 0.
				return json.RawMessage("0"), spie.Faults{FaultNormNumber.At(p, "0", text)}
			}
		}
		return nil, nil
	}
	var s string
	if len(text) == 0 || text[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return nil, nil
	}
	s = strings.TrimFunc(s, unicode.IsSpace)
	if class == classInt {
		n, ok := laxInt(s)
		if !ok {
			return nil, nil
		}
		return json.RawMessage(n), spie.Faults{FaultNormNumber.At(p, n, text)}
	}
	f, ok := laxFloat(s)
	if !ok {
		return nil, nil
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if rule.bounded && !math.IsInf(f, 1) {
			return nil, nil
		}
		return json.RawMessage("null"), spie.Faults{FaultNormNonFinite.At(p, text)}
	}
	n := strconv.FormatFloat(f, 'g', -1, 64)
	return json.RawMessage(n), spie.Faults{FaultNormNumber.At(p, n, text)}
}

// stripUnderscores removes the underscores of s that each sit between two
// digits; ok is false when another underscore is found.
func stripUnderscores(s string) (string, bool) {
	if !strings.Contains(s, "_") {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' {
			if i == 0 || i == len(s)-1 || !isASCIIDigit(s[i-1]) || !isASCIIDigit(s[i+1]) {
				return "", false
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), true
}

// laxFloat parses a trimmed string as pydantic-core does for a float: an
// optional sign, digits with an optional fraction (".5" and "5." too) and
// exponent, or inf, infinity, nan in any case.
func laxFloat(s string) (float64, bool) {
	s, ok := stripUnderscores(s)
	if !ok || s == "" {
		return 0, false
	}
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	digits, point := 0, false
	i := 0
	for ; i < len(body); i++ {
		switch c := body[i]; {
		case isASCIIDigit(c):
			digits++
		case c == '.' && !point:
			point = true
		default:
			goto exponent
		}
	}
exponent:
	if digits == 0 {
		return 0, false
	}
	if i < len(body) {
		if body[i] != 'e' && body[i] != 'E' {
			return 0, false
		}
		exp := strings.TrimLeft(body[i+1:], "+-")
		if len(body[i+1:])-len(exp) > 1 || exp == "" || strings.TrimLeft(exp, "0123456789") != "" {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		// Out of range: ParseFloat gives ±Inf or 0 with ErrRange, as
		// pydantic's reading does.
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// laxInt parses a trimmed string as pydantic-core does for an int: an
// optional sign and digits, optionally followed by a point and zeros. It
// returns the integer as JSON text.
func laxInt(s string) (string, bool) {
	s, ok := stripUnderscores(s)
	if !ok || s == "" {
		return "", false
	}
	sign := ""
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			sign = "-"
		}
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || strings.TrimLeft(intPart, "0123456789") != "" {
		return "", false
	}
	if hasPoint && strings.TrimLeft(frac, "0") != "" {
		return "", false
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		return "0", true
	}
	return sign + intPart, true
}

// laxDate reads what pydantic's date accepts in JSON mode beyond YYYY-MM-DD
// (pydantic-core's speedate, checked against the models): a datetime whose
// time is exactly midnight — the date, a separator T, t, _ or space,
// HH:MM[:SS[(.|,)fraction]] (fraction digits beyond the sixth ignored),
// then optionally Z, z or an offset ±HH:MM or ±HHMM, the date being the
// written one whatever the offset — or a Unix timestamp at midnight UTC,
// as a JSON number or a string of digits with an optional sign and
// fraction: in seconds, or in milliseconds when its absolute value exceeds
// 2×10¹⁰. It returns the date as YYYY-MM-DD; ok is false for a plain
// YYYY-MM-DD (nothing to convert) and for anything else (the validation
// reports it).
func laxDate(raw json.RawMessage) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if dec.Decode(&n) != nil {
			return "", false
		}
		return timestampDate(string(n))
	}
	if isTimestampText(s) {
		return timestampDate(s)
	}
	if len(s) <= 10 || !isDateText(s[:10]) {
		return "", false
	}
	if _, err := Date(s[:10]).Time(); err != nil {
		return "", false
	}
	if !strings.ContainsRune("Tt_ ", rune(s[10])) || !isMidnight(s[11:]) {
		return "", false
	}
	return s[:10], true
}

func isDateText(s string) bool {
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return len(s) == 10
}

// isMidnight reports whether t is 00:00[:00[.000…]] with an optional zone
// (Z, z, ±HH:MM, ±HHMM with HH ≤ 23 and MM ≤ 59).
func isMidnight(t string) bool {
	if !strings.HasPrefix(t, "00:00") {
		return false
	}
	t = t[5:]
	if strings.HasPrefix(t, ":") {
		if len(t) < 3 || t[1:3] != "00" {
			return false
		}
		t = t[3:]
		if len(t) > 0 && (t[0] == '.' || t[0] == ',') {
			frac := t[1:]
			n := len(frac) - len(strings.TrimLeft(frac, "0123456789"))
			if n == 0 || strings.TrimLeft(frac[:min(n, 6)], "0") != "" {
				return false
			}
			t = frac[n:]
		}
	}
	switch {
	case t == "" || t == "Z" || t == "z":
		return true
	case t[0] != '+' && t[0] != '-':
		return false
	}
	z := strings.Replace(t[1:], ":", "", 1)
	if len(z) != 4 || len(t[1:]) == 5 && t[3] != ':' || strings.TrimLeft(z, "0123456789") != "" {
		return false
	}
	return z[:2] <= "23" && z[2:] <= "59"
}

// isTimestampText reports whether s is an optional minus sign, digits and
// an optional fraction of digits.
func isTimestampText(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	return intPart != "" && strings.TrimLeft(intPart, "0123456789") == "" && strings.TrimLeft(frac, "0123456789") == ""
}

// timestampDate gives the UTC date of a Unix timestamp (seconds, or
// milliseconds beyond 2×10¹⁰ in absolute value) when it is at midnight.
func timestampDate(text string) (string, bool) {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	if math.Abs(f) > 2e10 {
		f /= 1000
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e14 {
		return "", false
	}
	sec := int64(f)
	if sec%86400 != 0 {
		return "", false
	}
	return string(NewDate(unixUTC(sec))), true
}

func unixUTC(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// NormalizeMember normalises the value of the member key of a JSON object
// with normalize (a data·inclusion document embedded in another: the
// service of a prescription), the warnings' paths placed under /key. The
// other members are kept as written; data that is not a readable object,
// or has no such member, is returned unchanged.
func NormalizeMember(data []byte, key string, normalize func([]byte, ...NormalizeOption) ([]byte, spie.Faults), opts ...NormalizeOption) ([]byte, spie.Faults) {
	members, ok := readMembers(data, nil)
	if !ok {
		return data, nil
	}
	var warnings spie.Faults
	changed := false
	for i, m := range members {
		if m.key() != key {
			continue
		}
		norm, ws := normalize(m.raw, opts...)
		if ws == nil {
			continue
		}
		for _, w := range ws {
			w.Path = spie.Pointer(key) + w.Path
			warnings = append(warnings, w)
		}
		members[i].raw, changed = norm, true
	}
	if !changed {
		return data, nil
	}
	return writeMembers(members, nil), warnings
}

// writeMembers writes members as a JSON object, in their order, but for
// those marked in the bit set dropped (nil: none).
func writeMembers(members []rawMember, dropped []uint64) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	n := 0
	for i, m := range members {
		if dropped != nil && has(dropped, i) {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		k, _ := json.Marshal(m.key())
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.raw)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// StoredService returns the service as data·inclusion stores it once its
// model has read it: only the members the model defines, in their order;
// the others (a case variant such as NOM, an input score_qualite…) are
// dropped, as the model ignores them (the validation warns about each,
// OFFRE-CHAMP-01). A document that is not a JSON object is returned
// unchanged.
func StoredService(data []byte) []byte { return stored(data, serviceClasses()) }

// StoredStructure is StoredService for a structure.
func StoredStructure(data []byte) []byte { return stored(data, structureClasses()) }

func stored(data []byte, fields map[string]fieldRule) []byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return data
	}
	var out bytes.Buffer
	out.WriteByte('{')
	n := 0
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return data
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return data
		}
		if _, ok := fields[key]; !ok {
			continue
		}
		if n > 0 {
			out.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		out.Write(k)
		out.WriteByte(':')
		out.Write(raw)
		n++
	}
	out.WriteByte('}')
	return out.Bytes()
}
