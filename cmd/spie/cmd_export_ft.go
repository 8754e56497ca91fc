package main

import (
	"bufio"
	"flag"
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "export-ft", summary: "convertit un diagnostic du socle au format du diagnostic argumenté France Travail (DSP)", run: runExportFT})
}

func runExportFT(c *cli, args []string) int {
	fl := flag.NewFlagSet("export-ft", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie export-ft FICHIER... | -")
		fmt.Fprintln(c.stderr, "Écrit un objet par diagnostic (besoinsParDiagnosticIndividuDtos, contraintesIndividusDto) ; ce qui n'a pas d'équivalent est signalé sur la sortie d'erreur.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	type exported struct {
		name    string
		payload *diagnostic.DSPPayload
		faults  spie.Faults
	}
	var results []exported
	code, err := eachDiagnosticIn(c, fl.Args(), func(name string, d *diagnostic.Diagnostic, fs spie.Faults) {
		e := exported{name: name, faults: fs}
		if d != nil {
			p, w := diagnostic.ExportDSP(d)
			e.payload, e.faults = p, append(e.faults, w...)
		}
		results = append(results, e)
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie export-ft : %v\n", err)
		return exitUsage
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	for _, e := range results {
		documentNames(len(results), &e.name)
		for _, f := range e.faults {
			fmt.Fprintf(c.stderr, "spie export-ft : %s : %s %s\n", e.name, severityFR(f.Severity), f.Error())
		}
		if e.payload != nil {
			writeJSONResult(out, e.payload, len(results) == 1)
		}
	}
	return code
}
