// Package validator is the core of the validation-only WebAssembly module
// (./wasm/cmd/validate): it validates one exchanged JSON document of a kind
// with exactly the rules of the Go library (schemas.Validate: the JSON Schema,
// then the Go rules), without go-app, for partners' JavaScript front and back
// ends (browsers and Node).
package validator

import (
	"time"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// Result is what validate(kind, json) returns to JavaScript.
type Result struct {
	Valid  bool        `json:"valid"`
	Faults spie.Faults `json:"faults"`
}

// Validate checks data, a JSON document of the kind, as of the date now
// (an unknown kind is the fault INPUT-KIND-01 of package schemas).
func Validate(kind string, data []byte, now time.Time) Result {
	fs := schemas.Validate(kind, data, schemas.WithNow(func() time.Time { return now }))
	if fs == nil {
		fs = spie.Faults{}
	}
	return Result{Valid: fs.Valid(), Faults: fs}
}
