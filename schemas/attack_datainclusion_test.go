package schemas_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/offer/offertest"
)

// escapeAll writes s as a JSON string whose every character is a \uXXXX
// escape (a surrogate pair beyond U+FFFF), as RFC 8259 §7 allows: the
// reader, not the text, must give the characters back.
func escapeAll(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		for _, u := range utf16.Encode([]rune{r}) {
			fmt.Fprintf(&b, `\u%04x`, u)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestAttackDataInclusionFields puts, in a valid structure, codes written
// with digits of other scripts and versions (Unicode 16 Garay, Gurung
// Khema, outlined digits; fullwidth, Arabic-Indic, mathematical digits,
// superscripts) and with white space, and e-mail addresses and links of
// this session's attack corpora, each written plainly and escaped
// character by character; verdict and stored value must be the models'.
func TestAttackDataInclusionFields(t *testing.T) {
	if testing.Short() {
		t.Skip("comparaison aux modèles data·inclusion ignorée en mode -short")
	}
	py, models := reftest.DataInclusionModels(t)
	base := toObject(offertest.ValidStructure())
	codes := []string{"75001", "75001\n", " 75001", "75001 ", "\u00a075001", "７５００１", "٧٥٠٠١", "7500١", "𝟕5001", "75²01",
		"7500\U00016130", "\U00016131\U00016132\U00016133\U00016134\U00016135", "7500\U0001CCF0", "7500\U00010D40", "7500\U0001E5F1",
		"750O1", "7500l", "2A004", "2a004", "7500\u0661", "750\u200b01", "75001\u0000"}
	var docs []diDoc
	for _, field := range []struct {
		name string
		n    int
	}{{"code_postal", 5}, {"code_insee", 5}, {"siret", 14}} {
		for _, c := range codes {
			v := c
			if field.n == 14 {
				v = "130030133" + c
			}
			docs = append(docs, diDoc{"structure", field.name + " " + v, base.with(field.name, js(v)).text()},
				diDoc{"structure", field.name + " échappé " + v, base.with(field.name, escapeAll(v)).text()})
		}
	}
	rng := rand.New(rand.NewPCG(2142, 5321))
	emails := []string{"Info@Exemple.FR", "a@ÉVRY.fr", "Jean <a@b.fr>", " a@b.fr\u3000", "\U0001F600@exemple.fr", "a@ß.de", "a@exemple.ｆｒ"}
	for range 150 {
		emails = append(emails, []string{"a", "info", "é", "e\u0301", "\u212b", "ǅ"}[rng.IntN(6)]+"@"+
			[]string{"exemple.fr", "ÉVRY.fr", "ẞ.de", "exemple\u3002fr", "ex\u00adample.fr", "l·l.cat", "a·b.cat", "x.\u0661", "ｅｘ.fr", "ⓔx.fr"}[rng.IntN(10)])
	}
	for _, e := range emails {
		docs = append(docs, diDoc{"structure", "courriel " + e, base.with("courriel", js(e)).text()},
			diDoc{"structure", "courriel échappé " + e, base.with("courriel", escapeAll(e)).text()})
	}
	for _, u := range []string{"https://exemple.fr", "https://ex\u00adample.fr/a", "https://ÉVRY.fr/é", "http://xn--bcher-kva.fr", "https://ⓔx.fr",
		"https://exemple.fr\u3002", "https://1.2.3.4\u3002", "http://0x7f.1", "https://\ufdfa.fr", "https://a.b/c d", "https://a.b/%zz", "https://[::1]:443/"} {
		docs = append(docs, diDoc{"structure", "site_web " + u, base.with("site_web", js(u)).text()},
			diDoc{"structure", "site_web échappé " + u, base.with("site_web", escapeAll(u)).text()})
	}
	model := modelVerdicts(t, py, models, docs)
	valid := 0
	for i, d := range docs {
		ours := socleVerdict(d)
		assert.True(t, sameVerdict(ours, model[i]), "%s : modèle %s, socle %s", d.name, model[i], ours)
		if model[i].Valid {
			valid++
			assert.Empty(t, storedDiff(d, model[i].Stored), "%s : valeur enregistrée", d.name)
		}
	}
	t.Logf("%d documents, %d valides selon les modèles", len(docs), valid)
}
