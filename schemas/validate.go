package schemas

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// Files holds the generated schemas, one v1/<kind>.json per kind.
//
//go:embed v1/*.json
var Files embed.FS

// Fault types of the JSON Schema pass and of the input. SCHEMA-TYPE-01,
// SCHEMA-ENUM-01, SCHEMA-KEY-01 and SCHEMA-OTHER-01 take their French arguments, then their
// English ones (indexed verbs); the others take language-neutral arguments (numbers,
// comparison signs, the schema's format names).
var (
	FaultJSON       = input.FaultJSON // INPUT-JSON-01, defined by the one input reader
	FaultKind       = &spie.FaultType{Code: "INPUT-KIND-01", Severity: spie.SeverityError, FR: "type de document inconnu : %q", EN: "unknown document kind: %q", Source: "types de documents enregistrés par socle (schemas.Kinds)"}
	FaultType       = &spie.FaultType{Code: "SCHEMA-TYPE-01", Severity: spie.SeverityError, FR: "type de valeur incorrect : %[1]s attendu, %[2]s reçu", EN: "wrong value type: expected %[3]s, got %[4]s", Source: "JSON Schema 2020-12, mot-clé type ; schémas publiés schemas/v1"}
	FaultRequired   = &spie.FaultType{Code: "SCHEMA-REQUIRED-01", Severity: spie.SeverityError, FR: "champ obligatoire manquant", EN: "missing required field", Source: "JSON Schema 2020-12, mot-clé required ; schémas publiés schemas/v1"}
	FaultAdditional = &spie.FaultType{Code: "SCHEMA-ADDITIONAL-01", Severity: spie.SeverityError, FR: "champ inconnu", EN: "unknown field", Source: "JSON Schema 2020-12, mot-clé additionalProperties ; schémas publiés schemas/v1"}
	FaultEnum       = &spie.FaultType{Code: "SCHEMA-ENUM-01", Severity: spie.SeverityError, FR: "valeur hors de la liste autorisée : %[1]s", EN: "value not in the allowed list: %[2]s", Source: "JSON Schema 2020-12, mots-clés enum et const ; listes de socle (spie.Definition)"}
	FaultPattern    = &spie.FaultType{Code: "SCHEMA-PATTERN-01", Severity: spie.SeverityError, FR: "format de la valeur incorrect", EN: "value does not match the expected pattern", Source: "JSON Schema 2020-12, mot-clé pattern ; schémas publiés schemas/v1"}
	FaultFormat     = &spie.FaultType{Code: "SCHEMA-FORMAT-01", Severity: spie.SeverityError, FR: "valeur mal formée : format « %s » attendu", EN: "malformed value: expected format %q", Source: "JSON Schema 2020-12, mot-clé format (date RFC 3339, email, uri)"}
	FaultRange      = &spie.FaultType{Code: "SCHEMA-RANGE-01", Severity: spie.SeverityError, FR: "valeur hors des bornes : %s %s attendu, %s reçu", EN: "value out of range: expected %s %s, got %s", Source: "JSON Schema 2020-12, mots-clés minimum, maximum, exclusiveMinimum, exclusiveMaximum"}
	FaultLength     = &spie.FaultType{Code: "SCHEMA-LENGTH-01", Severity: spie.SeverityError, FR: "longueur du texte hors des bornes : %s %d caractères attendus, %d reçus", EN: "text length out of range: expected %s %d characters, got %d", Source: "JSON Schema 2020-12, mots-clés minLength et maxLength"}
	FaultItems      = &spie.FaultType{Code: "SCHEMA-ITEMS-01", Severity: spie.SeverityError, FR: "nombre d'éléments hors des bornes : %s %d attendus, %d reçus", EN: "number of items out of range: expected %s %d, got %d", Source: "JSON Schema 2020-12, mots-clés minItems et maxItems"}
	FaultUnique     = &spie.FaultType{Code: "SCHEMA-UNIQUE-01", Severity: spie.SeverityError, FR: "éléments répétés dans la liste", EN: "repeated items in the list", Source: "JSON Schema 2020-12, mot-clé uniqueItems"}
	FaultKey        = &spie.FaultType{Code: "SCHEMA-KEY-01", Severity: spie.SeverityError, FR: "clé hors de la liste autorisée : %[1]s", EN: "key not in the allowed list: %[2]s", Source: "JSON Schema 2020-12, mot-clé propertyNames ; listes de socle (spie.Definition)"}
	FaultOther      = &spie.FaultType{Code: "SCHEMA-OTHER-01", Severity: spie.SeverityError, FR: "document non conforme au schéma : %[1]s", EN: "document does not conform to the schema: %[2]s", Source: "JSON Schema 2020-12, autres mots-clés ; schémas publiés schemas/v1"}
)

