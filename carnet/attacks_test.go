package carnet_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// Attack tests of issue 16 (rights on every path): each reproduces one
// finding through the Go API, on the test carnet of helpers_test.go.

// referentMember returns the member record that designates actor as référent from day.
func referentMember(id string, a carnet.Actor, day spie.Date) carnet.Member {
	return carnet.Member{ID: id, Role: carnet.RoleReferent, StructureSIRET: a.StructureSIRET, Professional: a.Professional, Start: day}
}

// endReferent returns the change that ends the real référent (m-ref of base()) on day.
func endReferent(day spie.Date) carnet.Change {
	m := base().Members[1]
	m.End = day
	m.Origin = "c-77-001"
	return carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: m.ID, Value: m, At: at(string(day))}
}

// TestAttackSelfAppointment: a coordinator or a chargé d'orientation, who
// may write the members list, adds itself as référent, or ends the real
// one. Designating a référent is a right of its own (only the person, the
// current référent, or a chargé d'orientation carrying out an orientation
// decision recorded in the carnet) and nobody designates themself.
func TestAttackSelfAppointment(t *testing.T) {
	for _, attacker := range []carnet.Actor{coord, chargeOri} {
		t.Run(string(attacker.Role)+" se désigne référent", func(t *testing.T) {
			c := open(t, nil)
			n := len(c.Journal)
			fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-pirate",
				Value: referentMember("m-pirate", attacker, "2025-04-01"), At: at("2025-04-01")}, attacker)
			assert.False(t, fs.Valid(), "auto-désignation acceptée")
			assert.Equal(t, n, len(c.Journal), "journal inchangé")
			assert.NotNil(t, carnet.Authorize(c, carnet.Actor{Professional: attacker.Professional, StructureSIRET: attacker.StructureSIRET, Role: carnet.RoleReferent},
				carnet.SectionSante, carnet.AccessRead, "2025-04-02"), "l'attaquant lit les données de santé")
		})
		t.Run(string(attacker.Role)+" met fin au référent", func(t *testing.T) {
			c := open(t, nil)
			fs := carnet.Apply(c, endReferent("2025-04-01"), attacker)
			assert.False(t, fs.Valid(), "fin du référent acceptée")
			_, ok := c.Referent("2025-04-02")
			assert.True(t, ok, "le référent reste en place")
		})
	}
}

// TestDesignateReferent: who may designate a référent, and on what grounds.
func TestDesignateReferent(t *testing.T) {
	paul := carnet.Actor{Professional: "Paul Durand", StructureSIRET: siretFT, Role: carnet.RoleReferent}
	orientFT := carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetOrientations, ID: "o-ft",
		Value: carnet.Orientation{ID: "o-ft", Date: "2025-04-01", Pathway: "emploi", Organisation: "france-travail", StructureSIRET: siretFT}, At: at("2025-04-01")}
	designate := func(id string, a carnet.Actor) carnet.Change {
		return carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: id, Value: referentMember(id, a, "2025-04-02"), At: at("2025-04-02")}
	}
	tests := []struct {
		name   string
		setup  []carnet.Change // by the référent
		actor  carnet.Actor
		change carnet.Change
		code   string // "" accepted
	}{
		{"le référent désigne un autre référent", nil, referent, designate("m-ft", paul), ""},
		{"la personne désigne un référent", nil, usager, designate("m-ft", paul), ""},
		{"chargé d'orientation sans décision d'orientation", nil, chargeOri, designate("m-ft", paul), "CARNET-DROITS-06"},
		{"chargé d'orientation exécutant l'orientation vers France Travail", []carnet.Change{orientFT}, chargeOri, designate("m-ft", paul), ""},
		{"chargé d'orientation désignant une autre structure que l'orientation", []carnet.Change{orientFT}, chargeOri,
			designate("m-ml", carnet.Actor{Professional: "X", StructureSIRET: siretML, Role: carnet.RoleReferent}), "CARNET-DROITS-06"},
		{"chargé d'orientation mettant fin au référent réorienté", []carnet.Change{orientFT}, chargeOri, endReferent("2025-04-02"), ""},
		{"coordinateur désigne un tiers", nil, coord, designate("m-ft", paul), "CARNET-DROITS-06"},
		{"le référent se désigne une seconde fois", nil, referent, designate("m-bis", referent), "CARNET-DROITS-07"},
		{"le référent met fin à son propre mandat", nil, referent, endReferent("2025-04-02"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := open(t, nil)
			for _, ch := range tt.setup {
				apply(t, c, referent, ch)
			}
			fs := carnet.Apply(c, tt.change, tt.actor)
			if tt.code == "" {
				assert.Empty(t, fs)
				r, rfs := carnet.Replay(c.Journal)
				require.Empty(t, rfs, "le journal se rejoue, droits revérifiés")
				assert.Equal(t, jsonOf(t, c), jsonOf(t, r))
			} else {
				assert.True(t, fs.HasCode(tt.code), "%v", fs)
			}
		})
	}
}

