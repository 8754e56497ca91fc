package offer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// patternCases: codes of each pattern, one byte off (length, class, each
// ASCII punctuation), and non-ASCII digits and letters left to the regexp.
func patternCases() []string {
	cs := []string{"", "02", "2A", "2B", "974", "02168", "2A004", "99100", "99134", "99609", "9913", "991345",
		"200072031", "20007203", "2000720311", "12345678901234", "1234567890123", "123456789012345",
		"0216_", "02 68", "02168\n", "\n02168", "a_b", "ABCDE", "abcde", "٠٢١٦٨", "0216٨", "7505é", "é", "02\u200d",
		// Unicode beyond ASCII, worked from the classes: Arabic-Indic and
		// Devanagari digits (Nd), a combining acute (M), a circled A
		// (U+24B6) and a negative circled A (U+1F150), a Roman numeral
		// (Nl), an undertie (Pc), the joiners, U+FFFD, invalid UTF-8, a
		// superscript two (No: neither \d nor \w), an NBSP.
		"٠١٢٣٤٥٦٧٨", "९९१००", "99١٢", "991٢٣", "e\u0301e\u0301e", "Ⓐⓑⓒⓓⓔ", "\U0001F150\U0001F16902", "ⅫⅫⅫ", "a‿b", "\u200c\u200d",
		"\ufffd1234", "\xff1234", "1234\xff", "\xc3", "²3456", "12\u00a045", strings.Repeat("٠", 14), strings.Repeat("٠", 15)}
	for c := byte(0); c < 0x80; c++ {
		cs = append(cs, "0216"+string(rune(c)), string(rune(c))+"0", "99"+string(rune(c))+"00", strings.Repeat(string(rune(c)), 9))
	}
	return cs
}

func TestModelPatternsAgree(t *testing.T) {
	matched := 0
	for _, p := range modelPatterns {
		for _, s := range patternCases() {
			want := p.re().MatchString(s)
			require.Equal(t, want, p.MatchString(s), "%s sur %q", p.pattern, s)
			if want {
				matched++
			}
		}
	}
	assert.Greater(t, matched, 100)
}

func FuzzModelPatterns(f *testing.F) {
	for _, s := range patternCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range modelPatterns {
			if want := p.re().MatchString(s); want != p.MatchString(s) {
				t.Fatalf("%s sur %q : l'expression dit %v", p.pattern, s, want)
			}
		}
	})
}
