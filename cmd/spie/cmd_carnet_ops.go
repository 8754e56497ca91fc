package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/clifault"
	"github.com/spie-fr/socle/spie"
)

// The verbs on whole carnets that only Go offered: merge (two structures
// started one carnet each for the same person), purge (retention) and
// export (right of access). Each needs an actor, named as spie view names
// the reader (--role, --structure, --professionnel, or --personne for the
// usager), and calls the public carnet API only (carnet.MergeRecorded,
// carnet.Purge, carnet.Export), which holds the rules.

func init() {
	register(command{name: "merge", summary: "fusionne les carnets d'une même personne (droits de l'acteur vérifiés, fusion consignée au journal)", run: runMerge})
	register(command{name: "purge", summary: "sépare les carnets à purger (fin de conservation) des autres, avec la preuve de chaque purge", run: runPurge})
	register(command{name: "export", summary: "exporte tout ce qu'un carnet contient sur la personne (droit d'accès, RGPD art. 15)", run: runExport})
}

// mergeOutput is the result of spie merge: one merged carnet from every
// carnet of the inputs.
type mergeOutput struct {
	// Les documents fusionnés (fichier#n), dans l'ordre de lecture.
	Documents []string `json:"documents"`
	// Le carnet fusionné ; absent quand la fusion est refusée.
	Carnet *carnet.Carnet `json:"carnet,omitempty"`
	Faults spie.Faults    `json:"faults"`
}

