package catalogue_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"

	"github.com/spie-fr/socle/internal/gen/faults/catalogue"
	"github.com/spie-fr/socle/spie"
)

var callRE = regexp.MustCompile(`\bNewFaultType\(`)

// The catalogue sees every registered code: each package whose source calls
// spie.NewFaultType (found by reading the files, independently of the
// registry) is the owner of at least one code in the registry that package
// catalogue links.
func TestCatalogueLinksEveryRegisteringPackage(t *testing.T) {
	root := reftest.ModuleRoot(t)
	want := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n != "." && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if callRE.MatchString(line) && !strings.HasPrefix(line, "func ") && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				rel, _ := filepath.Rel(root, filepath.Dir(path))
				want[filepath.ToSlash(rel)] = true
				break
			}
		}
		return nil
	})
	require.NoError(t, err)
	got := map[string]bool{}
	for _, e := range catalogue.Build().Fautes {
		got[e.Paquet] = true
	}
	require.NotEmpty(t, want)
	for p := range want {
		assert.True(t, got[p], "le paquet %s déclare des codes de fautes que le catalogue ne voit pas : importez-le dans internal/gen/faults/catalogue", p)
	}
}

// One owner per namespace prefix: the first word of a code (SPIE, DIAG,
// OFFRE…) names one package, except INPUT, whose codes are declared by each
// reader until the one input reader (issue 11, item 5) owns them all.
func TestEachCodePrefixHasOneOwner(t *testing.T) {
	shared := map[string]bool{"INPUT": true}
	owners := map[string]map[string]bool{}
	for _, e := range catalogue.Build().Fautes {
		prefix, _, _ := strings.Cut(e.Code, "-")
		if owners[prefix] == nil {
			owners[prefix] = map[string]bool{}
		}
		owners[prefix][e.Paquet] = true
	}
	for prefix, pkgs := range owners {
		if shared[prefix] {
			continue
		}
		var list []string
		for p := range pkgs {
			list = append(list, p)
		}
		sort.Strings(list)
		assert.Len(t, list, 1, "le préfixe %s est déclaré par %v", prefix, list)
	}
	// The commune codes: one SPIE- namespace, owned by package spie.
	assert.Equal(t, map[string]bool{"spie": true}, owners["SPIE"])
}

// The owner recorded by spie.NewFaultType is the declaring package, also for
// codes built in a function (the DIAG-<THEMATIQUE>-NN family).
func TestOwnerIsTheDeclaringPackage(t *testing.T) {
	for code, pkg := range map[string]string{
		"SPIE-NIR-02":         "spie",
		"DIAG-SANTE-02":       "diagnostic",
		"COHORTE-NOM-01":      "carnet/cohort",
		"INPUT-NDJSON-01":     "internal/input",
		"INPUT-FORM-01":       "wasm/widget",
		"SCHEMA-REQUIRED-01":  "schemas",
		"CTO-DEMANDE-13":      "spie/committee",
		"LABEL-CRITERE-01":    "spie/label",
		"OFFRE-ZONE-02":       "offer",
		"CARNET-JOURNAL-01":   "carnet",
		"INPUT-DIAGNOSTIC-01": "internal/clifault",
	} {
		ft, ok := spie.LookupFaultType(code)
		require.True(t, ok, code)
		assert.Equal(t, pkg, catalogue.Relative(ft.Owner), code)
	}
}

func TestMarkdownMarksRetiredCodes(t *testing.T) {
	md := string(catalogue.Build().Markdown())
	assert.Contains(t, md, "~~`OFFRE-COMMUNE-01`~~ retiré, remplacé par `SPIE-COMMUNE-02`")
	assert.Contains(t, md, "~~`DIAG-FREINS-01`~~ retiré, remplacé par `DIAG-FREINS-02`, `DIAG-FREINS-03`")
	assert.Contains(t, md, "| `SPIE-COMMUNE-02` | avertissement |")
}

func ExampleBuild() {
	c := catalogue.Build()
	for _, e := range c.Fautes {
		if e.Code == "OFFRE-COMMUNE-01" {
			fmt.Println(e.Code, e.Paquet, e.Retiree, e.RemplaceePar)
		}
	}
	// Output: OFFRE-COMMUNE-01 offer true [SPIE-COMMUNE-02]
}
