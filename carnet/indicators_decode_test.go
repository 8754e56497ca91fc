package carnet_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	examplefiles "github.com/spie-fr/socle/examples"
)

// streamLines returns the n carnets of newStream(n, seed), one per element.
func streamLines(t testing.TB, n int, seed uint64) [][]byte {
	t.Helper()
	var out [][]byte
	sc := bufio.NewScanner(newStream(n, seed))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		out = append(out, bytes.Clone(sc.Bytes()))
	}
	require.NoError(t, sc.Err())
	return out
}

// exampleCarnets returns the example carnets (examples/carnet): journals,
// comments, accents, pretty-printed.
func exampleCarnets(t testing.TB) [][]byte {
	t.Helper()
	names, err := fs.Glob(examplefiles.Carnets, "carnet/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	var out [][]byte
	for _, n := range names {
		b, err := examplefiles.Carnets.ReadFile(n)
		require.NoError(t, err)
		out = append(out, b)
	}
	return out
}

// decodeCases are carnets the fast decoder must read as encoding/json
// does, or give up on: members in every shape the decoder treats apart
// (null, empty arrays, wrong types, numbers at the edge of their type,
// escapes, bytes that are not UTF-8, names in another case or given twice,
// values encoding/json decodes itself, deep nesting, syntax errors in kept
// and in dropped members, other documents than an object).
var decodeCases = []string{
	`{}`, ` {} `, `null`, `[]`, `"x"`, `1`, `true`, `{`, `}`, ``, `{}x`, `{} {}`,
	`{"date_entree":"2025-01-02"}`,
	`{"date_entree":"2025-01-02","date_entree":"2025-01-03"}`,
	`{"Date_Entree":"2025-01-02"}`,
	`{"DATE_ENTREE":"2025-01-02"}`,
	`{"date_entrée":"2025-01-02"}`,
	`{"date_entre\u0065":"2025-01-02"}`,
	`{"date_entree":"2025-01-\u0030"}`,
	`{"date_entree":"2025-01-02\n"}`,
	"{\"date_entree\":\"2025-01-02\x01\"}",
	`{"cohorte":"Chauny-é"}`,
	"{\"cohorte\":\"a\xff\"}",
	"{\"journal\":\"a\xff\"}",
	`{"cohorte":"\ud800"}`,
	`{"cohorte":"\x"}`,
	`{"date_entree":5}`, `{"date_entree":true}`, `{"date_entree":null}`, `{"date_entree":[]}`,
	`{"personne":null}`, `{"personne":[]}`, `{"personne":{"publics":null}}`, `{"personne":{"publics":[]}}`,
	`{"personne":{"publics":["brsa",null,"deld"]}}`, `{"personne":{"publics":[1]}}`,
	`{"personne":{"rsa":true,"rqth":false}}`, `{"personne":{"rsa":"true"}}`, `{"personne":{"rsa":1}}`, `{"personne":{"rsa":nul}}`,
	`{"diagnostic":null}`, `{"diagnostic":{}}`, `{"diagnostic":{"date":"2025-02-03","freins":[{"x":1}],"y":"z"}}`, `{"diagnostic":{"date":1}}`,
	`{"diagnostic":{"date":"2025-02-03","Date":"2025-02-04"}}`,
	`{"membres":[]}`, `{"membres":null}`, `{"membres":[null]}`, `{"membres":[{}]}`, `{"membres":{}}`, `{"membres":[{},]}`, `{"membres":[,{}]}`,
	`{"membres":[{"role":"referent","date_debut":"2025-01-01"},{"role":"referent","date_debut":"2025-02-01","acces_nir":true}]}`,
	`{"contrats":[{"heures_hebdomadaires":15}]}`, `{"contrats":[{"heures_hebdomadaires":-0}]}`, `{"contrats":[{"heures_hebdomadaires":1.5e1}]}`,
	`{"contrats":[{"heures_hebdomadaires":1e400}]}`, `{"contrats":[{"heures_hebdomadaires":"15"}]}`, `{"contrats":[{"heures_hebdomadaires":01}]}`,
	`{"contrats":[{"heures_hebdomadaires":1.}]}`, `{"contrats":[{"heures_hebdomadaires":.5}]}`, `{"contrats":[{"heures_hebdomadaires":1e}]}`,
	`{"contrats":[{"heures_hebdomadaires":-}]}`, `{"contrats":[{"heures_hebdomadaires":+1}]}`,
	`{"contrats":[{"amenagement":null}]}`, `{"contrats":[{"amenagement":{"type":"x","date":"2025-01-01"}}]}`,
	`{"objectifs":[{"priorite":3}]}`, `{"objectifs":[{"priorite":-3}]}`, `{"objectifs":[{"priorite":1.5}]}`, `{"objectifs":[{"priorite":1e2}]}`,
	`{"objectifs":[{"priorite":99999999999999999999}]}`, `{"objectifs":[{"priorite":9223372036854775807}]}`,
	`{"conflits_fusion":[{"chemin":"/a","valeur_ecartee":{"x":[1,2,{"y":null}]}}]}`,
	`{"conflits_fusion":[{"chemin":"/a","valeur_ecartee":null}]}`,
	`{"conflits_fusion":[{"chemin":"/a","valeur_ecartee":}]}`,
	`{"carnets_fusionnes":["a","b"]}`, `{"carnets_fusionnes":"a"}`,
	`{"vue":{"lecteur":{"role":"referent"},"date":"2025-01-01"}}`,
	`{"journal":[{"carnet":"a","rang":0,"operation":"creer","apres":{"x":[1,"\u00e9",true,false,null,-1.5e-3]}}]}`,
	`{"journal":[{"carnet":"a",}]}`, `{"journal":[{"carnet" "a"}]}`, `{"journal":[tru]}`, `{"journal":[1 2]}`, `{"journal":{"a":1,}}`,
	`{"journal":null}`, `{"journal":5}`, `{"journal":"x"}`,
	`{"inconnu":{"a":[1,2,3],"b":{"c":"d"}},"date_entree":"2025-01-02"}`,
	`{"inconnu":[1,2,}`,
	`{"date_entree":"2025-01-02",}`, `{"date_entree":"2025-01-02" "id":"x"}`, `{"date_entree" "2025-01-02"}`, `{date_entree:"2025-01-02"}`,
	"{\t\"id\" : \"x\" ,\r\n \"cohorte\" : \"y\" }",
	`{"journal":` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `}`,
	`{"journal":` + strings.Repeat("[", 300) + strings.Repeat("]", 299) + `}`,
	`{"journal":` + strings.Repeat(`{"a":`, 150) + `1` + strings.Repeat("}", 150) + `}`,
}

// mutations returns variants of a carnet: cut short, one byte replaced by
// one that changes its meaning, a member made unknown by its case, given
// twice, null or of another type.
func mutations(line []byte) [][]byte {
	var out [][]byte
	for _, at := range []int{1, len(line) / 3, len(line) / 2, len(line) - 1} {
		out = append(out, bytes.Clone(line[:at]))
		for _, c := range []byte{'"', '\\', '{', '}', '[', ']', ',', ':', '0', 'x', ' ', 0, 0xff, 'n'} {
			m := bytes.Clone(line)
			m[at] = c
			out = append(out, m)
		}
	}
	for _, r := range [][2]string{
		{`"date_entree"`, `"Date_entree"`},
		{`"personne":{`, `"personne":{"id":"double",`},
		{`"membres":[`, `"membres":[null,`},
		{`"date_debut":"`, `"date_debut":"\u0032`},
		{`"role":"referent"`, `"role":5`},
		{`"publics":[`, `"publics":[],"publics":[`},
		{`"heures_hebdomadaires":15`, `"heures_hebdomadaires":15.000000000000001`},
		{`"diagnostic":{`, `"diagnostic":{"journal":[{"a":"b"}],`},
		{`"rendez_vous":[`, `"rendez_vous":[{"id":"r","date":"2025-01-01","commentaire":"dit « bonjour »"},`},
	} {
		if bytes.Contains(line, []byte(r[0])) {
			out = append(out, bytes.Replace(line, []byte(r[0]), []byte(r[1]), 1))
		}
	}
	return out
}

// checkSameDecode: when the fast decoder reads data, encoding/json reads it
// too, to the same carnet (nil and empty slices apart); it reports whether
// the fast decoder read it.
func checkSameDecode(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := carnet.DecodeLightFast(data)
	want, err := carnet.DecodeLightOracle(data)
	if !ok {
		return false
	}
	if assert.NoError(t, err, "le décodeur rapide lit %q, encoding/json non", data) {
		assert.Equal(t, want, fast, "%q", data)
	}
	return true
}

// TestDecodeLightAsEncodingJSON: the indicators' fast decoder reads every
// generated carnet, and what it reads (whole carnets, hand-written cases,
// mutated carnets) encoding/json reads to the same value; it gives up on
// the rest, which encoding/json then decides.
func TestDecodeLightAsEncodingJSON(t *testing.T) {
	require.True(t, carnet.LightPlanned(), "pas de plan du carnet : tout passe par encoding/json")
	lines := streamLines(t, 400, 11)
	for _, l := range lines {
		assert.True(t, checkSameDecode(t, l), "carnet généré non lu par le décodeur rapide : %s", l)
	}
	for _, ex := range exampleCarnets(t) {
		checkSameDecode(t, ex)
		compact := new(bytes.Buffer)
		require.NoError(t, json.Compact(compact, ex))
		checkSameDecode(t, compact.Bytes())
	}
	read, gaveUp := 0, 0
	count := func(ok bool) {
		if ok {
			read++
		} else {
			gaveUp++
		}
	}
	for _, c := range decodeCases {
		count(checkSameDecode(t, []byte(c)))
	}
	for _, l := range lines[:60] {
		for _, m := range mutations(l) {
			count(checkSameDecode(t, m))
		}
	}
	// Both kinds occur: the cases test what is read and what is left.
	assert.Greater(t, read, 100)
	assert.Greater(t, gaveUp, 100)
	// Cases worked out from encoding/json's documentation: what the fast
	// decoder reads itself, and what it leaves to encoding/json.
	for c, wantRead := range map[string]bool{
		`{"membres":[]}`:     true, // an empty slice, not nil
		`{"membres":[null]}`: true,
		`{"conflits_fusion":[{"chemin":"/a","valeur_ecartee":{"x":1}}]}`: true,  // json.RawMessage, by encoding/json
		`{"journal":[{"x":"\u00e9"}]}`:                                   true,  // dropped: escapes only checked
		`{"Date_Entree":"2025-01-02"}`:                                   false, // case folding
		`{"id":"a","id":"b"}`:                                            false, // twice
		`{"cohorte":"\u00e9"}`:                                           false, // kept and escaped
		`{"objectifs":[{"priorite":1.5}]}`:                               false, // UnmarshalTypeError
		`null`:                                                           false,
	} {
		_, ok := carnet.DecodeLightFast([]byte(c))
		assert.Equal(t, wantRead, ok, c)
	}
}

// brokenStream is a stream of carnets with every case and mutation above
// between them, one per line (those holding a line break are dropped: a
// line is a document).
func brokenStream(t *testing.T) []byte {
	var out bytes.Buffer
	lines := streamLines(t, 300, 12)
	write := func(b []byte) {
		if !bytes.ContainsAny(b, "\n\r") && len(bytes.TrimSpace(b)) > 0 {
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	for i, l := range lines {
		write(l)
		if i < len(decodeCases) {
			write([]byte(decodeCases[i]))
		}
		if i < 20 {
			for _, m := range mutations(l) {
				write(m)
			}
		}
	}
	return out.Bytes()
}

// TestIndicatorsSameAsEncodingJSON: on a stream of carnets and broken or
// unusual lines, the report with the fast decoder is the one encoding/json
// gave before it (same counts, same faults of the unreadable lines, byte
// for byte), with 1 and 2 workers.
func TestIndicatorsSameAsEncodingJSON(t *testing.T) {
	data := brokenStream(t)
	want, err := carnet.ComputeIndicatorsOracle(bytes.NewReader(data), "2025-12-31", carnet.DefaultPolicy(), 1)
	require.NoError(t, err)
	require.Positive(t, want.Unreadable)
	require.Positive(t, want.Read)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	for _, workers := range []int{1, 2} {
		got, err := carnet.ComputeIndicatorsParallel(bytes.NewReader(data), "2025-12-31", carnet.DefaultPolicy(), workers)
		require.NoError(t, err)
		gotJSON, err := json.Marshal(got)
		require.NoError(t, err)
		assert.Equal(t, string(wantJSON), string(gotJSON), fmt.Sprintf("%d workers", workers))
	}
}

// FuzzDecodeLight: whatever the input, a carnet the fast decoder reads is
// read by encoding/json to the same value.
func FuzzDecodeLight(f *testing.F) {
	for _, c := range decodeCases {
		f.Add([]byte(c))
	}
	for _, l := range streamLines(f, 5, 13) {
		f.Add(l)
	}
	for _, ex := range exampleCarnets(f) {
		f.Add(ex)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSameDecode(t, data)
	})
}
