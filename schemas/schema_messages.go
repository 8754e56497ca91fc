package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spie-fr/socle/spie"
)

// The arguments of the SCHEMA- faults are built here, once, for both paths
// of Validate (the fast decoder and the JSON Schema interpreter), from the
// schema's keyword values and the document's values: never from a library's
// message text, so that a person reads French (message) and English
// (message_en) only.

// jsonTypeNames gives the French and English names of the JSON Schema types
// (JSON Schema 2020-12 validation, §6.1.1 "type").
var jsonTypeNames = map[string][2]string{
	"string":  {"texte", "string"},
	"number":  {"nombre", "number"},
	"integer": {"nombre entier", "integer"},
	"boolean": {"booléen", "boolean"},
	"object":  {"objet", "object"},
	"array":   {"liste", "array"},
	"null":    {"null", "null"},
}

func typeName(t string, lang int) string {
	if n, ok := jsonTypeNames[t]; ok {
		return n[lang]
	}
	return t
}

// typeArgs are the arguments of FaultType: the expected JSON types (the
// schema's "type", or the types of the branches of an anyOf) and the JSON
// type of the value found, in French then in English.
func typeArgs(expected []string, got string) []any {
	fr := make([]string, len(expected))
	en := make([]string, len(expected))
	for i, t := range expected {
		fr[i], en[i] = typeName(t, 0), typeName(t, 1)
	}
	return []any{strings.Join(fr, " ou "), typeName(got, 0), strings.Join(en, " or "), typeName(got, 1)}
}

// Comparison signs of the bounds, per keyword (language-neutral).
var boundSigns = map[string]string{
	"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<",
	"minLength": "≥", "maxLength": "≤", "minItems": "≥", "maxItems": "≤",
}

// boundText writes a numeric bound of the schema as a decimal number.
func boundText(r *big.Rat) string {
	f, _ := r.Float64()
	return fmt.Sprint(f)
}

// keywordArgs are the arguments of FaultOther for a schema keyword that has
// no fault type of its own.
func keywordArgs(kw string) []any {
	if kw == "" {
		return []any{"schéma non satisfait", "schema not satisfied"}
	}
	return []any{"mot-clé « " + kw + " » non satisfait", "keyword " + kw + " not satisfied"}
}

// otherFault is FaultOther with a French and an English explanation.
func otherFault(path, fr, en string) spie.Fault { return FaultOther.At(path, fr, en) }

// detail is what is wrong in a document, in French (fr) and in English
// (en): the arguments %[1]s and %[2]s of FaultJSON and FaultNumber.
type detail struct{ fr, en string }

// args returns the arguments of a fault template: the French, then the
// English.
func (d detail) args() []any { return []any{d.fr, d.en} }

// decodeErrDetail describes, in French and in English, an error met
// storing a document the schema accepts into its Go type (encoding/json, or
// a type that decodes itself), without encoding/json's English text: the
// JSON value and the Go type for a type error, the byte offset for a syntax
// error; the rest as spie.DescribeJSONError and spie.DescribeJSONErrorEN
// tell it (socle's own faults keep their two messages).
func decodeErrDetail(err error) detail {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		kind, rest, _ := strings.Cut(te.Value, " ")
		fr := "valeur " + strings.TrimSpace(typeName(kind, 0)+" "+rest) + " impossible à stocker dans le type Go " + te.Type.String()
		en := strings.TrimSpace(typeName(kind, 1)+" "+rest) + " value that cannot be stored in the Go type " + te.Type.String()
		if te.Field != "" {
			fr += " (champ " + te.Field + ")"
			en += " (field " + te.Field + ")"
		}
		return detail{fr, en}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return detail{fmt.Sprintf("JSON mal formé (octet %d)", se.Offset), fmt.Sprintf("malformed JSON (byte %d)", se.Offset)}
	}
	return detail{spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err)}
}

// maxListed is how many allowed values an enum fault lists before saying
// how many more there are.
const maxListed = 10

// enumArgs are the arguments of FaultEnum: the allowed values in the order
// of enumValues (the schema's enum order; a oneOf of constants sorted), the
// first maxListed of them quoted, then how many more, in French and in
// English.
func enumArgs(values []string) []any {
	if len(values) == 0 {
		return []any{"aucune valeur", "no value"}
	}
	shown := values
	if len(shown) > maxListed {
		shown = shown[:maxListed]
	}
	quoted := make([]string, len(shown))
	for i, v := range shown {
		quoted[i] = "« " + v + " »"
	}
	fr, en := strings.Join(quoted, ", "), strings.Join(quoted, ", ")
	if more := len(values) - len(shown); more > 0 {
		fr += fmt.Sprintf(" et %d autre", more)
		en += fmt.Sprintf(" and %d more", more)
		if more > 1 {
			fr += "s"
		}
	}
	return []any{fr, en}
}

// schemaEnumArgs gives the arguments of FaultEnum for a failing enum, const
// or oneOf of constants of the interpreter: the allowed values read, with
// enumValues, in the schema holding the keyword (the keyword location of e
// without its last step kw).
func schemaEnumArgs(keyword func(*jsonschema.ValidationError) (any, bool), e *jsonschema.ValidationError, kw string) []any {
	parent, _ := keyword(&jsonschema.ValidationError{AbsoluteKeywordLocation: strings.TrimSuffix(e.AbsoluteKeywordLocation, kw)})
	m, _ := parent.(map[string]any)
	values, err := enumValues(m)
	if err != nil || values == nil {
		// Values that are not all strings: listed as JSON.
		var all []any
		if l, ok := m["enum"].([]any); ok {
			all = l
		} else if c, ok := m["const"]; ok {
			all = []any{c}
		}
		values = make([]string, len(all))
		for i, v := range all {
			b, _ := json.Marshal(v)
			values[i] = string(b)
		}
	}
	return enumArgs(values)
}

// keyArgs are the arguments of FaultKey for the propertyNames schema n:
// its allowed names as enumArgs lists them, or, for names checked by
// another keyword than a list, that the key does not match.
func keyArgs(n *node) []any {
	if n.enumArgs != nil {
		return n.enumArgs
	}
	return []any{"clé non conforme au schéma", "key does not match the schema"}
}

// schemaKeyArgs gives the arguments of FaultKey for a failing propertyNames
// of the interpreter: the names allowed by the propertyNames schema (its
// absolute keyword location cut after "propertyNames"), as keyArgs.
func schemaKeyArgs(keyword func(*jsonschema.ValidationError) (any, bool), e *jsonschema.ValidationError) []any {
	loc := e.AbsoluteKeywordLocation
	i := strings.LastIndex(loc, "/propertyNames")
	if i < 0 {
		return keyArgs(&node{})
	}
	s, _ := keyword(&jsonschema.ValidationError{AbsoluteKeywordLocation: loc[:i+len("/propertyNames")]})
	m, _ := s.(map[string]any)
	if values, err := enumValues(m); err == nil && values != nil {
		return enumArgs(values)
	}
	return keyArgs(&node{})
}
