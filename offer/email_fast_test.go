package offer

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The shortcuts of normalizeEmail are proven against what they skip:
// golang.org/x/net/idna for the plain domains, unicode's categories for
// ASCII atext, and the whole address read both ways.

var domainCases = []string{
	"exemple.fr", "centre-social-chateau-thierry.exemple.fr", "a.b", "a-b.c-d.fr", "x.y.z.w.v.u",
	"1.2.3.4", "123.fr", "a.1", "ab--cd.fr", "xn--mairie-vry-b7a.fr", "xn--e.fr", "a--b.fr", "-a.fr", "a-.fr",
	"a..b", ".a.b", "a.b.", "Exemple.FR", "exemple", "exémple.fr", "a_b.fr", "a b.fr", "",
	strings.Repeat("a", 63) + ".fr", strings.Repeat("a", 64) + ".fr",
	strings.Repeat("abcdefghi.", 25) + "fr", strings.Repeat("abcdefghi.", 25) + "fra", strings.Repeat("abcdefghi.", 26),
	"localhost", "exemple.test", "a.invalid", "b.local",
}

// A plain domain is its own UTS #46 mapping and IDNA encoding, without
// error, and passes the IDNA 2008 and safety checks the shortcut skips.
func TestPlainDomainIsItsOwnIDNA(t *testing.T) {
	plain := 0
	for _, d := range domainCases {
		if !plainDomain(d) {
			continue
		}
		plain++
		checkPlainDomain(t, d)
	}
	assert.Greater(t, plain, 10)
	assert.False(t, plainDomain("xn--mairie-vry-b7a.fr"), "Punycode")
	assert.False(t, plainDomain("Exemple.FR"), "majuscules")
}

func checkPlainDomain(t *testing.T, d string) {
	t.Helper()
	u, err := emailIDNA.ToUnicode(d)
	require.NoError(t, err, d)
	require.Equal(t, d, u, d)
	a, err := emailIDNA.ToASCII(d)
	require.NoError(t, err, d)
	require.Equal(t, d, a, d)
	require.True(t, safeChars(d) && idna2008(d), d)
	// and the URL Standard's domain to ASCII (plainURL)
	a, err = urlIDNA.ToASCII(d)
	require.NoError(t, err, d)
	require.Equal(t, d, a, d)
}

func FuzzPlainDomain(f *testing.F) {
	for _, d := range domainCases {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, d string) {
		if plainDomain(d) {
			checkPlainDomain(t, d)
		}
	})
}

// Every ASCII atext character is a letter, a number, a punctuation or a
// symbol: safeChars accepts any ASCII dot-atom.
func TestASCIIAtextIsSafe(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if isAtext(r) {
			assert.True(t, unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S), "%q", r)
			assert.True(t, safeChars("a"+string(r)) && safeChars(string(r)), "%q", r)
		}
	}
}

var emailCases = []string{
	"contact@exemple.fr", "accueil@centre-social-chateau-thierry.exemple.fr", "INFO@exemple.fr", "Info@Exemple.FR",
	"a.b@c.fr", "a..b@c.fr", ".a@c.fr", "a.@c.fr", "a@b", "a@b.c1", "a@exemple.test", "a@localhost",
	"Nom <a@exemple.fr>", `"Nom" <a@exemple.fr>`, " a@exemple.fr ", "a @exemple.fr", "a@xn--mairie-vry-b7a.fr",
	"a@mairie-évry.fr", "élodie@exemple.fr", "e\u0301lodie@exemple.fr", "a@ab--cd.fr", "a@-a.fr",
	strings.Repeat("a", 64) + "@exemple.fr", strings.Repeat("a", 65) + "@exemple.fr",
	"a@" + strings.Repeat("abcdefghi.", 24) + "fr", strings.Repeat("a", 60) + "@" + strings.Repeat("abcdefghi.", 19) + "fr",
	"a+b@exemple.fr", "a@b.localhost", "a@x.onion", "a@arpa", "a@1.in-addr.arpa", "a@xarpa.fr", "a@b.xtest", "a!#$%&'*+-/=?^_`{|}~z@exemple.fr", "a\"b@exemple.fr", "<a@exemple.fr>", "a@exemple.fr>",
	"\x1ca@exemple.fr\x1f", "Nom\x1c<a@exemple.fr>", "\U00011F04 <a@exemple.fr>", "\U00011F04@exemple.fr",
}

// normalizeEmail gives the same address and verdict with its shortcuts as
// without.
func TestNormalizeEmailShortcuts(t *testing.T) {
	accepted := 0
	for _, v := range emailCases {
		want, wantOK := normalizeEmail(v, false)
		got, gotOK := normalizeEmail(v, true)
		require.Equal(t, wantOK, gotOK, "%q", v)
		require.Equal(t, want, got, "%q", v)
		if gotOK {
			accepted++
		}
	}
	assert.Greater(t, accepted, 10)
}

func FuzzNormalizeEmailShortcuts(f *testing.F) {
	for _, v := range emailCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		want, wantOK := normalizeEmail(v, false)
		got, gotOK := normalizeEmail(v, true)
		if wantOK != gotOK || want != got {
			t.Fatalf("%q : %q %v sans raccourci, %q %v avec", v, want, wantOK, got, gotOK)
		}
	})
}

// isEmailSpace's byte test reads ASCII as the generated table does.
func TestEmailSpaceByteTest(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		assert.Equal(t, unicode.Is(emailSpaceTable, r), isEmailSpace(r), "%q", r)
	}
	// Worked by hand from Python's str.isspace (bidi classes WS, B, S and
	// Zs): \t \n \v \f \r, \x1c to \x1f, the space.
	n := 0
	for r := rune(0); r < 0x80; r++ {
		if isEmailSpace(r) {
			n++
		}
	}
	assert.Equal(t, 10, n)
}
