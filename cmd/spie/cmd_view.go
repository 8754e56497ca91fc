package main

import (
	"bufio"
	"flag"
	"fmt"
	"strings"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "view", summary: "montre un carnet tel qu'un rôle d'une structure a le droit de le voir", run: runView})
}

// viewResult is what spie view --format json prints for one carnet, in the
// one output shape (documents.go): the view (carnet), absent when the
// carnet cannot be read or its journal does not verify (then faults says
// why), and the journal's warnings.
type viewResult struct {
	Document string         `json:"document"`
	Carnet   *carnet.Carnet `json:"carnet,omitempty"`
	Faults   spie.Faults    `json:"faults"`
}

func runView(c *cli, args []string) int {
	fl := flag.NewFlagSet("view", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	role := fl.String("role", "", "rôle du lecteur : "+strings.Join(carnet.Roles.Keys(), ", "))
	structure := fl.String("structure", "", "SIRET de la structure du lecteur (sauf pour usager)")
	professional := fl.String("professionnel", "", "nom du professionnel authentifié (obligatoire sauf pour usager)")
	person := fl.String("personne", "", "identifiant de la personne authentifiée (obligatoire pour usager : celui du carnet)")
	var day spie.Date
	fl.Func("date", "date de la consultation AAAA-MM-JJ (par défaut : aujourd'hui)", dateFlag(&day))
	tf := addTrustFlags(fl)
	format := fl.String("format", "carnet", "sortie : carnet (la vue seule, un carnet par ligne s'il y en a plusieurs ; refus sur la sortie d'erreur) ou json (un objet par carnet, une ligne chacun : document, carnet, faults)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie view --role ROLE --structure SIRET --professionnel NOM [--date AAAA-MM-JJ] [--cles FICHIER] [--points-de-controle FICHIER] [--ecrire-points-de-controle FICHIER] [--format carnet|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "        spie view --role usager --personne ID [--date AAAA-MM-JJ] [--cles FICHIER] [--points-de-controle FICHIER] [--format carnet|json] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Écrit le carnet tel qu'il était à la date (rejoué depuis son journal), expurgé de ce que ce lecteur ne peut pas voir (droits, consentements, données de santé).")
		fmt.Fprintln(c.stderr, "Le journal est vérifié d'abord : un carnet dont le journal ne se vérifie pas n'est pas montré (code 1).")
		fmt.Fprintln(c.stderr, "Le lecteur déclaré doit avoir été authentifié par l'appelant.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if *format != "carnet" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie view : --format %q inconnu (carnet ou json)\n", *format)
		return exitUsage
	}
	if !carnet.Roles.Has(*role) {
		fmt.Fprintf(c.stderr, "spie view : --role %q inconnu (rôles : %s)\n", *role, strings.Join(carnet.Roles.Keys(), ", "))
		return exitUsage
	}
	siret := spie.SIRET(*structure)
	name := *professional
	if carnet.Role(*role) == carnet.RoleUsager {
		if strings.TrimSpace(*person) == "" {
			fmt.Fprintln(c.stderr, "spie view : --personne obligatoire pour le rôle usager (identifiant de la personne authentifiée)")
			return exitUsage
		}
		name = *person
	} else {
		if f := siret.Problem(); f != nil {
			fmt.Fprintf(c.stderr, "spie view : --structure %q : %s\n", *structure, f.FR)
			return exitUsage
		}
		if strings.TrimSpace(name) == "" {
			fmt.Fprintln(c.stderr, "spie view : --professionnel obligatoire pour ce rôle (nom du professionnel authentifié)")
			return exitUsage
		}
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUsage
	}
	trust, ok := tf.load(c, "view")
	if !ok {
		return exitUsage
	}
	viewer := carnet.Viewer{Actor: carnet.Actor{Role: carnet.Role(*role), StructureSIRET: siret, Professional: name}, On: day}
	// The payload format holds the views until it knows whether there is
	// one (written indented) or several (one a line).
	var views []*carnet.Carnet
	out := bufio.NewWriter(c.stdout)
	refused := false
	status, err := eachCarnetIn(c, fl.Args(), func(name string, k *carnet.Carnet, fs spie.Faults) {
		res := viewResult{Document: name, Faults: fs}
		if k != nil {
			v := viewer
			if v.On == "" {
				v.On = c.today(k.Person.Commune)
			}
			var vfs spie.Faults
			res.Carnet, vfs = carnet.VerifiedView(k, v, trust(k))
			if res.Carnet == nil {
				refused = true
				res.Faults = vfs.Errors()
			} else {
				tf.verified(k)
				res.Faults = vfs
			}
		}
		if *format == "json" {
			res.Faults = faultsOrEmpty(res.Faults)
			writeLine(out, res)
			return
		}
		switch {
		case k == nil:
			fmt.Fprintf(c.stderr, "spie view : %s : %v\n", name, fs)
		case res.Carnet == nil && res.Faults.Has(carnet.FaultRightsPerson.Code, spie.Pointer("personne", "id")):
			fmt.Fprintf(c.stderr, "spie view : %s : carnet refusé à ce lecteur : %v\n", name, res.Faults)
		case res.Carnet == nil:
			fmt.Fprintf(c.stderr, "spie view : %s : carnet refusé, son journal ne se vérifie pas : %v\n", name, res.Faults)
		default:
			warnJournal(c, "view", name, res.Faults)
			views = append(views, res.Carnet)
		}
	})
	for _, v := range views {
		writeJSONResult(out, v, len(views) == 1)
	}
	out.Flush()
	if err != nil {
		fmt.Fprintf(c.stderr, "spie view : %v\n", err)
		return exitUsage
	}
	if !tf.save(c, "view") {
		return exitUsage
	}
	if refused {
		status = max(status, exitInvalid)
	}
	return status
}
