package schemas_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// TestInputFaultsHaveEnglishDetails: every fault of the input scanner
// (INPUT-JSON-01 syntax, INPUT-NUMBER-01, INPUT-JSON-02) and of storing a
// document into its Go type carries its detail in French in message and in
// English in message_en — never the French detail in both.
func TestInputFaultsHaveEnglishDetails(t *testing.T) {
	french := []string{"octet", "inattendu", "mal formé", "non terminé", "texte", "contrôle", "échappement", "chiffres", "exposant", "au-delà", "impossible", "stocker", " en /"}
	inputs := []string{
		`{"a": }`, `{"a": "x`, "{\"a\": \"\x01\"}", `{"a": "\q"}`, `{"a": "\u12"}`, `{"a": 01}`, `{"a": 1.}`, `{"a": -}`,
		`{"a": 1e999999}`, `{"a": ` + strings.Repeat("9", 2000) + `}`, `{"a": 1} x`, `{"a": 1`, "\xff",
	}
	for _, in := range inputs {
		fs := schemas.CheckInput([]byte(in), schemas.Limits{})
		require.NotEmpty(t, fs, "%q", in)
		for _, f := range fs {
			for _, w := range french {
				assert.NotContains(t, f.MessageEN, w, "%q : %s", in, f.MessageEN)
			}
		}
	}
	// Storing into the Go type: a diagnostic whose id is a number passes
	// no schema of a string; through Validate the fault is a schema fault,
	// and any INPUT- fault is English in message_en.
	for _, in := range []string{`{"id": 1}`, `{"id": "x", "personne": 3}`} {
		for _, f := range schemas.Validate("diagnostic", []byte(in)) {
			if strings.HasPrefix(f.Code, "INPUT-") {
				for _, w := range french {
					assert.NotContains(t, f.MessageEN, w, "%q : %s", in, f.MessageEN)
				}
			}
		}
	}
}
