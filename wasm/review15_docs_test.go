//go:build !js

package wasm_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// topLevel is the start of a top-level declaration of spie-embed.d.ts.
var topLevel = regexp.MustCompile(`^(export |declare )`)

// TestReview15DocsWellFormedHole: what a new partner reads first must
// parse. spie-embed.d.ts: every comment closes, every brace closes and each
// top-level declaration starts outside any other. The README: no heading
// of its widget sections falls inside a code block. Before the fix, a merge
// had left SpiePrescriptionProposal unclosed with the next comment's opening
// lost, and the indicateurs section inside the offre example's code block.
func TestReview15DocsWellFormedHole(t *testing.T) {
	b, err := os.ReadFile("assets/spie-embed.d.ts")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch {
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				t.Fatalf("spie-embed.d.ts:%d : commentaire jamais fermé", line)
			}
			line += strings.Count(src[i:i+2+end+2], "\n")
			i += 2 + end + 1
		case strings.HasPrefix(src[i:], "//"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			i += end - 1
		case src[i] == '\n':
			line++
			if depth > 0 && topLevel.MatchString(src[i+1:]) {
				t.Errorf("spie-embed.d.ts:%d : déclaration de premier niveau à l'intérieur d'une autre (profondeur %d)", line, depth)
			}
			if depth == 0 && i+2 < len(src) && src[i+1] == ' ' && src[i+2] == '*' {
				t.Errorf("spie-embed.d.ts:%d : ligne de commentaire hors de tout commentaire", line)
			}
		case src[i] == '{':
			depth++
		case src[i] == '}':
			depth--
			if depth < 0 {
				t.Fatalf("spie-embed.d.ts:%d : accolade fermante en trop", line)
			}
		}
	}
	if depth != 0 {
		t.Errorf("spie-embed.d.ts : %d accolade(s) jamais fermée(s)", depth)
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for n, l := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(l, "```") {
			in = !in
			continue
		}
		if in && strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "#!") {
			t.Errorf("README.md:%d : titre « %s » dans un bloc de code", n+1, l)
		}
	}
	if in {
		t.Error("README.md : bloc de code jamais fermé")
	}
}
