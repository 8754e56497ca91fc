package schemas

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spie-fr/socle/spie"
)

// Files holds the generated schemas, one v1/<kind>.json per kind.
//
//go:embed v1/*.json
var Files embed.FS

// Fault types of the JSON Schema pass and of the input.
var (
	FaultJSON       = spie.NewFaultType("INPUT-JSON-01", spie.SeverityError, "JSON illisible : %s", "unreadable JSON: %s")
	FaultKind       = spie.NewFaultType("INPUT-KIND-01", spie.SeverityError, "type de document inconnu : %q", "unknown document kind: %q")
	FaultType       = spie.NewFaultType("SCHEMA-TYPE-01", spie.SeverityError, "type de valeur incorrect : %s", "wrong value type: %s")
	FaultRequired   = spie.NewFaultType("SCHEMA-REQUIRED-01", spie.SeverityError, "champ obligatoire manquant", "missing required field")
	FaultAdditional = spie.NewFaultType("SCHEMA-ADDITIONAL-01", spie.SeverityError, "champ inconnu", "unknown field")
	FaultEnum       = spie.NewFaultType("SCHEMA-ENUM-01", spie.SeverityError, "valeur hors de la liste autorisée", "value not in the allowed list")
	FaultPattern    = spie.NewFaultType("SCHEMA-PATTERN-01", spie.SeverityError, "format de la valeur incorrect", "value does not match the expected pattern")
	FaultFormat     = spie.NewFaultType("SCHEMA-FORMAT-01", spie.SeverityError, "valeur mal formée (format %s attendu)", "malformed value (%s format expected)")
	FaultRange      = spie.NewFaultType("SCHEMA-RANGE-01", spie.SeverityError, "valeur hors des bornes : %s", "value out of range: %s")
	FaultLength     = spie.NewFaultType("SCHEMA-LENGTH-01", spie.SeverityError, "longueur du texte hors des bornes : %s", "text length out of range: %s")
	FaultItems      = spie.NewFaultType("SCHEMA-ITEMS-01", spie.SeverityError, "nombre d'éléments hors des bornes : %s", "number of items out of range: %s")
	FaultUnique     = spie.NewFaultType("SCHEMA-UNIQUE-01", spie.SeverityError, "éléments répétés dans la liste", "repeated items in the list")
	FaultKey        = spie.NewFaultType("SCHEMA-KEY-01", spie.SeverityError, "clé hors de la liste autorisée", "key not in the allowed list")
	FaultOther      = spie.NewFaultType("SCHEMA-OTHER-01", spie.SeverityError, "document non conforme au schéma : %s", "document does not conform to the schema: %s")
)

// Option changes how Validate works.
type Option func(*Context)

// WithNow sets the clock of the rules (the date of "today").
func WithNow(now func() time.Time) Option {
	return func(c *Context) { c.Now = now() }
}

var compiled = struct {
	sync.Mutex
	schemas map[string]*jsonschema.Schema
}{schemas: map[string]*jsonschema.Schema{}}

// Compiled returns the compiled JSON Schema of the kind, formats asserted.
func Compiled(kind string) (*jsonschema.Schema, error) {
	compiled.Lock()
	defer compiled.Unlock()
	if s, ok := compiled.schemas[kind]; ok {
		return s, nil
	}
	k, ok := Lookup(kind)
	if !ok {
		return nil, fmt.Errorf("type de document inconnu : %q", kind)
	}
	b, err := Files.ReadFile("v1/" + kind + ".json")
	if err != nil {
		return nil, fmt.Errorf("schéma %s absent : lancez go generate ./schemas", kind)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	if err := c.AddResource(k.ID(), bytes.NewReader(b)); err != nil {
		return nil, err
	}
	s, err := c.Compile(k.ID())
	if err != nil {
		return nil, err
	}
	compiled.schemas[kind] = s
	return s, nil
}

// Validate checks one JSON document of the kind: first its JSON Schema, then,
// when the schema passes, the Go rules of the kind. It returns every fault,
// sorted by path; the document is valid when Faults.Valid() is true.
func Validate(kind string, data []byte, opts ...Option) spie.Faults {
	ctx := Context{Now: time.Now()}
	for _, o := range opts {
		o(&ctx)
	}
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}
	}
	s, err := Compiled(kind)
	if err != nil {
		return spie.Faults{FaultOther.At("", err.Error())}
	}
	if fs := CheckInput(data, ctx.Limits); fs != nil {
		return fs
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return spie.Faults{FaultJSON.At("", err.Error())}
	}
	if dec.More() {
		return spie.Faults{FaultJSON.At("", "données après la fin du document")}
	}
	if err := s.Validate(v); err != nil {
		ve, ok := err.(*jsonschema.ValidationError)
		if !ok {
			return spie.Faults{FaultOther.At("", err.Error())}
		}
		fs := schemaFaults(ve)
		fs.Sort()
		return fs
	}
	doc := k.New()
	if err := json.Unmarshal(data, doc); err != nil {
		return spie.Faults{FaultJSON.At("", err.Error())}
	}
	fs := k.Check(doc, ctx)
	fs.Sort()
	return fs
}