// TestAttackIdentity: an actor with an empty name, or a professional role
// without a SIRET, is refused; the usager role is bound to the carnet's
// person through the identifier the caller declares.
func TestAttackIdentity(t *testing.T) {
	c := open(t, nil)
	tests := []struct {
		name  string
		actor carnet.Actor
		code  string
	}{
		{"partenaire sans nom", carnet.Actor{StructureSIRET: siretPartenaire, Role: carnet.RolePartenaire}, "CARNET-DROITS-05"},
		{"référent sans nom", carnet.Actor{StructureSIRET: siretDepartement, Role: carnet.RoleReferent}, "CARNET-DROITS-05"},
		{"référent au nom blanc", carnet.Actor{Professional: "  ", StructureSIRET: siretDepartement, Role: carnet.RoleReferent}, "CARNET-DROITS-05"},
		{"référent sans SIRET", carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent}, "CARNET-DROITS-05"},
		{"usager sans identifiant", carnet.Actor{Role: carnet.RoleUsager}, "CARNET-DROITS-08"},
		{"usager d'une autre personne", carnet.Actor{Professional: "p-002", Role: carnet.RoleUsager}, "CARNET-DROITS-08"},
		{"la personne", usager, ""},
		{"le référent nommé", referent, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := carnet.Authorize(c, tt.actor, carnet.SectionPersonne, carnet.AccessRead, "2025-04-01")
			if tt.code == "" {
				assert.Nil(t, f)
				return
			}
			require.NotNil(t, f, "accès accordé")
			assert.Equal(t, tt.code, f.Code)
			v := carnet.View(c, carnet.Viewer{Actor: tt.actor, On: "2025-04-01"})
			assert.Empty(t, v.Members, "la vue ne montre rien")
			assert.Empty(t, v.Person.BirthDate)
		})
	}
	t.Run("usager d'une autre personne retire un consentement", func(t *testing.T) {
		k := c.Consents[1]
		k.WithdrawnOn = "2025-04-03"
		fs := carnet.Apply(c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-04-03")},
			carnet.Actor{Professional: "p-002", Role: carnet.RoleUsager})
		assert.True(t, fs.HasCode("CARNET-DROITS-08"), "%v", fs)
	})
}

// TestAttackBackdatedView: a view on a date shows the content as of that
// date, not today's content under that date's rights: the partner, asking
// for a date before the withdrawal of its consent, must not see what was
// added after it.
func TestAttackBackdatedView(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-avant",
		Value: carnet.Action{ID: "a-avant", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-05-01", ProposedBy: referent}, At: at("2025-05-01")})
	k := c.Consents[1]
	k.WithdrawnOn = "2025-06-15"
	apply(t, c, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-06-15")})
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-apres",
		Value: carnet.Action{ID: "a-apres", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-07-01", ProposedBy: referent, Comment: "APRES-RETRAIT"}, At: at("2025-07-01")})

	v := carnet.View(c, carnet.Viewer{Actor: partenaire, On: "2025-06-01"})
	got := jsonOf(t, v)
	assert.NotContains(t, got, "APRES-RETRAIT", "donnée ajoutée après le retrait du consentement")
	assert.Contains(t, got, "a-avant", "ce qui existait à la date reste visible")
	assert.Empty(t, carnet.View(c, carnet.Viewer{Actor: partenaire, On: "2025-07-02"}).Actions, "après le retrait : rien")
	// The référent's view as of 2025-06-01 is the content replayed up to that day.
	ref := carnet.View(c, carnet.Viewer{Actor: referent, On: "2025-06-01"})
	assert.Len(t, ref.Actions, 1)
	assert.Empty(t, ref.Consents[1].WithdrawnOn)
	for _, e := range ref.Journal {
		assert.False(t, e.At.After(at("2025-06-01").Add(14*60*60*1e9)), "événement postérieur à la date de la vue")
	}
}

// forge appends to c's journal an event by actor, with a valid hash chain,
// and applies it to the content as Replay would: what a partner writing
// crafted documents through the library can produce.
func forge(t *testing.T, c *carnet.Carnet, actor carnet.Actor, ch carnet.Change) {
	t.Helper()
	last := c.Journal[len(c.Journal)-1]
	after, err := json.Marshal(ch.Value)
	require.NoError(t, err)
	e := carnet.Event{Carnet: c.ID, Seq: last.Seq + 1, Prev: last.Hash, At: ch.At, Actor: actor, Op: ch.Op, Target: ch.Target, ItemID: ch.ID, After: after}
	e.Hash = e.ComputeHash()
	c.Journal = append(c.Journal, e)
}

// TestAttackReplayTrustsJournal: an event recorded in the journal with a
// valid hash but that its author had no right to make is refused by Replay,
// which re-checks the rights of every event against the state before it.
func TestAttackReplayTrustsJournal(t *testing.T) {
	tests := []struct {
		name  string
		actor carnet.Actor
		ch    carnet.Change
	}{
		{"partenaire se désigne référent", partenaire, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-pirate",
			Value: referentMember("m-pirate", partenaire, "2025-04-01"), At: at("2025-04-01")}},
		{"coordinateur se désigne référent", coord, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-pirate",
			Value: referentMember("m-pirate", coord, "2025-04-01"), At: at("2025-04-01")}},
		{"non membre écrit un rendez-vous", carnet.Actor{Professional: "X", StructureSIRET: "55500000900012", Role: carnet.RolePartenaire}, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r1",
			Value: carnet.Contact{ID: "r1", Date: "2025-04-01", Kind: "rendez-vous", Channel: "telephone", Result: "honore"}, At: at("2025-04-01")}},
		{"co-référent écrit une action de santé", coReferent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1",
			Value: carnet.Action{ID: "a1", CatalogAction: santeAction(), Thematique: "sante", Status: "prevue", ProposedOn: "2025-04-01", ProposedBy: coReferent}, At: at("2025-04-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := open(t, nil)
			forge(t, c, tt.actor, tt.ch)
			require.Empty(t, carnet.Verify(c.Journal), "la chaîne forgée est cohérente")
			r, fs := carnet.Replay(c.Journal)
			assert.True(t, r == nil, "carnet rejoué malgré l'événement non autorisé")
			assert.True(t, fs.HasPath("/journal/1"), "%v", fs)
		})
	}
}

