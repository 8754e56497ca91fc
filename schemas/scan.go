package schemas

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
)

// scanner reads JSON (RFC 8259) strictly from a byte slice, under Limits. It
// is shared by CheckInput, which only skips values, and by the fast decoder,
// which reads them into Go values: both meet input problems in the same
// order and report them the same way. The first input problem aborts the
// read with a panic of inputAbort, recovered by document.
type scanner struct {
	data  []byte
	pos   int
	lim   Limits
	depth int
	path  []pathTok
	buf   []byte
	keys  []keySet
	// src is the document as a string when the decoder keeps strings: the
	// strings without escapes are then slices of it, not copies.
	src string
	// raw tells whether the last string read had no escape; its bytes are
	// then data[rawStart:rawEnd].
	raw              bool
	rawStart, rawEnd int
}

// pathTok is one token of the current JSON Pointer: a key, or an index when
// idx >= 0.
type pathTok struct {
	key string
	idx int
}

// keySet holds the keys met in one object being skipped, to refuse repeats.
type keySet struct {
	list []string
	set  map[string]struct{}
}

type inputAbort struct{ f spie.Fault }

func (s *scanner) reset(data []byte, l Limits) {
	s.data, s.pos, s.lim, s.depth = data, 0, l, 0
	s.path = s.path[:0]
	s.src = ""
}

// document reads the whole document with read (nil: skip it) and returns
// the input fault that stopped it, if any.
func (s *scanner) document(read func()) (f *spie.Fault) {
	defer func() {
		if r := recover(); r != nil {
			a, ok := r.(inputAbort)
			if !ok {
				panic(r)
			}
			f = &a.f
		}
	}()
	if len(s.data) > s.lim.MaxBytes {
		s.fail(FaultSize, "", len(s.data), s.lim.MaxBytes)
	}
	if len(s.data) >= 3 && s.data[0] == 0xEF && s.data[1] == 0xBB && s.data[2] == 0xBF {
		s.fail(FaultBOM, "")
	}
	s.ws()
	if read == nil {
		s.skip()
	} else {
		read()
	}
	s.ws()
	if s.pos < len(s.data) {
		s.fail(FaultTrailing, "", s.pos)
	}
	return nil
}

func (s *scanner) fail(t *spie.FaultType, path string, args ...any) {
	panic(inputAbort{t.At(path, args...)})
}

// syntax refuses the document with what is wrong at the current byte, in
// French (fr) and in English (en).
func (s *scanner) syntax(fr, en string) {
	at := strconv.Itoa(s.pos)
	s.fail(FaultJSON, "", fr+" à l'octet "+at, en+" at byte "+at)
}

// pointer returns the JSON Pointer of the current value.
func (s *scanner) pointer() string {
	if len(s.path) == 0 {
		return ""
	}
	var b strings.Builder
	for _, t := range s.path {
		if t.idx < 0 && t.key == "" {
			// The JSON Schema validator drops the token of an empty key
			// from the locations of values; faults point where it does.
			continue
		}
		b.WriteByte('/')
		if t.idx >= 0 {
			b.WriteString(strconv.Itoa(t.idx))
		} else {
			b.WriteString(escapeToken(t.key))
		}
	}
	return b.String()
}

// pointerTo returns the JSON Pointer of member key of the current object.
func (s *scanner) pointerTo(key string) string { return s.pointer() + "/" + escapeToken(key) }

