//go:build !js

package wasm_test

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/label"
	"github.com/spie-fr/socle/wasm/manifest"
	"github.com/spie-fr/socle/wasm/widget"
)

// The roles spie-embed.d.ts offers a carnet viewer are carnet.Roles, the one
// list of roles: a role added there must be declared to partners too.
func TestDTSCarnetRolesAreTheLibrarys(t *testing.T) {
	b, err := os.ReadFile("assets/spie-embed.d.ts")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?s)interface SpieCarnetViewer \{\s*role: ([^;]+);`).FindSubmatch(b)
	require.NotNil(t, m, "SpieCarnetViewer.role introuvable dans spie-embed.d.ts")
	var dts []string
	for _, q := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(m[1], -1) {
		dts = append(dts, string(q[1]))
	}
	want := carnet.Roles.Keys()
	sort.Strings(dts)
	sort.Strings(want)
	assert.Equal(t, want, dts)
}

// The faults the loader reports itself are defined once, in Go
// (widget.FaultLoad, widget.FaultWidget, widget.FaultOrigin,
// widget.FaultPrefill): spie-embed.js must write the
// same code and texts, in its one table of messages.
func TestLoaderFaultsAreTheWidgets(t *testing.T) {
	for file, fts := range map[string][]*spie.FaultType{
		"assets/spie-embed.js": {widget.FaultLoad, widget.FaultWidget, widget.FaultOrigin, widget.FaultPrefill},
		"assets/spie-boot.js":  {widget.FaultModule},
	} {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		js := string(b)
		for _, ft := range fts {
			f := ft.At("")
			for _, s := range []string{`code: "` + f.Code + `"`, `message: "` + f.Message + `"`, `message_en: "` + f.MessageEN + `"`} {
				assert.Contains(t, js, s, file)
			}
			// One table: each text written once.
			assert.Equal(t, 1, strings.Count(js, f.Message), "%s : %s", file, f.Message)
			assert.Equal(t, 1, strings.Count(js, f.MessageEN), "%s : %s", file, f.MessageEN)
		}
	}
}

// The indicator keys, dimensions and labelling decisions spie-embed.d.ts
// declares for the indicateurs widget are the library's lists.
func TestDTSIndicatorsAreTheLibrarys(t *testing.T) {
	b, err := os.ReadFile("assets/spie-embed.d.ts")
	require.NoError(t, err)
	union := func(re string) []string {
		m := regexp.MustCompile(re).FindSubmatch(b)
		require.NotNil(t, m, re)
		var out []string
		for _, q := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(m[1], -1) {
			out = append(out, string(q[1]))
		}
		sort.Strings(out)
		return out
	}
	sorted := func(s []string) []string {
		s = append([]string(nil), s...)
		sort.Strings(s)
		return s
	}
	assert.Equal(t, sorted(carnet.Indicators.Keys()), union(`type SpieIndicatorKey = ([^;]+);`))
	assert.Equal(t, sorted(carnet.IndicatorDimensions.Keys()), union(`dimension: ([^;]+);`))
	assert.Equal(t, sorted(label.Statuses.Keys()), union(`decision: ([^;]+?); libelle`))
}

// The iframe titles the loader writes (TITLES in French, TITLES_EN for
// lang "en") are the widgets' labels in the manifest, the one definition.
func TestLoaderTitlesAreTheManifests(t *testing.T) {
	b, err := os.ReadFile("assets/spie-embed.js")
	require.NoError(t, err)
	for name, pick := range map[string]func(spie.Label) string{
		"TITLES":    func(l spie.Label) string { return l.FR },
		"TITLES_EN": func(l spie.Label) string { return l.EN },
	} {
		m := regexp.MustCompile(`(?s)var ` + name + ` = \{(.*?)\};`).FindSubmatch(b)
		require.NotNil(t, m, "%s introuvable dans spie-embed.js", name)
		got := map[string]string{}
		for _, kv := range regexp.MustCompile(`(\w+): "([^"]*)"`).FindAllSubmatch(m[1], -1) {
			got[string(kv[1])] = string(kv[2])
		}
		want := map[string]string{}
		for _, d := range manifest.Widgets {
			want[d.Key] = pick(d.Label)
		}
		assert.Equal(t, want, got, name)
	}
}
