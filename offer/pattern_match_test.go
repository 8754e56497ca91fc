package offer

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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
		"\ufffd1234", "\xff1234", "1234\xff", "\xc3", "²3456", "12\u00a045", strings.Repeat("٠", 14), strings.Repeat("٠", 15),
		// Unicode 16.0 (the models' regex engine), not Go's 15.0: OUTLINED
		// DIGIT ZERO (Nd), GARAY CAPITAL LETTER A (Lu), a Garay digit in a
		// country code; a digit of 17.0 (TOLONG SIKI DIGIT ZERO) and a
		// circled digit (No): neither \d nor \w.
		strings.Repeat("\U0001CCF0", 5), strings.Repeat("\U00010D50", 5), "991\U00010D40\U00010D49", strings.Repeat("\U00011DE0", 5), "\u2460\u2461"}
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

// TestModelClassesReadOneTable: on every code point, the class text that
// ModelPattern writes for \d and \w (the interpreter's regexp) matches
// exactly what isModelDigit and isModelWord (the loops) accept, and both
// are the generated tables; in ASCII the byte tests are [0-9] and
// [0-9A-Za-z_] (\d and \w of the Rust regex crate, ASCII part).
func TestModelClassesReadOneTable(t *testing.T) {
	if testing.Short() {
		t.Skip("les 1 114 112 points de code ignorés en mode -short")
	}
	digitRE := regexp.MustCompile(ModelPattern(`^\d$`))
	wordRE := regexp.MustCompile(ModelPattern(`^\w$`))
	digits, words := 0, 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // no string holds a surrogate: Go writes U+FFFD
		}
		s := string(r)
		d, w := isModelDigit(r), isModelWord(r)
		require.Equal(t, unicode.Is(modelDigitTable, r), d, "%U", r)
		require.Equal(t, unicode.Is(modelWordTable, r), w, "%U", r)
		require.Equal(t, d, digitRE.MatchString(s), "\\d %U", r)
		require.Equal(t, w, wordRE.MatchString(s), "\\w %U", r)
		if r < utf8.RuneSelf {
			assert.Equal(t, r >= '0' && r <= '9', d, "%q", r)
			assert.Equal(t, r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '_', w, "%q", r)
		}
		if d {
			digits++
		}
		if w {
			words++
		}
	}
	// Worked from the standard: Unicode 15.0's 680 Nd (Go's unicode.Nd)
	// and the eight blocks of ten digits new in 16.0 (Garay, Sunuwar,
	// Myanmar Pao, Myanmar Eastern Pwo Karen, Gurung Khema, Kirat Rai,
	// Outlined, Ol Onal): 680 + 8 × 10 = 760.
	assert.Equal(t, 760, digits)
	assert.Greater(t, words, 140000)
	assert.Equal(t, 680, countIn(unicode.Nd))
}

func countIn(t *unicode.RangeTable) int {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(t, r) {
			n++
		}
	}
	return n
}

// TestModelClassesFollowUTS18: an independent reading of the generated
// tables. The Rust regex crate documents \d as Nd and \w as UTS #18's
// "word" (Annex C: Alphabetic — L, Nl, Other_Alphabetic —, M, Nd, Pc,
// Join_Control). On every code point that Go's tables (Unicode 15.0)
// assign, the tables the models gave must say what that formula says with
// Go's tables; they may differ only on code points Unicode 15.0 leaves
// unassigned (those 16.0 assigned: the 80 digits of its eight new blocks of
// ten, and its new letters and marks), where they may only add. Assigned
// is read from the general categories but C, whose Go table also holds
// unassigned code points (U+0897 is in unicode.C, not in Cc, Cf, Co, Cs).
func TestModelClassesFollowUTS18(t *testing.T) {
	if testing.Short() {
		t.Skip("les 1 114 112 points de code ignorés en mode -short")
	}
	var assigned []*unicode.RangeTable
	for _, c := range []string{"L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co", "Cs"} {
		assigned = append(assigned, unicode.Categories[c])
	}
	newDigits, newWords := 0, 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		digit := unicode.Is(unicode.Nd, r)
		word := unicode.In(r, unicode.L, unicode.Nl, unicode.Other_Alphabetic, unicode.M, unicode.Nd, unicode.Pc, unicode.Join_Control)
		d, w := unicode.Is(modelDigitTable, r), unicode.Is(modelWordTable, r)
		if unicode.In(r, assigned...) {
			require.Equal(t, digit, d, "\\d %U", r)
			require.Equal(t, word, w, "\\w %U", r)
			continue
		}
		if d {
			newDigits++
		}
		if w {
			newWords++
		}
		require.False(t, d && !w, "%U : un chiffre est un caractère de mot", r)
	}
	assert.Equal(t, 80, newDigits)
	assert.Positive(t, newWords)
	t.Logf("Unicode 16.0 : %d chiffres, %d caractères de mot absents de Unicode 15.0", newDigits, newWords)
}
