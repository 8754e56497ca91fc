package main

import (
	"flag"
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
)

func init() {
	register(command{name: "rules", summary: "écrit les règles d'orientation par défaut, point de départ du fichier d'un territoire", run: runRules})
}

func runRules(c *cli, args []string) int {
	fl := flag.NewFlagSet("rules", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie rules > regles-territoire.json")
		fmt.Fprintln(c.stderr, "Écrit les règles d'orientation par défaut du socle (critères nationaux d'orientation, RULES.md §3 et §4), au format")
		fmt.Fprintln(c.stderr, "regles-orientation : un territoire les copie, les adapte (changez « id » et « libelle ») et les donne à spie orient --rules.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(c.stderr, "spie rules : argument inattendu %q\n", fl.Arg(0))
		return exitUsage
	}
	if _, err := c.stdout.Write(diagnostic.DefaultOrientationRulesJSON()); err != nil {
		fmt.Fprintln(c.stderr, "spie rules : écriture impossible sur la sortie standard")
		return exitUsage
	}
	return exitOK
}
