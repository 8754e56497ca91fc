package generator

import (
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/spie-fr/socle/offer"
)

// The schema shapes of package offer live here, so that offer (and every
// WebAssembly bundle that imports it) does not link the schema generator.

// typeSchemas gives the schema of the types whose shape reflection cannot
// find; each becomes a $defs entry named after the type, referenced where the
// type is used.
var typeSchemas = map[reflect.Type]func() *jsonschema.Schema{
	reflect.TypeFor[offer.ZoneCode](): zoneCodeSchema,
}

// typeExtenders adjust the reflected schema of a struct type.
var typeExtenders = map[reflect.Type]func(*jsonschema.Schema){
	reflect.TypeFor[offer.Structure](): nullableOptional,
	reflect.TypeFor[offer.Service]():   nullableOptional,
}

// reflect reflects t with the shapes of typeSchemas and typeExtenders. It
// works on a copy of the reflector, so a generator can be used concurrently.
func (g *Generator) reflect(t reflect.Type) *jsonschema.Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	seen := map[reflect.Type]bool{}
	r := *g.reflector
	r.Mapper = func(t reflect.Type) *jsonschema.Schema {
		if s := mapType(t); s != nil {
			return s
		}
		if t == reflect.TypeFor[offer.Integer]() {
			// An integer of any size, held as its digits.
			return &jsonschema.Schema{Type: "integer"}
		}
		seen[t] = true
		if _, ok := typeSchemas[t]; ok {
			return &jsonschema.Schema{Ref: "#/$defs/" + t.Name()}
		}
		return nil
	}
	s := r.ReflectFromType(t)
	for st := range seen {
		if f, ok := typeSchemas[st]; ok {
			s.Definitions[st.Name()] = f()
		}
		extend, ok := typeExtenders[st]
		switch {
		case !ok:
		case st == t:
			extend(s)
		case s.Definitions[st.Name()] != nil:
			extend(s.Definitions[st.Name()])
		}
	}
	return s
}

// zoneCodeSchema gives the schema of a zone code, as data·inclusion writes
// it: commune, département, EPCI, country code or "france".
func zoneCodeSchema() *jsonschema.Schema {
	str := func(lo, hi int, pattern string) *jsonschema.Schema {
		l, h := uint64(lo), uint64(hi)
		return &jsonschema.Schema{Type: "string", MinLength: &l, MaxLength: &h, Pattern: pattern}
	}
	return &jsonschema.Schema{
		Title: "Code de zone d'éligibilité",
		AnyOf: []*jsonschema.Schema{
			str(5, 5, `^\w{5}$`),
			str(2, 3, `^\w{2,3}$`),
			str(9, 9, `^\d{9}$`),
			str(5, 5, `^99[0-5]\d{2}$`),
			{Type: "string", Const: "france"},
		},
	}
}

// nullableOptional makes a struct schema read like data·inclusion's:
// optional fields accept null, unknown fields are accepted.
func nullableOptional(s *jsonschema.Schema) {
	s.AdditionalProperties = nil
	required := map[string]bool{}
	for _, r := range s.Required {
		required[r] = true
	}
	if s.Properties == nil {
		return
	}
	for pair := s.Properties.Oldest(); pair != nil; pair = pair.Next() {
		if required[pair.Key] {
			continue
		}
		p := pair.Value
		outer := &jsonschema.Schema{Title: p.Title, Description: p.Description,
			AnyOf: []*jsonschema.Schema{p, {Type: "null"}}}
		p.Title, p.Description = "", ""
		pair.Value = outer
	}
}
