package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "alerts", summary: "liste les alertes des carnets à une date : ruptures, perdus de vue, délais, doublons", run: runAlerts})
}

// alertsResult is what spie alerts prints for one carnet, in the one
// output shape (documents.go): its result is the follow-up (suivi) and the
// alerts (alertes, in the library's fault shape); faults are the
// document's own: why it could not be read, or its journal's verification
// (errors refuse the carnet: no suivi, no alertes; warnings such as
// « journal non signé » are kept).
type alertsResult struct {
	Document string           `json:"document"`
	Carnet   string           `json:"carnet,omitempty"`
	Date     spie.Date        `json:"date"`
	Suivi    *carnet.FollowUp `json:"suivi,omitempty"`
	Alertes  spie.Faults      `json:"alertes"`
	Faults   spie.Faults      `json:"faults"`
}

func runAlerts(c *cli, args []string) int {
	fl := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	var day spie.Date
	fl.Func("date", "date d'examen AAAA-MM-JJ (par défaut : aujourd'hui)", dateFlag(&day))
	policyFile := fl.String("politique", "", "paramètres du territoire (JSON, délais et procédure perdus de vue ; par défaut RULES.md)")
	tf := addTrustFlags(fl)
	// json is alerts' one output; --format json is accepted, as every
	// verb takes it
	format := fl.String("format", "json", "sortie : json (un objet JSON par carnet, une ligne chacun ; la seule sortie de alerts)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie alerts [--date AAAA-MM-JJ] [--politique FICHIER] [--cles FICHIER] [--points-de-controle FICHIER] [--ecrire-points-de-controle FICHIER] [--format json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Le journal de chaque carnet est vérifié d'abord : s'il ne se vérifie pas, le carnet est refusé (ses erreurs dans faults, sans alertes).")
		fmt.Fprintln(c.stderr, "Le fichier contient un carnet, un tableau de carnets ou du NDJSON ; la sortie est un objet JSON par carnet, sur une ligne : document, carnet, date, suivi, alertes, faults.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0 sans alerte, 1 avec des alertes ou un carnet illisible, 2 en cas d'erreur d'usage.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	if *format != "json" {
		fmt.Fprintf(c.stderr, "spie alerts : --format %q inconnu (json, la seule sortie de alerts)\n", *format)
		return exitUsage
	}
	p, ok := loadPolicy(c, "alerts", *policyFile)
	if !ok {
		return exitUsage
	}
	trust, ok := tf.load(c, "alerts")
	if !ok {
		return exitUsage
	}
	out := bufio.NewWriter(c.stdout)
	code := exitOK
	status, err := eachCarnetIn(c, fl.Args(), func(name string, k *carnet.Carnet, fs spie.Faults) {
		on := day
		if on == "" {
			on = c.today("")
			if k != nil {
				on = c.today(k.Person.Commune)
			}
		}
		res := alertsResult{Document: name, Date: on, Faults: fs}
		if k != nil {
			res.Carnet, res.Faults = k.ID, carnet.VerifyCarnet(k, trust(k))
			if res.Faults.Valid() {
				tf.verified(k)
				f := k.FollowUp(on, p)
				f.Faults = nil
				res.Suivi, res.Alertes = &f, k.Alerts(on, p)
			}
		}
		if len(res.Alertes) > 0 || !res.Faults.Valid() {
			code = exitInvalid
		}
		res.Alertes, res.Faults = faultsOrEmpty(res.Alertes), faultsOrEmpty(res.Faults)
		writeLine(out, res)
	})
	out.Flush()
	if err != nil {
		fmt.Fprintf(c.stderr, "spie alerts : %v\n", err)
		return exitUsage
	}
	if !tf.save(c, "alerts") {
		return exitUsage
	}
	return max(code, status)
}

// loadPolicy reads the territory's policy, or returns the default.
func loadPolicy(c *cli, verb, file string) (carnet.Policy, bool) {
	if file == "" {
		return carnet.DefaultPolicy(), true
	}
	b, err := readOne(c, file, 0)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie %s : %v\n", verb, err)
		return carnet.Policy{}, false
	}
	p, fs := carnet.LoadPolicy(bytes.NewReader(b))
	if !fs.Valid() {
		fmt.Fprintf(c.stderr, "spie %s : paramètres %s refusés : %v\n", verb, file, fs)
		return carnet.Policy{}, false
	}
	for _, w := range fs {
		fmt.Fprintf(c.stderr, "spie %s : paramètres %s : %s %s\n", verb, file, severityFR(w.Severity), w.Error())
	}
	return p, true
}
