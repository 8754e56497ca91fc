package schemas

import (
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// Limits bound what a document may cost to read, so that hostile input (a
// huge file, a million nested arrays, a gigabyte string, a number with a
// billion-digit exponent) is refused with an INPUT-… fault instead of
// exhausting memory or time. A zero field takes its DefaultLimits value.
type Limits struct {
	// MaxBytes is the largest document, in bytes.
	MaxBytes int
	// MaxDepth is the deepest nesting of objects and arrays.
	MaxDepth int
	// MaxArrayLen is the largest number of items of one array.
	MaxArrayLen int
	// MaxStringLen is the longest string (key or value), in decoded bytes.
	MaxStringLen int
	// MaxNumberLen is the longest number literal, in bytes.
	MaxNumberLen int
}

// DefaultLimits are generous for every exchanged document (a diagnostic is
// a few kilobytes) and small enough to protect a server.
var DefaultLimits = Limits{
	MaxBytes:     input.DefaultMaxBytes, // 8 Mio, defined once by the input reader
	MaxDepth:     64,
	MaxArrayLen:  100_000,
	MaxStringLen: 1 << 20,
	MaxNumberLen: 100,
}

// maxExponent bounds the exponent of a number literal: beyond it a number
// cannot be a float64 and big-number arithmetic on it would be a denial of
// service.
const maxExponent = 1000

// orDefault fills the zero fields of l from DefaultLimits.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxArrayLen > 0 {
		d.MaxArrayLen = l.MaxArrayLen
	}
	if l.MaxStringLen > 0 {
		d.MaxStringLen = l.MaxStringLen
	}
	if l.MaxNumberLen > 0 {
		d.MaxNumberLen = l.MaxNumberLen
	}
	return d
}

// WithLimits sets the limits of hostile input (zero fields keep their default).
func WithLimits(l Limits) Option {
	return func(c *Context) { c.Limits = l }
}

// Fault types of the input layer: the document is refused before any
// schema or rule runs, with the first problem found in document order.
var (
	FaultTrailing  = input.FaultTrailing // INPUT-JSON-02, defined by the one input reader
	FaultSize      = input.FaultSize     // INPUT-SIZE-01, defined by the one input reader
	FaultDepth     = &spie.FaultType{Code: "INPUT-DEPTH-01", Severity: spie.SeverityError, FR: "imbrication trop profonde (maximum %d niveaux)", EN: "nesting too deep (limit %d levels)", Source: "hygiène d'entrée propre à socle : profondeur maximale d'imbrication"}
	FaultArrayLen  = &spie.FaultType{Code: "INPUT-ARRAY-01", Severity: spie.SeverityError, FR: "liste trop longue (maximum %d éléments)", EN: "array too long (limit %d items)", Source: "hygiène d'entrée propre à socle : longueur maximale d'une liste"}
	FaultStringLen = &spie.FaultType{Code: "INPUT-STRING-01", Severity: spie.SeverityError, FR: "texte trop long (maximum %d octets)", EN: "string too long (limit %d bytes)", Source: "hygiène d'entrée propre à socle : longueur maximale d'un texte"}
	FaultNumber    = &spie.FaultType{Code: "INPUT-NUMBER-01", Severity: spie.SeverityError, FR: "nombre démesuré : %[1]s", EN: "number out of all proportion: %[2]s", Source: "hygiène d'entrée propre à socle : taille maximale d'un nombre écrit"}
	// FaultNumberRange: a number the schema accepts (an unbounded integer)
	// but that the Go type of its field cannot hold (int64, uint8, float64…).
	FaultNumberRange = &spie.FaultType{Code: "INPUT-NUMBER-02", Severity: spie.SeverityError, FR: "nombre hors de la plage que socle sait traiter : entre %s et %s attendu, %s reçu", EN: "number outside the range socle can handle: expected between %s and %s, got %s", Source: "JSON Schema 2020-12 (un entier n'a pas de borne) face aux types Go de socle (int64, float64…) : hygiène d'entrée propre à socle"}
	FaultUTF8        = &spie.FaultType{Code: "INPUT-UTF8-01", Severity: spie.SeverityError, FR: "texte qui n'est pas de l'UTF-8 valide (octet %d)", EN: "text that is not valid UTF-8 (byte %d)", Source: "RFC 8259 §8.1 (un texte JSON échangé est en UTF-8)"}
	FaultBOM         = &spie.FaultType{Code: "INPUT-BOM-01", Severity: spie.SeverityError, FR: "le document commence par une marque d'ordre des octets (BOM) : enregistrez-le en UTF-8 sans BOM", EN: "the document starts with a byte order mark: save it as UTF-8 without BOM", Source: "RFC 8259 §8.1 (pas de marque d'ordre des octets en tête d'un texte JSON)"}
	FaultDuplicate   = &spie.FaultType{Code: "INPUT-DUPLICATE-01", Severity: spie.SeverityError, FR: "clé répétée dans le même objet", EN: "key repeated in the same object", Source: "RFC 8259 §4 (les noms d'un objet devraient être uniques) ; socle refuse les doublons"}
)

// CheckInput reads data as one JSON document under the limits and returns
// the first input fault (syntax, size, depth, array or string length,
// number, UTF-8, byte order mark, repeated key, trailing data), or nil when
// the document is sound JSON within the limits. Both paths of Validate (the
// fast path and the JSON Schema interpreter) run these checks first, so they
// refuse the same inputs the same way.
func CheckInput(data []byte, l Limits) spie.Faults {
	var s scanner
	s.reset(data, l.orDefault())
	if f := s.document(nil); f != nil {
		return spie.Faults{*f}
	}
	return nil
}
