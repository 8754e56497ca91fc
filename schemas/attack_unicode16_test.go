package schemas_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/offer/offertest"
)

// TestAttackPatternsUnicodeVersion: the models' \d and \w (pydantic-core's
// Rust regex engine) follow the Unicode version of that engine, not Go's
// (unicode.Version 15.0.0 in go1.26). Digits and letters assigned by Unicode
// 16.0 (2024-09: OUTLINED DIGIT ZERO U+1CCF0, GARAY DIGIT ZERO U+10D40,
// KIRAT RAI DIGIT ZERO U+16D70, all Nd; GARAY CAPITAL LETTER A U+10D50, Lu)
// are \d / \w for the models: run by hand with pydantic 2.13.4 /
// pydantic-core 2.46.4, Service.model_validate_json accepts code_postal and
// code_insee made of five of them, and Structure accepts a siret of fourteen.
// Socle must give the models' verdict (Validate's doc: "the verdict is
// data·inclusion's own models'"); the models are run here as the oracle.
func TestAttackPatternsUnicodeVersion(t *testing.T) {
	py, models := reftest.DataInclusionModels(t)
	var docs []diDoc
	for _, r := range []rune{0x1CCF0, 0x10D40, 0x16D70} {
		five := strings.Repeat(string(r), 5)
		docs = append(docs,
			diDoc{"service", "code_postal " + five, toObject(offertest.ValidService()).with("code_postal", js(five)).text()},
			diDoc{"service", "code_insee " + five, toObject(offertest.ValidService()).with("code_insee", js(five)).text()},
			diDoc{"structure", "siret", toObject(offertest.ValidStructure()).with("siret", js(strings.Repeat(string(r), 14))).text()},
		)
	}
	letters := strings.Repeat("\U00010D50", 5)
	docs = append(docs, diDoc{"service", "code_insee " + letters, toObject(offertest.ValidService()).with("code_insee", js(letters)).text()})
	want := modelVerdicts(t, py, models, docs)
	for i, d := range docs {
		got := socleVerdict(d)
		assert.True(t, sameVerdict(want[i], got), "%s %s : modèles %v, socle %v", d.kind, d.name, want[i], got)
	}
}

// TestUnicode16Edges: the edges of the classes, each character five times
// as code_postal (^\d{5}$) and as code_insee (^\w{5}$) of a service. The
// expected class of each comes from the Unicode Character Database (names
// and general categories of UnicodeData.txt 16.0; Tolong Siki's digits are
// assigned by 17.0, 2025-09): the models must say it (the oracle is checked
// against the text) and socle must say what the models say. The last digit
// of each block of digits new in 16.0 (Nd, so \d and \w); letters new in
// 16.0 at the ends of Garay's cases (Lu, Ll: \w only); characters that look
// like digits without being Nd (No, So: neither); a digit of Unicode 17,
// which the models' 16.0 engine does not know (neither).
func TestUnicode16Edges(t *testing.T) {
	py, models := reftest.DataInclusionModels(t)
	cases := []struct {
		r           rune
		name        string
		digit, word bool
	}{
		{0x10D49, "GARAY DIGIT NINE (Nd, 16.0)", true, true},
		{0x116D9, "MYANMAR PAO DIGIT NINE (Nd, 16.0)", true, true},
		{0x116E3, "MYANMAR EASTERN PWO KAREN DIGIT NINE (Nd, 16.0)", true, true},
		{0x11BF9, "SUNUWAR DIGIT NINE (Nd, 16.0)", true, true},
		{0x16139, "GURUNG KHEMA DIGIT NINE (Nd, 16.0)", true, true},
		{0x16D79, "KIRAT RAI DIGIT NINE (Nd, 16.0)", true, true},
		{0x1CCF9, "OUTLINED DIGIT NINE (Nd, 16.0)", true, true},
		{0x1E5FA, "OL ONAL DIGIT NINE (Nd, 16.0)", true, true},
		{0x10D65, "GARAY CAPITAL LETTER OLD NA (Lu, 16.0)", false, true},
		{0x10D85, "GARAY SMALL LETTER OLD NA (Ll, 16.0)", false, true},
		{0x2460, "CIRCLED DIGIT ONE (No)", false, false},
		{0x2070, "SUPERSCRIPT ZERO (No)", false, false},
		{0x1F10B, "DINGBAT CIRCLED SANS-SERIF DIGIT ZERO (No)", false, false},
		{0x11DE0, "TOLONG SIKI DIGIT ZERO (Nd, 17.0: unassigned in 16.0)", false, false},
		{0x11DE9, "TOLONG SIKI DIGIT NINE (Nd, 17.0: unassigned in 16.0)", false, false},
	}
	var docs []diDoc
	for _, c := range cases {
		five := strings.Repeat(string(c.r), 5)
		docs = append(docs,
			diDoc{"service", fmt.Sprintf("code_postal %U %s", c.r, c.name), toObject(offertest.ValidService()).with("code_postal", js(five)).text()},
			diDoc{"service", fmt.Sprintf("code_insee %U %s", c.r, c.name), toObject(offertest.ValidService()).with("code_insee", js(five)).text()},
		)
	}
	want := modelVerdicts(t, py, models, docs)
	for i, d := range docs {
		c := cases[i/2]
		expect := c.digit
		if i%2 == 1 {
			expect = c.word
		}
		assert.Equal(t, expect, want[i].Valid, "modèles, %s : %v", d.name, want[i])
		got := socleVerdict(d)
		assert.True(t, sameVerdict(want[i], got), "%s %s : modèles %v, socle %v", d.kind, d.name, want[i], got)
	}
}
