package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

func init() {
	register(command{name: "search", summary: "cherche des services dans un catalogue data·inclusion (thématique, public, commune, distance)", run: runSearch})
}

// listFlag is a repeatable flag; values may also be separated by commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// optFloat is a float flag that knows whether it was set.
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'f', -1, 64)
}
func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return errors.New("nombre attendu")
	}
	o.v, o.set = v, true
	return nil
}

// searchOutput is the JSON output of spie search.
type searchOutput struct {
	Total     int               `json:"total"`
	Services  []searchResult    `json:"resultats"`
	Ignored   int               `json:"services_invalides_ignores"`
	Doublons  []offer.Duplicate `json:"doublons,omitempty"`
	Catalogue int               `json:"services_du_catalogue"`
}

type searchResult struct {
	ID          string   `json:"id"`
	Nom         string   `json:"nom"`
	StructureID string   `json:"structure_id"`
	Structure   string   `json:"structure,omitempty"`
	Commune     string   `json:"commune,omitempty"`
	Score       float64  `json:"score"`
	DistanceKm  *float64 `json:"distance_km,omitempty"`
	// Completude is socle's completeness score (offer.CompletenessOf);
	// ScoreQualite is data·inclusion's score_qualite (offer.ScoreQualiteOf).
	Completude   float64        `json:"completude"`
	ScoreQualite float64        `json:"score_qualite"`
	Raisons      []offer.Reason `json:"raisons"`
}

