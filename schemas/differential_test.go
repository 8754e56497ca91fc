package schemas_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

func diffNowTime() time.Time { return time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC) }

var diffNow = schemas.WithNow(diffNowTime)

// verdict renders faults as sorted "code path severity message" lines, what
// both paths must agree on (but for the wording of unreadable JSON).
func verdict(fs spie.Faults) string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.Code + " " + f.Path + " " + string(f.Severity)
		if f.Code != schemas.FaultJSON.Code {
			lines[i] += " " + f.Message
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// exampleDocs returns the example documents of the kind (valid and invalid).
func exampleDocs(t testing.TB, kind string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pat := range []string{"*.json", "invalid/*.json"} {
		files, err := filepath.Glob(filepath.Join("..", "examples", kind, pat))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, ".faults.json") {
				continue
			}
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			out[strings.TrimPrefix(f, filepath.Join("..", "examples", kind)+"/")] = b
		}
	}
	// The examples kept elsewhere (examples/network, examples/orientation…)
	// that the kind's schema accepts.
	all, _ := filepath.Glob(filepath.Join("..", "examples", "*", "*.json"))
	for _, f := range all {
		if strings.HasPrefix(f, filepath.Join("..", "examples", kind)+"/") || strings.HasSuffix(f, ".faults.json") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		if schemaAccepts(schemas.Validate(kind, b, diffNow)) {
			out[strings.TrimPrefix(f, filepath.Join("..", "examples")+"/")] = b
		}
	}
	return out
}

// schemaAccepts reports whether no fault comes from the input or the schema.
func schemaAccepts(fs spie.Faults) bool {
	for _, f := range fs {
		if strings.HasPrefix(f.Code, "SCHEMA-") || strings.HasPrefix(f.Code, "INPUT-") {
			return false
		}
	}
	return true
}

func TestValidateMatchesInterpreterOnExamples(t *testing.T) {
	for _, k := range schemas.Kinds() {
		docs := exampleDocs(t, k.Name)
		if len(docs) == 0 {
			continue
		}
		for name, b := range docs {
			t.Run(k.Name+"/"+name, func(t *testing.T) {
				want := schemas.Interpret(k.Name, b, diffNow)
				got := schemas.Validate(k.Name, b, diffNow)
				assert.Equal(t, verdict(want), verdict(got))
				frtext.AssertFaults(t, k.Name+"/"+name, got)
			})
		}
	}
}

func TestFastPathCoversDiagnostic(t *testing.T) {
	require.NoError(t, schemas.FastPath("diagnostic"))
}

// TestValidateDifferential mutates every value of every example
// document in every way a schema can refuse (wrong type, missing member,
// unknown member, unknown code, bad pattern or format, out of range, too
// long, too many items, unknown map key) and checks that the fast path and
// the JSON Schema path agree on each, and that on valid documents they
// decode the same Go value.
func TestValidateDifferential(t *testing.T) {
	for _, k := range schemas.Kinds() {
		docs := exampleDocs(t, k.Name)
		if len(docs) == 0 {
			continue
		}
		t.Run(k.Name, func(t *testing.T) {
			if err := schemas.FastPath(k.Name); err != nil {
				t.Skipf("%s passe par le chemin JSON Schema : %v", k.Name, err)
			}
			names := make([]string, 0, len(docs))
			for n := range docs {
				names = append(names, n)
			}
			sort.Strings(names)
			total, invalid := 0, 0
			codes := map[string]bool{}
			for _, name := range names {
				var root any
				dec := json.NewDecoder(bytes.NewReader(docs[name]))
				dec.UseNumber()
				require.NoError(t, dec.Decode(&root))
				for _, m := range sample(mutations(root), maxMutations) {
					total++
					b := marshal(t, m.doc)
					want := schemas.Interpret(k.Name, b, diffNow)
					got := schemas.Validate(k.Name, b, diffNow)
					if !want.Valid() {
						invalid++
					}
					for _, f := range want {
						codes[f.Code] = true
					}
					if !assert.Equal(t, verdict(want), verdict(got), "%s: %s\n%s", name, m.what, b) {
						return
					}
					assertNoLibraryText(t, want)
					frtext.AssertFaults(t, name+" : "+m.what, got)
					require.Zero(t, schemas.RulePanics(), "règle en panique : %s : %s", name, m.what)
					if schemaAccepts(want) {
						sameDecoding(t, k, b)
					}
				}
			}
			t.Logf("%s: %d documents (%d exemples), %d invalides", k.Name, total, len(names), invalid)
			assert.Greater(t, invalid, total/2)
			if k.Name == "diagnostic" {
				for _, c := range []string{"SCHEMA-TYPE-01", "SCHEMA-REQUIRED-01", "SCHEMA-ADDITIONAL-01", "SCHEMA-ENUM-01",
					"SCHEMA-PATTERN-01", "SCHEMA-FORMAT-01", "SCHEMA-RANGE-01", "SCHEMA-LENGTH-01", "SCHEMA-ITEMS-01", "SCHEMA-KEY-01", "INPUT-NUMBER-02"} {
					assert.True(t, codes[c], "aucune mutation ne produit %s", c)
				}
			}
		})
	}
}

