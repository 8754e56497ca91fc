package schemas_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// TestHostileInput checks that hostile documents are refused with the same
// INPUT- fault, at the same path, by CheckInput, the schema path and the
// fast path — never a crash, never an out-of-memory.
func TestHostileInput(t *testing.T) {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	deepObj := strings.Repeat(`{"a":`, 10_000) + "1" + strings.Repeat("}", 10_000)
	var many strings.Builder
	many.WriteString(`{"personne":{`)
	for i := range 20_000 {
		fmt.Fprintf(&many, `"k%d":1,`, i)
	}
	many.WriteString(`"k0":2}}`)
	tests := []struct {
		name   string
		doc    string
		limits schemas.Limits
		code   string
		path   string
	}{
		{"document vide", ``, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"blancs seulement", " \n\t ", schemas.Limits{}, "INPUT-JSON-01", ""},
		{"BOM UTF-8", "\xEF\xBB\xBF{}", schemas.Limits{}, "INPUT-BOM-01", ""},
		{"UTF-8 invalide", "{\"id\":\"a\xffb\"}", schemas.Limits{}, "INPUT-UTF8-01", "/id"},
		{"UTF-8 tronqué dans une clé", "{\"personne\":{\"\xc3\":1}}", schemas.Limits{}, "INPUT-UTF8-01", "/personne"},
		{"surrogate encodée en UTF-8", "{\"id\":\"\xed\xa0\x80\"}", schemas.Limits{}, "INPUT-UTF8-01", "/id"},
		{"surrogate isolée", `{"id":"\ud800"}`, schemas.Limits{}, "INPUT-UTF8-01", "/id"},
		{"surrogate basse seule", `{"id":"\udc00x"}`, schemas.Limits{}, "INPUT-UTF8-01", "/id"},
		{"clé répétée", `{"id":"a","id":"b"}`, schemas.Limits{}, "INPUT-DUPLICATE-01", "/id"},
		{"clé répétée imbriquée", `{"personne":{"id":"a","id":"a"}}`, schemas.Limits{}, "INPUT-DUPLICATE-01", "/personne/id"},
		{"clé répétée dans une map", `{"freins":{"logement":{},"logement":{}}}`, schemas.Limits{}, "INPUT-DUPLICATE-01", "/freins/logement"},
		{"clé répétée dans un champ inconnu", `{"x":{"a/b":1,"a/b":2}}`, schemas.Limits{}, "INPUT-DUPLICATE-01", "/x/a~1b"},
		{"clé répétée après 20 000 clés inconnues", many.String(), schemas.Limits{}, "INPUT-DUPLICATE-01", "/personne/k0"},
		{"clé répétée après échappement", `{"id":"a","\u0069d":"b"}`, schemas.Limits{}, "INPUT-DUPLICATE-01", "/id"},
		{"exposant démesuré", `{"criteres_publics":{"mois_inscription_demandeur_emploi":1e999999999}}`, schemas.Limits{}, "INPUT-NUMBER-01", "/criteres_publics/mois_inscription_demandeur_emploi"},
		{"exposant négatif démesuré", `{"x":-1E-999999999}`, schemas.Limits{}, "INPUT-NUMBER-01", "/x"},
		{"nombre de 200 chiffres", `{"x":` + strings.Repeat("9", 200) + `}`, schemas.Limits{}, "INPUT-NUMBER-01", "/x"},
		{"NaN", `{"x":NaN}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"Infinity", `{"x":Infinity}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"-Infinity", `{"x":-Infinity}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"zéro initial", `{"x":01}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"virgule finale", `{"x":1,}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"apostrophes", `{'x':1}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"caractère de contrôle", "{\"id\":\"a\nb\"}", schemas.Limits{}, "INPUT-JSON-01", ""},
		{"échappement inconnu", `{"id":"a\qb"}`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"texte non terminé", `{"id":"abc`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"document tronqué", `{"id":`, schemas.Limits{}, "INPUT-JSON-01", ""},
		{"listes imbriquées à 100 000 niveaux", deep, schemas.Limits{}, "INPUT-DEPTH-01", "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"},
		{"objets imbriqués à 10 000 niveaux", deepObj, schemas.Limits{MaxDepth: 3}, "INPUT-DEPTH-01", "/a/a/a"},
		{"données après le document", `{} {}`, schemas.Limits{}, "INPUT-JSON-02", ""},
		{"accolade en trop", `{}}`, schemas.Limits{}, "INPUT-JSON-02", ""},
		{"document trop grand", `{"id":"` + strings.Repeat("x", 200) + `"}`, schemas.Limits{MaxBytes: 100}, "INPUT-SIZE-01", ""},
		{"liste trop longue", `{"auteurs":[{},{},{}]}`, schemas.Limits{MaxArrayLen: 2}, "INPUT-ARRAY-01", "/auteurs"},
		{"texte trop long", `{"id":"` + strings.Repeat("é", 20) + `"}`, schemas.Limits{MaxStringLen: 10}, "INPUT-STRING-01", "/id"},
		{"clé trop longue", `{"` + strings.Repeat("k", 20) + `":1}`, schemas.Limits{MaxStringLen: 10}, "INPUT-STRING-01", ""},
		{"nombre trop long", `{"x":123456}`, schemas.Limits{MaxNumberLen: 5}, "INPUT-NUMBER-01", "/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.doc)
			in := schemas.CheckInput(data, tt.limits)
			require.Len(t, in, 1)
			assert.Equal(t, tt.code, in[0].Code)
			assert.Equal(t, tt.path, in[0].Path)
			for name, fs := range map[string]interface{ Codes() []string }{
				"Interpret": schemas.Interpret("diagnostic", data, schemas.WithLimits(tt.limits)),
				"Validate":  schemas.Validate("diagnostic", data, schemas.WithLimits(tt.limits)),
			} {
				assert.Equal(t, []string{tt.code}, fs.Codes(), name)
			}
			fast := schemas.Validate("diagnostic", data, schemas.WithLimits(tt.limits))
			require.Len(t, fast, 1)
			assert.Equal(t, tt.path, fast[0].Path)
			assert.NotEmpty(t, fast[0].Message)
		})
	}
}

