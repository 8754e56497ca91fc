package widget_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/wasm/widget"
)

// Each init starts a new form: person B's data never carries person A's
// (review 15: the widget used to merge each init into the form it held).
func TestConfigureStartsANewForm(t *testing.T) {
	f := &widget.DiagnosticForm{}
	require.Empty(t, f.Configure(widget.Init{Role: "referent", Data: json.RawMessage(demoJSON())}))
	require.Equal(t, "hospitalisation en novembre", f.Document().Freins["sante"].Details)
	require.Empty(t, f.Configure(widget.Init{Role: "referent", Data: json.RawMessage(`{"id": "D-B", "personne": {"id": "P-B", "code_commune": "02691"}}`)}))
	d := f.Document()
	assert.Equal(t, "P-B", d.Person.ID)
	assert.Empty(t, d.Person.BirthDate, "date de naissance de la personne précédente")
	assert.Empty(t, d.Freins["sante"].Details, "santé de la personne précédente")
	b, _ := json.Marshal(d)
	for _, s := range []string{"P-1", "1990-04-12", "hospitalisation", "Je dors chez ma sœur", "Camille Martin"} {
		assert.NotContains(t, string(b), s)
	}
	// Refused data leaves no trace of the previous person either.
	assert.NotEmpty(t, f.Configure(widget.Init{Role: "referent", Data: json.RawMessage(`"illisible"`)}))
	b, _ = json.Marshal(f.Document())
	assert.NotContains(t, string(b), "P-B")
}

// The roles of the carnet's sharing matrix (RULES.md §10, by hand from
// carnet.DefaultRights): partenaire reads no diagnostic; co-referent,
// coordinateur-spie and charge-orientation read it without health details;
// usager and referent read it all; an unknown role reads nothing.
func TestRoleMayRead(t *testing.T) {
	var full diagnostic.Diagnostic
	require.NoError(t, json.Unmarshal([]byte(demoJSON()), &full))
	redacted := full.Redacted()
	for _, tc := range []struct {
		role           string
		full, redacted string // expected fault code, "" when readable
	}{
		{"", "", ""},
		{"professionnel", "", ""},
		{"usager", "", ""},
		{"referent", "", ""},
		{"co-referent", "CARNET-DROITS-02", ""},
		{"coordinateur-spie", "CARNET-DROITS-02", ""},
		{"charge-orientation", "CARNET-DROITS-02", ""},
		{"partenaire", "CARNET-DROITS-02", "CARNET-DROITS-02"},
		{"admin", "CARNET-DROITS-01", "CARNET-DROITS-01"},
	} {
		for _, c := range []struct {
			d    *diagnostic.Diagnostic
			want string
		}{{&full, tc.full}, {redacted, tc.redacted}} {
			fs := widget.RoleMayRead(tc.role, c.d)
			if c.want == "" {
				assert.Empty(t, fs, tc.role)
				continue
			}
			require.Len(t, fs, 1, tc.role)
			assert.Equal(t, c.want, fs[0].Code, tc.role)
			assert.NotEmpty(t, fs[0].MessageEN)
			assert.False(t, strings.Contains(fs[0].Message, "%"), fs[0].Message)
		}
	}
}

