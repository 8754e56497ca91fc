package carnet

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
)

// MaxClockSkew is how far after the clock's "now" a change may be dated: a
// partner's clock may be a little ahead of the library's, not more. A change
// dated further ahead would block every later change (Apply refuses a change
// dated before the last event), so it is refused (CARNET-CHANGE-07).
const MaxClockSkew = 5 * time.Minute

// Option changes how Create and Apply work.
type Option func(*settings)

type settings struct {
	now      func() time.Time
	clockSet bool // WithClock given: a partner's server writing now
	trust    *Trust
}

// WithTrust gives Merge and MergeRecorded what the partner brings from
// outside the carnets (checkpoints, key registry) to verify the journal of
// a carnet that brings a référent into the other (VerifyCarnet): without
// it, that journal must replay with its rights (CheckJournal), which proves
// neither its completeness nor its authors (see the package doc).
func WithTrust(t Trust) Option {
	return func(s *settings) { s.trust = &t }
}

// WithClock sets the clock of Create, Apply and MergeRecorded (time.Now
// by default): a change dated more than MaxClockSkew after now() is
// refused. With a clock given, Apply also checks the actor's rights on the
// clock's day, not only on the change's: an entry dated in the past is
// written now, by someone entitled now (a former member cannot backdate a
// change into the period they were a member).
func WithClock(now func() time.Time) Option {
	return func(s *settings) {
		if now != nil {
			s.now, s.clockSet = now, true
		}
	}
}

func newSettings(opts []Option) settings {
	s := settings{now: time.Now}
	for _, o := range opts {
		o(&s)
	}
	return s
}

// Fault types of the guard of Create and Apply. Their messages never quote
// the value refused: it may be health data, a NIR or a birth date.
var (
	FaultChangeFuture = &spie.FaultType{Code: "CARNET-CHANGE-07", Severity: spie.SeverityError, FR: "horodatage plus de 5 minutes après l'heure du serveur : modification refusée", EN: "timestamp more than 5 minutes after the server's clock: change refused", Source: "journal du carnet de socle : événements horodatés dans l'ordre, un horodatage en avance bloquerait les suivants ; tolérance de 5 minutes d'horloge (carnet.MaxClockSkew), règle propre à socle"}
	FaultValueEnum    = &spie.FaultType{Code: "CARNET-VALEUR-01", Severity: spie.SeverityError, FR: "valeur hors de la liste autorisée", EN: "value not in the allowed list", Source: "schéma du carnet (schemas/v1/carnet.json, JSON Schema 2020-12 enum) : listes de socle (spie.Definition)"}
	FaultValueDate    = &spie.FaultType{Code: "CARNET-VALEUR-02", Severity: spie.SeverityError, FR: "date invalide : une date du calendrier écrite AAAA-MM-JJ est attendue", EN: "invalid date: a calendar date written YYYY-MM-DD is expected", Source: "schéma du carnet (format date, RFC 3339 / ISO 8601 AAAA-MM-JJ) : une date du calendrier"}
	FaultValueIdent   = &spie.FaultType{Code: "CARNET-VALEUR-03", Severity: spie.SeverityError, FR: "identifiant mal formé", EN: "malformed identifier", Source: "schéma du carnet (schemas/v1/carnet.json, mot-clé pattern) : identifiants de socle et du référentiel"}
	FaultValueLength  = &spie.FaultType{Code: "CARNET-VALEUR-04", Severity: spie.SeverityError, FR: "longueur du texte hors des bornes (%d à %d caractères)", EN: "text length out of range (%d to %d characters)", Source: "schéma du carnet (schemas/v1/carnet.json, mots-clés minLength et maxLength)"}
	FaultValueRange   = &spie.FaultType{Code: "CARNET-VALEUR-05", Severity: spie.SeverityError, FR: "nombre hors des bornes (%g à %g)", EN: "number out of range (%g to %g)", Source: "schéma du carnet (schemas/v1/carnet.json, mots-clés minimum et maximum)"}
	FaultValueItems   = &spie.FaultType{Code: "CARNET-VALEUR-06", Severity: spie.SeverityError, FR: "nombre d'éléments hors des bornes (%d à %d)", EN: "number of items out of range (%d to %d)", Source: "schéma du carnet (schemas/v1/carnet.json, mots-clés minItems et maxItems)"}
	FaultValueUnique  = &spie.FaultType{Code: "CARNET-VALEUR-07", Severity: spie.SeverityError, FR: "éléments répétés dans la liste", EN: "repeated items in the list", Source: "schéma du carnet (schemas/v1/carnet.json, mot-clé uniqueItems)"}
	FaultValueUnknown = &spie.FaultType{Code: "CARNET-VALEUR-08", Severity: spie.SeverityError, FR: "champ inconnu", EN: "unknown field", Source: "schéma du carnet (schemas/v1/carnet.json, additionalProperties: false) : hygiène d'entrée propre à socle, aucune donnée (de santé) cachée dans un champ inconnu"}
)

