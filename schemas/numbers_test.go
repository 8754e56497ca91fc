package schemas_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// rewriteIntegers returns a copy of the generic tree with every plain
// integer literal rewritten by form: "fraction" writes 35 as 35.0,
// "exponent" as 35e0, "shifted" as 3.5e1 (7 as 70e-1),
// and every form writes 0 as -0.0. JSON Schema 2020-12 §6.1.1 counts them
// all as the integer 35 (or 0); so do ajv and the published schemas.
// shape renders faults as sorted "code path severity" lines: a range fault
// quotes the number as written (70e0), the rest must not move.
func shape(fs spie.Faults) string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.Code + " " + f.Path + " " + string(f.Severity)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// freeMembers hold any JSON value, not integer fields: the carnet journal's
// "avant" and "apres" (no type in carnet.json) are kept byte for byte and
// hashed into "empreinte", so their numbers are left as written.
var freeMembers = map[string]bool{"avant": true, "apres": true}

func rewriteIntegers(v any, form string) (any, int) {
	n := 0
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, e := range x {
				if freeMembers[k] {
					out[k] = e
					continue
				}
				out[k] = walk(e)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = walk(e)
			}
			return out
		case json.Number:
			s := string(x)
			if strings.ContainsAny(s, ".eE") {
				return x
			}
			n++
			if s == "0" || s == "-0" {
				return json.Number("-0.0")
			}
			switch form {
			case "fraction":
				return json.Number(s + ".0")
			case "exponent":
				return json.Number(s + "e0")
			default:
				neg := strings.HasPrefix(s, "-")
				d := strings.TrimPrefix(s, "-")
				lit := d + "0e-1" // 7 as 70e-1
				if len(d) > 1 {
					lit = d[:1] + "." + d[1:] + "e" + strconv.Itoa(len(d)-1) // 35 as 3.5e1
				}
				if neg {
					lit = "-" + lit
				}
				return json.Number(lit)
			}
		}
		return v
	}
	return walk(v), n
}

// extraDocs are documents kept outside examples/ that hold integer fields
// no example has (the charter's durations and shares).
var extraDocs = map[string][]string{"charte-label": {"../spie/label/charte-defaut.json"}}

// TestIntegersWrittenAsDecimals: for every kind, every example document
// (valid and invalid) gives exactly the same faults, and decodes to the same
// Go value, when all its integers are written 35.0, 35e0 or 3.5e1 and its
// zeros -0.0, on both paths of Validate.
func TestIntegersWrittenAsDecimals(t *testing.T) {
	covered := 0
	for _, k := range schemas.Kinds() {
		docs := exampleDocs(t, k.Name)
		for _, f := range extraDocs[k.Name] {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			docs[f] = b
		}
		names := make([]string, 0, len(docs))
		for n := range docs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			var root any
			dec := json.NewDecoder(bytes.NewReader(docs[name]))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&root))
			orig := marshal(t, root)
			want := shape(schemas.Validate(k.Name, orig, diffNow))
			for _, form := range []string{"fraction", "exponent", "shifted"} {
				r, n := rewriteIntegers(root, form)
				if n == 0 {
					continue
				}
				covered += n
				b := marshal(t, r)
				assert.Equal(t, want, shape(schemas.Validate(k.Name, b, diffNow)), "%s %s (%s)", k.Name, name, form)
				assert.Equal(t, want, shape(schemas.Interpret(k.Name, b, diffNow)), "%s %s (%s), interpréteur", k.Name, name, form)
				wantDoc, gotDoc := k.New(), k.New()
				_, ok1 := schemas.Decode(k.Name, orig, wantDoc)
				_, ok2 := schemas.Decode(k.Name, b, gotDoc)
				if assert.Equal(t, ok1, ok2, "%s %s (%s)", k.Name, name, form) && ok1 {
					assert.True(t, reflect.DeepEqual(wantDoc, gotDoc), "%s %s (%s) : décodage différent", k.Name, name, form)
				}
			}
		}
	}
	assert.Greater(t, covered, 100, "trop peu d'entiers dans les exemples")
}

// serviceLine returns the first service of the example catalogue.
func serviceLine(t *testing.T) map[string]any {
	t.Helper()
	f, err := os.Open("../examples/offer/services-aisne.ndjson")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	require.True(t, sc.Scan())
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&m))
	return m
}