func escapeToken(k string) string {
	if !strings.ContainsAny(k, "~/") {
		return k
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
}

func (s *scanner) pushKey(k string) { s.path = append(s.path, pathTok{key: k, idx: -1}) }
func (s *scanner) pushIdx(i int)    { s.path = append(s.path, pathTok{idx: i}) }
func (s *scanner) pop()             { s.path = s.path[:len(s.path)-1] }

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte, failing at the end of the data.
func (s *scanner) peek() byte {
	if s.pos >= len(s.data) {
		s.syntax("fin inattendue du document", "unexpected end of the document")
	}
	return s.data[s.pos]
}

func (s *scanner) expect(c byte) {
	s.ws()
	if s.peek() != c {
		s.unexpected()
	}
	s.pos++
}

func (s *scanner) unexpected() {
	c := s.data[s.pos]
	if c < 0x20 || c >= 0x7f {
		s.syntax(fmt.Sprintf("octet inattendu 0x%02x", c), fmt.Sprintf("unexpected byte 0x%02x", c))
	}
	s.syntax(fmt.Sprintf("caractère inattendu %q", c), fmt.Sprintf("unexpected character %q", c))
}

// enter opens an object or array, checking the depth.
func (s *scanner) enter() {
	s.depth++
	if s.depth > s.lim.MaxDepth {
		s.fail(FaultDepth, s.pointer(), s.lim.MaxDepth)
	}
	s.pos++
}

// more reads what follows a member or item: true after a comma, false at
// the closing byte end.
func (s *scanner) more(end byte) bool {
	s.ws()
	switch s.peek() {
	case ',':
		s.pos++
		s.ws()
		return true
	case end:
		s.pos++
		s.depth--
		return false
	}
	s.unexpected()
	return false
}

// empty reports (and consumes) the closing byte of an empty object or array.
func (s *scanner) empty(end byte) bool {
	s.ws()
	if s.peek() == end {
		s.pos++
		s.depth--
		return true
	}
	return false
}

// key reads a member name and the colon after it; the bytes are valid until
// the next string is read.
func (s *scanner) key() []byte {
	if s.peek() != '"' {
		s.unexpected()
	}
	k := s.str()
	s.expect(':')
	s.ws()
	return k
}

// skip reads and checks one value without keeping it.
func (s *scanner) skip() {
	switch c := s.peek(); {
	case c == '{':
		s.skipObject()
	case c == '[':
		s.enter()
		if s.empty(']') {
			return
		}
		for i := 0; ; i++ {
			s.item(i)
			s.pushIdx(i)
			s.skip()
			s.pop()
			if !s.more(']') {
				return
			}
		}
	case c == '"':
		s.str()
	case c == 't' || c == 'f' || c == 'n':
		s.literal()
	case c == '-' || (c >= '0' && c <= '9'):
		s.number()
	default:
		s.unexpected()
	}
}

// item checks the array length before item i is read.
func (s *scanner) item(i int) {
	if i >= s.lim.MaxArrayLen {
		s.fail(FaultArrayLen, s.pointer(), s.lim.MaxArrayLen)
	}
}

func (s *scanner) skipObject() {
	s.enter()
	if s.empty('}') {
		return
	}
	d := s.depth
	for len(s.keys) <= d {
		s.keys = append(s.keys, keySet{})
	}
	s.keys[d].list = s.keys[d].list[:0]
	s.keys[d].set = nil
	for {
		k := string(s.key())
		s.seen(d, k)
		s.pushKey(k)
		s.skip()
		s.pop()
		if !s.more('}') {
			return
		}
	}
}

// seen records key k of the object at depth d, refusing a repeat.
func (s *scanner) seen(d int, k string) { s.seenIn(&s.keys[d], k) }

// seenIn records key k in ks, refusing a repeat.
func (s *scanner) seenIn(ks *keySet, k string) {
	if ks.set != nil {
		if _, ok := ks.set[k]; ok {
			s.fail(FaultDuplicate, s.pointerTo(k))
		}
		ks.set[k] = struct{}{}
		return
	}
	for _, o := range ks.list {
		if o == k {
			s.fail(FaultDuplicate, s.pointerTo(k))
		}
	}
	ks.list = append(ks.list, k)
	if len(ks.list) > 16 {
		ks.set = make(map[string]struct{}, 2*len(ks.list))
		for _, o := range ks.list {
			ks.set[o] = struct{}{}
		}
	}
}

func (s *scanner) literal() {
	for _, w := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(string(s.data[s.pos:min(len(s.data), s.pos+5)]), w) {
			s.pos += len(w)
			return
		}
	}
	s.unexpected()
}

// lit reads true, false or null and returns which (t, f or n).
func (s *scanner) lit() byte {
	c := s.data[s.pos]
	s.literal()
	return c
}

// number reads a number literal and returns its bytes.
func (s *scanner) number() []byte {
	d, start := s.data, s.pos
	i := start
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		s.pos = min(i, len(d)-1)
		s.syntax("nombre mal formé", "malformed number")
	}
	if i < len(d) && d[i] == '.' {
		i++
		j := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == j {
			s.pos = min(i, len(d)-1)
			s.syntax("nombre mal formé", "malformed number")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		j, exp := i, 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			if exp <= maxExponent {
				exp = exp*10 + int(d[i]-'0')
			}
			i++
		}
		if i == j {
			s.pos = min(i, len(d)-1)
			s.syntax("nombre mal formé", "malformed number")
		}
		if exp > maxExponent {
			s.fail(FaultNumber, s.pointer(), fmt.Sprintf("exposant au-delà de %d", maxExponent), fmt.Sprintf("exponent beyond %d", maxExponent))
		}
	}
	if i-start > s.lim.MaxNumberLen {
		s.fail(FaultNumber, s.pointer(), fmt.Sprintf("%d chiffres (maximum %d)", i-start, s.lim.MaxNumberLen), fmt.Sprintf("%d digits (limit %d)", i-start, s.lim.MaxNumberLen))
	}
	s.pos = i
	return d[start:i]
}

