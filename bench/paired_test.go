package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The medians are worked by hand: 3 values → the middle one; 4 values →
// the mean of the two middle ones ((1.0 + 2.0) / 2 = 1.5).
func TestPairStats(t *testing.T) {
	med, lo, hi := pairResult{ratios: []float64{0.9, 0.7, 0.8}}.stats()
	assert.Equal(t, []float64{0.8, 0.7, 0.9}, []float64{med, lo, hi})
	med, lo, hi = pairResult{ratios: []float64{3, 1, 2, 0.5}}.stats()
	assert.Equal(t, []float64{1.5, 0.5, 3}, []float64{med, lo, hi})
}

// medianRun keeps the run of median throughput (the lower middle one).
func TestMedianRun(t *testing.T) {
	runs := []result{{Mode: "a", Docs: 300, CPUSeconds: 1}, {Mode: "b", Docs: 100, CPUSeconds: 1}, {Mode: "c", Docs: 200, CPUSeconds: 1}, {Mode: "d", Docs: 400, CPUSeconds: 1}}
	assert.Equal(t, "c", medianRun(runs).Mode)
}

// A table as `go tool pprof -top` prints it (go1.26), copied from its
// documented layout.
const topText = `File: bench
Type: cpu
Duration: 8.01s, Total samples = 2.50s (31.21%)
Showing nodes accounting for 2.50s, 100% of 2.50s total
      flat  flat%   sum%        cum   cum%
     0.50s 20.00% 20.00%      0.50s 20.00%  runtime.mallocgc
     0.25s 10.00% 30.00%      1.25s 50.00%  github.com/spie-fr/socle/schemas.(*decoder).object
     0.25s 10.00% 40.00%      0.25s 10.00%  memeqbody
     0.10s  4.00% 44.00%      0.10s  4.00%  github.com/spie-fr/socle/spie.luhn (inline)
         0     0% 44.00%      2.50s   100%  main.runChild
`

func TestParseTop(t *testing.T) {
	p, err := parseTop([]byte(topText))
	require.NoError(t, err)
	assert.Equal(t, "2.50s", p.total)
	require.Len(t, p.funcs, 5)
	assert.Equal(t, profFunc{"github.com/spie-fr/socle/spie.luhn (inline)", 4, 4}, p.funcs[3])
	assert.Equal(t, "github.com/spie-fr/socle/schemas.(*decoder).object", p.topCum(1)[0].name, "the harness's frames are left out")
	// runtime: 20 % + memeqbody 10 % (assembly, no package) = 30 %.
	assert.Equal(t, profFunc{name: "runtime", flat: 30}, p.byPackage()[0])
	_, err = parseTop([]byte("no table"))
	assert.Error(t, err)
}

func TestPackageOf(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/spie-fr/socle/schemas.(*scanner).next": "github.com/spie-fr/socle/schemas",
		"runtime.mallocgc":                            "runtime",
		"aeshashbody":                                 "runtime",
		"golang.org/x/net/idna.info.isBidi":           "golang.org/x/net/idna",
		"encoding/json.(*decodeState).value":          "encoding/json",
		"github.com/spie-fr/socle/spie.luhn (inline)": "github.com/spie-fr/socle/spie",
	} {
		assert.Equal(t, want, packageOf(in), in)
	}
}

// The hand-written sections of a previous report are kept, the generated
// ones dropped.
func TestHandWritten(t *testing.T) {
	old := "# Titre\n\n## Machine\n\nx\n\n## Service\n\nSection écrite à la main, hors du banc.\n\n| a |\n\n## Commandes\n\ny\n"
	assert.Equal(t, "\n## Service\n\nSection écrite à la main, hors du banc.\n\n| a |\n", handWritten(old))
	assert.Empty(t, handWritten(""))
	// the widgets' section, written by TestMeasure, after a hand-written
	// one: its opening marker stayed with the hand-written section and was
	// written twice at each run of the bench
	withWidgets := "# Titre\n\n## Service\n\nSection écrite à la main.\n\n" + measureBegin + "\n## Widgets\n\nz\n" + measureEnd + "\n"
	assert.Equal(t, "\n## Service\n\nSection écrite à la main.\n", handWritten(withWidgets))
}