// Option changes how Validate works.
type Option func(*Context)

// WithNow sets the clock of the rules (the date of "today").
func WithNow(now func() time.Time) Option {
	return func(c *Context) { c.Now = now() }
}

// interpreted is a kind's schema compiled for the interpreter, with its
// JSON tree (numbers as json.Number) where faults read keyword values.
type interpreted struct {
	schema *jsonschema.Schema
	doc    any
}

var compiledSchemas = struct {
	sync.Mutex
	kinds map[string]*interpreted
}{kinds: map[string]*interpreted{}}

// compiled returns the compiled JSON Schema of the kind, formats asserted.
// The interpreter's type stays inside this package: socle's API is Validate.
func compiled(k Kind) (*interpreted, error) {
	compiledSchemas.Lock()
	defer compiledSchemas.Unlock()
	if c, ok := compiledSchemas.kinds[k.Name]; ok {
		return c, nil
	}
	b, err := Files.ReadFile("v1/" + k.Name + ".json")
	if err != nil {
		return nil, fmt.Errorf("schéma %s absent : lancez go generate ./schemas", k.Name)
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("schéma %s illisible", k.Name)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	for name, f := range k.Formats {
		c.Formats[name] = f
	}
	if k.Patterns != nil {
		var raw any
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("schéma %s illisible", k.Name)
		}
		rewritePatterns(raw, k.Patterns)
		if b, err = json.Marshal(raw); err != nil {
			return nil, fmt.Errorf("schéma %s illisible", k.Name)
		}
	}
	if err := c.AddResource(k.ID(), bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("schéma %s illisible", k.Name)
	}
	s, err := c.Compile(k.ID())
	if err != nil {
		return nil, fmt.Errorf("schéma %s non compilable", k.Name)
	}
	ck := &interpreted{schema: s, doc: doc}
	compiledSchemas.kinds[k.Name] = ck
	return ck, nil
}

// rewritePatterns replaces, in a decoded schema, the value of each
// "pattern" keyword (a string under a schema object) by its rewriting.
func rewritePatterns(v any, rewrite func(string) string) {
	switch x := v.(type) {
	case map[string]any:
		for key, val := range x {
			if p, ok := val.(string); ok && key == "pattern" {
				x[key] = rewrite(p)
				continue
			}
			rewritePatterns(val, rewrite)
		}
	case []any:
		for _, val := range x {
			rewritePatterns(val, rewrite)
		}
	}
}

// newContext applies the options over the defaults (the clock: time.Now).
func newContext(opts []Option) Context {
	ctx := Context{Now: time.Now()}
	for _, o := range opts {
		o(&ctx)
	}
	return ctx
}

