package carnet_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// randomChanges applies n random changes (adds, updates, removals on every
// list, person and diagnostic) by random allowed actors.
func randomChanges(t *testing.T, c *carnet.Carnet, rng *rand.Rand, n int) {
	t.Helper()
	now := at("2025-03-04")
	if n := len(c.Journal); n > 0 && c.Journal[n-1].At.After(now) {
		now = c.Journal[n-1].At
	}
	ids := map[carnet.Target][]string{}
	for _, a := range c.Actions {
		ids[carnet.TargetActions] = append(ids[carnet.TargetActions], a.ID)
	}
	for _, o := range c.Objectifs {
		ids[carnet.TargetObjectifs] = append(ids[carnet.TargetObjectifs], o.ID)
	}
	for _, k := range c.Contacts {
		ids[carnet.TargetRendezVous] = append(ids[carnet.TargetRendezVous], k.ID)
	}
	for i := range n {
		now = now.Add(time.Duration(rng.IntN(72)+1) * time.Hour)
		day := spie.DateOf(now)
		target := []carnet.Target{carnet.TargetActions, carnet.TargetObjectifs, carnet.TargetRendezVous, carnet.TargetJalons,
			carnet.TargetContrats, carnet.TargetPersonne, carnet.TargetDiagnostic, carnet.TargetOrientations}[rng.IntN(8)]
		op := carnet.OpAdd
		var id string
		if len(ids[target]) > 0 && rng.IntN(3) > 0 {
			id = ids[target][rng.IntN(len(ids[target]))]
			op = carnet.OpUpdate
			if rng.IntN(4) == 0 {
				op = carnet.OpRemove
			}
		} else {
			id = fmt.Sprintf("%s-%d-%d", target, i, rng.IntN(100))
		}
		var v any
		switch target {
		case carnet.TargetActions:
			a := carnet.Action{ID: id, CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: carnet.ActionPlanned, ProposedOn: day, ProposedBy: referent, WeeklyHours: float64(rng.IntN(30))}
			if rng.IntN(3) == 0 {
				a.CatalogAction, a.Thematique, a.Comment = santeAction(), "sante", fmt.Sprintf("note %d", rng.IntN(1000))
			}
			v = a
		case carnet.TargetObjectifs:
			v = carnet.PlanObjectif{ID: id, Thematique: "mobilite", Objectif: "acceder-a-un-vehicule", Status: diagnostic.ObjectifEnCours, Date: day}
		case carnet.TargetRendezVous:
			v = carnet.Contact{ID: id, Date: day, Kind: carnet.ContactAppointment, Channel: "telephone", Result: carnet.ResultHonoured}
		case carnet.TargetJalons:
			v = carnet.Milestone{ID: id, Kind: "fin-droits-rsa", Date: day.AddDays(rng.IntN(90))}
		case carnet.TargetContrats:
			v = carnet.Contract{ID: id, Type: carnet.ContractEngagement, Start: day, WeeklyHours: float64(15 + rng.IntN(10))}
		case carnet.TargetOrientations:
			v = carnet.Orientation{ID: id, Date: day, Pathway: diagnostic.PathwayGlobal, StructureSIRET: siretDepartement, Reason: "réexamen"}
		case carnet.TargetPersonne:
			p := c.Person
			p.Commune = spie.CommuneCode(fmt.Sprintf("02%03d", rng.IntN(900)+1))
			v, id = p, ""
		case carnet.TargetDiagnostic:
			v, id = healthDiagnostic(fmt.Sprintf("m%d", rng.IntN(1000))), ""
		}
		if target == carnet.TargetPersonne || target == carnet.TargetDiagnostic {
			op = carnet.OpUpdate
		}
		if op == carnet.OpRemove {
			v = nil
		}
		actor := referent
		if target == carnet.TargetRendezVous && rng.IntN(2) == 0 {
			actor = partenaire
		}
		apply(t, c, actor, carnet.Change{Op: op, Target: target, ID: id, Value: v, At: now})
		switch op {
		case carnet.OpAdd:
			if id != "" {
				ids[target] = append(ids[target], id)
			}
		case carnet.OpRemove:
			var keep []string
			for _, x := range ids[target] {
				if x != id {
					keep = append(keep, x)
				}
			}
			ids[target] = keep
		}
	}
}

