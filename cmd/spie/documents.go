package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/clifault"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// The one output shape of every per-document verb (validate, orient, iae,
// pmsmp, alerts, view, import-ft, export-ft, convert-v0, match,
// prescription, purge, export): with --format json, one JSON object per
// input document, each on its own line (NDJSON, never indented, even for a
// lone document), holding "document" (docName: file#n, always numbered;
// -#n for standard input), the verb's result under its own keys, and
// "faults" in the library's fault shape (spie.Fault: code, path, message,
// message_en, severity), [] when there is none; written by writeLine. With
// --format text, French sentences. The verbs whose result is itself a
// document (import-ft, export-ft, view, convert-v0) can also write that
// document alone (their payload format), faults on stderr. The aggregate
// verbs (agreement, indicators, cohort, coverage, search, label,
// committee, merge) write one report per run, its faults in the same
// fault shape.

// stdinName is the input name of standard input, on the command line and
// in document names (-#1, -#2…): one name, the one the user typed.
const stdinName = "-"

// docName names the document index (from 1) of the input name: name#index.
func docName(name string, index int) string { return name + "#" + strconv.Itoa(index) }

// eachInputDoc reads every document of every input of names (files, - for
// standard input), in order, through the one reader (input.Each: a
// document, an array or NDJSON, BOM and CRLF accepted, size limit per
// document), and calls fn with each document's name (docName) and the
// document (its Fault set when the reader could not give it). An input that
// cannot be opened or read, or that is empty, is said on stderr and the
// next one is read; the result is then exitUsage, else exitOK.
func eachInputDoc(c *cli, verb string, names []string, fn func(doc string, d input.Doc)) int {
	code := exitOK
	for _, name := range names {
		r, closeFn, err := openInput(c, name)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie %s : %v\n", verb, err)
			code = exitUsage
			continue
		}
		err = readDocuments(r, func(d input.Doc) error {
			fn(docName(name, d.Index), d)
			return nil
		})
		closeFn()
		if err != nil {
			fmt.Fprintf(c.stderr, "spie %s : %s : %v\n", verb, name, err)
			code = exitUsage
		}
	}
	return code
}

