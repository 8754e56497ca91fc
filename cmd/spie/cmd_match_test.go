package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogueMobilisable reads the examples' catalogue as plain JSON, apart
// from the code under test: the ids of services mobilisable by users.
func catalogueMobilisable(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(exOfferServices)
	require.NoError(t, err)
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s struct {
			ID             string   `json:"id"`
			MobilisablePar []string `json:"mobilisable_par"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &s))
		for _, m := range s.MobilisablePar {
			if m == "usagers" {
				out[s.ID] = true
			}
		}
	}
	return out
}

// TestMatch: one JSON object per diagnostic of every input (two files and
// -), named file#n. The needs of jeune-laon.json, read in the example by
// hand: two freins of impact moyen (mobilite, situation-financiere), two
// besoins marked BESOIN (identifier-points-forts-competences,
// realiser-cv-lettre-motivation); its commune 02408 (Laon). Every service
// proposed for auto-prescription is mobilisable by users in the catalogue
// file itself, and is among the services of its need.
func TestMatch(t *testing.T) {
	diag := compactFile(t, exDiag+"jeune-laon.json")
	code, out, errOut := runCLI(t, diag+"\n", "match", exDiag+"jeune-laon.json", "--catalogue", exOfferServices,
		"--structures", exOfferStructures, "--format", "json", "-", exDiag+"rsa-logement-sante-marseille.json")
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	mobilisable := catalogueMobilisable(t)
	var docs []string
	for i, line := range lines {
		var r struct {
			Document string `json:"document"`
			Commune  string `json:"code_commune"`
			Besoins  []struct {
				Besoin struct {
					Nature, Cle, Impact string
				} `json:"besoin"`
				Services []struct{ ID string } `json:"services"`
				Auto     []struct{ ID string } `json:"auto_prescription"`
			} `json:"besoins"`
			Faults []any `json:"faults"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		docs = append(docs, r.Document)
		assert.NotNil(t, r.Faults, "faults est présent, vide")
		assert.Empty(t, r.Faults)
		if i < 2 { // jeune-laon, from the file then from -
			assert.Equal(t, "02408", r.Commune)
			var needs []string
			for _, b := range r.Besoins {
				needs = append(needs, b.Besoin.Nature+"/"+b.Besoin.Cle)
			}
			assert.ElementsMatch(t, []string{"frein/mobilite", "frein/situation-financiere",
				"besoin/identifier-points-forts-competences", "besoin/realiser-cv-lettre-motivation"}, needs)
		}
		for _, b := range r.Besoins {
			ids := map[string]bool{}
			for _, s := range b.Services {
				ids[s.ID] = true
			}
			for _, s := range b.Auto {
				assert.True(t, mobilisable[s.ID], "%s : %s n'est pas mobilisable par les usagers", b.Besoin.Cle, s.ID)
			}
			assert.LessOrEqual(t, len(b.Services), 10)
		}
	}
	assert.Equal(t, []string{exDiag + "jeune-laon.json#1", "-#1", exDiag + "rsa-logement-sante-marseille.json#1"}, docs)

	// Text: French sentences, one block per document.
	code, out, _ = runCLI(t, "", "match", "--catalogue", exOfferServices, exDiag+"jeune-laon.json")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, exDiag+"jeune-laon.json#1 — commune 02408\n")
	assert.Contains(t, out, "  Mobilité (frein d'impact moyen) : ")
}

// TestMatchRefusals: an invalid diagnostic is reported with its faults and
// nothing proposed (exit 1); usage errors exit 2 in French.
func TestMatchRefusals(t *testing.T) {
	code, out, _ := runCLI(t, "", "match", "--catalogue", exOfferServices, "--format", "json", exDiag+"invalid/co-diagnostic-sans-binome.json")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, `"besoins":[]`)
	assert.Contains(t, out, `"severity":"error"`)

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"match", exDiag + "jeune-laon.json"}, "Usage : spie match"},
		{[]string{"match", "--catalogue", exOfferServices, "--limit", "0", exDiag + "jeune-laon.json"}, "--limit 0 refusé (de 1 à 100)"},
		{[]string{"match", "--catalogue", exOfferServices, "--format", "xml", exDiag + "jeune-laon.json"}, `--format "xml" inconnu`},
		{[]string{"match", "--catalogue", "absent.ndjson", exDiag + "jeune-laon.json"}, "fichier introuvable : absent.ndjson"},
	} {
		code, _, errOut := runCLI(t, "", tc.args...)
		assert.Equal(t, exitUsage, code, tc.args)
		assert.Contains(t, errOut, tc.want)
	}
}