// Validate checks one JSON document of the kind and returns every fault,
// sorted by path; the document is valid when Faults.Valid() is true. It is
// socle's one validator: the input layer first (syntax, limits, UTF-8,
// repeated keys: INPUT- faults), then what the kind's generated JSON Schema
// v1/<kind>.json demands (SCHEMA- faults), then the kind's Go rules (DIAG-,
// CARNET-, OFFRE-… faults) as of the clock of WithNow (time.Now by
// default): on the whole document when the schema passes, and on the
// document without the refused members when it does not, so that every
// fault is found in one pass (see withRules). An unknown kind is INPUT-KIND-01.
//
// For the data·inclusion kinds (service, structure, and the service a
// prescription embeds) the verdict is data·inclusion's own models' (its
// pydantic models, DataInclusionVersion of package offer), not only its
// published JSON Schema's: the document is first normalised as the model
// reads it in JSON mode (offer.NormalizeService: a repeated top-level key
// keeps its last value, set fields lose their duplicates, lax dates and
// numbers are converted, e-mails and links a strict consumer would refuse
// are rewritten as the model keeps them), one OFFRE-NORME- warning per
// change, then the normalised document is validated, the schema's
// "pattern" keywords read with the model's Unicode \d and \w and its
// "email" and "uri" formats judged by the model's rules (offer.IsEmail,
// offer.IsHTTPURL). The differential test of this package proves the
// agreement against the models (testdata/datainclusion/agreement.md).
// A document that the fast path accepts as written, with no e-mail or link
// the normalisation would rewrite (judged once, by the normalisation's own
// check: offer.FormatJudge), is one the normalisation leaves unchanged: it
// is then read once and not normalised (validateOnePass).
//
// Where the kind has a compiled fast path, the document is read once,
// strictly, straight into the kind's Go type, checking on the way what the
// schema demands; the other kinds run the schema through the JSON Schema
// interpreter (santhosh-tekuri/jsonschema v5, draft 2020-12, formats
// asserted). Both give the same faults: codes, paths, severities and
// messages (proven by the differential tests and fuzz target of this
// package).
//
// data must not change during the call; Validate keeps nothing of it once
// it returns (the faults own their memory), so the caller may reuse the
// buffer. Some kinds (the diagnostic: fast_transient.go) are read in
// place, without a copy of the document.
func Validate(kind string, data []byte, opts ...Option) spie.Faults {
	ctx := newContext(opts)
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}
	}
	if k.Normalize != nil {
		return validateNormalizing(k, data, ctx)
	}
	return validateKind(k, data, ctx)
}

// validateKind validates data as written: the fast path of the kind when it
// has one, else the interpreter.
func validateKind(k Kind, data []byte, ctx Context) spie.Faults {
	if plan, err := planOf(k); err == nil {
		return validateFast(k, plan, data, ctx)
	}
	return interpret(k, data, ctx)
}

// validateNormalized is Validate for a kind with a Normalize step: the
// input layer on the document as written (a key repeated at the top level,
// which the reference reader resolves by keeping the last value, does not
// stop it), then the normalisation, then the validation of the normalised
// document (by validate: validateKind, or the interpreter alone in the
// differential tests); the warnings of the normalisation come with its faults.
//
// When the normalisation changes nothing (no warning, data itself
// returned) the input layer is not run apart: validate runs it first on the
// same bytes and returns its fault alone (both paths do, FuzzValidate), and
// a key repeated at the top level, the one fault let through here, always
// changes the document. The verdict is the same (FuzzValidateOffer and
// TestValidateDifferentialOffer compare it with the former order,
// validateNormalizedReference). A document beyond the size limit keeps the
// former order, so that nothing reads it whole.
func validateNormalized(k Kind, data []byte, ctx Context, validate func(Kind, []byte, Context) spie.Faults) spie.Faults {
	if len(data) <= ctx.Limits.orDefault().MaxBytes {
		norm, warnings := k.Normalize(data)
		if warnings == nil && sameBytes(norm, data) {
			fs := validate(k, data, ctx)
			if len(fs) == 0 {
				return nil // as append(nil warnings, none...) gave
			}
			fs.Sort()
			return fs
		}
	}
	return validateNormalizedReference(k, data, ctx, validate)
}

// sameBytes reports whether a and b are the same bytes in memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// validateNormalizedReference is validateNormalized in its former order:
// the input layer, then the normalisation, then the validation.
func validateNormalizedReference(k Kind, data []byte, ctx Context, validate func(Kind, []byte, Context) spie.Faults) spie.Faults {
	if fs := CheckInput(data, ctx.Limits); fs != nil {
		if len(fs) != 1 || fs[0].Code != FaultDuplicate.Code || strings.Count(fs[0].Path, "/") != 1 {
			return fs
		}
	}
	norm, warnings := k.Normalize(data)
	fs := validate(k, norm, ctx)
	fs = append(warnings, fs...)
	fs.Sort()
	return fs
}

