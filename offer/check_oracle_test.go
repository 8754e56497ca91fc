package offer_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/idna"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/offer"
)

// data·inclusion's models (run from ../shared/reference) are the oracle of
// offer.NormalizeEmail and offer.NormalizeURL: on every value of the
// corpora, the same verdict and the same normalised value.

func emailCorpus() []string {
	locals := []string{
		"a", "A.B", "jean.dupont", "jean..dupont", ".jean", "jean.", "j+tag", "o'brien", "x_y-z",
		"!#$%&'*+-/=?^_`{|}~", "élodie", "名前", "\u00a0x", "x\ufdd0", "x\ufdf0", "x\ufff0", "x\ud7ff",
		"😀", `"quoted"`, `""`, `"\"`, `"a\"`, `"a\\"`, `"a"b"`, `"é\\é"`, "\"a\rb\"", "\"a\x00\"", "\"\x7f\"", `"a b"`, `"a\"b"`, "a b", "a(b)", "a,b", `a\b`, "a<b", "a[b]", "a:b",
		"a;b", "a\tb", "", strings.Repeat("a", 64), strings.Repeat("a", 65), "\xff", "\ufffd",
	}
	domains := []string{
		"exemple.fr", "sub.exemple.fr", "EXEMPLE.FR", "x.co", "x.y", "a.b.c.d.e.f", "exemple",
		"exemple.fr.", ".exemple.fr", "exemple..fr", "-x.fr", "x-.fr", "x.f-r", "x.-fr", "x.1fr",
		"x.fr1", "x.f1r", "0.a.0a", "1.2.a3b", "1.a2.3", "123.456.fr", "1.2.3.4", "xn--bcher-kva.fr", "bücher.fr", "ex~ample.fr",
		"ex_ample.fr", "[1.2.3.4]", "localhost", strings.Repeat("a", 63) + ".fr",
		strings.Repeat("a", 64) + ".fr", strings.Repeat("abcdefghi.", 25) + "fr",
		"exemple.fr ", "ex ample.fr", "exemple.fr\n", "",
	}
	var vs []string
	for _, l := range locals {
		for _, d := range domains {
			vs = append(vs, l+"@"+d)
		}
	}
	return append(vs, "", "@", "a@b@c.fr", `"a@b"@c.fr`, " a@b.fr", "Jean <a@b.fr>",
		"<a@b.fr>", "a@b.fr (x)", "mailto:a@b.fr", "a.fr",
		strings.Repeat("a", 64)+"@"+strings.Repeat("b", 63)+"."+strings.Repeat("c", 63)+"."+strings.Repeat("d", 60)+".fr")
}

func urlCorpus() []string {
	schemes := []string{"http://", "https://", "HTTP://", "HtTpS://", "ftp://", "file://", "mailto:",
		"http:/", "http:", "http:///", "//", "", "javascript:"}
	hosts := []string{"exemple.fr", "EXEMPLE.fr", "localhost", "127.0.0.1", "[::1]", "[::1",
		"exemple.fr:8080", "exemple.fr:", "exemple.fr:port", "exemple.fr:99999", "user:pass@exemple.fr",
		"@exemple.fr", "bücher.fr", "ex ample.fr", "%41.fr", "a_b.fr", "a%zz.fr", "[fe80::1%25en0]", ""}
	paths := []string{"", "/", "/a/b?c=d#e", "/a b", "/%zz", "/%41", "?q=1", "#frag", `/\x`, "/é",
		"/a\tb", "/a\nb", "/" + strings.Repeat("x", 2100)}
	var vs []string
	for _, s := range schemes {
		for _, h := range hosts {
			for _, p := range paths {
				vs = append(vs, s+h+p)
			}
		}
	}
	return append(vs, " http://exemple.fr", "http://exemple.fr ", "http://\u212a.fr", "HTTP://İ.fr",
		"http://exemple.fr/"+strings.Repeat("x", 2065), "http://exemple.fr/"+strings.Repeat("é", 2066))
}

// modelScript prints, for each JSON string read, the value
// data·inclusion's models keep for a field of the given pydantic type in
// JSON mode (EmailStr for courriel, HttpUrl for the links of Service and
// Structure), or null when they refuse it.
const modelScript = `
import json, sys
from pydantic import EmailStr, HttpUrl, TypeAdapter, ValidationError
ta = TypeAdapter({"email": EmailStr, "url": HttpUrl}[sys.argv[1]])
for line in sys.stdin:
    try:
        out = str(ta.validate_json(line))
    except ValidationError:
        out = None
    sys.stdout.write(json.dumps(out) + "\n")
`

