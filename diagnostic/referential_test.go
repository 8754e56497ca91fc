package diagnostic_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/spie"
)

var referentialKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// referentialCatalogues lists the catalogues of this package under test.
var referentialCatalogues = []struct {
	name string
	defs spie.Definitions
}{
	{"situations", diagnostic.Situations},
	{"objectifs", diagnostic.Objectifs},
	{"besoins", diagnostic.BesoinDefinitions},
}

func TestReferentialCataloguesAreSound(t *testing.T) {
	for _, c := range referentialCatalogues {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, c.defs.Check())
			require.NotEmpty(t, c.defs)
			seen := map[string]bool{}
			for _, d := range c.defs {
				assert.False(t, seen[d.Key], "clé répétée %q", d.Key)
				seen[d.Key] = true
				assert.Regexp(t, referentialKeyPattern, d.Key)
				assert.NotEmpty(t, strings.TrimSpace(d.Label.EN), "%s : libellé anglais vide", d.Key)
				assert.NotEqual(t, d.Key, d.Label.EN, "%s : libellé anglais égal à la clé", d.Key)
				assert.NotEmpty(t, d.Source, "%s : source vide", d.Key)
				assert.True(t, spie.Thematique(d.Group).Valid(), "%s : thématique %q inconnue", d.Key, d.Group)
				assert.NotEmpty(t, d.Map, "%s : aucune correspondance", d.Key)
			}
		})
	}
}

func TestReferentialCounts(t *testing.T) {
	tests := []struct {
		name    string
		defs    spie.Definitions
		mapping string
		want    int
	}{
		{"situations DSP", diagnostic.Situations, diagnostic.MapDSPSituation, 36},
		{"situations carnet", diagnostic.Situations, diagnostic.MapCarnetSituation, 88},
		{"objectifs DSP", diagnostic.Objectifs, diagnostic.MapDSPObjectif, 32},
		{"objectifs carnet", diagnostic.Objectifs, diagnostic.MapCarnetObjectif, 58},
		{"besoins DSP", diagnostic.BesoinDefinitions, spie.MapDSPBesoin, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, d := range tt.defs {
				n += len(d.Map[tt.mapping])
			}
			assert.Equal(t, tt.want, n)
		})
	}
}

func TestSensitiveSituations(t *testing.T) {
	for _, d := range diagnostic.Situations {
		s := diagnostic.Situation(d.Key)
		assert.Equal(t, d.Group == string(spie.ThematiqueSante), s.Sensitive(), d.Key)
	}
	// RULES.md §10: the objectifs of the santé thématique are health details too.
	for _, d := range diagnostic.Objectifs {
		assert.Equal(t, d.Group == string(spie.ThematiqueSante), diagnostic.Objectif(d.Key).Sensitive(), d.Key)
	}
	assert.False(t, diagnostic.Objectif("inconnu").Sensitive())
}

func TestEnumMethods(t *testing.T) {
	tests := []struct {
		name       string
		enum       interface{ Valid() bool }
		valid      bool
		label      string
		thematique spie.Thematique
	}{
		{"situation", diagnostic.Situation("sans-hebergement"), true, "Sans hébergement / rupture effective de logement", spie.ThematiqueLogement},
		{"situation inconnue", diagnostic.Situation("inconnue"), false, "inconnue", ""},
		{"objectif", diagnostic.Objectif("trouver-une-garde-d-enfant"), true, "Trouver des solutions de garde d'enfant", spie.ThematiqueGardeEnfant},
		{"objectif inconnu", diagnostic.Objectif(""), false, "", ""},
		{"besoin", diagnostic.Besoin("developper-son-entreprise"), true, "Développer son entreprise", spie.ThematiqueCreationEntreprise},
		{"besoin inconnu", diagnostic.Besoin("x"), false, "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.enum.Valid())
			switch e := tt.enum.(type) {
			case diagnostic.Situation:
				assert.Equal(t, tt.label, e.Label())
				assert.Equal(t, tt.thematique, e.Thematique())
			case diagnostic.Objectif:
				assert.Equal(t, tt.label, e.Label())
				assert.Equal(t, tt.thematique, e.Thematique())
			case diagnostic.Besoin:
				assert.Equal(t, tt.label, e.Label())
				assert.Equal(t, tt.thematique, e.Thematique())
			}
		})
	}
}

func TestLookupsRejectUnknownCodes(t *testing.T) {
	for _, code := range []string{"", "0", "7x", "999", " 6"} {
		t.Run("code "+code, func(t *testing.T) {
			_, ok := diagnostic.SituationForDSP(code)
			assert.False(t, ok)
			_, ok = diagnostic.ObjectifForDSP(code)
			assert.False(t, ok)
			_, ok = diagnostic.BesoinForDSP(code)
			assert.False(t, ok)
		})
	}
	_, ok := diagnostic.BesoinForDSP("7")
	assert.False(t, ok, "le besoin 7 n'existe pas")
	_, ok = diagnostic.SituationForCarnet("logement", "inconnu")
	assert.False(t, ok)
	_, ok = diagnostic.Situation("proprietaire").DSPCode()
	assert.False(t, ok, "situation propre au carnet de bord")
	_, ok = diagnostic.Objectif("inconnu").Besoin()
	assert.False(t, ok)
}

