package input_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

func ExampleEach() {
	in := "{\"id\":\"a\"}\n{oops\n{\"id\":\"b\"}\n" + `{"id":"` + strings.Repeat("x", 100) + `"}` + "\n"
	_ = input.Each(strings.NewReader(in), input.Options{MaxBytes: 64}, func(d input.Doc) error {
		if d.Fault != nil {
			fmt.Printf("%d (ligne %d) : %s %s\n", d.Index, d.Line, d.Fault.Code, d.Fault.Message)
			return nil
		}
		fmt.Printf("%d (ligne %d) : %s\n", d.Index, d.Line, d.Data)
		return nil
	})
	// Output:
	// 1 (ligne 1) : {"id":"a"}
	// 2 (ligne 2) : {oops
	// 3 (ligne 3) : {"id":"b"}
	// 4 (ligne 4) : INPUT-SIZE-01 document trop grand : 109 octets (maximum 64)
}

func ExampleDecode() {
	type person struct {
		ID string `json:"id"`
	}
	in := `[{"id":"a"}, {"id": 7}, {"id":"c"}]`
	_ = input.Decode(strings.NewReader(in), input.Options{},
		func(d input.Doc, p *person) error { fmt.Println(d.Pointer(), p.ID); return nil },
		func(_ input.Doc, f spie.Fault) { fmt.Println(f.Path, f.Code) })
	// Output:
	// /0 a
	// /1 INPUT-JSON-01
	// /2 c
}

func ExampleDoc_Locate() {
	// A fault found at /id in the document starting on line 3 of NDJSON.
	d := input.Doc{Index: 2, Line: 3, Format: input.FormatNDJSON}
	fmt.Println(d.Locate(input.FaultJSON.At("/id", "valeur inattendue", "unexpected value")).Path)
	// The same in the third element of an array (JSON Pointer from 0).
	d = input.Doc{Index: 3, Line: 1, Format: input.FormatArray}
	fmt.Println(d.Locate(input.FaultJSON.At("/id", "valeur inattendue", "unexpected value")).Path)
	// Output:
	// /3/id
	// /2/id
}

func ExampleFaultJSON() {
	var v struct {
		ID string `json:"id"`
	}
	err := json.Unmarshal([]byte(`{"id": 3}`), &v)
	// encoding/json stops after the number, at the eighth byte; the French
	// detail fills message, the English one message_en.
	f := input.FaultJSON.At("/3", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))
	fmt.Println(f.Message)
	fmt.Println(f.MessageEN)
	// Output:
	// JSON illisible : valeur de type nombre inattendue pour id (octet 8)
	// unreadable JSON: unexpected number value for id (byte 8)
}
