package offer

import (
	"github.com/invopop/jsonschema"
)

// JSONFormat gives the JSON Schema format of a Date.
func (Date) JSONFormat() string { return "date" }

// JSONSchema gives the schema of a zone code, as data·inclusion writes it:
// commune, département, EPCI, country code or "france".
func (ZoneCode) JSONSchema() *jsonschema.Schema {
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

// JSONSchemaExtend makes the schema of a structure read like data·inclusion's:
// optional fields accept null, unknown fields are accepted.
func (Structure) JSONSchemaExtend(s *jsonschema.Schema) { nullableOptional(s) }

// JSONSchemaExtend makes the schema of a service read like data·inclusion's:
// optional fields accept null, unknown fields are accepted.
func (Service) JSONSchemaExtend(s *jsonschema.Schema) { nullableOptional(s) }

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