// TestSoundInputPasses checks that legitimate oddities are accepted:
// escapes, surrogate pairs, numbers at the limits, nesting within the limit.
func TestSoundInputPasses(t *testing.T) {
	for name, doc := range map[string]string{
		"échappements":           `{"a":"\"\\\/\b\f\n\r\t\u00e9\u0000"}`,
		"paire de surrogates":    `{"a":"\ud83d\ude00"}`,
		"UTF-8 sur 4 octets":     `{"a":"😀"}`,
		"nombres":                `[0,-0,1.5e10,-2E-3,1e400,12345678901234567890]`,
		"profondeur 64":          strings.Repeat("[", 64) + strings.Repeat("]", 64),
		"blancs autour":          " \r\n\t{} \n",
		"scalaires à la racine":  `"texte"`,
		"objet vide, liste vide": `{"a":{},"b":[]}`,
	} {
		t.Run(name, func(t *testing.T) {
			assert.Nil(t, schemas.CheckInput([]byte(doc), schemas.Limits{}))
		})
	}
}

func TestDefaultLimits(t *testing.T) {
	l := schemas.DefaultLimits
	assert.GreaterOrEqual(t, l.MaxBytes, 1<<20, "un document de 1 Mo doit passer")
	assert.LessOrEqual(t, l.MaxDepth, 1000, "la profondeur doit protéger la pile")
	assert.Positive(t, l.MaxArrayLen)
	assert.Positive(t, l.MaxStringLen)
	assert.Positive(t, l.MaxNumberLen)
}
