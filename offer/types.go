package offer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// RawJSON is a JSON value kept as written.
type RawJSON = json.RawMessage

// Date is a calendar date written YYYY-MM-DD, kept as written so that an
// invalid value is reported, never lost.
type Date string

// DateLayout is the layout of Date.
const DateLayout = "2006-01-02"

// NewDate returns the Date of t (its year, month and day in t's location).
func NewDate(t time.Time) Date { return Date(t.Format(DateLayout)) }

// JSONFormat gives the JSON Schema format of a Date.
func (Date) JSONFormat() string { return "date" }

// Time returns the date at midnight UTC.
func (d Date) Time() (time.Time, error) {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q invalide, attendue AAAA-MM-JJ", string(d))
	}
	return t, nil
}

// MaxIntegerDigits is the most digits an Integer written with digits only
// may have: pydantic-core reads a JSON integer of any size into a Python
// int (unbounded) up to Python's default int_max_str_digits, 4,300 digits,
// and refuses a longer one (checked against data·inclusion's models with
// pydantic 2.13: 4,300 nines valid, 4,301 refused).
const MaxIntegerDigits = 4300

// Integer is a JSON integer of any size, as data·inclusion's models read an
// `int` field (nombre_semaines; Python integers have no bound): an integer
// written with digits only (12345678901234567890, -10^30 written out) is
// kept exactly, up to MaxIntegerDigits digits. An integral number written
// with a fraction or an exponent (3.0, 3e0, 1e17) is an integer too, as
// JSON Schema and data·inclusion say, within int64 (read exactly:
// 9007199254740993.0 is that integer, not the nearest float64); beyond,
// pydantic refuses it (int_parsing_size), and so does Integer.
//
// Its value is held as its canonical decimal digits (no leading zero, -0 is
// 0), so decoding, re-encoding and comparing never round it. The zero value
// is 0.
type Integer struct {
	dec string // canonical decimal digits; "" is 0
}

// NewInteger returns the Integer i.
func NewInteger(i int64) Integer {
	if i == 0 {
		return Integer{}
	}
	return Integer{dec: strconv.FormatInt(i, 10)}
}

// String returns the integer in decimal digits, with a leading "-" when
// negative.
func (n Integer) String() string {
	if n.dec == "" {
		return "0"
	}
	return n.dec
}

// Sign returns -1, 0 or +1 as the integer is negative, zero or positive.
func (n Integer) Sign() int {
	switch {
	case n.dec == "":
		return 0
	case n.dec[0] == '-':
		return -1
	}
	return 1
}

// Int64 returns the integer as an int64; ok is false when it lies beyond
// int64 (then i is 0).
func (n Integer) Int64() (i int64, ok bool) {
	v, err := strconv.ParseInt(n.String(), 10, 64)
	return v, err == nil
}

// Big returns the integer as a new big.Int.
func (n Integer) Big() *big.Int {
	b, _ := new(big.Int).SetString(n.String(), 10)
	return b
}

// Bounds gives the smallest and largest integer Integer reads when written
// as the JSON number lit, in the words of a message: ±(10^4300 − 1) for
// digits only (MaxIntegerDigits), the bounds of int64 for a number written
// with a fraction or an exponent.
func (Integer) Bounds(lit string) (lo, hi string) {
	if plainDigits(lit) {
		return fmt.Sprintf("-(10^%d − 1)", MaxIntegerDigits), fmt.Sprintf("10^%d − 1", MaxIntegerDigits)
	}
	return strconv.FormatInt(math.MinInt64, 10), strconv.FormatInt(math.MaxInt64, 10)
}

// plainDigits reports whether b is a JSON integer written with digits only:
// an optional "-", then 0 or a digit 1–9 followed by digits (RFC 8259 §6).
func plainDigits[T string | []byte](b T) bool {
	i := 0
	if len(b) > 0 && b[0] == '-' {
		i = 1
	}
	if i == len(b) || b[i] == '0' && len(b) > i+1 {
		return false
	}
	for ; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

// MarshalJSON implements json.Marshaler: the decimal digits, as a JSON
// number.
func (n Integer) MarshalJSON() ([]byte, error) {
	return []byte(n.String()), nil
}

// UnmarshalJSON implements json.Unmarshaler. null leaves n unchanged; a
// value that is not an integer, or lies beyond the bounds above, is a
// *json.UnmarshalTypeError.
func (n *Integer) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, " \t\r\n") // JSON white space (RFC 8259 §2)
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if plainDigits(b) {
		digits := bytes.TrimPrefix(b, []byte("-"))
		if len(digits) > MaxIntegerDigits {
			return &json.UnmarshalTypeError{Value: "number " + string(b), Type: integerType}
		}
		if string(digits) == "0" {
			*n = Integer{}
		} else {
			*n = Integer{dec: string(b)}
		}
		return nil
	}
	// Exact arithmetic, on exponents small enough to stay cheap (an int64
	// has 19 digits; 1e999999999 would cost gigabytes).
	if !json.Valid(b) || exponentBeyond(b, 400) {
		return &json.UnmarshalTypeError{Value: "number " + string(b), Type: integerType}
	}
	r, ok := new(big.Rat).SetString(string(b))
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return &json.UnmarshalTypeError{Value: "number " + string(b), Type: integerType}
	}
	*n = NewInteger(r.Num().Int64())
	return nil
}

var integerType = reflect.TypeOf(Integer{})

