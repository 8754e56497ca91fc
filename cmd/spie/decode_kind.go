package main

import (
	"github.com/spie-fr/socle/schemas"
)

// decodeKind reads a document of a kind with the verb's strict decoder
// (encoding/json, unknown members refused) and, when that decoder refuses
// it, with the one validator's reader (schemas.Decode): a document the
// published schema accepts, such as an integer written 35.0, 1e2 or -0.0
// (JSON Schema 2020-12: an integer is any number with a zero fractional
// part), is then read as schemas.Validate reads it. When both refuse it,
// the strict decoder's error stands (the verbs report it as before, in
// French).
func decodeKind[T any](kind string, data []byte, decode func([]byte) (*T, error)) (*T, error) {
	v, err := decode(data)
	if err == nil {
		return v, nil
	}
	alt := new(T)
	if _, ok := schemas.Decode(kind, data, alt); ok {
		return alt, nil
	}
	return nil, err
}
