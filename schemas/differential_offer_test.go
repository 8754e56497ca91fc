package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/schemas"
)

// TestFastPathCoversEveryKind: no kind silently falls back to the JSON
// Schema interpreter (issue 17).
func TestFastPathCoversEveryKind(t *testing.T) {
	for _, k := range schemas.Kinds() {
		assert.NoError(t, schemas.FastPath(k.Name), k.Name)
	}
}

// offerDiffDocs returns the documents on which the two paths of the
// data·inclusion kinds are compared: the corpus of the agreement test with
// data·inclusion's models (TestDataInclusionModels: every field given every
// value of its class, keys repeated or in other cases, extra members,
// combinations, documents that are not objects, on a full and on a minimal
// document), the examples, and the mutations of the valid documents and of
// a sample of the examples (every way a schema can refuse a value).
func offerDiffDocs(t *testing.T, kind string) []diDoc {
	var docs []diDoc
	var bases []diDoc
	switch kind {
	case "service":
		docs = append(docs, generate(kind, toObject(offertest.ValidService()), serviceFields)...)
		docs = append(docs, generate(kind, minimal(offertest.ValidService(), "source", "structure_id", "id", "nom", "description", "date_maj"), serviceFields)...)
		bases = append(bases, diDoc{kind, "ValidService", toObject(offertest.ValidService()).text()})
	case "structure":
		docs = append(docs, generate(kind, toObject(offertest.ValidStructure()), structureFields)...)
		docs = append(docs, generate(kind, minimal(offertest.ValidStructure(), "source", "id", "nom", "date_maj"), structureFields)...)
		bases = append(bases, diDoc{kind, "ValidStructure", toObject(offertest.ValidStructure()).text()})
	case "prescription":
		b, err := os.ReadFile(filepath.Join("..", "examples", "offer", "prescription-acceptee.json"))
		require.NoError(t, err)
		bases = append(bases, diDoc{kind, "prescription-acceptee.json", b})
	}
	examples := exampleOfferDocs(t, kind)
	docs = append(docs, examples...)
	// Every 40th example too (the Aisne catalogue has 429 services).
	for i := 0; i < len(examples); i += 40 {
		bases = append(bases, examples[i])
	}
	for _, base := range bases {
		var root any
		dec := json.NewDecoder(bytes.NewReader(base.text))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&root))
		for _, m := range sample(mutations(root), maxMutations) {
			docs = append(docs, diDoc{kind, base.name + " : " + m.what, marshal(t, m.doc)})
		}
	}
	return docs
}

// TestValidateDifferentialOffer compares, for the kinds data·inclusion's
// models read, the fast path with the JSON Schema interpreter on the
// normalised document (schemas.Interpret normalises as Validate does):
// same faults (codes, paths, severities, messages), and on the documents
// the schema accepts the same Go value as encoding/json (through the
// types' own UnmarshalJSON).
func TestValidateDifferentialOffer(t *testing.T) {
	for _, kind := range []string{"service", "structure", "prescription"} {
		t.Run(kind, func(t *testing.T) {
			require.NoError(t, schemas.FastPath(kind))
			k, _ := schemas.Lookup(kind)
			docs := offerDiffDocs(t, kind)
			invalid, accepted := 0, 0
			codes := map[string]bool{}
			for _, d := range docs {
				want := schemas.Interpret(kind, d.text, diffNow)
				got := schemas.Validate(kind, d.text, diffNow)
				if !assert.Equal(t, verdict(want), verdict(got), "%s\n%s", d.name, d.text) {
					return
				}
				for _, f := range want {
					codes[f.Code] = true
				}
				if !want.Valid() {
					invalid++
				}
				frtext.AssertFaults(t, d.name, got)
				require.Zero(t, schemas.RulePanics(), "règle en panique : %s", d.name)
				if schemaAccepts(want) {
					accepted++
					sameDecoding(t, k, d.text)
				}
			}
			list := make([]string, 0, len(codes))
			for c := range codes {
				list = append(list, c)
			}
			sort.Strings(list)
			t.Logf("%s : %d documents, %d invalides, %d acceptés par le schéma ; fautes : %v", kind, len(docs), invalid, accepted, list)
			assert.Greater(t, invalid, len(docs)/4)
			assert.Greater(t, accepted, len(docs)/10)
			// What each kind's schema can refuse (a structure has no list
			// bounds and no number bounds; data·inclusion's kinds are open).
			want := []string{"SCHEMA-TYPE-01", "SCHEMA-REQUIRED-01", "SCHEMA-ENUM-01", "SCHEMA-LENGTH-01", "SCHEMA-PATTERN-01", "SCHEMA-FORMAT-01", "OFFRE-NORME-01"}
			switch kind {
			case "service":
				want = append(want, "SCHEMA-ITEMS-01", "SCHEMA-RANGE-01", "INPUT-NUMBER-02")
			case "prescription":
				want = append(want, "SCHEMA-ITEMS-01", "SCHEMA-ADDITIONAL-01")
			}
			for _, c := range want {
				assert.True(t, codes[c], "aucun document ne produit %s", c)
			}
		})
	}
}

