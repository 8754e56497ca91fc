// Package frtext finds what must never reach a person in a French message:
// English words and the error text of Go or JSON libraries. It is the one
// scanning helper of socle's tests (DEVELOPERS.md: every label, message and
// error a person reads is in French first, never a library's English error
// text): fault templates, the messages of the examples and of mutated
// documents, the CLI's outputs.
//
// Problems(fr) lists the English words of fr (whole words, any case, after
// removing the quoted parts, which echo the person's own values, the
// allowed terms of art, fault codes, paths and file names) and the library fragments found anywhere in fr;
// LibraryText(en) lists the library fragments only, for English messages.
package frtext

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/spie-fr/socle/spie"
)

// EnglishWords are English words that are not French words (nor parts of
// one, matching whole words only): each found in a French message is a
// fault. Words that are French too are left out on purpose ("a", "an",
// "but", "or", "range", "match", "maximum", "minimum", "long", "large",
// "format", "date", "type", "file", "null", "code", "source", "action",
// "public", "contact", "test", "plan"…).
var EnglishWords = []string{
	"after", "all", "allowed", "and", "are", "array", "at", "be", "been", "before", "between",
	"boolean", "byte", "bytes", "can", "cannot", "character", "characters", "check", "could",
	"decode", "does", "doesn't", "done", "empty", "end", "error", "expected", "expecting", "failed",
	"fails", "field", "fields", "for", "found", "from", "got", "greater", "has", "have", "input", "integer",
	"into", "invalid", "is", "isn't", "item", "items", "key", "keyword", "least", "length", "less",
	"line", "marshal", "matches", "missing", "more", "most", "must",
	"not", "number", "object", "of", "offset", "only", "out", "parse", "parsing", "please", "property",
	"required", "should", "string", "than", "that", "the", "this", "to", "too", "unexpected",
	"unknown", "unmarshal", "unreadable", "valid", "value", "values", "was", "were", "when", "which",
	"while", "will", "with", "without", "wrong", "yet",
}

// LibraryFragments are texts of Go and JSON libraries (encoding/json,
// strconv, time, bufio, reflect, fmt, os, flag, the JSON Schema interpreter,
// the runtime) that must reach no one, in any language; matched anywhere, with
// the case the libraries write them in (so that socle's own "JSON :" or
// "unreadable JSON: %s" do not count).
var LibraryFragments = []string{
	"json:", "cannot unmarshal", "invalid character", "bufio.Scanner", "unexpected end of JSON input",
	"Go struct field", "Go value of type", "looking for beginning", "strconv.", "parsing time",
	"jsonschema:", "doesn't validate with", "runtime error", "nil pointer", "goroutine ", "reflect:",
	"token too long", "unexpected EOF", "%!", "<nil>", "map[",
	// os and syscall (opening and reading files)
	"no such file or directory", "is a directory", "permission denied", "open /", "read /",
	// flag (FlagSet.Parse and the numeric parsers of strconv it calls)
	"flag provided but not defined", "flag needs an argument", "bad flag syntax", "invalid value",
	"invalid boolean", "parse error", "(default ",
}

// Terms of art allowed in French messages although they hold English
// words: names of programmes, bodies and formats as they are written.
var TermsOfArt = []string{
	"data·inclusion", "data.inclusion", "JSON Schema", "NDJSON", "UTF-8", "France Travail", "Cap emploi",
	"Mission Locale", "open data",
}

var english = func() map[string]bool {
	m := make(map[string]bool, len(EnglishWords))
	for _, w := range EnglishWords {
		m[w] = true
	}
	return m
}()

// Problems returns the English words (by their lower-case form) and the
// library fragments found in the French message fr, sorted, without
// repeats; nil when fr reads as French.
func Problems(fr string) []string {
	found := map[string]bool{}
	for _, f := range LibraryText(fr) {
		found[f] = true
	}
	text := stripQuoted(fr)
	for _, term := range TermsOfArt {
		text = strings.ReplaceAll(text, term, " ")
	}
	text = stripNames(text)
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		w = strings.ToLower(strings.Trim(w, "'"))
		if english[w] {
			found[w] = true
		}
	}
	return sorted(found)
}

// LibraryText returns the library fragments found in msg (any language).
func LibraryText(msg string) []string {
	found := map[string]bool{}
	for _, f := range LibraryFragments {
		if strings.Contains(msg, f) {
			found[f] = true
		}
	}
	return sorted(found)
}

// FaultProblems scans faults: Problems of each French message and
// LibraryText of each English one. It returns one line per fault at fault
// ("CODE path : problems"), nil when all are clean.
func FaultProblems(fs spie.Faults) []string {
	var out []string
	for _, f := range fs {
		p := Problems(f.Message)
		for _, l := range LibraryText(f.MessageEN) {
			p = append(p, "(en) "+l)
		}
		if len(p) > 0 {
			out = append(out, f.Code+" "+f.Path+" : "+strings.Join(p, ", ")+" — "+f.Message)
		}
	}
	return out
}

// TB is the part of testing.TB that Assert uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Assert reports a test error for each problem of the French message fr;
// where says which message it is.
func Assert(t TB, where, fr string) {
	t.Helper()
	if p := Problems(fr); len(p) > 0 {
		t.Errorf("%s : texte anglais ou de bibliothèque %q dans %q", where, p, fr)
	}
}

// AssertFaults reports a test error for each fault of fs with a problem
// (FaultProblems).
func AssertFaults(t TB, where string, fs spie.Faults) {
	t.Helper()
	for _, p := range FaultProblems(fs) {
		t.Errorf("%s : %s", where, p)
	}
}

// codeLike matches a fault code (INPUT-JSON-01, [SCHEMA-ENUM-01]) and
// fileLike a file name: names, not words.
var (
	codeLike = regexp.MustCompile(`^[\[(]?[A-Z][A-Z0-9]*(-[A-Z0-9]+)+[\]),:;.]*$`)
	fileLike = regexp.MustCompile(`\.(json|ndjson|txt|csv|html)\b`)
)

// stripNames drops the tokens (between blanks) that are fault codes, paths
// or JSON Pointers (holding a "/"), or file names.
func stripNames(s string) string {
	fields := strings.Fields(s)
	kept := fields[:0]
	for _, f := range fields {
		if strings.Contains(f, "/") || codeLike.MatchString(f) || fileLike.MatchString(f) {
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " ")
}

// stripQuoted blanks out the parts of s between quotes ("…", «…», “…”),
// which echo a person's own values or a code.
func stripQuoted(s string) string {
	var b strings.Builder
	var closing rune
	for _, r := range s {
		switch {
		case closing != 0:
			if r == closing {
				closing = 0
			}
			continue
		case r == '"':
			closing = '"'
			continue
		case r == '«':
			closing = '»'
			continue
		case r == '“':
			closing = '”'
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sorted(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
