package schemas

import (
	"strconv"
	"strings"
)

// unquoteName undoes the quoting of property names in the messages of the
// JSON Schema validator ('name' written with %q, then " unescaped and '
// escaped), so that fault paths hold the real name.
func unquoteName(q string) string {
	s := strings.ReplaceAll(q, `\'`, `'`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	if u, err := strconv.Unquote(`"` + s + `"`); err == nil {
		return u
	}
	return q
}
