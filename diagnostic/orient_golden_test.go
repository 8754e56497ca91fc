package diagnostic_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
)

// The -update flag rewrites golden files. It is declared here unless another
// test file of the package already declares it (package variables are all
// initialised before init functions run).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "réécrit les fichiers de référence")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestOrientCasesGolden writes the whole decision of every case of the table
// (criteria, values, effects and sentences) to a golden file, so that any
// change of a reason shows in review.
func TestOrientCasesGolden(t *testing.T) {
	type entry struct {
		Case     string              `json:"cas"`
		Decision diagnostic.Decision `json:"decision"`
	}
	var got []entry
	for _, c := range orientCases {
		d := baseDiagnostic()
		for _, m := range c.mods {
			m(d)
		}
		got = append(got, entry{c.name, diagnostic.Orient(d, nil)})
	}
	b, err := json.MarshalIndent(got, "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	path := filepath.Join("testdata", "orient", "cas.golden.json")
	if updateGolden() {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "référence absente : go test ./diagnostic -run OrientCasesGolden -update")
	assert.JSONEq(t, string(want), string(b), "(-want +got)")
}