// checkTime refuses a change dated more than MaxClockSkew after now.
func checkTime(at time.Time, s settings) spie.Faults {
	if at.After(s.now().Add(MaxClockSkew)) {
		return spie.Faults{FaultChangeFuture.At(spie.Pointer("journal"))}
	}
	return nil
}

// CheckValues checks every value of v (a Carnet, an item of one of its lists,
// a diagnostic…) as the JSON Schema of the carnet does, from the same Go
// declarations the schema is generated from: a code list (spie.Enum) holds
// one of its keys, a spie.Date is a calendar date YYYY-MM-DD, an identifier
// (spie.Identifier) matches its pattern, and the bounds of the jsonschema
// tags (minLength, maxLength, minimum, maximum, minItems, maxItems,
// uniqueItems, enum, pattern) hold; the keys of a map keyed by a code list
// are of that list. A field without omitempty is required: an empty code or
// date there is refused, as the schema refuses it. The faults point under
// path (a JSON Pointer) and never quote the value. Create and Apply run it on
// what they journal; schemas.Validate stays the full check of a document.
func CheckValues(v any, path string) spie.Faults {
	var fs spie.Faults
	checkValue(reflect.ValueOf(v), loc{parent: path, index: -1}, fieldRules{}, &fs)
	return fs
}

var (
	enumType       = reflect.TypeFor[spie.Enum]()
	identifierType = reflect.TypeFor[spie.Identifier]()
	dateType       = reflect.TypeFor[spie.Date]()
	timeType       = reflect.TypeFor[time.Time]()
	rawType        = reflect.TypeFor[json.RawMessage]()
)

// fieldRules are the constraints of one struct field (json and jsonschema tags).
type fieldRules struct {
	required                 bool
	minLen, maxLen           int
	minimum, maximum         *float64
	minItems, maxItems       int
	unique                   bool
	enum                     []string
	pattern                  string
	hasMinLen, hasMaxLen     bool
	hasMinItems, hasMaxItems bool
}

// loc is the JSON Pointer of a value, built only when a fault needs it:
// parent, then name (named: a field or map key) or index (≥ 0); neither:
// parent.
type loc struct {
	parent string
	name   string
	named  bool
	index  int
}

func (l loc) path() string {
	switch {
	case l.named:
		return spie.Join(l.parent, l.name)
	case l.index >= 0:
		return spie.Join(l.parent, l.index)
	}
	return l.parent
}

// typeInfo is what checkValue needs of a type, computed once per type.
type typeInfo struct {
	fields  []fieldInfo      // structs: the exported JSON fields
	enum    spie.Definitions // code lists (spie.Enum)
	isEnum  bool
	pattern string // identifiers (spie.Identifier)
	isIdent bool
	keyEnum spie.Definitions // maps keyed by a code list
	isKeyed bool
}

type fieldInfo struct {
	index int
	name  string
	rules fieldRules
}

var typeInfos sync.Map // reflect.Type → *typeInfo

func infoOf(t reflect.Type) *typeInfo {
	if x, ok := typeInfos.Load(t); ok {
		return x.(*typeInfo)
	}
	ti := &typeInfo{}
	switch {
	case t.Kind() == reflect.String && t.Implements(enumType):
		ti.enum, ti.isEnum = reflect.Zero(t).Interface().(spie.Enum).Definitions(), true
	case t.Kind() == reflect.String && t.Implements(identifierType):
		ti.pattern, ti.isIdent = reflect.Zero(t).Interface().(spie.Identifier).Pattern(), true
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			ti.fields = append(ti.fields, fieldInfo{index: i, name: name, rules: rulesOf(f)})
		}
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Key().Implements(enumType):
		ti.keyEnum, ti.isKeyed = reflect.Zero(t.Key()).Interface().(spie.Enum).Definitions(), true
	}
	x, _ := typeInfos.LoadOrStore(t, ti)
	return x.(*typeInfo)
}

