package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
)

// TestGeneratedFileIsCurrent runs data·inclusion's models again over every
// code point and compares what they give with the committed
// offer/classes_gen.go; skipped, with the reason, without python3,
// pydantic 2 or the models.
func TestGeneratedFileIsCurrent(t *testing.T) {
	py, models := reftest.DataInclusionModels(t)
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "offer", "classes_gen.go"))
	require.NoError(t, err)
	c, err := Oracle(py, models)
	require.NoError(t, err)
	got, err := Generate(c)
	require.NoError(t, err)
	require.Equal(t, string(committed), string(got), "lancez go generate ./offer")
}

// asciiDigit and asciiWord are the ASCII members package offer's byte
// loops take: [0-9] and [0-9A-Za-z_].
var (
	asciiDigit = [][2]rune{{'0', '9'}}
	asciiWord  = [][2]rune{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
)

func TestSplit(t *testing.T) {
	// Worked by hand: a range crossing U+FFFF is cut at U+FFFF / U+10000.
	r16, r32 := Split([]Range{{0x30, 0x39}, {0xFF10, 0x10010}, {0x1D7CE, 0x1D7FF}})
	assert.Equal(t, []Range{{0x30, 0x39}, {0xFF10, 0xFFFF}}, r16)
	assert.Equal(t, []Range{{0x10000, 0x10010}, {0x1D7CE, 0x1D7FF}}, r32)
	r16, r32 = Split([]Range{{0x10000, 0x10000}})
	assert.Empty(t, r16)
	assert.Equal(t, []Range{{0x10000, 0x10000}}, r32)
}

func TestGenerateWritesTheTables(t *testing.T) {
	src, err := Generate(Classes{Pydantic: "2.0.0", PydanticCore: "2.0.0",
		Digit: append(append([][2]rune{}, asciiDigit...), [2]rune{0x660, 0x669}, [2]rune{0x1CCF0, 0x1CCF9}),
		Word:  append(append([][2]rune{}, asciiWord...), [2]rune{0xAA, 0xAA}, [2]rune{0xFFDA, 0x10011})})
	require.NoError(t, err)
	s := string(src)
	assert.Contains(t, s, "pydantic 2.0.0 / pydantic-core 2.0.0")
	assert.Contains(t, s, "{0x0660, 0x0669, 1},")
	assert.Contains(t, s, "{0x1ccf0, 0x1ccf9, 1},")
	assert.Contains(t, s, "{0xffda, 0xffff, 1},")
	assert.Contains(t, s, "{0x10000, 0x10011, 1},")
	// \d: 10 + 10 + 10 = 30 code points; \w: 10 + 26 + 1 + 26 + 1 +
	// (0x10011 - 0xFFDA + 1 = 56) = 120; Latin-1 ranges: \d 1, \w 5.
	assert.Contains(t, s, "30 code\n// points in 3 ranges")
	assert.Contains(t, s, "120 code\n// points in 6 ranges")
	assert.Contains(t, s, "LatinOffset: 1,")
	assert.Contains(t, s, "LatinOffset: 5,")
}

// TestGenerateRefusesABadClass: what the byte loops or unicode.RangeTable
// could not read is an error, never a table.
func TestGenerateRefusesABadClass(t *testing.T) {
	for name, c := range map[string]Classes{
		"sans versions":    {Digit: asciiDigit, Word: asciiWord},
		"vide":             {Pydantic: "2", PydanticCore: "2", Word: asciiWord},
		"non triée":        {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{0x660, 0x669}, {'0', '9'}}, Word: asciiWord},
		"contiguë":         {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{'0', '4'}, {'5', '9'}}, Word: asciiWord},
		"substituts":       {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{'0', '9'}, {0xD7FF, 0xD800}}, Word: asciiWord},
		"hors Unicode":     {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{'0', '9'}, {0x10FFFF, 0x110000}}, Word: asciiWord},
		"ASCII en trop":    {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{'0', ':'}}, Word: asciiWord},
		"ASCII manquant":   {Pydantic: "2", PydanticCore: "2", Digit: asciiDigit, Word: [][2]rune{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}},
		"plage à l'envers": {Pydantic: "2", PydanticCore: "2", Digit: [][2]rune{{'0', '9'}, {0x669, 0x660}}, Word: asciiWord},
	} {
		_, err := Generate(c)
		assert.Error(t, err, name)
	}
}

// TestEmailFileIsCurrent runs data·inclusion's e-mail rule again over
// every code point and compares what it gives with the committed
// offer/email_classes_gen.go; skipped, with the reason, without python3,
// pydantic 2 or the models.
func TestEmailFileIsCurrent(t *testing.T) {
	py, models := reftest.DataInclusionModels(t)
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "offer", "email_classes_gen.go"))
	require.NoError(t, err)
	c, err := EmailOracle(py, models)
	require.NoError(t, err)
	got, err := GenerateEmail(c)
	require.NoError(t, err)
	require.Equal(t, string(committed), string(got), "lancez go generate ./offer")
}

// The ASCII members package offer's byte tests take for the e-mail
// classes: name, letters, digits and !#$%&'*+-/=?^_`{|}~; space, \t to \r,
// \x1c to \x1f and ' '; safe, '!' to '~'.
var (
	asciiName  = [][2]rune{{'!', '!'}, {'#', '\''}, {'*', '+'}, {'-', '-'}, {'/', '9'}, {'=', '='}, {'?', '?'}, {'A', 'Z'}, {'^', '~'}}
	asciiSpace = [][2]rune{{'\t', '\r'}, {0x1c, ' '}}
	asciiSafe  = [][2]rune{{'!', '~'}}
)

