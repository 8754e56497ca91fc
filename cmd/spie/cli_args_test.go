package main

import (
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPermuteArgs: options stand anywhere on the line; `--` ends them; `-`
// alone is a file; a value option takes the next argument even when it
// looks like a file, a boolean option does not.
func TestPermuteArgs(t *testing.T) {
	fl := flag.NewFlagSet("x", flag.ContinueOnError)
	fl.String("kind", "", "")
	fl.Bool("q", false, "")
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"déjà en tête", []string{"--kind", "k", "a.json"}, []string{"--kind", "k", "--", "a.json"}},
		{"après le fichier", []string{"a.json", "--kind", "k"}, []string{"--kind", "k", "--", "a.json"}},
		{"entre deux fichiers", []string{"a.json", "-kind=k", "b.json"}, []string{"-kind=k", "--", "a.json", "b.json"}},
		{"booléen sans valeur", []string{"a.json", "-q", "b.json"}, []string{"-q", "--", "a.json", "b.json"}},
		{"entrée standard", []string{"-", "--kind", "k"}, []string{"--kind", "k", "--", "-"}},
		{"-- finit les options", []string{"--kind", "k", "--", "--q", "-"}, []string{"--kind", "k", "--", "--q", "-"}},
		{"option inconnue seule", []string{"a.json", "--zut", "b.json"}, []string{"--zut", "--", "a.json", "b.json"}},
		{"valeur manquante", []string{"a.json", "--kind"}, []string{"--kind"}},
		{"rien", nil, []string{"--"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, permuteArgs(fl, tc.in))
		})
	}
}

// TestFlagsAnywhere: through a real verb, a flag after the file is read
// (it used to leave --kind empty: « --kind "" inconnu »), a file named like
// an option is read after `--`, and errors stay French.
func TestFlagsAnywhere(t *testing.T) {
	f := exDiag + "jeune-laon.json"
	code, out, errOut := runCLI(t, "", "validate", f, "--kind", "diagnostic")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "1 document(s) : 1 valide(s)")

	code, out, errOut = runCLI(t, compactFile(t, f), "validate", "-", "--format=json", "--kind", "diagnostic", f)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, `"document":"-#1"`)
	assert.Contains(t, out, `"document":"`+f+`#1"`)

	// After --, "--kind" is a file name (that does not exist): exit 2, said in French.
	code, _, errOut = runCLI(t, "", "validate", "--kind", "diagnostic", "--", "--kind")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--kind")
	assert.NotContains(t, errOut, "no such file")

	code, _, errOut = runCLI(t, "", "validate", f, "--kind")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "spie validate : l'option --kind attend une valeur (spie validate -h détaille les options)\n", errOut)
}

// FuzzPermuteArgs: whatever the line, once permuteArgs has moved the
// options first, the flag package reads as files exactly the arguments
// that are files where they stand (not an option nor an option's value,
// or after a `--` that ends the options), in their order.
func FuzzPermuteArgs(f *testing.F) {
	f.Add("a.json\x00--kind\x00k\x00-\x00--\x00--q")
	f.Add("-q\x00--kind=x\x00b\x00--kind")
	f.Add("--\x00--\x00-")
	// Found by the fuzzer while the oracle was written (testdata/fuzz holds
	// the documents of the hostile corpus, not these lines).
	f.Add("--kind\x00--")
	f.Add("-0")
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\x00")
		fl := flag.NewFlagSet("x", flag.ContinueOnError)
		fl.SetOutput(io.Discard)
		fl.String("kind", "", "")
		fl.Bool("q", false, "")
		out := permuteArgs(fl, args)
		// Files, as permuteArgs defines them, in their order.
		files := []string{}
		for i := 0; i < len(args); i++ {
			a := args[i]
			if a == "--" {
				files = append(files, args[i+1:]...)
				break
			}
			if a == "-" || !strings.HasPrefix(a, "-") {
				files = append(files, a)
				continue
			}
			if (a == "--kind" || a == "-kind") && i+1 < len(args) {
				i++
			}
		}
		if fl.Parse(out) != nil {
			return // an option the flag package refuses: unknown, without its value, malformed
		}
		assert.Equal(t, files, append([]string{}, fl.Args()...), "%q → %q", args, out)
	})
}