func rulesOf(f reflect.StructField) fieldRules {
	var r fieldRules
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	r.required = !strings.Contains(","+opts+",", ",omitempty,")
	for _, kv := range strings.Split(f.Tag.Get("jsonschema"), ",") {
		k, val, _ := strings.Cut(kv, "=")
		n, nErr := strconv.Atoi(val)
		x, xErr := strconv.ParseFloat(val, 64)
		switch {
		case k == "minLength" && nErr == nil:
			r.minLen, r.hasMinLen = n, true
		case k == "maxLength" && nErr == nil:
			r.maxLen, r.hasMaxLen = n, true
		case k == "minimum" && xErr == nil:
			r.minimum = &x
		case k == "maximum" && xErr == nil:
			r.maximum = &x
		case k == "minItems" && nErr == nil:
			r.minItems, r.hasMinItems = n, true
		case k == "maxItems" && nErr == nil:
			r.maxItems, r.hasMaxItems = n, true
		case k == "uniqueItems" && val == "true":
			r.unique = true
		case k == "enum":
			r.enum = append(r.enum, val)
		case k == "pattern":
			r.pattern = val
		}
	}
	return r
}

var patterns sync.Map // string → *regexp.Regexp

func matches(pattern, s string) bool {
	re, ok := patterns.Load(pattern)
	if !ok {
		compiled, err := regexp.Compile(pattern)
		if err != nil {
			return false
		}
		re, _ = patterns.LoadOrStore(pattern, compiled)
	}
	return re.(*regexp.Regexp).MatchString(s)
}

func maxOr(has bool, n int) int {
	if has {
		return n
	}
	return int(^uint(0) >> 1)
}

func checkValue(v reflect.Value, at loc, r fieldRules, fs *spie.Faults) {
	if !v.IsValid() {
		return
	}
	t := v.Type()
	switch {
	case t == timeType || t == rawType:
		return
	case t.Kind() == reflect.Interface || t.Kind() == reflect.Pointer:
		if !v.IsNil() {
			checkValue(v.Elem(), at, r, fs)
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		checkString(v, at, r, fs)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		checkNumber(float64(v.Int()), at, r, fs)
	case reflect.Float32, reflect.Float64:
		checkNumber(v.Float(), at, r, fs)
	case reflect.Struct:
		path := at.path()
		for _, f := range infoOf(t).fields {
			checkValue(v.Field(f.index), loc{parent: path, name: f.name, named: true}, f.rules, fs)
		}
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return
		}
		path := at.path()
		n := v.Len()
		if (r.hasMinItems && n < r.minItems) || (r.hasMaxItems && n > r.maxItems) {
			*fs = append(*fs, FaultValueItems.At(path, r.minItems, maxOr(r.hasMaxItems, r.maxItems)))
		}
		if r.unique {
			seen := map[string]bool{}
			for i := range n {
				b, _ := json.Marshal(v.Index(i).Interface())
				if seen[string(b)] {
					*fs = append(*fs, FaultValueUnique.At(path))
					break
				}
				seen[string(b)] = true
			}
		}
		for i := range n {
			checkValue(v.Index(i), loc{parent: path, index: i}, fieldRules{required: true}, fs)
		}
	case reflect.Map:
		path := at.path()
		ti := infoOf(t)
		for _, k := range v.MapKeys() {
			key := loc{parent: path, name: k.String(), named: true}
			if ti.isKeyed && !ti.keyEnum.Has(k.String()) {
				*fs = append(*fs, FaultValueEnum.At(key.path()))
			}
			checkValue(v.MapIndex(k), key, fieldRules{required: true}, fs)
		}
	}
}

var stringType = reflect.TypeFor[string]()

func checkString(v reflect.Value, at loc, r fieldRules, fs *spie.Faults) {
	s := v.String()
	t := v.Type()
	switch {
	case t == dateType:
		if (s != "" || r.required) && !spie.Date(s).Valid() {
			*fs = append(*fs, FaultValueDate.At(at.path()))
		}
		return
	case t != stringType:
		ti := infoOf(t)
		if ti.isEnum {
			if (s != "" || r.required) && !ti.enum.Has(s) {
				*fs = append(*fs, FaultValueEnum.At(at.path()))
			}
			return
		}
		if ti.isIdent {
			if (s != "" || r.required) && !matches(ti.pattern, s) {
				*fs = append(*fs, FaultValueIdent.At(at.path()))
			}
			return
		}
	}
	if len(r.enum) > 0 && (s != "" || r.required) {
		found := false
		for _, e := range r.enum {
			found = found || e == s
		}
		if !found {
			*fs = append(*fs, FaultValueEnum.At(at.path()))
		}
	}
	if r.pattern != "" && (s != "" || r.required) && !matches(r.pattern, s) {
		*fs = append(*fs, FaultValueIdent.At(at.path()))
	}
	if n := utf8.RuneCountInString(s); (r.hasMinLen && n < r.minLen) || (r.hasMaxLen && n > r.maxLen) {
		*fs = append(*fs, FaultValueLength.At(at.path(), r.minLen, maxOr(r.hasMaxLen, r.maxLen)))
	}
}