// A confirmation with the proposed fiche's identifier but another content
// (another person, another reason) is not the proposed fiche (review 15):
// refused with WIDGET-PRESC-04; so is a sent fiche whose journal does not
// start with the proposed one's.
func TestPrescriptionOutcomeComparesTheFiche(t *testing.T) {
	c := &widget.PrescriptionForm{}
	require.Empty(t, c.Init(json.RawMessage(`{"service":`+string(firstService(t))+`,"personne":`+person+`,"emetteur":`+prescriber+`}`)))
	p := c.Draft()
	p.Fill("Camille Martin", "22020001800004", "AISNE-2026-00042", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
	require.Empty(t, p.Submit().Errors())
	draft := p.Document()

	other := draft
	other.Person.ID = "AUTRE-PERSONNE"
	other.Motif = "Un tout autre motif pour une autre personne."
	require.Empty(t, other.Send(today, "Camille Martin"))
	b, _ := json.Marshal(other)
	assert.True(t, p.Outcome(b).HasCode("WIDGET-PRESC-04"), "même identifiant, autre contenu")
	_, sent := p.Sent()
	assert.False(t, sent)

	server := draft
	require.Empty(t, server.Send(today, "Camille Martin"))
	b, _ = json.Marshal(server)
	require.Empty(t, p.Outcome(b), "la fiche proposée, envoyée")
	_, sent = p.Sent()
	assert.True(t, sent)
}

// A view computed for the référent, handed with another viewer, and a
// viewer of a role the library does not know, are refused (review 15: the
// widget showed them as an empty carnet, with no spie:error).
func TestCarnetRefusesAViewForAnotherViewer(t *testing.T) {
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &c))
	ref := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: "referent"}
	view, err := json.Marshal(carnet.View(&c, carnet.Viewer{Actor: ref, On: "2026-06-30"}))
	require.NoError(t, err)
	full, err := json.Marshal(&c)
	require.NoError(t, err)
	for _, tc := range []struct{ doc, actor, code string }{
		{string(view), `{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"co-referent"}`, "WIDGET-CARNET-03"},
		{string(view), `{"professionnel":"Sarah Lefevre","siret_structure":"77500000300019","role":"referent"}`, "WIDGET-CARNET-03"},
		{string(full), `{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"admin"}`, "CARNET-DROITS-01"},
	} {
		v := &widget.CarnetView{}
		fs := v.Init(json.RawMessage(`{"carnet":` + tc.doc + `,"acteur":` + tc.actor + `}`))
		assert.True(t, fs.HasCode(tc.code), "%s : %v", tc.actor, fs)
		html := renderHTML(t, v)
		assert.Contains(t, html, "Carnet refusé")
		assert.NotContains(t, html, "Aucune alerte")
	}
	v := &widget.CarnetView{}
	assert.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(view)+`,"acteur":{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}}`)), "la vue, à son lecteur")
}

// Two fiches proposed in the same second, and two contacts proposed the
// same day, get different identifiers (review 15: the id was the second of
// creation, or the number of contacts the view shows and the day).
func TestIdentifiersAreUnique(t *testing.T) {
	ids := map[string]bool{}
	for i := 0; i < 50; i++ {
		c := &widget.PrescriptionForm{}
		require.Empty(t, c.Init(json.RawMessage(`{"service":`+string(firstService(t))+`,"personne":`+person+`,"emetteur":`+prescriber+`}`)))
		id := c.Draft().Document().ID
		assert.True(t, strings.HasPrefix(id, "presc-20261125-100000-"), id)
		assert.False(t, ids[id], "identifiant répété : %s", id)
		ids[id] = true
	}
}

// Data of the wrong type is refused with the path of the field, not as
// the whole data unreadable (review 15: a radius sent as text, "20", the
// usual value of a form's input, refused everything at path "").
func TestOffreDataOfTheWrongTypeSaysWhere(t *testing.T) {
	services := `{"services":[` + string(firstService(t)) + `]}`
	for _, tc := range []struct{ data, code, path string }{
		{`{"catalogue":` + services + `,"commune":"02408","rayon_mobilite_km":"20"}`, "WIDGET-OFFRE-03", "/rayon_mobilite_km"},
		{`{"catalogue":` + services + `,"commune":2408}`, "WIDGET-OFFRE-01", "/commune"},
		{`{"catalogue":` + services + `,"commune":"02408","personne":{"id":42}}`, "WIDGET-OFFRE-01", "/personne/id"},
	} {
		c := &widget.OffreSearch{}
		fs := c.Init(json.RawMessage(tc.data))
		assert.True(t, fs.Has(tc.code, tc.path), "%s : %v", tc.data, fs)
	}
}

// A confirmation the offre widget receives when no fiche is open (none was
// proposed, or the partner sent new data since) is refused, not ignored
// (review 15: the widget dropped it without a word).
func TestOffreOutcomeWithoutFicheIsRefused(t *testing.T) {
	c := &widget.OffreSearch{}
	require.Empty(t, c.Init(json.RawMessage(`{"catalogue":{"services":[`+string(firstService(t))+`]}}`)).Errors())
	fs := c.Outcome(json.RawMessage(`{"id":"presc-1","etat":"envoyee"}`))
	assert.True(t, fs.Has("WIDGET-PRESC-04", "/id"), "%v", fs)
}
