package conformance_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// pydanticCodes are the errors of the rules data·inclusion's pydantic models
// add to its JSON Schema: our verdict may be stricter than the official
// schema only through them.
var pydanticCodes = map[string]bool{
	offer.FaultPublicsExclusive.Code: true,
	offer.FaultDateTooOld.Code:       true,
	offer.FaultDateFuture.Code:       true,
	offer.FaultEmail.Code:            true,
	offer.FaultURL.Code:              true,
}

// officialSchema compiles data·inclusion's published schema, its patterns
// read as its models' regex engine reads them (Unicode \d and \w:
// offer.ModelPattern), the one reading of the text the models decide by.
func officialSchema(t *testing.T, name string) *jsonschema.Schema {
	ref := referenceDir(t)
	b, err := os.ReadFile(filepath.Join(ref, "schema", name+".json"))
	require.NoError(t, err)
	var raw any
	require.NoError(t, json.Unmarshal(b, &raw))
	modelPatterns(raw)
	b, err = json.Marshal(raw)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	url := "https://data-inclusion/" + name + ".json"
	require.NoError(t, c.AddResource(url, bytes.NewReader(b)))
	s, err := c.Compile(url)
	require.NoError(t, err)
	return s
}

// modelPatterns rewrites each "pattern" keyword of a decoded schema with
// offer.ModelPattern.
func modelPatterns(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if p, ok := val.(string); ok && k == "pattern" {
				x[k] = offer.ModelPattern(p)
				continue
			}
			modelPatterns(val)
		}
	case []any:
		for _, val := range x {
			modelPatterns(val)
		}
	}
}

var generatedSchemas = struct {
	sync.Mutex
	schemas map[string]*jsonschema.Schema
}{schemas: map[string]*jsonschema.Schema{}}

// generatedSchema compiles socle's published schema of the kind
// (schemas/v1/<kind>.json, as embedded in schemas.Files) in the same
// interpreter and reading as the official schema.
func generatedSchema(t *testing.T, kind string) *jsonschema.Schema {
	generatedSchemas.Lock()
	defer generatedSchemas.Unlock()
	if s, ok := generatedSchemas.schemas[kind]; ok {
		return s
	}
	k, ok := schemas.Lookup(kind)
	require.True(t, ok, kind)
	b, err := schemas.Files.ReadFile("v1/" + kind + ".json")
	require.NoError(t, err)
	var raw any
	require.NoError(t, json.Unmarshal(b, &raw))
	modelPatterns(raw)
	b, err = json.Marshal(raw)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	require.NoError(t, c.AddResource(k.ID(), bytes.NewReader(b)))
	s, err := c.Compile(k.ID())
	require.NoError(t, err)
	generatedSchemas.schemas[kind] = s
	return s
}

type mutation struct {
	name  string
	apply func(m map[string]any)
}

