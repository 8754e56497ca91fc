package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// withCommune returns the JSON document of file (the first one of an NDJSON
// file or of an array) with the commune field at path set to code.
func withCommune(t *testing.T, file string, code string, path ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.NewDecoder(bytes.NewReader(b)).Decode(&v))
	if list, ok := v.([]any); ok { // a JSON array of documents: its first one
		v = list[0]
	}
	doc := v.(map[string]any)
	o := doc
	for _, k := range path[:len(path)-1] {
		o = o[k].(map[string]any)
	}
	o[path[len(path)-1]] = code
	// The journal replays the content: an edited carnet no longer matches
	// it (CARNET-JOURNAL-10), so the edited copy goes without its journal.
	delete(doc, "journal")
	out, err := json.Marshal(doc)
	require.NoError(t, err)
	return out
}

// A commune code that names no commune gets the same SPIE- warning whatever
// the kind holding it (issue 11, acceptance). 02999 has the shape of a
// commune of the Aisne, whose INSEE numbers stop well below 999 (Code
// officiel géographique: 02001 Abbécourt … 02834); 02408 is Laon.
func TestUnknownCommuneSameFaultInEveryKind(t *testing.T) {
	cases := []struct {
		kind, file string
		path       []string
		pointer    string
	}{
		{"diagnostic", "../examples/diagnostic/jeune-laon.json", []string{"personne", "code_commune"}, "/personne/code_commune"},
		{"service", "../examples/offer/services-aisne.ndjson", []string{"code_insee"}, "/code_insee"},
		{"carnet", "../examples/carnet/cej-jeune-laon.json", []string{"personne", "code_commune"}, "/personne/code_commune"},
		{"structure", "../examples/offer/structures-aisne.json", []string{"code_insee"}, "/code_insee"},
		{"prescription", "../examples/offer/prescription-acceptee.json", []string{"personne", "code_commune"}, "/personne/code_commune"},
		{"candidature-label", "../examples/network/label-melun-labellisee.json", []string{"structure", "code_commune"}, "/structure/code_commune"},
	}
	var messages []spie.Fault
	for _, tc := range cases {
		t.Run(tc.kind, func(t *testing.T) {
			known := schemas.Validate(tc.kind, withCommune(t, tc.file, "02408", tc.path...), schemas.WithNow(now))
			assert.False(t, known.HasCode("SPIE-COMMUNE-02"), "%v", known)

			fs := schemas.Validate(tc.kind, withCommune(t, tc.file, "02999", tc.path...), schemas.WithNow(now))
			require.True(t, fs.Has("SPIE-COMMUNE-02", tc.pointer), "%v", fs)
			assert.Equal(t, known.Valid(), fs.Valid(), "a warning does not change the verdict: %v", fs)
			for _, f := range fs {
				if f.Code == "SPIE-COMMUNE-02" {
					assert.Equal(t, spie.SeverityWarning, f.Severity)
					assert.Contains(t, f.Message, `"02999"`)
					f.Path = ""
					messages = append(messages, f)
				}
			}
			assert.False(t, fs.HasCode("OFFRE-COMMUNE-01"), "retired code produced: %v", fs)
		})
	}
	require.Len(t, messages, len(cases))
	for _, m := range messages[1:] {
		assert.Equal(t, messages[0], m, "same fault, same message in every kind")
	}
}
