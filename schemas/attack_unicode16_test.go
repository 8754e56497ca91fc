package schemas_test

import (
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
	t.Skip("bug: offer.ModelMatcher (isModelDigit/isModelWord) and the interpreter's regexp read \\d and \\w with Go's unicode tables (15.0.0); pydantic-core's Rust regex has Unicode 16.0: 10 of 10 documents here are valid for the models, refused by socle (OFFRE/SCHEMA fault on code_postal, code_insee, siret). Fix: tables of the models' Unicode version generated for ModelMatcher and the interpreter's patterns rewritten to them — not a one-line change")
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
