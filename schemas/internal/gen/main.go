// Command gen writes the JSON Schemas of every registered kind. It is run by
// `go generate ./schemas` from the schemas folder.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/schemas/internal/generator"
)

func main() {
	out := flag.String("out", "v1", "dossier de sortie des schémas")
	root := flag.String("root", "..", "racine du module (commentaires Go)")
	flag.Parse()
	kinds := schemas.Kinds()
	g, err := generator.New(*root, kinds)
	if err == nil {
		err = g.WriteAll(*out, kinds)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen :", err)
		os.Exit(1)
	}
}
