package offer_test

import (
	"fmt"

	"github.com/spie-fr/socle/offer"
)

func ExampleModelMatcher() {
	// The models' \d is Unicode's: Arabic-Indic digits are five digits,
	// and so are OUTLINED DIGIT ZERO..FOUR (U+1CCF0, Unicode 16.0, the
	// version of the models' regex engine).
	postal := offer.ModelMatcher(`^\d{5}$`)
	fmt.Println(postal("02000"), postal("٠٢٠٠٠"), postal("0200"), postal("02 00"), postal("\U0001CCF0\U0001CCF1\U0001CCF2\U0001CCF3\U0001CCF4"))
	// A pattern of no model has no loop.
	fmt.Println(offer.ModelMatcher(`^[0-9]{5}$`) == nil)
	// Output:
	// true true false false true
	// true
}

func ExampleFormatJudge() {
	judge := offer.FormatJudge()
	for _, v := range []string{"contact@mairie.fr", "Mairie <contact@mairie.fr>", "contact@localhost"} {
		valid, rewritten, _ := judge("email", v)
		fmt.Println(v, valid, rewritten)
	}
	// Output:
	// contact@mairie.fr true false
	// Mairie <contact@mairie.fr> true true
	// contact@localhost false false
}
