package schemas

import (
	"time"

	"github.com/spie-fr/socle/spie"
)

// PatternMatcher is patternMatcher, for the tests: the check of a schema's
// pattern on the fast path of the kind, and whether it is a loop.
func PatternMatcher(kind, pattern string) (match func(string) bool, loop bool, err error) {
	k, _ := Lookup(kind)
	return patternMatcher(pattern, k)
}

// OnePassAccepts reports whether validateOnePass decides the document on
// its own (read as written: nothing refused, nothing to rewrite), for the
// tests of its implication: Normalize then changes nothing.
func OnePassAccepts(kind string, data []byte) bool {
	k, _ := Lookup(kind)
	plan, err := planOf(k)
	if err != nil || k.Judge == nil {
		return false
	}
	return decodeAsWritten(plan, data, Limits{}, k.New())
}

// ValidateWithCheck is Validate for a kind with a Normalize step, its rules
// replaced by check (the reference of a cheaper rule set).
func ValidateWithCheck(kind string, data []byte, check func(doc any, now time.Time) spie.Faults, opts ...Option) spie.Faults {
	k, _ := Lookup(kind)
	k.Check = func(doc any, ctx Context) spie.Faults { return check(doc, ctx.Now) }
	return validateNormalizing(k, data, newContext(opts))
}
