package cdb_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cdb"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/reftest"
	"github.com/spie-fr/socle/spie"
)

var update = flag.Bool("update", false, "réécrit les fichiers de référence (golden)")

// The fixture testdata/notebook-laon.json is our own notebook, built to the
// peer's tables (gip-inclusion/carnet-de-bord at commit
// e0fe72120e7fec28d919b84d076fb1db62962d3f: hasura/migrations/carnet_de_bord
// for the columns, hasura/seeds/carnet_de_bord/seed-data.sql for the shapes
// of the rows: a référent replaced, a no_referent member, an
// orientation_manager without structure, the seed's "Demande SIAO" action
// and "Travailler l’accès aux droits" target, appointments present, absent,
// pending and the seed's unknown status "current").
const (
	fixture      = "testdata/notebook-laon.json"
	siretCD      = spie.SIRET("22020000000010") // structure of the current référent
	siretFT      = spie.SIRET("13002526500013") // structure of the former référent
	communeLaon  = spie.CommuneCode("02408")
	notebookCarn = "cdb-4f1c0a9e-2b7d-4c61-9a0e-5d3b8e7f6a21"
)

var importAt = time.Date(2023, 11, 15, 10, 0, 0, 0, time.UTC)

func options(siret spie.SIRET) cdb.Options {
	return cdb.Options{SIRET: siret, Commune: communeLaon, At: importAt,
		CarnetOptions: []carnet.Option{carnet.WithClock(func() time.Time { return importAt })}}
}

func load(t *testing.T) *cdb.Notebook {
	t.Helper()
	b, err := os.ReadFile(fixture)
	require.NoError(t, err)
	n, fs := cdb.Parse(b)
	require.Empty(t, fs)
	require.NotNil(t, n)
	return n
}

func importFixture(t *testing.T) (*carnet.Carnet, cdb.Report, spie.Faults) {
	t.Helper()
	c, rep, fs := cdb.Import(load(t), options(siretCD))
	require.NotNil(t, c, "%v", fs)
	return c, rep, fs
}

func line(t *testing.T, rep cdb.Report, source string) cdb.Line {
	t.Helper()
	for _, l := range rep.Lines {
		if l.Source == source {
			return l
		}
	}
	t.Fatalf("pas de ligne pour %s", source)
	return cdb.Line{}
}

// TestImportTargets: each target of the fixture, and what the peer's
// referential says of it (expected keys are those socle gives to the
// current label, found with diagnostic.ObjectifForCarnet under the theme of
// the current ref_target row).
func TestImportTargets(t *testing.T) {
	c, rep, fs := importFixture(t)
	key := func(theme, label string) string {
		o, ok := diagnostic.ObjectifForCarnet(theme, label)
		require.True(t, ok, "%s|%s", theme, label)
		return string(o)
	}
	tests := []struct {
		name    string
		source  string
		outcome cdb.Outcome
		key     string
		free    string
	}{
		// current ref_target row logement|Accéder à un logement
		{"libellé actuel", "/focuses/0/targets/0", cdb.Mapped, key("logement", "Accéder à un logement"), ""},
		// 1674589230652_update-referentiel-situations: 'Travailler l’accès aux
		// droits' → 'Bénéficier d’un accompagnement pour accéder aux droits'
		{"libellé de 2022 (seed)", "/focuses/1/targets/0", cdb.MappedLegacy, key("difficulte_administrative", "Bénéficier d’un accompagnement pour accéder aux droits"), ""},
		// 1680096458377_add-ref-theme: the ref_target row moved from emploi to
		// choisir_un_metier, the focus kept emploi
		{"thème d'avant 2023", "/focuses/2/targets/0", cdb.MappedLegacy, key("choisir_un_metier", "Confirmer son choix de métier"), ""},
		// 1680096458377_add-ref-theme: 'Travailler les techniques de
		// recherches d'emplois' → 'Réaliser un CV et/ou une lettre de motivation'
		{"libellé et thème d'avant 2023", "/focuses/2/targets/1", cdb.MappedLegacy, key("preparer_sa_candidature", "Réaliser un CV et/ou une lettre de motivation"), ""},
		{"texte libre", "/focuses/2/targets/2", cdb.FreeText, "", "Obtenir le CACES R489 cariste"},
		// 1680096458377_add-ref-theme renamed the ref_target row only: the
		// notebooks kept 'Définir un parcours de formation personnalisé'
		{"renommage du référentiel seul", "/focuses/3/targets/0", cdb.MappedLegacy, key("se_former", "Monter son dossier de formation"), ""},
		{"thème formation d'avant 2023", "/focuses/3/targets/1", cdb.MappedLegacy, key("se_former", "Trouver sa formation"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := line(t, rep, tt.source)
			assert.Equal(t, tt.outcome, l.Outcome)
			assert.Equal(t, tt.key, l.Key)
			var o carnet.PlanObjectif
			found := false
			for _, x := range c.Objectifs {
				if "/objectifs/"+fmt.Sprint(indexOf(c.Objectifs, x.ID)) == l.Target {
					o, found = x, true
				}
			}
			require.True(t, found, l.Target)
			assert.Equal(t, tt.key, string(o.Objectif))
			assert.Equal(t, tt.free, o.FreeLabel)
			if tt.key != "" {
				assert.Equal(t, o.Objectif.Thematique(), o.Thematique)
			}
			switch tt.outcome {
			case cdb.MappedLegacy:
				assert.True(t, fs.Has("CARNET-IMPORT-11", tt.source+"/target"), "%v", fs)
			case cdb.FreeText:
				assert.True(t, fs.Has("CARNET-IMPORT-12", tt.source+"/target"), "%v", fs)
			}
		})
	}
}

