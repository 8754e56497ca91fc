// Package layers_test proves, from `go list -deps`, that socle's imports
// point one way (DEVELOPERS.md, "What socle is"):
//
//	spie ← diagnostic ← carnet
//	spie ← diagnostic ← offer          (offer never imports carnet, nor carnet offer)
//	schemas, wasm, cmd, bench, examples on top
//
// and that no core package (spie, diagnostic, carnet, offer and everything
// below them) links the browser bridge (syscall/js), go-app or the JSON
// Schema generator, nor does any program that validates (package schemas
// itself and the validation-only WebAssembly module); and that the
// WebAssembly programs (wasm/cmd/...) link no example, test or demo data.
package layers_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/reftest"
)

const module = "github.com/spie-fr/socle"

// layer gives the rank of a package of the module; an import may only point
// to a package of a lower rank, or of the same top-level folder. Module-level
// internal/ helpers sit just above spie: they may import spie only. Folders
// on top (schemas, wasm, cmd, bench, examples) may import anything below.
func layer(rel string) (rank int, family string) {
	top := strings.SplitN(rel, "/", 2)[0]
	switch top {
	case "spie":
		return 0, "spie"
	case "internal":
		if strings.HasPrefix(rel, "internal/gen/") || strings.HasPrefix(rel, "internal/layers") || rel == "internal/reftest" {
			return 9, rel // generators and test helpers: tools, not layers
		}
		return 1, rel
	case "diagnostic":
		return 2, "diagnostic"
	case "carnet":
		return 3, "carnet"
	case "offer":
		return 3, "offer"
	default:
		return 9, top
	}
}

// allowed reports whether package from (path relative to the module) may
// import package to.
func allowed(from, to string) bool {
	fr, ff := layer(from)
	tr, tf := layer(to)
	if ff == tf {
		return true // inside one folder (spie/label → spie)
	}
	if fr == 9 {
		return true
	}
	return tr < fr
}

// forbiddenInCore are the third-party packages a core package must never
// link: the browser bridge, the widget framework and the schema generator.
var forbiddenInCore = []string{
	"syscall/js",
	"github.com/maxence-charriere/go-app",
	"github.com/invopop/jsonschema",
}

func TestAllowedRule(t *testing.T) {
	// Expected values: the arrows of DEVELOPERS.md, read by hand.
	for _, tc := range []struct {
		from, to string
		ok       bool
	}{
		{"diagnostic", "spie", true},
		{"diagnostic", "spie/territory", true},
		{"carnet", "diagnostic", true},
		{"carnet/cohort", "carnet", true},
		{"carnet/network", "spie/label", true},
		{"offer", "diagnostic", true},
		{"offer/coverage", "spie/secret", true},
		{"schemas", "carnet/cohort", true},
		{"cmd/spie", "wasm", true},
		{"spie/label", "spie", true},
		{"spie", "diagnostic", false},
		{"spie/territory", "offer", false},
		{"spie/committee", "carnet", false},
		{"diagnostic", "carnet", false},
		{"diagnostic", "offer", false},
		{"offer", "carnet", false},
		{"offer/coverage", "carnet/network", false},
		{"carnet", "offer", false},
		{"carnet", "schemas", false},
		{"internal/input", "diagnostic", false},
		{"internal/input", "spie", true},
		{"spie", "internal/input", false},
		{"diagnostic", "internal/input", true},
	} {
		assert.Equal(t, tc.ok, allowed(tc.from, tc.to), "%s → %s", tc.from, tc.to)
	}
}

// goList runs `go list` at the module root with the given arguments and
// returns its output lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = reftest.ModuleRoot(t)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go list %v : %s", args, stderr.String())
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func rel(path string) (string, bool) {
	if path == module {
		return "", true
	}
	r, ok := strings.CutPrefix(path, module+"/")
	return r, ok
}

func TestImportsPointOneWay(t *testing.T) {
	if testing.Short() {
		t.Skip("go list: ignoré en mode -short")
	}
	// Every package of the module, with its direct imports (test files
	// excluded: a black-box test may import what it needs), for the host and
	// for the browser (GOOS=js): a file behind a build tag is checked too.
	check := func(platform string) {
		var bad []string
		for _, line := range goList(t, "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...") {
			fields := strings.Fields(line)
			from, ok := rel(fields[0])
			if !ok {
				continue
			}
			for _, imp := range fields[1:] {
				to, ok := rel(imp)
				if !ok {
					continue
				}
				if !allowed(from, to) {
					bad = append(bad, from+" → "+to)
				}
			}
		}
		sort.Strings(bad)
		assert.Empty(t, bad, "imports qui remontent les couches (%s)", platform)
	}
	check("hôte")
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	check("GOOS=js")
}

func TestCoreLinksNoBrowserNorGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("go list: ignoré en mode -short")
	}
	core := []string{"./spie/...", "./diagnostic/...", "./carnet/...", "./offer/..."}
	args := append([]string{"-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}"}, core...)
	check := func(goos string, lines []string) {
		for _, line := range lines {
			fields := strings.Fields(line)
			for _, f := range forbiddenInCore[1:] {
				assert.False(t, fields[0] == f || strings.HasPrefix(fields[0], f+"/"), "GOOS=%s : un paquet du cœur lie %s", goos, fields[0])
			}
			if _, ours := rel(fields[0]); ours {
				// The standard library itself uses syscall/js under GOOS=js;
				// socle's core packages never do.
				assert.NotContains(t, fields[1:], forbiddenInCore[0], "GOOS=%s : %s importe syscall/js", goos, fields[0])
			}
		}
	}
	check("hôte", goList(t, args...))
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	check("js", goList(t, args...))
}

// validators are the packages that validate documents and must not link the
// schema generator (forbiddenInCore's last entry): package schemas, which
// every validating program imports, and the validation-only WebAssembly
// module (validate.wasm), built for GOOS=js.
var validators = []struct{ pkg, goos, goarch string }{
	{"./schemas", "", ""},
	{"./wasm/validator", "", ""},
	{"./schemas", "js", "wasm"},
	{"./wasm/cmd/validate", "js", "wasm"},
}

func TestValidatorsLinkNoGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("go list: ignoré en mode -short")
	}
	generator := forbiddenInCore[len(forbiddenInCore)-1]
	require.Equal(t, "github.com/invopop/jsonschema", generator)
	for _, v := range validators {
		t.Run(v.pkg+"/"+v.goos, func(t *testing.T) {
			if v.goos != "" {
				t.Setenv("GOOS", v.goos)
				t.Setenv("GOARCH", v.goarch)
			}
			deps := goList(t, "-deps", v.pkg)
			require.NotEmpty(t, deps)
			// The list is the real one: it holds the interpreter the
			// validator does link.
			assert.Contains(t, deps, "github.com/santhosh-tekuri/jsonschema/v5")
			for _, d := range deps {
				assert.False(t, d == generator || strings.HasPrefix(d, generator+"/"), "%s lie le générateur de schémas (%s)", v.pkg, d)
				assert.NotEqual(t, module+"/schemas/internal/generator", d, "%s lie le générateur de schémas", v.pkg)
			}
		})
	}
}

// dataPackage reports whether a package of the module (path relative to the
// module) holds example, test or demo data or helpers: examples and its
// sub-packages, any *test package (offer/offertest…), internal/reftest,
// internal/leak, and the demo portal (wasm/demo).
func dataPackage(rel string) bool {
	last := rel[strings.LastIndex(rel, "/")+1:]
	return rel == "examples" || strings.HasPrefix(rel, "examples/") ||
		strings.HasSuffix(last, "test") || last == "testdata" ||
		rel == "internal/leak" || rel == "wasm/demo" || strings.HasPrefix(rel, "wasm/demo/")
}

func TestDataPackageRule(t *testing.T) {
	// Expected values: the rule of issue 15 item 1, read by hand.
	for rel, want := range map[string]bool{
		"examples": true, "offer/offertest": true, "internal/reftest": true, "internal/leak": true,
		"wasm/demo": true, "carnet/testdata": true,
		"offer": false, "wasm/widget": false, "spie/territory": false, "internal/input": false,
	} {
		assert.Equal(t, want, dataPackage(rel), rel)
	}
}

// TestWasmProgramsLinkNoData (issue 15, item 1): the widgets and the
// validator run in partners' browsers with the data the partner sends;
// no example, test or demo data may be linked into any of their modules
// (one per widget since issue 17 item 4, and validate.wasm).
func TestWasmProgramsLinkNoData(t *testing.T) {
	if testing.Short() {
		t.Skip("go list: ignoré en mode -short")
	}
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	programs := goList(t, "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "./wasm/cmd/...")
	require.Contains(t, programs, module+"/wasm/cmd/diagnostic", "la liste est la vraie : un module par widget")
	require.Contains(t, programs, module+"/wasm/cmd/validate")
	for _, p := range programs {
		deps := goList(t, "-deps", p)
		require.Contains(t, deps, module+"/spie", "la liste de %s est la vraie", p)
		for _, d := range deps {
			if rel, ok := rel(d); ok {
				assert.False(t, dataPackage(rel), "%s lie des données d'exemple, de test ou de démonstration : %s", p, d)
			}
		}
	}
}
