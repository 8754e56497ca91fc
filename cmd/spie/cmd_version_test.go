package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVersion: spie --version and spie version print the module version
// from the build information, the schema version, the rules format and the
// data·inclusion version, and the Go version.
func TestVersion(t *testing.T) {
	saved := readBuildInfo
	t.Cleanup(func() { readBuildInfo = saved })
	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{GoVersion: "go1.99.1", Main: debug.Module{Path: "github.com/spie-fr/socle", Version: "v1.4.0"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}}, true
	}
	want := "spie v1.4.0 (module github.com/spie-fr/socle)\n" +
		"commit : abc123, avec des modifications non enregistrées\n" +
		"schémas JSON : v1 (https://spie-fr.github.io/socle/schemas/v1/)\n" +
		"format des règles d'orientation : 1.0\n" +
		"schéma data·inclusion : 1.0.8\n" +
		"Go : go1.99.1\n"
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, out, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitOK, code, errOut)
		assert.Equal(t, want, out, args)
	}
	code, out, _ := runCLI(t, "", "version", "--format", "json")
	require.Equal(t, exitOK, code)
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	assert.Equal(t, "v1.4.0", v["version"])
	assert.Equal(t, "v1", v["schemas"])
	assert.Equal(t, "go1.99.1", v["go"])

	// Without build information (a stripped binary), the version says so
	// and Go's is the running one.
	readBuildInfo = func() (*debug.BuildInfo, bool) { return nil, false }
	_, out, _ = runCLI(t, "", "version")
	assert.Contains(t, out, "spie (inconnue) (module github.com/spie-fr/socle)\n")
	assert.Contains(t, out, "Go : "+runtime.Version()+"\n")

	code, _, errOut := runCLI(t, "", "version", "x")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "spie version : argument inattendu \"x\"\n", errOut)
}
