package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/spie-fr/socle/internal/input"
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

// decodeErrDetail describes, in French and in English, an error met
// storing a document the schema accepts into its Go type (encoding/json, or
// a type that decodes itself), without encoding/json's English text: the
// JSON value and the Go type for a type error, the byte offset for a syntax
// error; socle's own faults keep their two messages, its own errors
// (French) are kept in French.
func decodeErrDetail(err error) input.Detail {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		kind, rest, _ := strings.Cut(te.Value, " ")
		fr := "valeur " + strings.TrimSpace(typeName(kind, 0)+" "+rest) + " impossible à stocker dans le type Go " + te.Type.String()
		en := strings.TrimSpace(typeName(kind, 1)+" "+rest) + " value that cannot be stored in the Go type " + te.Type.String()
		if te.Field != "" {
			fr += " (champ " + te.Field + ")"
			en += " (field " + te.Field + ")"
		}
		return input.Detail{FR: fr, EN: en}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return input.Detail{FR: fmt.Sprintf("JSON mal formé (octet %d)", se.Offset), EN: fmt.Sprintf("malformed JSON (byte %d)", se.Offset)}
	}
	var f spie.Fault
	if errors.As(err, &f) {
		return input.Detail{FR: f.Message, EN: f.MessageEN}
	}
	if msg := err.Error(); !strings.Contains(msg, "json: ") {
		return input.Detail{FR: msg, EN: "value refused by its Go type"}
	}
	return input.Detail{FR: "valeur impossible à stocker dans son type Go", EN: "value that cannot be stored in its Go type"}
}
