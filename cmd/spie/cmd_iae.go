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
	structure := fl.String("structure", "", "type de structure : "+strings.Join(diagnostic.IAEStructures.Keys(), ", ")+" (par défaut : tous ; GEIQ, EA, EATT : hors champ)")
	author := fl.String("auteur", string(diagnostic.IAEAuthorEmployer), "auteur du diagnostic d'éligibilité : "+strings.Join(diagnostic.IAEAuthors.Keys(), " ou ")+" (un prescripteur habilité n'a pas à établir de critère)")
	var day spie.Date
	fl.Func("date", "jour du verdict AAAA-MM-JJ (par défaut : aujourd'hui) ; un diagnostic expiré ce jour-là rend non éligible", dateFlag(&day))
	format := fl.String("format", "json", "sortie : json ou text (français)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie iae [--structure ACI|EI|EITI|AI|ETTI] [--auteur employeur|prescripteur-habilite] [--date AAAA-MM-JJ] [--format json|text] FICHIER... | -")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *structure != "" && !diagnostic.IAEStructures.Has(*structure) && !diagnostic.IAEOutOfScope.Has(*structure) {
		fmt.Fprintf(c.stderr, "spie iae : --structure %q inconnue (%s)\n", *structure, strings.Join(diagnostic.IAEStructures.Keys(), ", "))
		return exitUsage
	}
	if !diagnostic.IAEAuthors.Has(*author) {
		fmt.Fprintf(c.stderr, "spie iae : --auteur %q inconnu (%s)\n", *author, strings.Join(diagnostic.IAEAuthors.Keys(), " ou "))
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
			on := day
			if on == "" { // today in the person's territory
				on = c.today(d.Person.Commune)
			}
			if *structure != "" {
				r.Eligibility = append(r.Eligibility, diagnostic.AssessIAE(d, diagnostic.IAEStructure(*structure), diagnostic.IAEAuthor(*author), on))
			} else {
				r.Eligibility = append(r.Eligibility, diagnostic.AssessIAEAll(d, diagnostic.IAEAuthor(*author), on)...)
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
	if len(r.Eligibility) > 0 {
		e := r.Eligibility[0]
		fmt.Fprintf(w, "Auteur du diagnostic d'éligibilité : %s ; verdict au %s.\n", diagnostic.IAEAuthors.LabelOf(string(e.Author)), e.On)
	}
	for _, e := range r.Eligibility {
		fmt.Fprintf(w, "%s : %s\n", e.Structure, e.Sentence)
		for _, f := range e.Faults {
			sev := "Erreur"
			switch {
			case f.Severity == spie.SeverityWarning:
				sev = "Avertissement"
			case e.Rule != diagnostic.IAERuleRefused:
				continue // the sentence already says it (expired, out of scope)
			}
			fmt.Fprintf(w, "  %s %s\n", sev, f.Error())
		}
	}
	fmt.Fprintln(w)
}
