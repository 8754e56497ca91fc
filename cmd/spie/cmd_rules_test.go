package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRulesLoadBack: what spie rules prints is a rules file that loads
// without a fault, holds the default rules, and, given back to spie orient
// --rules, decides as the default rules do.
func TestRulesLoadBack(t *testing.T) {
	code, out, errOut := runCLI(t, "", "rules")
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, errOut)
	r, fs := diagnostic.LoadOrientationRules(bytes.NewReader([]byte(out)))
	require.Empty(t, fs)
	assert.Equal(t, diagnostic.DefaultOrientationRules(), r)

	file := filepath.Join(t.TempDir(), "regles.json")
	require.NoError(t, os.WriteFile(file, []byte(out), 0o600))
	for _, d := range []string{"jeune-laon.json", "rsa-logement-sante-marseille.json", "boeth-carcassonne.json"} {
		c1, o1, e1 := runCLI(t, "", "orient", "--format", "text", exDiag+d)
		c2, o2, e2 := runCLI(t, "", "orient", exDiag+d, "--rules", file, "--format", "text")
		assert.Equal(t, c1, c2, d)
		assert.Equal(t, o1, o2, d)
		assert.Equal(t, e1, e2, d)
	}

	code, _, errOut = runCLI(t, "", "rules", "x.json")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "spie rules : argument inattendu \"x.json\"\n", errOut)
}
