package diagnostic_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/reftest"
)

// dspReferenceRows reads ../shared/reference/france-travail-dsp/referentiel.csv
// (kind, code, contrainte, libelle), or skips when the reference is absent.
func dspReferenceRows(t *testing.T) [][]string {
	t.Helper()
	dir := reftest.Dir(t, "france-travail-dsp")
	f, err := os.Open(filepath.Join(dir, "referentiel.csv"))
	if err != nil {
		t.Skipf("référentiel France Travail absent : conformité DSP non vérifiée (%v)", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return recs[1:]
}

// TestDSPRoundTripWholeReferential builds a payload holding every contrainte,
// situation, objectif and besoin code of the France Travail referential, with
// every value in turn, and checks that import then export keeps each coded
// item, with no warning but the impacts France Travail does not send.
func TestDSPRoundTripWholeReferential(t *testing.T) {
	rows := dspReferenceRows(t)
	situationValues := []string{"OUI", "NON", "NON_ABORDEE"}
	objectifValues := []string{"NON_ABORDE", "EN_COURS", "REALISE", "ABANDONNE"}
	besoinValues := []string{"POINT_FORT", "BESOIN", "NON_EXPLORE"}
	contrainteValues := []string{"OUI", "NON_ABORDEE", "CLOTUREE"}
	p := &diagnostic.DSPPayload{}
	index := map[string]int{}
	metier := diagnostic.DSPMetier{ID: "m", Status: "EN_COURS"}
	n := 0
	for _, r := range rows {
		kind, code, contrainte, label := r[0], r[1], r[2], r[3]
		n++
		switch kind {
		case "contrainte":
			index[code] = len(p.Contraintes.Items)
			p.Contraintes.Items = append(p.Contraintes.Items, diagnostic.DSPContrainte{
				Code: diagnostic.DSPCode(code), Label: label, Value: contrainteValues[len(index)%3],
				Situations: []diagnostic.DSPItem{}, Objectifs: []diagnostic.DSPItem{}})
		case "situation":
			c := &p.Contraintes.Items[index[contrainte]]
			c.Situations = append(c.Situations, diagnostic.DSPItem{Code: diagnostic.DSPCode(code), Label: label, Value: situationValues[n%3]})
		case "objectif":
			c := &p.Contraintes.Items[index[contrainte]]
			c.Objectifs = append(c.Objectifs, diagnostic.DSPItem{Code: diagnostic.DSPCode(code), Label: label, Value: objectifValues[n%4]})
		case "besoin":
			metier.Besoins = append(metier.Besoins, diagnostic.DSPItem{Code: diagnostic.DSPCode(code), Label: label, Value: besoinValues[n%3]})
		}
	}
	p.Metiers = []diagnostic.DSPMetier{metier}
	require.Len(t, p.Contraintes.Items, 7)
	require.Len(t, metier.Besoins, 20)

	d, fs := p.Diagnostic()
	for _, f := range fs {
		// France Travail's own labels: no DSP-LIBELLE warning.
		assert.Contains(t, []string{"DSP-CONTRAINTE-10", "DSP-IMPORT-01"}, f.Code, "seuls avertissements attendus : impact non transmis, champs à compléter (%v)", f)
	}
	out, efs := diagnostic.ExportDSP(d)
	assert.Empty(t, efs)
	assert.Equal(t, codedItems(p), codedItems(out))
	assert.Len(t, codedItems(out), len(rows))
	// Exported with France Travail's labels, exactly as the referential writes them.
	assert.Equal(t, p.Contraintes.Items, out.Contraintes.Items)
}

// TestDSPLabelMismatchWarned sends every code of the referential under a
// label that is not France Travail's: each is warned, by code, once.
func TestDSPLabelMismatchWarned(t *testing.T) {
	rows := dspReferenceRows(t)
	p := &diagnostic.DSPPayload{}
	index := map[string]int{}
	metier := diagnostic.DSPMetier{ID: "m", Status: "EN_COURS"}
	wrong := func(label string) string { return "Autre chose que « " + label + " »" }
	for _, r := range rows {
		kind, code, contrainte, label := r[0], r[1], r[2], r[3]
		item := diagnostic.DSPItem{Code: diagnostic.DSPCode(code), Label: wrong(label), Value: "NON_EXPLORE"}
		switch kind {
		case "contrainte":
			index[code] = len(p.Contraintes.Items)
			p.Contraintes.Items = append(p.Contraintes.Items, diagnostic.DSPContrainte{Code: item.Code, Label: item.Label, Value: "NON_ABORDEE"})
		case "situation":
			item.Value = "NON_ABORDEE"
			c := &p.Contraintes.Items[index[contrainte]]
			c.Situations = append(c.Situations, item)
		case "objectif":
			item.Value = "NON_ABORDE"
			c := &p.Contraintes.Items[index[contrainte]]
			c.Objectifs = append(c.Objectifs, item)
		case "besoin":
			metier.Besoins = append(metier.Besoins, item)
		}
	}
	p.Metiers = []diagnostic.DSPMetier{metier}
	_, fs := p.Diagnostic()
	n, health := 0, 0
	for _, f := range fs {
		if f.Code == "DSP-LIBELLE-01" || f.Code == "DSP-LIBELLE-02" {
			n++
		}
		if f.Code == "DSP-LIBELLE-02" {
			health++
			assert.NotContains(t, f.Message, "Autre chose", "libellé de santé non cité")
		}
	}
	assert.Equal(t, len(rows), n, "un avertissement par code du référentiel")
	// Santé (contrainte 25): its 1 + 5 situations + 2 objectifs are not quoted.
	assert.Equal(t, 8, health)
}
