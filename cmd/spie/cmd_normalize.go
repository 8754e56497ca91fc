package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "normalize", summary: "écrit les services ou structures tels que data·inclusion les enregistrerait", run: runNormalize})
}

// normalizers are the kinds spie normalize takes: data·inclusion's, each
// rewritten as its model stores it.
// storedBy keeps, of a normalised document, what data·inclusion stores.
var storedBy = map[string]func([]byte) []byte{"service": offer.StoredService, "structure": offer.StoredStructure}

var normalizers = map[string]func([]byte, ...offer.NormalizeOption) ([]byte, spie.Faults){
	"service":   offer.NormalizeService,
	"structure": offer.NormalizeStructure,
}

// runNormalize writes, one per line (NDJSON) on the standard output, each
// document of the files as data·inclusion's model would store it
// (offer.NormalizeService or NormalizeStructure: last value of a repeated
// key, sets without duplicates, dates as YYYY-MM-DD, numbers as numbers,
// e-mails and links as the model keeps them); each change is reported on
// the error output as a warning. A document the model refuses after
// normalisation is not written: its faults are reported and the exit code
// is 1. With --format json, each document is one line of the one output
// shape (documents.go): document, the stored document (absent when the
// model refuses it) under its kind (service or structure), and faults (the
// normalisations as warnings, then the model's faults).
func runNormalize(c *cli, args []string) int {
	fl := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	kind := fl.String("kind", "", "type des documents : service ou structure")
	format := fl.String("format", "ndjson", "sortie : ndjson (les documents normalisés seuls, fautes sur la sortie d'erreur) ou json (un objet par document, une ligne chacun : document, service ou structure, faults)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie normalize --kind service|structure [--format ndjson|json] FICHIER... | -")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	normalize, ok := normalizers[*kind]
	if !ok {
		fmt.Fprintf(c.stderr, "spie normalize : --kind %q inconnu (service ou structure)\n", *kind)
		return exitUsage
	}
	if *format != "ndjson" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie normalize : --format %q inconnu (ndjson ou json)\n", *format)
		return exitUsage
	}
	files := fl.Args()
	if len(files) == 0 {
		fmt.Fprintln(c.stderr, "spie normalize : aucun fichier (utilisez - pour l'entrée standard)")
		return exitUsage
	}
	out := bufio.NewWriterSize(c.stdout, 1<<16)
	defer out.Flush()
	code := exitOK
	var faults spie.Faults // the document's, with --format json
	report := func(doc string, f spie.Fault) {
		if *format == "json" {
			faults = append(faults, f)
			return
		}
		sev := "erreur"
		if f.Severity == spie.SeverityWarning {
			sev = "avertissement"
		}
		path := f.Path
		if path == "" {
			path = "/"
		}
		fmt.Fprintf(c.stderr, "%s : %s %s [%s] %s\n", doc, sev, path, f.Code, f.Message)
	}
	for _, name := range files {
		r, closeFn, err := openInput(c, name)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie normalize : %v\n", err)
			code = exitUsage
			continue
		}
		err = readDocuments(r, func(d input.Doc) error {
			doc := docName(name, d.Index)
			faults = spie.Faults{}
			var stored []byte
			if d.Fault != nil {
				report(doc, *d.Fault)
				code = max(code, exitInvalid)
			} else {
				stored = normalizeDoc(c, *kind, doc, d.Data, normalize, report, &code)
			}
			if *format == "json" {
				res := map[string]any{"document": doc, "faults": faults}
				if stored != nil {
					res[*kind] = json.RawMessage(stored)
				}
				writeLine(out, res)
				return nil
			}
			if stored != nil {
				_, err := out.Write(append(stored, '\n'))
				return err
			}
			return nil
		})
		closeFn()
		if err != nil {
			fmt.Fprintf(c.stderr, "spie normalize : %s : %s\n", name, describeInputErr(err))
			code = exitUsage
		}
	}
	return code
}

// normalizeDoc normalises one document, validates the result and returns it
// compact, as data·inclusion stores it, when its model accepts it (else
// nil).
func normalizeDoc(c *cli, kind, doc string, data []byte,
	normalize func([]byte, ...offer.NormalizeOption) ([]byte, spie.Faults), report func(string, spie.Fault), code *int) []byte {
	norm, warnings := normalize(data)
	for _, w := range warnings {
		report(doc, w)
	}
	fs := validateFunc(kind, norm, c.now)
	for _, f := range fs {
		report(doc, f)
	}
	if !fs.Valid() {
		*code = max(*code, exitInvalid)
		return nil
	}
	// what data·inclusion stores: the members its model defines only
	norm = storedBy[kind](norm)
	var line bytes.Buffer
	if err := json.Compact(&line, norm); err != nil {
		report(doc, input.FaultJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err)))
		*code = max(*code, exitInvalid)
		return nil
	}
	return line.Bytes()
}

// describeInputErr says in French why an input could not be read.
func describeInputErr(err error) string {
	if err == input.ErrEmpty {
		return "aucun document"
	}
	return err.Error()
}
