package carnet_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/spie"
)

var actionKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestCatalogActionsAreSound(t *testing.T) {
	require.NoError(t, carnet.CatalogActions.Check())
	require.Len(t, carnet.CatalogActions, 134)
	seen := map[string]bool{}
	for _, d := range carnet.CatalogActions {
		t.Run(d.Key, func(t *testing.T) {
			assert.False(t, seen[d.Key], "clé répétée")
			seen[d.Key] = true
			assert.Regexp(t, actionKeyPattern, d.Key)
			assert.NotEmpty(t, strings.TrimSpace(d.Label.EN), "libellé anglais vide")
			assert.NotEqual(t, d.Key, d.Label.EN)
			assert.NotEmpty(t, d.Source)
			assert.True(t, spie.Thematique(d.Group).Valid(), "thématique %q inconnue", d.Group)
			assert.Len(t, d.Map[carnet.MapCarnetAction], 1)
		})
	}
}

func TestCatalogActionMethods(t *testing.T) {
	tests := []struct {
		name       string
		action     carnet.CatalogAction
		valid      bool
		label      string
		thematique spie.Thematique
	}{
		{"logement", "demande-dalo", true, "Demande DALO", spie.ThematiqueLogement},
		{"numérique sous maîtrise de la langue", "ateliers-numeriques", true, "Participation à des formations / ateliers : numérique", spie.ThematiqueIllettrismeIllectronisme},
		{"formation", "bilan-de-competences", true, "Bilan de compétences", spie.ThematiqueEmploiFormation},
		{"inconnue", "inconnue", false, "inconnue", ""},
		{"vide", "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.action.Valid())
			assert.Equal(t, tt.label, tt.action.Label())
			assert.Equal(t, tt.thematique, tt.action.Thematique())
		})
	}
	_, ok := carnet.CatalogActionForCarnet("logement", "inconnue")
	assert.False(t, ok)
}

// referenceDir returns ../shared/reference from the module root, or skips
// the test when the reference material is absent.
func referenceDir(t *testing.T) string {
	t.Helper()
	return reftest.Dir(t)
}

func TestCatalogActionsConformance(t *testing.T) {
	ref := referenceDir(t)
	b, err := os.ReadFile(filepath.Join(ref, "carnet-de-bord", "ref_action.psv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	require.Equal(t, "theme|libelle", lines[0])
	rows := lines[1:]

	count := map[string]int{}
	for _, d := range carnet.CatalogActions {
		for _, v := range d.Map[carnet.MapCarnetAction] {
			count[v]++
			assert.Contains(t, rows, v, "%s : action absente du référentiel", d.Key)
			theme, _, _ := strings.Cut(v, "|")
			th, ok := spie.ThematiqueForCarnetTheme(theme)
			require.True(t, ok, "thème %q sans thématique", theme)
			assert.Equal(t, string(th), d.Group, "%s : thématique", d.Key)
		}
	}
	for _, row := range rows {
		t.Run(row, func(t *testing.T) {
			assert.Equal(t, 1, count[row], "doit être porté par exactement une action")
			theme, libelle, _ := strings.Cut(row, "|")
			a, ok := carnet.CatalogActionForCarnet(theme, libelle)
			require.True(t, ok)
			assert.True(t, a.Valid())
		})
	}
}

func ExampleCatalogActionForCarnet() {
	a, ok := carnet.CatalogActionForCarnet("logement", "Appel 115")
	fmt.Println(a, ok)
	fmt.Println(a.Label())
	fmt.Println(a.Thematique())
	// Output:
	// appel-115 true
	// Appel au 115
	// logement
}

func ExampleCatalogAction_Label() {
	fmt.Println(carnet.CatalogAction("pmsmp").Label())
	// Output: Réalisation d'une PMSMP
}
