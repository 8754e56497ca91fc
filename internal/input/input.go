// Package input is socle's one reader of JSON inputs: a single document, a
// JSON array of documents or NDJSON (one document per line), read in
// constant memory — one document at a time, each bounded by a size limit the
// caller chooses (DefaultMaxBytes when zero).
//
// The format is decided by the first byte that is not blank (a UTF-8 byte
// order mark at the start is skipped, CRLF line ends are accepted):
//
//   - '[': an array, streamed element by element; each element has the
//     per-document limit; anything after the closing bracket is reported
//     (INPUT-JSON-02, its byte offset in the input) and then read as
//     documents (another array, or a document then NDJSON); an
//     unterminated array is reported too (INPUT-JSON-01).
//   - anything else: a document then NDJSON if more follows. The first line
//     is a document when it is JSON on its own. When it is not, and the line
//     after it is JSON on its own, the first line is one broken document and
//     the following lines are still read one by one; otherwise the first
//     document runs over several lines (a pretty-printed document) up to the
//     line where its outermost brackets close, and NDJSON resumes after it.
//
// A document over the limit is skipped to its end without being held in
// memory and reported with its real size (INPUT-SIZE-01); the stream goes
// on. No document is ever lost: every one is given to the caller, with its
// number (from 1, in input order) and the line where it starts, either as
// bytes or as a fault saying why the input could not give it.
//
// The reader does not check the syntax of a document (the decoder or the
// validator of the caller does, once); Decode does it for callers that want
// Go values. It does find where the first value of a document ends, by its
// brackets, strings and tokens: data after it (two documents on one line,
// `{"a":1} {"b":2}`, or in one array element) makes the document a fault
// (INPUT-JSON-02, the byte offset in the document), decided here for every
// caller. Faults carry a French detail in message and an English one in
// message_en (spie.DescribeJSONError, spie.DescribeJSONErrorEN).
package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spie-fr/socle/spie"
)

// DefaultMaxBytes is the default size limit of one document, in bytes
// (8 Mio): the one definition, which schemas.DefaultLimits.MaxBytes takes.
// A diagnostic or a carnet is a few kilobytes.
const DefaultMaxBytes = 8 << 20

// Fault types of inputs. Their path is relative to the document (empty:
// the whole document); Doc.Locate places them in the stream.
var (
	// FaultJSON: the document is not JSON; its arguments are what is wrong,
	// in French (%[1]s, message) and in English (%[2]s, message_en), as
	// spie.DescribeJSONError and spie.DescribeJSONErrorEN tell it.
	FaultJSON = &spie.FaultType{Code: "INPUT-JSON-01", Severity: spie.SeverityError, FR: "JSON illisible : %[1]s", EN: "unreadable JSON: %[2]s", Source: "RFC 8259 (syntaxe JSON) ; hygiène d'entrée propre à socle"}
	// FaultTrailing: data after the end of the document or of the array
	// (byte offset in the document, or in the input after an array).
	FaultTrailing = &spie.FaultType{Code: "INPUT-JSON-02", Severity: spie.SeverityError, FR: "données après la fin du document (octet %d)", EN: "data after the end of the document (byte %d)", Source: "RFC 8259 (un document JSON est une seule valeur) ; hygiène d'entrée propre à socle"}
	// FaultSize: the document is over the limit (its size, the limit).
	FaultSize = &spie.FaultType{Code: "INPUT-SIZE-01", Severity: spie.SeverityError, FR: "document trop grand : %d octets (maximum %d)", EN: "document too large: %d bytes (limit %d)", Source: "hygiène d'entrée propre à socle : taille maximale d'un document"}
)

// Retired fault types: no longer emitted since the one reader replaced
// internal/ndjson (an unreadable line is INPUT-JSON-01, a line over the
// limit INPUT-SIZE-01). They stay registered, with their published
// messages, so that their codes are never given to another fact.
var (
	RetiredFaultLine     = &spie.FaultType{Code: "INPUT-NDJSON-01", Severity: spie.SeverityError, FR: "ligne %d illisible : %s", EN: "line %d unreadable: %s", Source: "RFC 8259 et NDJSON (un document JSON par ligne) ; hygiène d'entrée propre à socle", Retired: true, ReplacedBy: []string{"INPUT-JSON-01"}}
	RetiredFaultLineSize = &spie.FaultType{Code: "INPUT-NDJSON-02", Severity: spie.SeverityError, FR: "ligne %d trop longue (plus de 16 Mio)", EN: "line %d too long (over 16 MiB)", Source: "hygiène d'entrée propre à socle : longueur maximale d'une ligne (16 Mio)", Retired: true, ReplacedBy: []string{"INPUT-SIZE-01"}}
)

