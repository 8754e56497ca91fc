package offer_test

import (
	"testing"
	"unicode"

	"github.com/spie-fr/socle/offer"
)

// TestEmailDomainCharactersAgreeWithModels puts each non-ASCII code point
// that email-validator's check_unsafe_chars lets through (about 144,000),
// and one code point in 64 of the others, in a domain label
// ("contact@mairie<c>.fr") and requires NormalizeEmail to give the models'
// verdict and value on each: the UTS #46 mapping, IDNA 2008 classes and
// context rules of the idna package under email-validator, not those of
// golang.org/x/net/idna and Go's tables (before the generated tables, 804
// code points disagreed: old Hangul jamo and Georgian capitals, Cherokee
// small letters, ẞ, middle dots…). About 40 s with the models; skipped
// with -short.
func TestEmailDomainCharactersAgreeWithModels(t *testing.T) {
	if testing.Short() {
		t.Skip("balayage de tous les points de code : ignoré avec -short")
	}
	var corpus []string
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if offer.EmailSafeOrMark(r) || r%64 == 0 {
			corpus = append(corpus, "contact@mairie"+string(r)+".fr")
		}
	}
	agreeWithModels(t, "email", corpus, offer.NormalizeEmail)
}
