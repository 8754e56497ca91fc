package offer_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/idna"

	"github.com/spie-fr/socle/offer"
)

// attackEmailCorpus mixes, with a fixed seed, the pieces of an address
// whose verdict or stored value hangs on the tables generated from the
// models (display name, white space, safe characters, UTS #46 mapping of
// the domain, IDNA 2008 classes and context rules), on NFC and on the
// length limits once normalised. The verdicts expected are the models'.
func attackEmailCorpus() []string {
	ws := []string{"", " ", "\t", "\u3000", "\u0085", "\u2028", "\x1c", "\x1f", "\u180e", "\u200b", "\ufeff", "\u00a0", "\v", "\f", "\r\n"}
	names := []string{"", "Jean ", "Jean Dupont ", `"Jean" `, "Jé ", "\u0301 ", "Jean\u200d ", "Jean\u3000Dupont ", "J.D ", "Jean_D ",
		"名前 ", "١٢ ", "Jean\u00a0", "Jean\u0085", "Ⅻ ", "Jean<", "x\u0345 "}
	locals := []string{"a", "info", "INFO", "Info", "Postmaster", "ABUSE", "ｉｎｆｏ", "e\u0301", "\u212b", "ﬁ", "ß", "İ", "\u1100\u1161",
		"a\u0345", "ǅ", "x\u00ad", "x\u200d", "x\u2060", "a.b", "a..b", "\u0301a", "😀", "\U0001F3FB", "a\U0001F3FB", "x\u0378",
		strings.Repeat("é", 64), strings.Repeat("e\u0301", 64), strings.Repeat("e\u0301", 65), strings.Repeat("a", 63) + "\u212b",
		"ＡＢ", "ⓐ", "\u3164", "x\ufe0f", "x\U000E0100", "x\u17b4", "ꙮ", "\u0ed0"}
	domains := []string{"exemple.fr", "EXEMPLE.FR", "ÉVRY.fr", "exemple\u3002fr", "exemple\uff0efr", "exemple\uff61fr", "ex\u00adample.fr",
		"ex\u200dample.fr", "ex\u200cample.fr", "a\u094d\u200cb.in", "ß.de", "ẞ.de", "ς.gr", "Σ.gr", "xn--bcher-kva.fr", "XN--BCHER-KVA.FR",
		"bu\u0308cher.fr", "ｅｘｅｍｐｌｅ.fr", "ⓔxemple.fr", "exemple.ｆｒ", "exemple.fr.", "１２３.fr", "exemple.ar\u0661", "exemple.ｌｏｃａｌ",
		"exemple.LOCAL", "ex--ample.fr", "xn--.fr", "a.xn--p1ai", "ü--.fr", "\u0660\u06f0.eg", "\u0660\u0661.eg", "l·l.cat", "a·b.cat",
		"exemple.com\u0301", "Ⅻ.fr", "exemple.ＦＲ", "\u0301x.fr", "x\u0301.fr", "ǅ.fr", "ﬁ.fr", "\u2163.fr", "\u3164.kr", "a\u3164.kr",
		"x\u200b.fr", "x\u2060.fr", "x\ufe0f.fr", "xn--a.fr", "xn--ls8h.la", "💩.la", "ab\u05d0.il", "\u05d0\u05f3.il", "\u05f3.il",
		"α\u0375β.gr", "\u0375β.gr", "\u30fb.jp", "ア\u30fb.jp", "x.\u00e9", "x.fr\u00ad", "x.f\u0301r", "x.1", "x.\u0661",
		strings.Repeat("b", 63) + ".fr", strings.Repeat("é", 57) + ".fr", strings.Repeat("é", 58) + ".fr",
		strings.Repeat("a", 61) + "\u212b.fr", "x\u0ecc.la", "x\u0f0b.bt", "\u0e33.th", "\u0eb3.la", "x\ua8fb.in", "ⅹ.fr"}
	var vs []string
	for _, l := range locals {
		for _, d := range domains {
			vs = append(vs, l+"@"+d)
		}
	}
	rng := rand.New(rand.NewPCG(17, 2026))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	for range 3000 {
		addr := pick(locals) + "@" + pick(domains)
		if n := pick(names); n != "" || rng.IntN(3) == 0 {
			addr = n + "<" + addr + ">"
		}
		vs = append(vs, pick(ws)+addr+pick(ws))
	}
	// The whole address at its limit of 254 UTF-8 bytes, written and
	// normalised: 64 'é' (128 bytes) + '@' + labels.
	for _, n := range []int{120, 121, 122, 125, 126} {
		d := strings.Repeat("c", 60) + "." + strings.Repeat("d", n-60-4) + ".fr"
		vs = append(vs, strings.Repeat("é", 64)+"@"+d, strings.Repeat("e\u0301", 64)+"@"+d,
			strings.Repeat("a", 64)+"@"+d+"é", strings.Repeat("a", 64)+"@"+d+"ｅ")
	}
	// The limit of 2,048 characters on the whole input (display name and
	// white space included), counted in code points, not bytes: ASCII and
	// 'é' (2 bytes) and '😀' (4 bytes) names around it, and white space
	// around the address that brings it over.
	for _, n := range []int{2030, 2038, 2039, 2040, 2041, 1100, 700} {
		for _, c := range []string{"a", "é", "😀", " "} {
			name := strings.Repeat(c, n)
			vs = append(vs, name+" <a@exemple.fr>", "A"+name+"<a@exemple.fr>", "a@exemple.fr"+strings.Repeat(" ", n))
		}
	}
	return vs
}

