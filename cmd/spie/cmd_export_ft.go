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

// exportedFT is what spie export-ft --format json prints for one
// diagnostic, in the one output shape (documents.go): the France Travail
// payload (dsp), absent when the diagnostic cannot be read, and the faults:
// the diagnostic's own errors and what the export could not carry
// (DSP-EXPORT-…).
type exportedFT struct {
	Document string                 `json:"document"`
	Payload  *diagnostic.DSPPayload `json:"dsp,omitempty"`
	Faults   spie.Faults            `json:"faults"`
}

func runExportFT(c *cli, args []string) int {
	fl := flag.NewFlagSet("export-ft", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	format := fl.String("format", "dsp", "sortie : dsp (la charge France Travail seule, fautes sur la sortie d'erreur) ou json (un objet par diagnostic, une ligne chacun : document, dsp, faults)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie export-ft [--format dsp|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Écrit un objet par diagnostic (besoinsParDiagnosticIndividuDtos, contraintesIndividusDto) ; ce qui n'a pas d'équivalent est signalé (sortie d'erreur, ou faults en json).")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "dsp" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie export-ft : --format %q inconnu (dsp ou json)\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	var results []exportedFT
	code, err := eachDiagnosticIn(c, fl.Args(), func(name string, d *diagnostic.Diagnostic, fs spie.Faults) {
		e := exportedFT{Document: name, Faults: fs}
		if d != nil {
			p, w := diagnostic.ExportDSP(d)
			e.Payload, e.Faults = p, append(e.Faults, w...)
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
		if *format == "json" {
			e.Faults = faultsOrEmpty(e.Faults)
			writeLine(out, e)
			continue
		}
		for _, f := range e.Faults {
			fmt.Fprintf(c.stderr, "spie export-ft : %s : %s %s\n", e.Document, severityFR(f.Severity), f.Error())
		}
		if e.Payload != nil {
			writeJSONResult(out, e.Payload, len(results) == 1)
		}
	}
	return code
}
