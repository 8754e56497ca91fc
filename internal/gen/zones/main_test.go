package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

// TestGeneratedFileIsCurrent regenerates spie/zones_gen.go from the running
// Go release's database and compares it with the committed file, when the
// file was written by the same release (another release may ship another
// version of the database: spie's TestTimeZonesAgreeWithTheDatabase checks
// the zones' behaviour whatever the release).
func TestGeneratedFileIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "spie", "zones_gen.go"))
	require.NoError(t, err)
	m := regexp.MustCompile(`time zone database of (\S+) `).FindSubmatch(committed)
	require.NotNil(t, m, "en-tête de zones_gen.go")
	if string(m[1]) != runtime.Version() {
		t.Skipf("zones_gen.go écrit par %s, test lancé par %s", m[1], runtime.Version())
	}
	root, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	got, err := Generate(filepath.Join(strings.TrimSpace(string(root)), "lib", "time", "zoneinfo.zip"), spie.TimeZoneNames(), runtime.Version())
	require.NoError(t, err)
	require.Equal(t, string(committed), string(got), "lancez go generate ./spie")
}

// TestGenerateRefusesAnUnknownZone: a name the database lacks is an error,
// never a silent gap.
func TestGenerateRefusesAnUnknownZone(t *testing.T) {
	root, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	_, err = Generate(filepath.Join(strings.TrimSpace(string(root)), "lib", "time", "zoneinfo.zip"), []string{"Europe/Laon"}, runtime.Version())
	require.ErrorContains(t, err, "Europe/Laon")
}
