//go:build !js

package wasm_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm/validator"
)

// TestValidateModuleInNode runs the validation-only module in Node on the
// example diagnostics, valid and invalid, and checks that its verdicts and
// fault codes are those of schemas.Validate in Go.
func TestValidateModuleInNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node n'est pas installé : test du module de validation en JavaScript ignoré")
	}
	dist := builtDist(t)
	root, err := moduleRoot()
	require.NoError(t, err)
	files, _ := filepath.Glob(filepath.Join(root, "examples", "diagnostic", "*.json"))
	invalid, _ := filepath.Glob(filepath.Join(root, "examples", "diagnostic", "invalid", "*.json"))
	for _, f := range invalid {
		if filepath.Ext(filepath.Base(f[:len(f)-5])) != ".faults" {
			files = append(files, f)
		}
	}
	require.NotEmpty(t, files, "exemples de diagnostics introuvables")

	args := append([]string{filepath.Join("testdata", "validate-node.cjs"), dist, "diagnostic"}, files...)
	out, err := exec.Command(node, args...).Output()
	require.NoError(t, err, "node : %s", out)
	var got struct {
		Kinds   []string                    `json:"kinds"`
		Results map[string]validator.Result `json:"results"`
	}
	require.NoError(t, json.Unmarshal(out, &got), "%s", out)
	assert.Contains(t, got.Kinds, "diagnostic")

	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			want := schemas.Validate("diagnostic", data)
			r, ok := got.Results[name]
			require.True(t, ok)
			assert.Equal(t, want.Valid(), r.Valid)
			assert.Equal(t, codes(want), codes(r.Faults))
		})
	}
	assert.False(t, got.Results["objet-vide"].Valid)
	assert.True(t, got.Results["type-inconnu"].Faults.HasCode("INPUT-KIND-01"))
}

func codes(fs spie.Faults) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code+" "+f.Path)
	}
	return out
}