// asciiPValid are the ASCII members of PVALID: a to z, 0 to 9 and '-'.
var asciiPValid = [][2]rune{{'-', '-'}, {'0', '9'}, {'a', 'z'}}

func emailClasses(name, space, safe, mark [][2]rune) EmailClasses {
	return EmailClasses{Python: "3.11.7", Unidata: "14.0.0", Pydantic: "2.0.0", EmailValidator: "2.2.0", IDNA: "3.13", IDNAData: "17.0.0",
		Name: name, Space: space, Safe: safe, Mark: mark,
		PValid: append(append([][2]rune{}, asciiPValid...), [2]rune{0xDF, 0xF6}), ContextO: [][2]rune{{0xB7, 0xB7}, {0x375, 0x375}},
		Unmappable: [][2]rune{{0x2F868, 0x2F868}}, Remap: []Remap{{0xC0, "à"}, {0x1E9E, "ß"}, {0x3164, ""}},
		Greek: [][2]rune{{0x370, 0x373}}, Hebrew: [][2]rune{{0x591, 0x5C7}}, KanaHan: [][2]rune{{0x3041, 0x3096}}}
}

func TestGenerateEmailWritesTheTables(t *testing.T) {
	src, err := GenerateEmail(emailClasses(
		append(append([][2]rune{}, asciiName...), [2]rune{0xAA, 0xAA}, [2]rune{0x11F04, 0x11F05}),
		append(append([][2]rune{}, asciiSpace...), [2]rune{0x85, 0x85}),
		append(append([][2]rune{}, asciiSafe...), [2]rune{0xA1, 0xAC}),
		[][2]rune{{0x300, 0x36F}}))
	require.NoError(t, err)
	s := string(src)
	assert.Contains(t, s, "Python 3.11.7 (unicodedata 14.0.0), pydantic 2.0.0, email_validator 2.2.0, idna 3.13 (idnadata 17.0.0)")
	assert.Contains(t, s, "{0x11f04, 0x11f05, 1},")
	assert.Contains(t, s, "{0x0300, 0x036f, 1},")
	// Worked by hand. name: 1+5+2+1+11+1+1+26+33 = 81 ASCII, + 1 + 2 = 84
	// in 11 ranges; space: 5 + 5 + 1 = 11 in 3; safe: 94 + 12 = 106 in
	// 2; mark: 112 in 1.
	assert.Contains(t, s, "// 84 code points in 11 ranges.")
	assert.Contains(t, s, "// 11 code points in 3 ranges.")
	assert.Contains(t, s, "// 106 code points in 2 ranges.")
	assert.Contains(t, s, "// 112 code points in 1 ranges.")
	// pvalid: 1 + 10 + 26 + (0xF6 - 0xDF + 1 = 24) = 61 in 4; contexto: 2
	// in 2.
	assert.Contains(t, s, "// 61 code points in 4 ranges.")
	assert.Contains(t, s, "// 2 code points in 2 ranges.")
	assert.Contains(t, s, "var idnaRemapFrom = []rune{\n\t0xc0,\n\t0x1e9e,\n\t0x3164,\n}")
	assert.Contains(t, s, "var idnaRemapTo = []string{\n\t\"\\u00e0\",\n\t\"\\u00df\",\n\t\"\",\n}")
	for _, name := range []string{"emailNameTable", "emailSpaceTable", "emailSafeTable", "emailMarkTable", "idnaPValidTable", "idnaContextOTable", "idnaGreekTable", "idnaHebrewTable", "idnaKanaHanTable"} {
		assert.Contains(t, s, "var "+name+" = &unicode.RangeTable{")
	}
}

// TestGenerateEmailRefusesABadClass: what the byte tests or
// unicode.RangeTable could not read is an error, never a table.
func TestGenerateEmailRefusesABadClass(t *testing.T) {
	mark := [][2]rune{{0x300, 0x36F}}
	for name, c := range map[string]EmailClasses{
		"sans versions":     {Name: asciiName, Space: asciiSpace, Safe: asciiSafe, Mark: mark},
		"nom vide":          emailClasses(nil, asciiSpace, asciiSafe, mark),
		"marques vides":     emailClasses(asciiName, asciiSpace, asciiSafe, nil),
		"nom sans '_'":      emailClasses([][2]rune{{'!', '!'}, {'#', '\''}, {'*', '+'}, {'-', '-'}, {'/', '9'}, {'=', '='}, {'?', '?'}, {'A', 'Z'}, {'^', '^'}, {'`', '~'}}, asciiSpace, asciiSafe, mark),
		"espace sans \\x1c": emailClasses(asciiName, [][2]rune{{'\t', '\r'}, {0x1d, ' '}}, asciiSafe, mark),
		"sûr avec l'espace": emailClasses(asciiName, asciiSpace, [][2]rune{{' ', '~'}}, mark),
		"marque ASCII":      emailClasses(asciiName, asciiSpace, asciiSafe, [][2]rune{{'a', 'a'}, {0x300, 0x36F}}),
		"sûr et marque":     emailClasses(asciiName, asciiSpace, append(append([][2]rune{}, asciiSafe...), [2]rune{0x360, 0x370}), mark),
		"substituts":        emailClasses(asciiName, asciiSpace, append(append([][2]rune{}, asciiSafe...), [2]rune{0xD7FF, 0xD800}), mark),
		"non triée":         emailClasses(asciiName, asciiSpace, asciiSafe, [][2]rune{{0x483, 0x489}, {0x300, 0x36F}}),
	} {
		_, err := GenerateEmail(c)
		assert.Error(t, err, name)
	}
}