// ErrEmpty is returned by Each when the input holds nothing but blanks and
// a byte order mark (an empty array is not empty input: it has no document).
var ErrEmpty = errors.New("entrée vide : aucun document JSON")

// Format is how an input holds its documents.
type Format uint8

// The three formats.
const (
	FormatDocument Format = iota + 1 // one document, possibly over several lines
	FormatNDJSON                     // one document per line
	FormatArray                      // the elements of a JSON array
)

// Options tune a read.
type Options struct {
	// MaxBytes is the size limit of one document, in bytes (0:
	// DefaultMaxBytes). Callers that validate pass schemas.Limits.MaxBytes.
	MaxBytes int
}

func (o Options) max() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Doc is one document of an input.
type Doc struct {
	// Index is the document's number in the input, from 1.
	Index int
	// Line is the line where the document starts, from 1.
	Line int
	// Format is how the input held this document.
	Format Format
	// Data is the document, blanks around it removed; nil with Fault.
	Data []byte
	// Size is the document's size in bytes (over the limit too).
	Size int
	// Fault, when not nil, says why the input could not give this document
	// (INPUT-SIZE-01, INPUT-JSON-01, INPUT-JSON-02); its path is empty.
	Fault *spie.Fault
}

// Pointer places the document in its input as a JSON Pointer: /i for the
// element i (from 0) of an array, /N for a document starting on line N of
// NDJSON or of a single document.
func (d Doc) Pointer() string {
	if d.Format == FormatArray {
		return spie.Pointer(d.Index - 1)
	}
	return spie.Pointer(d.Line)
}

// Locate returns f, a fault of the document, with its path placed in the
// input (Pointer followed by the fault's own path), for reports that list
// the faults of several documents.
func (d Doc) Locate(f spie.Fault) spie.Fault {
	f.Path = d.Pointer() + f.Path
	return f
}

// Each reads every document of r in order and calls fn with each. It
// returns ErrEmpty when r holds no document, the error of fn when fn fails
// (which stops the read), or a read error of r (in French, wrapping the
// system's); a document the input cannot give is not an error but a Doc
// with its Fault.
func Each(r io.Reader, o Options, fn func(Doc) error) error {
	rd := &reader{br: bufio.NewReaderSize(r, 1<<16), max: o.max(), line: 1, fn: fn}
	if err := rd.read(); err != nil {
		if errors.Is(err, errStop) {
			return rd.stopErr
		}
		return fmt.Errorf("lecture interrompue à la ligne %d : %w", rd.line, err)
	}
	if !rd.started {
		return ErrEmpty
	}
	return nil
}

// Decode reads every document of r (see Each) into a fresh *T and calls fn
// with it. A document that cannot be read or decoded is given to bad with
// its fault placed in the input (Doc.Locate) and skipped. An empty input is
// not an error; an error of fn stops the read and is returned.
func Decode[T any](r io.Reader, o Options, fn func(d Doc, v *T) error, bad func(d Doc, f spie.Fault)) error {
	err := Each(r, o, func(d Doc) error {
		if d.Fault != nil {
			bad(d, d.Locate(*d.Fault))
			return nil
		}
		v := new(T)
		if err := json.Unmarshal(d.Data, v); err != nil {
			bad(d, d.Locate(FaultJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))))
			return nil
		}
		return fn(d, v)
	})
	if errors.Is(err, ErrEmpty) {
		return nil
	}
	return err
}

// missingBracket: the input ends inside an array.
var missingBracket = [2]any{"fin du tableau manquante", "missing end of the array"}

// errStop marks a stop asked by the caller's function.
var errStop = errors.New("arrêt")

type reader struct {
	br      *bufio.Reader
	max     int
	line    int   // line of the next byte, from 1
	off     int64 // bytes consumed
	n       int   // documents given
	started bool  // a non-blank byte was found
	fn      func(Doc) error
	stopErr error
}

func (r *reader) emit(d Doc) error {
	r.n++
	d.Index = r.n
	if err := r.fn(d); err != nil {
		r.stopErr = err
		return errStop
	}
	return nil
}

func (r *reader) emitData(line int, f Format, data []byte, size int) error {
	if size > r.max {
		return r.emitFault(line, f, size, FaultSize.At("", size, r.max))
	}
	if len(data) == 0 {
		return r.emitFault(line, f, size, FaultJSON.At("", "document vide", "empty document"))
	}
	if at := trailing(data); at >= 0 {
		return r.emitFault(line, f, size, FaultTrailing.At("", at))
	}
	return r.emit(Doc{Line: line, Format: f, Data: data, Size: size})
}