// exponentBeyond reports whether the number literal b has an exponent
// beyond ±max.
func exponentBeyond(b []byte, max int) bool {
	i := bytes.IndexAny(b, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.Atoi(strings.TrimPrefix(string(b[i+1:]), "+"))
	return err != nil || e > max || e < -max
}

// ZoneCode is one item of a zone d'éligibilité: an INSEE commune code (5
// characters), a département code (2–3), an EPCI SIREN (9 digits), a country
// code (99xxx, 99100 being France) or the word "france".
type ZoneCode string

// ZoneKind is the kind of a ZoneCode.
type ZoneKind int

// The kinds of zone codes.
const (
	ZoneInvalid ZoneKind = iota
	ZoneFrance
	ZonePays
	ZoneCommune
	ZoneDepartement
	ZoneEPCI
)

// ZoneFranceCode is the zone of the whole country.
const ZoneFranceCode ZoneCode = "france"

var (
	// The patterns of data·inclusion's common.py (CodePays, CodeCommune,
	// CodeDepartement, CodeEPCI = CodeSiren, CodePostal, CodeSiret), read
	// as its models' regex engine reads them (ModelPattern), each with the
	// loop that decides as it does.
	reZonePays = newModelPattern(`^99[0-5]\d{2}$`, func(s string) bool {
		// "99" and [0-5] are ASCII bytes: no rune of more than one byte
		// starts with one of them.
		return len(s) >= 5 && s[:2] == "99" && s[2] >= '0' && s[2] <= '5' && runeRun(s[3:], 2, 2, isModelDigit)
	})
	reZoneCom    = newModelPattern(`^\w{5}$`, func(s string) bool { return runeRun(s, 5, 5, isModelWord) })
	reZoneDep    = newModelPattern(`^\w{2,3}$`, func(s string) bool { return runeRun(s, 2, 3, isModelWord) })
	reZoneEPCI   = newModelPattern(`^\d{9}$`, func(s string) bool { return runeRun(s, 9, 9, isModelDigit) })
	reCodePostal = newModelPattern(`^\d{5}$`, func(s string) bool { return runeRun(s, 5, 5, isModelDigit) })
	reCodeInsee  = reZoneCom
	reSiret      = newModelPattern(`^\d{14}$`, func(s string) bool { return runeRun(s, 14, 14, isModelDigit) })

	// modelPatterns are the patterns of the models that have a loop.
	modelPatterns = []*modelPattern{reZonePays, reZoneCom, reZoneDep, reZoneEPCI, reCodePostal, reSiret}
)

// modelPattern is a pattern of data·inclusion's models and the loop that
// decides, without a regular expression, what its regexp decides once read
// as the models' regex engine reads it (ModelPattern: \d and \w are
// Unicode classes; Go's regexp reads a byte of invalid UTF-8 as U+FFFD, in
// no class, as the loop does). The regexp, compiled on first use, is the
// oracle of the loop (TestModelPatternsAgree, FuzzModelPatterns), never run
// to check a value (issue 17: no regular expression on the hot path).
type modelPattern struct {
	pattern string
	re      func() *regexp.Regexp
	match   func(string) bool
}

func newModelPattern(p string, match func(string) bool) *modelPattern {
	return &modelPattern{pattern: p, match: match,
		re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(ModelPattern(p)) })}
}

// MatchString reports whether s matches the pattern as the models read it.
func (p *modelPattern) MatchString(s string) bool { return p.match(s) }

// ModelMatcher returns the loop of a pattern of data·inclusion's models as
// its schema writes it (`^\d{5}$`, `^\w{5}$`, `^\w{2,3}$`, `^\d{9}$`,
// `^\d{14}$`, `^99[0-5]\d{2}$`): it accepts exactly the strings that the
// regexp of ModelPattern(pattern) matches, without a regular expression.
// Any other pattern gives nil. The JSON Schema fast path of package schemas
// checks these patterns with it.
func ModelMatcher(pattern string) func(string) bool {
	for _, p := range modelPatterns {
		if p.pattern == pattern {
			return p.match
		}
	}
	return nil
}

// runeRun reports whether s is lo to hi runes (a byte of invalid UTF-8
// counting as one, U+FFFD, as Go's regexp reads it), each of the class.
func runeRun(s string, lo, hi int, class func(rune) bool) bool {
	if len(s) < lo || len(s) > hi*utf8.UTFMax {
		return false
	}
	n := 0
	for i := 0; i < len(s); n++ {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if n == hi || !class(r) {
			return false
		}
		i += size
	}
	return n >= lo
}

// isModelDigit is \d of the models' regex engine: Unicode's decimal digits
// (Nd) of that engine's Unicode version (modelDigitTable, generated by
// running the models), ASCII 0–9 among them, read by a byte test.
func isModelDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIDigit(byte(r))
	}
	return unicode.Is(modelDigitTable, r)
}

// isModelWord is \w of the models' regex engine (modelWordTable, generated
// by running the models): letters, letter numbers, marks, decimal digits,
// connector punctuation, the joiners and the circled letters of that
// engine's Unicode version; in ASCII, [A-Za-z0-9_], read by a byte test.
func isModelWord(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.Is(modelWordTable, r)
}

func isASCIIWord(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || isASCIIDigit(b) || b == '_'
}

// Kind classifies the code as data·inclusion reads it. The country code of
// France, 99100, counts as ZoneFrance.
func (z ZoneCode) Kind() ZoneKind {
	s := string(z)
	switch {
	case s == "france" || s == "99100":
		return ZoneFrance
	case reZonePays.MatchString(s):
		return ZonePays
	case reZoneCom.MatchString(s):
		return ZoneCommune
	case reZoneEPCI.MatchString(s):
		return ZoneEPCI
	case reZoneDep.MatchString(s):
		return ZoneDepartement
	}
	return ZoneInvalid
}
