package schemas_test

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// schemaPattern is one "pattern" keyword of a kind's schema.
type schemaPattern struct{ kind, pattern string }

// schemaPatterns collects every "pattern" keyword of every kind's schema.
func schemaPatterns(t testing.TB) []schemaPattern {
	var out []schemaPattern
	for _, k := range schemas.Kinds() {
		b, err := schemas.Files.ReadFile("v1/" + k.Name + ".json")
		require.NoError(t, err)
		var root any
		require.NoError(t, json.Unmarshal(b, &root))
		seen := map[string]bool{}
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				for key, val := range x {
					if p, ok := val.(string); ok && key == "pattern" && !seen[p] {
						seen[p] = true
						out = append(out, schemaPattern{k.Name, p})
					}
					walk(val)
				}
			case []any:
				for _, val := range x {
					walk(val)
				}
			}
		}
		walk(root)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].kind+out[i].pattern < out[j].kind+out[j].pattern })
	return out
}

// oracle is the regexp of the pattern as the kind reads it (Kind.Patterns),
// the one the JSON Schema interpreter runs.
func oracle(t testing.TB, kind, pattern string) *regexp.Regexp {
	k, _ := schemas.Lookup(kind)
	if k.Patterns != nil {
		pattern = k.Patterns(pattern)
	}
	re, err := regexp.Compile(pattern)
	require.NoError(t, err)
	return re
}

// matcherCases are strings near every pattern of the schemas: codes of
// each length from 0 to 16 and 63 to 65 made of one character (each ASCII byte, and
// digits, letters, marks and others beyond ASCII, among them a digit and a
// letter of Unicode 16.0, OUTLINED DIGIT NINE and GARAY CAPITAL LETTER A,
// and a digit of 17.0, TOLONG SIKI DIGIT ZERO), the codes of the
// examples with one character changed, invalid UTF-8.
func matcherCases() []string {
	chars := []string{"٣", "९", "é", "É", "\u0301", "Ⓐ", "\U0001F150", "Ⅻ", "‿", "\u200c", "\u200d", "\ufffd", "\xff", "²", "\u00a0", "中", "\U0001CCF9", "\U00010D50", "\U00011DE0", "\u2460"}
	for c := byte(0); c < 0x80; c++ {
		chars = append(chars, string(rune(c)))
	}
	var cs []string
	for _, c := range chars {
		for n := 0; n <= 16; n++ {
			cs = append(cs, strings.Repeat(c, n))
		}
		cs = append(cs, strings.Repeat(c, 63), strings.Repeat(c, 64), strings.Repeat(c, 65)) // a hash of 64 hex digits
	}
	for _, code := range []string{"02", "2A", "2B", "974", "976", "977", "02168", "2A004", "97411", "98415", "97911", "20004",
		"99100", "99134", "99609", "200072031", "12345678901234", "02000", "98000", "99000", "N1101", "1234567A", "185057800608491"} {
		cs = append(cs, code, code+"0", code[1:], code+"\n", " "+code)
		for i := range code {
			for _, c := range chars {
				cs = append(cs, code[:i]+c+code[i+1:])
			}
		}
	}
	return cs
}

// TestPatternMatchersAgree: on every pattern of every kind's schema, the
// check of the fast path (patternMatcher) accepts exactly what the regexp
// of the interpreter matches; the patterns of the data·inclusion kinds
// (service, structure, prescription) all have a loop, no regexp.
func TestPatternMatchersAgree(t *testing.T) {
	pats := schemaPatterns(t)
	require.NotEmpty(t, pats)
	cases := matcherCases()
	offerKinds := map[string]bool{"service": true, "structure": true, "prescription": true}
	offerPatterns, loops := 0, 0
	for _, sp := range pats {
		m, loop, err := schemas.PatternMatcher(sp.kind, sp.pattern)
		require.NoError(t, err, "%s %s", sp.kind, sp.pattern)
		if loop {
			loops++
		} else {
			t.Logf("%s : motif %s vérifié par son expression", sp.kind, sp.pattern)
		}
		if offerKinds[sp.kind] {
			offerPatterns++
			assert.True(t, loop, "%s : le motif %s n'a pas de boucle", sp.kind, sp.pattern)
		}
		re := oracle(t, sp.kind, sp.pattern)
		accepted := 0
		for _, s := range cases {
			want := re.MatchString(s)
			require.Equal(t, want, m(s), "%s %s sur %q", sp.kind, sp.pattern, s)
			if want {
				accepted++
			}
		}
		assert.Positive(t, accepted, "%s %s : aucun cas accepté, le test ne prouverait rien", sp.kind, sp.pattern)
	}
	// Distinct patterns: service 5, structure 3, prescription 7 (its
	// service's and its own): schemas/v1/*.json.
	assert.Equal(t, 15, offerPatterns)
	t.Logf("%d motifs dans les schémas, %d vérifiés par une boucle", len(pats), loops)
}

// FuzzPatternMatchers: on any string, the check of the fast path of every
// pattern of the schemas agrees with the interpreter's regexp.
func FuzzPatternMatchers(f *testing.F) {
	for _, s := range []string{"", "02168", "2A004", "٠٢١٦٨", "99100", "99١٢٣", "Ⓐⓑⓒⓓⓔ", "e\u0301e\u0301e", "\xff1234", "12345678901234", "200072031", "\U0001CCF0\U0001CCF0\U0001CCF0\U0001CCF0\U0001CCF0", "\U00010D50\U00010D50\U00010D5001"} {
		f.Add(s)
	}
	pats := schemaPatterns(f)
	type check struct {
		schemaPattern
		match func(string) bool
		re    *regexp.Regexp
	}
	var checks []check
	for _, sp := range pats {
		m, _, err := schemas.PatternMatcher(sp.kind, sp.pattern)
		require.NoError(f, err)
		checks = append(checks, check{sp, m, oracle(f, sp.kind, sp.pattern)})
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range checks {
			if want := c.re.MatchString(s); want != c.match(s) {
				t.Fatalf("%s %s sur %q : l'expression dit %v", c.kind, c.pattern, s, want)
			}
		}
	})
}
