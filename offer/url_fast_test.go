package offer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var urlCases = []string{
	"https://exemple.fr/", "https://exemple.fr", "http://exemple.fr/a/b?c=d&e=f", "https://atelier.exemple.fr/inscription/0",
	"https://exemple.fr/a/./b", "https://exemple.fr/a/../b", "https://exemple.fr/.", "https://exemple.fr/a/..",
	"https://exemple.fr/a%2e/b", "https://exemple.fr/a b", "https://exemple.fr/a'b", "https://exemple.fr/?a'b",
	"https://exemple.fr/a?b?c", "https://exemple.fr/a#b", "https://exemple.fr:443/", "https://exemple.fr:8080/",
	"https://u:p@exemple.fr/", "HTTPS://exemple.fr/", "https://Exemple.fr/", "https://exémple.fr/", "https://xn--e.fr/",
	"https://1.2.3.4/", "https://0x1.fr/", "https://a.0x1/", "https://a.1/", "https://exemple/", "https://a..b/",
	"https:exemple.fr/", "https:///exemple.fr/", "https://exemple.fr\\a", "https://exemple.fr/a\\b", "ftp://exemple.fr/",
	"https://exemple.fr/~a_b-c.d!$&()*+,;=:@", "https://exemple.fr/a{b}", "https://exemple.fr/a`", "https://exemple.fr/%41",
	" https://exemple.fr/", "https://exemple.fr/\t", "https://ab--c.fr/", "https://-a.fr/", "https://" + strings.Repeat("a", 64) + ".fr/",
	"https://exemple.fr/" + strings.Repeat("a", 2070), "https://exemple.fr/" + strings.Repeat("a", 2064),
}

// normalizeURL gives the same link and verdict with its shortcut as
// without; the shortcut is taken by most plain links.
func TestNormalizeURLShortcut(t *testing.T) {
	plain := 0
	for _, v := range urlCases {
		want, wantOK := normalizeURL(v, false)
		got, gotOK := normalizeURL(v, true)
		require.Equal(t, wantOK, gotOK, "%q", v)
		require.Equal(t, want, got, "%q", v)
		if plainURL(v) {
			plain++
		}
	}
	assert.Greater(t, plain, 5)
}

func FuzzNormalizeURLShortcut(f *testing.F) {
	for _, v := range urlCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		want, wantOK := normalizeURL(v, false)
		got, gotOK := normalizeURL(v, true)
		if wantOK != gotOK || want != got {
			t.Fatalf("%q : %q %v sans raccourci, %q %v avec", v, want, wantOK, got, gotOK)
		}
	})
}
