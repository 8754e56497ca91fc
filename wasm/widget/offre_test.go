package widget_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/wasm/widget"
)

// exampleCatalogue is the example offer of the Aisne as a partner sends it
// to the offre widget: {"services": […], "structures": […]}.
func exampleCatalogue(t *testing.T) (services, structures json.RawMessage) {
	t.Helper()
	nd, err := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	require.NoError(t, err)
	lines := bytes.Split(bytes.TrimSpace(nd), []byte("\n"))
	services = append(append([]byte("["), bytes.Join(lines, []byte(","))...), ']')
	structures, err = examples.Offer.ReadFile("offer/structures-aisne.json")
	require.NoError(t, err)
	return services, structures
}

func offreData(t *testing.T, extra string) json.RawMessage {
	services, structures := exampleCatalogue(t)
	return json.RawMessage(`{"catalogue":{"services":` + string(services) + `,"structures":` + string(structures) + `}` + extra + `}`)
}

// render returns the HTML the component draws now.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	return app.HTMLString(c.Render())
}

// The partner's catalogue, commune and radius drive the search: Laon
// (02408) with a 15 km radius. Château-Thierry (02168), whose structures
// the example catalogue holds, lies about 60 km south of Laon (by hand:
// 0.52° of latitude ≈ 58 km, 0.22° of longitude at 49° N ≈ 16 km), so none
// of its services may come back; without the radius they may.
func TestOffreFedByPartner(t *testing.T) {
	c := &widget.OffreSearch{}
	fs := c.Init(offreData(t, `,"commune":"02408","rayon_mobilite_km":15`))
	assert.Empty(t, fs.Errors(), "%v", fs)
	res := c.Results()
	require.NotEmpty(t, res, "le catalogue du portail doit répondre autour de Laon")
	for _, r := range res {
		require.NotNil(t, r.DistanceKm, "distance inconnue pour %s", r.Service.ID)
		assert.LessOrEqual(t, *r.DistanceKm, 15.0, r.Service.ID)
		if r.Service.CodeInsee != nil {
			assert.NotEqual(t, "02168", *r.Service.CodeInsee, "service de Château-Thierry à 15 km de Laon : %s", r.Service.ID)
		}
	}
	html := render(t, c)
	assert.NotContains(t, html, "distance inconnue")
	assert.Contains(t, html, "(centre de commune, rayon 15 km)")

	// Without a radius the distance still ranks, and is always known.
	c.SetRadiusForTest("")
	c.Search()
	require.NotEmpty(t, c.Results())
	for _, r := range c.Results() {
		require.NotNil(t, r.DistanceKm, r.Service.ID)
	}
	c.SetRadiusForTest("-3")
	c.Search()
	assert.True(t, c.Results() == nil)
	assert.Contains(t, render(t, c), "rayon de mobilité refusé")
}

// Data the widget cannot use is refused with socle faults (and a message in
// the widget); nothing is searched, never a demo catalogue instead.
func TestOffreRefusesInvalidData(t *testing.T) {
	services, _ := exampleCatalogue(t)
	var all []json.RawMessage
	require.NoError(t, json.Unmarshal(services, &all))
	one := string(all[0])
	tests := []struct {
		name, data string
		code, path string
		kept       bool // a catalogue remains (the bad element left out)
	}{
		{"pas un objet", `[1,2]`, "WIDGET-OFFRE-01", "", false},
		{"sans catalogue", `{"commune":"02408"}`, "WIDGET-OFFRE-01", "/catalogue", false},
		{"services pas un tableau", `{"catalogue":{"services":{"id":"x"}}}`, "WIDGET-OFFRE-01", "/catalogue/services", false},
		{"aucun service valide", `{"catalogue":{"services":[{"id":"x","nom":"Aide"}]}}`, "WIDGET-OFFRE-02", "/catalogue/services", false},
		{"champ obligatoire absent", `{"catalogue":{"services":[{"id":"x","nom":"Aide"}]}}`, "OFFRE-REQUIS-01", "/catalogue/services/0/source", false},
		{"un service invalide parmi d'autres", `{"catalogue":{"services":[` + one + `,{"source":"s","structure_id":"t","id":"y","nom":"Aide au permis","description":"Aide au permis de conduire pour tous.","date_maj":"2031-01-01"}]},"commune":"02408"}`, "OFFRE-DATE-03", "/catalogue/services/1/date_maj", true},
		{"identifiant répété", `{"catalogue":{"services":[` + one + `,` + one + `]}}`, "OFFRE-CATALOGUE-11", "/catalogue/services/1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &widget.OffreSearch{}
			fs := c.Init(json.RawMessage(tt.data))
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			html := render(t, c)
			if tt.kept {
				assert.Contains(t, html, "écartés de la recherche")
				return
			}
			assert.Nil(t, c.Results())
			assert.Contains(t, html, "Catalogue refusé")
			assert.NotContains(t, html, `id="rechercher"`)
		})
	}
}

