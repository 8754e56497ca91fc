package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/spie-fr/socle/internal/clifault"
	"io"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "orient", summary: "propose l'orientation (parcours, organisation référente, décideur) et les délais d'un diagnostic", run: runOrient})
}

// orientation is what spie orient prints for one diagnostic.
type orientation struct {
	Document   string                `json:"document"`
	Diagnostic string                `json:"diagnostic,omitempty"`
	Decision   *diagnostic.Decision  `json:"decision,omitempty"`
	At         spie.Date             `json:"date_examen"`
	Deadlines  []diagnostic.Deadline `json:"delais"`
	Faults     spie.Faults           `json:"faults"`
}

func runOrient(c *cli, args []string) int {
	fl := flag.NewFlagSet("orient", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	rulesFile := fl.String("rules", "", "fichier de règles d'orientation du territoire (par défaut : critères nationaux)")
	date := fl.String("date", "", "date d'examen des délais AAAA-MM-JJ (par défaut : aujourd'hui)")
	format := fl.String("format", "json", "sortie : json ou text (français)")
	var m diagnostic.Milestones
	fl.Func("entree", "date d'entrée dans le SPIE AAAA-MM-JJ (délai de diagnostic)", dateFlag(&m.Entry))
	fl.Func("orientation", "date de notification de l'orientation AAAA-MM-JJ", dateFlag(&m.Orientation))
	fl.Func("contrat", "date de signature du contrat d'engagement AAAA-MM-JJ", dateFlag(&m.Contract))
	fl.Func("rediagnostic", "date du rediagnostic conjoint AAAA-MM-JJ", dateFlag(&m.Review))
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie orient [--rules FICHIER] [--date AAAA-MM-JJ] [--format json|text] [--entree D] [--orientation D] [--contrat D] [--rediagnostic D] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Le fichier contient un diagnostic, un tableau de diagnostics ou du NDJSON.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(c.stderr, "spie orient : --format %q inconnu (json ou text)\n", *format)
		return exitUsage
	}
	var at spie.Date
	if *date != "" {
		at = spie.Date(*date)
		if _, ok := at.Time(); !ok {
			fmt.Fprintf(c.stderr, "spie orient : --date %q invalide (AAAA-MM-JJ)\n", *date)
			return exitUsage
		}
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	rules := diagnostic.DefaultOrientationRules()
	if *rulesFile != "" {
		r, ok := loadRulesFile(c, "orient", *rulesFile)
		if !ok {
			return exitUsage
		}
		rules = r
	}
	var results []orientation
	code, err := eachDiagnosticIn(c, fl.Args(), func(name string, d *diagnostic.Diagnostic, fs spie.Faults) {
		o := orientation{Document: name, At: at, Deadlines: []diagnostic.Deadline{}, Faults: faultsOrEmpty(fs)}
		if o.At == "" {
			o.At = c.today("")
			if d != nil {
				o.At = c.today(d.Person.Commune)
			}
		}
		if d != nil {
			dec := diagnostic.Orient(d, rules)
			o.Diagnostic, o.Decision = d.ID, &dec
			o.Deadlines = append(o.Deadlines, diagnostic.Deadlines(d, dec, m, o.At, rules)...)
		}
		results = append(results, o)
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "spie orient : %v\n", err)
		return exitUsage
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	for _, o := range results {
		if o.Decision != nil && !o.Decision.Determined {
			code = exitInvalid
		}
		if *format == "text" {
			printOrientation(out, o, rules)
			continue
		}
		writeLine(out, o)
	}
	return code
}

// loadRulesFile reads a territory's orientation rules; it reports on stderr
// why they are refused.
func loadRulesFile(c *cli, verb, name string) (*diagnostic.OrientationRules, bool) {
	b, err := readOne(c, name, 0)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie %s : %v\n", verb, err)
		return nil, false
	}
	r, fs := diagnostic.LoadOrientationRules(bytes.NewReader(b))
	if len(fs) > 0 {
		fmt.Fprintf(c.stderr, "spie %s : règles %s refusées :\n", verb, name)
		for _, x := range fs {
			fmt.Fprintf(c.stderr, "  %s\n", x.Error())
		}
		return nil, false
	}
	return r, true
}

// dateFlag parses a date flag.
func dateFlag(dst *spie.Date) func(string) error {
	return func(s string) error {
		d, err := parseDate(s)
		*dst = d
		return err
	}
}

// parseDate reads a calendar date given on the command line.
func parseDate(s string) (spie.Date, error) {
	d := spie.Date(s)
	if !d.Valid() {
		return "", fmt.Errorf("date %q invalide (AAAA-MM-JJ)", s)
	}
	return d, nil
}

// eachDiagnostic reads the diagnostics of the input (a document, an array or
// NDJSON) and calls fn for each, named docName(name, n), with the faults of severity error that its
// own rules find (a nil diagnostic when the JSON cannot be read). It returns
// exitInvalid when a document is unreadable or has errors.
func eachDiagnostic(c *cli, name string, fn func(name string, d *diagnostic.Diagnostic, fs spie.Faults)) (int, error) {
	r, closeFn, err := openInput(c, name)
	if err != nil {
		return exitUsage, err
	}
	defer closeFn()
	code := exitOK
	err = readDocuments(r, func(doc input.Doc) error {
		named := docName(name, doc.Index)
		if doc.Fault != nil {
			code = exitInvalid
			fn(named, nil, spie.Faults{*doc.Fault})
			return nil
		}
		pd, err := decodeKind("diagnostic", doc.Data, func(b []byte) (*diagnostic.Diagnostic, error) {
			var d diagnostic.Diagnostic
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			return &d, dec.Decode(&d)
		})
		if err != nil {
			code = exitInvalid
			fn(named, nil, spie.Faults{clifault.DiagnosticInput.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))})
			return nil
		}
		d := *pd
		fs := d.Check(c.now()).Errors()
		if len(fs) > 0 {
			code = exitInvalid
		}
		fn(named, &d, fs)
		return nil
	})
	if err != nil {
		return exitUsage, err
	}
	return code, nil
}

