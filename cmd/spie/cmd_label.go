package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie/label"
)

func init() {
	register(command{name: "label", summary: "évalue la candidature d'une structure au label SPIE selon la charte (labellisée, à compléter, refusée)", run: runLabel})
}

func runLabel(c *cli, args []string) int {
	fl := flag.NewFlagSet("label", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	charterFile := fl.String("charte", "", "charte de labellisation (JSON, type charte-label ; par défaut les critères de RULES.md §11)")
	date := fl.String("date", "", "date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)")
	format := fl.String("format", "json", "json, text ou indicateurs (structures par décision)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie label [--charte FICHIER] [--date AAAA-MM-JJ] [--format json|text|indicateurs] CANDIDATURE.json...")
		fmt.Fprintln(c.stderr, "Code de sortie : 0 si toutes les structures sont labellisées, 1 sinon ou si la charte est invalide, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if fl.NArg() == 0 || (*format != "json" && *format != "text" && *format != "indicateurs") {
		fl.Usage()
		return exitUsage
	}
	day := c.today("")
	if *date != "" {
		d, err := parseDate(*date)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie label : %v\n", err)
			return exitUsage
		}
		day = d
	}
	ch := label.DefaultCharter()
	if *charterFile != "" {
		b, err := readOne(c, *charterFile, 0)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie label : %v\n", err)
			return exitUsage
		}
		pch, err := decodeKind("charte-label", b, func(b []byte) (*label.Charter, error) {
			c, err := label.DecodeCharter(b)
			return &c, err
		})
		if err != nil {
			fmt.Fprintf(c.stderr, "spie label : %s : %v\n", *charterFile, err)
			return exitUsage
		}
		ch = *pch
		if fs := ch.Check(); !fs.Valid() {
			fmt.Fprintf(c.stderr, "spie label : charte %s invalide\n", *charterFile)
			printNetworkFaults(c.stderr, "spie label", fs)
			return exitInvalid
		}
	}
	code := exitOK
	var evals []label.Evaluation
	for _, name := range fl.Args() {
		b, err := readOne(c, name, 0)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie label : %v\n", err)
			return readOneCode(err)
		}
		app, err := decodeKind("candidature-label", b, label.DecodeApplication)
		if err != nil {
			// An application that cannot be decoded is an invalid input
			// document (exit 1), not a usage error.
			fmt.Fprintf(c.stderr, "spie label : %s : %v\n", name, err)
			return exitInvalid
		}
		ev, _ := label.Evaluate(app, ch, day)
		if ev.Status != label.StatusLabellisee || !ev.Faults.Valid() {
			code = exitInvalid
		}
		switch *format {
		case "indicateurs":
			evals = append(evals, ev)
		case "text":
			printEvaluation(c.stdout, ev)
		default:
			writeJSONResult(c.stdout, ev, true)
		}
	}
	if *format == "indicateurs" {
		writeJSONResult(c.stdout, network.Labels(evals), true)
	}
	return code
}

func printEvaluation(w io.Writer, ev label.Evaluation) {
	fmt.Fprintf(w, "Candidature %s — %s\n", ev.ApplicationID, ev.Structure)
	fmt.Fprintf(w, "Charte : %s ; évaluation du %s\n", ev.Charter, ev.Date)
	fmt.Fprintf(w, "Décision : %s\n", strings.ToUpper(label.Statuses.LabelOf(string(ev.Status))))
	if !ev.ValidUntil.IsZero() {
		fmt.Fprintf(w, "Label valable jusqu'au %s\n", ev.ValidUntil)
	}
	if ev.FirstLapse != nil {
		fmt.Fprintf(w, "Première échéance : critère %s le %s\n", ev.FirstLapse.Code, ev.FirstLapse.Date)
	}
	for _, cr := range ev.Criteria {
		mark := "[x]"
		if !cr.Met {
			mark = "[ ]"
		}
		blocking := ""
		if cr.Blocking {
			blocking = " (bloquant)"
		}
		fmt.Fprintf(w, "  %s %s%s : %s\n", mark, cr.Code, blocking, cr.Reason)
	}
	printNetworkFaults(w, "  faute", ev.Faults)
	fmt.Fprintln(w)
}
