package carnet_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// FuzzCarnet feeds arbitrary carnets to every entry point that reads one:
// none may panic, whatever the input.
func FuzzCarnet(f *testing.F) {
	f.Add(smallCarnetJSON(f))
	f.Add([]byte(`{"date_entree":"2025-02-31","personne":{"date_naissance":"x"},"contrats":[{"type":"cej","date_debut":"","date_fin":"2025-01-01"}],"rendez_vous":[{"type":"relance","resultat":"sans-reponse","date":"2025-13-01"}],"membres":[{"role":"referent","date_debut":""}]}`))
	f.Add([]byte(`{"journal":[{"carnet":"a","rang":0,"operation":"fusionner","cible":"carnet","apres":[1]}]}`))
	f.Add([]byte(`{"journal":[{"carnet":"a","rang":0,"operation":"creer","cible":"carnet","apres":"x"}]}`))
	zero := carnet.Policy{}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c carnet.Carnet
		if json.Unmarshal(data, &c) != nil {
			return
		}
		now := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
		for _, p := range []carnet.Policy{carnet.DefaultPolicy(), zero} {
			_ = c.Alerts("2026-06-30", p)
			_ = c.Deadlines("2025-01-01", p)
			_ = c.CheckContracts(p)
			kept, purged, refused := carnet.Purge([]*carnet.Carnet{&c}, "2026-06-30", p)
			if len(kept)+len(purged)+len(refused) != 1 {
				t.Fatalf("Purge : le carnet doit être gardé, purgé ou refusé, une fois (%d, %d, %d)", len(kept), len(purged), len(refused))
			}
			_ = carnet.Export(&c, "2026-06-30", p)
		}
		_ = c.Check(now)
		_, _ = carnet.Replay(c.Journal)
		alerts := append(c.Alerts("2026-06-30", carnet.DefaultPolicy()), spie.Fault{Path: string(data)}, spie.Fault{Path: "/actions/" + string(data)})
		for _, r := range carnet.Roles {
			v := carnet.Viewer{Actor: carnet.Actor{Professional: "Claire Martin", Role: carnet.Role(r.Key), StructureSIRET: "22020000000010"}, On: "2026-06-30"}
			_ = carnet.View(&c, v)
			_ = carnet.Visible(&c, v, alerts)
		}
		_, _ = carnet.Merge(&c, &c, carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}, "2026-06-30")
		_, _ = carnet.ComputeIndicators(bytes.NewReader(append(data, '\n')), "2026-06-30", carnet.DefaultPolicy())
		_ = carnet.ProposePlan(c.Diagnostic)
	})
}

// FuzzMerge merges two arbitrary carnets as an arbitrary actor: no panic;
// a merge accepted means the actor may write the members of both carnets
// on that day and is not made référent by it; the result does not depend
// on the order of the arguments.
func FuzzMerge(f *testing.F) {
	// small seeds (whole examples make the minimiser crawl): two carnets of
	// one person sharing local ids, a coordinator member of both
	twin := func(id, ref string) []byte {
		return []byte(`{"id":"` + id + `","date_entree":"2025-03-0` + id[len(id)-1:] + `","personne":{"id":"p"},` +
			`"membres":[{"id":"m-ref","role":"referent","siret_structure":"` + ref + `","professionnel":"R","date_debut":"2025-01-01","origine":"` + id + `"},` +
			`{"id":"m-co","role":"coordinateur-spie","siret_structure":"44400000400010","professionnel":"C","date_debut":"2025-01-01","origine":"` + id + `"}],` +
			`"consentements":[{"id":"k","siret_structure":"44400000400010","date":"2025-01-01","perimetre":["membres"],"origine":"` + id + `"}],` +
			`"actions":[{"id":"act-1","thematique":"emploi-formation","statut":"prevue","date_proposition":"2025-02-01","proposee_par":{"role":"referent"},"origine":"` + id + `"}],` +
			`"journal":[{"carnet":"` + id + `","rang":0,"horodatage":"2025-01-01T10:00:00Z","auteur":{"role":"referent"},"operation":"creer","cible":"carnet","apres":{"id":"` + id + `","date_entree":"2025-03-0` + id[len(id)-1:] + `"}}]}`)
	}
	a, b := twin("c-1", "22020000000010"), twin("c-2", "77500000300019")
	f.Add(a, b, "coordinateur-spie", "44400000400010", "C", "2025-06-30")
	f.Add(a, a, "referent", "22020000000010", "R", "2025-06-30")
	f.Add(a, b, "referent", "22020000000010", "R", "2025-06-30")
	f.Add([]byte(`{"id":"a","personne":{"id":"p"},"membres":[{"id":"m","role":"referent","siret_structure":"1","professionnel":"x","date_debut":"2000-01-01"}]}`),
		[]byte(`{"id":"b","personne":{"id":"p"},"membres":[{"id":"m","role":"referent","siret_structure":"1","date_debut":"2000-01-01"}]}`), "referent", "1", "x", "2020-01-01")
	f.Fuzz(func(t *testing.T, da, db []byte, role, siret, name, day string) {
		var a, b carnet.Carnet
		if json.Unmarshal(da, &a) != nil || json.Unmarshal(db, &b) != nil {
			return
		}
		actor := carnet.Actor{Role: carnet.Role(role), StructureSIRET: spie.SIRET(siret), Professional: name}
		on := spie.Date(day)
		ab, fs := carnet.Merge(&a, &b, actor, on)
		ba, _ := carnet.Merge(&b, &a, actor, on)
		if (ab == nil) != (ba == nil) {
			t.Fatalf("fusion acceptée dans un seul ordre : %v", fs)
		}
		if ab == nil {
			return
		}
		for _, c := range []*carnet.Carnet{&a, &b} {
			if f := carnet.Authorize(c, actor, carnet.SectionMembres, carnet.AccessWrite, on); f != nil {
				t.Fatalf("fusion acceptée sans droit d'écriture des membres : %v", f)
			}
		}
		ja, _ := json.Marshal(ab)
		jb, _ := json.Marshal(ba)
		if !bytes.Equal(ja, jb) {
			t.Fatalf("la fusion dépend de l'ordre")
		}
	})
}