// TestReplayAgreesWithApply (property): on random carnets, a change by a
// random actor forged straight into the journal replays exactly when Apply
// accepts it; when Apply refuses it for want of rights, Replay refuses the
// forged event with a rights fault pointing at it.
func TestReplayAgreesWithApply(t *testing.T) {
	actors := []carnet.Actor{usager, referent, coReferent, partenaire, coord, chargeOri,
		{StructureSIRET: siretPartenaire, Role: carnet.RolePartenaire},                     // nameless
		{Professional: "p-002", Role: carnet.RoleUsager},                                   // another person
		{Professional: "X", StructureSIRET: "55500000900012", Role: carnet.RolePartenaire}, // not a member
	}
	accepted, refused := 0, 0
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 161))
		c := open(t, nil)
		randomChanges(t, c, rng, rng.IntN(8))
		when := c.Journal[len(c.Journal)-1].At.Add(time.Hour)
		day := spie.DateOf(when)
		actor := actors[rng.IntN(len(actors))]
		var ch carnet.Change
		switch rng.IntN(6) {
		case 0:
			ch = carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-new", Value: referentMember("m-new", actor, day)}
		case 1:
			ch = endReferent(day)
		case 2:
			ch = carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-new",
				Value: carnet.Action{ID: "a-new", CatalogAction: santeAction(), Thematique: "sante", Status: "prevue", ProposedOn: day, ProposedBy: actor}}
		case 3:
			ch = carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-new",
				Value: carnet.Contact{ID: "r-new", Date: day, Kind: "rendez-vous", Channel: "telephone", Result: "honore"}}
		case 4:
			k := base().Consents[1]
			k.WithdrawnOn, k.Origin = day, "c-77-001"
			ch = carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k}
		default:
			ch = carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetOrientations, ID: "o-new",
				Value: carnet.Orientation{ID: "o-new", Date: day, Pathway: "emploi", StructureSIRET: siretFT}}
		}
		ch.At = when
		t.Run(fmt.Sprintf("graine-%d/%s/%s", seed, actor.Role, ch.Target), func(t *testing.T) {
			applied := c.Cloned()
			fs := carnet.Apply(applied, ch, actor)
			forged := c.Cloned()
			forge(t, forged, actor, ch)
			r, rfs := carnet.Replay(forged.Journal)
			rights := false
			for _, f := range fs {
				rights = rights || strings.HasPrefix(f.Code, "CARNET-DROITS-")
			}
			switch {
			case len(fs) == 0:
				accepted++
				assert.Empty(t, rfs, "accepté par Apply, refusé par Replay")
				assert.NotNil(t, r)
			case rights:
				refused++
				assert.True(t, r == nil, "refusé par Apply (%v), rejoué", fs)
				require.NotEmpty(t, rfs)
				assert.Equal(t, fs[0].Code, rfs[0].Code)
				assert.Equal(t, fmt.Sprintf("/journal/%d", len(forged.Journal)-1), rfs[0].Path)
			}
		})
	}
	t.Logf("%d acceptés, %d refusés pour droits", accepted, refused)
	assert.Positive(t, accepted)
	assert.Positive(t, refused)
}
