package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/internal/input"
)

func init() {
	register(command{name: "cohort", summary: "dit, diagnostic par diagnostic, qui appartient à une cohorte SPIE et pourquoi", run: runCohort})
}

func runCohort(c *cli, args []string) int {
	fl := flag.NewFlagSet("cohort", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	defFile := fl.String("definition", "", "définition de la cohorte (JSON, type cohorte)")
	date := fl.String("date", "", "date d'appartenance AAAA-MM-JJ (par défaut : aujourd'hui)")
	members := fl.Bool("membres", false, "n'écrire que les membres")
	carnets := fl.Bool("carnets", false, "l'entrée est un flux de carnets de bord (NDJSON) et non de diagnostics")
	since := fl.String("depuis", "", "écrire plutôt les effectifs et mouvements (entrées, sorties) entre cette date et --date, sous secret statistique")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie cohort --definition FICHIER [--date AAAA-MM-JJ] [--carnets] [--membres | --depuis AAAA-MM-JJ] DIAGNOSTICS.ndjson... | -")
		fmt.Fprintln(c.stderr, "Écrit un résultat JSON par diagnostic (NDJSON), puis le bilan en français sur la sortie d'erreur.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0, 1 si la définition est invalide ou des lignes illisibles, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *defFile == "" || fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	day := c.today("")
	if *date != "" {
		d, err := parseDate(*date)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
			return exitUsage
		}
		day = d
	}
	b, err := readOne(c, *defFile, 0)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
		return exitUsage
	}
	def, err := decodeKind("cohorte", b, cohort.Decode)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie cohort : %s : %v\n", *defFile, err)
		return exitUsage
	}
	if fs := def.Check(); !fs.Valid() {
		fmt.Fprintf(c.stderr, "spie cohort : définition %s invalide\n", *defFile)
		printNetworkFaults(c.stderr, "spie cohort", fs)
		return exitInvalid
	}
	in, err := openInputs(c, "cohort", fl.Args())
	if err != nil {
		fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
		return exitUsage
	}
	defer in.Close()
	cr := &contentReader{r: in}
	if *since != "" && *carnets {
		fmt.Fprintln(c.stderr, "spie cohort : --depuis lit des diagnostics, pas des carnets")
		return exitUsage
	}
	if *since != "" {
		from, err := parseDate(*since)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
			return exitUsage
		}
		m, fs, err := cohort.Movements(def, cr, from, day)
		printNetworkFaults(c.stderr, "spie cohort", fs)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
			return exitUsage
		}
		if cr.empty() {
			fmt.Fprintf(c.stderr, "spie cohort : %s : %v\n", strings.Join(fl.Args(), ", "), input.ErrEmpty)
			return exitUsage
		}
		writeJSONResult(c.stdout, network.Cohort(m, 0), true)
		if in.Close(); len(fs) > 0 || in.skipped > 0 {
			return exitInvalid
		}
		return exitOK
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	scan := cohort.Scan
	if *carnets {
		scan = cohort.ScanCarnets
	}
	s, fs, err := scan(def, cr, day, func(res cohort.Result) error {
		if *members && !res.Member {
			return nil
		}
		return enc.Encode(res)
	})
	printNetworkFaults(c.stderr, "spie cohort", fs)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie cohort : %v\n", err)
		return exitUsage
	}
	if cr.empty() {
		fmt.Fprintf(c.stderr, "spie cohort : %s : %v\n", strings.Join(fl.Args(), ", "), input.ErrEmpty)
		return exitUsage
	}
	fmt.Fprintf(c.stderr, "spie cohort : %s au %s : %d membre(s) sur %d %s examiné(s)", def.Code, day, s.Members, s.Members+s.NonMembers, map[bool]string{false: "diagnostic(s)", true: "carnet(s)"}[*carnets])
	if s.Later > 0 {
		fmt.Fprintf(c.stderr, ", %d postérieur(s) à la date écarté(s)", s.Later)
	}
	fmt.Fprintln(c.stderr)
	if len(s.Excluded) > 0 {
		keys := make([]string, 0, len(s.Excluded))
		for k := range s.Excluded {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d", k, s.Excluded[k])
		}
		fmt.Fprintf(c.stderr, "spie cohort : conditions non remplies : %s\n", strings.Join(parts, ", "))
	}
	if in.Close(); s.Unreadable > 0 || in.skipped > 0 {
		return exitInvalid
	}
	return exitOK
}
