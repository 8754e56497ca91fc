package spie

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// DescribeJSONError says in French what is wrong in a document that
// encoding/json refused, so that no English library text reaches a person:
// the byte of a syntax error, the JSON type found (in French) with the
// member and byte of a type error, a date or time that time.Time cannot
// read (without its value, which may be a date of birth), the name of an unknown member
// (DisallowUnknownFields), an empty or cut document; the French message of
// a Fault or of socle's own errors (an error of a type that decodes
// itself) is kept (in English: "value refused by its type", or the English
// message of a Fault); any other text ends as "contenu inattendu". It is the one description of decoding errors
// (internal/input, schemas and the spie command use it); DescribeJSONErrorEN
// gives the same in English, for message_en: fault templates take the French
// as %[1]s and the English as %[2]s.
func DescribeJSONError(err error) string { return describeJSONError(err, 0) }

// DescribeJSONErrorEN is DescribeJSONError in English (socle's wording,
// never the library's text).
func DescribeJSONErrorEN(err error) string { return describeJSONError(err, 1) }

func describeJSONError(err error, lang int) string {
	tr := func(fr, en string) string {
		if lang == 0 {
			return fr
		}
		return en
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	var f Fault
	var fp *Fault
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return fmt.Sprintf(tr("syntaxe invalide à l'octet %d", "syntax error at byte %d"), se.Offset)
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf(tr("valeur de type %s inattendue pour %s (octet %d)", "unexpected %s value for %s (byte %d)"), jsonValueName(te.Value, lang), te.Field, te.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf(tr("valeur de type %s inattendue (octet %d)", "unexpected %s value (byte %d)"), jsonValueName(te.Value, lang), te.Offset)
	case errors.As(err, &pe):
		// The value is not quoted: it may be a date of birth.
		return tr("date ou heure illisible : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SSZ (RFC 3339) attendu", "unreadable date or time: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (RFC 3339) expected")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return tr("document incomplet : il s'arrête avant sa fin", "incomplete document: it stops before its end")
	case errors.Is(err, io.EOF):
		return tr("document vide", "empty document")
	case errors.As(err, &f):
		return tr(f.Message, f.MessageEN)
	case errors.As(err, &fp) && fp != nil:
		return tr(fp.Message, fp.MessageEN)
	}
	msg := err.Error()
	// encoding/json's Decoder.DisallowUnknownFields: `json: unknown field "x"`.
	if name, ok := strings.CutPrefix(msg, `json: unknown field "`); ok {
		return tr("champ inconnu « ", "unknown field « ") + strings.TrimSuffix(name, `"`) + " »"
	}
	if libraryText(msg) {
		return tr("contenu inattendu", "unexpected content")
	}
	// socle's own errors are in French: kept in French, said generically
	// in English (message_en holds no French text).
	return tr(msg, "value refused by its type")
}

// jsonValueName translates the JSON type that starts encoding/json's
// description of a value ("number", "number 1.5", "string", "bool"…).
func jsonValueName(v string, lang int) string {
	kind, rest, _ := strings.Cut(v, " ")
	names := map[string][2]string{
		"number": {"nombre", "number"}, "string": {"texte", "string"}, "bool": {"booléen", "boolean"},
		"array": {"liste", "array"}, "object": {"objet", "object"}, "null": {"null", "null"},
	}
	if n, ok := names[kind]; ok {
		kind = n[lang]
	}
	return strings.TrimSpace(kind + " " + rest)
}

// libraryText reports whether an error text comes from a library rather
// than from socle's own code (French): encoding/json, strconv, time,
// reflect and the usual English verbs of their errors.
func libraryText(msg string) bool {
	for _, w := range []string{"json:", "strconv.", "parsing time", "reflect", "cannot ", "invalid ", "unexpected ", "unknown ", "expected ", "out of range", "EOF"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}