func indexOf(os []carnet.PlanObjectif, id string) int {
	for i, o := range os {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// TestImportActions: each action of the fixture.
func TestImportActions(t *testing.T) {
	c, rep, fs := importFixture(t)
	key := func(theme, label string) carnet.CatalogAction {
		a, ok := carnet.CatalogActionForCarnet(theme, label)
		require.True(t, ok, "%s|%s", theme, label)
		return a
	}
	byID := map[string]carnet.Action{}
	for _, a := range c.Actions {
		byID[a.ID] = a
	}
	tests := []struct {
		id      string
		source  string
		outcome cdb.Outcome
		key     carnet.CatalogAction
		status  carnet.ActionStatus
		end     spie.Date
	}{
		// 1646932547523_update_referentiel: 'Demande SIAO' → "Demande
		// d'hébergement ( SIAO )"; done, ended at its updated_at (2022-01-14
		// 16:40 UTC, 17:40 in Laon)
		{"a-siao", "/focuses/0/targets/0/actions/0", cdb.MappedLegacy, key("logement", "Demande d'hébergement ( SIAO )"), carnet.ActionDone, "2022-01-14"},
		{"a-hlm", "/focuses/0/targets/0/actions/1", cdb.Mapped, key("logement", "Demande de logement social"), carnet.ActionOngoing, ""},
		{"a-visite", "/focuses/0/targets/0/actions/2", cdb.FreeText, "", carnet.ActionPlanned, ""},
		{"a-css", "/focuses/1/targets/0/actions/0", cdb.Mapped, key("difficulte_administrative", "Demande de CSS"), carnet.ActionDone, "2021-11-30"},
		// 1646932547523_update_referentiel: 'Dossier Caf' → 'Réalisation d’une
		// demande de prestation ou / droit CAF/MSA ( allocation familiale,
		// PAJE… )'; 'abandoned' is the status before 1684311013795_action_status
		{"a-caf", "/focuses/1/targets/0/actions/1", cdb.MappedLegacy, key("difficulte_administrative", "Réalisation d’une demande de prestation ou / droit CAF/MSA ( allocation familiale, PAJE… )"), carnet.ActionAbandoned, "2022-02-01"},
		{"a-plie", "/focuses/2/targets/0/actions/0", cdb.Mapped, key("emploi", "Orientation PLIE"), carnet.ActionOnHold, ""},
		// 1646932547523_update_referentiel: 'Prépa-Compétences' →
		// 'Orientation Prépa-Compétences'; canceled has no end date
		{"a-prepa", "/focuses/2/targets/0/actions/1", cdb.MappedLegacy, key("emploi", "Orientation Prépa-Compétences"), carnet.ActionCancelled, ""},
		{"a-atelier", "/focuses/2/targets/1/actions/0", cdb.FreeText, "", carnet.ActionDone, "2022-04-08"},
		{"a-caces", "/focuses/2/targets/2/actions/0", cdb.FreeText, "", carnet.ActionPlanned, ""},
	}
	require.Len(t, c.Actions, len(tests))
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			l := line(t, rep, tt.source)
			assert.Equal(t, tt.outcome, l.Outcome)
			a := byID[tt.id]
			assert.Equal(t, tt.key, a.CatalogAction)
			assert.Equal(t, tt.status, a.Status)
			assert.Equal(t, tt.end, a.End)
			if tt.outcome == cdb.FreeText {
				assert.NotEmpty(t, a.FreeLabel)
				assert.True(t, fs.Has("CARNET-IMPORT-12", tt.source+"/action"), "%v", fs)
			} else {
				assert.Empty(t, a.FreeLabel)
				assert.Equal(t, a.CatalogAction.Thematique(), a.Thematique)
			}
		})
	}
	// the free texts are carried word for word
	assert.Equal(t, "Visite de l'appartement rue Châtelaine avec le bailleur", byID["a-visite"].FreeLabel)
	// an author who is no longer a member is said so
	assert.True(t, fs.Has("CARNET-IMPORT-21", "/focuses/1/targets/0/actions/1/creator_id"))
	assert.Equal(t, carnet.Actor{Professional: "Aurélie Bordes", StructureSIRET: "77567227200009", Role: carnet.RolePartenaire}, byID["a-prepa"].ProposedBy)
}