func checkNumber(x float64, at loc, r fieldRules, fs *spie.Faults) {
	if (r.minimum != nil && x < *r.minimum) || (r.maximum != nil && x > *r.maximum) {
		lo, hi := -1e308, 1e308
		if r.minimum != nil {
			lo = *r.minimum
		}
		if r.maximum != nil {
			hi = *r.maximum
		}
		*fs = append(*fs, FaultValueRange.At(at.path(), lo, hi))
	}
}

// guardValue checks the values a change journals for target t (the JSON
// after the change): no member unknown to the schema (CARNET-VALEUR-08 —
// the journal keeps the JSON as sent, and View shows it), then, decoded as
// the part's Go type as the journal will replay it, CheckValues under the
// target's pointer.
func guardValue(t Target, after json.RawMessage) spie.Faults {
	p, ok := PartOf(t)
	if !ok || len(after) == 0 {
		return nil
	}
	var probe struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(after, &probe)
	scratch := &Carnet{}
	if err := p.ops.apply(scratch, Event{Op: OpAdd, Target: t, ItemID: probe.ID, After: after}); err != nil {
		return nil // not of the part's type: reported by Apply (CARNET-JOURNAL-05)
	}
	v, _ := p.ops.get(scratch, probe.ID, "")
	path := spie.Pointer(p.Fields[0])
	if p.List {
		path = spie.Join(path, probe.ID)
	}
	var fs spie.Faults
	checkUnknown(after, reflect.TypeOf(v), loc{parent: path, index: -1}, &fs)
	return append(fs, CheckValues(v, path)...)
}

// checkUnknown reports the object members of the JSON value raw that are
// not fields of the Go type t (the schema's additionalProperties: false),
// at any depth, names matched exactly as the schema matches them (Go's
// decoder would match "Date" to "date", and drop the others silently).
func checkUnknown(raw json.RawMessage, t reflect.Type, at loc, fs *spie.Faults) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == timeType || t == rawType {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		path := at.path()
		fields := infoOf(t).fields
		for _, k := range keys {
			child := loc{parent: path, name: k, named: true}
			i := slices.IndexFunc(fields, func(f fieldInfo) bool { return f.name == k })
			if i < 0 {
				*fs = append(*fs, FaultValueUnknown.At(child.path()))
				continue
			}
			checkUnknown(m[k], t.Field(fields[i].index).Type, child, fs)
		}
	case reflect.Slice, reflect.Array:
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return
		}
		path := at.path()
		for i, x := range items {
			checkUnknown(x, t.Elem(), loc{parent: path, index: i}, fs)
		}
	case reflect.Map:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		path := at.path()
		for _, k := range keys {
			checkUnknown(m[k], t.Elem(), loc{parent: path, name: k, named: true}, fs)
		}
	}
}

// guardChange is the time and value guard Apply runs first: the change is
// dated (CARNET-CHANGE-06 otherwise), not more than MaxClockSkew after the
// clock (CARNET-CHANGE-07), and the value it journals passes CheckValues
// (CARNET-VALEUR-*).
func guardChange(ch Change, s settings) spie.Faults {
	if ch.At.IsZero() {
		return spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
	}
	if fs := checkTime(ch.At, s); len(fs) > 0 {
		return fs
	}
	if ch.Op == OpRemove || ch.Value == nil {
		return nil
	}
	b, err := json.Marshal(ch.Value)
	if err != nil {
		return nil // reported by Apply (CARNET-CHANGE-02)
	}
	return guardValue(ch.Target, b)
}

// FaultEventFuture reports an event of the journal dated more than
// MaxClockSkew after the date of the check: Apply refuses every change dated
// before the last event, so such an event, recorded by a clock ahead or
// crafted, blocks the carnet.
var FaultEventFuture = &spie.FaultType{Code: "CARNET-HORLOGE-01", Severity: spie.SeverityError, FR: "événement daté de plus de 5 minutes après l'heure du contrôle : il bloque toute modification ultérieure", EN: "event dated more than 5 minutes after the time of the check: it blocks every later change", Source: "journal du carnet de socle : événements horodatés dans l'ordre ; tolérance de 5 minutes d'horloge (carnet.MaxClockSkew), règle propre à socle"}

// CheckClock reports the events of the journal dated more than MaxClockSkew
// after now (CARNET-HORLOGE-01), at their timestamp.
func (c *Carnet) CheckClock(now time.Time) spie.Faults {
	var fs spie.Faults
	for i, e := range c.Journal {
		if e.At.After(now.Add(MaxClockSkew)) {
			fs = append(fs, FaultEventFuture.At(spie.Pointer("journal", i, "horodatage")))
		}
	}
	return fs
}
