package main

import (
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/internal/input"
)

// TestFlagError parses hostile arguments with the flag package itself (the
// oracle of the English messages flagError translates) and checks the
// French said for each, with no library text left.
func TestFlagError(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--inconnue"}, "option inconnue : --inconnue"},
		{[]string{"-x"}, "option inconnue : --x"},
		{[]string{"--n"}, "l'option --n attend une valeur"},
		{[]string{"---n"}, "option mal formée : ---n"},
		{[]string{"--n", "douze"}, "valeur « douze » refusée pour --n : nombre attendu"},
		{[]string{"--n", "99999999999999999999"}, "valeur « 99999999999999999999 » refusée pour --n : nombre hors limites"},
		{[]string{"--f", "1,5"}, "valeur « 1,5 » refusée pour --f : nombre attendu"},
		{[]string{"--b=peut-être"}, "valeur « peut-être » refusée pour --b : true ou false attendu"},
		{[]string{"--d", `"x": y`}, `valeur « "x": y » refusée pour --d : date "\"x\": y" invalide (AAAA-MM-JJ)`},
	}
	for _, tc := range tests {
		fl := flag.NewFlagSet("essai", flag.ContinueOnError)
		fl.SetOutput(io.Discard)
		fl.Int("n", 1, "")
		fl.Float64("f", 1, "")
		fl.Bool("b", false, "")
		fl.Func("d", "", func(s string) error { _, err := parseDate(s); return err })
		err := fl.Parse(tc.args)
		require.Error(t, err, tc.args)
		got := flagError(err)
		assert.Equal(t, tc.want, got, tc.args)
		assert.Empty(t, frtext.LibraryText(got), got)
	}
}

// TestFileError: the operating system's refusals are said in French
// without its English text.
func TestFileError(t *testing.T) {
	dir := t.TempDir()
	_, err := openFile(filepath.Join(dir, "absent"))
	assert.EqualError(t, err, "fichier introuvable : "+filepath.Join(dir, "absent"))
	_, err = openFile(dir)
	assert.EqualError(t, err, dir+" est un dossier, pas un fichier")
	closed := filepath.Join(dir, "fermé.json")
	require.NoError(t, os.WriteFile(closed, []byte("{}"), 0o000))
	if f, err := os.Open(closed); err == nil {
		_ = f.Close()
		t.Log("fichier sans droits lisible (administrateur) : cas de l'accès refusé non vérifié ici")
	} else {
		_, err = openFile(closed)
		assert.EqualError(t, err, "accès refusé à "+closed)
	}
	// The error os.Open gives a reader without the right (EACCES).
	assert.EqualError(t, fileError("x", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, false), "accès refusé à x")
	assert.EqualError(t, fileError("x", os.ErrClosed, false), "lecture impossible de x")
	assert.EqualError(t, fileError("x", os.ErrClosed, true), "écriture impossible de x")
}

// failingReader fails its first read with the error of the operating system
// reading a damaged disk (EIO).
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: "/disque/x.json", Err: syscall.EIO}
}

// TestFileReader: a read error in the middle of a file reaches the user in
// French, through the one input reader; the end of the file stays io.EOF.
func TestFileReader(t *testing.T) {
	r := &fileReader{r: failingReader{}, name: "x.json"}
	err := readDocuments(r, func(input.Doc) error { return nil })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "lecture impossible de x.json")
	assert.Empty(t, frtext.LibraryText(err.Error()), err.Error())
	assert.NotContains(t, err.Error(), "input/output error")
	b, err := io.ReadAll(&fileReader{r: strings.NewReader("{}"), name: "y.json"})
	require.NoError(t, err)
	assert.Equal(t, "{}", string(b))
}
