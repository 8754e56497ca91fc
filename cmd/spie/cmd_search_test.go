package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	exOfferServices   = "../../examples/offer/services-aisne.ndjson"
	exOfferStructures = "../../examples/offer/structures-aisne.json"
)

func TestSearchGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"laon mobilité texte", []string{"--structures", exOfferStructures, "--commune", "02408", "--thematique", "mobilite", "--format", "text", "--limit", "5"}, "laon-mobilite.txt"},
		{"saint-quentin numérique jeunes rayon", []string{"--lat", "49.8465", "--lon", "3.2876", "--radius", "25", "--thematique", "numerique", "--public", "jeunes", "--limit", "3"}, "saint-quentin-numerique.json"},
		{"auto-prescription gratuite", []string{"--commune", "02691", "--thematique", "difficultes-financieres", "--mobilisable-par", "usagers", "--frais", "gratuit", "--format", "text", "--limit", "3"}, "saint-quentin-budget-usagers.txt"},
		{"Paris : services ouverts à toute la France", []string{"--commune", "75056", "--thematique", "creer-une-entreprise", "--format", "text"}, "paris-france-entiere.txt"},
		{"aucun résultat", []string{"--commune", "2A004", "--thematique", "sante--sante-sexuelle", "--type", "formation", "--format", "text"}, "ajaccio-aucun.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"search", "--catalogue", exOfferServices}, tt.args...)
			code, out, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitOK, code, errOut)
			goldenVerb(t, "search", tt.golden, out)
		})
	}
}

func TestSearchStdinAndInvalid(t *testing.T) {
	stdin := `[{"source":"t","structure_id":"t--1","id":"t--ok","nom":"Permis solidaire","description":"Préparer le permis B.","date_maj":"2026-01-10","thematiques":["mobilite--preparer-un-permis"],"zone_eligibilite":["02"]},
{"source":"t","structure_id":"t--1","id":"t--ko","nom":"Permis","description":"Préparer le permis B.","date_maj":"2026-01-10","publics":["tous-publics","jeunes"]}]`
	code, out, errOut := runCLI(t, stdin, "search", "--catalogue", "-", "--commune", "02408")
	// One service of two is invalid: it is ignored, counted, and the input
	// holds an invalid document (exit 1, the contract of every verb).
	require.Equal(t, exitInvalid, code, errOut)
	var got searchOutput
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, 1, got.Total)
	assert.Equal(t, 1, got.Ignored)
	assert.Equal(t, "t--ok", got.Services[0].ID)
}

func TestSearchUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"sans catalogue":         {"search", "--commune", "02408"},
		"thématique inconnue":    {"search", "--catalogue", exOfferServices, "--thematique", "inconnue"},
		"rayon sans point":       {"search", "--catalogue", exOfferServices, "--radius", "10"},
		"latitude seule":         {"search", "--catalogue", exOfferServices, "--lat", "49"},
		"commune mal formée":     {"search", "--catalogue", exOfferServices, "--commune", "2408"},
		"format inconnu":         {"search", "--catalogue", exOfferServices, "--format", "csv"},
		"catalogue absent":       {"search", "--catalogue", "absent.ndjson"},
		"latitude non numérique": {"search", "--catalogue", exOfferServices, "--lat", "nord", "--lon", "3"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
		})
	}
}

// --commune is checked against the same official table as every commune
// field: 02999 names no commune (the Aisne's INSEE numbers stop at 834), so
// the search warns with the one commune code and goes on; Laon (02408) gets
// no warning.
func TestSearchUnknownCommuneWarns(t *testing.T) {
	code, _, errOut := runCLI(t, "", "search", "--catalogue", exOfferServices, "--commune", "02999", "--format", "text")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "avertissement --commune : SPIE-COMMUNE-02 : ")
	assert.Contains(t, errOut, `"02999"`)
	code, _, errOut = runCLI(t, "", "search", "--catalogue", exOfferServices, "--commune", "02408", "--format", "text")
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, errOut, "SPIE-COMMUNE-02")
}

// Issue 12's acceptance: for a person in Laon (02408), the mobility services
// of Laon's platform (exemple-02--svc00005-00) come before those of Soissons
// and Villers-Cotterêts, which are 30 and 50 km away (the example catalogue
// places each service at its town); a 15 km radius around Laon keeps Laon's.
func TestSearchAroundLaon(t *testing.T) {
	code, out, errOut := runCLI(t, "", "search", "--catalogue", exOfferServices, "--structures", exOfferStructures,
		"--commune", "02408", "--thematique", "mobilite")
	require.Equal(t, exitOK, code, errOut)
	var got searchOutput
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	pos := map[string]int{}
	firstOther := len(got.Services)
	for i, s := range got.Services {
		pos[s.ID] = i
		if (s.Commune == "Soissons" || s.Commune == "Villers-Cotterêts") && i < firstOther {
			firstOther = i
		}
	}
	i, ok := pos["exemple-02--svc00005-00"]
	require.True(t, ok)
	assert.Less(t, i, firstOther)
	require.NotNil(t, got.Services[0].DistanceKm)
	assert.Less(t, *got.Services[0].DistanceKm, 2.0)

	code, out, errOut = runCLI(t, "", "search", "--catalogue", exOfferServices, "--commune", "02408", "--radius", "15", "--thematique", "mobilite")
	require.Equal(t, exitOK, code, errOut)
	got = searchOutput{}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.NotEmpty(t, got.Services)
	for _, s := range got.Services {
		require.NotNil(t, s.DistanceKm)
		assert.LessOrEqual(t, *s.DistanceKm, 15.0, s.ID)
	}
}

// 02000 is Laon's postal code (La Poste), not an INSEE code: the warning
// says so and names Laon 02408.
func TestSearchPostalCodeWarns(t *testing.T) {
	code, _, errOut := runCLI(t, "", "search", "--catalogue", exOfferServices, "--commune", "02000", "--format", "text")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "SPIE-COMMUNE-03")
	assert.Contains(t, errOut, "c'est un code postal : communes possibles 02000 → Laon 02408")
}

// TestSearchCommuneWarningOnce: the warning about a commune code that is a
// postal code (02000, Laon's) is printed once, on its own line ending with
// a newline, and the search goes on.
func TestSearchCommuneWarningOnce(t *testing.T) {
	for _, format := range []string{"json", "text"} {
		code, _, errOut := runCLI(t, "", "search", "--catalogue", exOfferServices, "--commune", "02000", "--format", format)
		assert.Equal(t, exitOK, code, errOut)
		assert.Equal(t, 1, strings.Count(errOut, "avertissement --commune"), errOut)
		assert.Equal(t, 1, strings.Count(errOut, "SPIE-COMMUNE-03"), errOut)
		assert.True(t, strings.HasSuffix(errOut, "\n"), errOut)
		assert.Equal(t, 1, strings.Count(errOut, "\n"), errOut)
	}
}
