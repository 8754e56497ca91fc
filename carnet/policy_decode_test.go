package carnet_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// An integral number written with a fraction or an exponent is an integer
// (RFC 8259 §6 does not tell 5 from 5.0; JSON Schema 2020-12 "integer"
// accepts 5.0): the policy's integer fields read it.
func TestLoadPolicyIntegralNumbers(t *testing.T) {
	tests := []struct {
		json string
		get  func(carnet.Policy) int
		want int
	}{
		{`{"seuil_secret": 5.0}`, func(p carnet.Policy) int { return p.SecretThreshold }, 5},
		{`{"seuil_secret": 1.1e1}`, func(p carnet.Policy) int { return p.SecretThreshold }, 11},
		{`{"secret_statistique": 7.00}`, func(p carnet.Policy) int { return p.SecretThreshold }, 7},
		{`{"conservation_mois": 12.0}`, func(p carnet.Policy) int { return p.RetentionMonths }, 12},
		{`{"perdus_de_vue": {"sans_nouvelles_jours": 4.5e1, "relances": [{"jour": 0.0, "canaux": ["sms"]}], "relances_infructueuses": 1, "duree_min_jours": 2}}`,
			func(p carnet.Policy) int { return p.LostContact.SilenceDays }, 45},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			p, fs := carnet.LoadPolicy(strings.NewReader(tt.json))
			require.True(t, fs.Valid(), "%v", fs)
			assert.Equal(t, tt.want, tt.get(p))
		})
	}
}

// A document the decoder refuses is described in French and in English,
// never with encoding/json's English text.
func TestLoadPolicyDecodeErrorsInFrench(t *testing.T) {
	tests := []struct{ name, json, fr, en string }{
		{"texte pour un entier", `{"seuil_secret": "5"}`, "seuil_secret", "seuil_secret"},
		{"fraction pour un entier", `{"seuil_secret": 5.5}`, "seuil_secret", "seuil_secret"},
		{"champ inconnu", `{"inconnu": 1}`, "inconnu", "inconnu"},
		{"JSON coupé", `{"seuil_secret": `, "", ""},
		{"syntaxe", `{"seuil_secret" 5}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, fs := carnet.LoadPolicy(strings.NewReader(tt.json))
			require.Len(t, fs, 1)
			f := fs[0]
			assert.Equal(t, "CARNET-POLITIQUE-01", f.Code)
			assert.Equal(t, carnet.DefaultPolicy(), p)
			for _, english := range []string{"json:", "cannot unmarshal", "Go struct", "unexpected end", "invalid character", `unknown field "`} {
				assert.NotContains(t, f.Message, english)
				assert.NotContains(t, f.MessageEN, english)
			}
			assert.Contains(t, f.Message, "paramètres illisibles")
			assert.Contains(t, f.MessageEN, "unreadable or inconsistent settings")
			assert.Contains(t, f.Message, tt.fr)
			assert.Contains(t, f.MessageEN, tt.en)
			assert.NotEqual(t, f.Message[strings.Index(f.Message, ": ")+2:], f.MessageEN[strings.Index(f.MessageEN, ": ")+2:], "le détail anglais n'est pas le français")
		})
	}
}

// Writing an integer 5.0 rather than 5 changes nothing in the description
// of a later error, its byte included (metamorphic: the same document with
// the integer written "5  ", same length, needs no rewriting).
func TestLoadPolicyIntegralKeepsErrorOffsets(t *testing.T) {
	for _, tail := range []string{`"conservation_mois": "x"}`, `"inconnu": 1}`, `"conservation_mois": 2.5}`, `"conservation_mois" 2}`} {
		_, written := carnet.LoadPolicy(strings.NewReader(`{"seuil_secret": 5.0, ` + tail))
		_, spaced := carnet.LoadPolicy(strings.NewReader(`{"seuil_secret": 5  , ` + tail))
		require.Len(t, written, 1, tail)
		assert.Equal(t, spaced, written, tail)
	}
}

// FuzzLoadPolicy: any input gives either a policy or faults, each with a
// French and an English message and no encoding/json text.
func FuzzLoadPolicy(f *testing.F) {
	for _, s := range []string{`{"seuil_secret": 5.0}`, `{"seuil_secret": "5"}`, `{"conservation_mois": 1e1}`, `{"perdus_de_vue": {"relances": [{"jour": 7.0}]}}`, `{`, `{"seuil_secret": 1e999999999}`, `{} x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, fs := carnet.LoadPolicy(strings.NewReader(s))
		for _, fa := range fs {
			assert.NotEmpty(t, fa.Message)
			assert.NotEmpty(t, fa.MessageEN)
			assert.NotContains(t, fa.Message, "json:")
			assert.NotContains(t, fa.MessageEN, "json:")
		}
		if !fs.Valid() {
			assert.Equal(t, carnet.DefaultPolicy(), p)
		}
	})
}
