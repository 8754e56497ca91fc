package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cdb"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "import-cdb", summary: "importe un carnet du carnet de bord (GIP de l'inclusion) en carnet du socle, avec le rapport de reprise", run: runImportCDB})
}

// importCDBResult is what spie import-cdb --format json prints, one object
// per file.
type importCDBResult struct {
	Document string         `json:"document"`
	Carnet   *carnet.Carnet `json:"carnet,omitempty"`
	Report   cdb.Report     `json:"rapport"`
	Faults   spie.Faults    `json:"fautes"`
}

// outcomeTexts are the French words of the report.
var outcomeTexts = map[cdb.Outcome]string{
	cdb.Mapped:       "repris",
	cdb.MappedLegacy: "repris d'un ancien libellé",
	cdb.FreeText:     "gardé en libellé libre",
	cdb.Dropped:      "non repris",
}

func runImportCDB(c *cli, args []string) int {
	fl := flag.NewFlagSet("import-cdb", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	siret := fl.String("siret", "", "SIRET de la structure qui importe : celle du référent en cours du carnet, qui ouvre le carnet du socle (obligatoire)")
	commune := fl.String("commune", "", "code INSEE de la commune de la personne (obligatoire : le carnet de bord n'a que le code postal)")
	format := fl.String("format", "text", "sortie : text (rapport en français), json (carnet, rapport et fautes) ou carnet (le carnet seul)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie import-cdb --siret SIRET --commune CODE [--format text|json|carnet] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Le fichier est un carnet du carnet de bord : le carnet (notebook) et ses lignes, avec les colonnes de ses tables (beneficiary, focuses, targets, actions, members, orientation_requests, appointments).")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "carnet" {
		fmt.Fprintf(c.stderr, "spie import-cdb : --format %q inconnu (text, json ou carnet)\n", *format)
		return exitUsage
	}
	if spie.SIRET(*siret).Problem() != nil {
		fmt.Fprintf(c.stderr, "spie import-cdb : --siret %q n'est pas un SIRET valide (14 chiffres) : donnez celui de la structure du référent en cours\n", *siret)
		return exitUsage
	}
	if spie.CommuneCode(*commune).Problem() != nil {
		fmt.Fprintf(c.stderr, "spie import-cdb : --commune %q n'est pas un code INSEE de commune (5 caractères, par exemple 02408)\n", *commune)
		return exitUsage
	}
	if fl.NArg() > 1 {
		return perFile(c, fl, args, runImportCDB) // one carnet per file
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return exitUsage
	}
	name := fl.Arg(0)
	data, err := readOne(c, name, cdb.MaxSize)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie import-cdb : %v\n", err)
		return exitUsage
	}
	var k *carnet.Carnet
	var rep cdb.Report
	n, fs := cdb.Parse(data)
	if n != nil {
		k, rep, fs = cdb.Import(n, cdb.Options{SIRET: spie.SIRET(*siret), Commune: spie.CommuneCode(*commune), At: c.now(),
			CarnetOptions: []carnet.Option{carnet.WithClock(c.now)}})
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	code := exitOK
	if k == nil {
		code = exitInvalid
	}
	switch *format {
	case "json":
		if fs == nil {
			fs = spie.Faults{}
		}
		writeJSONResult(out, importCDBResult{Document: name, Carnet: k, Report: rep, Faults: fs}, true)
	case "carnet":
		for _, f := range fs {
			fmt.Fprintf(c.stderr, "spie import-cdb : %s %s\n", severityText(f), f.Error())
		}
		if k != nil {
			writeJSONResult(out, k, true)
		}
	default:
		printCDBReport(out, name, k, rep, fs)
	}
	return code
}

func severityText(f spie.Fault) string {
	if f.Severity == spie.SeverityError {
		return "erreur"
	}
	return "avertissement"
}

// printCDBReport writes the French report: the carnet opened (or not), the
// counts, each element and what became of it, then the faults.
func printCDBReport(w io.Writer, name string, k *carnet.Carnet, rep cdb.Report, fs spie.Faults) {
	fmt.Fprintf(w, "Carnet de bord %s\n", name)
	if k != nil {
		who := ""
		if len(k.Journal) > 0 {
			who = fmt.Sprintf(" par %s (%s)", k.Journal[0].Actor.Professional, k.Journal[0].Actor.StructureSIRET)
		}
		fmt.Fprintf(w, "  Carnet %s ouvert%s : %d membres, %d orientations, %d objectifs, %d actions, %d rendez-vous.\n",
			k.ID, who, len(k.Members), len(k.Orientations), len(k.Objectifs), len(k.Actions), len(k.Contacts))
	} else {
		fmt.Fprintln(w, "  Carnet non importé.")
	}
	if len(rep.Lines) > 0 {
		fmt.Fprintf(w, "  %d éléments : %d repris, %d repris d'un ancien libellé, %d gardés en libellé libre, %d non repris.\n",
			len(rep.Lines), rep.Counts[cdb.Mapped], rep.Counts[cdb.MappedLegacy], rep.Counts[cdb.FreeText], rep.Counts[cdb.Dropped])
	}
	for _, l := range rep.Lines {
		fmt.Fprintf(w, "  %s %s « %s » : %s", l.Source, l.Kind, l.Label, outcomeTexts[l.Outcome])
		if l.Key != "" {
			fmt.Fprintf(w, " (%s)", l.Key)
		}
		if l.Target != "" {
			fmt.Fprintf(w, " → %s", l.Target)
		}
		if l.Rule != "" {
			fmt.Fprintf(w, " ; règle : %s", l.Rule)
		}
		fmt.Fprintln(w)
	}
	for _, f := range fs {
		sev := "Avertissement"
		if f.Severity == spie.SeverityError {
			sev = "Erreur"
		}
		fmt.Fprintf(w, "  %s %s\n", sev, f.Error())
	}
}
