package carnet_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	examplefiles "github.com/spie-fr/socle/examples"
)

// Attack (issue 16, « référent par fusion », last blocker): the SPIE
// coordination of the Bouches-du-Rhône, a member of the Marseille carnet
// with write access to its members (it merged the two duplicates), forges
// a "duplicate" of the same person holding only its own items — no foreign
// origine, so Create's CARNET-CHANGE-08 does not apply — in which a
// colleague, or someone it impersonates, is référent; then it merges the
// forged carnet into the real one. Before the fix the merge was accepted
// with a warning (CARNET-FUSION-11, two active référents) and the colleague
// read the health section: "a merge never designates" is the rule now —
// a référent a merge brings into a carnet must have been designated in its
// own carnet by someone allowed to (a journal that replays with its
// rights, the creation included), never by the merging actor's structure.

const hijackDay = "2026-06-20" // after the last event of the Marseille example (2026-06-16)

func marseille(t *testing.T) *carnet.Carnet {
	t.Helper()
	b, err := examplefiles.Carnets.ReadFile("carnet/fusion-doublons-marseille.json")
	require.NoError(t, err)
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &c))
	require.Empty(t, c.CheckJournal(), "l'exemple de Marseille doit se rejouer")
	return &c
}

var (
	coord13 = carnet.Actor{Professional: coordName13, StructureSIRET: siretCoord13, Role: carnet.RoleCoordinateurSPIE}
	dana    = carnet.Actor{Professional: "Dana Colin", StructureSIRET: siretCoord13, Role: carnet.RoleReferent}
	// a professional of another structure of the examples, impersonated
	autoEcole = carnet.Actor{Professional: "Moniteur complice", StructureSIRET: "33188888300013", Role: carnet.RoleReferent}
)

// forgedDuplicate is the initial content of the forged duplicate: the same
// person, a référent ref, nothing else.
func forgedDuplicate(real *carnet.Carnet, ref carnet.Actor, nir bool) carnet.Carnet {
	return carnet.Carnet{
		Version: carnet.SchemaVersion, ID: "aaa-doublon", EntryDate: "2026-06-18", Person: real.Person,
		Members: []carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2026-06-18"},
			{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: ref.StructureSIRET, Professional: ref.Professional, Start: "2026-06-18", AccessNIR: nir},
			// the merging coordination must be a member of both carnets
			// with the person's consent to the members section
			{ID: "m-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretCoord13, Professional: coordName13, Start: "2026-06-18"},
		},
		Consents: []carnet.SharingConsent{{ID: "k-coord", StructureSIRET: siretCoord13, Date: "2026-06-18", Scope: []carnet.Section{"personne", "membres"}}},
	}
}

func readsHealth(c *carnet.Carnet, a carnet.Actor) bool {
	return carnet.Authorize(c, a, carnet.SectionSante, carnet.AccessRead, hijackDay) == nil
}