// Nothing is shown before the partner's data: no demo catalogue.
func TestOffreWaitsForPartner(t *testing.T) {
	c := &widget.OffreSearch{}
	html := render(t, c)
	assert.Contains(t, html, "En attente du catalogue")
	c.Search()
	assert.Nil(t, c.Results())
}

// The commune field of the offer search gets the faults every kind gives:
// its shape (SPIE-COMMUNE-01, no search) or, for a well-formed code, its
// existence in the Code officiel géographique (SPIE-COMMUNE-02, a warning;
// the search runs). 02691 is Saint-Quentin; 02999 names no commune (the
// Aisne's INSEE numbers stop at 834); "2691" has four characters.
func TestOffreSearchCommuneFaults(t *testing.T) {
	tests := []struct {
		code, want string
		results    bool
	}{
		{"02691", "", true},
		{"02999", "SPIE-COMMUNE-02", true},
		{"2691", "SPIE-COMMUNE-01", false},
		{"02000", "SPIE-COMMUNE-03", true}, // Laon's postal code (La Poste), no INSEE code
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c := &widget.OffreSearch{}
			require.Empty(t, c.Init(offreData(t, "")))
			fs := c.SearchCommuneForTest(tt.code)
			if tt.want == "" {
				assert.Empty(t, fs)
			} else {
				assert.Equal(t, []string{tt.want}, fs.Codes())
				assert.True(t, fs.Has(tt.want, "/commune"), "%v", fs)
			}
			assert.Equal(t, tt.results, c.Results() != nil, "%v", c.Results())
		})
	}
}

// « Orienter » opens the fiche prefilled with what the partner sent; the
// fiche the form accepts is handed back as a draft with the proposed Send,
// and schemas.Validate accepts it.
func TestOffreOrientPrefills(t *testing.T) {
	c := &widget.OffreSearch{}
	require.Empty(t, c.Init(offreData(t, `,"commune":"02691","personne":{"id":"AISNE-2026-00042","code_commune":"02691"},"emetteur":{"role":"referent","nom":"Camille Martin","siret_structure":"22020001800004"}`)).Errors())
	require.NotEmpty(t, c.Results())
	c.Orient(0)
	p := c.Draft()
	require.NotNil(t, p)
	doc := p.Document()
	assert.Equal(t, "AISNE-2026-00042", doc.Person.ID)
	assert.Equal(t, "Camille Martin", doc.Sender.Name)
	assert.Equal(t, c.Results()[0].Service.ID, doc.Service.ID)
	p.Fill("Camille Martin", "22020001800004", "AISNE-2026-00042", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
	require.Empty(t, p.Submit().Errors())
	assert.True(t, p.Proposed())
	b, err := json.Marshal(p.Document())
	require.NoError(t, err)
	fs := schemas.Validate("prescription", b, schemas.WithNow(func() time.Time { return today }))
	assert.True(t, fs.Valid(), "%v", fs)
	assert.Equal(t, offer.StateBrouillon, p.Document().State, "le widget n'envoie pas lui-même")
	assert.Contains(t, render(t, c), "prête à être transmise")
	assert.NotContains(t, strings.ToLower(render(t, c)), "a été transmise")
}