// FuzzCheckpoints feeds arbitrary journals and checkpoints to the
// checkpoint verification: it never panics, a carnet always passes its own
// checkpoints once its journal verifies, and any checkpoint of a chain
// longer than the journal's is refused.
func FuzzCheckpoints(f *testing.F) {
	f.Add(smallCarnetJSON(f), []byte(`[{"carnet":"c-1","chaine":"c-1","longueur":3,"tete":"00"}]`))
	f.Add([]byte(`{"id":"a","journal":[{"carnet":"a","rang":0,"operation":"fusionner","cible":"carnet","apres":["b","a"]}]}`), []byte(`[{"carnet":"b","chaine":"b","longueur":1,"tete":""}]`))
	f.Add([]byte(`{}`), []byte(`[{"longueur":-1}]`))
	f.Fuzz(func(t *testing.T, data, cpData []byte) {
		var c carnet.Carnet
		var cps []carnet.Checkpoint
		if json.Unmarshal(data, &c) != nil || json.Unmarshal(cpData, &cps) != nil {
			return
		}
		_ = carnet.CheckCheckpoints(&c, cps)
		_ = carnet.VerifyCarnet(&c, carnet.Trust{Checkpoints: cps})
		if len(c.Journal) == 0 || len(carnet.Verify(c.Journal)) > 0 {
			return
		}
		own := carnet.TakeCheckpoints(&c)
		if fs := carnet.CheckCheckpoints(&c, own); len(fs) > 0 {
			t.Fatalf("le carnet ne passe pas ses propres points de contrôle : %v", fs)
		}
		longer := append([]carnet.Checkpoint(nil), own...)
		longer[0].Length++
		if !carnet.CheckCheckpoints(&c, longer).HasCode("CARNET-JOURNAL-20") {
			t.Fatal("une chaîne plus courte que son point de contrôle est acceptée")
		}
	})
}

// FuzzSignatures feeds arbitrary journals and key registries to the
// signature verification (never a panic), and checks on arbitrary events
// that an event signed with a registered key verifies, and no longer does
// once any byte of its hash changes.
func FuzzSignatures(f *testing.F) {
	seed := make([]byte, ed25519.SeedSize)
	key := ed25519.NewKeyFromSeed(seed)
	own := carnet.KeyRegistry{{ID: "k", StructureSIRET: "22020000000010", Key: base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)), Start: "2000-01-01"}}
	signer := carnet.Signer{KeyID: "k", SIRET: "22020000000010", Key: key}
	// A small signed carnet as seed: whole example carnets make each run
	// take seconds (every verification replays the journal and re-checks
	// its rights), and the fuzzer then misses its deadline.
	small, fs := carnet.Create(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Professional: "Claire", Start: "2025-03-03"}},
	}, carnet.Actor{Professional: "Claire", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	if len(fs) > 0 {
		f.Fatal(fs)
	}
	if sf := signer.Sign(&small.Journal[0]); sf != nil {
		f.Fatal(sf)
	}
	smallJSON, _ := json.Marshal(small)
	ownJSON, _ := json.Marshal(own)
	f.Add(smallJSON, ownJSON, "Claire", uint8(3))
	f.Add([]byte(`{"journal":[{"carnet":"a","rang":0,"signature":{"cle":"x","valeur":"!!"}}]}`), []byte(`[{"id":"x","siret_structure":"22020000000010","cle_publique":"AAAA","date_debut":"2025-01-01"}]`), "", uint8(0))
	f.Fuzz(func(t *testing.T, data, regData []byte, name string, flip uint8) {
		var c carnet.Carnet
		if json.Unmarshal(data, &c) == nil {
			var r carnet.KeyRegistry
			_ = json.Unmarshal(regData, &r)
			_ = carnet.VerifySignatures(&c, r, nil)
			_ = carnet.VerifyCarnet(&c, carnet.Trust{Keys: r})
			_, _ = carnet.LoadKeyRegistry(bytes.NewReader(regData))
		}
		e := carnet.Event{Carnet: name, At: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), Op: carnet.OpCreate, Target: carnet.TargetCarnet,
			Actor: carnet.Actor{Professional: name, StructureSIRET: "22020000000010", Role: carnet.RoleReferent}}
		e.Hash = e.ComputeHash()
		if f := signer.Sign(&e); f != nil {
			t.Fatalf("signature refusée : %v", f)
		}
		one := &carnet.Carnet{Journal: []carnet.Event{e}}
		if fs := carnet.VerifySignatures(one, own, nil); len(fs) > 0 {
			t.Fatalf("événement signé refusé : %v", fs)
		}
		h := []byte(e.Hash)
		i := int(flip) % len(h)
		h[i] ^= 1 + flip%7
		one.Journal[0].Hash = string(h)
		if !carnet.VerifySignatures(one, own, nil).HasCode("CARNET-JOURNAL-36") {
			t.Fatal("signature acceptée sur une autre empreinte")
		}
	})
}

