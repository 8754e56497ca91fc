package offer_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/offer"
)

// data·inclusion's models are the oracle of offer.NormalizeEmail (run from
// ../shared/reference). go-playground/validator is the test oracle of
// offer.IsHTTPURL: on every value of the corpus, our verdict must be the
// validator's, except where one of the deliberate, stricter rules documented
// on the function (and restated here independently) refuses a value the
// validator accepts. Accepting a value the validator refuses is always a
// failure.

var oracle = validator.New()

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

// emailModelScript prints, for each JSON string read, the address
// data·inclusion's models keep (pydantic's EmailStr in JSON mode, as the
// courriel fields of Service and Structure) or null when they refuse it.
const emailModelScript = `
import json, sys
from pydantic import EmailStr, TypeAdapter, ValidationError
ta = TypeAdapter(EmailStr)
for line in sys.stdin:
    try:
        out = ta.validate_json(line)
    except ValidationError:
        out = None
    sys.stdout.write(json.dumps(out) + "\n")
`

// TestIsEmailAgreesWithModels proves NormalizeEmail against the rule it
// restates: on every address of the corpus, data·inclusion's models (run
// from ../shared/reference) accept exactly what it accepts and keep the
// same normalised address.
func TestIsEmailAgreesWithModels(t *testing.T) {
	py, models := reftest.DataInclusionModels(t)
	corpus := append(emailCorpus(),
		" accueil@exemple.fr ", "Accueil <accueil@exemple.fr>", `"Accueil" <accueil@exemple.fr>`, "<a@b.fr> ",
		"accueil@mairie-évry.fr", "a@b.test", "a@b.local", "a@b.invalid", "a@b.localhost", "a@b.onion",
		"a\u00a0b@exemple.fr", "a\u200bb@exemple.fr", "a@🙂.fr", "a@例え.jp", "Info@Exemple.FR", "POSTMASTER@exemple.fr",
		"e\u0301@exemple.fr", "\u0301e@exemple.fr", "a@exemple.рф", "a@ÉVRY.fr", "a@xn--mairie-vry-h7a.fr", "a@ab--c.fr",
		"a@xn--zz.fr", "a@ß.de", "a@exemple.fr\n", "a@exemple\u3002fr", "Jean Dupont <a@b.fr>", "Jean.Dupont <a@b.fr>",
		strings.Repeat("é", 64)+"@exemple.fr", strings.Repeat("é", 65)+"@exemple.fr")
	var in bytes.Buffer
	for i, v := range corpus {
		// JSON text is UTF-8: what the models read of invalid bytes.
		corpus[i] = strings.ToValidUTF8(v, "\uFFFD")
		b, _ := json.Marshal(corpus[i])
		in.Write(append(b, '\n'))
	}
	out := reftest.RunDataInclusion(t, py, models, in.Bytes(), "-c", emailModelScript)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, lines, len(corpus))
	var accepted, refused int
	for i, v := range corpus {
		var want *string
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &want))
		got, ok := offer.NormalizeEmail(v)
		if want == nil {
			refused++
			assert.False(t, ok, "%q : refusé par les modèles, accepté (%q)", v, got)
			continue
		}
		accepted++
		if assert.True(t, ok, "%q : accepté par les modèles (%q), refusé", v, *want) {
			assert.Equal(t, *want, got, "%q : adresse normalisée", v)
		}
	}
	t.Logf("%d adresses : %d acceptées, %d refusées par les modèles", len(corpus), accepted, refused)
	require.Greater(t, accepted, 100, "le corpus doit contenir des adresses valides")
	require.Greater(t, refused, 100, "le corpus doit contenir des adresses invalides")
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
		{"courriel entre guillemets", offer.IsEmail, `"jean dupont"@exemple.fr`, false},
		{"courriel guillemet non fermé", offer.IsEmail, `"jean@exemple.fr`, false},
		{"courriel sans point", offer.IsEmail, "contact@localhost", false},
		{"courriel domaine IDN", offer.IsEmail, "contact@bücher.fr", true},
		{"courriel domaine réservé", offer.IsEmail, "contact@exemple.test", false},
		{"courriel nom affiché", offer.IsEmail, "Accueil <contact@exemple.fr>", true},
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
