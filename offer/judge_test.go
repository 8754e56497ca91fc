package offer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// TestFormatJudgeIsTheNormalisation: for every e-mail and link of the
// shortcut tests, FormatJudge's valid is the models' verdict (IsEmail,
// IsHTTPURL) and its rewritten says exactly whether NormalizeService and
// NormalizeStructure, with the same options, rewrite the field holding the
// text (their warning OFFRE-NORME-06 or -07): without options, and with a
// keep that takes as written the texts without capitals or spaces.
func TestFormatJudgeIsTheNormalisation(t *testing.T) {
	keeps := map[string][]NormalizeOption{
		"sans KeepValid": nil,
		"KeepValid":      {KeepValid(func(_, v string) bool { return strings.ToLower(v) == v && !strings.ContainsAny(v, " \t<") })},
	}
	rewrittenSeen := map[bool]int{}
	for name, opts := range keeps {
		judge := FormatJudge(opts...)
		for _, c := range []struct {
			format, field, warning string
			cases                  []string
			valid                  func(string) bool
		}{
			{"email", "courriel", FaultNormEmail.Code, emailCases, IsEmail},
			{"uri", "lien_source", FaultNormURL.Code, urlCases, IsHTTPURL},
		} {
			for _, v := range c.cases {
				valid, rewritten, known := judge(c.format, v)
				require.True(t, known)
				assert.Equal(t, c.valid(v), valid, "%s %s %q", name, c.format, v)
				rewrittenSeen[rewritten]++
				doc, err := json.Marshal(map[string]string{c.field: v})
				require.NoError(t, err)
				for _, normalize := range []func([]byte, ...NormalizeOption) ([]byte, spie.Faults){NormalizeService, NormalizeStructure} {
					_, ws := normalize(doc, opts...)
					warned := len(ws) == 1 && ws[0].Code == c.warning
					require.True(t, len(ws) == 0 || warned, "%s %q : %v", name, v, ws)
					assert.Equal(t, warned, rewritten, "%s %s %q", name, c.format, v)
				}
			}
		}
	}
	assert.Positive(t, rewrittenSeen[true])
	assert.Positive(t, rewrittenSeen[false])
	_, _, known := FormatJudge()("date", "2025-01-01")
	assert.False(t, known, "FormatJudge ne juge que email et uri")
}
