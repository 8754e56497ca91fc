package spie_test

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// The oracle of the byte-loop matchers is Go's regexp engine run on the very
// patterns the JSON Schemas publish: a matcher must accept exactly the
// strings its pattern matches.

// alphabet holds every character class the patterns distinguish (digits,
// A, B, N, O, Z, a lowercase letter, a sign, a non-ASCII byte).
const alphabet = "0123456789ABNOZa-é"

func agree(t testing.TB, pattern string, match func(string) bool, s string) {
	t.Helper()
	re := regexp.MustCompile(pattern)
	if re.MatchString(s) != match(s) {
		t.Fatalf("pattern %s, %q : regexp %v, byte loop %v", pattern, s, re.MatchString(s), match(s))
	}
}

func TestIdentMatchersAgreeWithPatterns(t *testing.T) {
	require.Len(t, spie.IdentMatchers, 15)
	rng := rand.New(rand.NewPCG(17, 5))
	for _, m := range spie.IdentMatchers {
		re := regexp.MustCompile(m.Pattern)
		public := spie.MatcherOf(m.Pattern) // nil for the NIR's parts
		check := func(s string) {
			if got, want := m.Match(s), re.MatchString(s); got != want {
				t.Fatalf("pattern %s, %q : regexp %v, byte loop %v", m.Pattern, s, want, got)
			}
			if public != nil && public(s) != re.MatchString(s) {
				t.Fatalf("pattern %s, %q : regexp %v, MatcherOf %v", m.Pattern, s, re.MatchString(s), public(s))
			}
		}
		accepted := 0
		// Every string of up to 3 characters over the alphabet, and every
		// 2- or 3-character prefix of the alphabet followed by digits up to
		// 5 characters (the département and place branches).
		var gen func(prefix string, n int)
		gen = func(prefix string, n int) {
			check(prefix)
			if re.MatchString(prefix) {
				accepted++
			}
			for _, tail := range []string{"1", "12", "123", "0000000", "12345678", "1234567890123"} {
				check(prefix + tail)
				if re.MatchString(prefix + tail) {
					accepted++
				}
			}
			if n == 0 {
				return
			}
			for i := 0; i < len(alphabet); i++ {
				gen(prefix+string(alphabet[i]), n-1)
			}
		}
		gen("", 3)
		// Random strings of every length a pattern matches, and one either
		// side, mostly digits.
		for range 20000 {
			n := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16}[rng.IntN(15)]
			b := make([]byte, n)
			for i := range b {
				if rng.IntN(4) > 0 {
					b[i] = byte('0' + rng.IntN(10))
				} else {
					b[i] = alphabet[rng.IntN(len(alphabet))]
				}
			}
			check(string(b))
			if re.MatchString(string(b)) {
				accepted++
			}
		}
		// NIR-like strings: 15 characters, a sex digit first, mostly digits.
		for range 20000 {
			b := make([]byte, 15)
			b[0] = "12780"[rng.IntN(5)]
			for i := 1; i < len(b); i++ {
				if rng.IntN(10) > 0 {
					b[i] = byte('0' + rng.IntN(10))
				} else {
					b[i] = alphabet[rng.IntN(len(alphabet))]
				}
			}
			check(string(b))
			if re.MatchString(string(b)) {
				accepted++
			}
		}
		assert.Positive(t, accepted, "no string accepted by %s: the test would prove nothing", m.Pattern)
	}
}

// TestMatcherOf: every identifier pattern the schemas publish has a byte
// loop (proven against its regexp by TestIdentMatchersAgreeWithPatterns),
// any other pattern none.
func TestMatcherOf(t *testing.T) {
	for _, id := range []spie.Identifier{spie.SIRET(""), spie.SIREN(""), spie.CommuneCode(""), spie.DepartementCode(""),
		spie.EPCICode(""), spie.PostalCode(""), spie.NIR(""), spie.ROMECode(""), spie.FranceTravailID(""), spie.CAFNumber("")} {
		assert.NotNil(t, spie.MatcherOf(id.Pattern()), "%T", id)
	}
	assert.Nil(t, spie.MatcherOf(`^[0-9]{3}$`))
	assert.Nil(t, spie.MatcherOf(`^[0-9]{14}`))
	// The NIR of TestRulesRunDespiteSchemaFaults' document, and its
	// variants worked by hand against patternNIR.
	nir := spie.MatcherOf(spie.NIR("").Pattern())
	for s, want := range map[string]bool{
		"185057800608491": true,  // sex 1, 85, May, 78006, order 084, key 91
		"185057800608400": false, // key 00 is outside 01–97
		"185057800608498": false, // key 98 is outside 01–97
		"285132A00100112": false, // month 13
		"285122A00100112": true,  // born in Corse-du-Sud (2A)
		"385057800608491": false, // sex 3
		"18505780060849":  false, // 14 characters
	} {
		assert.Equal(t, want, nir(s), s)
	}
}

// Worked by hand from the patterns: a few strings each matcher must accept
// or refuse, so that a broken oracle cannot hide a broken matcher.
func TestIdentifierShapes(t *testing.T) {
	for _, c := range []struct {
		id   spie.Identifier
		want *spie.FaultType
	}{
		{spie.CommuneCode("2A004"), nil},                     // Ajaccio
		{spie.CommuneCode("97411"), nil},                     // Saint-Denis (La Réunion)
		{spie.CommuneCode("98415"), nil},                     // 984: TAAF
		{spie.CommuneCode("97911"), spie.FaultCommuneFormat}, // 979 is no département
		{spie.CommuneCode("20004"), spie.FaultCommuneFormat}, // 20 was split into 2A and 2B
		{spie.PostalCode("98000"), nil},                      // Monaco's postal code starts with 98
		{spie.PostalCode("99000"), spie.FaultPostalCode},
		{spie.DepartementCode("976"), nil}, // Mayotte
		{spie.DepartementCode("977"), spie.FaultDepartement},
		{spie.ROMECode("N1101"), nil},
		{spie.ROMECode("O1101"), spie.FaultROME},
		{spie.FranceTravailID("1234567A"), nil},
		{spie.FranceTravailID("1234567a"), spie.FaultFranceTravail},
	} {
		assert.Equal(t, c.want, c.id.Problem(), "%#v", c.id)
	}
}

func FuzzIdentMatchers(f *testing.F) {
	for _, s := range []string{"", "2A004", "97411", "98415", "12345678901234", "1234567A", "N1101", "185052A00100112", "99100", "185057800608491", "285122A00100197"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range spie.IdentMatchers {
			agree(t, m.Pattern, m.Match, s)
			if public := spie.MatcherOf(m.Pattern); public != nil {
				agree(t, m.Pattern, public, s)
			}
		}
	})
}