// interpret is the JSON Schema path of Validate: the input layer, the
// generated schema run by the v5 interpreter over a generic tree, then the
// kind's Go rules on a typed decode.
func interpret(k Kind, data []byte, ctx Context) spie.Faults {
	doc, fs := interpretDecode(k, data, ctx)
	if fs != nil {
		return withRules(k, data, fs, ctx, nil)
	}
	fs = k.Check(doc, ctx)
	fs.Sort()
	return fs
}

// interpretDecode reads data on the JSON Schema path: the input layer, the
// schema over a generic tree, the numbers checked against their Go types
// (fitNumbers), then the typed decode by encoding/json. It returns the
// document, or nil with the faults (sorted) that refuse it.
func interpretDecode(k Kind, data []byte, ctx Context) (any, spie.Faults) {
	c, err := compiled(k)
	if err != nil {
		return nil, spie.Faults{otherFault("", err.Error(), "schema of kind "+k.Name+" unavailable")}
	}
	if fs := CheckInput(data, ctx.Limits); fs != nil {
		return nil, fs
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, spie.Faults{FaultJSON.At("", decodeErrDetail(err).args()...)}
	}
	if dec.More() {
		return nil, spie.Faults{FaultJSON.At("", "données après la fin du document", "data after the end of the document")}
	}
	var fs spie.Faults
	if err := c.schema.Validate(v); err != nil {
		ve, ok := err.(*jsonschema.ValidationError)
		if !ok {
			return nil, spie.Faults{FaultOther.At("", keywordArgs("")...)}
		}
		fs = schemaFaults(ve, c.doc, v)
	}
	v, changed, nf := fitNumbers(v, k.Type())
	fs = append(fs, nf...)
	if len(fs) > 0 {
		fs.Sort()
		return nil, fs
	}
	if changed {
		// Integers written 35.0 or 1e2, rewritten 35 and 100 in the tree.
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return nil, spie.Faults{FaultJSON.At("", decodeErrDetail(err).args()...)}
		}
		data = buf.Bytes()
	}
	doc := k.New()
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, spie.Faults{FaultJSON.At("", decodeErrDetail(err).args()...)}
	}
	return doc, nil
}

