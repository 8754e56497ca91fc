package conformance_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// randomText assembles a string from pieces that stress e-mail, URL and
// code validation.
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range 1 + r.IntN(n) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// On random values of the formatted fields, our verdict is never more
// lenient than the official schema's, and stricter only by the pydantic
// rules.
func TestConformanceRandomValues(t *testing.T) {
	official := officialSchema(t, "service")
	r := rand.New(rand.NewPCG(12, 34))
	emailPieces := []string{"a", "Z", "0", ".", "@", "-", "_", "+", "exemple", ".fr", " ", "é", "\"", "[", "]", "..", strings.Repeat("b", 30), "(", ")", ",", "<", ">"}
	urlPieces := []string{"http", "https", "ftp", ":", "//", "/", "exemple", ".fr", "?", "#", "a=b", " ", "é", "%", "%2F", "[", "]", ":8080", "@", "..", "\\", "mailto:"}
	codePieces := []string{"0", "2", "9", "A", "B", "a", "_", "-", " ", "é", "france", "99", "1"}
	var v verdicts
	for i := range 400 {
		d := baseService()
		switch i % 4 {
		case 0:
			d["courriel"] = randomText(r, emailPieces, 8)
		case 1:
			d["lien_mobilisation"] = randomText(r, urlPieces, 8)
		case 2:
			d["zone_eligibilite"] = []any{randomText(r, codePieces, 6)}
		default:
			d["code_insee"] = randomText(r, codePieces, 4)
			d["code_postal"] = randomText(r, codePieces, 4)
		}
		conform(t, official, "service", "aléatoire", d, &v)
	}
	assert.Equal(t, 400, v.docs)
	t.Logf("%d documents aléatoires, %d verdicts identiques, %d plus stricts par les règles pydantic", v.docs, v.agree, v.explained)
}
