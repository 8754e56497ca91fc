package schemas

import (
	"reflect"
	"sort"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Version is the version of the published schemas, part of every $id.
const Version = "v1"

// BaseID is the base of every schema $id.
const BaseID = "https://spie-fr.github.io/socle/schemas/" + Version + "/"

// Context carries what rules beyond the schema need: the date of "today"
// (injected, never time.Now inside a rule).
type Context struct {
	Now time.Time
	// Limits bound the input (zero fields: DefaultLimits).
	Limits Limits
}

// Kind is one kind of exchanged JSON document: its name (the --kind of the
// CLI, the file name of its schema), a French title, the Go type it decodes
// into and the Go rules that run after the JSON Schema.
type Kind struct {
	Name  string
	Title spie.Label
	// New returns a pointer to a new zero value of the document type.
	New func() any
	// Check runs the rules beyond the schema on a decoded document.
	Check func(doc any, ctx Context) spie.Faults
	// Normalize, when set, rewrites the document as its reference reader
	// would read it before anything is validated (the data·inclusion
	// models for service and structure), returning one warning per change;
	// it returns data unchanged when it cannot read it.
	Normalize func(data []byte) ([]byte, spie.Faults)
	// Formats, when set, judge the schema's "format" keywords of these
	// names in place of the interpreter's own checks, on both paths of
	// Validate (the data·inclusion kinds: "email" as its models read it).
	Formats map[string]func(any) bool
	// Patterns, when set, rewrites each "pattern" keyword of the schema
	// for both paths of Validate (Go regexp) so that it matches what the kind's
	// reference engine matches (the data·inclusion kinds: Rust regex,
	// Unicode \d and \w); the published schema is unchanged.
	Patterns func(string) string
	// Matchers, when set, gives the loop that checks a "pattern" of the
	// schema, as the schema writes it, exactly as the regexp of its
	// rewriting by Patterns does, or nil when it has none (the
	// data·inclusion kinds: offer.ModelMatcher); the fast path then runs
	// no regular expression for it (see patternMatcher).
	Matchers func(pattern string) func(string) bool
	// Judge, for a kind with Normalize, judges a text of a "format"
	// keyword as Formats does (valid) and says whether Normalize rewrites
	// a member holding it (rewritten); known is false for a format it does
	// not judge (the data·inclusion kinds: offer.FormatJudge, e-mails and
	// links). With it the fast path reads the document as written first
	// and, when it refuses nothing and judged no text that Normalize would
	// rewrite, Normalize is not run: it would change nothing
	// (validateOnePass).
	Judge func(format, value string) (valid, rewritten, known bool)
}

// ID returns the stable $id of the kind's schema.
func (k Kind) ID() string { return BaseID + k.Name + ".json" }

// Type returns the Go type of the documents.
func (k Kind) Type() reflect.Type { return reflect.TypeOf(k.New()).Elem() }

var kinds = map[string]Kind{}

// register is called by the kind_*.go files of this package, one per kind.
func register(k Kind) { kinds[k.Name] = k }

// Kinds returns the registered kinds ordered by name.
func Kinds() []Kind {
	out := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup returns the kind named name.
func Lookup(name string) (Kind, bool) {
	k, ok := kinds[name]
	return k, ok
}
