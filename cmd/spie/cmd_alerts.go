package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/spie-fr/socle/internal/clifault"
	"io"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "alerts", summary: "liste les alertes des carnets à une date : ruptures, perdus de vue, délais, doublons", run: runAlerts})
}

// alertsResult is what spie alerts prints for one carnet.
type alertsResult struct {
	Document string           `json:"document"`
	Carnet   string           `json:"carnet,omitempty"`
	Date     spie.Date        `json:"date"`
	Suivi    *carnet.FollowUp `json:"suivi,omitempty"`
	Alertes  spie.Faults      `json:"alertes"`
	// Avertissements de la vérification du journal (ses erreurs refusent le carnet et sont dans les alertes).
	Journal spie.Faults `json:"verification_journal,omitempty"`
}

func runAlerts(c *cli, args []string) int {
	fl := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	var day spie.Date
	fl.Func("date", "date d'examen AAAA-MM-JJ (par défaut : aujourd'hui)", dateFlag(&day))
	policyFile := fl.String("politique", "", "paramètres du territoire (JSON, délais et procédure perdus de vue ; par défaut RULES.md)")
	tf := addTrustFlags(fl)
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie alerts [--date AAAA-MM-JJ] [--politique FICHIER] [--cles FICHIER] [--points-de-controle FICHIER] [--ecrire-points-de-controle FICHIER] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Le journal de chaque carnet est vérifié d'abord : s'il ne se vérifie pas, le carnet est refusé et ses erreurs sont ses seules alertes.")
		fmt.Fprintln(c.stderr, "Le fichier contient un carnet, un tableau de carnets ou du NDJSON ; la sortie est du JSON (une ligne par carnet s'il y en a plusieurs).")
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
	p, ok := loadPolicy(c, "alerts", *policyFile)
	if !ok {
		return exitUsage
	}
	trust, ok := tf.load(c, "alerts")
	if !ok {
		return exitUsage
	}
	w := &resultWriter{w: c.stdout}
	code := exitOK
	status, err := eachCarnetIn(c, fl.Args(), func(name string, k *carnet.Carnet, fs spie.Faults) {
		on := day
		if on == "" {
			on = c.today("")
			if k != nil {
				on = c.today(k.Person.Commune)
			}
		}
		res := alertsResult{Document: name, Date: on, Alertes: fs}
		if k != nil {
			res.Journal = carnet.VerifyCarnet(k, trust(k))
			if errs := res.Journal.Errors(); len(errs) > 0 {
				k, res.Carnet, res.Alertes, res.Journal = nil, k.ID, errs, nil
			} else {
				tf.verified(k)
			}
		}
		if k != nil {
			f := k.FollowUp(on, p)
			f.Faults = nil
			res.Carnet, res.Suivi, res.Alertes = k.ID, &f, k.Alerts(on, p)
		}
		if len(res.Alertes) > 0 {
			code = exitInvalid
		}
		if res.Alertes == nil {
			res.Alertes = spie.Faults{}
		}
		w.write(res)
	})
	w.close()
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

// eachCarnet reads the carnets of the input (a document, an array or
// NDJSON) and calls fn for each, or with a nil carnet and the fault when a
// document cannot be read (then the status is exitInvalid).
func eachCarnet(c *cli, name string, fn func(name string, k *carnet.Carnet, fs spie.Faults)) (int, error) {
	r, closeFn, err := openInput(c, name)
	if err != nil {
		return exitUsage, err
	}
	defer closeFn()
	code := exitOK
	label := name
	if name == "-" {
		label = "entrée standard"
	}
	n := 0
	err = readDocuments(r, func(doc input.Doc) error {
		n++
		docName := label
		if doc.Index > 1 || n > 1 {
			docName = fmt.Sprintf("%s#%d", label, doc.Index)
		}
		if doc.Fault != nil {
			code = exitInvalid
			fn(docName, nil, spie.Faults{*doc.Fault})
			return nil
		}
		k, err := decodeKind("carnet", doc.Data, func(b []byte) (*carnet.Carnet, error) {
			var k carnet.Carnet
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			return &k, dec.Decode(&k)
		})
		if err != nil {
			code = exitInvalid
			fn(docName, nil, spie.Faults{clifault.CarnetInput.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))})
			return nil
		}
		fn(docName, k, nil)
		return nil
	})
	if err != nil {
		return exitUsage, err
	}
	return code, nil
}

// resultWriter prints one result indented, or several as NDJSON: it holds
// the first result until it knows whether another follows.
type resultWriter struct {
	w     io.Writer
	first any
	n     int
}

func (r *resultWriter) write(v any) {
	r.n++
	switch r.n {
	case 1:
		r.first = v
		return
	case 2:
		writeJSONResult(r.w, r.first, false)
		r.first = nil
	}
	writeJSONResult(r.w, v, false)
}

func (r *resultWriter) close() {
	if r.n == 1 {
		writeJSONResult(r.w, r.first, true)
	}
}
