package widget_test

import (
	"fmt"

	"github.com/spie-fr/socle/wasm/widget"
)

// The loader's lang option reaches the widget page as ?lang= and in the
// init message; SetLang keeps "en" and falls back to French otherwise.
func ExampleSetLang() {
	fmt.Println(widget.SetLang("en"), widget.Lang())
	fmt.Println(widget.SetLang("de"))
	// Output:
	// en en
	// fr
}
