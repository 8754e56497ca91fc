//go:build !spie_widget_diagnostic && !spie_widget_carnet && !spie_widget_indicateurs

package widget

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Faults of the data a partner sends to the offre widget.
var (
	FaultOffreData = spie.NewFaultType("WIDGET-OFFRE-01", spie.SeverityError,
		"données de l'offre illisibles : le widget attend {\"catalogue\": {\"services\": […], \"structures\": […]}, \"commune\": …, \"rayon_mobilite_km\": …}",
		"unreadable offer data: the widget expects {\"catalogue\": {\"services\": […], \"structures\": […]}, \"commune\": …, \"rayon_mobilite_km\": …}").
		WithSource("hygiène d'entrée propre à socle : message du portail au widget offre (catalogue data·inclusion v1, commune et rayon de la personne)")
	FaultOffreEmpty = spie.NewFaultType("WIDGET-OFFRE-02", spie.SeverityError,
		"catalogue sans aucun service lisible et valide : rien à rechercher",
		"catalogue without any readable and valid service: nothing to search").
		WithSource("data·inclusion v1 (modèle Service) : le widget ne remplace jamais le catalogue du portail par des données d'exemple")
	FaultOffreRadius = spie.NewFaultType("WIDGET-OFFRE-03", spie.SeverityError,
		"rayon de mobilité refusé : un nombre de kilomètres positif est attendu", "mobility radius refused: a positive number of kilometres is expected").
		WithSource("offer.Query.Check : rayon en kilomètres, positif, autour de la commune de la personne (rayon_mobilite_km du diagnostic)")
)

// OffreInit is what the partner sends to the offre widget: a catalogue in
// data·inclusion v1 format (services and structures, as JSON arrays; a URL
// given instead is fetched by the loader on the partner page, the widget
// page's CSP allowing no other origin; a URL that reaches the widget is one
// the loader could not read: WIDGET-CHARGEMENT-02), the INSEE code of the person's
// commune, the person's mobility radius in kilometres (optional: without it
// the distance only ranks), and, to prefill the prescription that
// « Orienter » opens, the person and the prescriber (optional).
type OffreInit struct {
	Catalogue *struct {
		Services   json.RawMessage `json:"services"`
		Structures json.RawMessage `json:"structures"`
	} `json:"catalogue"`
	Commune  string                    `json:"commune"`
	RadiusKm *float64                  `json:"rayon_mobilite_km,omitempty"`
	Person   *offer.PrescriptionPerson `json:"personne,omitempty"`
	Sender   *offer.Sender             `json:"emetteur,omitempty"`
}

// DecodeCatalogue reads the catalogue the partner sent at now: the
// services and structures arrays (data·inclusion v1), each element decoded
// and checked by the library (offer.LoadServices, offer.LoadStructures).
// An element with an error is left out and its faults returned under
// /catalogue/services/i or /catalogue/structures/i; so are the catalogue's
// own errors (offer.NewCatalogue: repeated identifiers). The catalogue is
// nil when nothing valid remains or when the envelope is unreadable.
func DecodeCatalogue(services, structures json.RawMessage, now time.Time) (*offer.Catalogue, spie.Faults) {
	var fs spie.Faults
	keep := func(kind string) func(int, string, spie.Faults) {
		return func(i int, _ string, got spie.Faults) {
			for _, f := range got.Errors() {
				f.Path = spie.Pointer("catalogue", kind, i) + f.Path
				fs = append(fs, f)
			}
		}
	}
	isArray := func(b json.RawMessage) bool {
		t := bytes.TrimSpace(b)
		return len(t) > 0 && t[0] == '['
	}
	if !isArray(services) {
		return nil, spie.Faults{FaultOffreData.At(spie.Pointer("catalogue", "services"))}
	}
	if len(bytes.TrimSpace(structures)) > 0 && string(bytes.TrimSpace(structures)) != "null" && !isArray(structures) {
		return nil, spie.Faults{FaultOffreData.At(spie.Pointer("catalogue", "structures"))}
	}
	bad := map[int]bool{}
	svs, err := offer.LoadServices(bytes.NewReader(services), now, func(i int, id string, got spie.Faults) {
		if !got.Valid() {
			bad[i] = true
		}
		keep("services")(i, id, got)
	})
	if err != nil {
		return nil, append(fs, FaultOffreData.At(spie.Pointer("catalogue", "services")))
	}
	valid := svs[:0]
	for _, s := range svs {
		if s.Check(now).Valid() {
			valid = append(valid, s)
		}
	}
	var sts []*offer.Structure
	if isArray(structures) {
		all, err := offer.LoadStructures(bytes.NewReader(structures), now, keep("structures"))
		if err != nil {
			return nil, append(fs, FaultOffreData.At(spie.Pointer("catalogue", "structures")))
		}
		for _, s := range all {
			if s.Check(now).Valid() {
				sts = append(sts, s)
			}
		}
	}
	if len(valid) == 0 {
		return nil, append(fs, FaultOffreEmpty.At(spie.Pointer("catalogue", "services")))
	}
	cat, cfs := offer.NewCatalogue(valid, sts)
	for _, f := range cfs.Errors() {
		f.Path = "/catalogue" + f.Path
		fs = append(fs, f)
	}
	fs.Sort()
	return cat, fs
}

