package carnet_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// FuzzCarnet feeds arbitrary carnets to every entry point that reads one:
// none may panic, whatever the input.
func FuzzCarnet(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "carnet", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(b)
		}
	}
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
			_, _ = carnet.Purge([]*carnet.Carnet{&c}, "2026-06-30", p)
			_ = carnet.Export(&c, "2026-06-30", p)
		}
		_ = c.Check(now)
		_, _ = carnet.Replay(c.Journal)
		alerts := append(c.Alerts("2026-06-30", carnet.DefaultPolicy()), spie.Fault{Path: string(data)}, spie.Fault{Path: "/actions/" + string(data)})
		for _, r := range carnet.Roles {
			v := carnet.Viewer{Actor: carnet.Actor{Role: carnet.Role(r.Key), StructureSIRET: "22020000000010"}, On: "2026-06-30"}
			_ = carnet.View(&c, v)
			_ = carnet.Visible(&c, v, alerts)
		}
		_, _ = carnet.Merge(&c, &c)
		_, _ = carnet.ComputeIndicators(bytes.NewReader(append(data, '\n')), "2026-06-30", carnet.DefaultPolicy())
		_ = carnet.ProposePlan(c.Diagnostic)
	})
}

// FuzzCheckpoints feeds arbitrary journals and checkpoints to the
// checkpoint verification: it never panics, a carnet always passes its own
// checkpoints once its journal verifies, and any checkpoint of a chain
// longer than the journal's is refused.
func FuzzCheckpoints(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "carnet", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, []byte(`[{"carnet":"x","chaine":"x","longueur":3,"tete":"00"}]`))
		}
	}
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
	files, _ := filepath.Glob(filepath.Join("..", "examples", "carnet", "*.json"))
	reg, _ := os.ReadFile(filepath.Join("..", "examples", "carnet", "cles", "registre-cles-de-test.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, reg, "Claire", uint8(3))
		}
	}
	f.Add([]byte(`{"journal":[{"carnet":"a","rang":0,"signature":{"cle":"x","valeur":"!!"}}]}`), []byte(`[{"id":"x","siret_structure":"22020000000010","cle_publique":"AAAA","date_debut":"2025-01-01"}]`), "", uint8(0))
	seed := make([]byte, ed25519.SeedSize)
	key := ed25519.NewKeyFromSeed(seed)
	own := carnet.KeyRegistry{{ID: "k", StructureSIRET: "22020000000010", Key: base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)), Start: "2000-01-01"}}
	signer := carnet.Signer{KeyID: "k", SIRET: "22020000000010", Key: key}
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
