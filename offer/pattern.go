package offer

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// data·inclusion's models constrain codes with patterns (^\d{5}$, ^\w{5}$…)
// that pydantic-core runs with Rust's regex crate, where \d and \w are
// Unicode classes: "٠١٢٣٤" is five digits and "7505é" five word characters
// for the models, not for an ECMA-262 or Go regexp reading the same text.

//go:generate go run ../internal/gen/modelclasses -out classes_gen.go

// The classes \d and \w of the models' patterns, in Go regexp syntax
// (without the brackets), written from the tables the models' own regex
// engine gave (classes_gen.go: data·inclusion's models run by
// internal/gen/modelclasses over every code point, with the Unicode version
// of pydantic-core's Rust regex crate, 16.0 for pydantic-core 2.46, not Go's
// unicode.Version). \d is Unicode's decimal digits (Nd); \w is Alphabetic
// (letters, letter numbers, the Other_Alphabetic marks and circled
// letters), marks, decimal digits, connector punctuation and the joiners.
// isModelDigit and isModelWord read the same tables: one definition.
var (
	modelDigit = sync.OnceValue(func() string { return classText(modelDigitTable) })
	modelWord  = sync.OnceValue(func() string { return classText(modelWordTable) })
)

// classText writes the code points of t as the inside of a Go regexp
// bracket class: \x{lo}-\x{hi} for each run, \x{c} for a lone one. The
// tables of classes_gen.go have stride 1 only (internal/gen/modelclasses
// writes each run as one range).
func classText(t *unicode.RangeTable) string {
	var b strings.Builder
	write := func(lo, hi rune) {
		fmt.Fprintf(&b, `\x{%X}`, lo)
		if hi != lo {
			fmt.Fprintf(&b, `-\x{%X}`, hi)
		}
	}
	for _, r := range t.R16 {
		write(rune(r.Lo), rune(r.Hi))
	}
	for _, r := range t.R32 {
		write(rune(r.Lo), rune(r.Hi))
	}
	return b.String()
}

// ModelPattern rewrites a pattern of data·inclusion's models for Go's
// regexp so that it matches what the models' regex engine matches: each \d
// and \w (and \D, \W) becomes its class as that engine reads it, the
// explicit ranges of the generated tables (Go's \p{Nd} would be Go's
// Unicode version, not the engine's). Other syntax is kept. A \D or \W
// inside brackets, which the models' patterns do not use, is kept as Go
// reads it (ASCII).
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
				class = modelDigit()
			case 'w':
				class = modelWord()
			case 'D':
				class, negated = modelDigit(), true
			case 'W':
				class, negated = modelWord(), true
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