func TestReplayRebuildsTheCarnet(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprintf("graine-%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 2026))
			c := open(t, nil)
			randomChanges(t, c, rng, 5+rng.IntN(40))
			require.Empty(t, carnet.Verify(c.Journal))
			r, fs := carnet.Replay(c.Journal)
			require.Empty(t, fs)
			assert.Equal(t, c, r)
			assert.Equal(t, jsonOf(t, c), jsonOf(t, r))
			assert.Empty(t, c.CheckJournal())
		})
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	c := open(t, nil)
	randomChanges(t, c, rand.New(rand.NewPCG(1, 1)), 6)
	require.GreaterOrEqual(t, len(c.Journal), 7)
	tests := []struct {
		name   string
		tamper func(es []carnet.Event) []carnet.Event
		code   string
		path   string
	}{
		{"valeur modifiée", func(es []carnet.Event) []carnet.Event {
			es[3].After = []byte(`{"id":"x"}`)
			return es
		}, "CARNET-JOURNAL-01", "/journal/3/empreinte"},
		{"événement retiré", func(es []carnet.Event) []carnet.Event {
			return append(es[:2:2], es[3:]...)
		}, "CARNET-JOURNAL-02", "/journal/2/empreinte_precedente"},
		{"création retirée", func(es []carnet.Event) []carnet.Event { return es[1:] }, "CARNET-JOURNAL-03", "/journal/0"},
		{"auteur changé", func(es []carnet.Event) []carnet.Event {
			es[5].Actor.Professional = "quelqu'un d'autre"
			return es
		}, "CARNET-JOURNAL-01", "/journal/5/empreinte"},
		{"deux événements échangés", func(es []carnet.Event) []carnet.Event {
			es[2], es[3] = es[3], es[2]
			return es
		}, "CARNET-JOURNAL-02", "/journal/2/empreinte_precedente"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := tt.tamper(append([]carnet.Event(nil), c.Journal...))
			fs := carnet.Verify(es)
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			_, rfs := carnet.Replay(es)
			assert.NotEmpty(t, rfs)
		})
	}
	t.Run("réécrit avec les clés triées : empreintes inchangées", func(t *testing.T) {
		var generic any
		require.NoError(t, json.Unmarshal([]byte(jsonOf(t, c)), &generic))
		var back carnet.Carnet
		require.NoError(t, json.Unmarshal([]byte(jsonOf(t, generic)), &back))
		assert.Empty(t, carnet.Verify(back.Journal))
		assert.Empty(t, back.CheckJournal())
	})
	t.Run("contenu modifié hors journal", func(t *testing.T) {
		x := c.Cloned()
		x.Person.Commune = "75056"
		assert.True(t, x.CheckJournal().HasCode("CARNET-JOURNAL-10"))
	})
	t.Run("journal vide", func(t *testing.T) {
		_, fs := carnet.Replay(nil)
		assert.True(t, fs.HasCode("CARNET-JOURNAL-04"))
	})
}

func TestApplyRefusesBadChanges(t *testing.T) {
	c := open(t, nil)
	a := carnet.Action{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: carnet.ActionPlanned, ProposedOn: "2025-03-05", ProposedBy: referent}
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1", Value: a, At: at("2025-03-05")})
	before := jsonOf(t, c)
	tests := []struct {
		name string
		ch   carnet.Change
		code string
	}{
		{"ajout d'un id existant", carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1", Value: a, At: at("2025-03-06")}, "CARNET-CHANGE-04"},
		{"modification d'un id absent", carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "zz", Value: a, At: at("2025-03-06")}, "CARNET-CHANGE-03"},
		{"retrait d'un id absent", carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetActions, ID: "zz", At: at("2025-03-06")}, "CARNET-CHANGE-03"},
		{"id différent", carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "a1", Value: withID(a, "a2"), At: at("2025-03-06")}, "CARNET-CHANGE-05"},
		{"valeur absente", carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "a1", At: at("2025-03-06")}, "CARNET-CHANGE-02"},
		{"cible inconnue", carnet.Change{Op: carnet.OpAdd, Target: "inconnue", ID: "x", Value: a, At: at("2025-03-06")}, "CARNET-CHANGE-01"},
		{"retrait de la personne", carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetPersonne, At: at("2025-03-06")}, "CARNET-CHANGE-01"},
		{"recréation", carnet.Change{Op: carnet.OpCreate, Target: carnet.TargetCarnet, Value: a, At: at("2025-03-06")}, "CARNET-CHANGE-01"},
		{"horodatage antérieur", carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetActions, ID: "a1", At: at("2025-03-04")}, "CARNET-CHANGE-06"},
		{"horodatage absent", carnet.Change{Op: carnet.OpRemove, Target: carnet.TargetActions, ID: "a1"}, "CARNET-CHANGE-06"},
		{"valeur d'un autre type", carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "a1", Value: map[string]any{"id": "a1", "statut": 3}, At: at("2025-03-06")}, "CARNET-JOURNAL-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := carnet.Apply(c, tt.ch, referent)
			assert.True(t, fs.HasCode(tt.code), "%v", fs)
			assert.Equal(t, before, jsonOf(t, c), "le carnet ne doit pas changer")
		})
	}
}

// TestApplyReplayFaultWithoutLibraryText: a value of the wrong type is
// described by socle (member, type found) in French and English, never with
// encoding/json's English text (found by TestValidateDifferential: a
// priorite written 2.0 in a journal event).
func TestApplyReplayFaultWithoutLibraryText(t *testing.T) {
	c := open(t, nil)
	a := carnet.Action{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: carnet.ActionPlanned, ProposedOn: "2025-03-05", ProposedBy: referent}
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1", Value: a, At: at("2025-03-05")})
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetActions, ID: "a1", Value: map[string]any{"id": "a1", "statut": 3}, At: at("2025-03-06")}, referent)
	require.True(t, fs.HasCode("CARNET-JOURNAL-05"), "%v", fs)
	for _, f := range fs {
		for _, text := range []string{f.Message, f.MessageEN} {
			assert.NotContains(t, text, "json:")
			assert.NotContains(t, text, "cannot unmarshal")
		}
	}
}

func ExampleReplay() {
	c, _ := carnet.Create(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Start: "2025-03-03"}},
	}, carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetJalons, ID: "j-1",
		Value: carnet.Milestone{ID: "j-1", Kind: "fin-droits-rsa", Date: "2025-09-30"}, At: time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)},
		carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"})
	fmt.Println(len(fs), len(c.Journal), len(carnet.Verify(c.Journal)))
	r, _ := carnet.Replay(c.Journal)
	fmt.Println(r.Milestones[0].Kind, r.Milestones[0].Origin)
	// Output:
	// 0 2 0
	// fin-droits-rsa c-1
}

func withID(a carnet.Action, id string) carnet.Action {
	a.ID = id
	return a
}
