//go:build !js

package wasm_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestWidgetsBundleDependencies keeps the heavy modules out of app.wasm, the
// one bundle every widget page loads.
func TestWidgetsBundleDependencies(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", "./wasm/cmd/widgets")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/spie-fr/socle/offer", "le bundle contient les widgets de l'offre")
	for _, dep := range deps {
		for _, heavy := range heavyForWidgets {
			assert.False(t, strings.HasPrefix(dep, heavy), "app.wasm ne doit pas lier %s", dep)
		}
	}
}

// TestWidgetsBundleLinksNoExamples (issue 15, item 1): the widgets hold no
// figures nor documents of their own; the portal sends the examples through
// the loader like any partner, so app.wasm never links package examples.
func TestWidgetsBundleLinksNoExamples(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", "./wasm/cmd/widgets")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.NotContains(t, strings.Fields(string(out)), "github.com/spie-fr/socle/examples")
}
