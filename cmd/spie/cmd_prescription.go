package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spie-fr/socle/internal/clifault"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "prescription", summary: "fait avancer des prescriptions : envoyer, accepter, refuser, relancer, expirer", run: runPrescription})
}

// prescriptionActions are the sub-verbs of spie prescription, each a
// transition of the prescription's life (offer.Prescription: Send, Accept,
// Refuse, Expire) or, for relancer, its follow-up (FollowUp: which
// deadlines are due).
var prescriptionActions = []string{"envoyer", "accepter", "refuser", "relancer", "expirer"}

// prescriptionOutput is the result of spie prescription for one document.
type prescriptionOutput struct {
	Document string `json:"document"`
	Action   string `json:"action"`
	// La prescription après la transition ; absente quand la transition est refusée.
	Prescription *offer.Prescription `json:"prescription,omitempty"`
	// Suivi (relancer) : échéances et ce qui est dû à l'instant donné ; absent quand la prescription n'attend pas de réponse.
	FollowUp *offer.FollowUp `json:"suivi,omitempty"`
	Faults   spie.Faults     `json:"faults"`
}

func runPrescription(c *cli, args []string) int {
	usageLine := "Usage : spie prescription envoyer|accepter|refuser|relancer|expirer [--now INSTANT] [--par AUTEUR] [--motif MOTIF] [--commentaire TEXTE] [--delais FICHIER] [--format text|json] FICHIER... | -"
	if len(args) == 0 || !slices.Contains(prescriptionActions, args[0]) {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprintln(c.stderr, usageLine)
			fmt.Fprintln(c.stderr, "spie prescription ACTION -h détaille les options d'une action.")
			return exitOK
		}
		if len(args) > 0 {
			fmt.Fprintf(c.stderr, "spie prescription : action %q inconnue (%s)\n", args[0], strings.Join(prescriptionActions, ", "))
		} else {
			fmt.Fprintln(c.stderr, usageLine)
		}
		return exitUsage
	}
	action := args[0]
	fl := flag.NewFlagSet("prescription "+action, flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	at := c.now()
	fl.Func("now", "instant de l'action, RFC 3339 (2026-03-16T11:00:00Z ou 2026-03-16T12:00:00+01:00 ; par défaut : maintenant)", instantFlagFunc(&at))
	by := fl.String("par", "", "auteur de la transition (envoyer, accepter, refuser : obligatoire)")
	reason := fl.String("motif", "", "motif codé du refus : "+strings.Join(offer.RefusalReasons.Keys(), ", "))
	comment := fl.String("commentaire", "", "commentaire du refus (obligatoire pour le motif autre)")
	deadlinesFile := fl.String("delais", "", "délais du territoire (JSON : delai_reponse_heures, relance_jours, expiration_jours ; par défaut 72 h, 10 jours, 30 jours, RULES.md §4)")
	format := addFormatFlag(fl, "text")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, usageLine)
		fmt.Fprintln(c.stderr, "envoyer : une prescription complète en brouillon ; accepter, refuser : la réponse du service ; relancer : les échéances")
		fmt.Fprintln(c.stderr, "d'une prescription envoyée (réponse, relance, expiration) et ce qui est dû ; expirer : une prescription sans réponse après le délai.")
		fmt.Fprintln(c.stderr, "Écrit chaque prescription après l'action (--format json) ; une transition refusée laisse la prescription telle quelle (code 1).")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args[1:]); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(c.stderr, "spie prescription %s : "+format+"\n", append([]any{action}, a...)...)
		return exitUsage
	}
	switch {
	case fl.NArg() == 0:
		fl.Usage()
		return exitUsage
	case !format.check(c, "prescription "+action):
		return exitUsage
	case (action == "envoyer" || action == "accepter" || action == "refuser") && strings.TrimSpace(*by) == "":
		return usageErr("--par obligatoire (auteur de la transition)")
	case action == "refuser" && !offer.RefusalReasons.Has(*reason):
		return usageErr("--motif %q inconnu (%s)", *reason, strings.Join(offer.RefusalReasons.Keys(), ", "))
	case action != "refuser" && (*reason != "" || *comment != ""):
		return usageErr("--motif et --commentaire ne servent qu'à refuser")
	}
	deadlines := offer.DefaultDeadlines
	if *deadlinesFile != "" {
		b, err := readOne(c, *deadlinesFile, 0)
		if err != nil {
			return usageErr("%v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&deadlines); err != nil {
			return usageErr("délais %s refusés : %s", *deadlinesFile, spie.DescribeJSONError(err))
		}
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	invalid := false
	code := eachInputDoc(c, "prescription", fl.Args(), func(doc string, d input.Doc) {
		res := prescriptionOutput{Document: doc, Action: action, Faults: spie.Faults{}}
		switch p, fs := readPrescription(d); {
		case p == nil:
			res.Faults = fs
		default:
			var tfs spie.Faults
			switch action {
			case "envoyer":
				tfs = p.Send(at, *by)
			case "accepter":
				tfs = p.Accept(at, *by, deadlines)
			case "refuser":
				tfs = p.Refuse(at, *by, offer.RefusalReason(*reason), *comment, deadlines)
			case "expirer":
				tfs = p.Expire(at, deadlines)
			case "relancer":
				if f, ok := p.FollowUp(at, deadlines); ok {
					res.FollowUp = &f
				}
			}
			res.Faults = faultsOrEmpty(tfs)
			if tfs.Valid() {
				res.Prescription = p
			}
		}
		if !res.Faults.Valid() {
			invalid = true
		}
		if format.json() {
			writeLine(out, res)
		} else {
			printPrescription(out, res, at)
		}
	})
	if code == exitOK && invalid {
		code = exitInvalid
	}
	return code
}

// readPrescription decodes a prescription document (strictly, as the
// schema reads it), or returns the faults why it cannot.
func readPrescription(d input.Doc) (*offer.Prescription, spie.Faults) {
	if d.Fault != nil {
		return nil, spie.Faults{*d.Fault}
	}
	return decodeStrict[offer.Prescription]("prescription", d.Data, clifault.PrescriptionInput)
}

// frenchInstant writes an instant as the person's territory reads it
// (spie.DateIn's time zone): « 2026-03-16 à 12:00 ».
func frenchInstant(t time.Time, commune spie.CommuneCode) string {
	return string(spie.DateIn(t, string(commune))) + " à " + t.In(spie.TimeZone(string(commune))).Format("15:04")
}

func printPrescription(w io.Writer, r prescriptionOutput, at time.Time) {
	p := r.Prescription
	switch {
	case !r.Faults.Valid():
		fmt.Fprintf(w, "%s : %s refusé, la prescription est inchangée :\n", r.Document, r.Action)
		printFaultsFR(w, r.Faults)
		return
	case r.Action == "relancer" && r.FollowUp == nil:
		fmt.Fprintf(w, "%s : la prescription %s n'attend pas de réponse (état : %s)\n", r.Document, p.ID, offer.PrescriptionStates.LabelOf(string(p.State)))
		return
	case r.Action == "relancer":
		f := r.FollowUp
		where := p.Person.Commune
		fmt.Fprintf(w, "%s : la prescription %s attend une réponse ; au %s :\n", r.Document, p.ID, frenchInstant(at, where))
		due := func(b bool, yes, no string) string {
			if b {
				return yes
			}
			return no
		}
		fmt.Fprintf(w, "  réponse attendue le %s : %s\n", frenchInstant(f.AnswerDue, where), due(f.AnswerLate, "en retard", "dans le délai"))
		fmt.Fprintf(w, "  relance le %s : %s\n", frenchInstant(f.ReminderAt, where), due(f.ReminderDue, "à faire", "pas encore"))
		fmt.Fprintf(w, "  expiration le %s : %s\n", frenchInstant(f.ExpiresAt, where), due(f.Expired, "due (spie prescription expirer)", "pas encore"))
		return
	}
	fmt.Fprintf(w, "%s : la prescription %s est désormais %s (le %s)\n", r.Document, p.ID,
		strings.ToLower(offer.PrescriptionStates.LabelOf(string(p.State))), frenchInstant(at, p.Person.Commune))
	printFaultsFR(w, r.Faults)
}
