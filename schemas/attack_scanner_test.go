package schemas_test

import (
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// jsonStrings returns the spans [start, end) of the contents of the JSON
// strings of b (between the quotes) and whether each is a member name.
func jsonStrings(b []byte) (spans [][2]int, keys []bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(b) && b[j] != '"' {
			if b[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(b) {
			break
		}
		k := j + 1
		for k < len(b) && strings.IndexByte(" \t\r\n", b[k]) >= 0 {
			k++
		}
		spans = append(spans, [2]int{i + 1, j})
		keys = append(keys, k < len(b) && b[k] == ':')
		i = j
	}
	return spans, keys
}

// scannerPayloads are byte sequences judged by hand under RFC 8259 and
// RFC 3629 (bad: not a valid JSON string's text): overlong encodings
// (C0 80, C1 BF, E0 80 80, E0 9F BF, F0 80 80 80, F0 8F BF BF), surrogates
// encoded in UTF-8 (ED A0 80, ED BF BF), beyond U+10FFFF (F4 90 80 80,
// F5…), bytes that never occur (FF) or cannot start (80, BF), truncated
// sequences (E2 82, C3, F0 9F 98, followed by a quote or ASCII), raw
// controls (1F, 00; 7F is allowed), an unknown escape \x, lone surrogate
// escapes (\ud800, \udc00: socle refuses them as INPUT-UTF8-01); and the
// good ones next to them (U+D7FF, U+E000, U+FFFF, U+10FFFF, a pair, \u0061),
// with valid text around so that they fall anywhere in an 8-byte word.
// \u00 followed by the document's next bytes may or may not be an escape:
// not judged.
var scannerPayloads = []struct {
	p   string
	bad int // 1 bad, 0 good, -1 not judged
}{
	{"\xc0\x80", 1}, {"\xc1\xbf", 1}, {"\xe0\x80\x80", 1}, {"\xe0\x9f\xbf", 1}, {"\xf0\x80\x80\x80", 1},
	{"\xf0\x8f\xbf\xbf", 1}, {"\xed\xa0\x80", 1}, {"\xed\xbf\xbf", 1}, {"\xf4\x90\x80\x80", 1}, {"\xf5\x80\x80\x80", 1},
	{"\xff", 1}, {"\x80", 1}, {"\xbf", 1}, {"\xe2\x82", 1}, {"\xc3", 1}, {"\xf0\x9f\x98", 1}, {"\x1f", 1}, {"\x00", 1},
	{"\x7f", 0}, {`\u0061`, 0}, {`\ud800`, 1}, {`\udc00`, 1}, {`\ud83d\ude00`, 0}, {`\udc00\ud800`, 1}, {`\u00e9`, 0},
	{`\x`, 1}, {`\u00`, -1}, {"\xef\xbf\xbf", 0}, {"\xf0\x9f\x98\x80", 0}, {"\xed\x9f\xbf", 0}, {"\xee\x80\x80", 0},
	{"\xf4\x8f\xbf\xbf", 0}, {"éééééééé\xe2\x82", 1}, {"ééé\xed\xa0\x80ééé", 1}, {"aaaaaaa\xc3", 1},
	{"ééééééé\xc3\xa9\xa9", 1}, {"é\xc3(", 1}, {"\xe2\x28\xa1", 1}, {"ééééééééé", 0}, {"aaaaaaaé", 0},
}

// TestAttackScannerAgreesWithInterpreter splices each payload into the
// strings and member names of every kind's first example, at the start,
// the end and one to nine bytes in, and requires Validate (the compiled
// path and its word-wise scanner) to give the interpreter's verdict; and
// truncates each example inside its strings, where a sequence is cut at
// the end of the buffer.
func TestAttackScannerAgreesWithInterpreter(t *testing.T) {
	rng := rand.New(rand.NewPCG(3629, 8259))
	cases := 0
	emitted := map[string]spie.Fault{} // every code met, for the registry's check below
	for _, k := range schemas.Kinds() {
		docs := exampleDocs(t, k.Name)
		names := slices.Sorted(func(yield func(string) bool) {
			for n := range docs {
				if !strings.Contains(n, "/") && filepath.Ext(n) == ".json" && !yield(n) {
					return
				}
			}
		})
		if len(names) == 0 {
			continue
		}
		b := docs[names[0]]
		spans, keys := jsonStrings(b)
		// The decoded value is compared with encoding/json's where the
		// example itself decodes alike (not the carnet: its journal keeps
		// raw JSON, compacted by one reader and not the other).
		alike := decodesAlike(k, b)
		check := func(what string, d []byte) spie.Faults {
			cases++
			want := schemas.Interpret(k.Name, d, diffNow)
			got := schemas.Validate(k.Name, d, diffNow)
			assert.Equal(t, verdict(want), verdict(got), "%s %s %s: %q", k.Name, names[0], what, d)
			for _, f := range got {
				emitted[f.Code] = f
			}
			return got
		}
		hasInput := func(fs spie.Faults) bool {
			return slices.ContainsFunc(fs, func(f spie.Fault) bool { return strings.HasPrefix(f.Code, "INPUT-") })
		}
		// Five strings and five member names a kind, drawn with a fixed
		// seed (the interpreter is slow: about 5 ms a document).
		var values, members []int
		for si := range spans {
			if keys[si] {
				members = append(members, si)
			} else {
				values = append(values, si)
			}
		}
		rng.Shuffle(len(values), func(i, j int) { values[i], values[j] = values[j], values[i] })
		rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		chosen := slices.Concat(values[:min(5, len(values))], members[:min(5, len(members))])
		for _, si := range chosen {
			sp := spans[si]
			for _, p := range scannerPayloads {
				for _, off := range []int{0, sp[1] - sp[0], 1 + rng.IntN(9)} {
					if off > sp[1]-sp[0] {
						continue
					}
					at := sp[0] + off
					got := check("insère", slices.Concat(b[:at], []byte(p.p), b[at:]))
					// Inserted into valid text, a bad sequence stays bad
					// (or breaks the character it splits); a good one at
					// a string's start or end (never inside a character
					// or an escape) leaves the text valid.
					if p.bad == 1 {
						assert.True(t, hasInput(got), "%s: %q inséré à %d : accepté (%v)", k.Name, p.p, off, got)
					} else if p.bad == 0 && (off == 0 || off == sp[1]-sp[0]) {
						assert.False(t, hasInput(got), "%s: %q inséré à %d : refusé (%v)", k.Name, p.p, off, got)
						if alike && !keys[si] && schemaAccepts(got) { // the text read as encoding/json reads it
							assert.True(t, decodesAlike(k, slices.Concat(b[:at], []byte(p.p), b[at:])), "%s: %q inséré à %d : décodé autrement qu'encoding/json", k.Name, p.p, off)
						}
					}
				}
			}
		}
		// Member names changed so that they look like a schema's name.
		for _, si := range members[:min(12, len(members))] {
			sp := spans[si]
			if sp[1]-sp[0] < 2 {
				continue
			}
			name := string(b[sp[0]:sp[1]])
			if strings.ContainsRune(name, '\\') {
				continue
			}
			variants := []string{
				`\u00` + hex2(name[0]) + name[1:], name[:len(name)-1] + `\u00` + hex2(name[len(name)-1]),
				strings.ToUpper(name[:1]) + name[1:], name + "x", name[:len(name)-1], "é" + name, name + "\xc3",
				name + `\u0000`, `\/` + name, name[:1] + `\` + "\"" + name[1:], strings.ToUpper(name),
			}
			// The same name again, escaped or not, before the member: a
			// repeated key (RFC 8259 §4 compares names once unescaped;
			// socle refuses them: INPUT-DUPLICATE-01).
			q := sp[0] - 1
			for q > 0 && strings.IndexByte(" \t\r\n", b[q-1]) >= 0 {
				q--
			}
			for _, v := range append([]string{name}, variants[:2]...) {
				d := slices.Concat(b[:q], []byte(`"`+v+`":null,`), b[q:])
				got := check("répété "+v, d)
				assert.True(t, got.HasCode(schemas.FaultDuplicate.Code), "%s membre %s répété : %v", k.Name, v, got.Codes())
			}
			for i, v := range variants {
				d := slices.Concat(b[:sp[0]], []byte(v), b[sp[1]:])
				got := check("membre "+v, d)
				// The first two are the same name, escaped: the same
				// verdict and value as the document written plainly.
				if i < 2 {
					assert.Equal(t, verdict(schemas.Validate(k.Name, b, diffNow)), verdict(got), "%s membre %s", k.Name, v)
					if alike && schemaAccepts(got) {
						assert.True(t, decodesAlike(k, d), "%s membre %s : décodé autrement qu'encoding/json", k.Name, v)
					}
				}
			}
		}
		// The document cut inside its strings, and inside accented text
		// at each byte of 2-, 3- and 4-byte sequences: a JSON fault.
		for _, si := range chosen {
			sp := spans[si]
			for at := sp[0]; at <= sp[1] && at < sp[0]+10; at++ {
				assert.True(t, hasInput(check("coupé", b[:at])), "%s coupé à %d", k.Name, at)
			}
			d := slices.Concat(b[:sp[0]], []byte("ééééééé€😀ü"), b[sp[0]:])
			for at := sp[0]; at <= sp[0]+len("ééééééé€😀ü"); at++ {
				assert.True(t, hasInput(check("coupé", d[:at])), "%s coupé à %d", k.Name, at)
			}
		}
	}
	// Every fault met is of a type the host's registry (fault catalogue,
	// spie faults, LookupFaultType) knows, with its severity and an
	// English message; the examples' invalid documents add their codes.
	for _, k := range schemas.Kinds() {
		for _, d := range exampleDocs(t, k.Name) {
			for _, f := range schemas.Validate(k.Name, d, diffNow) {
				emitted[f.Code] = f
			}
		}
	}
	for code, f := range emitted {
		ft, ok := spie.LookupFaultType(code)
		if assert.True(t, ok, "%s émis mais absent du registre", code) {
			assert.Equal(t, ft.Severity, f.Severity, code)
			assert.NotEmpty(t, f.MessageEN, code)
			assert.False(t, ft.Retired, "%s émis mais retiré", code)
		}
	}
	t.Logf("%d documents, %d codes émis", cases, len(emitted))
}

// decodesAlike reports whether schemas.Decode and encoding/json give the
// same value for b (as sameDecoding, without rewriting the numbers: its
// plainIntegers compacts the carnet's journal, raw JSON).
func decodesAlike(k schemas.Kind, b []byte) bool {
	if k.Normalize != nil {
		b, _ = k.Normalize(b)
	}
	want, got := k.New(), k.New()
	if json.Unmarshal(b, want) != nil {
		return false
	}
	if _, ok := schemas.Decode(k.Name, b, got); !ok {
		return false
	}
	return reflect.DeepEqual(want, got)
}

func hex2(c byte) string {
	const h = "0123456789abcdef"
	return string([]byte{h[c>>4], h[c&15]})
}
