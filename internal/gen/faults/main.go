// Command faults writes the catalogue of socle's fault codes: the JSON
// document (-json, by default fautes/v1/fautes.json) and the French Markdown
// page (-md, by default FAUTES.md), paths relative to the working directory.
// Run it through `go generate ./schemas` (schemas/catalogue.go); it links
// every package that registers codes through package catalogue.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spie-fr/socle/internal/gen/faults/catalogue"
	"github.com/spie-fr/socle/spie"
)

func main() {
	jsonOut := flag.String("json", filepath.Join("fautes", "v1", "fautes.json"), "fichier JSON du catalogue")
	mdOut := flag.String("md", "FAUTES.md", "page Markdown du catalogue")
	flag.Parse()
	if err := run(*jsonOut, *mdOut); err != nil {
		fmt.Fprintln(os.Stderr, "faults :", err)
		os.Exit(1)
	}
}

func run(jsonOut, mdOut string) error {
	// A catalogue is published only for a sound registry: well-formed,
	// sourced codes, each namespace owned by one package.
	if err := spie.CheckFaultTypes(); err != nil {
		return err
	}
	c := catalogue.Build()
	js, err := c.JSON()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(jsonOut), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(jsonOut, js, 0o644); err != nil {
		return err
	}
	return os.WriteFile(mdOut, c.Markdown(), 0o644)
}