// writeJSONResult writes v indented when it is the only result, else on one
// line (NDJSON): for the aggregate verbs' one report and the payload formats;
// the per-document shape is writeLine's.
func writeJSONResult(w io.Writer, v any, alone bool) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if alone {
		enc.SetIndent("", "  ")
	}
	_ = enc.Encode(v)
}

func printOrientation(w io.Writer, o orientation, rules *diagnostic.OrientationRules) {
	fmt.Fprintf(w, "Document : %s\n", o.Document)
	for _, f := range o.Faults {
		fmt.Fprintf(w, "  Erreur %s\n", f.Error())
	}
	if o.Decision == nil {
		fmt.Fprintln(w)
		return
	}
	dec := o.Decision
	fmt.Fprintf(w, "Diagnostic %s du %s — règles %s\n", o.Diagnostic, dec.Date, dec.Rules)
	// Each outcome names the rule that decided it (issue 14 item 4), by
	// the label the published rules give it (spie rules).
	fmt.Fprintf(w, "Parcours : %s%s\n", dec.Pathway.Label(), decidedBy(rules, dec.PathwayRule))
	if dec.Organisation != "" {
		fmt.Fprintf(w, "Organisation référente : %s%s\n", dec.Organisation.Label(), decidedBy(rules, dec.OrganisationRule))
	} else {
		fmt.Fprintln(w, "Organisation référente : non décidée")
	}
	if dec.Decider != "" {
		fmt.Fprintf(w, "Décision prise par : %s%s\n", dec.Decider.Label(), decidedBy(rules, dec.DeciderRule))
	}
	fmt.Fprintln(w, "Critères :")
	for i, u := range dec.Criteria {
		fmt.Fprintf(w, "  %d. %s\n", i+1, u.Sentence)
	}
	if len(dec.Missing) > 0 {
		fmt.Fprintln(w, "Pour décider, il manque :")
		for _, m := range dec.Missing {
			fmt.Fprintf(w, "  - %s (%s)\n", m.Sentence, strings.Join(m.Paths, ", "))
		}
	}
	if len(o.Deadlines) > 0 {
		fmt.Fprintf(w, "Délais au %s :\n", o.At)
		for _, x := range o.Deadlines {
			fmt.Fprintf(w, "  - %s : %s\n", diagnostic.DeadlineKinds.LabelOf(string(x.Kind)), x.Sentence)
		}
	}
	fmt.Fprintln(w)
}

// decidedBy is the text naming the rule id of rules that decided an
// outcome: « (règle « libellé ») », its id when the rule has no label, and
// nothing when no rule decided.
func decidedBy(rules *diagnostic.OrientationRules, id string) string {
	if id == "" {
		return ""
	}
	label := id
	for _, r := range rules.Pathways {
		if r.ID == id && r.Label != "" {
			label = r.Label
		}
	}
	for _, r := range rules.Organisations {
		if r.ID == id && r.Label != "" {
			label = r.Label
		}
	}
	for _, r := range rules.Deciders {
		if r.ID == id && r.Label != "" {
			label = r.Label
		}
	}
	return " (règle « " + label + " »)"
}
