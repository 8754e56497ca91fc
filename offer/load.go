package offer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// Fault types of catalogues.
var (
	FaultCatalogueItem    = &spie.FaultType{Code: "OFFRE-CATALOGUE-01", Severity: spie.SeverityError, FR: "élément %d du catalogue illisible : %s", EN: "catalogue item %d unreadable: %s", Source: "data·inclusion v1 (modèles Structure et Service) ; RFC 8259"}
	FaultStructureUnknown = &spie.FaultType{Code: "OFFRE-CATALOGUE-10", Severity: spie.SeverityWarning, FR: "structure %q du service absente du catalogue", EN: "structure %q of the service missing from the catalogue", Source: "data·inclusion v1, Service.structure_id : le service appartient à une structure publiée"}
	FaultDuplicateID      = &spie.FaultType{Code: "OFFRE-CATALOGUE-11", Severity: spie.SeverityError, FR: "identifiant %q déjà présent dans le catalogue (élément %d)", EN: "identifier %q already in the catalogue (item %d)", Source: "data·inclusion v1 : identifiant unique par source (Service.id, Structure.id)"}
)

// Stream reads a JSON array of objects, NDJSON (one object per line) or a
// single object through socle's one input reader (internal/input: format
// from the first non-blank byte, BOM and CRLF accepted, each element under
// input.DefaultMaxBytes, 8 Mio) and calls fn with each raw element, numbered
// from 0, without reading the whole input in memory. It stops at the first
// element the input cannot give as JSON (not JSON, over the size limit, an
// unterminated array, data after it), with an error in French, or when fn
// returns an error. An empty input is no error.
func Stream(r io.Reader, fn func(index int, raw RawJSON) error) error {
	return stream(r, fn, nil)
}

// stream is Stream; when bad is not nil, an element the input cannot give
// is reported to it, placed in the input (input.Doc.Locate), and the read
// goes on.
func stream(r io.Reader, fn func(index int, raw RawJSON) error, bad func(index int, f spie.Fault)) error {
	err := input.Each(r, input.Options{}, func(d input.Doc) error {
		i := d.Index - 1
		f := d.Fault
		if f == nil {
			if err := json.Unmarshal(d.Data, new(json.RawMessage)); err != nil {
				x := input.FaultJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))
				f = &x
			}
		}
		if f != nil {
			if bad == nil {
				return fmt.Errorf("catalogue illisible à l'élément %d : %s (%s)", i, f.Message, f.Code)
			}
			bad(i, d.Locate(*f))
			return nil
		}
		return fn(i, RawJSON(d.Data))
	})
	if errors.Is(err, input.ErrEmpty) {
		return nil
	}
	return err
}

// LoadServices reads a stream of services (see Stream). Every element is
// checked at now; onFaults, when not nil, receives the faults of each
// element that has some. Invalid elements are kept when they decode (the
// caller decides), unreadable ones are reported and skipped: with their
// INPUT- fault when the input cannot give them (over the size limit, not
// JSON, data after the array), with OFFRE-CATALOGUE-01 when they are not a
// service. Without onFaults, an element the input cannot give is an error.
func LoadServices(r io.Reader, now time.Time, onFaults func(index int, id string, fs spie.Faults)) ([]*Service, error) {
	var out []*Service
	err := stream(r, func(i int, raw RawJSON) error {
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
	}, badOf(onFaults))
	return out, err
}

// LoadStructures reads a stream of structures, as LoadServices.
func LoadStructures(r io.Reader, now time.Time, onFaults func(index int, id string, fs spie.Faults)) ([]*Structure, error) {
	var out []*Structure
	err := stream(r, func(i int, raw RawJSON) error {
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
	}, badOf(onFaults))
	return out, err
}

// badOf turns onFaults into the bad callback of stream (nil stays nil: the
// first element the input cannot give stops the read).
func badOf(onFaults func(index int, id string, fs spie.Faults)) func(int, spie.Fault) {
	if onFaults == nil {
		return nil
	}
	return func(i int, f spie.Fault) { onFaults(i, "", spie.Faults{f}) }
}
