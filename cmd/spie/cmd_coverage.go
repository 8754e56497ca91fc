package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/coverage"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
)

func init() {
	register(command{name: "coverage", summary: "confronte les besoins des diagnostics à l'offre éligible par territoire et classe les manques", run: runCoverage})
}

func runCoverage(c *cli, args []string) int {
	fl := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	diags := fl.String("diagnostics", "", "fichier de diagnostics (comme FICHIER sur la ligne, gardé par compatibilité)")
	catalogue := fl.String("catalogue", "", "services de l'offre (data·inclusion v1, tableau JSON ou NDJSON)")
	level := fl.String("level", "commune", "niveau territorial : commune, epci ou departement")
	date := fl.String("date", "", "écarter les diagnostics postérieurs à cette date AAAA-MM-JJ")
	seuil := fl.Int("seuil", 0, "secret statistique : effectif minimal publié (par défaut 5)")
	ratio := fl.Float64("ratio", 0, "personnes par service à partir duquel une cellule est faiblement couverte (par défaut 10)")
	format := fl.String("format", "json", "json ou text")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie coverage --catalogue FICHIER [--level commune|epci|departement] [--format json|text] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Les FICHIERs contiennent les diagnostics (un document, un tableau JSON ou du NDJSON), lus dans l'ordre ; un seul rapport pour tous.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0, 1 si des lignes sont illisibles, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	names := inputNames(*diags, fl.Args())
	if len(names) == 0 || *catalogue == "" || (*format != "json" && *format != "text") {
		fl.Usage()
		return exitUsage
	}
	if f := secret.CheckThreshold(*seuil, ""); f != nil {
		fmt.Fprintf(c.stderr, "spie coverage : --seuil %d : %s : %s\n", *seuil, f.Code, f.Message)
		return exitUsage
	}
	opts := coverage.Options{Level: coverage.Level(*level), Threshold: *seuil, ThinRatio: *ratio}
	if *date != "" {
		d, err := parseDate(*date)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie coverage : %v\n", err)
			return exitUsage
		}
		opts.Date = d
	}
	if !coverage.Levels.Has(*level) {
		fmt.Fprintf(c.stderr, "spie coverage : niveau %q inconnu (commune, epci ou departement)\n", *level)
		return exitUsage
	}
	catIn, closeCat, err := openInput(c, *catalogue)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie coverage : %v\n", err)
		return exitUsage
	}
	invalid := 0
	cr := &contentReader{r: catIn}
	services, err := offer.LoadServices(cr, c.now(), func(_ int, _ string, fs spie.Faults) {
		if !fs.Valid() {
			invalid++
		}
	})
	closeCat()
	if err != nil {
		fmt.Fprintf(c.stderr, "spie coverage : %s : %v\n", *catalogue, err)
		return exitUsage
	}
	if cr.empty() {
		fmt.Fprintf(c.stderr, "spie coverage : %s : %v\n", *catalogue, input.ErrEmpty)
		return exitUsage
	}
	if invalid > 0 {
		fmt.Fprintf(c.stderr, "spie coverage : %d service(s) du catalogue comportent des erreurs (spie validate --kind service les détaille) ; ils sont pris en compte\n", invalid)
	}
	cat, _ := offer.NewCatalogue(services, nil)
	dr, err := openInputs(c, "coverage", names)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie coverage : %v\n", err)
		return exitUsage
	}
	defer dr.Close()
	cr = &contentReader{r: dr}
	rep, fs, err := coverage.Analyse(cr, cat, opts)
	printNetworkFaults(c.stderr, "spie coverage", fs)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie coverage : %v\n", err)
		return exitUsage
	}
	if cr.empty() {
		fmt.Fprintf(c.stderr, "spie coverage : %s : %v\n", strings.Join(names, ", "), input.ErrEmpty)
		return exitUsage
	}
	// The reading counters go to the operator (stderr), never into the
	// published report: they could give a secret cell back by difference.
	fmt.Fprintf(c.stderr, "spie coverage : lecture (non publiée) : %d diagnostic(s) lu(s), %d postérieur(s) à la date, %d sans besoin, %d en commune inconnue, %d illisible(s)\n",
		rep.Read, rep.Later, rep.WithoutNeed, rep.NoCommune, rep.Unreadable)
	if *format == "text" {
		printCoverage(c.stdout, rep)
	} else {
		writeJSONResult(c.stdout, rep, true)
	}
	if dr.Close(); rep.Unreadable > 0 || invalid > 0 || dr.skipped > 0 {
		return exitInvalid
	}
	return exitOK
}

func printCoverage(w io.Writer, r coverage.Report) {
	per := map[coverage.Level]string{coverage.LevelCommune: "commune", coverage.LevelEPCI: "intercommunalité (EPCI)", coverage.LevelDepartement: "département"}
	fmt.Fprintf(w, "Besoins et offre par %s : %d service(s) au catalogue\n", per[r.Level], r.Services)
	fmt.Fprintf(w, "Secret statistique : cellules de moins de %d personnes masquées (%d) ; faible couverture à partir de %g personnes par service.\n\n",
		r.Threshold, r.SecretCells, r.ThinRatio)
	if len(r.Cells) == 0 {
		fmt.Fprintln(w, "Aucune cellule publiable.")
		return
	}
	fmt.Fprintf(w, "%4s  %-44s %-32s %9s %9s %11s  %s\n", "rang", "territoire", "thématique", "personnes", "services", "pers./serv.", "couverture")
	for _, c := range r.Cells {
		per := "—"
		if c.PerService != nil {
			per = fmt.Sprintf("%.1f", *c.PerService)
		}
		name := fmt.Sprintf("%s (%s)", c.TerritoryName, c.Territory)
		fmt.Fprintf(w, "%4d  %-44s %-32s %9s %9d %11s  %s\n", c.Rank, coverageTruncate(name, 44), coverageTruncate(c.Thematique.Label(), 32), c.People, c.Services, per,
			coverage.Statuses.LabelOf(string(c.Status)))
	}
}

func coverageTruncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
