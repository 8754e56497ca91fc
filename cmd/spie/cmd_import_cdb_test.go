package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exCDB is our notebook built to the carnet de bord's tables (see
// carnet/cdb/cdb_test.go for its sources).
const exCDB = "../../carnet/cdb/testdata/notebook-laon.json"

func TestImportCDBVerb(t *testing.T) {
	opts := []string{"import-cdb", "--siret", "22020000000010", "--commune", "02408"}
	with := func(args ...string) []string { return append(append([]string{}, opts...), args...) }
	runVerbCases(t, "import-cdb", []verbCase{
		{"text", with(exCDB), "", exitOK, "laon.txt"},
		{"json", with("--format", "json", exCDB), "", exitOK, "laon.json"},
		// the former référent's structure (France Travail) may not open it
		{"former référent", []string{"import-cdb", "--siret", "13002526500013", "--commune", "02408", exCDB}, "", exitInvalid, "ancien-referent.txt"},
		{"file and stdin", with("--format", "json", exCDB, "-"), "null", exitInvalid, ""},
		{"unknown field", with("-"), `{"id": "x", "focus": []}`, exitInvalid, "champ-inconnu.txt"},
		{"bad siret", []string{"import-cdb", "--siret", "123", "--commune", "02408", exCDB}, "", exitUsage, ""},
		{"no siret", []string{"import-cdb", "--commune", "02408", exCDB}, "", exitUsage, ""},
		{"bad commune", []string{"import-cdb", "--siret", "22020000000010", "--commune", "02000x", exCDB}, "", exitUsage, ""},
		{"bad format", with("--format", "csv", exCDB), "", exitUsage, ""},
		{"no file", with(), "", exitUsage, ""},
		{"missing file", with("absent.json"), "", exitUsage, ""},
		{"empty input", with("-"), " \n", exitUsage, ""},
	})
}

// TestImportCDBThenValidate: the carnet printed by --format carnet is a
// valid socle carnet (spie validate --kind carnet), its warnings on stderr.
func TestImportCDBThenValidate(t *testing.T) {
	code, out, errOut := runCLI(t, "", "import-cdb", "--siret", "22020000000010", "--commune", "02408", "--format", "carnet", exCDB)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "spie import-cdb : avertissement /focuses/2/targets/2/target : CARNET-IMPORT-12")
	code, vout, verr := runCLI(t, out, "validate", "--kind", "carnet", "-")
	assert.Equal(t, exitOK, code, vout+verr)
	var k struct {
		Objectifs []struct {
			FreeLabel string `json:"libelle_libre"`
		} `json:"objectifs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &k))
	var free []string
	for _, o := range k.Objectifs {
		if o.FreeLabel != "" {
			free = append(free, o.FreeLabel)
		}
	}
	assert.Equal(t, []string{"Obtenir le CACES R489 cariste"}, free)
	assert.False(t, strings.Contains(out, "2820202408123"), "le NIR du carnet de bord n'est pas repris")
}
