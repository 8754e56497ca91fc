package frtext_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/spie"
)

// TestProblems: messages written by hand, French ones clean (French words
// that look English: a, an, but, or, range, maximum…), English fragments and
// library texts caught, quoted values (the person's own words) ignored.
func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want []string
	}{
		{"valeur hors des bornes : ≤ 48 attendu, 70 reçu", nil},
		{"il a un an de plus, mais le but est à portée ; or il range le maximum et le minimum", nil},
		{"champ inconnu « unknown field » et valeur \"must be valid\"", nil},
		{"service data·inclusion publié en open data, JSON Schema, UTF-8, France Travail", nil},
		{"valeur hors des bornes : must be <= 48 but found 70", []string{"be", "found", "must"}},
		{"Expected integer, got string", []string{"expected", "got", "integer", "string"}},
		{"carnet illisible : json: cannot unmarshal number into Go struct field Carnet.id of type string",
			[]string{"Go struct field", "cannot", "cannot unmarshal", "field", "into", "json:", "number", "of", "string", "unmarshal"}},
		{"ligne trop longue : bufio.Scanner: token too long", []string{"bufio.Scanner", "token too long", "too"}},
		{"valeur %!d(string=x)", []string{"%!", "string"}},
		{"the field is required", []string{"field", "is", "required", "the"}},
		{"JSON illisible : données après la fin du document", nil},
		{"erreur /3/input [INPUT-JSON-01] : testdata/input-diagnostic.json, examples/invalid/x.json invalide", nil},
		{"input invalid", []string{"input", "invalid"}},
		{"l'objet n'est pas valide ; l'entrée doesn't match", []string{"doesn't"}},
	} {
		assert.Equal(t, tc.want, frtext.Problems(tc.msg), tc.msg)
	}
}

type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestAssertFaults(t *testing.T) {
	fr := spie.NewFaultType("TEST-FRTEXT-01", spie.SeverityError, "valeur %s reçue", "value %s received")
	en := spie.NewFaultType("TEST-FRTEXT-02", spie.SeverityError, "value %s found", "json: %s")
	var r recorder
	frtext.AssertFaults(&r, "essai", spie.Faults{fr.At("/a", "x"), en.At("/b", "y")})
	assert.Len(t, r.errs, 1)
	assert.Contains(t, r.errs[0], "TEST-FRTEXT-02 /b : found, value, (en) json:")
	r = recorder{}
	frtext.Assert(&r, "essai", "champ obligatoire manquant")
	assert.Empty(t, r.errs)
}
