package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/clifault"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "match", summary: "propose, pour chaque besoin d'un diagnostic, les services du catalogue et ceux que la personne mobilise seule", run: runMatch})
}

// matchOutput is the result of spie match for one diagnostic.
type matchOutput struct {
	Document string `json:"document"`
	// Commune (code INSEE) autour de laquelle les services sont cherchés.
	Commune string `json:"code_commune,omitempty"`
	// Un élément par besoin du diagnostic (offer.Needs), dans l'ordre.
	Needs  []matchNeed `json:"besoins"`
	Faults spie.Faults `json:"faults"`
}

type matchNeed struct {
	Need     offer.Need     `json:"besoin"`
	Services []searchResult `json:"services"`
	// Services que la personne peut mobiliser seule (mobilisable_par usagers).
	AutoPrescription []searchResult `json:"auto_prescription"`
}

func runMatch(c *cli, args []string) int {
	fl := flag.NewFlagSet("match", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	catalogue := fl.String("catalogue", "", "fichier des services data·inclusion (tableau JSON ou NDJSON) ; obligatoire")
	structures := fl.String("structures", "", "fichier des structures (facultatif : leurs noms)")
	commune := fl.String("commune", "", "code INSEE de la commune de la personne (par défaut : celle du diagnostic)")
	var radius optFloat
	fl.Var(&radius, "radius", "rayon en km autour du centre de la commune (par défaut : le rayon de mobilité du diagnostic)")
	limit := fl.Int("limit", 10, "nombre maximal de services par besoin (de 1 à 100)")
	allPublics := fl.Bool("tous-publics", false, "ne pas restreindre aux services ouverts aux publics établis par le diagnostic")
	format := addFormatFlag(fl, "text")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie match --catalogue SERVICES [--structures STRUCTURES] [--commune CODE] [--radius KM] [--limit N] [--format text|json] DIAGNOSTIC... | -")
		fmt.Fprintln(c.stderr, "Pour chaque besoin du diagnostic (freins d'impact fort puis moyen, besoins du projet professionnel), les services du catalogue")
		fmt.Fprintln(c.stderr, "classés, et parmi eux ceux que la personne peut mobiliser elle-même (auto-prescription). Services datés par la date du diagnostic.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(c.stderr, "spie match : "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case *catalogue == "" || fl.NArg() == 0:
		fl.Usage()
		return exitUsage
	case !format.check(c, "match"):
		return exitUsage
	case *limit < 1 || *limit > 100:
		return usageErr("--limit %d refusé (de 1 à 100)", *limit)
	case radius.set && radius.v <= 0:
		return usageErr("--radius doit être positif")
	}
	if *commune != "" {
		if t := spie.CommuneCode(*commune).Problem(); t != nil {
			return usageErr("--commune %q : %s", *commune, t.FR)
		}
	}
	now := c.now()
	cat, ignored, err := loadCatalogue(c, *catalogue, *structures, now)
	if err != nil {
		return usageErr("%v", err)
	}
	if ignored > 0 {
		fmt.Fprintf(c.stderr, "spie match : %s : %d service(s) invalide(s) ignoré(s)\n", *catalogue, ignored)
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	opts := offer.MatchOptions{Limit: *limit, RadiusKm: radius.v, IgnorePublics: *allPublics}
	invalid := false
	code := eachInputDoc(c, "match", fl.Args(), func(doc string, d input.Doc) {
		res, err := matchOne(cat, doc, d, *commune, opts, now)
		if err != nil {
			// The needs map to known thématiques and the options were
			// checked: a search the catalogue refuses is not the document's
			// fault; it is said, and the document counts as not done.
			fmt.Fprintf(c.stderr, "spie match : %s : %v\n", doc, err)
			invalid = true
			return
		}
		if !res.Faults.Valid() {
			invalid = true
		}
		if format.json() {
			writeLine(out, res)
		} else {
			printMatch(out, res)
		}
	})
	if code == exitOK && (invalid || ignored > 0) {
		code = exitInvalid
	}
	return code
}

// matchOne matches the diagnostic d of the input: its faults when it cannot
// be read or breaks its own rules (nothing matched then), else one answer
// per need; the error of a search the catalogue refuses.
func matchOne(cat *offer.Catalogue, doc string, d input.Doc, commune string, o offer.MatchOptions, now time.Time) (matchOutput, error) {
	res := matchOutput{Document: doc, Needs: []matchNeed{}, Faults: spie.Faults{}}
	if d.Fault != nil {
		res.Faults = spie.Faults{*d.Fault}
		return res, nil
	}
	diag, fs := decodeStrict[diagnostic.Diagnostic]("diagnostic", d.Data, clifault.DiagnosticInput)
	if diag == nil {
		res.Faults = fs
		return res, nil
	}
	if fs := diag.Check(now).Errors(); len(fs) > 0 {
		res.Faults = fs
		return res, nil
	}
	if commune == "" {
		commune = string(diag.Person.Commune)
	}
	res.Commune = commune
	ms, err := offer.MatchWith(diag, cat, commune, o)
	if err != nil {
		return res, err
	}
	for _, m := range ms {
		n := matchNeed{Need: m.Need, Services: []searchResult{}, AutoPrescription: []searchResult{}}
		for _, r := range m.Services {
			n.Services = append(n.Services, resultOf(cat, r, now))
		}
		for _, r := range m.AutoPrescription {
			n.AutoPrescription = append(n.AutoPrescription, resultOf(cat, r, now))
		}
		res.Needs = append(res.Needs, n)
	}
	return res, nil
}

// resultOf is the printed form of a search result (as spie search prints it).
func resultOf(cat *offer.Catalogue, r offer.Result, now time.Time) searchResult {
	s := r.Service
	sr := searchResult{ID: s.ID, Nom: s.Nom, StructureID: s.StructureID, Score: r.Score, DistanceKm: r.DistanceKm,
		Completude: offer.CompletenessOf(s, now).Score, ScoreQualite: r.ScoreQualite, Raisons: r.Reasons}
	if r.Reasons == nil {
		sr.Raisons = []offer.Reason{}
	}
	if st, ok := cat.Structure(s.StructureID); ok {
		sr.Structure = st.Nom
	}
	if s.Commune != nil {
		sr.Commune = *s.Commune
	}
	return sr
}

// loadCatalogue reads the services (and the structures, when named) through
// the one reader and keeps the valid services; ignored counts the others.
func loadCatalogue(c *cli, services, structures string, now time.Time) (*offer.Catalogue, int, error) {
	load := func(name string, fn func(r io.Reader) error) error {
		r, done, err := openInput(c, name)
		if err != nil {
			return err
		}
		defer done()
		cr := &contentReader{r: r}
		if err := fn(cr); err != nil {
			return fmt.Errorf("%s : %w", name, err)
		}
		if cr.empty() {
			return fmt.Errorf("%s : %w", name, input.ErrEmpty)
		}
		return nil
	}
	ignored := 0
	var svs []*offer.Service
	err := load(services, func(r io.Reader) error {
		all, err := offer.LoadServices(r, now, func(int, string, spie.Faults) {})
		for _, s := range all {
			if s.Check(now).Valid() {
				svs = append(svs, s)
			} else {
				ignored++
			}
		}
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	var sts []*offer.Structure
	if structures != "" {
		if err := load(structures, func(r io.Reader) error {
			var err error
			sts, err = offer.LoadStructures(r, now, nil)
			return err
		}); err != nil {
			return nil, 0, err
		}
	}
	cat, _ := offer.NewCatalogue(svs, sts)
	return cat, ignored, nil
}

func printMatch(w io.Writer, r matchOutput) {
	fmt.Fprintf(w, "%s", r.Document)
	if r.Commune != "" {
		fmt.Fprintf(w, " — commune %s", r.Commune)
	}
	fmt.Fprintln(w)
	if !r.Faults.Valid() {
		fmt.Fprintln(w, "  diagnostic refusé, aucun service proposé :")
		printFaultsFR(w, r.Faults)
		fmt.Fprintln(w)
		return
	}
	if len(r.Needs) == 0 {
		fmt.Fprintln(w, "  aucun besoin : ni frein d'impact moyen ou fort, ni besoin du projet professionnel")
	}
	for _, n := range r.Needs {
		kind := "besoin du projet professionnel"
		if n.Need.Kind == "frein" {
			kind = "frein d'impact " + n.Need.Impact
		}
		fmt.Fprintf(w, "  %s (%s) : %d service(s)\n", n.Need.Label, kind, len(n.Services))
		for i, s := range n.Services {
			where := s.Structure
			if where == "" {
				where = "structure " + s.StructureID
			}
			if s.Commune != "" {
				where += ", " + s.Commune
			}
			if s.DistanceKm != nil {
				where += " (" + strings.Replace(fmt.Sprintf("%.1f", *s.DistanceKm), ".", ",", 1) + " km)"
			}
			fmt.Fprintf(w, "    %d. %s — %s — id %s\n", i+1, s.Nom, where, s.ID)
		}
		if len(n.AutoPrescription) == 0 {
			fmt.Fprintln(w, "    aucun que la personne mobilise seule")
			continue
		}
		names := make([]string, len(n.AutoPrescription))
		for i, s := range n.AutoPrescription {
			names[i] = s.Nom
		}
		fmt.Fprintf(w, "    mobilisables par la personne elle-même : %s\n", strings.Join(names, " ; "))
	}
	fmt.Fprintln(w)
}