// agreeWithModels runs data·inclusion's models (from ../shared/reference)
// on every value of the corpus and requires normalize to accept exactly
// what they accept and to keep the same value.
func agreeWithModels(t *testing.T, kind string, corpus []string, normalize func(string) (string, bool)) {
	py, models := reftest.DataInclusionModels(t)
	var in bytes.Buffer
	for i, v := range corpus {
		// JSON text is UTF-8: what the models read of invalid bytes.
		corpus[i] = strings.ToValidUTF8(v, "\uFFFD")
		b, _ := json.Marshal(corpus[i])
		in.Write(append(b, '\n'))
	}
	out := reftest.RunDataInclusion(t, py, models, in.Bytes(), "-c", modelScript, kind)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, lines, len(corpus))
	var accepted, refused int
	for i, v := range corpus {
		var want *string
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &want))
		got, ok := normalize(v)
		if want == nil {
			refused++
			assert.False(t, ok, "%q : refusé par les modèles, accepté (%q)", v, got)
			continue
		}
		accepted++
		if assert.True(t, ok, "%q : accepté par les modèles (%q), refusé", v, *want) {
			assert.Equal(t, *want, got, "%q : valeur normalisée", v)
		}
	}
	t.Logf("%d valeurs : %d acceptées, %d refusées par les modèles", len(corpus), accepted, refused)
	require.Greater(t, accepted, 100, "le corpus doit contenir des valeurs valides")
	require.Greater(t, refused, 100, "le corpus doit contenir des valeurs invalides")
}

// TestIsEmailAgreesWithModels proves NormalizeEmail against the rule it
// restates, pydantic's EmailStr as data·inclusion's models use it.
func TestIsEmailAgreesWithModels(t *testing.T) {
	corpus := append(emailCorpus(),
		" accueil@exemple.fr ", "Accueil <accueil@exemple.fr>", `"Accueil" <accueil@exemple.fr>`, "<a@b.fr> ",
		"accueil@mairie-évry.fr", "a@b.test", "a@b.local", "a@b.invalid", "a@b.localhost", "a@b.onion",
		"a\u00a0b@exemple.fr", "a\u200bb@exemple.fr", "a@🙂.fr", "a@例え.jp", "Info@Exemple.FR", "POSTMASTER@exemple.fr",
		"e\u0301@exemple.fr", "\u0301e@exemple.fr", "a@exemple.рф", "a@ÉVRY.fr", "a@xn--mairie-vry-h7a.fr", "a@ab--c.fr",
		"a@xn--zz.fr", "a@ß.de", "a@exemple.fr\n", "a@exemple\u3002fr", "Jean Dupont <a@b.fr>", "Jean.Dupont <a@b.fr>",
		strings.Repeat("é", 64)+"@exemple.fr", strings.Repeat("é", 65)+"@exemple.fr")
	corpus = append(corpus, unicodeVersionEmails()...)
	// An xn-- label decoding to U+31BC4 (CJK Ext. H, Unicode 15.0),
	// unknown to Python's 14.0 tables (found by CI's fuzzing), its Unicode
	// form, and a control.
	corpus = append(corpus, "0@Xn--0-0000A0A0A0A0A0X00X000X.A", "0@xn--0-0000a0a0a0a0a0x00x000x.a", "0@\U00031bc4.fr", "a@xn--4gqk.fr")
	agreeWithModels(t, "email", corpus, offer.NormalizeEmail)
}