func set(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
func del(k string) func(map[string]any)        { return func(m map[string]any) { delete(m, k) } }

// commonMutations apply to both kinds.
var commonMutations = []mutation{
	{"sans source", del("source")},
	{"source nulle", set("source", nil)},
	{"source vide", set("source", "")},
	{"source nombre", set("source", 3)},
	{"sans id", del("id")},
	{"id vide", set("id", "")},
	{"sans nom", del("nom")},
	{"nom court", set("nom", "ab")},
	{"nom 3", set("nom", "abc")},
	{"nom 150", set("nom", strings.Repeat("é", 150))},
	{"nom 151", set("nom", strings.Repeat("é", 151))},
	{"nom avec point", set("nom", "Centre social.")},
	{"nom nul", set("nom", nil)},
	{"sans date", del("date_maj")},
	{"date nulle", set("date_maj", nil)},
	{"date invalide", set("date_maj", "2025-02-30")},
	{"date texte", set("date_maj", "hier")},
	{"date heure", set("date_maj", "2025-02-14T10:00:00Z")},
	{"date 1999", set("date_maj", "1999-12-31")},
	{"date 2000", set("date_maj", "2000-01-01")},
	{"date future", set("date_maj", "2027-01-01")},
	{"date aujourd'hui", set("date_maj", "2026-03-15")},
	{"date demain", set("date_maj", "2026-03-16")},
	{"courriel nul", set("courriel", nil)},
	{"courriel sans arobase", set("courriel", "contact.exemple.fr")},
	{"courriel sans domaine", set("courriel", "contact@")},
	{"courriel domaine sans point", set("courriel", "contact@localhost")},
	{"courriel accents", set("courriel", "élise@exemple.fr")},
	{"courriel plus", set("courriel", "a.b+c@sous.exemple.fr")},
	{"courriel espace", set("courriel", "a b@exemple.fr")},
	{"courriel double", set("courriel", "a@b@exemple.fr")},
	{"courriel label de 64", set("courriel", "a@"+strings.Repeat("b", 64)+".fr")},
	{"courriel label de 63", set("courriel", "a@"+strings.Repeat("b", 63)+".fr")},
	{"courriel partie locale de 65", set("courriel", strings.Repeat("a", 65)+"@exemple.fr")},
	{"courriel tiret initial", set("courriel", "a@-exemple.fr")},
	{"courriel IP", set("courriel", "a@[192.168.0.1]")},
	{"courriel nom affiché", set("courriel", "Accueil <a@exemple.fr>")},
	{"code postal nul", set("code_postal", nil)},
	{"code postal court", set("code_postal", "0200")},
	{"code postal lettres", set("code_postal", "2A000")},
	{"code insee Corse", set("code_insee", "2A004")},
	{"code insee inconnu", set("code_insee", "02999")},
	{"code insee lettres", set("code_insee", "ABCDE")},
	{"code insee court", set("code_insee", "0240")},
	{"code insee tiret", set("code_insee", "02-08")},
	{"latitude texte", set("latitude", "49.5")},
	{"latitude nulle", set("latitude", nil)},
	{"latitude hors limites", set("latitude", 123.0)},
	{"champ inconnu", set("score_qualite", 0.8)},
	{"champ inconnu objet", set("extra", map[string]any{"a": 1})},
	{"adresse nombre", set("adresse", 12)},
	{"téléphone libre", set("telephone", "appeler le standard")},
}

var structureMutations = []mutation{
	{"siret clé fausse", set("siret", "13003013300017")},
	{"siret court", set("siret", "1300301330001")},
	{"siret lettres", set("siret", "1300301330001A")},
	{"siret nul", set("siret", nil)},
	{"site web ftp", set("site_web", "ftp://exemple.fr")},
	{"site web relatif", set("site_web", "/accueil")},
	{"site web vide", set("site_web", "")},
	{"site web sans schéma", set("site_web", "www.exemple.fr")},
	{"site web long", set("site_web", "https://exemple.fr/"+strings.Repeat("a", 2070))},
	{"accessibilité", set("accessibilite_lieu", "https://acceslibre.beta.gouv.fr/app/erp/x/")},
	{"lien source http", set("lien_source", "http://exemple.fr/structures/1")},
	{"description courte", set("description", "abcd")},
	{"description nulle", set("description", nil)},
	{"réseau inconnu", set("reseaux_porteurs", []any{"inconnu"})},
	{"réseaux répétés", set("reseaux_porteurs", []any{"caf", "caf"})},
	{"réseaux vides", set("reseaux_porteurs", []any{})},
	{"réseaux nuls", set("reseaux_porteurs", nil)},
	{"réseaux SIAE", set("reseaux_porteurs", []any{"aci", "ei", "etti", "eiti"})},
	{"réseaux texte", set("reseaux_porteurs", "caf")},
}

var serviceMutations = []mutation{
	{"sans structure", del("structure_id")},
	{"sans description", del("description")},
	{"description courte", set("description", "abcd")},
	{"description 10001", set("description", strings.Repeat("a", 10001))},
	{"type inconnu", set("type", "conseil")},
	{"type nul", set("type", nil)},
	{"thématique inconnue", set("thematiques", []any{"mobilite"})},
	{"thématiques répétées", set("thematiques", []any{"mobilite--preparer-un-permis", "mobilite--preparer-un-permis"})},
	{"thématiques vides", set("thematiques", []any{})},
	{"thématiques nulles", set("thematiques", nil)},
	{"frais inconnu", set("frais", "gratuit-sous-conditions")},
	{"payant", set("frais", "payant")},
	{"tous publics seul", set("publics", []any{"tous-publics"})},
	{"tous publics combiné", set("publics", []any{"tous-publics", "jeunes"})},
	{"publics vides", set("publics", []any{})},
	{"publics répétés", set("publics", []any{"jeunes", "jeunes"})},
	{"public inconnu", set("publics", []any{"brsa"})},
	{"modes accueil vides", set("modes_accueil", []any{})},
	{"mode accueil inconnu", set("modes_accueil", []any{"sur-place"})},
	{"zone france", set("zone_eligibilite", []any{"france"})},
	{"zone 99100", set("zone_eligibilite", []any{"99100"})},
	{"zone pays", set("zone_eligibilite", []any{"99134"})},
	{"zone pays hors bornes", set("zone_eligibilite", []any{"99634"})},
	{"zone Corse", set("zone_eligibilite", []any{"2A", "2B"})},
	{"zone outre-mer", set("zone_eligibilite", []any{"974"})},
	{"zone EPCI", set("zone_eligibilite", []any{"200043495"})},
	{"zone EPCI inconnu", set("zone_eligibilite", []any{"200000000"})},
	{"zone commune", set("zone_eligibilite", []any{"02408", "02691"})},
	{"zone commune inconnue", set("zone_eligibilite", []any{"02999"})},
	{"zone département inconnu", set("zone_eligibilite", []any{"20"})},
	{"zone région", set("zone_eligibilite", []any{"R32"})},
	{"zone France majuscule", set("zone_eligibilite", []any{"France"})},
	{"zone vide", set("zone_eligibilite", []any{})},
	{"zone code long", set("zone_eligibilite", []any{"0240800"})},
	{"zone un caractère", set("zone_eligibilite", []any{"2"})},
	{"zone répétée", set("zone_eligibilite", []any{"02", "02"})},
	{"zone nombre", set("zone_eligibilite", []any{2})},
	{"lien mobilisation mailto", set("lien_mobilisation", "mailto:contact@exemple.fr")},
	{"lien mobilisation espace", set("lien_mobilisation", "https://exemple.fr/a b")},
	{"lien mobilisation sans hôte", set("lien_mobilisation", "https://")},
	{"lien mobilisation nul", set("lien_mobilisation", nil)},
	{"modes mobilisation vides", set("modes_mobilisation", []any{})},
	{"mode mobilisation inconnu", set("modes_mobilisation", []any{"ecrire"})},
	{"mobilisable vide", set("mobilisable_par", []any{})},
	{"mobilisable inconnu", set("mobilisable_par", []any{"referents"})},
	{"mobilisable répété", set("mobilisable_par", []any{"usagers", "usagers"})},
	{"volume négatif", set("volume_horaire_hebdomadaire", -1)},
	{"volume zéro", set("volume_horaire_hebdomadaire", 0)},
	{"volume décimal", set("volume_horaire_hebdomadaire", 2.5)},
	{"semaines zéro", set("nombre_semaines", 0)},
	{"semaines décimal", set("nombre_semaines", 1.5)},
	{"semaines 3.0", set("nombre_semaines", 3.0)},
	{"semaines texte", set("nombre_semaines", "3")},
	{"sans téléphone mais téléphoner", del("telephone")},
}

type verdicts struct {
	docs, agree, explained, normalised int
}

// conform runs the official schema and ours on a document and fails on any
// disagreement that the pydantic rules do not explain.
func conform(t *testing.T, official *jsonschema.Schema, kind, name string, doc map[string]any, v *verdicts) {
	t.Helper()
	b := mustJSON(t, doc)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var inst any
	require.NoError(t, dec.Decode(&inst))
	officialOK := official.Validate(inst) == nil
	var faults spie.Faults
	switch kind {
	case "service":
		_, faults = offer.DecodeService(b, now)
	default:
		_, faults = offer.DecodeStructure(b, now)
	}
	oursOK := faults.Valid()
	// Our generated schema (schemas/v1) gives the official verdict.
	generated := generatedSchema(t, kind)
	if genOK := generated.Validate(inst) == nil; genOK != officialOK {
		t.Errorf("%s %q : schéma généré %v, schéma officiel %v\n%s", kind, name, genOK, officialOK, b)
	}
	// schemas.Validate normalises the document as data·inclusion's model
	// reads it, then runs the generated schema and Check: its verdict is
	// offer's on the normalised document.
	var normOK bool
	switch kind {
	case "service":
		norm, _ := offer.NormalizeService(b)
		_, fs := offer.DecodeService(norm, now)
		normOK = fs.Valid()
	default:
		norm, _ := offer.NormalizeStructure(b)
		_, fs := offer.DecodeStructure(norm, now)
		normOK = fs.Valid()
	}
	via := schemas.Validate(kind, b, schemas.WithNow(func() time.Time { return now }))
	if via.Valid() != normOK {
		t.Errorf("%s %q : schemas.Validate %v, offer sur le document normalisé %v\n%v\n%s", kind, name, via.Valid(), normOK, via, b)
	}
	v.docs++
	switch {
	case officialOK == oursOK:
		v.agree++
	case officialOK && !oursOK:
		for _, f := range faults.Errors() {
			if !pydanticCodes[f.Code] {
				t.Errorf("%s %q : schéma officiel valide, nous invalide par %s (%s) — non expliqué par les règles pydantic\n%s", kind, name, f.Code, f.Path, b)
				return
			}
		}
		v.explained++
	default:
		// More lenient than the official schema only where
		// data·inclusion's model normalises the value (a display name
		// around an address…), and then with a warning saying so.
		for _, f := range via {
			if strings.HasPrefix(f.Code, "OFFRE-NORME-") {
				v.normalised++
				return
			}
		}
		t.Errorf("%s %q : schéma officiel invalide (%v), nous valide sans normalisation\n%s", kind, name, official.Validate(inst), b)
	}
}

func TestConformance(t *testing.T) {
	for _, kind := range []string{"service", "structure"} {
		t.Run(kind, func(t *testing.T) {
			official := officialSchema(t, kind)
			base, muts := offertest.ValidService, serviceMutations
			if kind == "structure" {
				base, muts = offertest.ValidStructure, structureMutations
			}
			muts = append(append([]mutation{}, commonMutations...), muts...)
			var v verdicts
			conform(t, official, kind, "valide", base(), &v)
			for _, m := range muts {
				d := base()
				m.apply(d)
				conform(t, official, kind, m.name, d, &v)
			}
			// Random combinations of two or three mutations.
			r := rand.New(rand.NewPCG(4, 2026))
			for i := 0; i < 150; i++ {
				d := base()
				var names []string
				for j := 0; j < 2+r.IntN(2); j++ {
					m := muts[r.IntN(len(muts))]
					m.apply(d)
					names = append(names, m.name)
				}
				conform(t, official, kind, strings.Join(names, " + "), d, &v)
			}
			t.Logf("%s : %d documents, %d verdicts identiques, %d plus stricts par les règles pydantic, %d acceptés après normalisation", kind, v.docs, v.agree, v.explained, v.normalised)
			assert.GreaterOrEqual(t, v.docs, 200)
			assert.Equal(t, v.docs, v.agree+v.explained+v.normalised, fmt.Sprintf("%+v", v))
		})
	}
}
