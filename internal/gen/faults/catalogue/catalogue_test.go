package catalogue_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"

	"github.com/spie-fr/socle/internal/gen/faults/catalogue"
	"github.com/spie-fr/socle/spie"
)

var callRE = regexp.MustCompile(`\b(NewFaultType|RegisterFaultTypes)\(`)

// The catalogue sees every registered code: each package whose source calls
// spie.NewFaultType or spie.RegisterFaultTypes (found by reading the files, independently of the
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

// Every fault type declared as data (a composite literal spie.FaultType{…}
// with a literal Code, in the source of any package but tests, found by
// parsing the files, independently of the registry) is registered on the
// host, by its declaring package, with the same messages: a type missing
// from its package's host-only list (faults_host.go, spie.RegisterFaultTypes)
// would vanish from the catalogue and from CheckFaultTypes.
func TestStaticFaultTypesAreRegistered(t *testing.T) {
	root := reftest.ModuleRoot(t)
	found := 0
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
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isFaultType(lit.Type, f.Name.Name) {
				return true
			}
			fields := map[string]string{}
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, _ := kv.Key.(*ast.Ident)
				if b, ok := kv.Value.(*ast.BasicLit); ok && key != nil && b.Kind == token.STRING {
					fields[key.Name], _ = strconv.Unquote(b.Value)
				}
			}
			code, ok := fields["Code"]
			if !ok {
				return true
			}
			found++
			ft, ok := spie.LookupFaultType(code)
			if assert.True(t, ok, "%s : %s déclaré mais pas enregistré (ajoutez-le à faults_host.go de son paquet)", path, code) {
				assert.Equal(t, rel, catalogue.Relative(ft.Owner), code)
				if fr, ok := fields["FR"]; ok {
					assert.Equal(t, fr, ft.FR, code)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	// 430 codes were declared as data when they moved out of NewFaultType
	// (issue 17, item 4): the walk must see them.
	assert.GreaterOrEqual(t, found, 430)
}

func isFaultType(e ast.Expr, pkg string) bool {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && id.Name == "spie" && x.Sel.Name == "FaultType"
	case *ast.Ident:
		return pkg == "spie" && x.Name == "FaultType"
	}
	return false
}
