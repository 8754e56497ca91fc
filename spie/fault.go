package spie

import (
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Severity tells whether a fault makes a document invalid (error) or only
// deserves attention (warning).
type Severity string

// The two severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Fault is one problem found in a document: a stable namespaced code, a JSON
// Pointer (RFC 6901) to the field, a French message (and its English
// translation) and a severity. Tests match on Code and Path, never on text.
type Fault struct {
	Code      string   `json:"code"`
	Path      string   `json:"path"`
	Message   string   `json:"message"`
	MessageEN string   `json:"message_en,omitempty"`
	Severity  Severity `json:"severity"`
}

// Error returns "path: code: message".
func (f Fault) Error() string {
	p := f.Path
	if p == "" {
		p = "/"
	}
	return p + " : " + f.Code + " : " + f.Message
}

// Faults is a list of faults; it implements error.
type Faults []Fault

// Error joins the faults, one per line.
func (fs Faults) Error() string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Error()
	}
	return strings.Join(parts, "\n")
}

// HasCode reports whether a fault has the code.
func (fs Faults) HasCode(code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// HasPath reports whether a fault points at path.
func (fs Faults) HasPath(path string) bool {
	for _, f := range fs {
		if f.Path == path {
			return true
		}
	}
	return false
}

// Has reports whether a fault has both the code and the path.
func (fs Faults) Has(code, path string) bool {
	for _, f := range fs {
		if f.Code == code && f.Path == path {
			return true
		}
	}
	return false
}

// Codes returns the codes of the faults, sorted and without repetition.
func (fs Faults) Codes() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.Code] {
			seen[f.Code] = true
			out = append(out, f.Code)
		}
	}
	sort.Strings(out)
	return out
}

// Errors returns the faults of severity error.
func (fs Faults) Errors() Faults { return fs.bySeverity(SeverityError) }

// Warnings returns the faults of severity warning.
func (fs Faults) Warnings() Faults { return fs.bySeverity(SeverityWarning) }

func (fs Faults) bySeverity(s Severity) Faults {
	var out Faults
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Valid reports whether no fault is an error (warnings allowed).
func (fs Faults) Valid() bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return false
		}
	}
	return true
}

// Sort orders faults by path, then code, for stable output.
func (fs Faults) Sort() {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Path != fs[j].Path {
			return fs[i].Path < fs[j].Path
		}
		return fs[i].Code < fs[j].Code
	})
}

// Err returns nil when there is no error-severity fault, else the list.
func (fs Faults) Err() error {
	if fs.Valid() {
		return nil
	}
	return fs
}

// FaultType is a kind of fault: a code, message templates, the rule's source
// and, once a code stops being produced, its retirement. Declare each at
// package level as data, &FaultType{Code: …, Severity: …, FR: …, EN: …,
// Source: …} (Retired and ReplacedBy when the fact is now told by other
// codes), listed in the package's host-only file for RegisterFaultTypes, so
// that a WebAssembly widget links only the types it produces; or, when the
// code is built at run time, with NewFaultType (chaining WithSource and
// Retire). The registry lets tests prove that every
// code is well formed, used once, sourced, and that each code namespace has a
// single owner package. A published code is never reassigned to another fact:
// it is retired and new codes are added.
type FaultType struct {
	Code     string
	Severity Severity
	FR       string // French template, fmt verbs allowed
	EN       string // English template, same verbs
	// Source names the rule: a legal or referential text, a section of the
	// domain rules (RULES.md §n), a data·inclusion v1 model field, or
	// "socle" input hygiene when the rule is the library's own.
	Source string
	// Retired is true when socle no longer produces the code; ReplacedBy
	// lists the codes that now tell its facts.
	Retired    bool
	ReplacedBy []string
	// Owner is the import path of the package that registered the code,
	// recorded by NewFaultType or RegisterFaultTypes on the host; it stays
	// empty in a WebAssembly program (GOOS=js), where recording it slowed
	// every widget's start and nothing reads it (CheckFaultTypes and the
	// fault catalogue run on the host).
	Owner string
}

// WithSource records the source of the rule and returns t, for chaining
// after NewFaultType.
func (t *FaultType) WithSource(source string) *FaultType {
	t.Source = source
	return t
}

// Retire marks the code as no longer produced, replaced by the codes given
// (none when the fact is no longer checked), and returns t. The code stays
// registered so that the catalogue keeps it and nobody reuses it.
func (t *FaultType) Retire(replacedBy ...string) *FaultType {
	t.Retired = true
	t.ReplacedBy = append([]string(nil), replacedBy...)
	return t
}

// Namespace returns the code without its number: "DIAG-FREINS" for
// "DIAG-FREINS-01". Each namespace has one owner package.
func (t *FaultType) Namespace() string {
	if i := strings.LastIndexByte(t.Code, '-'); i > 0 {
		return t.Code[:i]
	}
	return t.Code
}

// At returns a fault of this type at the JSON Pointer path; args fill the
// message templates. An argument of type Label is written in the language
// of each template: its French in Message, its English in MessageEN (its
// French when it has no English), so that a code list's label follows the
// message it is part of.
func (t *FaultType) At(path string, args ...any) Fault {
	return Fault{
		Code:      t.Code,
		Path:      path,
		Message:   format(t.FR, args),
		MessageEN: format(t.EN, englishArgs(args)),
		Severity:  t.Severity,
	}
}

