package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/schemas"
)

// maxDocument is the size limit of one document read by a verb: the
// validators' (schemas.DefaultLimits.MaxBytes, itself input.DefaultMaxBytes).
// A longer document is skipped to its end without being held in memory,
// reported (INPUT-SIZE-01) and the stream goes on.
var maxDocument = schemas.DefaultLimits.MaxBytes

// readDocuments reads r, which holds one JSON document, a JSON array of
// documents or NDJSON, through the one input reader (internal/input: format
// from the first non-blank byte, BOM and CRLF accepted, every document given
// in order with its number, or with the fault saying why the input could not
// give it), and calls fn for each. It streams: memory holds one document at
// a time. It returns input.ErrEmpty for an empty input, the error of fn, or
// an error when the input itself cannot be read.
func readDocuments(r io.Reader, fn func(input.Doc) error) error {
	return input.Each(r, input.Options{MaxBytes: maxDocument}, fn)
}

// readOne reads the single JSON document of the file name (- for standard
// input) through the same reader, under the size limit max (0: maxDocument).
// An input holding no document, several, or one it cannot give is an error,
// in French.
func readOne(c *cli, name string, max int) ([]byte, error) {
	if max == 0 {
		max = maxDocument
	}
	r, closeFn, err := openInput(c, name)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	var data []byte
	errMany := errors.New("plusieurs documents")
	err = input.Each(r, input.Options{MaxBytes: max}, func(d input.Doc) error {
		switch {
		case d.Index > 1:
			return errMany
		case d.Fault != nil:
			return fmt.Errorf("%s : %s", d.Fault.Code, d.Fault.Message)
		}
		data = d.Data
		return nil
	})
	switch {
	case errors.Is(err, errMany):
		return nil, fmt.Errorf("%s : un seul document JSON attendu, plusieurs lus", name)
	case err != nil:
		return nil, fmt.Errorf("%s : %w", name, err)
	}
	return data, nil
}
