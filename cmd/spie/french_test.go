package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/spie"
)

// TestFaultTemplatesAreFrench scans the French template of every fault type
// registered by the packages of the CLI (all of socle's) for English words
// and library text, and the English template for library text.
func TestFaultTemplatesAreFrench(t *testing.T) {
	types := spie.FaultTypes()
	if len(types) < 100 {
		t.Fatalf("%d types de fautes seulement : le registre est-il complet ?", len(types))
	}
	for _, ft := range types {
		frtext.Assert(t, ft.Code, ft.FR)
		if l := frtext.LibraryText(ft.EN); len(l) > 0 {
			t.Errorf("%s : texte de bibliothèque %q dans %q", ft.Code, l, ft.EN)
		}
	}
}

// scanOutput checks every line of a CLI output (or golden file) for English
// words and library text; the "message_en" members of JSON outputs are
// English by design and are checked for library text only.
func scanOutput(t *testing.T, where, out string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if strings.Contains(line, `"message_en"`) {
			if l := frtext.LibraryText(line); len(l) > 0 {
				t.Errorf("%s:%d : texte de bibliothèque %q dans %q", where, i+1, l, line)
			}
			continue
		}
		frtext.Assert(t, fmt.Sprintf("%s:%d", where, i+1), line)
	}
}

// TestGoldenOutputsAreFrench scans every expected output of the CLI kept
// in testdata (the fuzz corpus aside) for English words and library text.
func TestGoldenOutputsAreFrench(t *testing.T) {
	n := 0
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), "input-") {
			return nil // inputs, not outputs
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		scanOutput(t, p, string(b))
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, n, 50)
}

// hostileInputs are the documents of the fuzz corpus of testdata/fuzz (the
// "go test fuzz v1" files) and hand-written hostile shapes.
func hostileInputs(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{
		"vide": "", "oups": "{oops\n", "nombre": `{"id": 3}`, "champ inconnu": `{"inconnu": 1}`,
		"tronqué": `{"id": "a", "personne": {`, "tableau": "[1, 2", "NaN": `{"x": NaN}`,
		"clé répétée": `{"id":"a","id":"b"}`, "entier énorme": `{"id": "a", "situation_professionnelle": {"rayon_mobilite_km": 100000000000000000000}}`,
		"entier décimal": `{"id": "a", "situation_professionnelle": {"rayon_mobilite_km": 15.0}}`,
		"BOM":            "\xEF\xBB\xBF{}", "UTF-8 cassé": "{\"id\":\"\xff\"}",
	}
	files, err := filepath.Glob("testdata/fuzz/*/*")
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines := strings.SplitN(string(b), "\n", 2)
		require.Len(t, lines, 2, f)
		lit := strings.TrimSpace(lines[1])
		lit = strings.TrimSuffix(strings.TrimPrefix(lit, "[]byte("), ")")
		s, err := strconv.Unquote(lit)
		require.NoError(t, err, f)
		out[f] = s
	}
	return out
}

// TestHostileOutputsAreFrench runs the hostile corpus through every verb
// that reads documents from its standard input and scans what they print.
func TestHostileOutputsAreFrench(t *testing.T) {
	verbs := [][]string{
		{"validate", "--kind", "diagnostic", "-"}, {"validate", "--kind", "diagnostic", "--format", "json", "-"},
		{"validate", "--kind", "carnet", "-"}, {"validate", "--kind", "comite", "-"}, {"validate", "--kind", "service", "-"},
		{"orient", "-"}, {"iae", "-"}, {"pmsmp", "-"}, {"pmsmp", "--format", "json", "-"}, {"alerts", "--date", "2025-10-15", "-"},
		{"agreement", "--format", "json", "-"}, {"agreement", "-"}, {"import-ft", "-"},
		{"import-cdb", "--siret", "22020000000010", "--commune", "02408", "-"}, {"import-cdb", "--siret", "22020000000010", "--commune", "02408", "--format", "json", "-"},
		{"indicators", "--date", "2026-06-30", "-"}, {"label", "--date", "2024-03-15", "-"},
	}
	for name, in := range hostileInputs(t) {
		for _, args := range verbs {
			_, out, errOut := runCLI(t, in, args...)
			where := strings.Join(args, " ") + " < " + name
			scanOutput(t, where+" (sortie)", out)
			scanOutput(t, where+" (erreurs)", errOut)
		}
	}
}

