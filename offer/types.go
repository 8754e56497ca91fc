package offer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
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

// Integer is a JSON integer that also accepts integral numbers written with a
// fraction or an exponent (3.0, 3e0, 1e17), as JSON Schema and data·inclusion
// do, within int64 (read exactly: 9007199254740993.0 is that integer, not the
// nearest float64).
type Integer int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Integer) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if v, err := strconv.ParseInt(string(b), 10, 64); err == nil {
		*n = Integer(v)
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
	*n = Integer(r.Num().Int64())
	return nil
}

var integerType = reflect.TypeOf(Integer(0))

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
	// as its models' regex engine reads them (ModelPattern).
	reZonePays   = regexp.MustCompile(ModelPattern(`^99[0-5]\d{2}$`))
	reZoneCom    = regexp.MustCompile(ModelPattern(`^\w{5}$`))
	reZoneDep    = regexp.MustCompile(ModelPattern(`^\w{2,3}$`))
	reZoneEPCI   = regexp.MustCompile(ModelPattern(`^\d{9}$`))
	reCodePostal = regexp.MustCompile(ModelPattern(`^\d{5}$`))
	reCodeInsee  = reZoneCom
	reSiret      = regexp.MustCompile(ModelPattern(`^\d{14}$`))
)

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