// TestNumbersBeyondGo: integers the schema accepts (no maximum) but a Go
// field cannot hold, and integers the schema refuses, each at the field's
// path, in French, never encoding/json's text. nombre_semaines is an int of
// data·inclusion's model, unbounded (a Python int; pydantic-core reads up
// to 4,300 digits): socle holds it in offer.Integer, whatever its size when
// written with digits only, within int64 when written with an exponent
// (pydantic: int_parsing_size beyond). Expected bounds: int64's (±2^63,
// 9223372036854775807 worked from 2^63 − 1), offer.MaxIntegerDigits, and
// the schema's minimum 1 of nombre_semaines (service.json). Numbers of more
// than 100 characters pass socle's own input limit (MaxNumberLen) only when
// it is raised, as here.
func TestNumbersBeyondGo(t *testing.T) {
	long := schemas.WithLimits(schemas.Limits{MaxNumberLen: 5000})
	for _, tc := range []struct {
		name, lit string
		code, msg string
	}{
		{"exposant énorme", "1e30", "INPUT-NUMBER-02",
			"nombre hors de la plage que socle sait traiter : entre -9223372036854775808 et 9223372036854775807 attendu, 1e30 reçu"},
		{"exposant juste au-delà", "9223372036854775808.0", "INPUT-NUMBER-02",
			"nombre hors de la plage que socle sait traiter : entre -9223372036854775808 et 9223372036854775807 attendu, 9223372036854775808.0 reçu"},
		{"4 301 chiffres", strings.Repeat("9", 4301), "INPUT-NUMBER-02",
			"nombre hors de la plage que socle sait traiter : entre -(10^4300 − 1) et 10^4300 − 1 attendu, " + strings.Repeat("9", 4301) + " reçu"},
		{"décimal", "35.5", "SCHEMA-TYPE-01", "type de valeur incorrect : nombre entier ou null attendu, nombre reçu"},
		{"décimal en exposant", "3.55e1", "SCHEMA-TYPE-01", "type de valeur incorrect : nombre entier ou null attendu, nombre reçu"},
		{"zéro", "-0.0", "SCHEMA-RANGE-01", "valeur hors des bornes : ≥ 1 attendu, -0.0 reçu"},
		{"-10^30", "-1" + strings.Repeat("0", 30), "SCHEMA-RANGE-01", "valeur hors des bornes : ≥ 1 attendu, -1" + strings.Repeat("0", 30) + " reçu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := serviceLine(t)
			m["nombre_semaines"] = json.Number(tc.lit)
			b := marshal(t, m)
			for path, fs := range map[string]interface{ Error() string }{
				"Validate": schemas.Validate("service", b, diffNow, long), "Interpret": schemas.Interpret("service", b, diffNow, long),
			} {
				got := fs.(interface{ Error() string }).Error()
				assert.Contains(t, got, "/nombre_semaines : "+tc.code+" : "+tc.msg, path)
				assert.NotContains(t, got, "json", path)
				if strings.HasPrefix(tc.code, "SCHEMA-") {
					// A value in range that is not an integer is a type
					// fault only, never a range fault (issue 12 item 6).
					assert.NotContains(t, got, "INPUT-NUMBER-02", path)
				}
			}
		})
	}
	// Accepted, and kept digit for digit through the decoding and the
	// re-encoding. Worked by hand: 2^63 = 9223372036854775808; 2^64 + 1 =
	// 4294967296² + 1 = 18446744073709551617; 10^20 and 10^30 written out;
	// 4,300 nines, the longest pydantic-core reads.
	for _, tc := range []struct{ lit, want string }{
		{"35.0", "35"}, {"1e17", "100000000000000000"}, {"9223372036854775807", "9223372036854775807"},
		{"9223372036854775808", "9223372036854775808"}, {"18446744073709551617", "18446744073709551617"},
		{"100000000000000000000", "100000000000000000000"}, {"12345678901234567890", "12345678901234567890"},
		{"1" + strings.Repeat("0", 30), "1" + strings.Repeat("0", 30)},
		{strings.Repeat("9", 4300), strings.Repeat("9", 4300)},
	} {
		m := serviceLine(t)
		m["nombre_semaines"] = json.Number(tc.lit)
		b := marshal(t, m)
		assert.True(t, schemas.Validate("service", b, diffNow, long).Valid(), tc.lit)
		assert.True(t, schemas.Interpret("service", b, diffNow, long).Valid(), tc.lit)
		var s offer.Service
		fs, ok := schemas.Decode("service", b, &s, long)
		require.True(t, ok, "%s : %v", tc.lit, fs)
		require.NotNil(t, s.NombreSemaines, tc.lit)
		assert.Equal(t, tc.want, s.NombreSemaines.String(), tc.lit)
		out, err := json.Marshal(&s)
		require.NoError(t, err)
		var back map[string]any
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&back))
		assert.Equal(t, json.Number(tc.want), back["nombre_semaines"], tc.lit)
	}
}
