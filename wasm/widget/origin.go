package widget

import (
	"net/url"
	"strings"
)

// ParentOrigin decides the origin the widget talks to. claimed is the
// ?parent= parameter the loader put in the iframe URL, own the widget page's
// origin, allowed the partner origins configured on the server (the
// spie-allowed-origins meta of the page) and ancestor the browser's view of
// the embedding page (location.ancestorOrigins[0], "" when unknown). The
// claimed origin must be allowed (or the widget's own) and, when the browser
// tells, be the real embedding origin; otherwise ok is false and the widget
// neither sends nor accepts any message.
func ParentOrigin(claimed, own string, allowed []string, ancestor string) (origin string, ok bool) {
	c, ok := normalOrigin(claimed)
	if !ok {
		return "", false
	}
	if ancestor != "" {
		a, ok := normalOrigin(ancestor)
		if !ok || a != c {
			return "", false
		}
	}
	if o, ok := normalOrigin(own); ok && o == c {
		return c, true
	}
	for _, a := range allowed {
		if o, ok := normalOrigin(a); ok && o == c {
			return c, true
		}
	}
	return "", false
}

// normalOrigin returns scheme://host[:port] in lower case, or false when s is
// not an http(s) origin.
func normalOrigin(s string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
		return "", false
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), true
}
