package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/spie-fr/socle/schemas"
	"io"
)

// maxLine is the largest NDJSON line or single document read: the size limit
// of the validators. A longer line is skipped to its end without being held
// in memory, reported (INPUT-SIZE-01) and the stream goes on.
var maxLine = schemas.DefaultLimits.MaxBytes

// document is one JSON document read from an input, numbered from 1.
type document struct {
	n    int
	data []byte
	err  error // the input could not give this document (unreadable)
	size int   // for a document over maxLine: its size in bytes, at least
}

// readDocuments reads r, which holds one JSON document, a JSON array of
// documents or NDJSON (detected from the first line), and calls yield for each
// document in order. It streams: memory holds one document at a time. It
// returns an error only when the input itself cannot be read.
func readDocuments(r io.Reader, yield func(document) bool) error {
	br := bufio.NewReaderSize(r, 1<<20)
	skipBOM(br)
	first, err := peekFirstByte(br)
	if err == io.EOF {
		return errors.New("entrée vide : aucun document JSON")
	}
	if err != nil {
		return err
	}
	if first == '[' {
		return readArray(br, yield)
	}
	line, tooLong, err := readLine(br)
	if err != nil && err != io.EOF {
		return err
	}
	trimmed := bytes.TrimSpace(line)
	if !tooLong && json.Valid(trimmed) {
		// NDJSON (or a one-line document): one document per non-empty line.
		n := 1
		if !yield(document{n: n, data: trimmed}) {
			return nil
		}
		return readNDJSON(br, n, yield)
	}
	// A document over several lines: read it whole, up to maxLine.
	rest, err := io.ReadAll(io.LimitReader(br, int64(maxLine)+1))
	if err != nil {
		return err
	}
	all := append(line, rest...)
	if tooLong || len(all) > maxLine {
		yield(document{n: 1, size: len(all)})
		return nil
	}
	yield(document{n: 1, data: bytes.TrimSpace(all)})
	return nil
}

func readNDJSON(br *bufio.Reader, n int, yield func(document) bool) error {
	for {
		line, tooLong, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			n++
			d := document{n: n, data: bytes.TrimSpace(line)}
			if tooLong {
				d = document{n: n, size: maxLine + 1}
			}
			if !yield(d) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine returns the next line without its newline; a line over maxLine is
// skipped to its end and reported by tooLong.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > maxLine {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

func readArray(br *bufio.Reader, yield func(document) bool) error {
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return err
	}
	n := 0
	for dec.More() {
		var raw json.RawMessage
		n++
		if err := dec.Decode(&raw); err != nil {
			yield(document{n: n, err: fmt.Errorf("tableau JSON illisible : %v", err)})
			return nil
		}
		if !yield(document{n: n, data: raw}) {
			return nil
		}
	}
	if _, err := dec.Token(); err != nil {
		yield(document{n: n + 1, err: fmt.Errorf("fin du tableau JSON illisible : %v", err)})
	}
	return nil
}

func skipBOM(br *bufio.Reader) {
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
}

func peekFirstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			_, _ = br.Discard(1)
		default:
			return b[0], nil
		}
	}
}