// trailing returns the offset in data of the first non-blank byte after
// its first value, -1 when there is none: two documents on one line, an
// extra closing bracket. The first value is found by its brackets, strings
// and tokens; only when something follows it is its syntax checked: a
// broken first value (`not json`, `{oops} {}`) is left to the caller's
// decoder, which reports the syntax error first, as schemas.Validate does.
func trailing(data []byte) int {
	end := valueEnd(data)
	if isBare(data[0]) {
		// A number or a literal ends where encoding/json's decoder says:
		// "00" is the value 0 followed by 0 for a json.Decoder.
		dec := json.NewDecoder(bytes.NewReader(data))
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return -1
		}
		end = int(dec.InputOffset())
	}
	for i := end; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
		default:
			if !json.Valid(data[:end]) {
				return -1
			}
			return i
		}
	}
	return -1
}

// isBare reports whether a value starting with c is a bare token (a
// number, true, false, null or something broken), not an object, an array
// or a string.
func isBare(c byte) bool { return c != '{' && c != '[' && c != '"' }

// valueEnd returns the index just after the value that starts data (not
// blank): its closing bracket or quote, or the end of a bare token
// (number, true, false, null); len(data) when it does not end.
func valueEnd(data []byte) int {
	if isBare(data[0]) {
		for i, c := range data {
			switch c {
			case ' ', '\t', '\r', '\n', '{', '[', '"', '}', ']', ',', ':':
				return i
			}
		}
		return len(data)
	}
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			// Jump to the quote that closes the string: the next one not
			// escaped by an odd number of backslashes (IndexByte is fast).
			j := i + 1
			for {
				k := bytes.IndexByte(data[j:], '"')
				if k < 0 {
					return len(data)
				}
				j += k
				n := 0
				for n < j-i-1 && data[j-1-n] == '\\' {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			i = j
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				return i + 1
			}
		}
	}
	return len(data)
}

func (r *reader) emitFault(line int, f Format, size int, fault spie.Fault) error {
	return r.emit(Doc{Line: line, Format: f, Size: size, Fault: &fault})
}

func (r *reader) read() error {
	if b, err := r.br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = r.br.Discard(3)
		r.off += 3
	}
	first, err := r.skipBlanks()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	r.started = true
	// A loop, not a recursion: an input of many arrays one after the other
	// ("[] [] […") takes constant stack.
	for first == '[' {
		more, err := r.array()
		if !more || err != nil {
			return err
		}
		if first, err = r.skipBlanks(); err != nil {
			return err
		}
	}
	return r.documents()
}

// skipBlanks consumes JSON blanks and returns the next byte, unread.
func (r *reader) skipBlanks() (byte, error) {
	for {
		b, err := r.br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case '\n':
			r.line++
		case ' ', '\t', '\r':
		default:
			return b[0], nil
		}
		_, _ = r.br.Discard(1)
		r.off++
	}
}

