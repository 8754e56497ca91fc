package schemas

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