// unicodeVersionEmails are addresses whose verdict hangs on the Unicode
// tables of the models' e-mail rule: pydantic's display-name pattern (\w,
// \s of Python's re), str.strip and email_validator's check_unsafe_chars
// (unicodedata.category) read Python's tables (14.0 for Python 3.11), not
// Go's (15.0). Characters new in 15.0 — Kawi U+11F04, U+11F05, Nag Mundari
// U+1E4D0, the CJK ideograph U+31350 of Extension H, Latin U+1DF25 — are
// unassigned for the models: no name character, unsafe in an address. The
// separators \x1c to \x1f are Python white space (bidi class B or S), not
// Go's (unicode.IsSpace). The verdicts expected are the models' own.
func unicodeVersionEmails() []string {
	var vs []string
	for _, c := range []string{"\U00011F04\U00011F05", "\U0001E4D0", "\U00031350", "\U0001DF25",
		"\u0E01", "\u00B2", "\u2167", "\u0301", "a\u0301", "\U0001F600", "\u00A0", "\u2028", "\u200B", "\x1c", "\x1f"} {
		vs = append(vs, c+" <contact@mairie-exemple.fr>", "Accueil"+c+"Mairie <contact@mairie-exemple.fr>",
			c+"@mairie-exemple.fr", "contact"+c+"@mairie-exemple.fr", "contact@mairie"+c+".fr",
			c+"contact@mairie-exemple.fr"+c, "contact@mairie-exemple.fr"+c)
	}
	// Domains under IDNA 2008 as the idna package judges it (PVALID and
	// CONTEXTO of its own tables), not UTS #46 alone: old Hangul jamo
	// U+1100 and U+11A8, a combining mark for symbols U+20D0, a circled
	// Hangul U+3260 (mapped to a jamo), musical stems U+1D165 and U+1D16D,
	// Cherokee small letters U+13F8 and U+AB70 (mapped to capitals), a
	// Greek keraia U+0375, katakana middle dots U+30FB between kana.
	for _, d := range []string{"mairie\u1100", "mairie\u11A8", "mairie\u20D0", "mairie\u3260", "mairie\U0001D165", "mairie\U0001D16D",
		"mairie\u13F8", "mairie\uAB70", "\u0375\u03B1", "\u30A2\u30FB\u30A4", "\u00E9cole\u0660", "\u0627\u0660\u0661",
		// The context rules of CONTEXTO (RFC 5892 appendix A), each
		// kept and broken: Catalan's l·l, the keraia, the geresh, the
		// katakana middle dot, Arabic-Indic digits mixed.
		"col\u00B7legi", "col\u00B7egi", "\u00B7l", "l\u00B7", "mairie\u00B7", "mairie\u0387", "co\u013Fegi", "co\u0140legi",
		"\u03B1\u0375\u03B2", "\u03B1\u0375", "mairie\u0375", "\u0375a", "\u05D0\u05F3", "\u05D0\u05F4\u05D1", "\u05F3\u05D0",
		"a\u30FB", "\u30FB\u4E00", "\u30FB\u3042", "\u30FB", "mairie\uFF65", "\u0627\u0660\u06F0", "\u0627\u06F0\u06F1"} {
		vs = append(vs, "contact@"+d+".fr")
	}
	return append(vs, "\x1c\x1d\x1e\x1f Accueil\x1c<contact@exemple.fr>\x1f", "\U00011F04 \U0001E4D0 <a@b.fr>",
		"\u3000Accueil\u3000<a@b.fr>\u3000", "\u2029a@b.fr\u0085")
}

// TestIsHTTPURLAgreesWithModels proves NormalizeURL against the rule it
// restates, pydantic's HttpUrl as data·inclusion's models use it.
func TestIsHTTPURLAgreesWithModels(t *testing.T) {
	corpus := append(urlCorpus(),
		"https:exemple.fr", "https:/exemple.fr", `https:\\exemple.fr`, "https://exemple.fr:65535", "https://exemple.fr:65536",
		"https://exemple.fr:0080/x", "https://%41.fr", "https://256.0.0.1", "https://0x7f.1", "https://1.2.3", "https://999999999",
		"https://a.1", "https://a.0x", "https://xn--a.fr", "https://[0:0::1]", "https://[::ffff:1.2.3.4]", "https://[1::2::3]",
		"https://exemple.fr/a/../b/./c", "https://exemple.fr/%2e%2E/x", "https://exemple.fr/^`{}|", "https://exemple.fr/?q='\"<>`",
		"https://exemple.fr#'\"`{", "https://a@b@exemple.fr", "https://:@exemple.fr", "https://exemple.fr\u00a0", "https://ex\nemple.fr",
		"https://exe<mple.fr", "https://🙂.fr", "https://ß.de", "https://-a.fr", "https://ab--c.fr", "https://exemple.fr.",
		"https://exemple.fr/"+strings.Repeat("é", 1032), "https://exemple.fr/"+strings.Repeat("é", 1033))
	corpus = append(corpus, longLabelCorpus(t)...)
	agreeWithModels(t, "url", corpus, offer.NormalizeURL)
}

