package offer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// normalizeOracle is normalize as it was written before its byte loops
// (session 5, issue 17): the members read by encoding/json's decoder, a map
// of the last index of each key, every value of a known field decoded and
// judged by the reading functions (collapseSet, laxDate, laxNumber,
// NormalizeEmail, NormalizeURL), the strict consumer asked first. The
// oracle of TestNormalizeAsOracle and FuzzNormalizeAsOracle.
func normalizeOracle(data []byte, classes map[string]fieldRule, keep func(format, value string) bool) ([]byte, spie.Faults) {
	members, ok := readMembersDecoder(data)
	if !ok {
		return data, nil
	}
	var warnings spie.Faults
	changed := false
	last := map[string]int{}
	count := map[string]int{}
	for i, m := range members {
		last[m.key] = i
		count[m.key]++
	}
	var out []member
	for i, m := range members {
		if last[m.key] != i {
			changed = true
			continue
		}
		if count[m.key] > 1 {
			warnings = append(warnings, FaultNormRepeatedKey.At(spie.Pointer(m.key)))
		}
		if rule, known := classes[m.key]; known {
			if raw, ws := oracleValue(m.key, rule, json.RawMessage(m.raw), keep); ws != nil {
				warnings = append(warnings, ws...)
				m.raw = string(raw)
				changed = true
			}
		}
		out = append(out, m)
	}
	if !changed {
		return data, nil
	}
	warnings.Sort()
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(m.raw)
	}
	b.WriteByte('}')
	return b.Bytes(), warnings
}

func oracleValue(name string, rule fieldRule, raw json.RawMessage, keep func(format, value string) bool) (json.RawMessage, spie.Faults) {
	switch rule.class {
	case classSet:
		return collapseSet(name, raw)
	case classDate:
		if d, ok := laxDate(raw); ok {
			out, _ := json.Marshal(d)
			return out, spie.Faults{FaultNormDate.At(spie.Pointer(name), d, string(raw))}
		}
	case classFloat, classInt:
		return laxNumber(name, rule, raw)
	case classEmail:
		var v string
		if json.Unmarshal(raw, &v) != nil || keep != nil && keep("email", v) {
			return nil, nil
		}
		if n, ok := NormalizeEmail(v); ok && n != v {
			out, _ := json.Marshal(n)
			return out, spie.Faults{FaultNormEmail.At(spie.Pointer(name), n, v)}
		}
	case classURL:
		var v string
		if json.Unmarshal(raw, &v) != nil || keep != nil && keep("uri", v) {
			return nil, nil
		}
		if n, ok := NormalizeURL(v); ok && n != v && len(n) <= MaxURLBytes {
			out, _ := json.Marshal(n)
			return out, spie.Faults{FaultNormURL.At(spie.Pointer(name), n, v)}
		}
	}
	return nil, nil
}

// oracleKeep stands for the strict consumer of package schemas: it takes
// the addresses and links written in lower-case ASCII without a space or
// an angle bracket, whatever the models think of them, so that both sides
// of the comparison meet a consumer that refuses some of what the models
// take and takes some of what they refuse.
func oracleKeep(format, v string) bool {
	return v != "" && strings.Trim(v, "abcdefghijklmnopqrstuvwxyz0123456789@.:/-_") == ""
}

