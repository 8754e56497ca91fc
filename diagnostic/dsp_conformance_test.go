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
		assert.Equal(t, "DSP-CONTRAINTE-10", f.Code, "seul avertissement attendu : impact non transmis (%v)", f)
	}
	out, efs := diagnostic.ExportDSP(d)
	assert.Empty(t, efs)
	assert.Equal(t, codedItems(p), codedItems(out))
	assert.Len(t, codedItems(out), len(rows))
}