// str reads a string (s.data[s.pos] is the opening quote) and returns its
// decoded bytes, valid until the next call.
//
// The bytes are passed eight at a time while none is a quote, a backslash
// or a control byte (textWord) and all are ASCII; a word with a byte at or
// above 0x80 is passed up to that byte, whose UTF-8 sequence is checked
// where it stands (utf8Seq), and the reading goes on by words after it:
// accented text stays in the word loop, and every byte is looked at once.
// Then byte by byte up to the byte that ends the text. A problem is the
// first in the order of the bytes, as a reading one character at a time
// finds it.
func (s *scanner) str() []byte {
	const highs = 0x8080808080808080
	d := s.data
	start := s.pos + 1
	i := start
	for i+8 <= len(d) {
		x := binary.LittleEndian.Uint64(d[i:])
		if !textWord(x) {
			break
		}
		if h := x & highs; h != 0 {
			i += bits.TrailingZeros64(h) >> 3
			i += s.utf8Seq(i)
			continue
		}
		i += 8
	}
	for i < len(d) {
		if c := d[i]; c < utf8.RuneSelf {
			if !textByte[c] {
				break
			}
			i++
		} else {
			i += s.utf8Seq(i)
		}
	}
	if i >= len(d) {
		s.pos = len(d)
		s.syntax("texte non terminé", "unterminated string")
	}
	switch c := d[i]; {
	case c == '"':
		s.pos = i + 1
		if i-start > s.lim.MaxStringLen {
			s.fail(FaultStringLen, s.pointer(), s.lim.MaxStringLen)
		}
		s.raw, s.rawStart, s.rawEnd = true, start, i
		return d[start:i]
	case c == '\\':
		return s.escaped(start, i)
	default: // a control byte
		s.pos = i
		s.syntax("caractère de contrôle dans un texte", "control character in a string")
	}
	return nil
}

// utf8Seq returns the length of the UTF-8 sequence at data[i] (a byte at or
// above 0x80), refusing the text when it is not one (RFC 3629): two bytes
// (U+0080–U+07FF, the accented letters of French) checked here, longer ones
// by utf8.DecodeRune.
func (s *scanner) utf8Seq(i int) int {
	d := s.data
	if c := d[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(d) && d[i+1]&0xC0 == 0x80 {
		return 2
	}
	r, n := utf8.DecodeRune(d[i:])
	if r == utf8.RuneError && n == 1 {
		s.fail(FaultUTF8, s.pointer(), i)
	}
	return n
}

// escaped finishes reading a string that has an escape at i, decoding into
// the scratch buffer.
func (s *scanner) escaped(start, i int) []byte {
	s.raw = false
	d := s.data
	b := append(s.buf[:0], d[start:i]...)
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			s.pos = i + 1
			s.buf = b
			if len(b) > s.lim.MaxStringLen {
				s.fail(FaultStringLen, s.pointer(), s.lim.MaxStringLen)
			}
			return b
		case c == '\\':
			if i+1 >= len(d) {
				s.pos = len(d)
				s.syntax("texte non terminé", "unterminated string")
			}
			switch e := d[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(d, i+2)
				if !ok {
					s.pos = i
					s.syntax("séquence \\u mal formée", "malformed \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(0), false
					if i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok2 = hex4(d, i+2)
					}
					r = utf16.DecodeRune(r, r2)
					if !ok2 || r == utf8.RuneError {
						s.fail(FaultUTF8, s.pointer(), i-6)
					}
					i += 6
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				s.pos = i
				s.syntax("échappement inconnu", "unknown escape")
			}
			i += 2
		case c < 0x20:
			s.pos = i
			s.syntax("caractère de contrôle dans un texte", "control character in a string")
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && n == 1 {
				s.fail(FaultUTF8, s.pointer(), i)
			}
			b = append(b, d[i:i+n]...)
			i += n
		}
	}
	s.pos = len(d)
	s.syntax("texte non terminé", "unterminated string")
	return nil
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// text returns the last string read (b, as str returned it) as a Go string:
// a slice of src when it had no escape, else a copy.
func (s *scanner) text(b []byte) string {
	if s.raw && s.src != "" {
		return s.src[s.rawStart:s.rawEnd]
	}
	return string(b)
}

// textWord reports whether none of the eight bytes of x is a control byte
// (below 0x20), '"' or '\\' — the bytes that end or escape a string —
// bytes at or above 0x80 included. The tests of a byte in a word are those of "Bit Twiddling
// Hacks" (S. E. Anderson, hasless and haszero), which may flag a byte
// above one that is flagged rightly but never flag alone; neither
// reports a byte at or above 0x80 (hasless and haszero look at the high
// bit of x, which such a byte sets): as a whole textWord is exact.
func textWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, b := x^('"'*ones), x^('\\'*ones)
	below := (x - 0x20*ones) &^ x
	quote := (q - ones) &^ q
	back := (b - ones) &^ b
	return (below|quote|back)&highs == 0
}

// textByte marks the bytes textWord passes: all but the control bytes,
// '"' and '\\'.
var textByte = func() (t [256]bool) {
	for c := 0x20; c < 0x100; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainName reports whether name is written in a JSON string as it is:
// valid UTF-8 with no byte that ends or escapes a string (textByte).
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if !textByte[name[i]] {
			return false
		}
	}
	return utf8.ValidString(name)
}

// nameHead returns the first eight bytes of name as a little-endian word
// (the bytes past a shorter name zero) and the mask of the bytes that are
// the name's.
func nameHead(name string) (head, mask uint64) {
	for i := 0; i < len(name) && i < 8; i++ {
		head |= uint64(name[i]) << (8 * i)
		mask |= 0xff << (8 * i)
	}
	return head, mask
}
