package schemas

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// nearMisses returns texts next to name c: every prefix, c with one more
// byte before or after it, c twice, and c with each byte replaced by its
// neighbours, its other case, a dash, an underscore, 0x00 and 0xff.
func nearMisses(c string) []string {
	var out []string
	for i := range len(c) {
		out = append(out, c[:i])
		for _, r := range []byte{c[i] - 1, c[i] + 1, c[i] ^ 0x20, '-', '_', 0, 0xff} {
			b := []byte(c)
			b[i] = r
			out = append(out, string(b))
		}
	}
	return append(out, c+"x", "x"+c, c+c, c+"\x00")
}

// structNodes returns the struct nodes of the plans of every kind, each
// once.
func structNodes(t testing.TB) []*node {
	t.Helper()
	seen := map[*node]bool{}
	var out []*node
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.kind == gStruct {
			out = append(out, n)
		}
		for _, p := range n.order {
			walk(p.n)
		}
		walk(n.additional)
		walk(n.items)
		walk(n.elem)
	}
	for _, k := range kinds {
		if plan, err := planOf(k); err == nil {
			walk(plan)
		}
	}
	return out
}

// checkPlainMember compares plainMember on the member name written as
// JSON text name (quotes included), from every starting property, with
// what it spares: the name read by scanner.key (the string, the colon and
// the spaces after it) and looked up in the map of the properties, taken
// when it is at or after the starting property in name order and written
// with no escape (an escaped name is memberRead's). When plainMember takes
// a name, it stops where key stops, or on the same fault.
func checkPlainMember(t *testing.T, n *node, name string) {
	for _, tail := range []string{`:1}`, ` : 1}`, `:`, `1`, ``} {
		data := []byte(name + tail)
		var want *prop
		escaped := false
		s := scanner{data: data, lim: Limits{}.orDefault()}
		if s.document(func() {
			want = n.props[string(s.str())]
			// an escape inside the name's string (not in what follows
			// its closing quote, such as `"si"\:`) makes it memberRead's
			escaped = bytes.IndexByte(data[:s.pos], '\\') >= 0
			panic(inputAbort{})
		}).Code != "" {
			want = nil // not a string: plainMember takes nothing
		}
		k := scanner{data: data, lim: Limits{}.orDefault()}
		keyFault := k.document(func() { k.key(); panic(inputAbort{}) })
		for from := 0; from <= len(n.order); from++ {
			d := decoder{scanner: scanner{data: data, lim: Limits{}.orDefault()}}
			var got *prop
			f := d.document(func() { got = d.plainMember(n, from); panic(inputAbort{}) })
			w := want
			if w != nil && (w.bit < from || escaped) {
				w = nil
			}
			switch {
			case w == nil:
				if got != nil || f.Code != "" || d.pos != 0 {
					t.Fatalf("plainMember(%s, %d) = %v, %v, octet %d ; la table des propriétés ne dit rien", data, from, got, f, d.pos)
				}
			case keyFault.Code != "":
				if f.Code != keyFault.Code || f.Message != keyFault.Message {
					t.Fatalf("plainMember(%s, %d) : %v ; key dit %v", data, from, f, keyFault)
				}
			case got != w || f.Code != "" || d.pos != k.pos:
				t.Fatalf("plainMember(%s, %d) = %v, %v, octet %d ; la table des propriétés dit %v, key s'arrête à l'octet %d", data, from, got, f, d.pos, w, k.pos)
			}
		}
	}
}

// TestPlainMemberMatchesProps checks plainMember against the properties'
// map on every member name of every struct of the plans and on names near
// each (nearMisses), written plainly and with an escape.
func TestPlainMemberMatchesProps(t *testing.T) {
	nodes := structNodes(t)
	names := 0
	for _, n := range nodes {
		for _, p := range n.order {
			names++
			for _, s := range append(nearMisses(p.name), p.name) {
				if !utf8.ValidString(s) || strings.ContainsAny(s, "\"\\\x00\xff") {
					continue
				}
				checkPlainMember(t, n, `"`+s+`"`)
			}
			if p.name != "" {
				checkPlainMember(t, n, `"\u00`+strconv.FormatInt(int64(p.name[0]), 16)+p.name[1:]+`"`)
			}
		}
	}
	if names < 100 {
		t.Fatalf("%d noms de membres seulement", names)
	}
}

// FuzzPlainMember checks plainMember against the properties' map on any
// name, for every struct of the plans.
func FuzzPlainMember(f *testing.F) {
	// `"si"\` is a name without escape followed by a backslash where the
	// colon should be (found by CI's fuzzing: the harness took it for an
	// escaped name).
	for _, s := range []string{`"si"\`, `"impact"`, `"situations"`, `"commentaire_professionnel"`, `"x"`, `""`, `"vue_personne`} {
		f.Add([]byte(s))
	}
	nodes := structNodes(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 || b[0] != '"' {
			return
		}
		for _, n := range nodes {
			checkPlainMember(t, n, string(b))
		}
	})
}
