//go:build js && wasm

// Command validate is the validation-only WebAssembly module: it exposes to
// JavaScript (browsers and Node)
//
//	validate(kind, json) → {valid: boolean, faults: [{code, path, message, message_en, severity}]}
//	spieKinds() → ["diagnostic", …]
//
// where json is a string or an object, checked with exactly the rules of the
// Go library. Load it with the Go release's wasm_exec.js:
//
//	const go = new Go();
//	const {instance} = await WebAssembly.instantiate(bytes, go.importObject);
//	go.run(instance); // validate() is defined once run returns control
package main

import (
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/wasm/validator"
)

func main() {
	jsJSON := js.Global().Get("JSON")
	validate := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 {
			return result(jsJSON, validator.Result{Faults: nil}, "validate(kind, json) attend deux arguments")
		}
		var data string
		if args[1].Type() == js.TypeString {
			data = args[1].String()
		} else {
			data = jsJSON.Call("stringify", args[1]).String()
		}
		r := validator.Validate(args[0].String(), []byte(data), time.Now())
		return result(jsJSON, r, "")
	})
	kinds := js.FuncOf(func(this js.Value, args []js.Value) any {
		out := []any{}
		for _, k := range schemas.Kinds() {
			out = append(out, k.Name)
		}
		return js.ValueOf(out)
	})
	js.Global().Set("validate", validate)
	js.Global().Set("spieKinds", kinds)
	select {}
}

// result returns r as a plain JavaScript object (through JSON, the one
// encoding the Go side and the JS side agree on).
func result(jsJSON js.Value, r validator.Result, usage string) js.Value {
	if usage != "" {
		return js.ValueOf(map[string]any{"valid": false, "faults": []any{}, "error": usage})
	}
	b, err := json.Marshal(r)
	if err != nil {
		return js.ValueOf(map[string]any{"valid": false, "faults": []any{}, "error": err.Error()})
	}
	return jsJSON.Call("parse", string(b))
}
