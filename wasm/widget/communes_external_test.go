//go:build spie_communes_external

package widget_test

import (
	"encoding/json"
	"html"
	"os"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
	"github.com/spie-fr/socle/wasm/demo"
	"github.com/spie-fr/socle/wasm/widget"
)

// codes returns the codes of fs, in order.
func codes(fs spie.Faults) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

// communeFaults returns the faults of fs at path.
func communeFaults(fs spie.Faults, path string) spie.Faults {
	var out spie.Faults
	for _, f := range fs {
		if f.Path == path {
			out = append(out, f)
		}
	}
	return out
}

// TestCommunesArriveAfterTheData runs the widgets as their modules do
// (go test -tags spie_communes_external ./wasm/widget/): built without the
// table of communes, which their page fetches apart and hands over once it
// arrives. It must run first in this build (its file sorts first): the
// table, once provided, stays for the other tests.
//
//   - A table that cannot come, or bytes that are not the table: the widget
//     says so (WIDGET-CHARGEMENT-07, with the library's SPIE-COMMUNE-08 for
//     other bytes) and shows nothing that needs it; no search is run.
//   - Before the table: the diagnostic checks every field but the commune,
//     which is not checked yet (SPIE-COMMUNE-07, an error: never accepted
//     unchecked); the offre, prescription and indicateurs widgets keep the
//     partner's data and say they load the table.
//   - Once it arrives: the commune typed before is checked with the
//     library's answer (Saint-Quentin 02691 known; 02999 unknown,
//     SPIE-COMMUNE-02, as territory.CheckCommune says), and the kept data
//     is applied (the search around Laon within 15 km finds services).
func TestCommunesArriveAfterTheData(t *testing.T) {
	require.False(t, territory.Loaded(), "ce test doit passer avant tout autre dans ce build : la table ne doit pas être déjà fournie")
	table, err := os.ReadFile("../../spie/territory/communes.tsv.gz")
	require.NoError(t, err)

	// the page could not fetch the table
	broken := &widget.OffreSearch{}
	assert.Empty(t, broken.Init(offreData(t, `,"commune":"02408"`)), "les données attendent la table")
	assert.Contains(t, render(t, broken), `id="communes-chargement"`)
	assert.Equal(t, []string{"WIDGET-CHARGEMENT-07"}, codes(broken.CommunesFail()))
	page := html.UnescapeString(render(t, broken))
	assert.Contains(t, page, `id="communes-indisponibles"`)
	assert.Contains(t, page, widget.FaultCommunes.At("").Message)
	assert.NotContains(t, page, `id="communes-chargement"`)
	assert.Empty(t, broken.Results(), "aucune recherche sans la table")
	assert.Equal(t, []string{"WIDGET-CHARGEMENT-07"}, codes(broken.Init(offreData(t, `,"commune":"02408"`))), "de nouvelles données sont refusées, la table ne viendra pas")

	// the states waiting for the table or without it, in each language
	bothLanguages(t, "offre, table en chargement", nil, func() (app.Composer, func()) {
		c := &widget.OffreSearch{}
		return c, func() { c.Init(offreData(t, `,"commune":"02408"`)) }
	})
	bothLanguages(t, "offre, table indisponible", nil, func() (app.Composer, func()) {
		c := &widget.OffreSearch{}
		return c, func() { c.Init(offreData(t, `,"commune":"02408"`)); c.CommunesFail() }
	})
	bothLanguages(t, "prescription, table refusée", nil, func() (app.Composer, func()) {
		c := &widget.PrescriptionForm{}
		return c, func() { c.Init(json.RawMessage(`{"service":{}}`)); c.CommunesArrive([]byte("pas la table")) }
	})
	require.False(t, territory.Loaded())

	// bytes that are not the table
	presc := &widget.PrescriptionForm{}
	assert.Empty(t, presc.Init(json.RawMessage(`{"service":{}}`)))
	assert.Equal(t, []string{"WIDGET-CHARGEMENT-07", "SPIE-COMMUNE-08"}, codes(presc.CommunesArrive([]byte("pas la table"))))
	assert.Contains(t, render(t, presc), `id="communes-indisponibles"`)
	require.False(t, territory.Loaded())

	// before the table: the diagnostic's commune is not checked yet
	known, unknown := &widget.DiagnosticForm{}, &widget.DiagnosticForm{}
	require.Empty(t, known.Prefill(json.RawMessage(demoJSON())))
	require.Empty(t, unknown.Prefill(json.RawMessage(`{"id":"DIAG-2","personne":{"id":"P-2","date_naissance":"1990-04-12","code_commune":"02999"}}`)))
	for _, f := range []*widget.DiagnosticForm{known, unknown} {
		fs := communeFaults(f.Checked(), "/personne/code_commune")
		require.Equal(t, []string{"SPIE-COMMUNE-07"}, codes(fs))
		assert.Equal(t, spie.SeverityError, fs[0].Severity)
	}
	offre := &widget.OffreSearch{}
	assert.Empty(t, offre.Init(offreData(t, `,"commune":"02408","rayon_mobilite_km":15`)))
	assert.Contains(t, render(t, offre), `id="communes-chargement"`)
	assert.Empty(t, offre.Results())
	indic := &widget.Indicateurs{}
	data, err := demo.IndicatorsData()
	require.NoError(t, err)
	assert.Empty(t, indic.Init(data))
	assert.Contains(t, render(t, indic), `id="communes-chargement"`)

	// data the partner withdraws (setData(null)) before the table: nothing
	// waits any more, and the withdrawn data is not applied when the table
	// arrives (found by the review of issue 17: it was)
	offreCleared, prescCleared, indicCleared := &widget.OffreSearch{}, &widget.PrescriptionForm{}, &widget.Indicateurs{}
	assert.Empty(t, offreCleared.Init(offreData(t, `,"commune":"02408","rayon_mobilite_km":15`)))
	assert.Empty(t, prescCleared.Init(json.RawMessage(`{"service":`+string(firstService(t))+`,"personne":`+person+`,"emetteur":`+prescriber+`}`)))
	assert.Empty(t, indicCleared.Init(data))
	for _, c := range []interface {
		app.Composer
		Init(json.RawMessage) spie.Faults
	}{offreCleared, prescCleared, indicCleared} {
		assert.Contains(t, render(t, c), `id="communes-chargement"`)
		assert.Empty(t, c.Init(json.RawMessage("null")))
		assert.NotContains(t, render(t, c), `id="communes-chargement"`, "%T : plus rien n'attend la table", c)
	}

	// the table arrives
	assert.Empty(t, known.CommunesArrive(table))
	require.True(t, territory.Loaded())
	assert.Empty(t, unknown.CommunesArrive(table))
	assert.Empty(t, communeFaults(known.Checked(), "/personne/code_commune"), "Saint-Quentin 02691 existe")
	assert.Equal(t, territory.CheckCommune("02999", "/personne/code_commune"), communeFaults(unknown.Checked(), "/personne/code_commune"))
	assert.Equal(t, []string{"SPIE-COMMUNE-02"}, codes(communeFaults(unknown.Checked(), "/personne/code_commune")))

	assert.Empty(t, offre.CommunesArrive(table))
	assert.NotContains(t, render(t, offre), `id="communes-chargement"`)
	res := offre.Results()
	require.NotEmpty(t, res, "les données gardées sont appliquées à l'arrivée de la table")
	for _, r := range res {
		require.NotNil(t, r.DistanceKm)
		assert.LessOrEqual(t, *r.DistanceKm, 15.0, r.Service.ID)
	}
	assert.Empty(t, offreCleared.CommunesArrive(table))
	assert.Empty(t, offreCleared.Results(), "données retirées : aucune recherche")
	assert.Empty(t, prescCleared.CommunesArrive(table))
	assert.Nil(t, prescCleared.Draft(), "données retirées : aucune fiche")
	assert.Empty(t, indicCleared.CommunesArrive(table))
	assert.NotContains(t, renderIndicators(t, indicCleared), `id="champ-periode"`, "données retirées : aucun indicateur")

	assert.Empty(t, indic.CommunesArrive(table))
	page = renderIndicators(t, indic)
	assert.NotContains(t, page, `id="communes-chargement"`)
	assert.Contains(t, page, `id="champ-periode"`)
}
