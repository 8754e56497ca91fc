package offer

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Duplicate is a pair of services that look like the same offer: same SIRET
// (of their structures), same commune and close names. Duplicates are
// reported, never merged.
type Duplicate struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Similarity float64 `json:"similarite"`
	// CrossSource tells whether the two come from different sources.
	CrossSource bool   `json:"inter_sources"`
	Siret       string `json:"siret"`
	Commune     string `json:"code_insee"`
}

// MinNameSimilarity is the name similarity (Dice coefficient of character
// bigrams of the normalised names) from which two services are duplicates.
const MinNameSimilarity = 0.75

// Duplicates returns the likely duplicates of the catalogue, ordered by
// identifiers. Services whose structure or SIRET or commune is unknown are
// never reported.
func (c *Catalogue) Duplicates() []Duplicate {
	type key struct{ siret, commune string }
	groups := map[key][]int32{}
	for i, s := range c.services {
		st, ok := c.structures[s.StructureID]
		if !ok || st.Siret == nil || s.CodeInsee == nil {
			continue
		}
		k := key{*st.Siret, *s.CodeInsee}
		groups[k] = append(groups[k], int32(i))
	}
	var out []Duplicate
	for k, ids := range groups {
		if len(ids) < 2 {
			continue
		}
		norms := make([]map[string]int, len(ids))
		for i, id := range ids {
			norms[i] = bigrams(normalizeName(c.services[id].Nom))
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				sim := dice(norms[i], norms[j])
				if sim < MinNameSimilarity {
					continue
				}
				a, b := c.services[ids[i]], c.services[ids[j]]
				if a.ID > b.ID {
					a, b = b, a
				}
				out = append(out, Duplicate{A: a.ID, B: b.ID, Similarity: float64(int(sim*100)) / 100,
					CrossSource: a.Source != b.Source, Siret: k.siret, Commune: k.commune})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// stripMarks holds transformers that remove accents. A chained
// transformer holds buffers (two of 4 KiB) that each use writes: never one
// value shared by goroutines at once (Duplicates may run on several), and
// not one built per name either — each use takes one from the pool
// (transform.String resets it).
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// normalizeName lowercases, removes accents and punctuation.
func normalizeName(s string) string {
	sm := stripMarks.Get().(transform.Transformer)
	t, _, err := transform.String(sm, s)
	stripMarks.Put(sm)
	if err != nil {
		t = s
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(t) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

func bigrams(s string) map[string]int {
	out := map[string]int{}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])]++
	}
	return out
}

// dice is the Sørensen–Dice coefficient of two bigram multisets.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for k, v := range a {
		na += v
		common += min(v, b[k])
	}
	for _, v := range b {
		nb += v
	}
	if na+nb == 0 {
		return 1
	}
	return 2 * float64(common) / float64(na+nb)
}
