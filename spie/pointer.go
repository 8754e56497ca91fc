package spie

import (
	"fmt"
	"strconv"
	"strings"
)

// Pointer builds a JSON Pointer (RFC 6901) from reference tokens: strings are
// escaped (~ becomes ~0, / becomes ~1), integers are array indexes.
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(escapeToken(v))
		default:
			b.WriteString(escapeToken(toString(v)))
		}
	}
	return b.String()
}

// Join appends tokens to an existing pointer.
func Join(base string, tokens ...any) string { return base + Pointer(tokens...) }

func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func toString(v any) string { return fmt.Sprint(v) }
