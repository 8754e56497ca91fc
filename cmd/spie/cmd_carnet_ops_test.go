package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Claire Martin, référent of the carnets built by smallCarnet.
var claire = []string{"--role", "referent", "--structure", "22020000000010", "--professionnel", "Claire Martin"}

// smallCarnet creates, through the carnet API, a carnet id of person p-1
// entered on 2025-03-03 with Claire Martin as référent, writes it in dir and
// returns its path.
func smallCarnet(t *testing.T, dir, id, person string) string {
	t.Helper()
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	k, fs := carnet.Create(carnet.Carnet{ID: id, EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: person, BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Professional: "Claire Martin", Start: "2025-03-03"}},
	}, ref, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	require.True(t, fs.Valid(), "%v", fs)
	b, err := json.Marshal(k)
	require.NoError(t, err)
	path := filepath.Join(dir, id+".json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// TestMerge: the référent of both carnets merges them (the second read
// from -): one carnet, the smaller id c-1 absorbing c-2, the merge recorded
// at --now in the journal (one creation each + the merge = 3 events), and
// the two active référent records warned (CARNET-FUSION-11). A partner is
// refused (CARNET-DROITS-02, exit 1), so are two different persons
// (CARNET-FUSION-01) and a single carnet (exit 2).
func TestMerge(t *testing.T) {
	dir := t.TempDir()
	a, b := smallCarnet(t, dir, "c-2", "p-1"), smallCarnet(t, dir, "c-1", "p-1")
	bDoc, err := os.ReadFile(b)
	require.NoError(t, err)
	code, out, errOut := runCLI(t, string(bDoc), append([]string{"merge", a, "-", "--now", "2025-04-01T08:00:00Z"}, claire...)...)
	require.Equal(t, exitOK, code, errOut)
	var r struct {
		Documents []string
		Carnet    struct {
			ID      string   `json:"id"`
			Merged  []string `json:"carnets_fusionnes"`
			Journal []struct {
				Op string `json:"operation"`
				At string `json:"horodatage"`
			} `json:"journal"`
		}
		Faults []struct{ Code string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, []string{a + "#1", "-#1"}, r.Documents)
	assert.Equal(t, "c-1", r.Carnet.ID)
	assert.Equal(t, []string{"c-2"}, r.Carnet.Merged)
	require.Len(t, r.Carnet.Journal, 3)
	assert.Equal(t, "2025-04-01T08:00:00Z", r.Carnet.Journal[2].At)
	require.Len(t, r.Faults, 1)
	assert.Equal(t, "CARNET-FUSION-11", r.Faults[0].Code)
	assert.Contains(t, errOut, "avertissement : journal non signé", "journal non signé signalé")

	partner := []string{"--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Nadia Benali"}
	code, out, _ = runCLI(t, "", append([]string{"merge", a, b, "--now", "2025-04-01T08:00:00Z"}, partner...)...)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, `"code":"CARNET-DROITS-02"`)
	assert.NotContains(t, out, `"carnet"`)

	other := smallCarnet(t, dir, "c-3", "p-2")
	code, out, _ = runCLI(t, "", append([]string{"merge", a, other, "--now", "2025-04-01T08:00:00Z", "--format", "text"}, claire...)...)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "Fusion refusée de 2 carnet(s) :\n")
	assert.Contains(t, out, "[CARNET-FUSION-01]")

	code, _, errOut = runCLI(t, "", append([]string{"merge", a}, claire...)...)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "au moins deux carnets à fusionner, 1 lu(s)")

	code, _, errOut = runCLI(t, "", "merge", a, b)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `--role "" inconnu`)
}