// sameDecoding checks that the fast decoder builds the value encoding/json
// builds from the document with its integral numbers written as plain
// integers (the schema's "integer" takes 2.0 and 1e2, encoding/json does
// not; see plainIntegers).
func sameDecoding(t *testing.T, k schemas.Kind, b []byte) {
	t.Helper()
	if k.Normalize != nil {
		b, _ = k.Normalize(b) // what both paths validate and decode
	}
	want := k.New()
	require.NoError(t, json.Unmarshal(plainIntegers(t, b), want))
	got := k.New()
	fs, ok := schemas.Decode(k.Name, b, got)
	require.True(t, ok, "%v", fs)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("décodage différent de encoding/json pour\n%s\nattendu %+v\nobtenu  %+v", b, want, got)
	}
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return bytes.TrimSpace(buf.Bytes())
}

// maxMutations bounds the mutations tried per document (a deterministic
// sample of them), so that the test stays fast on large documents.
const maxMutations = 400

func sample(ms []mutation, n int) []mutation {
	if len(ms) <= n {
		return ms
	}
	out := make([]mutation, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, ms[i*len(ms)/n])
	}
	return out
}

type mutation struct {
	what string
	doc  any
}

// mutations returns the document unchanged, then one copy per mutation.
func mutations(root any) []mutation {
	out := []mutation{{"original", root}}
	var walk func(path []any)
	walk = func(path []any) {
		v := get(root, path)
		where := fmt.Sprint(path)
		for _, r := range replacements(v) {
			out = append(out, mutation{where + " ← " + r.what, set(root, path, r.doc)})
		}
		switch x := v.(type) {
		case map[string]any:
			// Keys in order: the sample below takes every n-th mutation,
			// and must take the same ones on every run (a map's order is
			// random: the prescription's sample missed SCHEMA-ITEMS-01 in 2
			// runs out of 15).
			for _, k := range slices.Sorted(maps.Keys(x)) {
				out = append(out, mutation{where + " sans " + k, edit(root, path, func(o any) any {
					m := o.(map[string]any)
					delete(m, k)
					return m
				})})
				out = append(out, mutation{where + " clé " + k + " renommée", edit(root, path, func(o any) any {
					m := o.(map[string]any)
					m["inconnu/~"+k] = m[k]
					delete(m, k)
					return m
				})})
				walk(append(append([]any(nil), path...), k))
			}
			out = append(out, mutation{where + " + champ inconnu", edit(root, path, func(o any) any {
				m := o.(map[string]any)
				m["champ_inconnu"] = json.Number("1")
				return m
			})})
		case []any:
			for i := range x {
				walk(append(append([]any(nil), path...), i))
			}
			if len(x) > 0 {
				for _, n := range []int{3, 60, 250} {
					out = append(out, mutation{fmt.Sprintf("%s × %d", where, n), edit(root, path, func(o any) any {
						a := o.([]any)
						for len(a) < n {
							a = append(a, a[len(a)%len(x)])
						}
						return a
					})})
				}
			}
		}
	}
	walk(nil)
	return out
}