// ---- conformance with /work/shared/reference ----

// referentialRefDir returns ../shared/reference from the module root, or
// skips the test when the reference material is absent.
func referentialRefDir(t *testing.T) string {
	t.Helper()
	return reftest.Dir(t)
}

type dspRow struct{ kind, code, contrainte, libelle string }

func readDSP(t *testing.T, ref string) []dspRow {
	t.Helper()
	f, err := os.Open(filepath.Join(ref, "france-travail-dsp", "referentiel.csv"))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"kind", "code", "contrainte", "libelle"}, recs[0])
	out := make([]dspRow, 0, len(recs)-1)
	for _, r := range recs[1:] {
		out = append(out, dspRow{r[0], r[1], r[2], r[3]})
	}
	return out
}

// readPSV returns the "theme|libelle" rows of a carnet de bord referential.
func readPSV(t *testing.T, ref, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ref, "carnet-de-bord", name))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	require.Equal(t, "theme|libelle", lines[0])
	return lines[1:]
}

func readDataInclusionThematiques(t *testing.T, ref string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join(ref, "data-inclusion-v1", "Thematique.csv"))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	out := map[string]bool{}
	for _, r := range recs[1:] {
		out[r[0]] = true
	}
	return out
}

// assertExactlyOnce checks that every reference value is mapped by exactly
// one definition under mapping, and that no definition maps an invented value.
func assertExactlyOnce(t *testing.T, defs spie.Definitions, mapping string, want []string) {
	t.Helper()
	count := map[string]int{}
	for _, d := range defs {
		for _, v := range d.Map[mapping] {
			count[v]++
			assert.Contains(t, want, v, "%s : %s %q absent du référentiel", d.Key, mapping, v)
		}
	}
	for _, v := range want {
		assert.Equal(t, 1, count[v], "%s %q doit être porté par exactement une définition", mapping, v)
	}
}

func dspCodes(rows []dspRow, kind string) []string {
	var out []string
	for _, r := range rows {
		if r.kind == kind {
			out = append(out, r.code)
		}
	}
	return out
}

func TestReferentialConformance(t *testing.T) {
	ref := referentialRefDir(t)
	dsp := readDSP(t, ref)
	tests := []struct {
		name    string
		defs    spie.Definitions
		mapping string
		want    []string
	}{
		{"situations DSP", diagnostic.Situations, diagnostic.MapDSPSituation, dspCodes(dsp, "situation")},
		{"situations carnet", diagnostic.Situations, diagnostic.MapCarnetSituation, readPSV(t, ref, "ref_situation.psv")},
		{"objectifs DSP", diagnostic.Objectifs, diagnostic.MapDSPObjectif, dspCodes(dsp, "objectif")},
		{"objectifs carnet", diagnostic.Objectifs, diagnostic.MapCarnetObjectif, readPSV(t, ref, "ref_target.psv")},
		{"besoins DSP", diagnostic.BesoinDefinitions, spie.MapDSPBesoin, dspCodes(dsp, "besoin")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEmpty(t, tt.want)
			assertExactlyOnce(t, tt.defs, tt.mapping, tt.want)
		})
	}
}

func TestReferentialThematiquesAgreeWithReference(t *testing.T) {
	ref := referentialRefDir(t)
	contrainte := map[string]string{} // kind/code → contrainte
	for _, r := range readDSP(t, ref) {
		contrainte[r.kind+"/"+r.code] = r.contrainte
	}
	tests := []struct {
		name             string
		defs             spie.Definitions
		kind, dsp, carnt string
	}{
		{"situations", diagnostic.Situations, "situation", diagnostic.MapDSPSituation, diagnostic.MapCarnetSituation},
		{"objectifs", diagnostic.Objectifs, "objectif", diagnostic.MapDSPObjectif, diagnostic.MapCarnetObjectif},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range tt.defs {
				for _, code := range d.Map[tt.dsp] {
					th, ok := spie.ThematiqueForDSPContrainte(contrainte[tt.kind+"/"+code])
					require.True(t, ok, "%s : contrainte DSP du code %s sans thématique", d.Key, code)
					assert.Equal(t, string(th), d.Group, "%s (DSP %s)", d.Key, code)
				}
				for _, v := range d.Map[tt.carnt] {
					theme, _, _ := strings.Cut(v, "|")
					th, ok := spie.ThematiqueForCarnetTheme(theme)
					require.True(t, ok, "%s : thème carnet %q sans thématique", d.Key, theme)
					assert.Equal(t, string(th), d.Group, "%s (carnet %s)", d.Key, v)
				}
			}
		})
	}
	t.Run("besoins", func(t *testing.T) {
		for _, d := range diagnostic.BesoinDefinitions {
			for _, code := range d.Map[spie.MapDSPBesoin] {
				th := spie.Thematiques.Mapped(spie.MapDSPBesoin, code)
				require.Len(t, th, 1, "besoin DSP %s", code)
				assert.Equal(t, th[0], d.Group, "%s (besoin %s)", d.Key, code)
			}
		}
	})
}