// TestHostileArgumentsAreFrench gives every verb arguments the operating
// system or the flag package refuse (a missing file, a directory, an
// unknown option, an option without its value, a value its parser refuses)
// and checks the exit code, the French message the reviewer asked for
// (issue 12 items 6 and 7) and that no library text reaches stderr.
func TestHostileArgumentsAreFrench(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "absent.json")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate", "--kind", "service", missing}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"validate", "--kind", "service", dir}, exitUsage, dir + " est un dossier, pas un fichier"},
		{[]string{"orient", missing}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"orient", dir}, exitUsage, dir + " est un dossier, pas un fichier"},
		{[]string{"search", "--catalogue", missing}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"search", "--catalogue", dir}, exitUsage, dir + " est un dossier, pas un fichier"},
		{[]string{"alerts", "--politique", missing, "-"}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"alerts", "--cles", dir, "-"}, exitUsage, dir + " est un dossier, pas un fichier"},
		{[]string{"alerts", "--points-de-controle", missing, "-"}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"alerts", "--date", "2026-02-30", "-"}, exitUsage, `valeur « 2026-02-30 » refusée pour --date : date "2026-02-30" invalide (AAAA-MM-JJ)`},
		{[]string{"indicators", "--date", "demain", "-"}, exitUsage, "valeur « demain » refusée pour --date : "},
		{[]string{"search", "--catalogue", "-", "--radius", "abc"}, exitUsage, "valeur « abc » refusée pour --radius : nombre attendu"},
		{[]string{"search", "--catalogue", "-", "--commune", "02691", "--radius", "NaN"}, exitUsage, "rayon invalide"},
		{[]string{"validate", "-x"}, exitUsage, "option inconnue : --x"},
		{[]string{"search", "--inconnue", "1"}, exitUsage, "option inconnue : --inconnue"},
		{[]string{"validate", "--kind"}, exitUsage, "l'option --kind attend une valeur"},
		{[]string{"validate", "--kind", "service", "--workers", "abc", "-"}, exitUsage, "valeur « abc » refusée pour --workers : nombre attendu"},
		{[]string{"validate", "--kind", "service", "--workers", "99999999999999999999", "-"}, exitUsage, "refusée pour --workers : nombre hors limites"},
		{[]string{"validate", "--kind", "service", "--workers", "0", "-"}, exitUsage, "--workers 0 refusé"},
		{[]string{"validate", "--kind", "service", "--workers", "-1", "-"}, exitUsage, "--workers -1 refusé"},
		{[]string{"import-ft", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"import-cdb", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"import-cdb", "--siret", "22020000000010", "--commune", "02408", missing}, exitUsage, "fichier introuvable : " + missing},
		{[]string{"convert-v0", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"export-ft", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"agreement", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"iae", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"orient", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"demo", "--zzz"}, exitUsage, "option inconnue : --zzz"},
		{[]string{"label", "--date"}, exitUsage, "l'option --date attend une valeur"},
	}
	for _, tc := range tests {
		where := strings.Join(tc.args, " ")
		code, out, errOut := runCLI(t, "", tc.args...)
		assert.Equal(t, tc.code, code, "%s : %s", where, errOut)
		assert.Contains(t, errOut, tc.want, where)
		assert.Empty(t, frtext.LibraryText(errOut), "%s : %s", where, errOut)
		scanOutput(t, where+" (sortie)", out)
		scanOutput(t, where+" (erreurs)", errOut)
	}
}

// TestHelpIsFrench asks every verb for its help (-h, exit 0) and scans it:
// the options are listed in French (printDefaults), without the flag
// package's "(default …)" nor its English type names.
func TestHelpIsFrench(t *testing.T) {
	for name := range commands {
		code, out, errOut := runCLI(t, "", name, "-h")
		if name == "schema" || name == "kinds" {
			continue // no options
		}
		assert.Equal(t, exitOK, code, "%s -h : %s", name, errOut)
		assert.Contains(t, errOut, "Usage : spie "+name, name)
		assert.NotRegexp(t, `(?m)^\s+-\w+ (string|int|float|value|uint|duration)$`, errOut, name)
		scanOutput(t, name+" -h (sortie)", out)
		scanOutput(t, name+" -h (erreurs)", errOut)
	}
}
