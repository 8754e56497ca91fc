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
