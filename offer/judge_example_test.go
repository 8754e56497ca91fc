package offer_test

import (
	"fmt"

	"github.com/spie-fr/socle/offer"
)

func ExampleModelMatcher() {
	// The models' \d is Unicode's: Arabic-Indic digits are five digits.
	postal := offer.ModelMatcher(`^\d{5}$`)
	fmt.Println(postal("02000"), postal("٠٢٠٠٠"), postal("0200"), postal("02 00"))
	// A pattern of no model has no loop.
	fmt.Println(offer.ModelMatcher(`^[0-9]{5}$`) == nil)
	// Output:
	// true true false false
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
