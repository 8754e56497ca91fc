package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// fileError says in French why the file name could not be opened, read or
// written, from the operating system's error err, without its English text:
// « fichier introuvable : X », « X est un dossier, pas un fichier », « accès
// refusé à X », else « lecture impossible de X » (« écriture impossible de
// X » when write is true).
func fileError(name string, err error, write bool) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("fichier introuvable : %s", name)
	case errors.Is(err, errIsDir), errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s est un dossier, pas un fichier", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("accès refusé à %s", name)
	case write:
		return fmt.Errorf("écriture impossible de %s", name)
	default:
		return fmt.Errorf("lecture impossible de %s", name)
	}
}

// errIsDir marks an input that names a directory (openInput checks it on
// opening, before any read).
var errIsDir = errors.New("dossier")

// openFile opens the file name for reading; a directory is refused before
// any read, and every error is fileError's French.
func openFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err, false)
	}
	st, err := f.Stat()
	switch {
	case err != nil:
		_ = f.Close()
		return nil, fileError(name, err, false)
	case st.IsDir():
		_ = f.Close()
		return nil, fileError(name, errIsDir, false)
	}
	return f, nil
}

// fileReader reads the opened file name and says its read errors (an I/O
// error in the middle of the file) in French, through fileError; the end of
// the file stays io.EOF.
type fileReader struct {
	r    io.Reader
	name string
}

func (f *fileReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil && err != io.EOF {
		err = fileError(f.name, err, false)
	}
	return n, err
}
