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
}

func write[T any](name string, items []T, ndjson bool) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if ndjson {
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
