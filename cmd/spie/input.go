package main

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

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
//
// A document that is not valid UTF-8 is given with the fault the validators
// give it (INPUT-UTF8-01, RFC 8259 §8.1, or an earlier input fault of the
// same document), so that every verb refuses what validate refuses.
func readDocuments(r io.Reader, fn func(input.Doc) error) error {
	return input.Each(r, input.Options{MaxBytes: maxDocument}, func(d input.Doc) error {
		return fn(checkUTF8(d))
	})
}

// checkUTF8 returns d with the input fault of its data when the data is not
// valid UTF-8: the first fault schemas.CheckInput finds (the validators'
// check, so the same code, path and message), INPUT-UTF8-01 at worst. Text
// is refused, never altered (no U+FFFD replacement).
func checkUTF8(d input.Doc) input.Doc {
	if d.Fault != nil || utf8.Valid(d.Data) {
		return d
	}
	f := schemas.FaultUTF8.At("", firstInvalidUTF8(d.Data))
	if fs := schemas.CheckInput(d.Data, schemas.DefaultLimits); len(fs) > 0 {
		f = fs[0]
	}
	d.Data, d.Fault = nil, &f
	return d
}

// firstInvalidUTF8 is the offset of the first byte of data that does not
// start a valid UTF-8 sequence (len(data) when all are valid).
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// errBadDocument marks an error of readOne about the document itself (the
// reader's fault: too large, data after it), not about the input: an
// invalid document (exit 1) for the verbs whose input it is.
var errBadDocument = errors.New("document refusé")

// readOneCode is the exit code of an error of readOne for a verb whose
// input document it read: exitInvalid for the document's own fault,
// exitUsage for an input that is empty, unreadable or holds several
// documents.
func readOneCode(err error) int {
	if errors.Is(err, errBadDocument) {
		return exitInvalid
	}
	return exitUsage
}

// contentReader passes r through and records whether it held a document:
// a byte other than JSON blanks and a leading byte order mark. The verbs
// whose library reads the input itself (input.Decode treats an empty input
// as no document) check it before printing, so that an empty input exits 2
// in every verb (input.ErrEmpty).
type contentReader struct {
	r    io.Reader
	off  int64
	seen bool
}

func (c *contentReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if !c.seen {
		bom := []byte{0xEF, 0xBB, 0xBF}
		for i, b := range p[:n] {
			pos := c.off + int64(i)
			switch {
			case pos < 3 && b == bom[pos]:
			case b == ' ' || b == '\t' || b == '\r' || b == '\n':
			default:
				c.seen = true
			}
			if c.seen {
				break
			}
		}
	}
	c.off += int64(n)
	return n, err
}

// empty reports an empty input: nothing read but blanks and a BOM.
func (c *contentReader) empty() bool { return !c.seen }

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
		d = checkUTF8(d)
		switch {
		case d.Index > 1:
			return errMany
		case d.Fault != nil:
			return fmt.Errorf("%w : %s : %s", errBadDocument, d.Fault.Code, d.Fault.Message)
		}
		data = d.Data
		return nil
	})
	switch {
	case errors.Is(err, errMany):
		return nil, fmt.Errorf("%s : un seul document JSON attendu, plusieurs lus", name)
	case err != nil:
		return nil, fmt.Errorf("%s : %w", name, err)
	case data == nil:
		// an empty array: no document, as an empty input (exit 2)
		return nil, fmt.Errorf("%s : un seul document JSON attendu, aucun lu (tableau vide)", name)
	}
	return data, nil
}
