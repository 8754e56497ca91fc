package cdb_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cdb"
)

// FuzzParse: any input is either a notebook or faults, never a panic, and a
// notebook read imports without panicking; an imported carnet always
// passes its own checks, and no element is lost from the report.
func FuzzParse(f *testing.F) {
	b, err := os.ReadFile(fixture)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"id":"x","created_at":"2022-01-01","beneficiary":{"id":"p","date_of_birth":"1990-02-30"}}`))
	f.Add([]byte(`{"id":"x","focuses":[{"id":"f","theme":"emploi","targets":[{"id":"t","target":"Se former","created_at":"2022-13-01"}]}]}`))
	at := time.Date(2023, 11, 15, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		n, fs := cdb.Parse(data)
		if n == nil {
			if len(fs) == 0 {
				t.Fatal("ni carnet ni faute")
			}
			return
		}
		c, rep, _ := cdb.Import(n, cdb.Options{SIRET: siretCD, Commune: communeLaon, At: at,
			CarnetOptions: []carnet.Option{carnet.WithClock(func() time.Time { return at })}})
		if c == nil {
			return
		}
		if errs := c.Check(at).Errors(); len(errs) > 0 {
			t.Fatalf("carnet importé invalide : %v", errs)
		}
		items := 0
		for _, fo := range n.Focuses {
			for _, tg := range fo.Targets {
				items += 1 + len(tg.Actions)
			}
		}
		inReport := 0
		for _, l := range rep.Lines {
			if l.Kind == "objectif" || l.Kind == "action" {
				inReport++
			}
		}
		for _, l := range rep.Lines {
			if l.Kind == "axe" { // a dropped focus stands for its targets and actions
				inReport = items
			}
		}
		if inReport != items && !hasDroppedFocus(rep) {
			t.Fatalf("%d objectifs et actions, %d dans le rapport", items, inReport)
		}
	})
}

func hasDroppedFocus(rep cdb.Report) bool {
	for _, l := range rep.Lines {
		if l.Kind == "axe" {
			return true
		}
	}
	return false
}
