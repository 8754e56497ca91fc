package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "iae", summary: "calcule l'éligibilité à l'insertion par l'activité économique (ACI, EI, EITI, AI, ETTI)", run: runIAE})
}

// iaeResult is what spie iae prints for one diagnostic.
type iaeResult struct {
	Document    string                      `json:"document"`
	Diagnostic  string                      `json:"diagnostic,omitempty"`
	Criteria    []diagnostic.IAECriterion   `json:"criteres"`
	Eligibility []diagnostic.IAEEligibility `json:"eligibilite"`
	Faults      spie.Faults                 `json:"faults"`
}

func runIAE(c *cli, args []string) int {
	fl := flag.NewFlagSet("iae", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	structure := fl.String("structure", "", "type de structure : "+strings.Join(diagnostic.IAEStructures.Keys(), ", ")+" (par défaut : tous)")
	format := fl.String("format", "json", "sortie : json ou text (français)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie iae [--structure ACI|EI|EITI|AI|ETTI] [--format json|text] FICHIER... | -")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *structure != "" && !diagnostic.IAEStructures.Has(*structure) {
		fmt.Fprintf(c.stderr, "spie iae : --structure %q inconnue (%s)\n", *structure, strings.Join(diagnostic.IAEStructures.Keys(), ", "))
		return exitUsage
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(c.stderr, "spie iae : --format %q inconnu (json ou text)\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	var results []iaeResult
	code, err := eachDiagnosticIn(c, fl.Args(), func(name string, d *diagnostic.Diagnostic, fs spie.Faults) {
		r := iaeResult{Document: name, Faults: faultsOrEmpty(fs), Criteria: []diagnostic.IAECriterion{}, Eligibility: []diagnostic.IAEEligibility{}}
		if d != nil {
			r.Diagnostic = d.ID
			r.Criteria = append(r.Criteria, diagnostic.IAECriteriaOf(d)...)
			if *structure != "" {
				r.Eligibility = append(r.Eligibility, diagnostic.AssessIAE(d, diagnostic.IAEStructure(*structure)))
			} else {
				r.Eligibility = append(r.Eligibility, diagnostic.AssessIAEAll(d)...)
			}
		}
		results = append(results, r)
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie iae : %v\n", err)
		return exitUsage
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	for _, r := range results {
		if *format == "text" {
			printIAE(out, r)
			continue
		}
		writeLine(out, r)
	}
	return code
}

func printIAE(w io.Writer, r iaeResult) {
	fmt.Fprintf(w, "Document : %s\n", r.Document)
	for _, f := range r.Faults {
		fmt.Fprintf(w, "  Erreur %s\n", f.Error())
	}
	if r.Diagnostic == "" && len(r.Eligibility) == 0 {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "Diagnostic %s\n", r.Diagnostic)
	if len(r.Criteria) == 0 {
		fmt.Fprintln(w, "Critères IAE : aucun")
	} else {
		fmt.Fprintln(w, "Critères IAE :")
		for _, k := range r.Criteria {
			fmt.Fprintf(w, "  - niveau %d : %s\n", k.Level(), diagnostic.IAECriteria.LabelOf(string(k)))
		}
	}
	for _, e := range r.Eligibility {
		fmt.Fprintf(w, "%s : %s\n", e.Structure, e.Sentence)
		if e.Eligible {
			fmt.Fprintf(w, "  Diagnostic valable jusqu'au %s (prescripteur) ou au %s (employeur).\n", e.ValidUntilPrescriber, e.ValidUntilEmployer)
		}
	}
	fmt.Fprintln(w)
}
