// Command catalogues writes the Go literals of a package's JSON catalogues of
// definitions (package golit): every *.json file of -dir becomes one
// unexported spie.Definitions variable in -out, in package -pkg, paths
// relative to the working directory. Run it through `go generate` in
// diagnostic, offer and carnet; their drift tests compare the committed file
// to its output.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/spie-fr/socle/internal/gen/catalogues/golit"
)

func main() {
	dir := flag.String("dir", "", "dossier des catalogues *.json")
	pkg := flag.String("pkg", "", "nom du paquet Go")
	out := flag.String("out", "", "fichier Go écrit")
	flag.Parse()
	if *dir == "" || *pkg == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "catalogues : -dir, -pkg et -out sont requis")
		os.Exit(2)
	}
	src, err := golit.Render(".", *dir, *pkg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogues :", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "catalogues :", err)
		os.Exit(1)
	}
}
