package main

import (
	"flag"
	"fmt"
	"runtime"
	"strings"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "indicators", summary: "calcule les indicateurs d'impact SPIE d'un flux NDJSON de carnets, par cohorte, territoire et public", run: runIndicators})
}

func runIndicators(c *cli, args []string) int {
	fl := flag.NewFlagSet("indicators", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	var day spie.Date
	fl.Func("date", "date de calcul AAAA-MM-JJ (par défaut : aujourd'hui)", dateFlag(&day))
	policyFile := fl.String("politique", "", "paramètres du territoire (JSON ; par défaut RULES.md, secret statistique sous 5 personnes)")
	workers := fl.Int("workers", runtime.NumCPU(), "nombre de carnets lus en parallèle (de 1 au nombre de cœurs ; même rapport quel qu'il soit)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie indicators [--date AAAA-MM-JJ] [--politique FICHIER] [--workers N] FICHIER.ndjson... | -")
		fmt.Fprintln(c.stderr, "Lit un carnet par ligne, en mémoire constante ; écrit le rapport en JSON.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0, 1 si des lignes sont illisibles, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if day == "" {
		day = c.today("")
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	if *workers < 1 {
		fmt.Fprintf(c.stderr, "spie indicators : --workers %d refusé (de 1 au nombre de cœurs, %d)\n", *workers, runtime.NumCPU())
		return exitUsage
	}
	if n := boundWorkers(*workers); n != *workers {
		fmt.Fprintf(c.stderr, "spie indicators : --workers %d ramené à %d, le nombre de cœurs\n", *workers, n)
		*workers = n
	}
	p, ok := loadPolicy(c, "indicators", *policyFile)
	if !ok {
		return exitUsage
	}
	in, err := openInputs(c, "indicators", fl.Args())
	if err != nil {
		fmt.Fprintf(c.stderr, "spie indicators : %v\n", err)
		return exitUsage
	}
	defer in.Close()
	cr := &contentReader{r: in}
	rep, err := carnet.ComputeIndicatorsParallel(cr, day, p, *workers)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie indicators : %v\n", err)
		return exitUsage
	}
	if cr.empty() {
		fmt.Fprintf(c.stderr, "spie indicators : %s : %v\n", strings.Join(fl.Args(), ", "), input.ErrEmpty)
		return exitUsage
	}
	writeJSONResult(c.stdout, rep, true)
	if in.Close(); rep.Unreadable > 0 || in.skipped > 0 {
		fmt.Fprintf(c.stderr, "spie indicators : %d ligne(s) illisible(s) ignorée(s)\n", rep.Unreadable)
		return exitInvalid
	}
	return exitOK
}
