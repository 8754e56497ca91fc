package offer_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
)

// go-playground/validator is the test oracle of offer.IsEmail and
// offer.IsHTTPURL: on every value of the corpus, our verdict must be the
// validator's, except where one of the deliberate, stricter rules documented
// on the functions (and restated here independently) refuses a value the
// validator accepts. Accepting a value the validator refuses is always a
// failure.

var oracle = validator.New()

// asciiHost is an ASCII host name with at least one dot, as IsEmail wants
// its domain.
var asciiHost = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// emailStricter names the documented rule by which IsEmail refuses v, a
// value the validator accepts, or "" when none applies.
func emailStricter(v string) string {
	at := strings.LastIndex(v, "@")
	local, dom := v[:max(at, 0)], v[at+1:]
	switch {
	case len(v) > 254:
		return "plus de 254 octets (RFC 5321)"
	case len(local) > 64:
		return "partie locale de plus de 64 octets (RFC 5321)"
	case len(dom) > 253 || !asciiHost.MatchString(dom):
		return "domaine qui n'est pas un nom d'hôte ASCII pointé"
	}
	return ""
}

// urlStricter names the documented rule by which IsHTTPURL refuses v, a
// value the validator accepts, or "" when none applies.
func urlStricter(v string) string {
	switch {
	case utf8.RuneCountInString(v) > 2083:
		return "plus de 2 083 caractères"
	case strings.ContainsAny(v, " \t\n\\"):
		return "espace, tabulation, saut de ligne ou barre oblique inverse"
	}
	return ""
}

// verdicts counts how our verdicts compare with the oracle's.
type verdicts struct{ bothOK, bothKO, stricter int }

func compare(t testing.TB, v string, ours, theirs bool, stricter func(string) string, n *verdicts) {
	t.Helper()
	switch {
	case ours && theirs:
		n.bothOK++
	case !ours && !theirs:
		n.bothKO++
	case ours:
		t.Errorf("%q accepté, refusé par go-playground/validator", v)
	case stricter(v) == "":
		t.Errorf("%q refusé sans règle plus stricte documentée, accepté par go-playground/validator", v)
	default:
		n.stricter++
	}
}

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

func TestIsEmailAgreesWithValidator(t *testing.T) {
	var n verdicts
	for _, v := range emailCorpus() {
		compare(t, v, offer.IsEmail(v), oracle.Var(v, "required,email") == nil, emailStricter, &n)
	}
	t.Logf("%+v", n)
	require.Greater(t, n.bothOK, 100, "le corpus doit contenir des adresses valides")
	require.Greater(t, n.bothKO, 100, "le corpus doit contenir des adresses invalides")
	require.Positive(t, n.stricter, "le corpus doit exercer les règles plus strictes")
}

func TestIsHTTPURLAgreesWithValidator(t *testing.T) {
	var n verdicts
	for _, v := range urlCorpus() {
		compare(t, v, offer.IsHTTPURL(v), oracle.Var(v, "http_url") == nil, urlStricter, &n)
	}
	t.Logf("%+v", n)
	require.Greater(t, n.bothOK, 100, "le corpus doit contenir des URL valides")
	require.Greater(t, n.bothKO, 100, "le corpus doit contenir des URL invalides")
	require.Positive(t, n.stricter, "le corpus doit exercer les règles plus strictes")
}

func FuzzIsEmailAgreesWithValidator(f *testing.F) {
	for _, v := range emailCorpus()[:80] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		compare(t, v, offer.IsEmail(v), oracle.Var(v, "required,email") == nil, emailStricter, &verdicts{})
	})
}

func FuzzIsHTTPURLAgreesWithValidator(f *testing.F) {
	for _, v := range urlCorpus()[:80] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		compare(t, v, offer.IsHTTPURL(v), oracle.Var(v, "http_url") == nil, urlStricter, &verdicts{})
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
		{"courriel entre guillemets", offer.IsEmail, `"jean dupont"@exemple.fr`, true},
		{"courriel guillemet non fermé", offer.IsEmail, `"jean@exemple.fr`, false},
		{"courriel sans point", offer.IsEmail, "contact@localhost", false},
		{"courriel domaine IDN", offer.IsEmail, "contact@bücher.fr", false},
		{"courriel TLD numérique", offer.IsEmail, "contact@exemple.f1", false},
		{"URL https", offer.IsHTTPURL, "https://exemple.fr/a?b=c", true},
		{"URL majuscules", offer.IsHTTPURL, "HTTPS://EXEMPLE.FR", true},
		{"URL ftp", offer.IsHTTPURL, "ftp://exemple.fr", false},
		{"URL avec espace", offer.IsHTTPURL, "https://exemple.fr/a b", false},
		{"URL sans hôte", offer.IsHTTPURL, "https:///a", false},
	} {
		t.Run(tc.name, func(t *testing.T) { require.Equal(t, tc.want, tc.check(tc.v)) })
	}
}