// OffreSearch searches the partner's catalogue around the person's commune
// and within their mobility radius, shows the results with distance and
// reasons, and « Orienter » opens the prescription of a service.
type OffreSearch struct {
	app.Compo
	bridge Bridge
	ctx    app.Context // the component's own context (stays mounted)
	hasCtx bool

	cat      *offer.Catalogue // nil until the partner sent a valid one
	refused  spie.Faults      // faults of the partner's data (the catalogue's left-out elements included)
	loadErr  string           // the data was refused as a whole
	person   offer.PrescriptionPerson
	sender   offer.Sender
	commune  string
	radius   string // kilometres, as typed ("" : no radius)
	themes   map[string]bool
	results  []offer.Result
	searched bool
	// faults of the commune field: its shape (SPIE-COMMUNE-01, the search
	// is not run) or, for a well-formed code, its existence in the official
	// table (SPIE-COMMUNE-02, a warning: the search runs); faults of the
	// radius (WIDGET-OFFRE-03, the search is not run).
	faults spie.Faults
	err    string // a query the catalogue refuses (French text of offer.ErrQuery)
	presc  *prescriptionDraft
	// communes holds the partner's data until the table of communes has
	// arrived: the catalogue's zones and the search need it.
	communes communesGate
}

func (c *OffreSearch) init() {
	if c.themes == nil {
		c.themes = map[string]bool{}
	}
}

// OnPreRender prepares the component for the test engine.
func (c *OffreSearch) OnPreRender(ctx app.Context) { c.init() }

// OnMount starts the channel with the partner, whose init message brings
// the catalogue.
func (c *OffreSearch) OnMount(ctx app.Context) {
	c.init()
	c.ctx, c.hasCtx = ctx, true
	c.bridge.Widget = "offre"
	c.communes.watch(ctx, &c.bridge, nil)
	c.bridge.OnOutcome(func(ctx app.Context, data json.RawMessage) {
		if fs := c.Outcome(data); len(fs) > 0 {
			c.bridge.Error(fs)
		}
	})
	c.bridge.Start(ctx, func(ctx app.Context, in Init) {
		if fs := c.Init(in.Data); len(fs) > 0 {
			c.bridge.Error(fs)
		}
	})
}

// Outcome reads the partner's confirmation of the fiche « Orienter »
// opened (see prescriptionDraft.outcome) and returns the faults of a
// refused one. A confirmation when no fiche is open (the partner sent new
// data since, or none was proposed) is refused too (WIDGET-PRESC-04),
// never ignored: the partner must know the widget did not show it.
func (c *OffreSearch) Outcome(data json.RawMessage) spie.Faults {
	if c.presc == nil {
		return spie.Faults{FaultPrescOutcomeOther.At(spie.Pointer("id"))}
	}
	return c.presc.outcome(data)
}

