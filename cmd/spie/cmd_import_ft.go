package main

import (
	"bufio"
	"flag"
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "import-ft", summary: "convertit un diagnostic argumenté France Travail (DSP) en diagnostic du socle", run: runImportFT})
}

// maxImportSize bounds the DSP payload read (16 Mio, as diagnostic.ParseDSP).
const maxImportSize = 16 << 20

// importResult is what spie import-ft --format json prints for one file, in
// the one output shape (documents.go): the file's one payload is its
// document #1.
type importResult struct {
	Document   string                 `json:"document"`
	Diagnostic *diagnostic.Diagnostic `json:"diagnostic,omitempty"`
	Faults     spie.Faults            `json:"faults"`
}

func runImportFT(c *cli, args []string) int {
	fl := flag.NewFlagSet("import-ft", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	id := fl.String("id", "", "identifiant à donner au diagnostic")
	commune := fl.String("commune", "", "code INSEE de la commune de la personne : les dates France Travail sont lues dans son fuseau horaire (par défaut : la métropole) et la commune est reprise dans le diagnostic")
	format := fl.String("format", "diagnostic", "sortie : diagnostic (le diagnostic seul, avertissements sur la sortie d'erreur) ou json (un objet par fichier, sur une ligne : document, diagnostic, faults)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie import-ft [--id ID] [--commune CODE] [--format diagnostic|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Le fichier est la réponse « dossier individu » de l'API France Travail (besoinsParDiagnosticIndividuDtos, contraintesIndividusDto).")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "diagnostic" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie import-ft : --format %q inconnu (diagnostic ou json)\n", *format)
		return exitUsage
	}
	if *commune != "" && spie.CommuneCode(*commune).Problem() != nil {
		fmt.Fprintf(c.stderr, "spie import-ft : --commune %q n'est pas un code INSEE de commune (5 caractères, par exemple 02408)\n", *commune)
		return exitUsage
	}
	if fl.NArg() > 1 && *id != "" {
		// One identifier cannot name several diagnostics: each file
		// would come out with the same id.
		fmt.Fprintf(c.stderr, "spie import-ft : --id donne son identifiant à un seul diagnostic, et %d fichiers sont donnés : importez-les un par un, ou sans --id\n", fl.NArg())
		return exitUsage
	}
	if fl.NArg() > 1 {
		return perFile(c, fl, args, runImportFT) // one diagnostic per file
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return exitUsage
	}
	data, err := readOne(c, fl.Arg(0), maxImportSize)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie import-ft : %v\n", err)
		return readOneCode(err)
	}
	var d *diagnostic.Diagnostic
	p, fs := diagnostic.ParseDSP(data)
	if p != nil {
		d, fs = p.DiagnosticIn(spie.CommuneCode(*commune))
	}
	if d != nil && *id != "" {
		d.ID = *id
		kept := fs[:0]
		for _, f := range fs {
			if f.Code != diagnostic.FaultDSPCaller.Code || f.Path != "/id" {
				kept = append(kept, f)
			}
		}
		fs = kept
	}
	code := exitOK
	if d == nil {
		code = exitInvalid
	} else if dates := d.CheckDates(c.now()); len(dates) > 0 {
		// The import is a valid diagnostic apart from what only the
		// structure gives (DSP-IMPORT-01): a date France Travail sent
		// that validate refuses (a future one, DIAG-DATE-01) is said here
		// and makes the document invalid (issue 14 item 1).
		fs = append(fs, dates...)
		if len(dates.Errors()) > 0 {
			code = exitInvalid
		}
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	if *format == "json" {
		writeLine(out, importResult{Document: docName(fl.Arg(0), 1), Diagnostic: d, Faults: faultsOrEmpty(fs)})
		return code
	}
	for _, f := range fs {
		sev := "avertissement"
		if f.Severity == spie.SeverityError {
			sev = "erreur"
		}
		fmt.Fprintf(c.stderr, "spie import-ft : %s %s\n", sev, f.Error())
	}
	if d != nil {
		writeJSONResult(out, d, true)
	}
	return code
}