func runSearch(c *cli, args []string) int {
	fl := flag.NewFlagSet("search", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	catalogue := fl.String("catalogue", "", "fichier des services (comme FICHIER sur la ligne, gardé par compatibilité)")
	structures := fl.String("structures", "", "fichier des structures (facultatif : noms, doublons)")
	commune := fl.String("commune", "", "code INSEE de la commune de la personne (éligibilité)")
	var lat, lon, radius optFloat
	fl.Var(&lat, "lat", "latitude du point de départ (degrés décimaux)")
	fl.Var(&lon, "lon", "longitude du point de départ")
	fl.Var(&radius, "radius", "rayon en km autour du point, ou du centre de la commune (--commune)")
	var themes, publics, frais, types, modes, mobilisable listFlag
	fl.Var(&themes, "thematique", "thématique ou catégorie data·inclusion (répétable)")
	fl.Var(&publics, "public", "public data·inclusion (répétable)")
	fl.Var(&frais, "frais", "gratuit ou payant (répétable)")
	fl.Var(&types, "type", "type de service (répétable)")
	fl.Var(&modes, "mode-accueil", "en-presentiel ou a-distance (répétable)")
	fl.Var(&mobilisable, "mobilisable-par", "usagers ou professionnels (répétable)")
	limit := fl.Int("limit", 20, "nombre maximal de résultats (0 : tous)")
	format := fl.String("format", "json", "sortie : json ou text (français)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie search [--commune CODE | --lat LAT --lon LON] [--radius KM] [--thematique T]... [--public P]... [--structures FICHIER] [--format json|text] FICHIER... | -")
		fmt.Fprintln(c.stderr, "Les FICHIERs forment le catalogue des services (data·inclusion v1 : un document, un tableau JSON ou du NDJSON), lus dans l'ordre ; un seul résultat pour tous.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(c.stderr, "spie search : "+format+"\n", a...)
		return exitUsage
	}
	catalogues := inputNames(*catalogue, fl.Args())
	switch {
	case len(catalogues) == 0:
		fl.Usage()
		return exitUsage
	case *format != "json" && *format != "text":
		return usageErr("--format %q inconnu (json ou text)", *format)
	case lat.set != lon.set:
		return usageErr("--lat et --lon vont ensemble")
	case *limit < 0:
		return usageErr("--limit doit être positif")
	}
	now := c.now()
	q := offer.Query{Thematiques: themes, Commune: *commune, RadiusKm: radius.v, Now: now}
	for _, p := range publics {
		q.Publics = append(q.Publics, offer.Public(p))
	}
	for _, f := range frais {
		q.Frais = append(q.Frais, offer.Frais(f))
	}
	for _, t := range types {
		q.Types = append(q.Types, offer.TypeService(t))
	}
	for _, m := range modes {
		q.ModesAccueil = append(q.ModesAccueil, offer.ModeAccueil(m))
	}
	for _, m := range mobilisable {
		q.MobilisablePar = append(q.MobilisablePar, offer.PersonneMobilisatrice(m))
	}
	if lat.set {
		q.Point = &offer.Point{Lat: lat.v, Lon: lon.v}
	}
	if *commune != "" {
		if t := spie.CommuneCode(*commune).Problem(); t != nil {
			return usageErr("--commune %q : %s", *commune, t.FR)
		}
		// The one commune fault of every kind (SPIE-COMMUNE-02), a warning:
		// the search goes on, the person is told why nothing may match.
		for _, f := range territory.CheckCommune(spie.CommuneCode(*commune), "") {
			fmt.Fprintf(c.stderr, "spie search : avertissement --commune : %s : %s\n", f.Code, f.Message)
		}
	}
	if err := q.Check(); err != nil {
		return usageErr("%v", err)
	}

	ignored := 0
	load := func(name string, fn func(r io.Reader) error) error {
		r, done, err := openInput(c, name)
		if err != nil {
			return err
		}
		defer done()
		cr := &contentReader{r: r}
		if err := fn(cr); err != nil {
			return err
		}
		if cr.empty() {
			return fmt.Errorf("%s : %w", name, input.ErrEmpty)
		}
		return nil
	}
	var svs []*offer.Service
	in, err := openInputs(c, "search", catalogues)
	if err != nil {
		return usageErr("%v", err)
	}
	cr := &contentReader{r: in}
	all, err := offer.LoadServices(cr, now, func(i int, id string, fs spie.Faults) {
		if !fs.Valid() {
			ignored++
		}
	})
	in.Close()
	switch {
	case err != nil:
		return usageErr("%v", err)
	case cr.empty():
		return usageErr("%s : %v", strings.Join(catalogues, ", "), input.ErrEmpty)
	}
	ignored += in.skipped // documents the reader could not give: said on stderr
	for _, s := range all {
		if s.Check(now).Valid() {
			svs = append(svs, s)
		}
	}
	var sts []*offer.Structure
	if *structures != "" {
		if err := load(*structures, func(r io.Reader) error {
			var err error
			sts, err = offer.LoadStructures(r, now, nil)
			return err
		}); err != nil {
			return usageErr("%v", err)
		}
	}
	cat, _ := offer.NewCatalogue(svs, sts)
	rs, err := cat.Search(q)
	if err != nil {
		return usageErr("%v", err)
	}
	out := searchOutput{Total: len(rs), Services: []searchResult{}, Ignored: ignored, Catalogue: cat.Len()}
	if *limit > 0 && len(rs) > *limit {
		rs = rs[:*limit]
	}
	if len(sts) > 0 {
		out.Doublons = cat.Duplicates()
	}
	for _, r := range rs {
		s := r.Service
		sr := searchResult{ID: s.ID, Nom: s.Nom, StructureID: s.StructureID, Score: r.Score, DistanceKm: r.DistanceKm,
			Completude: offer.CompletenessOf(s, now).Score, ScoreQualite: r.ScoreQualite, Raisons: r.Reasons}
		if st, ok := cat.Structure(s.StructureID); ok {
			sr.Structure = st.Nom
		}
		if s.Commune != nil {
			sr.Commune = *s.Commune
		}
		out.Services = append(out.Services, sr)
	}
	w := bufio.NewWriter(c.stdout)
	defer w.Flush()
	if *format == "json" {
		writeJSONResult(w, out, true)
	} else {
		printSearch(w, out)
	}
	if ignored > 0 {
		// Some services of the catalogue are invalid (ignored, counted in
		// the output): an invalid input document, exit 1.
		return exitInvalid
	}
	return exitOK
}

func printSearch(w io.Writer, out searchOutput) {
	fmt.Fprintf(w, "%d service(s) trouvé(s) parmi %d, %d affiché(s)", out.Total, out.Catalogue, len(out.Services))
	if out.Ignored > 0 {
		fmt.Fprintf(w, " (%d service(s) invalide(s) ignoré(s))", out.Ignored)
	}
	fmt.Fprintln(w)
	if len(out.Doublons) > 0 {
		fmt.Fprintf(w, "%d doublon(s) probable(s) dans le catalogue (même SIRET, même commune, noms proches), signalés et non fusionnés :\n", len(out.Doublons))
		for _, d := range out.Doublons {
			src := "même source"
			if d.CrossSource {
				src = "sources différentes"
			}
			fmt.Fprintf(w, "  - %s ↔ %s (similarité %s, %s)\n", d.A, d.B, strings.Replace(fmt.Sprintf("%.2f", d.Similarity), ".", ",", 1), src)
		}
	}
	for i, r := range out.Services {
		fmt.Fprintf(w, "\n%d. %s — score %s, score_qualite data·inclusion %s, complétude %.0f %%\n", i+1, r.Nom,
			strings.Replace(fmt.Sprintf("%.2f", r.Score), ".", ",", 1), strings.Replace(fmt.Sprintf("%.2f", r.ScoreQualite), ".", ",", 1), r.Completude*100)
		if r.Structure != "" {
			fmt.Fprintf(w, "   %s", r.Structure)
		} else {
			fmt.Fprintf(w, "   structure %s", r.StructureID)
		}
		if r.Commune != "" {
			fmt.Fprintf(w, ", %s", r.Commune)
		}
		if r.DistanceKm != nil {
			fmt.Fprintf(w, " (%s km)", strings.Replace(fmt.Sprintf("%.1f", *r.DistanceKm), ".", ",", 1))
		}
		fmt.Fprintf(w, "\n   id %s\n", r.ID)
		for _, why := range r.Raisons {
			fmt.Fprintf(w, "   - %s\n", why.Message)
		}
	}
}
