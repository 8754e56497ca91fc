package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "pmsmp", summary: "vérifie des conventions de PMSMP : durée d'un mois de date à date, âge, prescripteur, signatures, horaires (48 h par semaine), renouvellements", run: runPMSMP})
}

// pmsmpResult is what spie pmsmp prints for one document.
type pmsmpResult struct {
	Document   string `json:"document"`
	Convention string `json:"convention,omitempty"`
	Valid      bool   `json:"valide"`
	// Jours calendaires de la période, début et fin compris.
	Days int `json:"jours_calendaires,omitempty"`
	// Dernier jour possible : un mois de date à date après le début.
	LastDay      spie.Date         `json:"fin_au_plus_tard,omitempty"`
	PresenceDays int               `json:"jours_de_presence,omitempty"`
	Minutes      int               `json:"minutes_de_presence,omitempty"`
	Weeks        []offer.WeekHours `json:"semaines,omitempty"`
	Faults       spie.Faults       `json:"faults"`

	conv *offer.Convention
}

func runPMSMP(c *cli, args []string) int {
	fl := flag.NewFlagSet("pmsmp", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	var day spie.Date
	fl.Func("date", "date du jour AAAA-MM-JJ, à laquelle les signatures sont comparées (par défaut : aujourd'hui)", dateFlag(&day))
	format := fl.String("format", "text", "sortie : text (français) ou json (un objet par convention)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie pmsmp [--date AAAA-MM-JJ] [--format text|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Chaque fichier tient une convention, un tableau de conventions ou du NDJSON. Les conventions lues ensemble forment l'historique des personnes : renouvellements, deux conventions et 60 jours au plus par structure d'accueil sur 12 mois.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0 si toutes les conventions sont conformes (avertissements permis), 1 sinon, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(c.stderr, "spie pmsmp : --format %q inconnu (json ou text)\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	if day == "" {
		day = c.today("")
	}
	// Validate's clock: noon UTC of the day, the same date in mainland France.
	t, _ := day.Time()
	now := schemas.WithNow(func() time.Time { return t.Add(12 * time.Hour) })

	var results []*pmsmpResult
	var history []offer.Convention
	for _, name := range fl.Args() {
		r, closeFn, err := openInput(c, name)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie pmsmp : %v\n", err)
			return exitUsage
		}
		err = readDocuments(r, func(doc input.Doc) error {
			res := &pmsmpResult{Document: docName(name, doc.Index), Faults: spie.Faults{}}
			results = append(results, res)
			if doc.Fault != nil {
				res.Faults = spie.Faults{*doc.Fault}
				return nil
			}
			res.Faults = schemas.Validate("convention-pmsmp", doc.Data, now)
			if !structural(res.Faults) {
				if cv, err := decodeKind("convention-pmsmp", doc.Data, offer.DecodeConvention); err == nil {
					res.conv = cv
					history = append(history, *cv)
				}
			}
			return nil
		})
		closeFn()
		if err != nil {
			fmt.Fprintf(c.stderr, "spie pmsmp : %s : %v\n", name, err)
			return exitUsage
		}
	}
	code := exitOK
	for _, res := range results {
		if cv := res.conv; cv != nil {
			// The rules over the person's other conventions, read from
			// every input: the same Check, given the history.
			fs := append(spie.Faults{}, cv.Check(day, history, offer.DefaultPMSMPLimits)...)
			for _, f := range res.Faults {
				if !strings.HasPrefix(f.Code, "PMSMP-") {
					fs = append(fs, f)
				}
			}
			fs.Sort()
			res.Faults = fs
			res.Convention = cv.ID
			res.Days = cv.Days()
			res.LastDay = cv.Start.PeriodEnd(offer.DefaultPMSMPLimits.MaxMonths)
			res.PresenceDays = cv.PresenceDays()
			res.Minutes = cv.TotalMinutes()
			res.Weeks = cv.Weeks()
		}
		res.Valid = res.Faults.Valid()
		if !res.Valid {
			code = exitInvalid
		}
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	for _, r := range results {
		if *format == "text" {
			printPMSMP(out, r)
			continue
		}
		r.Faults = faultsOrEmpty(r.Faults)
		writeLine(out, r)
	}
	return code
}

// structural reports whether a fault comes from the input or the schema:
// the document is then not read as a convention.
func structural(fs spie.Faults) bool {
	for _, f := range fs {
		if f.Severity == spie.SeverityError && (strings.HasPrefix(f.Code, "SCHEMA-") || strings.HasPrefix(f.Code, "INPUT-")) {
			return true
		}
	}
	return false
}

func printPMSMP(w io.Writer, r *pmsmpResult) {
	fmt.Fprintf(w, "Document : %s\n", r.Document)
	if cv := r.conv; cv != nil {
		fmt.Fprintf(w, "Convention %s — %s (%s)\n", cv.ID, cv.HostName, offer.PMSMPPrescribers.LabelOf(string(cv.Prescriber)))
		if r.Days > 0 {
			fmt.Fprintf(w, "Période : du %s au %s, %d jour(s) ; un mois de date à date irait jusqu'au %s.\n", cv.Start, cv.End, r.Days, r.LastDay)
		}
		fmt.Fprintf(w, "Présence : %d jour(s), %s au total.\n", r.PresenceDays, offer.FormatMinutes(r.Minutes))
		for _, wk := range r.Weeks {
			fmt.Fprintf(w, "  semaine du %s : %s\n", wk.Monday, offer.FormatMinutes(wk.Minutes))
		}
	}
	switch n := len(r.Faults.Errors()); {
	case r.Valid && len(r.Faults) == 0:
		fmt.Fprintln(w, "Verdict : conforme.")
	case r.Valid:
		fmt.Fprintln(w, "Verdict : conforme, avec des avertissements.")
	default:
		fmt.Fprintf(w, "Verdict : non conforme, %d erreur(s).\n", n)
	}
	for _, f := range r.Faults {
		kind := "Erreur"
		if f.Severity != spie.SeverityError {
			kind = "Avertissement"
		}
		fmt.Fprintf(w, "  %s %s\n", kind, f.Error())
	}
	fmt.Fprintln(w)
}
