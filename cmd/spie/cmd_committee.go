package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
)

func init() {
	register(command{name: "committee", summary: "établit l'ordre du jour des séances du comité technique opérationnel (CTO) à partir du calendrier et des demandes", run: runCommittee})
}

func runCommittee(c *cli, args []string) int {
	fl := flag.NewFlagSet("committee", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	calendarFlag := fl.String("calendar", "", "fichier du comité (comme FICHIER sur la ligne, gardé par compatibilité)")
	requests := fl.String("requests", "", "demandes d'examen de situation (JSON : {\"demandes\": [...]} ou tableau)")
	date := fl.String("date", "", "date de référence AAAA-MM-JJ (minuit, heure du calendrier) ou instant RFC 3339 (par défaut : maintenant)")
	format := fl.String("format", "json", "json, text (ordre du jour rédigé en français) ou indicateurs (situations examinées et résolues, réponses sous 72 h, secret statistique)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie committee [--requests FICHIER] [--date D] [--format json|text|indicateurs] FICHIER | -")
		fmt.Fprintln(c.stderr, "FICHIER : le comité (JSON, type comite : règles, membres et calendrier des séances), un seul, - pour l'entrée standard ; un ordre du jour par exécution.")
		fmt.Fprintln(c.stderr, "Place les demandes sur les séances : 10 situations au plus, la plus ancienne d'abord, reports au-delà.")
		fmt.Fprintln(c.stderr, "Code de sortie : 0, 1 si le comité ou les demandes comportent des erreurs, 2 en cas d'erreur d'usage ou de lecture.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	names := inputNames(*calendarFlag, fl.Args())
	if len(names) != 1 || (*format != "json" && *format != "text" && *format != "indicateurs") {
		if len(names) > 1 {
			fmt.Fprintf(c.stderr, "spie committee : un seul comité par ordre du jour (%d fichiers donnés)\n", len(names))
		}
		fl.Usage()
		return exitUsage
	}
	calendar := names[0]
	b, err := readOne(c, calendar, 0)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie committee : %v\n", err)
		return readOneCode(err)
	}
	// A calendar or requests document that cannot be decoded is an invalid
	// input document (exit 1), not a usage error.
	cm, err := decodeKind("comite", b, committee.Decode)
	if err != nil {
		fmt.Fprintf(c.stderr, "spie committee : %s : %v\n", calendar, err)
		return exitInvalid
	}
	var rs []committee.Request
	if *requests == "-" && calendar == "-" {
		fmt.Fprintln(c.stderr, "spie committee : l'entrée standard ne peut pas donner à la fois le comité et les demandes")
		return exitUsage
	}
	if *requests != "" {
		b, err := readOne(c, *requests, 0)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie committee : %v\n", err)
			return readOneCode(err)
		}
		if rs, err = committee.DecodeRequests(b); err != nil {
			fmt.Fprintf(c.stderr, "spie committee : %s : %v\n", *requests, err)
			return exitInvalid
		}
	}
	now := c.now()
	if *date != "" {
		loc, err := cm.Location()
		if err != nil {
			loc = time.UTC
		}
		if now, err = instantFlag(*date, loc); err != nil {
			fmt.Fprintf(c.stderr, "spie committee : %v\n", err)
			return exitUsage
		}
	}
	if len(cm.Requests) == 0 {
		// Faults then point into the requests file ({"demandes": [...]}).
		cm.Requests, rs = rs, nil
	}
	a := committee.BuildAgenda(cm, rs, now)
	switch *format {
	case "indicateurs":
		writeJSONResult(c.stdout, network.Committee(cm.Name, committee.StatsOf(cm, rs, a, now), 0), true)
		printNetworkFaults(c.stderr, "spie committee", a.Faults)
	case "text":
		_ = a.WriteText(c.stdout, cm)
		printNetworkFaults(c.stderr, "spie committee", a.Faults)
	default:
		writeJSONResult(c.stdout, a, true)
	}
	if !a.Faults.Valid() {
		return exitInvalid
	}
	return exitOK
}

// instantFlag reads a date (midnight in loc) or an RFC 3339 instant.
func instantFlag(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.ParseInLocation(spie.DateLayout, s, loc); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q invalide (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SS+01:00)", s)
}

// printFaults writes faults one per line, in French, on w.
func printNetworkFaults(w io.Writer, verb string, fs spie.Faults) {
	for _, f := range fs {
		sev := "erreur"
		if f.Severity == spie.SeverityWarning {
			sev = "avertissement"
		}
		path := f.Path
		if path == "" {
			path = "/"
		}
		fmt.Fprintf(w, "%s : %s %s %s : %s\n", verb, sev, f.Code, path, f.Message)
	}
}
