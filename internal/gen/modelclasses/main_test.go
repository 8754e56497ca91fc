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