// TestImportPeopleAndDates: person, members, orientations, appointments.
func TestImportPeopleAndDates(t *testing.T) {
	c, rep, fs := importFixture(t)
	// the person: pseudonymous id, birth date, commune, RSA open
	assert.Equal(t, carnet.SupportedPerson{ID: "b7e2d4c0-61a3-4f8e-9c15-0a2f3e4d5b69", BirthDate: "1982-02-01", Commune: communeLaon, RSA: true}, c.Person)
	assert.Equal(t, spie.Date("2021-09-21"), c.EntryDate)
	f := faultAt(fs, "CARNET-IMPORT-10", "/beneficiary")
	require.NotNil(t, f)
	assert.Contains(t, f.Message, "nir")
	assert.NotContains(t, f.Message, "2820202408123", "le NIR n'apparaît jamais dans le rapport")

	// members: the former référent ends the day before the new one's start
	// (2023-06-05); the orientation manager has no structure
	require.Len(t, c.Members, 3)
	assert.Equal(t, spie.Date("2023-06-04"), c.Members[0].End)
	assert.Equal(t, siretFT, c.Members[0].StructureSIRET)
	assert.Equal(t, carnet.RolePartenaire, c.Members[2].Role)
	assert.True(t, fs.Has("CARNET-IMPORT-17", "/members/3"))
	ref, ok := c.Referent("2023-11-15")
	require.True(t, ok)
	assert.Equal(t, siretCD, ref.StructureSIRET)

	// orientations: social decided 2021-09-20 names the structure of the
	// référent who came next (France Travail), sociopro 2023-06-02 that of the
	// référent who came after it; the pending request is not a decision
	require.Len(t, c.Orientations, 2)
	assert.Equal(t, diagnostic.PathwaySocial, c.Orientations[0].Pathway)
	assert.Equal(t, siretFT, c.Orientations[0].StructureSIRET)
	assert.Equal(t, diagnostic.PathwayGlobal, c.Orientations[1].Pathway)
	assert.Equal(t, siretCD, c.Orientations[1].StructureSIRET)
	// the re-orientation came without a reason: none is invented (the
	// carnet's rule warns, CARNET-ORIENTATION-11)
	assert.Empty(t, c.Orientations[1].Reason)
	assert.False(t, fs.HasCode("CARNET-IMPORT-19"))
	assert.True(t, fs.Has("CARNET-IMPORT-18", "/orientation_requests/2"))

	// appointments: 2021-09-21 13:15 UTC is 15:15 in Laon; the deleted one
	// and the unknown status are reported, not carried
	require.Len(t, c.Contacts, 4)
	assert.Equal(t, carnet.Contact{ID: "rdv-1", Date: "2021-09-21", Kind: carnet.ContactAppointment, Channel: "non-renseigne", Result: carnet.ResultHonoured,
		StructureSIRET: siretFT, Professional: "Thierry Dunord", Origin: notebookCarn}, c.Contacts[0])
	assert.Equal(t, carnet.ResultNoShow, c.Contacts[1].Result)
	assert.Equal(t, carnet.ResultPlanned, c.Contacts[3].Result)
	assert.True(t, fs.Has("CARNET-IMPORT-20", "/appointments/4"))
	assert.True(t, fs.Has("CARNET-IMPORT-20", "/appointments/5"))

	// the situations of the focuses are listed, to be entered in the diagnostic
	assert.True(t, fs.Has("CARNET-IMPORT-16", "/focuses/2/situations"))
	assert.Equal(t, cdb.Dropped, line(t, rep, "/focuses/2/situations/1").Outcome)

	// only warnings; the carnet is valid, its journal verified
	assert.Empty(t, fs.Errors())
	require.Len(t, c.Journal, 1)
	assert.Equal(t, carnet.Actor{Professional: "Pierre Chevalier", StructureSIRET: siretCD, Role: carnet.RoleReferent}, c.Journal[0].Actor)
	assert.Empty(t, c.Check(importAt).Errors())
	_, rfs := carnet.Replay(c.Journal)
	assert.Empty(t, rfs)
}

