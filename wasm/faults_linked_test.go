//go:build !js

package wasm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm"
)

// A widget module keeps only the fault types its widget produces (issue 17,
// item 4): fault types are data (spie.FaultType composite literals)
// registered on the host only, so the linker drops the others. The
// diagnostic widget shows the rights matrix (CARNET-DROITS-02 when a role
// may not read a section: linked, the control that the probe finds a code)
// but computes no carnet alert and applies no change to a carnet
// (CARNET-RUPTURE-12, the PACEA ending at 26; CARNET-NIR-01, the NIR grant
// judged by carnet.Apply: not linked). The carnet widget applies proposed
// changes through carnet.Apply, so it keeps CARNET-NIR-01.
func TestWidgetModuleDropsUnusedFaultTypes(t *testing.T) {
	dist := builtDist(t)
	read := func(key string) []byte {
		b, err := os.ReadFile(filepath.Join(dist, wasm.WidgetWasm(key)))
		require.NoError(t, err)
		return b
	}
	diag, carnet := read("diagnostic"), read("carnet")
	assert.True(t, bytes.Contains(diag, []byte("CARNET-DROITS-02")), "diagnostic.wasm montre la matrice des droits")
	for _, code := range []string{"CARNET-RUPTURE-12", "CARNET-NIR-01"} {
		assert.False(t, bytes.Contains(diag, []byte(code)), "diagnostic.wasm ne doit pas lier %s", code)
	}
	assert.True(t, bytes.Contains(carnet, []byte("CARNET-NIR-01")), "carnet.wasm applique les changements proposés")
}
