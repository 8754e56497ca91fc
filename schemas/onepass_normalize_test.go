package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/schemas"
)

// normalizesNothing reports whether the kind's Normalize returns data
// itself, without warnings (validateNormalized's shortcut condition).
func normalizesNothing(t testing.TB, kind string, data []byte) bool {
	k, ok := schemas.Lookup(kind)
	require.True(t, ok)
	norm, warnings := k.Normalize(data)
	return warnings == nil && len(norm) == len(data) && (len(data) == 0 || &norm[0] == &data[0])
}

// TestOnePassNormalizesNothing proves, on the differential corpus of the
// data·inclusion kinds (every field given every value the models
// normalise, repeated keys, mutations, the examples), the implication
// validateOnePass rests on: a document the fast path accepts as written,
// with no judged e-mail or link to rewrite, is one Normalize leaves
// unchanged. Its converse need not hold (a document refused as written
// takes the former path), but most documents the normalisation rewrites
// must be caught, or the test would prove little.
func TestOnePassNormalizesNothing(t *testing.T) {
	for _, kind := range []string{"service", "structure", "prescription"} {
		t.Run(kind, func(t *testing.T) {
			accepted, rewrittenByNormalize := 0, 0
			for _, d := range offerDiffDocs(t, kind) {
				unchanged := normalizesNothing(t, kind, d.text)
				if !unchanged {
					rewrittenByNormalize++
				}
				if schemas.OnePassAccepts(kind, d.text) {
					accepted++
					require.True(t, unchanged, "%s : lu tel quel sans faute, mais la normalisation le change\n%s", d.name, d.text)
				}
			}
			t.Logf("%s : %d documents lus en une passe, %d que la normalisation change", kind, accepted, rewrittenByNormalize)
			assert.Positive(t, accepted)
			if kind != "prescription" {
				assert.Positive(t, rewrittenByNormalize)
			}
		})
	}
}

// TestOnePassJudgesFormats: the e-mails and links the normalisation
// rewrites (worked by hand from the models' rules: a display name, an IDN
// domain in capitals, a tab in a link) keep the document off the
// one pass although the schema accepts them, and the verdict is the
// normalising one (its warning OFFRE-NORME-06 or -07); as written they
// stay in it.
func TestOnePassJudgesFormats(t *testing.T) {
	base := toObject(offertest.ValidService()).text()
	require.True(t, schemas.OnePassAccepts("service", base))
	for _, c := range []struct{ member, value, warning string }{
		{"courriel", `"Mairie <contact@mairie.fr>"`, "OFFRE-NORME-06"},
		{"courriel", `"contact@MAIRIE-ÉVRY.fr"`, "OFFRE-NORME-06"},              // an IDN domain a strict consumer refuses, lower-cased by UTS #46
		{"courriel", `"contact@MAIRIE.fr"`, ""},                                 // stored in lower case, but a strict consumer takes it: kept
		{"lien_source", `"https://exemple.fr"`, ""},                             // stored "https://exemple.fr/", but a strict consumer takes it: kept
		{"lien_source", `"https://exemple.fr/\tinscription"`, "OFFRE-NORME-07"}, // the URL Standard drops the tab, RFC 3986 refuses it
	} {
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(base, &m))
		m[c.member] = json.RawMessage(c.value)
		doc, err := json.Marshal(m)
		require.NoError(t, err)
		fs := schemas.Validate("service", doc, diffNow)
		if c.warning == "" {
			assert.True(t, schemas.OnePassAccepts("service", doc), "%s", doc)
			continue
		}
		assert.False(t, schemas.OnePassAccepts("service", doc), "%s", doc)
		codes := ""
		for _, f := range fs {
			codes += f.Code + " "
		}
		assert.Contains(t, codes, c.warning, "%s", doc)
	}
}

// FuzzOnePassNormalizesNothing is TestOnePassNormalizesNothing on any
// input.
func FuzzOnePassNormalizesNothing(f *testing.F) {
	f.Add(toObject(offertest.ValidService()).text())
	f.Add(toObject(offertest.ValidStructure()).text())
	b, err := os.ReadFile(filepath.Join("..", "examples", "offer", "prescription-acceptee.json"))
	require.NoError(f, err)
	f.Add(b)
	b, err = os.ReadFile(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(f, err)
	for _, line := range bytes.SplitN(b, []byte("\n"), 4)[:3] {
		f.Add(line)
	}
	for _, s := range []string{`{"publics":["a","a"]}`, `{"date_maj":"2025-06-01T00:00:00Z"}`, `{"latitude":"3"}`,
		`{"courriel":"A <a@b.fr>"}`, `{"lien_source":"HTTPS://x.fr"}`, `{"nom":"a","nom":"b"}`, `{"latitude":1e400}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, kind := range []string{"service", "structure", "prescription"} {
			if schemas.OnePassAccepts(kind, data) && !normalizesNothing(t, kind, data) {
				t.Fatalf("%s : lu tel quel sans faute, mais la normalisation le change : %q", kind, data)
			}
		}
	})
}