// decodeStrict decodes the JSON document data of kind into v, refusing
// unknown fields; the error is the library's fault (French and English,
// no library text), at the root.
func decodeStrict[T any](kind string, data []byte, ft *spie.FaultType) (*T, spie.Faults) {
	v, err := decodeKind(kind, data, func(b []byte) (*T, error) {
		var v T
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		return &v, dec.Decode(&v)
	})
	if err != nil {
		return nil, spie.Faults{ft.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	return v, nil
}

// faultsOrEmpty gives the faults for JSON: an empty list rather than null.
func faultsOrEmpty(fs spie.Faults) spie.Faults {
	if fs == nil {
		return spie.Faults{}
	}
	return fs
}

// writeLine is the one writer of the per-document output shape: v as one
// JSON line (HTML characters kept as they are).
func writeLine(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// printFaultsFR writes the faults in French, one a line, indented.
func printFaultsFR(w io.Writer, fs spie.Faults) {
	for _, f := range fs {
		sev := "erreur"
		if f.Severity == spie.SeverityWarning {
			sev = "avertissement"
		}
		path := f.Path
		if path == "" {
			path = "/"
		}
		fmt.Fprintf(w, "  %s %s [%s] %s\n", sev, path, f.Code, f.Message)
	}
}

// formatFlag adds --format text|json; check says a wrong value on stderr.
type formatFlag struct{ v *string }

func addFormatFlag(fl *flag.FlagSet, def string) formatFlag {
	return formatFlag{fl.String("format", def, "sortie : text (phrases en français) ou json (un objet JSON par document, une ligne chacun)")}
}

func (f formatFlag) json() bool { return *f.v == "json" }

func (f formatFlag) check(c *cli, verb string) bool {
	if *f.v != "text" && *f.v != "json" {
		fmt.Fprintf(c.stderr, "spie %s : --format %q inconnu (text ou json)\n", verb, *f.v)
		return false
	}
	return true
}

// actorFlags are the flags naming who acts on a carnet, as spie view reads
// them: the role, the structure's SIRET and the authenticated professional,
// or for the person (usager) their identifier.
type actorFlags struct {
	role, structure, professional, person *string
}

func addActorFlags(fl *flag.FlagSet) actorFlags {
	return actorFlags{
		role:         fl.String("role", "", "rôle de celui qui agit : "+strings.Join(carnet.Roles.Keys(), ", ")),
		structure:    fl.String("structure", "", "SIRET de sa structure (sauf pour usager)"),
		professional: fl.String("professionnel", "", "nom du professionnel authentifié (obligatoire sauf pour usager)"),
		person:       fl.String("personne", "", "identifiant de la personne authentifiée (obligatoire pour usager : celui du carnet)"),
	}
}

// errActor is the error of actorFlags.actor: its message is French.
var errActor = errors.New("acteur")

// actor returns the actor named by the flags, or a French usage error. For
// the usager role, the actor's name is the person's identifier, to be
// compared with the carnet's person by the verb.
func (a actorFlags) actor() (carnet.Actor, error) {
	if !carnet.Roles.Has(*a.role) {
		return carnet.Actor{}, fmt.Errorf("--role %q inconnu (rôles : %s)", *a.role, strings.Join(carnet.Roles.Keys(), ", "))
	}
	if carnet.Role(*a.role) == carnet.RoleUsager {
		if strings.TrimSpace(*a.person) == "" {
			return carnet.Actor{}, errors.New("--personne obligatoire pour le rôle usager (identifiant de la personne authentifiée)")
		}
		return carnet.Actor{Role: carnet.RoleUsager, Professional: *a.person}, nil
	}
	siret := spie.SIRET(*a.structure)
	if f := siret.Problem(); f != nil {
		return carnet.Actor{}, fmt.Errorf("--structure %q : %s", *a.structure, f.FR)
	}
	if strings.TrimSpace(*a.professional) == "" {
		return carnet.Actor{}, errors.New("--professionnel obligatoire pour ce rôle (nom du professionnel authentifié)")
	}
	return carnet.Actor{Role: carnet.Role(*a.role), StructureSIRET: siret, Professional: *a.professional}, nil
}

// carnetDoc is one carnet read from the input, or the faults why it could not be.
type carnetDoc struct {
	name   string
	carnet *carnet.Carnet
	faults spie.Faults
}

// readCarnets reads every carnet of the inputs names (eachInputDoc).
func readCarnets(c *cli, verb string, names []string) ([]carnetDoc, int) {
	var docs []carnetDoc
	code := eachInputDoc(c, verb, names, func(doc string, d input.Doc) {
		if d.Fault != nil {
			docs = append(docs, carnetDoc{name: doc, faults: spie.Faults{*d.Fault}})
			return
		}
		k, fs := decodeStrict[carnet.Carnet]("carnet", d.Data, clifault.CarnetInput)
		docs = append(docs, carnetDoc{name: doc, carnet: k, faults: fs})
	})
	return docs, code
}

// eachDiagnosticIn is eachDiagnostic over several inputs (files, - for
// standard input), in order: the verbs of the orientation family take
// several files through it. The code is the worst of the inputs'; when an
// input cannot be read, every input is still read and the error returned
// names each one that failed (the verb then exits 2, as for one input).
func eachDiagnosticIn(c *cli, names []string, fn func(name string, d *diagnostic.Diagnostic, fs spie.Faults)) (int, error) {
	return eachIn(names, func(name string) (int, error) { return eachDiagnostic(c, name, fn) })
}

// eachCarnetIn is eachCarnet over several inputs, as eachDiagnosticIn.
func eachCarnetIn(c *cli, names []string, fn func(name string, k *carnet.Carnet, fs spie.Faults)) (int, error) {
	return eachIn(names, func(name string) (int, error) { return eachCarnet(c, name, fn) })
}

// eachCarnet reads the carnets of the input name (a document, an array or
// NDJSON) and calls fn for each, named docName(name, n), or with a nil
// carnet and the fault when a document cannot be read (then the status is
// exitInvalid). The error is the input's own (cannot be opened or read,
// empty), with exitUsage.
func eachCarnet(c *cli, name string, fn func(name string, k *carnet.Carnet, fs spie.Faults)) (int, error) {
	r, closeFn, err := openInput(c, name)
	if err != nil {
		return exitUsage, err
	}
	defer closeFn()
	code := exitOK
	err = readDocuments(r, func(doc input.Doc) error {
		if doc.Fault != nil {
			code = exitInvalid
			fn(docName(name, doc.Index), nil, spie.Faults{*doc.Fault})
			return nil
		}
		k, fs := decodeStrict[carnet.Carnet]("carnet", doc.Data, clifault.CarnetInput)
		if fs != nil {
			code = exitInvalid
		}
		fn(docName(name, doc.Index), k, fs)
		return nil
	})
	if err != nil {
		return exitUsage, err
	}
	return code, nil
}

func eachIn(names []string, each func(name string) (int, error)) (int, error) {
	code := exitOK
	var errs []error
	for _, name := range names {
		n, err := each(name)
		if err != nil {
			errs = append(errs, err)
		}
		code = max(code, n)
	}
	return code, errors.Join(errs...)
}

// inputs is what openInputs gives: the stream of every input, and after
// it was read, the documents the reader could not give from them.
type inputs struct {
	io.Reader
	close   func()
	skipped int
}

// openInputs opens the inputs names (files, - for standard input) as one
// stream, for the verbs whose library reads a stream of documents itself
// (indicators, cohort). One input is passed as it is (openInput). Several
// are read in order through the one reader and given as one NDJSON stream,
// one compact document a line; a document the reader cannot give (too
// large, broken) is said on stderr, named file#n with its fault, and left
// out of the stream: the verb then exits 1 (skipped). An input that cannot
// be opened, read, or that is empty, ends the stream with its error, which
// the verb reports (exit 2). Close ends the reading.
func openInputs(c *cli, verb string, names []string) (*inputs, error) {
	if len(names) == 1 {
		r, closeFn, err := openInput(c, names[0])
		if err != nil {
			return nil, err
		}
		return &inputs{Reader: r, close: closeFn}, nil
	}
	pr, pw := io.Pipe()
	in := &inputs{Reader: pr}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, name := range names {
			r, closeFn, err := openInput(c, name)
			if err != nil {
				pw.CloseWithError(err)
				return
			}
			err = readDocuments(r, func(d input.Doc) error {
				if d.Fault != nil {
					in.skipped++
					fmt.Fprintf(c.stderr, "spie %s : %s : %s : %s\n", verb, docName(name, d.Index), d.Fault.Code, d.Fault.Message)
					return nil
				}
				var line bytes.Buffer
				if err := json.Compact(&line, d.Data); err != nil {
					line.Reset()
					line.Write(bytes.ReplaceAll(d.Data, []byte("\n"), []byte(" ")))
				}
				line.WriteByte('\n')
				_, err := pw.Write(line.Bytes())
				return err
			})
			closeFn()
			if err != nil {
				// Not wrapped: an empty input among several is an error
				// of the stream, which the libraries would take for an
				// empty stream (input.ErrEmpty) and pass over.
				pw.CloseWithError(fmt.Errorf("%s : %v", name, err))
				return
			}
		}
		pw.Close()
	}()
	in.close = func() {
		pr.Close() // a library that stopped early unblocks the writer
		<-done
	}
	return in, nil
}

// inputNames gives the inputs of a verb that takes them on the line
// (files, - for standard input) and, for compatibility, also through an
// option (flagValue, "" when not given): the option's input first, then
// those on the line.
func inputNames(flagValue string, args []string) []string {
	if flagValue == "" {
		return args
	}
	return append([]string{flagValue}, args...)
}

// Close ends the reading of the inputs.
func (in *inputs) Close() { in.close() }

// perFile runs a verb that reads one input once per input of a line that
// names several (fl parsed args; run is the verb itself): each run gets
// the same options and one input, and prints its own result, in order. The
// exit code is the worst of the runs'.
func perFile(c *cli, fl *flag.FlagSet, args []string, run func(*cli, []string) int) int {
	line := permuteArgs(fl, args)
	opts := line[:len(line)-fl.NArg()-1] // the options, before the `--` and the files
	code := exitOK
	for _, name := range fl.Args() {
		code = max(code, run(c, append(append(append([]string{}, opts...), "--"), name)))
	}
	return code
}