// schemaFaults turns a validation error tree of the interpreter into faults:
// one per leaf, with the oneOf of constants of a code list reported once as
// SCHEMA-ENUM-01. Each fault is derived from the failing keyword (the last
// token of KeywordLocation), its value in the schema (found at
// AbsoluteKeywordLocation in schemaDoc) and the document's value (found at
// InstanceLocation in inst): never from the interpreter's English message.
func schemaFaults(ve *jsonschema.ValidationError, schemaDoc, inst any) spie.Faults {
	var fs spie.Faults
	seen := map[string]bool{}
	add := func(f spie.Fault) {
		if key := f.Code + f.Path; !seen[key] {
			seen[key] = true
			fs = append(fs, f)
		}
	}
	keyword := func(e *jsonschema.ValidationError) (any, bool) {
		_, frag, _ := strings.Cut(e.AbsoluteKeywordLocation, "#")
		return resolvePointer(schemaDoc, unescapePointer(frag))
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		kw := lastKeyword(e.KeywordLocation)
		path := unescapePointer(e.InstanceLocation)
		value, _ := instanceAt(inst, e.KeywordLocation, e.InstanceLocation)
		if strings.Contains(e.KeywordLocation, "/propertyNames") {
			add(FaultKey.At(path, schemaKeyArgs(keyword, e)...))
			return
		}
		if kw == "oneOf" || kw == "anyOf" {
			leaves := branchLeaves(e)
			if len(leaves) > 0 && allKeyword(leaves, "const") {
				add(FaultEnum.At(path, schemaEnumArgs(keyword, e, "/"+kw)...))
				return
			}
			if len(leaves) > 1 && allKeyword(leaves, "type") && allAt(leaves, e.InstanceLocation) {
				// No branch takes a value of this type (a string for a
				// "number or null"): one type fault, not none.
				var expected []string
				for _, l := range leaves {
					v, _ := keyword(l)
					expected = appendTypes(expected, v)
				}
				add(FaultType.At(path, typeArgs(expected, jsonType(value))...))
				return
			}
			for _, l := range leaves {
				if lastKeyword(l.KeywordLocation) == "type" && len(leaves) > 1 && l.InstanceLocation == e.InstanceLocation {
					// A branch that does not take this type of value (null
					// for a nullable field): the other branches say why.
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
		if f, ok := leafFault(kw, path, value, keyword, e); ok {
			for _, x := range f {
				add(x)
			}
			return
		}
		add(FaultOther.At(path, keywordArgs(kw)...))
	}
	walk(ve)
	if len(fs) == 0 {
		// Never let a refusal of the schema pass for a valid document.
		fs = append(fs, FaultOther.At(unescapePointer(ve.InstanceLocation), keywordArgs(lastKeyword(ve.KeywordLocation))...))
	}
	return fs
}

// leafFault gives the faults of one failing keyword kw at path, where the
// document holds value; keyword finds the keyword's value in the schema.
// ok is false when the keyword has no fault type of its own or its value
// cannot be read (the caller then reports SCHEMA-OTHER-01 with the keyword).
func leafFault(kw, path string, value any, keyword func(*jsonschema.ValidationError) (any, bool), e *jsonschema.ValidationError) (spie.Faults, bool) {
	switch kw {
	case "enum", "const":
		return spie.Faults{FaultEnum.At(path, schemaEnumArgs(keyword, e, "/"+kw)...)}, true
	case "pattern":
		return spie.Faults{FaultPattern.At(path)}, true
	case "uniqueItems":
		return spie.Faults{FaultUnique.At(path)}, true
	}
	kv, ok := keyword(e)
	if !ok {
		return nil, false
	}
	switch kw {
	case "required":
		names, _ := kv.([]any)
		obj, _ := value.(map[string]any)
		var fs spie.Faults
		for _, n := range names {
			name, _ := n.(string)
			if _, present := obj[name]; !present {
				fs = append(fs, FaultRequired.At(spie.Join(path, name)))
			}
		}
		return fs, len(fs) > 0
	case "additionalProperties":
		// additionalProperties: false beside "properties" (the generated
		// schemas use no patternProperties): every other member is unknown.
		parent, _ := keyword(&jsonschema.ValidationError{AbsoluteKeywordLocation: strings.TrimSuffix(e.AbsoluteKeywordLocation, "/additionalProperties")})
		props, _ := parent.(map[string]any)["properties"].(map[string]any)
		obj, _ := value.(map[string]any)
		var fs spie.Faults
		for name := range obj {
			if _, known := props[name]; !known {
				fs = append(fs, FaultAdditional.At(spie.Join(path, name)))
			}
		}
		return fs, len(fs) > 0
	case "type":
		return spie.Faults{FaultType.At(path, typeArgs(appendTypes(nil, kv), jsonType(value))...)}, true
	case "format":
		name, ok := kv.(string)
		return spie.Faults{FaultFormat.At(path, name)}, ok
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		bound, ok1 := numberRat(kv)
		got, ok2 := value.(json.Number)
		return spie.Faults{FaultRange.At(path, boundSigns[kw], boundText(bound), got.String())}, ok1 && ok2
	case "minLength", "maxLength":
		bound, ok1 := numberInt(kv)
		str, ok2 := value.(string)
		return spie.Faults{FaultLength.At(path, boundSigns[kw], bound, utf8.RuneCountInString(str))}, ok1 && ok2
	case "minItems", "maxItems":
		bound, ok1 := numberInt(kv)
		items, ok2 := value.([]any)
		return spie.Faults{FaultItems.At(path, boundSigns[kw], bound, len(items))}, ok1 && ok2
	}
	return nil, false
}

// appendTypes appends the JSON types named by the value of a "type"
// keyword (a name or a list of names).
func appendTypes(out []string, kv any) []string {
	switch t := kv.(type) {
	case string:
		return appendNew(out, t)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = appendNew(out, s)
			}
		}
	}
	return out
}

func appendNew(out []string, s string) []string {
	for _, x := range out {
		if x == s {
			return out
		}
	}
	return append(out, s)
}

// jsonType is the JSON Schema type of a decoded value (numbers are
// "number", as the interpreter reports them).
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

func numberRat(v any) (*big.Rat, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, false
	}
	return new(big.Rat).SetString(string(n))
}