func faultAt(fs spie.Faults, code, path string) *spie.Fault {
	for i := range fs {
		if fs[i].Code == code && fs[i].Path == path {
			return &fs[i]
		}
	}
	return nil
}

// TestReportCounts: every element of the notebook is in the report once,
// and the counts add up (worked by hand from the fixture: 7 targets + 9
// actions + 3 situations + 4 members + 3 requests + 6 appointments = 32).
func TestReportCounts(t *testing.T) {
	_, rep, _ := importFixture(t)
	assert.Len(t, rep.Lines, 32)
	seen := map[string]bool{}
	total := 0
	for _, l := range rep.Lines {
		assert.False(t, seen[l.Source], "%s deux fois", l.Source)
		seen[l.Source] = true
	}
	for _, n := range rep.Counts {
		total += n
	}
	assert.Equal(t, len(rep.Lines), total)
	// mapped = 1 target (logement) + 3 actions (a-hlm, a-css, a-plie) +
	// 3 members + 2 orientations + 4 appointments
	assert.Equal(t, 13, rep.Counts[cdb.Mapped])
	// legacy = 5 targets + 3 actions
	assert.Equal(t, 8, rep.Counts[cdb.MappedLegacy])
	// free text = 1 target + 3 actions
	assert.Equal(t, 4, rep.Counts[cdb.FreeText])
	// dropped = 3 situations + 1 member + 1 request + 2 appointments
	assert.Equal(t, 7, rep.Counts[cdb.Dropped])
}

