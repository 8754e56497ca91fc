package carnet_test

import (
	"bytes"
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
			v := carnet.Viewer{Actor: carnet.Actor{Role: carnet.Role(r.Key), StructureSIRET: "22020000000010"}, On: "2026-06-30"}
			_ = carnet.View(&c, v)
			_ = carnet.Visible(&c, v, alerts)
		}
		_, _ = carnet.Merge(&c, &c)
		_, _ = carnet.ComputeIndicators(bytes.NewReader(append(data, '\n')), "2026-06-30", carnet.DefaultPolicy())
		_ = carnet.ProposePlan(c.Diagnostic)
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
