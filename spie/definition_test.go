package spie_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/spie"
)

// referenceDir returns ../shared/reference beside the module, or skips.
func referenceDir(t *testing.T) string {
	t.Helper()
	return reftest.Dir(t)
}

func readCSVColumn(t *testing.T, path string, col int, sep rune) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = sep
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	require.NoError(t, err)
	out := map[string]bool{}
	for _, row := range rows[1:] {
		out[row[col]] = true
	}
	return out
}

func TestListsAreSound(t *testing.T) {
	for name, ds := range map[string]spie.Definitions{"thematiques": spie.Thematiques, "publics": spie.Publics} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, ds.Check())
			for _, d := range ds {
				assert.NotEmpty(t, d.Label.EN, d.Key)
				assert.NotEmpty(t, d.Source, d.Key)
			}
		})
	}
	assert.Len(t, spie.Thematiques, 10)
}

func TestThematiquesMatchReferences(t *testing.T) {
	dir := referenceDir(t)
	categories := readCSVColumn(t, filepath.Join(dir, "data-inclusion-v1", "Categorie.csv"), 0, ',')
	thematiques := readCSVColumn(t, filepath.Join(dir, "data-inclusion-v1", "Thematique.csv"), 0, ',')
	carnetThemes := map[string]bool{}
	for _, f := range []string{"ref_situation.psv", "ref_target.psv", "ref_action.psv"} {
		for k := range readCSVColumn(t, filepath.Join(dir, "carnet-de-bord", f), 0, '|') {
			carnetThemes[k] = true
		}
	}
	dsp := map[string]map[string]bool{"contrainte": {}, "besoin": {}}
	f, err := os.Open(filepath.Join(dir, "france-travail-dsp", "referentiel.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	for _, r := range rows[1:] {
		if m, ok := dsp[r[0]]; ok {
			m[r[1]] = true
		}
	}
	mapped := map[string]map[string]int{}
	for _, d := range spie.Thematiques {
		for name, values := range d.Map {
			if mapped[name] == nil {
				mapped[name] = map[string]int{}
			}
			for _, v := range values {
				mapped[name][v]++
			}
		}
	}
	t.Run("every data·inclusion catégorie is mapped once", func(t *testing.T) {
		for c := range categories {
			assert.Equal(t, 1, mapped[spie.MapDataInclusionCategorie][c], c)
		}
		assert.Len(t, mapped[spie.MapDataInclusionCategorie], len(categories))
	})
	t.Run("data·inclusion thématiques exist", func(t *testing.T) {
		for v := range mapped[spie.MapDataInclusionThematique] {
			assert.True(t, thematiques[v], v)
		}
	})
	t.Run("every DSP contrainte and besoin is mapped once", func(t *testing.T) {
		for c := range dsp["contrainte"] {
			assert.Equal(t, 1, mapped[spie.MapDSPContrainte][c], c)
		}
		for c := range dsp["besoin"] {
			assert.Equal(t, 1, mapped[spie.MapDSPBesoin][c], c)
		}
		assert.Len(t, mapped[spie.MapDSPContrainte], len(dsp["contrainte"]))
		assert.Len(t, mapped[spie.MapDSPBesoin], len(dsp["besoin"]))
	})
	t.Run("every carnet de bord theme is mapped once", func(t *testing.T) {
		for th := range carnetThemes {
			assert.Equal(t, 1, mapped[spie.MapCarnetTheme][th], th)
		}
		assert.Len(t, mapped[spie.MapCarnetTheme], len(carnetThemes))
	})
}

func TestPublicsMapToDataInclusion(t *testing.T) {
	publics := readCSVColumn(t, filepath.Join(referenceDir(t), "data-inclusion-v1", "Public.csv"), 0, ',')
	for _, d := range spie.Publics {
		t.Run(d.Key, func(t *testing.T) {
			require.NotEmpty(t, d.Map[spie.MapDataInclusionPublic])
			for _, p := range d.Map[spie.MapDataInclusionPublic] {
				assert.True(t, publics[p], p)
			}
		})
	}
}

func TestDefinitionsLookups(t *testing.T) {
	assert.True(t, spie.ThematiqueLogement.Valid())
	assert.False(t, spie.Thematique("emploi").Valid())
	assert.Equal(t, "Logement", spie.ThematiqueLogement.Label())
	th, ok := spie.ThematiqueForDSPContrainte("27")
	assert.True(t, ok)
	assert.Equal(t, spie.ThematiqueLogement, th)
	_, ok = spie.ThematiqueForDSPContrainte("99")
	assert.False(t, ok)
	th, ok = spie.ThematiqueForCarnetTheme("numerique")
	assert.True(t, ok)
	assert.Equal(t, spie.ThematiqueIllettrismeIllectronisme, th)
	assert.Equal(t, []string{"sante"}, spie.ThematiqueSante.DataInclusionCategories())
	assert.Equal(t, "inconnu", spie.Thematiques.LabelOf("inconnu"))
	assert.Len(t, spie.Publics.InGroup(""), len(spie.Publics))
}

func TestDefinitionsCheck(t *testing.T) {
	bad := spie.Definitions{{Key: "a", Label: spie.Label{FR: "A"}}, {Key: "a"}, {Label: spie.Label{FR: "x"}}}
	assert.Error(t, bad.Check())
}

func TestLoadDefinitions(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.json":  {Data: []byte(`[{"key":"a","label":{"fr":"A","en":"A"}}]`)},
		"dup.json": {Data: []byte(`[{"key":"a","label":{"fr":"A"}},{"key":"a","label":{"fr":"A"}}]`)},
		"bad.json": {Data: []byte(`{`)},
	}
	ds, err := spie.LoadDefinitions(fsys, "ok.json")
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, ds.Keys())
	for _, name := range []string{"dup.json", "bad.json", "absent.json"} {
		t.Run(name, func(t *testing.T) {
			_, err := spie.LoadDefinitions(fsys, name)
			assert.Error(t, err)
		})
	}
}

// TestOnlyHealthIsSensitive: RULES.md §10 (RGPD art. 9) names health details
// as the sensitive data; of the ten thématiques, santé alone carries them.
func TestOnlyHealthIsSensitive(t *testing.T) {
	for _, d := range spie.Thematiques {
		assert.Equal(t, d.Key == "sante", spie.Thematique(d.Key).Sensitive(), d.Key)
	}
	assert.False(t, spie.Thematique("inconnue").Sensitive())
	assert.False(t, spie.Definitions{{Key: "x"}}.Sensitive("y"))
}