func runMerge(c *cli, args []string) int {
	fl := flag.NewFlagSet("merge", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	af := addActorFlags(fl)
	at := c.now()
	fl.Func("now", "instant de la fusion consigné au journal, RFC 3339 (par défaut : maintenant)", instantFlagFunc(&at))
	tf := addTrustFlags(fl)
	format := addFormatFlag(fl, "json")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie merge --role ROLE --structure SIRET --professionnel NOM [--now INSTANT] [--cles FICHIER] [--points-de-controle FICHIER] CARNET CARNET... | -")
		fmt.Fprintln(c.stderr, "Fusionne tous les carnets lus (une même personne) en un seul, écrit en JSON avec les conflits gardés à part.")
		fmt.Fprintln(c.stderr, "L'acteur doit pouvoir écrire les membres des deux carnets et ne peut pas s'y désigner référent ; chaque journal est vérifié d'abord.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	actor, err := af.actor()
	switch {
	case err != nil:
		fmt.Fprintf(c.stderr, "spie merge : %v\n", err)
		return exitUsage
	case fl.NArg() == 0:
		fl.Usage()
		return exitUsage
	case !format.check(c, "merge"):
		return exitUsage
	}
	trust, ok := tf.load(c, "merge")
	if !ok {
		return exitUsage
	}
	docs, code := readCarnets(c, "merge", fl.Args())
	res := mergeOutput{Documents: []string{}, Faults: spie.Faults{}}
	var carnets []*carnet.Carnet
	for _, d := range docs {
		res.Documents = append(res.Documents, d.name)
		if d.carnet == nil {
			res.Faults = append(res.Faults, located(d.name, d.faults)...)
			continue
		}
		vfs := carnet.VerifyCarnet(d.carnet, trust(d.carnet))
		if len(vfs.Errors()) > 0 {
			res.Faults = append(res.Faults, located(d.name, vfs.Errors())...)
			continue
		}
		warnJournal(c, "merge", d.name, vfs)
		tf.verified(d.carnet)
		carnets = append(carnets, d.carnet)
	}
	switch {
	case code != exitOK:
		return code
	case len(docs) < 2:
		fmt.Fprintf(c.stderr, "spie merge : au moins deux carnets à fusionner, %d lu(s)\n", len(docs))
		return exitUsage
	}
	if res.Faults.Valid() {
		m := carnets[0]
		for _, k := range carnets[1:] {
			merged, fs := carnet.MergeRecorded(m, k, actor, at)
			res.Faults = append(res.Faults, fs...)
			if merged == nil {
				break
			}
			m = merged
		}
		if res.Faults.Valid() {
			res.Carnet = m
		}
	}
	if format.json() {
		writeLine(c.stdout, res)
	} else {
		printMerge(c.stdout, res)
	}
	if !tf.save(c, "merge") {
		return exitUsage
	}
	if !res.Faults.Valid() {
		return exitInvalid
	}
	return exitOK
}

// located prefixes the message of each fault with the document it comes
// from, for the verbs whose result gathers several documents.
func located(doc string, fs spie.Faults) spie.Faults {
	out := make(spie.Faults, len(fs))
	for i, f := range fs {
		f.Message = doc + " : " + f.Message
		f.MessageEN = doc + ": " + f.MessageEN
		out[i] = f
	}
	return out
}

func printMerge(w io.Writer, r mergeOutput) {
	if r.Carnet == nil {
		fmt.Fprintf(w, "Fusion refusée de %d carnet(s) :\n", len(r.Documents))
		printFaultsFR(w, r.Faults)
		return
	}
	fmt.Fprintf(w, "%d carnets fusionnés en %s (carnets absorbés : %s), %d conflit(s) gardé(s) à part, %d événement(s) au journal\n",
		len(r.Documents), r.Carnet.ID, mergedIDs(r.Carnet.Merged), len(r.Carnet.Conflicts), len(r.Carnet.Journal))
	printFaultsFR(w, r.Faults)
	fmt.Fprintln(w, "Le carnet fusionné s'écrit avec --format json.")
}

// purgeOutput is the result of spie purge for one carnet.
type purgeOutput struct {
	Document string `json:"document"`
	Carnet   string `json:"id_carnet,omitempty"`
	// Décision : conserve, purge (le carnet est à supprimer, l'enregistrement est la preuve), refuse (date de conservation incalculable).
	Decision string `json:"decision,omitempty"`
	// Date de fin de conservation (conserve).
	RetentionDate spie.Date `json:"conservation_jusqu_au,omitempty"`
	// Enregistrement de la purge, à garder comme preuve (purge).
	Record *carnet.PurgeRecord `json:"enregistrement,omitempty"`
	// Qui a demandé la purge, pour la preuve.
	By     carnet.Actor `json:"par"`
	Faults spie.Faults  `json:"faults"`
}

func runPurge(c *cli, args []string) int {
	return carnetVerb[purgeOutput]{
		name:          "purge",
		defaultFormat: "text",
		dateHelp:      "date de la purge AAAA-MM-JJ (par défaut : aujourd'hui dans le territoire de chaque personne)",
		usage: []string{
			"Usage : spie purge --role ROLE --structure SIRET --professionnel NOM [--date AAAA-MM-JJ] [--politique FICHIER] [--format text|json] CARNET... | -",
			"Pour chaque carnet : conservé (jusqu'à quand), à purger (avec l'enregistrement qui le prouve : empreinte du contenu, dates),",
			"ou refusé quand une date invalide empêche de calculer la fin de conservation (RULES.md §10 : 24 mois après la dernière activité).",
			"Un carnet dont le journal ne se vérifie pas est purgé quand même, la loi l'impose, et l'enregistrement le signale.",
		},
		result: purgeOne,
		faults: func(r purgeOutput) spie.Faults { return r.Faults },
		print:  printPurge,
	}.run(c, args)
}

// purgeOne decides the purge of one carnet read on day on.
func purgeOne(d carnetDoc, actor carnet.Actor, on spie.Date, policy carnet.Policy) purgeOutput {
	res := purgeOutput{Document: d.name, By: actor, Faults: faultsOrEmpty(d.faults)}
	k := d.carnet
	if k == nil {
		return res
	}
	res.Carnet = k.ID
	kept, purged, refused := carnet.Purge([]*carnet.Carnet{k}, on, policy)
	// Purge runs on a carnet whose journal does not verify and flags it
	// (issue 16 item 1): the errors of VerifyCarnet without trust, as
	// export, whatever the decision.
	journal := carnet.VerifyCarnet(k, carnet.Trust{}).Errors()
	switch {
	case len(refused) > 0:
		res.Decision, res.Faults = "refuse", append(append(spie.Faults{}, refused[0].Faults...), journal...)
	case len(purged) > 0:
		res.Decision, res.Record = "purge", &purged[0]
		res.Faults = faultsOrEmpty(append(res.Faults, purged[0].JournalFaults...))
	case len(kept) > 0:
		res.Decision, res.RetentionDate = "conserve", k.RetentionDate(on, policy)
		res.Faults = faultsOrEmpty(append(res.Faults, journal...))
	}
	return res
}

// carnetVerb is the plumbing purge and export share: the actor's flags, a
// day (--date, by default today in each person's territory), the
// territory's policy (--politique), then one result per carnet read,
// written as a JSON line or as text; the exit code is exitInvalid when a
// result holds an error.
type carnetVerb[R any] struct {
	name, defaultFormat, dateHelp string
	usage                         []string
	// result computes the verb's result for one document (its carnet is
	// nil when it could not be read) on the day on.
	result func(d carnetDoc, actor carnet.Actor, on spie.Date, policy carnet.Policy) R
	faults func(R) spie.Faults
	print  func(io.Writer, R)
}

func (v carnetVerb[R]) run(c *cli, args []string) int {
	fl := flag.NewFlagSet(v.name, flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	af := addActorFlags(fl)
	var day spie.Date
	fl.Func("date", v.dateHelp, dateFlag(&day))
	policyFile := fl.String("politique", "", "paramètres du territoire (JSON, durée de conservation… ; par défaut RULES.md §10)")
	format := addFormatFlag(fl, v.defaultFormat)
	fl.Usage = func() {
		for _, l := range v.usage {
			fmt.Fprintln(c.stderr, l)
		}
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	actor, err := af.actor()
	switch {
	case err != nil:
		fmt.Fprintf(c.stderr, "spie %s : %v\n", v.name, err)
		return exitUsage
	case fl.NArg() == 0:
		fl.Usage()
		return exitUsage
	case !format.check(c, v.name):
		return exitUsage
	}
	policy, ok := loadPolicy(c, v.name, *policyFile)
	if !ok {
		return exitUsage
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	docs, code := readCarnets(c, v.name, fl.Args())
	invalid := false
	for _, d := range docs {
		on := day
		if on == "" && d.carnet != nil {
			on = c.today(d.carnet.Person.Commune)
		}
		res := v.result(d, actor, on, policy)
		if !v.faults(res).Valid() {
			invalid = true
		}
		if format.json() {
			writeLine(out, res)
		} else {
			v.print(out, res)
		}
	}
	if code == exitOK && invalid {
		code = exitInvalid
	}
	return code
}

func printPurge(w io.Writer, r purgeOutput) {
	switch r.Decision {
	case "conserve":
		fmt.Fprintf(w, "%s : carnet %s conservé jusqu'au %s\n", r.Document, r.Carnet, r.RetentionDate)
		if len(r.Faults) > 0 {
			fmt.Fprintln(w, "  conservé bien que son journal ne se vérifie pas :")
			printFaultsFR(w, r.Faults)
		}
	case "purge":
		p := r.Record
		fmt.Fprintf(w, "%s : carnet %s à purger : dernière activité le %s, conservation jusqu'au %s, empreinte %s, %d événement(s)\n",
			r.Document, r.Carnet, p.LastActivity, p.RetentionDate, p.Digest, p.Events)
		if len(p.JournalFaults) > 0 {
			fmt.Fprintln(w, "  purgé bien que son journal ne se vérifie pas :")
			printFaultsFR(w, p.JournalFaults)
		}
	case "refuse":
		fmt.Fprintf(w, "%s : carnet %s ni conservé ni purgé, sa date de fin de conservation ne peut pas être calculée :\n", r.Document, r.Carnet)
		printFaultsFR(w, r.Faults)
	default:
		fmt.Fprintf(w, "%s : illisible :\n", r.Document)
		printFaultsFR(w, r.Faults)
	}
}

// exportOutput is the result of spie export for one carnet.
type exportOutput struct {
	Document string `json:"document"`
	// Tout ce que le carnet contient sur la personne ; absent quand l'export est refusé.
	Export *carnet.AccessExport `json:"export,omitempty"`
	// Les erreurs : lecture, acteur sans droit, journal qui ne se vérifie pas (l'export a lieu quand même et le signale).
	Faults spie.Faults `json:"faults"`
}

func runExport(c *cli, args []string) int {
	return carnetVerb[exportOutput]{
		name:          "export",
		defaultFormat: "json",
		dateHelp:      "date de l'export AAAA-MM-JJ (par défaut : aujourd'hui dans le territoire de la personne)",
		usage: []string{
			"Usage : spie export --role usager --personne ID [--date AAAA-MM-JJ] CARNET... | -",
			"        spie export --role referent --structure SIRET --professionnel NOM [--date AAAA-MM-JJ] CARNET... | -",
			"Écrit tout ce que le carnet contient sur la personne (données de santé et journal compris), qui y a accès et jusqu'à quand",
			"il est conservé. Seuls la personne elle-même et son référent en place l'obtiennent (RULES.md §10).",
		},
		result: exportOne,
		faults: func(r exportOutput) spie.Faults { return r.Faults },
		print:  printExport,
	}.run(c, args)
}

// exportOne exports one carnet read to actor on day on, or refuses.
func exportOne(d carnetDoc, actor carnet.Actor, on spie.Date, policy carnet.Policy) exportOutput {
	res := exportOutput{Document: d.name, Faults: faultsOrEmpty(d.faults)}
	k := d.carnet
	if k == nil {
		return res
	}
	if f := exportRefusal(k, actor, on); f != nil {
		res.Faults = spie.Faults{*f}
		return res
	}
	e := carnet.Export(k, on, policy)
	res.Export, res.Faults = &e, faultsOrEmpty(append(append(spie.Faults{}, e.JournalFaults...), e.RetentionFaults...))
	return res
}

// exportRefusal returns the fault that refuses the export of k to actor on
// day: only the person (usager, whose declared identifier must be the
// carnet's person: CARNET-DROITS-08) and a référent active that day
// receive the whole carnet — RULES.md §10, health details are for the
// person and their référent only — and, when the carnet holds the NIR, a
// référent whose structure is authorised to process it (carnet.MayReadNIR);
// anyone else: CLI-EXPORT-01.
func exportRefusal(k *carnet.Carnet, actor carnet.Actor, day spie.Date) *spie.Fault {
	if actor.Role == carnet.RoleUsager {
		if actor.Professional != k.Person.ID {
			f := carnet.FaultRightsPerson.At(spie.Pointer("personne", "id"))
			return &f
		}
		return nil
	}
	if actor.Role == carnet.RoleReferent {
		holdsNIR := k.Diagnostic != nil && k.Diagnostic.Person.NIR != ""
		for _, m := range k.Members {
			if m.Role == carnet.RoleReferent && m.ActiveOn(day) && m.StructureSIRET == actor.StructureSIRET && m.Professional == actor.Professional &&
				(!holdsNIR || carnet.MayReadNIR(k, carnet.Viewer{Actor: actor, On: day})) {
				return nil
			}
		}
	}
	f := clifault.ExportActor.At(spie.Pointer("membres"))
	return &f
}

func printExport(w io.Writer, r exportOutput) {
	if r.Export == nil {
		fmt.Fprintf(w, "%s : export refusé :\n", r.Document)
		printFaultsFR(w, r.Faults)
		return
	}
	e := r.Export
	retention := "conservé jusqu'au " + string(e.RetentionDate)
	if len(e.RetentionFaults) > 0 {
		retention = "date de fin de conservation impossible à calculer"
	}
	fmt.Fprintf(w, "%s : carnet %s de la personne %s, exporté le %s ; %s ; %d structure(s) y ont accès :\n",
		r.Document, e.Carnet.ID, e.Carnet.Person.ID, e.Date, retention, len(e.Access))
	for _, a := range e.Access {
		fmt.Fprintf(w, "  - %s (%s, SIRET %s) : %d section(s)", a.Professional, carnet.Roles.LabelOf(string(a.Role)), a.StructureSIRET, len(a.Sections))
		if a.NIR {
			fmt.Fprint(w, ", NIR compris")
		}
		fmt.Fprintln(w)
	}
	if len(e.JournalFaults) > 0 {
		fmt.Fprintln(w, "  exporté bien que son journal ne se vérifie pas :")
		printFaultsFR(w, e.JournalFaults)
	}
	if len(e.RetentionFaults) > 0 {
		fmt.Fprintln(w, "  la date de fin de conservation ne peut pas être calculée :")
		printFaultsFR(w, e.RetentionFaults)
	}
	fmt.Fprintln(w, "  Le contenu complet s'écrit avec --format json.")
}

// instantFlagFunc parses an instant given as RFC 3339 into dst.
func instantFlagFunc(dst *time.Time) func(string) error {
	return func(s string) error {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return fmt.Errorf("instant %q invalide (AAAA-MM-JJTHH:MM:SSZ ou avec décalage +01:00)", s)
		}
		*dst = t
		return nil
	}
}

// mergedIDs lists the ids of the carnets absorbed, « aucun » when none.
func mergedIDs(ids []string) string {
	if len(ids) == 0 {
		return "aucun"
	}
	return strings.Join(ids, ", ")
}