// TestGolden compares the whole import (carnet without its journal, report,
// fault codes and paths) with testdata/notebook-laon.golden.json; -update
// rewrites it after a deliberate change, read before committing.
func TestGolden(t *testing.T) {
	c, rep, fs := importFixture(t)
	c.Journal = nil
	type fault struct{ Code, Path string }
	var fl []fault
	for _, f := range fs {
		fl = append(fl, fault{f.Code, f.Path})
	}
	got, err := json.MarshalIndent(map[string]any{"carnet": c, "rapport": rep, "fautes": fl}, "", " ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "notebook-laon.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

func TestRefused(t *testing.T) {
	n := load(t)
	tests := []struct {
		name string
		opts cdb.Options
		code string
		path string
	}{
		// the former référent's structure may not open the carnet
		{"structure d'un ancien référent", options(siretFT), "CARNET-IMPORT-03", "/members"},
		{"structure partenaire", options("77567227200009"), "CARNET-IMPORT-03", "/members"},
		{"sans commune", cdb.Options{SIRET: siretCD, At: importAt}, "CARNET-IMPORT-04", "/beneficiary/postal_code"},
		// carnet.Create refuses a creation in the future of its clock
		{"horodatage futur", cdb.Options{SIRET: siretCD, Commune: communeLaon, At: importAt.Add(time.Hour),
			CarnetOptions: []carnet.Option{carnet.WithClock(func() time.Time { return importAt })}}, "CARNET-CHANGE-07", "/journal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, fs := cdb.Import(n, tt.opts)
			assert.Nil(t, c)
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
	c, _, fs := cdb.Import(nil, options(siretCD))
	assert.Nil(t, c)
	assert.True(t, fs.HasCode("CARNET-IMPORT-02"))
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, doc, code, msg string
	}{
		{"vide", "", "CARNET-IMPORT-02", ""},
		{"null", "null", "CARNET-IMPORT-02", ""},
		{"objet vide", "{}", "CARNET-IMPORT-02", ""},
		{"mal formé", `{"id": `, "CARNET-IMPORT-01", "JSON tronqué"},
		{"champ inconnu", `{"id": "x", "focus": []}`, "CARNET-IMPORT-01", `champ inconnu "focus"`},
		{"mauvais type", `{"id": 3}`, "CARNET-IMPORT-01", "n'a pas le bon type"},
		{"contenu après", `{"id": "x"} {}`, "CARNET-IMPORT-01", "contenu après le carnet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, fs := cdb.Parse([]byte(tt.doc))
			assert.Nil(t, n)
			require.True(t, fs.HasCode(tt.code), "%v", fs)
			assert.Contains(t, fs[0].Message, tt.msg)
			assert.NotContains(t, fs[0].Message, "json:", "pas de texte anglais de la bibliothèque")
		})
	}
}

// TestUnknownThemeAndStatus: an unknown theme or status is reported, never
// guessed.
func TestUnknownThemeAndStatus(t *testing.T) {
	n := load(t)
	n.Focuses[3].Theme = "theme_inconnu"
	n.Focuses[0].Targets[0].Actions[1].Status = "archived"
	c, rep, fs := cdb.Import(n, options(siretCD))
	require.NotNil(t, c, "%v", fs)
	assert.True(t, fs.Has("CARNET-IMPORT-13", "/focuses/3/theme"))
	assert.True(t, fs.Has("CARNET-IMPORT-14", "/focuses/0/targets/0/actions/1/status"))
	assert.Equal(t, cdb.Dropped, line(t, rep, "/focuses/3").Outcome)
	assert.Len(t, c.Objectifs, 5)
	assert.Len(t, c.Actions, 8)
}

// readPSV reads a carnet de bord referential (theme|libelle rows).
func readPSV(t *testing.T, name string) [][2]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(reftest.Dir(t), "carnet-de-bord", name))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	require.Equal(t, "theme|libelle", lines[0])
	var rows [][2]string
	for _, l := range lines[1:] {
		th, lb, _ := strings.Cut(l, "|")
		rows = append(rows, [2]string{th, lb})
	}
	return rows
}

// notebookOf is a notebook with one focus per row, the row's label as a
// target (kind objectif) or as the action of one target (kind action).
func notebookOf(rows [][2]string, kind string) *cdb.Notebook {
	yes := true
	n := &cdb.Notebook{ID: "n", CreatedAt: "2023-01-02",
		Beneficiary: &cdb.Beneficiary{ID: "p", DateOfBirth: "1990-01-01"},
		Members: []cdb.NotebookMember{{ID: "m", AccountID: "a", MemberType: "referent", Active: &yes, CreatedAt: "2023-01-02",
			Account: &cdb.Account{Professional: &cdb.Professional{Lastname: "Réf", Structure: &cdb.Structure{SIRET: string(siretCD)}}}}}}
	for i, r := range rows {
		f := cdb.Focus{ID: fmt.Sprint("f", i), Theme: r[0]}
		if kind == "objectif" {
			f.Targets = []cdb.Target{{ID: fmt.Sprint("t", i), Target: r[1], CreatedAt: "2023-01-02"}}
		} else {
			f.Targets = []cdb.Target{{ID: fmt.Sprint("t", i), Target: "Objectif libre", CreatedAt: "2023-01-02",
				Actions: []cdb.Action{{ID: fmt.Sprint("a", i), Action: r[1], CreatorID: "a", CreatedAt: "2023-01-02"}}}}
		}
		n.Focuses = append(n.Focuses, f)
	}
	return n
}

