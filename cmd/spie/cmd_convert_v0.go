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

// conversionReport is one entry of the --rapport file.
type conversionReport struct {
	Document int          `json:"document"`
	ID       string       `json:"id,omitempty"`
	Kind     string       `json:"type,omitempty"`
	Losses   []offer.Loss `json:"pertes"`
	Faults   spie.Faults  `json:"fautes_v1,omitempty"`
	Error    *spie.Fault  `json:"erreur,omitempty"`
}

func runConvertV0(c *cli, args []string) int {
	fl := flag.NewFlagSet("convert-v0", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	report := fl.String("rapport", "", "écrit le rapport des pertes (JSON) dans ce fichier")
	quiet := fl.Bool("q", false, "n'affiche pas les pertes sur la sortie d'erreur")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie convert-v0 [--rapport FICHIER] [-q] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Lit un document v0, un tableau JSON ou du NDJSON ; écrit les documents v1 en NDJSON sur la sortie standard.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	in, err := openInputs(c, "convert-v0", fl.Args())
	if err != nil {
		fmt.Fprintf(c.stderr, "spie convert-v0 : %v\n", err)
		return exitUsage
	}
	defer in.Close()
	now := c.now()
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var reports []conversionReport
	code := exitOK
	err = readDocuments(in, func(d input.Doc) error {
		r := conversionReport{Document: d.Index, Losses: []offer.Loss{}}
		if d.Fault != nil {
			r.Error = d.Fault
		} else if conv, err := offer.ConvertV0(d.Data); err != nil {
			f := clifault.V0Input.At("", v0Detail(err)...)
			r.Error = &f
		} else {
			r.Losses = append(r.Losses, conv.Losses...)
			var doc any
			switch {
			case conv.Service != nil:
				r.ID, r.Kind, doc = conv.Service.ID, "service", conv.Service
				if fs := conv.Service.Check(now); !fs.Valid() {
					r.Faults = fs.Errors()
				}
			default:
				r.ID, r.Kind, doc = conv.Structure.ID, "structure", conv.Structure
				if fs := conv.Structure.Check(now); !fs.Valid() {
					r.Faults = fs.Errors()
				}
			}
			_ = enc.Encode(doc)
		}
		if r.Error != nil || r.Faults != nil {
			code = exitInvalid // a document that cannot be converted is an invalid input document
		}
		reports = append(reports, r)
		if !*quiet {
			printConversion(c, r)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie convert-v0 : %v\n", err)
		return exitUsage
	}
	if in.Close(); in.skipped > 0 {
		code = exitInvalid
	}
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
	name := fmt.Sprintf("document %d", r.Document)
	if r.ID != "" {
		name += " (" + r.Kind + " " + r.ID + ")"
	}
	if r.Error != nil {
		fmt.Fprintf(c.stderr, "%s : illisible : %s : %s\n", name, r.Error.Code, r.Error.Message)
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
