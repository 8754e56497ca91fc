package main

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/schemas"
)

func init() {
	register(command{name: "schema", summary: "affiche le schéma JSON d'un type de document", run: runSchema})
	register(command{name: "kinds", summary: "liste les types de documents et leurs schémas", run: runKinds})
}

func runSchema(c *cli, args []string) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(c.stderr, "Usage : spie schema KIND (types : %s)\n", strings.Join(kindNames(), ", "))
		return exitUsage
	}
	b, err := schemas.Files.ReadFile("v1/" + args[0] + ".json")
	if _, ok := schemas.Lookup(args[0]); !ok || err != nil {
		fmt.Fprintf(c.stderr, "spie schema : type %q inconnu (types : %s)\n", args[0], strings.Join(kindNames(), ", "))
		return exitUsage
	}
	_, _ = c.stdout.Write(b)
	return exitOK
}

func runKinds(c *cli, args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(c.stderr, "Usage : spie kinds")
		return exitUsage
	}
	for _, k := range schemas.Kinds() {
		fmt.Fprintf(c.stdout, "%-20s %s\n%-20s %s\n", k.Name, k.Title.FR, "", k.ID())
	}
	return exitOK
}
