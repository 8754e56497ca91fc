package schemas_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/spie-fr/socle/schemas"
)

// oddDocs are the documents a Go user may hand Validate by mistake or on
// purpose (review of issue 17, generated decoders): deep nesting, huge
// arrays, every example of every other kind, and from one example of the
// kind each top-level member (and each member one level down) replaced by
// null, a value of every JSON type, numbers at and past the bounds of int64
// and float64, a lone surrogate; each member repeated at the end, its key
// written with \u escapes, and both.
func oddDocs(t *testing.T, kind string) map[string][]byte {
	out := map[string][]byte{}
	ex := exampleDocs(t, kind)
	// The first example by name, a valid one of the kind's own if any: the
	// same base on every run (a map's order is random).
	names := slices.Sorted(maps.Keys(ex))
	var base []byte
	for _, n := range names {
		if !strings.HasPrefix(n, "invalid/") && !strings.Contains(n, "/") {
			base = ex[n]
			break
		}
	}
	if base == nil && len(names) > 0 {
		base = ex[names[0]]
	}
	out["deep"] = []byte(strings.Repeat("[", 5000) + strings.Repeat("]", 5000))
	out["deepobj"] = []byte(strings.Repeat(`{"a":`, 3000) + "1" + strings.Repeat("}", 3000))
	out["null"] = []byte("null")
	out["arr"] = []byte("[]")
	out["num"] = []byte("1e400")
	out["str"] = []byte(`"x"`)
	out["empty"] = []byte(`{}`)
	out["bigarr"] = []byte("[" + strings.Repeat("1,", 50000) + "1]")
	for _, other := range schemas.Kinds() {
		for n, b := range exampleDocs(t, other.Name) {
			out["other:"+other.Name+":"+n] = b
		}
	}
	if base == nil {
		return out
	}
	var root map[string]any
	if json.Unmarshal(base, &root) != nil {
		return out
	}
	// every member: null, wrong types, bounds, repeated, escaped key
	for k, v := range root {
		for i, rep := range []string{"null", `"x"`, "1", "-1", "0", "1.5", "1e308", "-1e308", "9007199254740993", "18446744073709551616", "-9223372036854775809", "[]", "{}", "true", `[null]`, `{"":null}`, `"\u0000"`, `"\ud800"`} {
			m := map[string]json.RawMessage{}
			json.Unmarshal(base, &m)
			m[k] = json.RawMessage(rep)
			b, _ := json.Marshal(m)
			out[fmt.Sprintf("%s=%d", k, i)] = b
		}
		vb, _ := json.Marshal(v)
		trimmed := strings.TrimSuffix(strings.TrimSpace(string(base)), "}")
		out["dup:"+k] = []byte(trimmed + `,"` + k + `":` + string(vb) + "}")
		esc := ""
		for _, r := range k {
			esc += fmt.Sprintf(`\u%04x`, r)
		}
		out["esc:"+k] = []byte(strings.Replace(string(base), `"`+k+`"`, `"`+esc+`"`, 1))
		out["escdup:"+k] = []byte(trimmed + `,"` + esc + `":` + string(vb) + "}")
		// nested: recurse one level into objects / arrays
		if sub, ok := v.(map[string]any); ok {
			for sk := range sub {
				for i, rep := range []any{nil, "x", 1, 1e308, []any{}, map[string]any{}, true, -1} {
					var r2 map[string]any
					json.Unmarshal(base, &r2)
					r2[k].(map[string]any)[sk] = rep
					b, _ := json.Marshal(r2)
					out[fmt.Sprintf("%s.%s=%d", k, sk, i)] = b
				}
			}
		}
		if arr, ok := v.([]any); ok && len(arr) > 0 {
			for i, rep := range []any{nil, "x", 1, []any{}, map[string]any{}} {
				var r2 map[string]any
				json.Unmarshal(base, &r2)
				r2[k] = []any{rep}
				b, _ := json.Marshal(r2)
				out[fmt.Sprintf("%s[]=%d", k, i)] = b
			}
			var r2 map[string]any
			json.Unmarshal(base, &r2)
			big := make([]any, 5000)
			for j := range big {
				big[j] = arr[0]
			}
			r2[k] = big
			b, _ := json.Marshal(r2)
			out[k+"[big]"] = b
			if o, ok := arr[0].(map[string]any); ok {
				for sk := range o {
					for i, rep := range []any{nil, "x", 1, 1e308, []any{}, map[string]any{}, true, -1, 0.5} {
						var r2 map[string]any
						json.Unmarshal(base, &r2)
						r2[k].([]any)[0].(map[string]any)[sk] = rep
						b, _ := json.Marshal(r2)
						out[fmt.Sprintf("%s[0].%s=%d", k, sk, i)] = b
					}
				}
			}
		}
	}
	return out
}

// The verdict on odd documents is the interpreter's (schemas.Interpret, the
// oracle): codes, paths, severities and messages; nothing panics. No
// difference was found by the review of issue 17; the test keeps it so.
func TestValidateMatchesInterpreterOnOddDocuments(t *testing.T) {
	for _, k := range schemas.Kinds() {
		docs := oddDocs(t, k.Name)
		n, bad := 0, 0
		for name, b := range docs {
			n++
			want := verdict(schemas.Interpret(k.Name, b, diffNow))
			got := verdict(schemas.Validate(k.Name, b, diffNow))
			if want != got {
				bad++
				if bad < 4 {
					t.Errorf("%s/%s: %.300s\ninterp:\n%.1500s\nvalidate:\n%.1500s", k.Name, name, b, want, got)
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s : %d documents sur %d diffèrent", k.Name, bad, n)
		}
	}
}

// Validate is safe for concurrent use: every example of every kind
// validated at once (run with -race).
func TestValidateConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for _, k := range schemas.Kinds() {
		docs := exampleDocs(t, k.Name)
		for _, b := range docs {
			wg.Add(1)
			go func(k string, b []byte) {
				defer wg.Done()
				for i := 0; i < 3; i++ {
					schemas.Validate(k, b, diffNow)
				}
			}(k.Name, b)
		}
	}
	wg.Wait()
}