func replacements(v any) []mutation {
	types := []mutation{
		{"nombre", json.Number("7")}, {"texte", "x"}, {"booléen", true}, {"null", nil},
		{"liste", []any{}}, {"objet", map[string]any{}},
	}
	switch x := v.(type) {
	case string:
		return append(types,
			mutation{"code inconnu", "valeur-inconnue"}, mutation{"vide", ""},
			mutation{"trop long", strings.Repeat("é", 5001)}, mutation{"date impossible", "2026-02-30"},
			mutation{"date future", "2031-01-01"}, mutation{"date ancienne", "1900-01-01"},
			mutation{"minuscules", strings.ToLower(x)}, mutation{"espace", x + " "},
			mutation{"chiffres", "123456789012345"}, mutation{"guillemet", `a'b"c\d`},
		)
	case json.Number:
		return append(types,
			mutation{"négatif", json.Number("-1")}, mutation{"zéro", json.Number("0")},
			mutation{"grand", json.Number("1000000")}, mutation{"décimal", json.Number("1.5")},
			mutation{"entier décimal", json.Number("2.0")}, mutation{"exposant", json.Number("1e2")},
			mutation{"énorme", json.Number("99999999999999999999")}, mutation{"moins zéro", json.Number("-0")},
			mutation{"an 2000", json.Number("2000")}, mutation{"exposant énorme", json.Number("1e400")},
		)
	case bool:
		return append(types, mutation{"inverse", !x})
	}
	return types
}

// get, set and edit address a generic JSON tree; set and edit return a deep
// copy of root with the value at path changed.
func get(v any, path []any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func set(root any, path []any, val any) any {
	return edit(root, path, func(any) any { return val })
}

func edit(root any, path []any, f func(any) any) any {
	c := deepCopy(root)
	if len(path) == 0 {
		return f(c)
	}
	parent := get(c, path[:len(path)-1])
	switch k := path[len(path)-1].(type) {
	case string:
		m := parent.(map[string]any)
		m[k] = f(m[k])
	case int:
		a := parent.([]any)
		a[k] = f(a[k])
	}
	return c
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = deepCopy(e)
		}
		return a
	}
	return v
}

// plainIntegers rewrites every number of a JSON document whose value is an
// integer (2.0, 1e2, -0.0, 25E-1 is not) as a plain integer, by decimal
// digit shifting on the literal (an oracle independent of the big.Rat
// arithmetic of the code under test). Integers of more than 30 digits are
// left as written, and so are the free values of freeMembers (kept byte
// for byte by both decoders).
func plainIntegers(t *testing.T, b []byte) []byte {
	t.Helper()
	var root any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&root))
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if !freeMembers[k] {
					x[k] = walk(e)
				}
			}
		case []any:
			for i, e := range x {
				x[i] = walk(e)
			}
		case json.Number:
			if p, ok := shiftInteger(string(x)); ok {
				return json.Number(p)
			}
		}
		return v
	}
	return marshal(t, walk(root))
}

// shiftInteger writes the JSON number literal s as a plain integer when its
// value is one: sign, integer digits, fraction digits and exponent are read
// apart, the decimal point moved by the exponent, and the digits past it
// must all be zeros.
func shiftInteger(s string) (string, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || e > 30 || e < -30 {
			return "", false
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	point := len(intPart) + exp // digits before the decimal point
	if point < 0 {
		point = 0
		digits = strings.Repeat("0", -(len(intPart)+exp)) + digits
	}
	for len(digits) < point {
		digits += "0"
	}
	if strings.Trim(digits[point:], "0") != "" {
		return "", false
	}
	whole := strings.TrimLeft(digits[:point], "0")
	if whole == "" {
		return "0", true
	}
	if len(whole) > 30 {
		return "", false
	}
	if neg {
		whole = "-" + whole
	}
	return whole, true
}

// TestShiftInteger: the oracle of plainIntegers, worked by hand.
func TestShiftInteger(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"35.0", "35", true}, {"1e2", "100", true}, {"-0.0", "0", true}, {"-0", "0", true},
		{"3.5e1", "35", true}, {"350e-1", "35", true}, {"2.5", "", false}, {"25E-1", "", false},
		{"-12.000", "-12", true}, {"0.5e1", "5", true}, {"7", "7", true}, {"1e-2", "", false},
		{"100000000000000000000", "100000000000000000000", true}, {"1e400", "", false},
	} {
		got, ok := shiftInteger(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}