func countOutcomes(rep cdb.Report, kind string) map[cdb.Outcome]int {
	m := map[cdb.Outcome]int{}
	for _, l := range rep.Lines {
		if l.Kind == kind {
			m[l.Outcome]++
		}
	}
	return m
}

// TestPeerReferential runs the peer's referential through the import: every
// current row (58 ref_target, 134 ref_action) maps under its own theme, and
// every former label of Renamings (the peer's migrations) maps through the
// table, whatever the theme of its focus.
func TestPeerReferential(t *testing.T) {
	targets, actions := readPSV(t, "ref_target.psv"), readPSV(t, "ref_action.psv")
	require.Len(t, targets, 58)
	require.Len(t, actions, 134)
	for _, tc := range []struct {
		kind string
		rows [][2]string
	}{{"objectif", targets}, {"action", actions}} {
		c, rep, fs := cdb.Import(notebookOf(tc.rows, tc.kind), options(siretCD))
		require.NotNil(t, c, "%v", fs.Errors())
		assert.Equal(t, map[cdb.Outcome]int{cdb.Mapped: len(tc.rows)}, countOutcomes(rep, tc.kind), tc.kind)
	}

	// the former labels, each under the first theme of its kind (the focus
	// theme does not matter once the label is known)
	var oldT, oldA [][2]string
	seen := map[string]bool{}
	current := map[string]bool{}
	for _, r := range append(targets, actions...) {
		current[r[1]] = true
	}
	for _, r := range cdb.Renamings {
		if seen[r.Kind+r.Old] || current[r.Old] {
			continue
		}
		seen[r.Kind+r.Old] = true
		if r.Kind == "objectif" {
			oldT = append(oldT, [2]string{"emploi", r.Old})
		} else {
			oldA = append(oldA, [2]string{"emploi", r.Old})
		}
	}
	for _, tc := range []struct {
		kind string
		rows [][2]string
	}{{"objectif", oldT}, {"action", oldA}} {
		c, rep, fs := cdb.Import(notebookOf(tc.rows, tc.kind), options(siretCD))
		require.NotNil(t, c, "%v", fs.Errors())
		got := countOutcomes(rep, tc.kind)
		assert.Equal(t, map[cdb.Outcome]int{cdb.MappedLegacy: len(tc.rows)}, got, tc.kind)
		t.Logf("%s : %d anciens libellés, %d repris", tc.kind, len(tc.rows), got[cdb.MappedLegacy])
	}
}

// TestRenamingsTable: the table is the peer's, with its source on each row,
// and every chain of renamings ends in the current referential.
func TestRenamingsTable(t *testing.T) {
	assert.Equal(t, "e0fe72120e7fec28d919b84d076fb1db62962d3f", cdb.LegacySourceCommit)
	current := map[string]map[string]bool{"objectif": {}, "action": {}}
	for _, r := range readPSV(t, "ref_target.psv") {
		current["objectif"][r[1]] = true
	}
	for _, r := range readPSV(t, "ref_action.psv") {
		current["action"][r[1]] = true
	}
	for _, r := range cdb.Renamings {
		require.Contains(t, []string{"objectif", "action"}, r.Kind)
		assert.NotEqual(t, r.Old, r.New)
		assert.Regexp(t, `^\d{13}_[\w-]+/up\.sql \((notebook|ref)_(target|action)\)$`, r.Source)
		cur := r.Old
		for _, s := range cdb.Renamings {
			if s.Kind == r.Kind && s.Old == cur {
				cur = s.New
			}
		}
		assert.True(t, current[r.Kind][cur] || current[r.Kind][r.Old], "%s %q → %q hors référentiel", r.Kind, r.Old, cur)
	}
	// hand-checked rows of the migrations
	assert.Contains(t, cdb.Renamings, cdb.Renaming{Kind: "objectif", Old: "Définir un parcours de formation personnalisé", New: "Monter son dossier de formation", Source: "1680096458377_add-ref-theme/up.sql (ref_target)"})
	assert.Contains(t, cdb.Renamings, cdb.Renaming{Kind: "action", Old: "Demande SIAO", New: "Demande d'hébergement ( SIAO )", Source: "1646932547523_update_referentiel/up.sql (notebook_action)"})
	assert.Contains(t, cdb.Renamings, cdb.Renaming{Kind: "objectif", Old: "Développer son réseeau", New: "Développer son réseau", Source: "1686148392370_fix-typo-reseeau/up.sql (ref_target)"})
}

