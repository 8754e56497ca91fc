package offer_test

import (
	"testing"

	"github.com/spie-fr/socle/offer"
)

// BenchmarkModelMatcher: the loops of the models' patterns on the service
// fast path, on ASCII codes (a byte test each) and on codes beyond ASCII
// (a look-up in the generated tables: Arabic-Indic digits, accented
// letters).
func BenchmarkModelMatcher(b *testing.B) {
	postal, insee := offer.ModelMatcher(`^\d{5}$`), offer.ModelMatcher(`^\w{5}$`)
	for _, c := range []struct {
		name  string
		match func(string) bool
		s     string
	}{
		{"ascii/code_postal", postal, "02000"},
		{"ascii/code_insee", insee, "2A004"},
		{"unicode/code_postal", postal, "٠٢٠٠٠"},
		{"unicode/code_insee", insee, "éèàçñ"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if !c.match(c.s) {
					b.Fatal(c.s)
				}
			}
		})
	}
}