// FuzzApplyGuard: whatever value and timestamp a partner sends, Apply
// journals nothing dated more than MaxClockSkew after the clock, and what it
// journals passes CheckValues (the carnet stays valid for the schema's value
// checks); it never panics.
func FuzzApplyGuard(f *testing.F) {
	f.Add(uint8(5), "r-1", []byte(`{"id":"r-1","date":"2025-04-01","type":"rendez-vous","canal":"presentiel","resultat":"honore"}`), int64(0))
	f.Add(uint8(5), "r-1", []byte(`{"id":"r-1","date":"03/03/2025","type":"rendez-vous","canal":"presentiel","resultat":"honore"}`), int64(0))
	f.Add(uint8(3), "o-1", []byte(`{"id":"o-1","thematique":"astrologie","statut":"EN_COURS","date":"2025-04-01"}`), int64(0))
	f.Add(uint8(0), "", []byte(`{"id":"p-001","date_naissance":"1990-02-30","code_commune":"02408"}`), int64(0))
	f.Add(uint8(1), "m-x", []byte(`{"id":"m-x","role":"partenaire","siret_structure":"33188888300013","date_debut":"2025-04-01","acces_nir":true}`), int64(6))
	f.Add(uint8(5), "r-2", []byte(`{"id":"r-2","date":"2025-04-01","type":"rendez-vous","canal":"presentiel","resultat":"honore"}`), int64(39000000))
	now := at("2025-04-01")
	f.Fuzz(func(t *testing.T, target uint8, id string, value []byte, minutes int64) {
		var v any
		if json.Unmarshal(value, &v) != nil {
			return
		}
		c, fs := carnet.Create(base(), referent, at("2025-03-03"))
		if len(fs) > 0 {
			t.Fatal(fs)
		}
		targets := []carnet.Target{carnet.TargetPersonne}
		for _, p := range carnet.Parts {
			if p.List {
				targets = append(targets, p.Target)
			}
		}
		tg := targets[int(target)%len(targets)]
		op := carnet.OpAdd
		if tg == carnet.TargetPersonne {
			op = carnet.OpUpdate
		}
		when := now.Add(time.Duration(minutes%(60*24*365*100)) * time.Minute)
		fs = carnet.Apply(c, carnet.Change{Op: op, Target: tg, ID: id, Value: v, At: when}, referent, carnet.WithClock(func() time.Time { return now }))
		if len(fs) > 0 {
			return
		}
		if when.After(now.Add(carnet.MaxClockSkew)) {
			t.Fatalf("changement daté %s accepté (horloge %s)", when, now)
		}
		if vs := carnet.CheckValues(c, ""); len(vs) > 0 {
			t.Fatalf("valeur journalisée invalide : %v", vs)
		}
	})
}

// smallCarnetJSON is a small carnet with a journal of three events, the
// seed of the fuzz targets: whole example carnets make each run take
// seconds (every verification replays the journal and re-checks its
// rights), and the fuzzer then misses its deadline. The examples are
// covered by the ordinary tests.
func smallCarnetJSON(f *testing.F) []byte {
	f.Helper()
	ref := carnet.Actor{Professional: "Claire", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}
	c, fs := carnet.Create(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Professional: "Claire", Start: "2025-03-03"}},
	}, ref, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	if len(fs) > 0 {
		f.Fatal(fs)
	}
	for i, ch := range []carnet.Change{
		{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-1", Value: carnet.Contact{ID: "r-1", Date: "2025-03-10", Kind: "rendez-vous", Channel: "presentiel", Result: "honore", StructureSIRET: "22020000000010", Professional: "Claire"}},
		{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-2", Value: carnet.Member{ID: "m-2", Role: carnet.RolePartenaire, StructureSIRET: "33188888300013", Professional: "Nadia", Start: "2025-03-10"}},
	} {
		ch.At = time.Date(2025, 3, 10, 9, i, 0, 0, time.UTC)
		if fs := carnet.Apply(c, ch, ref, carnet.WithClock(func() time.Time { return time.Date(2025, 3, 11, 0, 0, 0, 0, time.UTC) })); len(fs) > 0 {
			f.Fatal(fs)
		}
	}
	b, err := json.Marshal(c)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