// TestDeadEndLabels: two 2022 target labels were renamed by
// 1646932547523_update_referentiel to labels the peer later removed from
// ref_target ("Bénéficier d'une aide financière pour le passage du permis
// de conduire", "… pour l'achat de véhicule" are not in ref_target.psv):
// they have no current row, so they are kept word for word as free text.
func TestDeadEndLabels(t *testing.T) {
	rows := [][2]string{
		{"mobilite", "Bénéficier d'un accompagnement pour le passage du code de la route"},
		{"mobilite", "Bénéficier d'une aide financière pour le passage du permis de conduire ou achat de véhicule"},
	}
	c, rep, fs := cdb.Import(notebookOf(rows, "objectif"), options(siretCD))
	require.NotNil(t, c, "%v", fs.Errors())
	assert.Equal(t, map[cdb.Outcome]int{cdb.FreeText: 2}, countOutcomes(rep, "objectif"))
	assert.Equal(t, rows[0][1], c.Objectifs[0].FreeLabel)
	assert.Equal(t, rows[1][1], c.Objectifs[1].FreeLabel)
}

// TestLinkedAndSituations: a target linked to a contract says the link is
// not carried; a situation of the current referential names the socle
// situation to enter in the diagnostic.
func TestLinkedAndSituations(t *testing.T) {
	_, rep, fs := importFixture(t)
	// t-logement and t-droits are linked to the CER in the fixture (as in
	// the seed's notebook_target rows)
	assert.True(t, fs.Has("CARNET-IMPORT-23", "/focuses/0/targets/0/linked_to"))
	assert.True(t, fs.Has("CARNET-IMPORT-23", "/focuses/1/targets/0/linked_to"))
	assert.False(t, fs.Has("CARNET-IMPORT-23", "/focuses/2/targets/0/linked_to"))
	// ref_situation.psv: emploi|Plus de 2 ans sans emploi
	s, ok := diagnostic.SituationForCarnet("emploi", "Plus de 2 ans sans emploi")
	require.True(t, ok)
	assert.Equal(t, string(s), line(t, rep, "/focuses/2/situations/0").Key)
}

// TestDroppedTargetReportsItsActions: a target that cannot be carried (its
// status unknown, its date unreadable) takes its actions with it; each
// action is in the report as dropped, so that the report accounts for every
// element of the notebook (found by FuzzParse: 16 targets and actions, 15
// lines). The fixture's first target has 3 actions (notebook-laon.json).
func TestDroppedTargetReportsItsActions(t *testing.T) {
	for name, edit := range map[string]func(n *cdb.Notebook){
		"statut inconnu": func(n *cdb.Notebook) { n.Focuses[0].Targets[0].Status = "archived" },
		"date illisible": func(n *cdb.Notebook) { n.Focuses[0].Targets[0].CreatedAt = "2021-13-45" },
	} {
		t.Run(name, func(t *testing.T) {
			n := load(t)
			require.Len(t, n.Focuses[0].Targets[0].Actions, 3)
			edit(n)
			_, rep, _ := cdb.Import(n, options(siretCD))
			assert.Equal(t, cdb.Dropped, line(t, rep, "/focuses/0/targets/0").Outcome)
			for k := range 3 {
				assert.Equal(t, cdb.Dropped, line(t, rep, spie.Pointer("focuses", 0, "targets", 0, "actions", k)).Outcome)
			}
		})
	}
}
