package offer

import "strings"

// data·inclusion's models constrain codes with patterns (^\d{5}$, ^\w{5}$…)
// that pydantic-core runs with Rust's regex crate, where \d and \w are
// Unicode classes: "٠١٢٣٤" is five digits and "7505é" five word characters
// for the models, not for an ECMA-262 or Go regexp reading the same text.

// Unicode classes of the Rust regex crate, in Go regexp syntax (without the
// brackets): \d is the decimal digits (Nd); \w is Alphabetic (letters,
// letter numbers and the Other_Alphabetic marks and circled letters), marks,
// decimal digits, connector punctuation and the joiners.
const (
	modelDigit = `\p{Nd}`
	modelWord  = `\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}`
)

// ModelPattern rewrites a pattern of data·inclusion's models for Go's
// regexp so that it matches what the models' regex engine matches: each \d
// and \w (and \D, \W) becomes its Unicode class. Other syntax is kept.
func ModelPattern(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '\\' && i+1 < len(p) {
			var class string
			negated := false
			switch p[i+1] {
			case 'd':
				class = modelDigit
			case 'w':
				class = modelWord
			case 'D':
				class, negated = modelDigit, true
			case 'W':
				class, negated = modelWord, true
			default:
				b.WriteString(p[i : i+2])
				i++
				continue
			}
			i++
			switch {
			case inClass && !negated:
				b.WriteString(class)
			case negated && !inClass:
				b.WriteString("[^" + class + "]")
			case negated:
				// A negated class inside brackets has no Go form of
				// this kind: keep the original escape.
				b.WriteString(`\` + string(p[i]))
			default:
				b.WriteString("[" + class + "]")
			}
			continue
		}
		switch c {
		case '[':
			inClass = true
		case ']':
			inClass = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
