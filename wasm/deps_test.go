//go:build !js

package wasm_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/manifest"
)

// heavyForWidgets are modules the widgets bundle must not link: the schema
// generator and the reflection validator (about 2 MB of brotli together),
// whose checks package offer writes itself, and the JSON Schema interpreter,
// whose verdicts the typed Go rules already give.
var heavyForWidgets = []string{
	"github.com/invopop/jsonschema",
	"github.com/go-playground/validator",
	"github.com/santhosh-tekuri/jsonschema",
}

// widgetModuleDeps returns the packages linked by the module of widget w,
// built for GOOS=js with its tags, as wasm.Build does.
func widgetModuleDeps(t *testing.T, w string) []string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", "-tags="+wasm.WidgetTags(w), wasm.WidgetPackage(w))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return strings.Fields(string(out))
}

// TestWidgetsBundleDependencies keeps the heavy modules out of every
// widget's module.
func TestWidgetsBundleDependencies(t *testing.T) {
	for _, w := range manifest.Widgets.Keys() {
		deps := widgetModuleDeps(t, w)
		require.Contains(t, deps, "github.com/spie-fr/socle/wasm/widget", "la liste est la vraie : le module de %s lie les widgets", w)
		for _, dep := range deps {
			for _, heavy := range heavyForWidgets {
				assert.False(t, strings.HasPrefix(dep, heavy), "%s ne doit pas lier %s", wasm.WidgetWasm(w), dep)
			}
		}
	}
}

// TestWidgetsBundleLinksNoExamples (issue 15, item 1): the widgets hold no
// figures nor documents of their own; the portal sends the examples through
// the loader like any partner, so no widget module links package examples.
func TestWidgetsBundleLinksNoExamples(t *testing.T) {
	for _, w := range manifest.Widgets.Keys() {
		assert.NotContains(t, widgetModuleDeps(t, w), "github.com/spie-fr/socle/examples", wasm.WidgetWasm(w))
	}
}

// notForWidget are the core packages a widget's module must not link
// (issue 17, item 4): the linker keeps the initialisation of every package
// imported (fault types, code lists, catalogues), so a package linked for
// another widget costs the module its whole package-level state. Each entry
// is what the widget does not use, read from its sources: the diagnostic
// and the carnet show a carnet and a diagnostic, never the offer nor a
// network's indicators; the offre and the prescription show the offer and
// write a prescription, never a carnet; the indicators read carnets and the
// network's requests, never the offer.
//
// time/tzdata (the whole IANA database, about 400 KB) is left out too:
// package spie carries the nine zones it uses (zones_gen.go); only the
// indicators link it, through spie/committee, whose calendar may be in any
// zone.
var notForWidget = map[string][]string{
	"diagnostic":   {"offer", "carnet/network", "carnet/cohort", "spie/committee", "spie/label", "time/tzdata"},
	"carnet":       {"offer", "carnet/network", "carnet/cohort", "spie/committee", "spie/label", "time/tzdata"},
	"offre":        {"carnet", "carnet/network", "carnet/cohort", "spie/committee", "spie/label", "time/tzdata"},
	"prescription": {"carnet", "carnet/network", "carnet/cohort", "spie/committee", "spie/label", "time/tzdata"},
	"indicateurs":  {"offer"},
}

// TestWidgetModuleLinksOnlyItsCorePackages: each module leaves out the core
// packages of the other widgets (the build constraints of wasm/widget's
// files and wasm.WidgetTag), and the all-widgets build still holds them,
// so the list is read from a real build.
func TestWidgetModuleLinksOnlyItsCorePackages(t *testing.T) {
	require.ElementsMatch(t, manifest.Widgets.Keys(), func() []string {
		var ks []string
		for k := range notForWidget {
			ks = append(ks, k)
		}
		return ks
	}(), "une entrée par widget du manifeste")
	for _, w := range manifest.Widgets.Keys() {
		deps := widgetModuleDeps(t, w)
		for _, p := range notForWidget[w] {
			if !strings.HasPrefix(p, "time/") {
				p = wasm.Module + "/" + p
			}
			assert.NotContains(t, deps, p, "%s ne doit pas lier %s", wasm.WidgetWasm(w), p)
		}
	}
	root, err := moduleRoot()
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", "./wasm/widget")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, p := range []string{"offer", "carnet", "carnet/network"} {
		assert.Contains(t, strings.Fields(string(out)), wasm.Module+"/"+p, "sans étiquette, le paquet des widgets les lie tous")
	}
}
