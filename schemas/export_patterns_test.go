package schemas

// PatternMatcher is patternMatcher, for the tests: the check of a schema's
// pattern on the fast path of the kind, and whether it is a loop.
func PatternMatcher(kind, pattern string) (match func(string) bool, loop bool, err error) {
	k, _ := Lookup(kind)
	return patternMatcher(pattern, k)
}