// TestPurge: retention is 24 months after the last activity (RULES.md §10);
// the carnet's only activity is its entry and creation on 2025-03-03, so it
// is kept through 2027-03-03 and purged from 2027-03-04, with its record.
// A malformed entry date is refused (CARNET-CONSERVATION-01), never kept
// silently.
func TestPurge(t *testing.T) {
	dir := t.TempDir()
	k := smallCarnet(t, dir, "c-1", "p-1")
	code, out, errOut := runCLI(t, "", append([]string{"purge", "--date", "2027-03-03", k}, claire...)...)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, k+"#1 : carnet c-1 conservé jusqu'au 2027-03-03\n", out)

	code, out, _ = runCLI(t, "", append([]string{"purge", "--date", "2027-03-04", "--format", "json", k}, claire...)...)
	require.Equal(t, exitOK, code)
	var r struct {
		Document, Decision string
		Record             struct {
			Carnet       string `json:"id_carnet"`
			LastActivity string `json:"derniere_activite"`
			Digest       string `json:"empreinte_contenu"`
			Events       int    `json:"evenements"`
		} `json:"enregistrement"`
		Par struct {
			Professionnel string `json:"professionnel"`
		} `json:"par"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "purge", r.Decision)
	assert.Equal(t, "c-1", r.Record.Carnet)
	assert.Equal(t, "2025-03-03", r.Record.LastActivity)
	assert.Len(t, r.Record.Digest, 64)
	assert.Equal(t, 1, r.Record.Events)
	assert.Equal(t, "Claire Martin", r.Par.Professionnel)

	b, err := os.ReadFile(k)
	require.NoError(t, err)
	broken := strings.Replace(string(b), `"date_entree":"2025-03-03"`, `"date_entree":"2025-02-30"`, 1)
	require.NotEqual(t, string(b), broken)
	code, out, _ = runCLI(t, broken, append([]string{"purge", "--date", "2027-03-04", "-"}, claire...)...)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "-#1 : carnet c-1 ni conservé ni purgé")
	assert.Contains(t, out, "[CARNET-CONSERVATION-01]")
}

// TestExport: the person (usager, with the carnet's own identifier) and the
// référent in place receive the whole carnet; anyone else is refused: a
// partner (CLI-EXPORT-01), another person (CARNET-DROITS-08), a référent
// whose membership ended.
func TestExport(t *testing.T) {
	k := carnetExample("cej-jeune-laon")
	for _, tc := range []struct {
		name  string
		actor []string
		want  int
		fault string
	}{
		{"la personne", []string{"--role", "usager", "--personne", "p-laon-0427"}, exitOK, ""},
		{"le référent", []string{"--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre"}, exitOK, ""},
		{"un partenaire membre", []string{"--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois"}, exitInvalid, "CLI-EXPORT-01"},
		{"une autre personne", []string{"--role", "usager", "--personne", "p-autre"}, exitInvalid, "CARNET-DROITS-08"},
		{"un référent d'une autre structure", []string{"--role", "referent", "--structure", "22020000000010", "--professionnel", "Sarah Lefèvre"}, exitInvalid, "CLI-EXPORT-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"export", "--date", "2026-06-30", k}, tc.actor...)...)
			assert.Equal(t, tc.want, code, errOut)
			var r struct {
				Document string
				Export   *struct {
					Date   string `json:"date_export"`
					Carnet struct {
						ID string `json:"id"`
					} `json:"carnet"`
					Acces []struct{ Role string } `json:"acces"`
				} `json:"export"`
				Faults []struct{ Code string }
			}
			require.NoError(t, json.Unmarshal([]byte(out), &r))
			assert.Equal(t, k+"#1", r.Document)
			if tc.fault != "" {
				assert.Nil(t, r.Export)
				require.Len(t, r.Faults, 1)
				assert.Equal(t, tc.fault, r.Faults[0].Code)
				return
			}
			require.NotNil(t, r.Export)
			assert.Equal(t, "ml-laon-2025-0427", r.Export.Carnet.ID)
			assert.Equal(t, "2026-06-30", r.Export.Date)
			assert.Empty(t, r.Faults)
			// Two professional members are active on 2026-06-30 (the référent
			// since 2025-09-01, the driving school since 2025-10-01).
			assert.Len(t, r.Export.Acces, 2)
		})
	}
	code, _, errOut := runCLI(t, "", "export", "--role", "usager", k)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--personne obligatoire pour le rôle usager")
}

// TestExportNIR: when the carnet holds the person's NIR, the référent
// receives the whole carnet only if their structure is authorised to
// process it (acces_nir on their member record); the person always does.
// The NIR is written into the example's diagnostic by hand, so the journal
// no longer proves the content: the export still takes place and says so.
func TestExportNIR(t *testing.T) {
	b, err := os.ReadFile(carnetExample("cej-jeune-laon"))
	require.NoError(t, err)
	var k map[string]any
	require.NoError(t, json.Unmarshal(b, &k))
	k["diagnostic"].(map[string]any)["personne"].(map[string]any)["nir"] = "205040240812345"
	without, err := json.Marshal(k)
	require.NoError(t, err)
	for _, m := range k["membres"].([]any) {
		if m := m.(map[string]any); m["role"] == "referent" {
			m["acces_nir"] = true
		}
	}
	with, err := json.Marshal(k)
	require.NoError(t, err)
	sarah := []string{"export", "--date", "2026-06-30", "--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre", "-"}
	person := []string{"export", "--date", "2026-06-30", "--role", "usager", "--personne", "p-laon-0427", "-"}
	for _, tc := range []struct {
		name     string
		carnet   []byte
		args     []string
		exported bool
	}{
		{"référent non habilité", without, sarah, false},
		{"référent habilité", with, sarah, true},
		{"la personne", without, person, true},
	} {
		code, out, errOut := runCLI(t, string(tc.carnet), tc.args...)
		assert.Equal(t, exitInvalid, code, "%s : %s", tc.name, errOut)
		if tc.exported {
			assert.Contains(t, out, `"nir":"205040240812345"`, tc.name)
			assert.Contains(t, out, `"journal_non_verifie":[`, tc.name)
		} else {
			assert.NotContains(t, out, "205040240812345", tc.name)
			assert.Contains(t, out, `"code":"CLI-EXPORT-01"`, tc.name)
		}
	}
}