// longLabelCorpus holds hosts at the limits the URL parser under pydantic
// (rust-url's idna crate, uts46.rs) puts on a label, ICU's against
// quadratic Punycode: a label of more than 1,000 code points once mapped
// is refused when it is not ASCII (to be encoded, or once decoded), and an
// xn-- label of more than 2,000 bytes after its prefix is refused before
// decoding. Found by FuzzNormalizeURL: a 1,013-code-point label was
// encoded, then its own xn-- form refused. The verdicts expected are the
// models' own, run as the oracle.
func longLabelCorpus(t *testing.T) []string {
	cjk := func(n int) string { // spread ideographs: about 3 Punycode bytes each
		r := make([]rune, n)
		for i := range r {
			r[i] = rune(0x4E00 + i*7919%0x5000)
		}
		return string(r)
	}
	xn := func(u string) string {
		a, err := idna.Punycode.ToASCII(u)
		require.NoError(t, err)
		return a
	}
	return []string{
		"https://" + strings.Repeat("é", 1000), "https://" + strings.Repeat("é", 1001),
		"https://" + strings.Repeat("a", 999) + "é", "https://" + strings.Repeat("a", 1000) + "é",
		"https://" + strings.Repeat("É", 1000), "https://" + strings.Repeat("E\u0301", 1000),
		"https://" + strings.Repeat("é", 600) + "." + strings.Repeat("é", 437),
		"http:" + strings.Repeat("0", 44) + strings.Repeat("J", 950) + strings.Repeat("0", 10) + "\u0367" + strings.Repeat("0", 8),
		"http:" + strings.Repeat("0", 44) + strings.Repeat("J", 900) + strings.Repeat("0", 10) + "\u0367" + strings.Repeat("0", 8),
		"https://" + xn(strings.Repeat("é", 1000)), "https://" + xn(strings.Repeat("é", 1001)),
		"https://" + xn(cjk(680)), "https://" + xn(cjk(700)), "https://XN--" + xn(cjk(700))[4:],
		"https://\uff58n--" + xn(cjk(700))[4:], "https://" + xn(cjk(700)) + ".fr", "https://" + cjk(691),
		"https://" + cjk(680) + "." + "fr",
	}
}

// FuzzNormalizeEmail checks that the normalised address is itself
// accepted and normalises to itself (data·inclusion stores it and reads it
// again), and that an accepted address has one @ outside a display name.
func FuzzNormalizeEmail(f *testing.F) {
	for _, v := range emailCorpus()[:80] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		n, ok := offer.NormalizeEmail(v)
		if !ok {
			return
		}
		again, ok := offer.NormalizeEmail(n)
		require.True(t, ok, "%q normalisé en %q, refusé ensuite", v, n)
		require.Equal(t, n, again, "%q", v)
		require.Equal(t, 1, strings.Count(n, "@"), "%q", n)
	})
}

// FuzzNormalizeURL checks that the normalised link is itself accepted and
// normalises to itself (data·inclusion stores it and reads it again).
func FuzzNormalizeURL(f *testing.F) {
	for _, v := range urlCorpus()[:80] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		n, ok := offer.NormalizeURL(v)
		if !ok {
			return
		}
		again, ok := offer.NormalizeURL(n)
		if len(n) > offer.MaxURLBytes {
			return // longer than the limit once percent-encoded
		}
		for l := range strings.SplitSeq(hostOf(n), ".") {
			if strings.HasPrefix(l, "xn--") && len(l)-4 > 2000 {
				// Encoded from fewer than 1,000 code points, then longer
				// than the 2,000 bytes the models decode: they refuse
				// their own output too (longLabelCorpus).
				return
			}
		}
		require.True(t, ok, "%q normalisé en %q, refusé ensuite", v, n)
		require.Equal(t, n, again, "%q", v)
	})
}

func TestEmailAndURLVerdicts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		check func(string) bool
		v     string
		want  bool
	}{
		{"courriel simple", offer.IsEmail, "contact@exemple.fr", true},
		{"courriel accentué", offer.IsEmail, "élodie@exemple.fr", true},
		{"courriel entre guillemets", offer.IsEmail, `"jean dupont"@exemple.fr`, false},
		{"courriel guillemet non fermé", offer.IsEmail, `"jean@exemple.fr`, false},
		{"courriel sans point", offer.IsEmail, "contact@localhost", false},
		{"courriel domaine IDN", offer.IsEmail, "contact@bücher.fr", true},
		{"URL avec espace normalisée", offer.IsHTTPURL, "https://exemple.fr/a b", true},
		{"URL port hors bornes", offer.IsHTTPURL, "https://exemple.fr:99999", false},
		{"courriel domaine réservé", offer.IsEmail, "contact@exemple.test", false},
		{"courriel nom affiché", offer.IsEmail, "Accueil <contact@exemple.fr>", true},
		{"courriel TLD numérique", offer.IsEmail, "contact@exemple.f1", false},
		{"URL https", offer.IsHTTPURL, "https://exemple.fr/a?b=c", true},
		{"URL majuscules", offer.IsHTTPURL, "HTTPS://EXEMPLE.FR", true},
		{"URL ftp", offer.IsHTTPURL, "ftp://exemple.fr", false},
		{"URL aux barres en trop", offer.IsHTTPURL, "https:///a", true},
		{"URL sans hôte", offer.IsHTTPURL, "https://", false},
	} {
		t.Run(tc.name, func(t *testing.T) { require.Equal(t, tc.want, tc.check(tc.v)) })
	}
}

// hostOf is the host of a normalised URL: between "://" and the next /.
func hostOf(n string) string {
	_, rest, _ := strings.Cut(n, "://")
	host, _, _ := strings.Cut(rest, "/")
	return host
}