func numberInt(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

// instanceAt finds the document's value that the keyword at keywordLoc
// judged. The interpreter's InstanceLocation drops the token of an empty
// member name ({"freins": {"": …}} is located at /freins), so the location
// alone may name the parent object; the instance path is rebuilt by walking
// the keyword location's steps into the document: properties/NAME descends
// into NAME, additionalProperties and patternProperties/P into the next
// token of instanceLoc or into the empty name, items, prefixItems/N and
// contains into the next index; every token of instanceLoc must be used.
func instanceAt(doc any, keywordLoc, instanceLoc string) (any, bool) {
	steps := pointerTokens(keywordLoc)
	if len(steps) > 0 {
		steps = steps[:len(steps)-1] // the failing keyword itself
	}
	inst := pointerTokens(instanceLoc)
	var match func(si, ii int, v any) (any, bool)
	match = func(si, ii int, v any) (any, bool) {
		if si >= len(steps) {
			return v, ii == len(inst)
		}
		obj, _ := v.(map[string]any)
		switch steps[si] {
		case "properties", "patternProperties", "dependentSchemas", "anyOf", "oneOf", "allOf", "prefixItems":
			if si+1 >= len(steps) {
				return nil, false
			}
			arg := steps[si+1]
			switch steps[si] {
			case "properties":
				child, ok := obj[arg]
				if !ok {
					return nil, false
				}
				if arg == "" {
					return match(si+2, ii, child)
				}
				if ii < len(inst) && inst[ii] == arg {
					return match(si+2, ii+1, child)
				}
				return nil, false
			case "patternProperties":
				return matchMember(match, si+2, ii, obj, inst)
			case "prefixItems":
				return matchIndex(match, si+2, ii, v, inst)
			}
			return match(si+2, ii, v)
		case "additionalProperties":
			return matchMember(match, si+1, ii, obj, inst)
		case "items", "contains":
			return matchIndex(match, si+1, ii, v, inst)
		}
		return match(si+1, ii, v)
	}
	return match(0, 0, doc)
}

// matchMember descends into the member of obj named by the next instance
// token, or else into the member with the empty name.
func matchMember(match func(int, int, any) (any, bool), si, ii int, obj map[string]any, inst []string) (any, bool) {
	if ii < len(inst) {
		if child, ok := obj[inst[ii]]; ok {
			if v, ok := match(si, ii+1, child); ok {
				return v, true
			}
		}
	}
	if child, ok := obj[""]; ok {
		return match(si, ii, child)
	}
	return nil, false
}

// matchIndex descends into the item of the array v at the next instance
// token.
func matchIndex(match func(int, int, any) (any, bool), si, ii int, v any, inst []string) (any, bool) {
	arr, _ := v.([]any)
	if ii >= len(inst) {
		return nil, false
	}
	i, err := strconv.Atoi(inst[ii])
	if err != nil || i < 0 || i >= len(arr) {
		return nil, false
	}
	return match(si, ii+1, arr[i])
}

// pointerTokens splits a location of the interpreter into its unescaped
// tokens (percent escapes, then ~1 and ~0).
func pointerTokens(p string) []string {
	p = unescapePointer(p)
	if p == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return toks
}

// resolvePointer finds the value at the JSON Pointer p (RFC 6901) in doc.
func resolvePointer(doc any, p string) (any, bool) {
	if p == "" {
		return doc, true
	}
	if !strings.HasPrefix(p, "/") {
		return nil, false
	}
	cur := doc
	for _, tok := range strings.Split(p[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
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

// allAt reports whether every error judges the value at the location loc
// (not a value inside it: a wrong item in a nullable list is the item's
// fault, not the list's).
func allAt(es []*jsonschema.ValidationError, loc string) bool {
	for _, e := range es {
		if e.InstanceLocation != loc {
			return false
		}
	}
	return true
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