// englishArgs returns args with each Label replaced by its English text.
func englishArgs(args []any) []any {
	var out []any
	for i, a := range args {
		l, ok := a.(Label)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		if l.EN != "" {
			out[i] = l.EN
		}
	}
	if out == nil {
		return args
	}
	return out
}

func format(tpl string, args []any) string {
	if len(args) == 0 {
		return tpl
	}
	return fmt.Sprintf(tpl, args...)
}

var registry = struct {
	sync.Mutex
	types []*FaultType
}{}

// NewFaultType declares and registers a fault type, recording the calling
// package as its owner (on the host only: see FaultType.Owner).
func NewFaultType(code string, sev Severity, fr, en string) *FaultType {
	t := &FaultType{Code: code, Severity: sev, FR: fr, EN: en}
	if recordOwner {
		t.Owner = callerPackage(2)
	}
	registry.Lock()
	registry.types = append(registry.types, t)
	registry.Unlock()
	return t
}

// RegisterFaultTypes registers fault types declared as data (package-level
// composite literals, &FaultType{Code: …, Source: …}), recording the calling
// package as their owner (on the host only: see FaultType.Owner). Declared
// as data, a type the program never references is dropped by the linker:
// each package lists its types in a host-only file (build constraint !js)
// so that a WebAssembly widget keeps only the faults it produces (issue 17,
// item 4), while the host's registry, fault catalogue and CheckFaultTypes
// see them all. In a WebAssembly program the registry holds only the types
// declared with NewFaultType.
func RegisterFaultTypes(types ...*FaultType) {
	owner := ""
	if recordOwner {
		owner = callerPackage(2)
	}
	registry.Lock()
	for _, t := range types {
		t.Owner = owner
		registry.types = append(registry.types, t)
	}
	registry.Unlock()
}

// callerPackage returns the import path of the package of the function skip
// frames up, "" when unknown. A function name reads
// "example.org/mod/pkg.Func" or "example.org/mod/pkg.init.func1": the package
// path ends at the first dot after the last slash.
func callerPackage(skip int) string {
	pc, _, _, ok := runtime.Caller(skip)
	if !ok {
		return ""
	}
	fn := runtime.FuncForPC(pc)
	if fn == nil {
		return ""
	}
	name := fn.Name()
	slash := strings.LastIndexByte(name, '/')
	if dot := strings.IndexByte(name[slash+1:], '.'); dot >= 0 {
		return name[:slash+1+dot]
	}
	return name
}

// FaultTypes returns every registered fault type, ordered by code.
func FaultTypes() []*FaultType {
	registry.Lock()
	out := append([]*FaultType(nil), registry.types...)
	registry.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// LookupFaultType returns the registered type of code.
func LookupFaultType(code string) (*FaultType, bool) {
	for _, t := range FaultTypes() {
		if t.Code == code {
			return t, true
		}
	}
	return nil, false
}

// codeRE is the form of a code, compiled on first use (only CheckFaultTypes
// reads it), not at package initialisation.
var codeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{2}$`)
})

// CheckFaultTypes reports registered codes that are malformed (they must read
// like NAMESPACE-TOPIC-NN), repeated, that lack a French or English message,
// a valid severity or a source, that are replaced by unknown codes, and
// namespaces (the code without its number) registered by more than one
// package. It sees the codes of the packages linked into the program.
func CheckFaultTypes() error { return checkFaultTypes(FaultTypes()) }

func checkFaultTypes(types []*FaultType) error {
	seen := map[string]int{}
	owners := map[string]map[string]bool{}
	var problems []string
	for _, t := range types {
		seen[t.Code]++
		if !codeRE().MatchString(t.Code) {
			problems = append(problems, "code mal formé "+strconv.Quote(t.Code))
		}
		if strings.TrimSpace(t.FR) == "" || strings.TrimSpace(t.EN) == "" {
			problems = append(problems, "message manquant pour "+t.Code)
		}
		if t.Severity != SeverityError && t.Severity != SeverityWarning {
			problems = append(problems, "gravité invalide pour "+t.Code)
		}
		if strings.TrimSpace(t.Source) == "" {
			problems = append(problems, "source de la règle manquante pour "+t.Code)
		}
		ns := t.Namespace()
		if owners[ns] == nil {
			owners[ns] = map[string]bool{}
		}
		owners[ns][t.Owner] = true
	}
	for _, t := range types {
		for _, r := range t.ReplacedBy {
			if seen[r] == 0 {
				problems = append(problems, fmt.Sprintf("%s remplacé par %s, code inconnu", t.Code, r))
			}
		}
	}
	for c, n := range seen {
		if n > 1 {
			problems = append(problems, fmt.Sprintf("code %s déclaré %d fois", c, n))
		}
	}
	for ns, pkgs := range owners {
		if len(pkgs) > 1 {
			var list []string
			for p := range pkgs {
				list = append(list, p)
			}
			sort.Strings(list)
			problems = append(problems, fmt.Sprintf("espace de codes %s déclaré par plusieurs paquets : %s", ns, strings.Join(list, ", ")))
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		return fmt.Errorf("codes de fautes : %s", strings.Join(problems, " ; "))
	}
	return nil
}