// FuzzValidateOffer checks on any input, for the data·inclusion kinds,
// that the fast path gives exactly the faults of the JSON Schema path on
// the normalised document, and never panics.
func FuzzValidateOffer(f *testing.F) {
	f.Add(toObject(offertest.ValidService()).text())
	f.Add(toObject(offertest.ValidStructure()).text())
	for _, name := range []string{"prescription-acceptee.json"} {
		b, err := os.ReadFile(filepath.Join("..", "examples", "offer", name))
		require.NoError(f, err)
		f.Add(b)
	}
	b, err := os.ReadFile(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(f, err)
	for _, line := range bytes.SplitN(b, []byte("\n"), 4)[:3] {
		f.Add(line)
	}
	for _, s := range []string{`{"zone_eligibilite":["x","abcdefghij",5,null]}`, `{"nombre_semaines":1e30,"latitude":null}`,
		`{"thematiques":[5],"publics":[],"courriel":"a@b"}`, `{"NOM":1,"extra":{"a":[1, 2]}}`,
		// input faults with and without something to normalise: the
		// input layer is then run apart or by the validation alone
		"{\"nom\":\"a\xff\"}", "\ufeff{}", "", " ", "null", "[]", "{}", `{"a":1}{}`, `{"a":{"b":1,"b":2}}`, `{"nom":"a","nom":"b"}`, `{"a":1} x`,
		`{"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],"publics":["a","a"]}`,
		`{"latitude":1` + strings.Repeat("0", 120) + `}`, `{"latitude":1` + strings.Repeat("0", 120) + `,"publics":["a","a"]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range []string{"service", "structure", "prescription"} {
			want := schemas.Interpret(k, data, diffNow)
			got := schemas.Validate(k, data, diffNow)
			if verdict(want) != verdict(got) {
				t.Fatalf("%s : chemins divergents pour %q\nschéma :\n%s\nrapide :\n%s", k, data, verdict(want), verdict(got))
			}
			if n := schemas.RulePanics(); n > 0 {
				t.Fatalf("%s : %d règle(s) en panique sur le document partiel %q", k, n, data)
			}
		}
	})
}

// Under a size limit smaller than the document, with or without something
// to normalise, the data·inclusion kinds give the input fault alone, as
// the former order (input layer first) does.
func TestValidateOfferSizeLimit(t *testing.T) {
	small := schemas.WithLimits(schemas.Limits{MaxBytes: 20})
	for _, doc := range []string{`{"nom":"Atelier numérique","publics":["jeunes"]}`, `{"nom":"a","nom":"Atelier numérique","publics":["jeunes","jeunes"]}`} {
		for _, k := range []string{"service", "structure", "prescription"} {
			got := schemas.Validate(k, []byte(doc), diffNow, small)
			require.Len(t, got, 1, "%s %s", k, doc)
			assert.Equal(t, schemas.FaultSize.Code, got[0].Code)
			assert.Equal(t, schemas.Interpret(k, []byte(doc), diffNow, small), got)
		}
	}
}