// TestAttackEmailAgreesWithModels: verdict and stored value of every
// address of attackEmailCorpus are the models', and the stored value is
// accepted and kept as it is (data·inclusion reads it again).
func TestAttackEmailAgreesWithModels(t *testing.T) {
	corpus := attackEmailCorpus()
	agreeWithModels(t, "email", corpus, offer.NormalizeEmail)
	for _, v := range corpus {
		n, ok := offer.NormalizeEmail(v)
		if !ok {
			continue
		}
		again, ok := offer.NormalizeEmail(n)
		if assert.True(t, ok, "%q normalisé en %q, refusé ensuite", v, n) {
			assert.Equal(t, n, again, "%q", v)
		}
	}
}

// attackURLCorpus puts in a host the characters UTS #46 ignores (soft
// hyphen, zero width space, variation selectors…) or maps to ASCII
// (fullwidth, circled letters), inside and around xn-- labels of more than
// 2,000 bytes after the prefix, where the label limits of the models' URL
// parser apply to the label once mapped, not as written.
func attackURLCorpus(t *testing.T) []string {
	cjk := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = rune(0x4E00 + i*7919%0x5000)
		}
		return string(r)
	}
	long, err := idna.Punycode.ToASCII(cjk(700))
	require.NoError(t, err)
	require.Greater(t, len(long)-4, 2000)
	short, err := idna.Punycode.ToASCII(cjk(300))
	require.NoError(t, err)
	var vs []string
	for _, ign := range []string{"\u00ad", "\u200b", "\ufe0f", "\u034f", "\u2060", "\u180b", "%C2%AD", "%E2%80%8B"} {
		for _, l := range []string{long, short} {
			body := l[4:]
			vs = append(vs,
				"https://xn--"+ign+body,
				"https://x"+ign+"n--"+body,
				"https://xn--"+body[:len(body)/2]+ign+body[len(body)/2:],
				"https://xn--"+body+ign,
				"https://xn--"+body+ign+".fr",
				"https://xn"+ign+"--"+body+"/",
			)
		}
	}
	// Labels whose length in code points changes once mapped: U+FDFA
	// maps to 18 code points (55 of them: 990, 56: 1,008), U+337B to 2.
	vs = append(vs, "https://"+strings.Repeat("\ufdfa", 55), "https://"+strings.Repeat("\ufdfa", 56),
		"https://"+strings.Repeat("\u337b", 500), "https://"+strings.Repeat("\u337b", 501),
		"https://"+strings.Repeat("é\u00ad", 1000), "https://"+strings.Repeat("é\u00ad", 1001),
		"https://"+long+"é", "https://"+short+"é", "https://XN--"+long[4:]+"\u00ad.fr", "https://"+long[:1000]+"\u3002"+long[1000:])
	for _, m := range []string{"ⓧ", "Ｘ", "%78", "%58", "%EF%BD%98"} {
		vs = append(vs, "https://"+m+"n--"+long[4:], "https://"+m+"n--"+short[4:])
	}
	// Padding so that the corpus has refused and accepted values.
	for _, h := range []string{"exemple.fr", "ex\u00adample.fr", "ex\u200bample.fr", "xn--bcher-kva.fr", "xn--bcher\u00ad-kva.fr",
		"exa%00mple.fr", "ex%41mple.fr", "ⓔxample.fr", "exemple.fr\u3002", "exemple%E3%80%82fr", "1.2.3.4\u3002", "0x7f.1",
		"[::1]", "ex\u00adample.fr:80", "é.fr", "xn--9ca.fr", "xn--9CA.fr", "xn--e-ufa.fr", "ab--c.fr", "-x.fr", "x-.fr"} {
		for _, s := range []string{"http://", "https://", "ftp://", "http:"} {
			for _, p := range []string{"", "/a", "/a/../b", "?x", "#é"} {
				vs = append(vs, s+h+p)
			}
		}
	}
	return vs
}

// TestAttackURLAgreesWithModels: verdict and stored value of each URL of
// attackURLCorpus are the models', and a stored URL normalises to itself.
func TestAttackURLAgreesWithModels(t *testing.T) {
	corpus := attackURLCorpus(t)
	agreeWithModels(t, "url", corpus, offer.NormalizeURL)
	for _, v := range corpus {
		n, ok := offer.NormalizeURL(v)
		if !ok {
			continue
		}
		again, ok := offer.NormalizeURL(n)
		if assert.True(t, ok, "%q normalisé en %q, refusé ensuite", v, n) {
			assert.Equal(t, n, again, "%q", v)
		}
	}
}
