package widget_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm/widget"
)

// firstService is the first service of the example catalogue, as JSON.
func firstService(t *testing.T) json.RawMessage {
	services, _ := exampleCatalogue(t)
	var all []json.RawMessage
	require.NoError(t, json.Unmarshal(services, &all))
	return all[0]
}

const person = `{"id":"AISNE-2026-00042","code_commune":"02691"}`
const prescriber = `{"role":"referent","nom":"Camille Martin","siret_structure":"22020001800004"}`

// The prescription widget's whole life: the partner sends the service, the
// person and the prescriber; the fiche is proposed (« prête à être
// transmise », still a draft: the widget never sends); the partner's server
// applies offer.Prescription.Send and tells the widget, which then shows
// « transmise » with the answer deadline. Expected deadline, by hand: sent
// on 25 November 2026 at 10:00 UTC (the test clock), + 72 hours (RULES.md
// §4) = 28 November 2026 at 10:00 UTC, 11 h 00 in Saint-Quentin (UTC+1 in
// November).
func TestPrescriptionLifecycle(t *testing.T) {
	c := &widget.PrescriptionForm{}
	require.Empty(t, c.Init(json.RawMessage(`{"service":`+string(firstService(t))+`,"personne":`+person+`,"emetteur":`+prescriber+`}`)))
	p := c.Draft()
	require.NotNil(t, p)
	p.Fill("Camille Martin", "22020001800004", "AISNE-2026-00042", "mobilite", "Besoin de préparer le permis B pour accéder à l'emploi.")
	require.Empty(t, p.Submit().Errors())
	require.True(t, p.Proposed())
	html := render(t, c)
	assert.Contains(t, html, "Prescription prête à être transmise")
	assert.NotContains(t, html, "Prescription transmise")
	_, sent := p.Sent()
	assert.False(t, sent)

	// A confirmation of another fiche, or of a fiche not sent, is refused.
	draft := p.Document()
	b, _ := json.Marshal(draft)
	assert.True(t, p.Outcome(b).Has("WIDGET-PRESC-05", "/etat"), "fiche non envoyée")
	other := draft
	other.ID = "autre"
	require.Empty(t, other.Send(today, "Camille Martin"))
	b, _ = json.Marshal(other)
	assert.True(t, p.Outcome(b).Has("WIDGET-PRESC-04", "/id"), "autre fiche")
	assert.True(t, p.Outcome(json.RawMessage(`"envoyée"`)).HasCode("WIDGET-PRESC-03"))
	assert.Contains(t, render(t, c), "prête à être transmise")

	// The partner's server sends it.
	server := draft
	require.Empty(t, server.Send(today, "Camille Martin"))
	b, _ = json.Marshal(server)
	require.Empty(t, p.Outcome(b))
	due, sent := p.Sent()
	require.True(t, sent)
	assert.Equal(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC), due.UTC())
	html = render(t, c)
	assert.Contains(t, html, "Prescription transmise")
	assert.Contains(t, html, "au plus tard le 28/11/2026 à 11 h 00")
	assert.Contains(t, html, "sous 72 heures")
}

// The data the partner sends is checked by the library before anything is
// shown: no service, a service data·inclusion refuses, a service that
// cannot receive a prescription from a référent, an unknown role.
func TestPrescriptionRefusesInvalidData(t *testing.T) {
	svc := string(firstService(t))
	var m map[string]any
	require.NoError(t, json.Unmarshal(firstService(t), &m))
	m["mobilisable_par"] = []string{"usagers"}
	usersOnly, _ := json.Marshal(m)
	delete(m, "nom")
	noName, _ := json.Marshal(m)
	tests := []struct{ name, data, code, path string }{
		{"illisible", `"service"`, "WIDGET-PRESC-01", ""},
		{"sans service", `{"personne":` + person + `}`, "WIDGET-PRESC-02", "/service"},
		{"service sans nom", `{"service":` + string(noName) + `}`, "OFFRE-REQUIS-01", "/service/nom"},
		{"service réservé aux usagers", `{"service":` + string(usersOnly) + `,"emetteur":` + prescriber + `}`, "PRESC-MOBILISABLE-10", "/service/mobilisable_par"},
		{"rôle inconnu", `{"service":` + svc + `,"emetteur":{"role":"chef"}}`, "PRESC-VALEUR-01", "/emetteur/role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &widget.PrescriptionForm{}
			fs := c.Init(json.RawMessage(tt.data))
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			assert.Nil(t, c.Draft())
			html := render(t, c)
			assert.Contains(t, html, "Prescription refusée")
			assert.NotContains(t, html, `id="prescription"`)
		})
	}
	c := &widget.PrescriptionForm{}
	assert.Contains(t, render(t, c), "En attente du service choisi")
}

// The error summary of an empty fiche lists one entry per fault, each with
// the field's French label, never a raw pointer. The faults expected, one
// per required field the form shows, read by hand from the fiche de
// prescription (offer.Prescription.Check) and the form's own rule (the
// sender's name): besoin, nom, SIRET, engagement, motif, personne —
// the commune is given.
func TestPrescriptionErrorSummary(t *testing.T) {
	c := &widget.PrescriptionForm{}
	require.Empty(t, c.Init(json.RawMessage(`{"service":`+string(firstService(t))+`,"personne":{"code_commune":"02691"}}`)))
	fs := c.Draft().Submit()
	assert.ElementsMatch(t, []string{"/besoin/cle", "/emetteur/nom", "/emetteur/siret_structure", "/engagement_donnees/accepte", "/motif", "/personne/id"}, paths(fs))
	html := render(t, c)
	assert.Contains(t, html, "6 erreurs à corriger")
	for _, label := range []string{"Votre nom : ", "SIRET de votre structure : ", "Identifiant de la personne : ", "Frein auquel répond l&#39;orientation : ", "Motif de l&#39;orientation : "} {
		assert.Equal(t, 1, strings.Count(html, label), label)
	}
	assert.NotContains(t, html, "/besoin/cle :")
	assert.False(t, c.Draft().Proposed())
	assert.Equal(t, offer.StateBrouillon, c.Draft().Document().State)
}

func paths(fs spie.Faults) []string {
	var out []string
	for _, f := range fs.Errors() {
		out = append(out, f.Path)
	}
	return out
}
