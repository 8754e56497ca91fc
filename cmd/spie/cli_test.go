package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// today is the fixed clock of the CLI tests.
func today() time.Time { return time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC) }

// runCLI runs the CLI with args and stdin, returning the exit code and outputs.
func runCLI(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, now: today}
	code := run(c, args)
	return code, out.String(), errOut.String()
}

func TestUsage(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != exitOK || !strings.Contains(out, "validate") {
		t.Fatalf("help: code %d, sortie %q", code, out)
	}
	if code, _, errOut := runCLI(t, "", "inconnue"); code != exitUsage || !strings.Contains(errOut, "commande inconnue") {
		t.Fatalf("commande inconnue : code %d, %q", code, errOut)
	}
	if code, _, _ := runCLI(t, ""); code != exitUsage {
		t.Fatalf("sans argument : code %d", code)
	}
}
