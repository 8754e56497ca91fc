package widget

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// The demo catalogue: deterministic invented structures and services in real
// communes of the Aisne (offer/offertest), dated so that they are fresh.
var (
	demoOnce      sync.Once
	demoCatalogue *offer.Catalogue
	demoStructs   map[string]*offer.Structure
)

// catalogueDate dates the generated services (fixed: the widget is
// deterministic).
var catalogueDate = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// DemoCatalogue returns the embedded example catalogue.
func DemoCatalogue() *offer.Catalogue {
	demoOnce.Do(func() {
		g := offertest.NewGenerator(42, catalogueDate, offertest.AisneTowns)
		structures, services := g.Catalogue("spie-demo", 24)
		demoStructs = map[string]*offer.Structure{}
		for _, s := range structures {
			demoStructs[s.ID] = s
		}
		demoCatalogue, _ = offer.NewCatalogue(services, structures)
	})
	return demoCatalogue
}

func structureName(id string) string {
	if s, ok := demoStructs[id]; ok {
		return s.Nom
	}
	return ""
}

// OffreSearch searches the offer by commune and thématiques, shows the
// results with distance and reasons, and "Orienter" opens the prescription.
type OffreSearch struct {
	app.Compo
	bridge Bridge

	commune  string
	themes   map[string]bool
	results  []offer.Result
	searched bool
	// faults of the commune field: its shape (SPIE-COMMUNE-01, the search
	// is not run) or, for a well-formed code, its existence in the official
	// table (SPIE-COMMUNE-02, a warning: the search runs).
	faults    spie.Faults
	err       string // a query the catalogue refuses (French text of offer.ErrQuery)
	presc     *prescriptionDraft
	prescFrom string
}

func (c *OffreSearch) init() {
	if c.themes == nil {
		c.themes = map[string]bool{}
		c.commune = "02691"
	}
}

// OnPreRender prepares the component for the test engine.
func (c *OffreSearch) OnPreRender(ctx app.Context) { c.init() }

// OnMount starts the channel with the partner.
func (c *OffreSearch) OnMount(ctx app.Context) {
	c.init()
	c.bridge.Widget = "offre"
	c.bridge.Start(ctx, nil)
}

// Search runs the query on the catalogue.
func (c *OffreSearch) Search() {
	c.init()
	q := offer.Query{Commune: strings.TrimSpace(c.commune), Now: Clock(), Limit: 10}
	for _, d := range spie.Thematiques {
		if c.themes[d.Key] {
			q.Thematiques = append(q.Thematiques, spie.Thematique(d.Key).DataInclusionCategories()...)
		}
	}
	c.searched = true
	c.err = ""
	c.faults = spie.CheckIdentifier(spie.CommuneCode(q.Commune), "/commune")
	if len(c.faults) > 0 {
		c.results = nil
		return
	}
	c.faults = territory.CheckCommune(spie.CommuneCode(q.Commune), "/commune")
	res, err := DemoCatalogue().Search(q)
	if err != nil {
		c.err = err.Error()
	}
	c.results = res
}

// Results returns the last results.
func (c *OffreSearch) Results() []offer.Result { return c.results }

// Render draws the search, the results or the prescription form.
func (c *OffreSearch) Render() app.UI {
	c.init()
	if c.presc != nil {
		return page("offre", c.presc.render(&c.bridge, func(ctx app.Context) { c.presc = nil }))
	}
	boxes := make([]app.UI, 0, len(spie.Thematiques))
	for _, d := range spie.Thematiques {
		k := d.Key
		boxes = append(boxes, checkbox(fieldState{path: "/thematiques/" + k, label: d.Label.FR}, c.themes[k],
			func(ctx app.Context, v bool) { c.themes[k] = v }))
	}
	commune := fieldState{path: "/commune", label: "Code INSEE de la commune de la personne", hint: "Par exemple 02691 pour Saint-Quentin.", required: true}
	commune.faults = c.faults
	items := make([]app.UI, 0, len(c.results))
	for i, r := range c.results {
		s := r.Service
		reasons := make([]app.UI, 0, len(r.Reasons))
		for _, x := range r.Reasons {
			reasons = append(reasons, app.Li().Text(x.Message))
		}
		dist := "distance inconnue"
		if r.DistanceKm != nil {
			dist = strings.Replace(strconv.FormatFloat(*r.DistanceKm, 'f', 1, 64), ".", ",", 1) + " km"
		}
		idx := i
		items = append(items, app.Li().Class("fr-card fr-p-2w fr-mb-2w").Body(
			app.H3().Class("fr-h6 fr-mb-1v").Text(s.Nom),
			app.P().Class("fr-text--sm fr-mb-1v").Text(structureName(s.StructureID)+" — "+dist),
			app.Ul().Class("fr-text--sm").Body(reasons...),
			app.Button().Type("button").ID("orienter-"+strconv.Itoa(i)).Class("fr-btn fr-btn--sm").
				Aria("label", "Orienter vers "+s.Nom).Text("Orienter").
				OnClick(func(ctx app.Context, e app.Event) {
					c.presc = newPrescriptionDraft(c.results[idx].Service, c.commune)
					focus(ctx, "prescription-titre")
				}, app.EventScope(s.ID)),
		))
	}
	return page("offre",
		app.Form().ID("recherche").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			c.Search()
		}).Body(
			textInput(commune, "text", c.commune, func(ctx app.Context, v string) { c.commune = v },
				func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") }),
			fieldset("thematiques", "Thématiques recherchées", boxes...),
			app.Div().Class("spie-actions").Body(app.Button().Type("submit").ID("rechercher").Class("fr-btn").Text("Rechercher")),
		),
		app.Div().Aria("live", "polite").Body(
			app.If(c.err != "", func() app.UI {
				return app.P().ID("recherche-erreur").Class("fr-message fr-message--error").Text(c.err)
			}),
			app.If(c.searched, func() app.UI {
				return app.H2().ID("resultats-titre").Class("fr-h5 fr-mt-3w").Text(strconv.Itoa(len(c.results)) + " service(s) trouvé(s)")
			}),
		),
		app.Ul().Class("spie-results").Body(items...),
	)
}
