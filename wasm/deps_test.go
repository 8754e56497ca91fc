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
// built for GOOS=js.
func widgetModuleDeps(t *testing.T, w string) []string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", wasm.WidgetPackage(w))
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