func TestAttackMergeBringsAReferent(t *testing.T) {
	real := marseille(t)
	require.False(t, readsHealth(real, dana), "Dana ne lit rien avant l'attaque")
	mergeAt := at(hijackDay)

	t.Run("le coordinateur crée un doublon où il désigne une collègue", func(t *testing.T) {
		_, fs := carnet.Create(forgedDuplicate(real, dana, false), coord13, at("2026-06-18"))
		assert.True(t, fs.HasCode("CARNET-DROITS-06"), "désigner un référent à la création est le droit de Designate : %v", fs)
	})

	t.Run("même doublon écrit à la main, journal chaîné par l'attaquant", func(t *testing.T) {
		forged := handCreated(t, forgedDuplicate(real, autoEcole, false), coord13, at("2026-06-18"))
		m, fs := carnet.MergeRecorded(real, forged, coord13, mergeAt)
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-DROITS-06"), "%v", fs)
	})

	t.Run("le doublon se dit créé par la collègue elle-même", func(t *testing.T) {
		forged, fs := carnet.Create(forgedDuplicate(real, dana, false), dana, at("2026-06-18"))
		require.True(t, fs.Valid(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, forged, coord13, mergeAt)
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-DROITS-07"), "une fusion ne fait pas entrer la structure de son auteur comme référent : %v", fs)
	})

	t.Run("le coordinateur ouvre le doublon comme référent sortant et désigne une autre structure", func(t *testing.T) {
		// the coordination opens the duplicate naming itself référent,
		// ended before the merge, and an accomplice structure as its
		// successor: its own référent record is not brought (ended), the
		// accomplice's is, designated by the coordination's own entry
		in := forgedDuplicate(real, autoEcole, false)
		in.Members[1].Start = "2026-06-19"
		in.Members = append(in.Members, carnet.Member{ID: "m-ref-coord", Role: carnet.RoleReferent, StructureSIRET: siretCoord13, Professional: coordName13, Start: "2026-06-18", End: "2026-06-18"})
		forged, fs := carnet.Create(in, coord13, at("2026-06-18"))
		require.True(t, fs.Valid(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, forged, coord13, mergeAt)
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-DROITS-07"), "%v", fs)
	})

	t.Run("même fusion écrite à la main dans le journal, rejouée", func(t *testing.T) {
		// MergeRecorded refuses it; the attacker writes the fusion event
		// itself, chained after its duplicate, and hands over the journal:
		// Replay re-checks the merge's rights as MergeRecorded does
		in := forgedDuplicate(real, autoEcole, false)
		in.Members[1].Start = "2026-06-19"
		in.Members = append(in.Members, carnet.Member{ID: "m-ref-coord", Role: carnet.RoleReferent, StructureSIRET: siretCoord13, Professional: coordName13, Start: "2026-06-18", End: "2026-06-18"})
		forged, fs := carnet.Create(in, coord13, at("2026-06-18"))
		require.True(t, fs.Valid(), "%v", fs)
		head := forged.Journal[len(forged.Journal)-1]
		absorbed, err := json.Marshal([]string{real.ID})
		require.NoError(t, err)
		e := carnet.Event{Carnet: forged.ID, Seq: head.Seq + 1, Prev: head.Hash, At: mergeAt, Actor: coord13, Op: carnet.OpMerge, Target: carnet.TargetCarnet, After: absorbed}
		e.Hash = e.ComputeHash()
		events := append(append(append([]carnet.Event(nil), real.Journal...), forged.Journal...), e)
		require.Empty(t, carnet.Verify(events), "la chaîne est cohérente")
		_, fs = carnet.Replay(events)
		assert.True(t, fs.HasCode("CARNET-DROITS-07"), "%v", fs)
	})

	t.Run("doublon sans journal", func(t *testing.T) {
		forged := forgedDuplicate(real, autoEcole, false)
		m, fs := carnet.MergeRecorded(real, &forged, coord13, mergeAt)
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-FUSION-12"), "%v", fs)
	})

	t.Run("usurpation d'une autre structure, registre de clés fourni", func(t *testing.T) {
		// the coordination writes an event it attributes to another
		// structure, which it cannot sign (Signer refuses, and it holds no
		// key of that structure): without keys the journal proves nothing
		// about its author (documented), with them the merge is refused.
		forged, fs := carnet.Create(forgedDuplicate(real, autoEcole, false), autoEcole, at("2026-06-18"))
		require.True(t, fs.Valid(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, forged, coord13, mergeAt)
		require.True(t, m != nil, "sans registre de clés, l'auteur d'un événement n'est pas prouvé (doc du paquet) : %v", fs)
		m, fs = carnet.MergeRecorded(real, forged, coord13, mergeAt, carnet.WithTrust(carnet.Trust{Keys: testRegistry(t)}))
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-JOURNAL-32"), "la coordination ne peut signer pour l'auto-école : %v", fs)
	})

	t.Run("une fusion n'apporte pas d'habilitation NIR", func(t *testing.T) {
		// the duplicate's référent is of another structure, its journal
		// replays, but it marks a coordination member acces_nir
		in := forgedDuplicate(real, autoEcole, false)
		in.Members[2].AccessNIR = true
		forged, fs := carnet.Create(in, autoEcole, at("2026-06-18"))
		require.True(t, fs.Valid(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, forged, coord13, mergeAt)
		assert.True(t, m == nil, "fusion acceptée : %v", fs)
		assert.True(t, fs.HasCode("CARNET-NIR-01"), "%v", fs)
	})
}

// handCreated builds a carnet whose creation event is written by hand (not
// through Create): author actor, hash chained.
func handCreated(t *testing.T, initial carnet.Carnet, actor carnet.Actor, when time.Time) *carnet.Carnet {
	t.Helper()
	b, err := json.Marshal(initial)
	require.NoError(t, err)
	c := initial
	e := carnet.Event{Carnet: initial.ID, At: when, Actor: actor, Op: carnet.OpCreate, Target: carnet.TargetCarnet, After: b}
	e.Hash = e.ComputeHash()
	c.Journal = []carnet.Event{e}
	for i := range c.Members {
		c.Members[i].Origin = c.ID
	}
	return &c
}