// Init applies the partner's data (OffreInit) and returns its faults, for
// spie:error. Data refused as a whole leaves no catalogue (the widget says
// so, and never searches demo data); elements of the catalogue refused by
// the library are left out, and their faults returned too. A valid commune
// is searched at once. Data that comes before the table of communes is
// applied once the table has arrived (its faults then posted with
// spie:error); if the table cannot come, the data is refused with
// WIDGET-CHARGEMENT-07.
func (c *OffreSearch) Init(data json.RawMessage) spie.Faults {
	c.init()
	c.cat, c.refused, c.loadErr, c.results, c.searched, c.presc = nil, nil, "", nil, false, nil
	c.communes.drop() // new data, or none, replaces the data kept for the table
	c.person, c.sender, c.faults, c.err = offer.PrescriptionPerson{}, offer.Sender{}, nil, ""
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	if fs, held := c.communes.hold(&c.bridge, func() spie.Faults { return c.Init(data) }); held {
		return fs
	}
	// A catalogue still given as its address is one the loader could not
	// download or read (it fetches it on the partner page).
	var probe struct {
		Catalogue json.RawMessage `json:"catalogue"`
	}
	if json.Unmarshal(data, &probe) == nil && bytes.HasPrefix(bytes.TrimSpace(probe.Catalogue), []byte(`"`)) {
		f := FaultDataURL.At(spie.Pointer("catalogue"))
		c.loadErr, c.refused = message(f), spie.Faults{f}
		return c.refused
	}
	var in OffreInit
	if err := json.Unmarshal(data, &in); err != nil || in.Catalogue == nil {
		f := FaultOffreData.At("")
		var te *json.UnmarshalTypeError
		switch {
		case err == nil:
			f = FaultOffreData.At("/catalogue")
		case errors.As(err, &te) && te.Field == "rayon_mobilite_km":
			// a radius written as text ("20"): said as such, not as
			// the whole data unreadable
			f = FaultOffreRadius.At("/rayon_mobilite_km")
		case errors.As(err, &te) && te.Field != "":
			f = FaultOffreData.At("/" + strings.ReplaceAll(te.Field, ".", "/"))
		}
		c.loadErr, c.refused = message(f), spie.Faults{f}
		return c.refused
	}
	cat, fs := DecodeCatalogue(in.Catalogue.Services, in.Catalogue.Structures, Clock())
	c.refused = fs
	if cat == nil {
		c.loadErr = message(fs.Errors()[len(fs.Errors())-1])
		return fs
	}
	c.cat = cat
	c.commune = strings.TrimSpace(in.Commune)
	c.radius = ""
	if in.RadiusKm != nil {
		c.radius = strconv.FormatFloat(*in.RadiusKm, 'f', -1, 64)
	}
	if in.Person != nil {
		c.person = *in.Person
	}
	if in.Sender != nil {
		c.sender = *in.Sender
	}
	if c.commune != "" {
		c.Search()
		for _, f := range c.faults.Errors() {
			fs = append(fs, f)
		}
	}
	return fs
}

// Search runs the query on the catalogue: the commune's centre is the point
// (territory positions), the radius bounds it.
func (c *OffreSearch) Search() {
	c.init()
	c.searched = true
	c.err = ""
	c.results = nil
	if c.cat == nil {
		return
	}
	q := offer.Query{Commune: strings.TrimSpace(c.commune), Now: Clock(), Limit: 10}
	for _, d := range spie.Thematiques {
		if c.themes[d.Key] {
			q.Thematiques = append(q.Thematiques, spie.Thematique(d.Key).DataInclusionCategories()...)
		}
	}
	c.faults = spie.CheckIdentifier(spie.CommuneCode(q.Commune), "/commune")
	if r := strings.TrimSpace(strings.Replace(c.radius, ",", ".", 1)); r != "" {
		km, err := strconv.ParseFloat(r, 64)
		if err != nil {
			c.faults = append(c.faults, FaultOffreRadius.At("/rayon_mobilite_km"))
		} else {
			q.RadiusKm = km
			if err := (&offer.Query{RadiusKm: km, Commune: q.Commune}).Check(); err != nil {
				c.faults = append(c.faults, FaultOffreRadius.At("/rayon_mobilite_km"))
			}
		}
	}
	if len(c.faults) > 0 {
		return
	}
	c.faults = territory.CheckCommune(spie.CommuneCode(q.Commune), "/commune")
	res, err := c.cat.Search(q)
	if err != nil {
		if errors.Is(err, offer.ErrQuery) {
			c.err = text{err.Error(), offreText.QueryRefused.EN}.String()
		}
		return
	}
	c.results = res
}

// Results returns the last results.
func (c *OffreSearch) Results() []offer.Result { return c.results }

func (c *OffreSearch) structureName(id string) string {
	if s, ok := c.cat.Structure(id); ok {
		return s.Nom
	}
	return ""
}

