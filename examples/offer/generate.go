//go:build ignore

// Generate writes the example catalogue of the offre d'insertion: invented
// structures and services in real communes of the Aisne (02), with contacts
// on the reserved exemple.fr domain and no personal data. Run from this
// folder: go run generate.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

func main() {
	now := time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC)
	sts, svs := offertest.NewGenerator(2002, now, offertest.AisneTowns).Catalogue("exemple-02", 420)
	if err := write("structures-aisne.json", sts, false); err != nil {
		fail(err)
	}
	if err := write("services-aisne.ndjson", svs, true); err != nil {
		fail(err)
	}
	// A prescription sent by a référent to one of the services, answered
	// within 72 hours.
	p := offertest.Prescription(now)
	p.ID = "presc-02-2026-0001"
	p.Service = *svs[3]
	p.Service.MobilisablePar = []offer.PersonneMobilisatrice{offer.MobilisableParProfessionnels}
	if fs := p.Send(now.Add(time.Hour), "referent-ml-laon"); !fs.Valid() {
		fail(fs)
	}
	if fs := p.Accept(now.Add(26*time.Hour), "accueil-"+p.Service.StructureID, offer.DefaultDeadlines); !fs.Valid() {
		fail(fs)
	}
	if err := write("prescription-acceptee.json", []*offer.Prescription{p}, false); err != nil {
		fail(err)
	}
}

func write[T any](name string, items []T, ndjson bool) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if len(items) == 1 && !ndjson {
		enc.SetIndent("", "  ")
		if err := enc.Encode(items[0]); err != nil {
			return err
		}
	} else if ndjson {
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
	} else {
		enc.SetIndent("", "  ")
		if err := enc.Encode(items); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "generate :", err)
	os.Exit(1)
}
