package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/spie-fr/socle/internal/clifault"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "convert-v0", summary: "convertit des structures et services data·inclusion v0 en v1 et signale ce qui est perdu", run: runConvertV0})
}

// conversionReport is what spie convert-v0 says of one document, in the one
// output shape (documents.go): an entry of the --rapport file, and a line
// of --format json (which also carries the v1 document). Its faults are why
// the document could not be converted, or the v1 document's errors.
type conversionReport struct {
	Document string       `json:"document"`
	ID       string       `json:"id,omitempty"`
	Kind     string       `json:"type,omitempty"`
	V1       any          `json:"v1,omitempty"`
	Losses   []offer.Loss `json:"pertes"`
	Faults   spie.Faults  `json:"faults"`
}

func runConvertV0(c *cli, args []string) int {
	fl := flag.NewFlagSet("convert-v0", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	report := fl.String("rapport", "", "écrit le rapport des pertes (JSON) dans ce fichier")
	quiet := fl.Bool("q", false, "n'affiche pas les pertes sur la sortie d'erreur")
	format := fl.String("format", "v1", "sortie : v1 (les documents v1 seuls, en NDJSON ; pertes sur la sortie d'erreur) ou json (un objet par document, une ligne chacun : document, type, id, v1, pertes, faults)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie convert-v0 [--rapport FICHIER] [-q] [--format v1|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Lit un document v0, un tableau JSON ou du NDJSON ; écrit les documents v1 en NDJSON sur la sortie standard.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "v1" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie convert-v0 : --format %q inconnu (v1 ou json)\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	now := c.now()
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	reports := []conversionReport{}
	code := exitOK
	status := eachInputDoc(c, "convert-v0", fl.Args(), func(doc string, d input.Doc) {
		r := conversionReport{Document: doc, Losses: []offer.Loss{}, Faults: spie.Faults{}}
		if d.Fault != nil {
			r.Faults = spie.Faults{*d.Fault}
		} else if conv, err := offer.ConvertV0(d.Data); err != nil {
			r.Faults = spie.Faults{clifault.V0Input.At("", v0Detail(err)...)}
		} else {
			r.Losses = append(r.Losses, conv.Losses...)
			var fs spie.Faults
			switch {
			case conv.Service != nil:
				r.ID, r.Kind, r.V1 = conv.Service.ID, "service", conv.Service
				fs = conv.Service.Check(now)
			default:
				r.ID, r.Kind, r.V1 = conv.Structure.ID, "structure", conv.Structure
				fs = conv.Structure.Check(now)
			}
			if !fs.Valid() {
				r.Faults = fs.Errors()
			}
		}
		if len(r.Faults) > 0 {
			code = exitInvalid // a document that cannot be converted is an invalid input document
		}
		if *format == "json" {
			writeLine(out, r)
		} else if r.V1 != nil {
			writeLine(out, r.V1)
		}
		r.V1 = nil // the report says what was lost, not the document again
		reports = append(reports, r)
		if !*quiet {
			printConversion(c, r)
		}
	})
	code = max(code, status)
	if *report != "" {
		b, _ := json.MarshalIndent(reports, "", "  ")
		if err := os.WriteFile(*report, append(b, '\n'), 0o644); err != nil {
			fmt.Fprintf(c.stderr, "spie convert-v0 : rapport : %v\n", fileError(*report, err, true))
			return exitUsage
		}
	}
	return code
}

func printConversion(c *cli, r conversionReport) {
	name := r.Document
	if r.ID != "" {
		name += " (" + r.Kind + " " + r.ID + ")"
	}
	if r.Kind == "" {
		for _, f := range r.Faults {
			fmt.Fprintf(c.stderr, "%s : illisible : %s : %s\n", name, f.Code, f.Message)
		}
		return
	}
	for _, l := range r.Losses {
		if l.Value != "" {
			fmt.Fprintf(c.stderr, "%s : perte %s « %s » : %s\n", name, l.Path, l.Value, l.Message)
		} else {
			fmt.Fprintf(c.stderr, "%s : perte %s : %s\n", name, l.Path, l.Message)
		}
	}
	for _, f := range r.Faults {
		fmt.Fprintf(c.stderr, "%s : document v1 invalide : %s\n", name, f.Error())
	}
}

// v0Detail says in French and in English (the arguments of
// clifault.V0Input) why offer.ConvertV0 refused a document: the decoding
// error it wraps (spie.DescribeJSONError), or, when it wraps none, a
// document that is not a JSON object.
func v0Detail(err error) []any {
	if inner := errors.Unwrap(err); inner != nil {
		return []any{spie.DescribeJSONError(inner), spie.DescribeJSONErrorEN(inner)}
	}
	return []any{"objet JSON attendu", "JSON object expected"}
}
