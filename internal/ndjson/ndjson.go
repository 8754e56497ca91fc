// Package ndjson reads streams of JSON documents, one per line, in constant
// memory, for the network packages of spie.
package ndjson

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spie-fr/socle/spie"
)

// MaxLine is the longest line accepted (16 MiB).
const MaxLine = 16 << 20

// Fault types of streams. The path of a line's fault is /N, N its number
// counted from 1.
var (
	FaultLine     = spie.NewFaultType("INPUT-NDJSON-01", spie.SeverityError, "ligne %d illisible : %s", "line %d unreadable: %s").WithSource("RFC 8259 et NDJSON (un document JSON par ligne) ; hygiène d'entrée propre à socle")
	FaultLineSize = spie.NewFaultType("INPUT-NDJSON-02", spie.SeverityError, "ligne %d trop longue (plus de 16 Mio)", "line %d too long (over 16 MiB)").WithSource("hygiène d'entrée propre à socle : longueur maximale d'une ligne (16 Mio)")
)

// Each decodes every non-blank line of r into a fresh *T and calls fn with
// its line number. Unreadable lines are reported through bad (and skipped);
// an error from fn, or a read error, stops the stream and is returned.
func Each[T any](r io.Reader, fn func(line int, v *T) error, bad func(spie.Fault)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		v := new(T)
		if err := json.Unmarshal(b, v); err != nil {
			bad(FaultLine.At(spie.Pointer(n), n, err.Error()))
			continue
		}
		if err := fn(n, v); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			bad(FaultLineSize.At(spie.Pointer(n+1), n+1))
			return fmt.Errorf("ligne %d trop longue", n+1)
		}
		return err
	}
	return nil
}
