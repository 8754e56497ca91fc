package offer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Fault types of catalogues.
var (
	FaultCatalogueItem = spie.NewFaultType("OFFRE-CATALOGUE-01", spie.SeverityError,
		"élément %d du catalogue illisible : %s", "catalogue item %d unreadable: %s").WithSource("data·inclusion v1 (modèles Structure et Service) ; RFC 8259")
	FaultStructureUnknown = spie.NewFaultType("OFFRE-CATALOGUE-10", spie.SeverityWarning,
		"structure %q du service absente du catalogue", "structure %q of the service missing from the catalogue").WithSource("data·inclusion v1, Service.structure_id : le service appartient à une structure publiée")
	FaultDuplicateID = spie.NewFaultType("OFFRE-CATALOGUE-11", spie.SeverityError,
		"identifiant %q déjà présent dans le catalogue (élément %d)", "identifier %q already in the catalogue (item %d)").WithSource("data·inclusion v1 : identifiant unique par source (Service.id, Structure.id)")
)

// Stream reads a JSON array of objects or NDJSON (one object per line,
// detected from the first character) and calls fn with each raw element,
// without reading the whole input in memory. It stops at the first syntax
// error of the stream itself, or when fn returns an error.
func Stream(r io.Reader, fn func(index int, raw RawJSON) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first, err := firstByte(br)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	dec := json.NewDecoder(br)
	if first == '[' {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("catalogue illisible : %w", err)
		}
		for i := 0; dec.More(); i++ {
			var raw RawJSON
			if err := dec.Decode(&raw); err != nil {
				return fmt.Errorf("catalogue illisible à l'élément %d : %w", i, err)
			}
			if err := fn(i, raw); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("catalogue illisible : fin de tableau attendue : %w", err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return errors.New("catalogue illisible : données après la fin du tableau")
		}
		return nil
	}
	for i := 0; ; i++ {
		var raw RawJSON
		err := dec.Decode(&raw)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("catalogue illisible à la ligne d'objet %d : %w", i+1, err)
		}
		if err := fn(i, raw); err != nil {
			return err
		}
	}
}

func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case ' ', '\t', '\n', '\r':
			continue
		case 0xEF: // UTF-8 byte order mark
			if bom, _ := br.Peek(2); bytes.Equal(bom, []byte{0xBB, 0xBF}) {
				_, _ = br.Discard(2)
				continue
			}
		}
		return b, br.UnreadByte()
	}
}

// LoadServices reads a stream of services (JSON array or NDJSON). Every
// element is checked at now; onFaults, when not nil, receives the faults of
// each element that has some. Invalid elements are kept when they decode
// (the caller decides), unreadable ones are reported and skipped.
func LoadServices(r io.Reader, now time.Time, onFaults func(index int, id string, fs spie.Faults)) ([]*Service, error) {
	var out []*Service
	err := Stream(r, func(i int, raw RawJSON) error {
		s, fs := DecodeService(raw, now)
		if s == nil {
			if onFaults != nil {
				onFaults(i, "", spie.Faults{FaultCatalogueItem.At("", i, fs.Error())})
			}
			return nil
		}
		if len(fs) > 0 && onFaults != nil {
			onFaults(i, s.ID, fs)
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// LoadStructures reads a stream of structures (JSON array or NDJSON).
func LoadStructures(r io.Reader, now time.Time, onFaults func(index int, id string, fs spie.Faults)) ([]*Structure, error) {
	var out []*Structure
	err := Stream(r, func(i int, raw RawJSON) error {
		s, fs := DecodeStructure(raw, now)
		if s == nil {
			if onFaults != nil {
				onFaults(i, "", spie.Faults{FaultCatalogueItem.At("", i, fs.Error())})
			}
			return nil
		}
		if len(fs) > 0 && onFaults != nil {
			onFaults(i, s.ID, fs)
		}
		out = append(out, s)
		return nil
	})
	return out, err
}
