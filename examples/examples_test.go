package examples_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

var update = flag.Bool("update", false, "réécrit les fichiers de fautes attendues")

// today is the fixed date at which the examples are checked.
var today = func() time.Time { return time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC) }

type expected struct {
	Code     string        `json:"code"`
	Path     string        `json:"path"`
	Severity spie.Severity `json:"severity"`
}

// kindFolders maps example folders to document kinds.
var kindFolders = map[string]string{"diagnostic": "diagnostic", "orientation": "regles-orientation", "carnet": "carnet", "convention-pmsmp": "convention-pmsmp"}

func TestValidExamples(t *testing.T) {
	for folder, kind := range kindFolders {
		files, err := filepath.Glob(filepath.Join(folder, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, f := range files {
			t.Run(f, func(t *testing.T) {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				fs := schemas.Validate(kind, data, schemas.WithNow(today))
				assert.Empty(t, fs.Errors(), "%v", fs)
			})
		}
	}
}

func TestInvalidExamples(t *testing.T) {
	for folder, kind := range kindFolders {
		files, err := filepath.Glob(filepath.Join(folder, "invalid", "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, ".faults.json") {
				continue
			}
			t.Run(f, func(t *testing.T) {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				fs := schemas.Validate(kind, data, schemas.WithNow(today))
				assert.False(t, fs.Valid(), "un exemple invalide doit l'être")
				got := make([]expected, 0, len(fs))
				for _, x := range fs {
					got = append(got, expected{x.Code, x.Path, x.Severity})
				}
				golden := strings.TrimSuffix(f, ".json") + ".faults.json"
				if *update {
					b, _ := json.MarshalIndent(got, "", "  ")
					require.NoError(t, os.WriteFile(golden, append(b, '\n'), 0o644))
				}
				b, err := os.ReadFile(golden)
				require.NoError(t, err, "fautes attendues absentes : go test ./examples -update")
				var want []expected
				require.NoError(t, json.Unmarshal(b, &want))
				assert.Equal(t, want, got, "(-want +got)")
			})
		}
	}
}

// TestExampleMessagesAreFrench validates every example document, those of
// the catalogues and lists too (read as the CLI reads them), and scans
// every fault message for English words and library text.
func TestExampleMessagesAreFrench(t *testing.T) {
	files := map[string]string{
		"offer/services-aisne.ndjson":             "service",
		"offer/structures-aisne.json":             "structure",
		"offer/prescription-acceptee.json":        "prescription",
		"network/diagnostics-aisne-2026.ndjson":   "diagnostic",
		"network/cohorte-laon-18-30.json":         "cohorte",
		"network/cto-laon-2023.json":              "comite",
		"network/label-meaux-a-completer.json":    "candidature-label",
		"network/label-refusee.json":              "candidature-label",
		"orientation/regles-77-codiagnostic.json": "regles-orientation",
	}
	for folder, kind := range kindFolders {
		all, err := filepath.Glob(filepath.Join(folder, "*.json"))
		require.NoError(t, err)
		invalid, err := filepath.Glob(filepath.Join(folder, "invalid", "*.json"))
		require.NoError(t, err)
		for _, f := range append(all, invalid...) {
			if !strings.HasSuffix(f, ".faults.json") {
				files[f] = kind
			}
		}
	}
	n := 0
	for f, kind := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		err = input.Each(fh, input.Options{}, func(d input.Doc) error {
			n++
			if d.Fault != nil {
				frtext.AssertFaults(t, f, spie.Faults{*d.Fault})
				return nil
			}
			frtext.AssertFaults(t, f+d.Pointer(), schemas.Validate(kind, d.Data, schemas.WithNow(today)))
			return nil
		})
		fh.Close()
		require.NoError(t, err, f)
	}
	assert.Greater(t, n, 100)
}
