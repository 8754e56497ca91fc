package carnet

import (
	"testing"

	"github.com/spie-fr/socle/internal/input"
)

// benchCarnet is a carnet of the generated stream (BenchmarkIndicators,
// seed 7, the first): a diagnostic, two référents, an orientation, a
// contract and three contacts, 1.4 kB.
const benchCarnet = `{"version_schema":"1.0","id":"c-0","date_entree":"2025-01-23","personne":{"id":"p-0","date_naissance":"1985-11-18","code_commune":"11069","publics":["jeunes-moins-26"]},"diagnostic":{"version_schema":"1.0","id":"d","date":"2025-01-31","personne":{"id":"p-0","date_naissance":"","code_commune":""},"criteres_publics":{},"situation_professionnelle":{"situation_emploi":""},"freins":null,"auteurs":null,"siret_structure":"","consentement":{"partage":false}},"membres":[{"id":"m1","role":"referent","siret_structure":"22020000000010","professionnel":"r14","date_debut":"2025-01-23","date_fin":"2025-04-23"},{"id":"m2","role":"referent","siret_structure":"13002526500013","date_debut":"2025-04-24"}],"orientations":[{"id":"o1","date":"2025-03-17","parcours":"global","siret_organisme_referent":"22020000000010"}],"contrats":[{"id":"k1","type":"contrat-engagement","date_signature":"2025-03-20","date_debut":"2025-03-20","date_fin":"2026-03-20","heures_hebdomadaires":15}],"rendez_vous":[{"id":"r0","date":"2025-02-10","type":"rendez-vous","canal":"telephone","resultat":"excuse"},{"id":"r1","date":"2025-02-22","type":"rendez-vous","canal":"telephone","resultat":"honore"},{"id":"r2","date":"2025-04-03","type":"rendez-vous","canal":"telephone","resultat":"honore"}]}`

// BenchmarkIndicatorsCountOne decodes and counts one carnet as each worker
// of the indicators does, with the fast decoder and with encoding/json
// alone (the decoder before it), reporting the allocations per carnet.
func BenchmarkIndicatorsCountOne(b *testing.B) {
	for _, bc := range []struct {
		name string
		fast bool
	}{{"rapide", true}, {"encoding-json", false}} {
		b.Run(bc.name, func(b *testing.B) {
			t := newTally(bc.fast)
			d := input.Doc{Index: 1, Line: 1, Format: input.FormatNDJSON, Data: []byte(benchCarnet)}
			p := DefaultPolicy()
			t.count(d, "2025-12-31", p) // the commune table is loaded once, before
			b.ReportAllocs()
			b.SetBytes(int64(len(benchCarnet)))
			for b.Loop() {
				t.count(d, "2025-12-31", p)
			}
			if t.read == 0 || t.unreadable != 0 {
				b.Fatalf("lus %d, illisibles %d", t.read, t.unreadable)
			}
		})
	}
}