// readLine reads the next line, without its end of line. Its bytes are kept
// only while the line is within the limit (data is then nil, size counts
// on); sc, when not nil, sees every byte.
func (r *reader) readLine(sc *scanner) (data []byte, size int, err error) {
	keep, prevCR := true, false
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if sc != nil {
			sc.feed(chunk)
		}
		size += len(chunk)
		if keep {
			if size > r.max+2 { // +2: the CRLF is not part of the document
				keep, data = false, nil
			} else {
				data = append(data, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			prevCR = len(chunk) > 0 && chunk[len(chunk)-1] == '\r'
			continue
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			r.line++
			size-- // the end of line is not part of the document
			if len(chunk) > 1 && chunk[len(chunk)-2] == '\r' || len(chunk) == 1 && prevCR {
				size--
			}
		}
		trimmed := bytes.TrimSpace(data)
		if keep {
			size = len(trimmed) // blanks around are not counted
		} else {
			size = max(size, r.max+1)
			trimmed = nil
		}
		return trimmed, size, err
	}
}

// documents reads a document then NDJSON (see the package doc).
func (r *reader) documents() error {
	line := r.line
	var sc scanner
	l1, size1, err := r.readLine(&sc)
	if err != nil && err != io.EOF {
		return err
	}
	if size1 > r.max || sc.depth == 0 || err == io.EOF || json.Valid(l1) {
		if e := r.emitData(line, FormatNDJSON, l1, size1); e != nil {
			return e
		}
		if err == io.EOF {
			return nil
		}
		return r.ndjson()
	}
	// The first line opens a value it does not close: a broken line, or the
	// start of a document over several lines. The next non-blank line decides.
	var pending bytes.Buffer
	pending.Write(l1)
	size := size1
	if _, err := r.skipBlanks(); err == io.EOF {
		return r.emitData(line, FormatNDJSON, l1, size1)
	} else if err != nil {
		return err
	}
	line2 := r.line
	l2, size2, err := r.readLine(&sc)
	if err != nil && err != io.EOF {
		return err
	}
	if size2 > r.max || json.Valid(l2) {
		if e := r.emitData(line, FormatNDJSON, l1, size1); e != nil {
			return e
		}
		if e := r.emitData(line2, FormatNDJSON, l2, size2); e != nil {
			return e
		}
		if err == io.EOF {
			return nil
		}
		return r.ndjson()
	}
	// One document over several lines, up to the line that closes it.
	for {
		pending.WriteByte('\n')
		pending.Write(l2)
		size += 1 + size2
		if size > r.max {
			pending = bytes.Buffer{}
		}
		if sc.depth == 0 || err == io.EOF {
			break
		}
		l2, size2, err = r.readLine(&sc)
		if err != nil && err != io.EOF {
			return err
		}
	}
	data := pending.Bytes()
	if size > r.max {
		data = nil
	}
	format := FormatNDJSON
	if err == io.EOF {
		format = FormatDocument
	}
	if e := r.emitData(line, format, data, size); e != nil {
		return e
	}
	if err == io.EOF {
		return nil
	}
	return r.ndjson()
}

// ndjson reads one document per non-blank line to the end.
func (r *reader) ndjson() error {
	for {
		line := r.line
		data, size, err := r.readLine(nil)
		if err != nil && err != io.EOF {
			return err
		}
		if size > 0 {
			if e := r.emitData(line, FormatNDJSON, data, size); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// array streams the elements of the array that starts at the next byte.
// more reports data after its closing bracket, reported as a fault and
// left unread for the caller to read as documents.
func (r *reader) array() (more bool, err error) {
	_, _ = r.br.Discard(1)
	r.off++
	for i := 0; ; i++ {
		b, err := r.skipBlanks()
		if err == io.EOF {
			return false, r.emitFault(r.line, FormatArray, 0, FaultJSON.At("", missingBracket[:]...))
		}
		if err != nil {
			return false, err
		}
		if i == 0 && b == ']' {
			_, _ = r.br.Discard(1)
			r.off++
			break
		}
		line := r.line
		data, size, end, err := r.element()
		if err != nil && err != io.EOF {
			return false, err
		}
		if e := r.emitData(line, FormatArray, data, size); e != nil {
			return false, e
		}
		if end == ']' {
			break
		}
		if end == 0 {
			return false, r.emitFault(r.line, FormatArray, 0, FaultJSON.At("", missingBracket[:]...))
		}
	}
	// After the closing bracket: blanks only. Anything else is reported,
	// then read as documents (another array, or a document then NDJSON),
	// so that no document after a stray bracket is lost.
	if _, err := r.skipBlanks(); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return true, r.emitFault(r.line, FormatArray, 0, FaultTrailing.At("", r.off))
}

// element reads one element of an array, up to the comma or bracket that
// ends it (end: ',' or ']', 0 at the end of the input), keeping its bytes
// while within the limit.
func (r *reader) element() (data []byte, size int, end byte, err error) {
	var sc scanner
	sc.inArray = true
	keep := true
	for {
		if _, err = r.br.Peek(1); err != nil {
			break
		}
		chunk, _ := r.br.Peek(r.br.Buffered())
		i := sc.feed(chunk)
		part := chunk
		if i >= 0 {
			part, end = chunk[:i], chunk[i]
		}
		r.line += bytes.Count(part, []byte{'\n'})
		size += len(part)
		if keep && size > r.max+64 { // blanks around are trimmed below
			keep, data = false, nil
		}
		if keep {
			data = append(data, part...)
		}
		consumed := len(part)
		if i >= 0 {
			consumed++
		}
		_, _ = r.br.Discard(consumed)
		r.off += int64(consumed)
		if i >= 0 {
			break
		}
	}
	if err == io.EOF {
		err = nil
	}
	trimmed := bytes.TrimSpace(data)
	if keep {
		size = len(trimmed)
	}
	if size > r.max {
		return nil, size, end, err
	}
	return trimmed, size, end, err
}

// scanner follows the brackets and strings of JSON text without checking
// it, to find where a value ends.
type scanner struct {
	depth   int
	inStr   bool
	esc     bool
	inArray bool // an element: ends at ',' or ']' at depth 0
}

// feed scans b and returns, for an element, the index of the ',' or ']'
// that ends it (-1 if none in b).
func (s *scanner) feed(b []byte) int {
	for i, c := range b {
		switch {
		case s.esc:
			s.esc = false
		case s.inStr:
			switch c {
			case '\\':
				s.esc = true
			case '"':
				s.inStr = false
			}
		case c == '"':
			s.inStr = true
		case c == '{' || c == '[':
			s.depth++
		case c == '}' || c == ']':
			if s.depth == 0 {
				if s.inArray && c == ']' {
					return i
				}
				continue
			}
			s.depth--
		case c == ',' && s.inArray && s.depth == 0:
			return i
		}
	}
	return -1
}