func (c *OffreSearch) focus(id string) {
	if c.hasCtx {
		focus(c.ctx, id)
	}
}

// Orient opens the prescription of the i-th result, prefilled with what the
// partner sent, and moves the focus into it.
func (c *OffreSearch) Orient(i int) {
	if i < 0 || i >= len(c.results) {
		return
	}
	p := c.person
	if p.Commune == "" {
		p.Commune = spie.CommuneCode(strings.TrimSpace(c.commune))
	}
	c.presc = newPrescriptionDraft(c.results[i].Service, p, c.sender)
	c.presc.focus = c.focus
	c.focus("prescription-titre")
}

// Render draws the search, the results or the prescription form.
func (c *OffreSearch) Render() app.UI {
	c.init()
	if c.loadErr != "" {
		return page("offre", alert("error", offreText.Refused.String(), app.P().ID("offre-refus").Text(c.loadErr)))
	}
	if g := c.communes.render(); g != nil {
		return page("offre", g)
	}
	if c.cat == nil {
		return page("offre", app.P().Class("spie-attente").Text(offreText.Waiting.String()))
	}
	if c.presc != nil {
		return page("offre", c.presc.render(&c.bridge, func(ctx app.Context) { c.presc = nil; c.focus("resultats-titre") }))
	}
	boxes := make([]app.UI, 0, len(spie.Thematiques))
	for _, d := range spie.Thematiques {
		k := d.Key
		boxes = append(boxes, checkbox(fieldState{path: "/thematiques/" + k, label: inLang(d.Label)}, c.themes[k],
			func(ctx app.Context, v bool) { c.themes[k] = v }))
	}
	commune := fieldState{path: "/commune", label: labelOf(searchFields, "/commune"), hint: hintOf(searchFields, "/commune"), required: true}
	radius := fieldState{path: "/rayon_mobilite_km", label: labelOf(searchFields, "/rayon_mobilite_km"), hint: hintOf(searchFields, "/rayon_mobilite_km")}
	for _, f := range c.faults {
		if f.Path == radius.path {
			radius.faults = append(radius.faults, f)
		} else {
			commune.faults = append(commune.faults, f)
		}
	}
	items := make([]app.UI, 0, len(c.results))
	for i, r := range c.results {
		s := r.Service
		reasons := make([]app.UI, 0, len(r.Reasons))
		for _, x := range r.Reasons {
			reasons = append(reasons, app.Li().Text(c.reasonText(r, x)))
		}
		dist := offreText.UnknownDistance.String()
		if r.DistanceKm != nil {
			dist = km(*r.DistanceKm)
		}
		idx := i
		items = append(items, app.Li().Class("fr-card fr-p-2w fr-mb-2w").Body(
			app.H3().Class("fr-h6 fr-mb-1v").Text(s.Nom),
			app.P().Class("fr-text--sm fr-mb-1v").Text(c.structureName(s.StructureID)+" — "+dist),
			app.Ul().Class("fr-text--sm").Body(reasons...),
			app.Button().Type("button").ID("orienter-"+strconv.Itoa(i)).Class("fr-btn fr-btn--sm").
				Aria("label", fmt.Sprintf(offreText.OrientTo.String(), s.Nom)).Text(offreText.Orient.String()).
				OnClick(func(ctx app.Context, e app.Event) { c.Orient(idx) }, app.EventScope(s.ID)),
		))
	}
	var refused app.UI = app.Text("")
	if n := len(c.refused.Errors()); n > 0 {
		refused = app.P().ID("offre-elements-refuses").Class("fr-text--sm").Text(fmt.Sprintf(offreText.RefusedItems.String(), n))
	}
	return page("offre",
		refused,
		app.Form().ID("recherche").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			c.Search()
		}).Body(
			textInput(commune, "text", c.commune, func(ctx app.Context, v string) { c.commune = v },
				func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") }),
			textInput(radius, "text", c.radius, func(ctx app.Context, v string) { c.radius = v },
				func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "decimal") }),
			fieldset("thematiques", offreText.Themes.String(), boxes...),
			app.Div().Class("spie-actions").Body(app.Button().Type("submit").ID("rechercher").Class("fr-btn").Text(offreText.Search.String())),
		),
		app.Div().Aria("live", "polite").Body(
			app.If(c.err != "", func() app.UI {
				return app.P().ID("recherche-erreur").Class("fr-message fr-message--error").Text(c.err)
			}),
			app.If(c.searched, func() app.UI {
				return app.H2().ID("resultats-titre").TabIndex(-1).Class("fr-h5 fr-mt-3w").Text(fmt.Sprintf(offreText.Found.String(), len(c.results)))
			}),
		),
		app.Ul().Class("spie-results").Body(items...),
	)
}

