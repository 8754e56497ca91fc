// Package leak finds, for privacy tests, the values a view hides: every
// string of a full document that the view of it does not hold. A widget or a
// message that shows one of them leaks what the viewer may not read.
package leak

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// MinLen is the shortest hidden value looked for: shorter strings (codes
// such as "oui", dates' parts) occur by chance in any page.
const MinLen = 6

// Hidden returns the string leaves (and numbers written as strings) of full
// that appear nowhere among the leaves of view, at least MinLen characters
// long, sorted. Both are JSON documents.
func Hidden(full, view []byte) ([]string, error) {
	var f, v any
	if err := json.Unmarshal(full, &f); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(view, &v); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	leaves(v, func(s string) { seen[s] = true })
	out := map[string]bool{}
	leaves(f, func(s string) {
		if len([]rune(s)) >= MinLen && !seen[s] {
			out[s] = true
		}
	})
	list := make([]string, 0, len(out))
	for s := range out {
		list = append(list, s)
	}
	sort.Strings(list)
	return list, nil
}

// Found returns the hidden values that text contains.
func Found(text string, hidden []string) []string {
	var out []string
	for _, h := range hidden {
		if strings.Contains(text, h) {
			out = append(out, h)
		}
	}
	return out
}

func leaves(x any, f func(string)) {
	switch t := x.(type) {
	case map[string]any:
		for _, v := range t {
			leaves(v, f)
		}
	case []any:
		for _, v := range t {
			leaves(v, f)
		}
	case string:
		f(t)
	case float64:
		f(strconv.FormatFloat(t, 'f', -1, 64))
	}
}
