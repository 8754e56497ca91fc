package schemas

import (
	"regexp"

	"github.com/spie-fr/socle/spie"
)

// patternMatcher returns the check of a schema's "pattern" p for kind k,
// accepting exactly the strings the regexp of p as the kind reads it
// (k.Patterns) matches: the kind's own loop for p (k.Matchers: the codes of
// data·inclusion's models, Unicode \d and \w), else spie's loop for an
// identifier pattern (spie.MatcherOf), else — the fallback of a pattern
// without a loop — that regexp itself (loop false). The loops are proved
// against the regexp on every pattern of the schemas
// (TestPatternMatchersAgree, FuzzPatternMatchers).
func patternMatcher(p string, k Kind) (match func(string) bool, loop bool, err error) {
	if k.Matchers != nil {
		if m := k.Matchers(p); m != nil {
			return m, true, nil
		}
	}
	if k.Patterns != nil {
		p = k.Patterns(p)
	}
	if m := spie.MatcherOf(p); m != nil {
		return m, true, nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, false, err
	}
	return re.MatchString, false, nil
}

// unionTakes reports whether a branch of the union n takes s (stringOK:
// its code list, lengths and pattern; the plan gives no branch a format),
// so that unionText builds the faults of the branches only when none does.
func unionTakes(d *decoder, n *node, s string) bool {
	for _, b := range n.union {
		if d.stringOK(b, s, false) {
			return true
		}
	}
	return false
}

// uniqueSmall is uniqueOf for a short list (the sets of the data·inclusion
// kinds hold a few codes): each item compared with the earlier ones, no
// map to make.
func uniqueSmall[T comparable](s []T) bool {
	for i := 1; i < len(s); i++ {
		for _, x := range s[:i] {
			if x == s[i] {
				return false
			}
		}
	}
	return true
}
