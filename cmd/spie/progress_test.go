package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProgressText: sizes in the SI's decimal units with a French decimal
// comma, the mean rate, the time left at that rate (values worked by hand).
func TestProgressText(t *testing.T) {
	for _, tc := range []struct {
		read, total int64
		known       bool
		elapsed     time.Duration
		want        string
	}{
		{0, 0, false, 0, "0 octets"},
		{999, 0, false, time.Second, "999 octets, 999 octets/s"},
		// 1 500 000 of 6 000 000 in 3 s: 500 000 o/s, 4 500 000 left → 9 s.
		{1_500_000, 6_000_000, true, 3 * time.Second, "1,5 Mo / 6,0 Mo, 500,0 Ko/s, reste 9 s"},
		// 1 Go of 4 Go in 20 s: 50 Mo/s, 3 Go left → 60 s.
		{1_000_000_000, 4_000_000_000, true, 20 * time.Second, "1,0 Go / 4,0 Go, 50,0 Mo/s, reste 1 min 00 s"},
		// 10 Mo of 1 To in 1 s: 10 Mo/s, 999 990 Mo left → 99 999 s = 27 h 46 min 39 s.
		{10_000_000, 1_000_000_000_000, true, time.Second, "10,0 Mo / 1,0 To, 10,0 Mo/s, reste 27 h 46 min"},
		// Done: nothing left, no time left said.
		{2_000, 2_000, true, time.Second, "2,0 Ko / 2,0 Ko, 2,0 Ko/s"},
	} {
		assert.Equal(t, tc.want, progressText(tc.read, tc.total, tc.known, tc.elapsed))
	}
}

// TestProgressBar: on a (fake) terminal, a verb reading a large file draws
// a bar on stderr with the file's name and bytes read against its size;
// when stderr is not a terminal, or for a verb that shows no bar, nothing
// is written to stderr. The output on stdout is the same either way.
func TestProgressBar(t *testing.T) {
	diag := compactFile(t, exDiag+"jeune-laon.json")
	var b strings.Builder
	for b.Len() < 240_000 {
		b.WriteString(diag + "\n")
	}
	// Pad with blanks to exactly 250 000 octets: « 250,0 Ko ».
	b.WriteString(strings.Repeat(" ", 250_000-b.Len()))
	file := filepath.Join(t.TempDir(), "diagnostics.ndjson")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o600))

	runTTY := func(tty bool, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: today, isTerminal: func() bool { return tty }}
		return run(c, args), out.String(), errOut.String()
	}
	code, out, errOut := runTTY(true, "validate", "--kind", "diagnostic", file)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "diagnostics.ndjson")
	assert.Contains(t, errOut, "250,0 Ko / 250,0 Ko")
	assert.Contains(t, errOut, "[")

	code2, out2, errOut2 := runTTY(false, "validate", "--kind", "diagnostic", file)
	assert.Equal(t, code, code2)
	assert.Equal(t, out, out2)
	assert.Empty(t, errOut2)

	// A verb that shows no bar, on a terminal.
	code, _, errOut = runTTY(true, "orient", exDiag+"jeune-laon.json")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, errOut)
}