// searchFields are the fields of the offer search: their labels and hints.
var searchFields = spie.Definitions{
	{Key: "/commune", Label: spie.Label{FR: "Code INSEE de la commune de la personne", EN: "INSEE code of the person's town"},
		Description: spie.Label{FR: "Par exemple 02691 pour Saint-Quentin.", EN: "For instance 02691 for Saint-Quentin."}},
	{Key: "/rayon_mobilite_km", Label: spie.Label{FR: "Rayon de mobilité de la personne (km)", EN: "Mobility radius of the person (km)"},
		Description: spie.Label{FR: "Facultatif : seuls les services situés à cette distance de la commune sont proposés.", EN: "Optional: only services within this distance of the town are shown."}},
}

// hintOf returns the French description of the definition key, "" when none.
func hintOf(defs spie.Definitions, key string) string {
	d, _ := defs.Get(key)
	return inLang(d.Description)
}

// offreText are the offre widget's own words, French and English.
var offreText = struct {
	Refused, Waiting, UnknownDistance, OrientTo, Orient, RefusedItems, Themes, Search, Found, QueryRefused,
	ReasonTheme, ReasonZone, ReasonDistance, ReasonOther text
}{
	Refused:         text{"Catalogue refusé", "Catalogue refused"},
	Waiting:         text{"En attente du catalogue envoyé par le portail.", "Waiting for the catalogue the portal sends."},
	UnknownDistance: text{"distance inconnue", "distance unknown"},
	OrientTo:        text{"Orienter vers %s", "Refer to %s"},
	Orient:          text{"Orienter", "Refer"},
	RefusedItems:    text{"%d erreur(s) dans le catalogue envoyé : les éléments concernés sont écartés de la recherche.", "%d error(s) in the catalogue sent: the items concerned are left out of the search."},
	Themes:          text{"Thématiques recherchées", "Themes searched"},
	Search:          text{"Rechercher", "Search"},
	Found:           text{"%d service(s) trouvé(s)", "%d service(s) found"},
	// FR "": the French texts of these are offer.Search's own
	QueryRefused:   text{"", "The search could not run: check the town and the themes."},
	ReasonTheme:    text{"", "theme: %s"},
	ReasonZone:     text{"", "serves the person's town"},
	ReasonDistance: text{"", "%s from the town"},
	ReasonOther:    text{"", "matches the search (%s)"},
}

// km writes a distance in kilometres with one decimal, the way of the
// page's language (2,5 km; 2.5 km).
func km(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang != LangEN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " km"
}

// reasonText is why a service matched: offer.Search's French sentence; in
// English, the criterion written from the service and the definitions'
// English labels (the library writes its reasons in French only).
func (c *OffreSearch) reasonText(r offer.Result, x offer.Reason) string {
	if lang != LangEN {
		return x.Message
	}
	switch x.Criterion {
	case "thematique":
		var labels []string
		for _, t := range r.Service.Thematiques {
			for _, d := range spie.Thematiques {
				if !c.themes[d.Key] {
					continue
				}
				for _, cat := range spie.Thematique(d.Key).DataInclusionCategories() {
					if cat == string(t) || cat == string(t.Categorie()) {
						labels = append(labels, labelOf(offer.Thematiques, string(t)))
					}
				}
			}
		}
		return fmt.Sprintf(offreText.ReasonTheme.EN, strings.Join(uniq(labels), "; "))
	case "zone":
		return offreText.ReasonZone.EN
	case "distance":
		if r.DistanceKm != nil {
			return fmt.Sprintf(offreText.ReasonDistance.EN, km(*r.DistanceKm))
		}
	}
	return fmt.Sprintf(offreText.ReasonOther.EN, x.Criterion)
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// RegisterOffre declares the route of the offre widget.
func RegisterOffre() { route("offre", func() app.Composer { return &OffreSearch{} }) }