func TestDataInclusionMappings(t *testing.T) {
	known := readDataInclusionThematiques(t, referentialRefDir(t))
	for _, c := range referentialCatalogues {
		t.Run(c.name, func(t *testing.T) {
			for _, d := range c.defs {
				for _, v := range d.Map[spie.MapDataInclusionThematique] {
					assert.True(t, known[v], "%s : thématique data·inclusion %q inconnue", d.Key, v)
				}
			}
		})
	}
	t.Run("every besoin has its data·inclusion thématique", func(t *testing.T) {
		for _, d := range diagnostic.BesoinDefinitions {
			assert.Len(t, d.Map[spie.MapDataInclusionThematique], 1, d.Key)
		}
	})
}

func TestObjectifBesoinLinks(t *testing.T) {
	linked := map[diagnostic.Besoin]diagnostic.Objectif{}
	for _, d := range diagnostic.Objectifs {
		o := diagnostic.Objectif(d.Key)
		b, ok := o.Besoin()
		if len(d.Map[spie.MapDSPBesoin]) == 0 {
			assert.False(t, ok, d.Key)
			continue
		}
		require.True(t, ok, "%s : besoin DSP %v inconnu", d.Key, d.Map[spie.MapDSPBesoin])
		_, dup := linked[b]
		assert.False(t, dup, "besoin %s relié à deux objectifs", b)
		linked[b] = o
		assert.Equal(t, b.Thematique(), o.Thematique(), d.Key)
		assert.Equal(t, b.DataInclusionThematiques(), o.DataInclusionThematiques(), d.Key)
	}
	assert.Len(t, linked, len(diagnostic.BesoinDefinitions), "chaque besoin DSP a son objectif carnet de bord")
}

func TestLookupsRoundTrip(t *testing.T) {
	ref := referentialRefDir(t)
	for _, r := range readDSP(t, ref) {
		t.Run(r.kind+" "+r.code, func(t *testing.T) {
			var got string
			var ok bool
			switch r.kind {
			case "situation":
				s, found := diagnostic.SituationForDSP(r.code)
				require.True(t, found)
				assert.True(t, s.Valid())
				got, ok = s.DSPCode()
			case "objectif":
				o, found := diagnostic.ObjectifForDSP(r.code)
				require.True(t, found)
				assert.True(t, o.Valid())
				got, ok = o.DSPCode()
			case "besoin":
				b, found := diagnostic.BesoinForDSP(r.code)
				require.True(t, found)
				assert.True(t, b.Valid())
				got, ok = b.DSPCode()
			default:
				t.Skipf("%s : pas un élément de catalogue", r.kind)
			}
			require.True(t, ok)
			assert.Equal(t, r.code, got)
		})
	}
	carnet := []struct {
		file   string
		lookup func(theme, libelle string) (string, bool)
		defs   spie.Definitions
	}{
		{"ref_situation.psv", func(th, l string) (string, bool) { s, ok := diagnostic.SituationForCarnet(th, l); return string(s), ok }, diagnostic.Situations},
		{"ref_target.psv", func(th, l string) (string, bool) { o, ok := diagnostic.ObjectifForCarnet(th, l); return string(o), ok }, diagnostic.Objectifs},
	}
	for _, c := range carnet {
		t.Run(c.file, func(t *testing.T) {
			for _, row := range readPSV(t, ref, c.file) {
				theme, libelle, _ := strings.Cut(row, "|")
				key, ok := c.lookup(theme, libelle)
				require.True(t, ok, row)
				d, _ := c.defs.Get(key)
				assert.True(t, slices.Contains(d.Map[diagnostic.MapCarnetSituation], row) || slices.Contains(d.Map[diagnostic.MapCarnetObjectif], row), row)
			}
		})
	}
}

func BenchmarkSituationForDSP(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := diagnostic.SituationForDSP("41"); !ok {
			b.Fatal("situation 41 introuvable")
		}
	}
}

func TestCarnetRowsOfOneFactShareADefinition(t *testing.T) {
	tests := []struct {
		name          string
		theme, label  string
		wantSituation diagnostic.Situation
	}{
		{"formation", "formation", "Prêt à suivre une formation", "pret-a-suivre-une-formation"},
		{"emploi, double espace d'origine", "emploi", "Prêt  à suivre une formation", "pret-a-suivre-une-formation"},
		{"DSP et carnet unifiés", "contraintes_familiales", "Contrainte horaires", "contraintes-horaires"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := diagnostic.SituationForCarnet(tt.theme, tt.label)
			require.True(t, ok)
			assert.Equal(t, tt.wantSituation, s)
		})
	}
}