// normalizeCases reach every fast check of normalize and its way out to the
// reading functions: sets with and without repeats (escaped, non-ASCII,
// null, numbers among the strings, more items than the byte loop compares),
// plain and lax dates, numbers plain, with exponent, too long, as strings
// and booleans, e-mails and links as stored, to rewrite and refused,
// repeated and escaped keys, more members than the pairwise comparison.
var normalizeCases = []string{
	`{"thematiques":["a","b","a"],"publics":["x","y"]}`,
	`{"thematiques":["a","\u0061"],"modes_accueil":["é","e\u0301","é"]}`,
	`{"thematiques":[null,""],"publics":[null,null],"mobilisable_par":[1,1,"1"]}`,
	`{"thematiques":"a","publics":{},"modes_mobilisation":[]}`,
	`{"date_maj":"2025-06-01","nom":"x"}`, `{"date_maj":"2025-06-01T00:00:00Z"}`, `{"date_maj":"2025-06-0\u0031"}`,
	`{"date_maj":1748736000}`, `{"date_maj":"1748736000000"}`, `{"date_maj":null}`, `{"date_maj":"2025-13-01"}`,
	`{"latitude":49.5,"longitude":-3,"nombre_semaines":12,"volume_horaire_hebdomadaire":0}`,
	`{"latitude":1e999,"longitude":-1e999,"volume_horaire_hebdomadaire":-1e999,"nombre_semaines":1.0}`,
	`{"latitude":1e-999,"longitude":"1_0","nombre_semaines":"3","volume_horaire_hebdomadaire":true}`,
	`{"latitude":"nan","longitude":"-inf","volume_horaire_hebdomadaire":"-inf","nombre_semaines":false}`,
	`{"latitude":0.` + strings.Repeat("0", 320) + `1,"longitude":` + strings.Repeat("9", 320) + `}`,
	`{"latitude":null,"longitude":[1],"nombre_semaines":{"a":1}}`,
	`{"courriel":"contact@exemple.fr"}`, `{"courriel":"Contact <contact@Exemple.FR>"}`, `{"courriel":" a@b.fr "}`,
	`{"courriel":"a@mairie-évry.fr"}`, `{"courriel":"a@xn--mairie-vry-b7a.fr"}`, `{"courriel":"a@b"}`, `{"courriel":"\u0061@b.fr"}`,
	`{"courriel":"INFO@exemple.fr"}`, `{"courriel":null}`, `{"courriel":3}`,
	`{"lien_source":"https://exemple.fr/"}`, `{"lien_source":"https://exemple.fr"}`, `{"lien_mobilisation":"HTTPS://Exemple.fr/a b"}`,
	`{"lien_source":"ftp://exemple.fr/"}`, `{"lien_source":"https://exémple.fr/"}`, `{"lien_source":"https:\/\/exemple.fr"}`,
	`{"nom":"a","nom":"b","NOM":"c"}`, `{"n\u006fm":"a","nom":"b"}`, `{"thematiques":["a"],"thematiques":["b","b"]}`,
	"{\"k\xff\":1,\"k\xfe\":2}", `[]`, `{"a":1} x`, `{"a":`, ``,
}

func oracleDocs(t *testing.T) [][]byte {
	docs := toBytes(normalizeCases)
	var many strings.Builder
	many.WriteString(`{"thematiques":[`)
	for i := range 70 {
		if i > 0 {
			many.WriteByte(',')
		}
		many.WriteString(`"t` + strings.Repeat("x", i%7) + `"`)
	}
	many.WriteString(`]`)
	for i := range 80 {
		many.WriteString(`,"k` + strings.Repeat("y", i%9) + `":1`)
	}
	many.WriteString(`}`)
	docs = append(docs, []byte(many.String()))
	for _, name := range []string{"services-aisne.ndjson"} {
		fh, err := os.Open(filepath.Join("..", "examples", "offer", name))
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			docs = append(docs, append([]byte(nil), sc.Bytes()...))
		}
		require.NoError(t, fh.Close())
	}
	return docs
}

func TestNormalizeAsOracle(t *testing.T) {
	changed := 0
	for _, d := range oracleDocs(t) {
		for _, classes := range []map[string]fieldRule{serviceClasses(), structureClasses()} {
			for _, keep := range []func(string, string) bool{nil, oracleKeep} {
				want, wantWs := normalizeOracle(d, classes, keep)
				var opts []NormalizeOption
				if keep != nil {
					opts = append(opts, KeepValid(keep))
				}
				got, gotWs := normalize(d, classes, opts)
				require.Equal(t, string(want), string(got), "%q", d)
				require.Equal(t, wantWs, gotWs, "%q", d)
				if len(gotWs) > 0 {
					changed++
				}
			}
		}
	}
	assert.Greater(t, changed, 40, "des documents normalisés des deux côtés")
}

func FuzzNormalizeAsOracle(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, keep := range []func(string, string) bool{nil, oracleKeep} {
			var opts []NormalizeOption
			if keep != nil {
				opts = append(opts, KeepValid(keep))
			}
			want, wantWs := normalizeOracle(data, serviceClasses(), keep)
			got, gotWs := normalize(data, serviceClasses(), opts)
			if !bytes.Equal(want, got) {
				t.Fatalf("%q : %q attendu, %q obtenu", data, want, got)
			}
			assert.Equal(t, wantWs, gotWs, "%q", data)
		}
	})
}

// The pooled state of normalize is never shared: documents normalised on
// four goroutines at once give what they give one by one (run with -race).
func TestNormalizeConcurrent(t *testing.T) {
	docs := oracleDocs(t)
	type result struct {
		out string
		ws  spie.Faults
	}
	want := make([]result, len(docs))
	for i, d := range docs {
		out, ws := normalize(d, serviceClasses(), nil)
		want[i] = result{string(out), ws}
	}
	errs := make(chan string, 4)
	for g := range 4 {
		go func() {
			for n := range 3 * len(docs) {
				i := (n + g*7) % len(docs)
				out, ws := normalize(docs[i], serviceClasses(), nil)
				if string(out) != want[i].out || len(ws) != len(want[i].ws) {
					errs <- string(docs[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for range 4 {
		assert.Empty(t, <-errs)
	}
}