var quoted = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// schemaFaults turns a validation error tree into faults: one per leaf, with
// the oneOf of constants of a code list reported once as SCHEMA-ENUM-01.
func schemaFaults(ve *jsonschema.ValidationError) spie.Faults {
	var fs spie.Faults
	seen := map[string]bool{}
	add := func(f spie.Fault) {
		if key := f.Code + f.Path; !seen[key] {
			seen[key] = true
			fs = append(fs, f)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		kw := lastKeyword(e.KeywordLocation)
		path := unescapePointer(e.InstanceLocation)
		if strings.Contains(e.KeywordLocation, "/propertyNames") {
			add(FaultKey.At(path))
			return
		}
		if kw == "oneOf" || kw == "anyOf" {
			leaves := branchLeaves(e)
			if len(leaves) > 0 && allKeyword(leaves, "const") {
				add(FaultEnum.At(path))
				return
			}
			if len(leaves) > 1 && allKeyword(leaves, "type") {
				// No branch takes a value of this type (a string for a
				// "number or null"): one type fault, not none.
				msgs := make([]string, len(leaves))
				for i, l := range leaves {
					msgs[i] = l.Message
				}
				add(FaultType.At(path, strings.Join(msgs, " ; ")))
				return
			}
			for _, l := range leaves {
				if lastKeyword(l.KeywordLocation) == "type" && len(leaves) > 1 {
					continue
				}
				walk(l)
			}
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		switch kw {
		case "required":
			for _, m := range quoted.FindAllStringSubmatch(e.Message, -1) {
				add(FaultRequired.At(spie.Join(path, unquoteName(m[1]))))
			}
		case "additionalProperties":
			for _, m := range quoted.FindAllStringSubmatch(e.Message, -1) {
				add(FaultAdditional.At(spie.Join(path, unquoteName(m[1]))))
			}
		case "type":
			add(FaultType.At(path, e.Message))
		case "enum", "const":
			add(FaultEnum.At(path))
		case "pattern":
			add(FaultPattern.At(path))
		case "format":
			// The value is not quoted: it may be a birth date or a NIR.
			add(FaultFormat.At(path, formatName(e.Message)))
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
			add(FaultRange.At(path, e.Message))
		case "minLength", "maxLength":
			add(FaultLength.At(path, e.Message))
		case "minItems", "maxItems":
			add(FaultItems.At(path, e.Message))
		case "uniqueItems":
			add(FaultUnique.At(path))
		default:
			add(FaultOther.At(path, e.Message))
		}
	}
	walk(ve)
	if len(fs) == 0 {
		// Never let a refusal of the schema pass for a valid document.
		fs = append(fs, FaultOther.At(unescapePointer(ve.InstanceLocation), ve.Error()))
	}
	return fs
}

var formatRE = regexp.MustCompile(`is not valid '([^']*)'$`)

// formatName returns the name of the format of a "format" error of the
// validator ("… is not valid 'date'"), "?" when it cannot be read.
func formatName(msg string) string {
	if m := formatRE.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return "?"
}

// branchLeaves returns the deepest errors under a oneOf/anyOf node, or the
// direct causes when they are themselves composite.
func branchLeaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	var out []*jsonschema.ValidationError
	var rec func(x *jsonschema.ValidationError)
	rec = func(x *jsonschema.ValidationError) {
		if len(x.Causes) == 0 {
			out = append(out, x)
			return
		}
		for _, c := range x.Causes {
			rec(c)
		}
	}
	for _, c := range e.Causes {
		rec(c)
	}
	return out
}

func allKeyword(es []*jsonschema.ValidationError, kw string) bool {
	for _, e := range es {
		if lastKeyword(e.KeywordLocation) != kw {
			return false
		}
	}
	return true
}

func lastKeyword(loc string) string {
	if i := strings.LastIndexByte(loc, '/'); i >= 0 {
		return loc[i+1:]
	}
	return loc
}

// unescapePointer undoes the URL escaping that the validator applies to each
// token of instance locations, leaving a plain JSON Pointer.
func unescapePointer(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	parts := strings.Split(p, "/")
	for i, t := range parts {
		if u, err := url.PathUnescape(t); err == nil {
			parts[i] = u
		}
	}
	return strings.Join(parts, "/")
}
