package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/spie-fr/socle/internal/clifault"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
)

func init() {
	register(command{name: "agreement", summary: "compare orientations automatiques et co-diagnostics (matrice, taux d'accord, kappa de Cohen)", run: runAgreement})
}

// agreementLine is one line of input: a pair, or a diagnostic and the
// pathway chosen by the professionals, whose automated decision is computed.
type agreementLine struct {
	diagnostic.AgreementPair
	Diagnostic *diagnostic.Diagnostic `json:"diagnostic,omitempty"`
}

// agreementResult is what spie agreement prints: one report per run (an
// aggregate verb, documents.go), its faults in the library's shape, []
// when none, each pointing at the line (document number) it is about.
type agreementResult struct {
	diagnostic.Agreement
	Faults spie.Faults `json:"faults"`
}

func runAgreement(c *cli, args []string) int {
	fl := flag.NewFlagSet("agreement", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	threshold := fl.Int("seuil", secret.DefaultThreshold, "secret statistique : effectif minimal publié")
	rulesFile := fl.String("rules", "", "règles d'orientation appliquées aux lignes qui portent un diagnostic (par défaut : critères nationaux)")
	format := fl.String("format", "json", "sortie : json ou text (français)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie agreement [--seuil 5] [--format json|text] FICHIER... | -")
		fmt.Fprintln(c.stderr, `Le fichier contient une paire par ligne (NDJSON) : {"automatique": "global", "humain": "social", "code_commune": "77288", "publics": ["brsa"], "criteres": ["impact-max"]}`)
		fmt.Fprintln(c.stderr, `ou un diagnostic et le parcours du co-diagnostic : {"diagnostic": {…}, "humain": "social"} (l'orientation automatique est alors calculée).`)
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(c.stderr, "spie agreement : --format %q inconnu (json ou text)\n", *format)
		return exitUsage
	}
	if *threshold < 1 {
		fmt.Fprintf(c.stderr, "spie agreement : --seuil %d invalide (au moins 1)\n", *threshold)
		return exitUsage
	}
	if f := secret.CheckThreshold(*threshold, ""); f != nil {
		fmt.Fprintf(c.stderr, "spie agreement : --seuil %d : %s : %s\n", *threshold, f.Code, f.Message)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	rules := diagnostic.DefaultOrientationRules()
	if *rulesFile != "" {
		r, ok := loadRulesFile(c, "agreement", *rulesFile)
		if !ok {
			return exitUsage
		}
		rules = r
	}
	r, err := openInputs(c, "agreement", fl.Args())
	if err != nil {
		fmt.Fprintf(c.stderr, "spie agreement : %v\n", err)
		return exitUsage
	}
	defer r.Close()
	var pairs []diagnostic.AgreementPair
	var lines []int // line (document number) of each pair
	var lineFaults spie.Faults
	code := exitOK
	err = readDocuments(r, func(doc input.Doc) error {
		if doc.Fault != nil {
			f := *doc.Fault
			f.Path = spie.Pointer(doc.Index)
			lineFaults = append(lineFaults, f)
			return nil
		}
		var l agreementLine
		dec := json.NewDecoder(bytes.NewReader(doc.Data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			lineFaults = append(lineFaults, clifault.Pair.At(spie.Pointer(doc.Index), spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err)))
			return nil
		}
		p := l.AgreementPair
		if l.Diagnostic != nil {
			if l.Automated != "" {
				lineFaults = append(lineFaults, clifault.PairBoth.At(spie.Pointer(doc.Index, "automatique")))
				return nil
			}
			p = diagnostic.PairOf(l.Diagnostic, diagnostic.Orient(l.Diagnostic, rules), l.Human)
			if l.ID != "" {
				p.ID = l.ID
			}
		}
		pairs = append(pairs, p)
		lines = append(lines, doc.Index)
		return nil
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie agreement : %v\n", err)
		return exitUsage
	}
	a, fs := diagnostic.Evaluate(pairs, *threshold)
	// Faults of Evaluate point at the index of the pair among those read:
	// point them at the line number instead, as for unreadable lines.
	for i := range fs {
		rest := strings.TrimPrefix(fs[i].Path, "/")
		idx, tail, _ := strings.Cut(rest, "/")
		if n, err := strconv.Atoi(idx); err == nil && n >= 0 && n < len(lines) {
			fs[i].Path = spie.Pointer(lines[n])
			if tail != "" {
				fs[i].Path += "/" + tail
			}
		}
	}
	res := agreementResult{Agreement: a, Faults: faultsOrEmpty(append(lineFaults, fs...))}
	if r.Close(); !res.Faults.Valid() || r.skipped > 0 {
		code = exitInvalid
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	if *format == "text" {
		printAgreement(out, res)
		return code
	}
	writeJSONResult(out, res, true)
	return code
}

func printAgreement(w io.Writer, r agreementResult) {
	fmt.Fprintf(w, "Paires comparées : %s (exclues : %d)\n", r.N, r.Excluded)
	printStats(w, "", r.AgreementFigures)
	fmt.Fprintln(w, "Matrice de confusion (lignes : automatique ; colonnes : co-diagnostic) :")
	fmt.Fprintf(w, "  %-10s %8s %8s %8s\n", "", "emploi", "global", "social")
	for i, p := range r.Order {
		fmt.Fprintf(w, "  %-10s %8s %8s %8s\n", p, r.Matrix[i][0], r.Matrix[i][1], r.Matrix[i][2])
	}
	for _, part := range []struct {
		title  string
		groups []diagnostic.AgreementGroup
	}{{"Par territoire", r.ByTerritory}, {"Par public", r.ByPublic}} {
		fmt.Fprintf(w, "%s :\n", part.title)
		if len(part.groups) == 0 {
			fmt.Fprintln(w, "  (aucun)")
		}
		for _, g := range part.groups {
			if g.Suppressed {
				fmt.Fprintf(w, "  - %s : secret statistique (seuil %d personnes)\n", g.Label, r.Threshold)
				continue
			}
			fmt.Fprintf(w, "  - %s : ", g.Label)
			printStats(w, "", *g.Stats)
		}
	}
	if len(r.Disagreements) > 0 {
		fmt.Fprintln(w, "Critères les plus présents dans les désaccords :")
		for _, c := range r.Disagreements {
			share := "part secrète"
			if c.Share != nil {
				share = fmt.Sprintf("%.0f %%", 100**c.Share)
			}
			fmt.Fprintf(w, "  - %s : %s désaccords (%s)\n", diagnostic.OrientationCriteria.LabelOf(string(c.Code)), c.Count, share)
		}
	}
	for _, f := range r.Faults {
		fmt.Fprintf(w, "%s %s\n", severityFR(f.Severity), f.Error())
	}
}

func printStats(w io.Writer, indent string, s diagnostic.AgreementFigures) {
	kappa := "non défini"
	if s.Kappa != nil {
		kappa = fmt.Sprintf("%.3f", *s.Kappa)
	} else if s.N.Secret || slices.ContainsFunc(s.Matrix[:], func(row [3]secret.Cell) bool {
		return slices.ContainsFunc(row[:], func(c secret.Cell) bool { return c.Secret })
	}) {
		kappa = "secret"
	}
	rate := "secret"
	if s.Rate != nil {
		rate = fmt.Sprintf("%.1f %%", 100**s.Rate)
	}
	fmt.Fprintf(w, "%seffectif %s, taux d'accord %s, kappa de Cohen %s\n", indent, s.N, rate, kappa)
}

func severityFR(s spie.Severity) string {
	if s == spie.SeverityError {
		return "Erreur"
	}
	return "Avertissement"
}
