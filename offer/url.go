package offer

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// The URL rule of data·inclusion's models: pydantic's HttpUrl, whose
// pydantic-core parses the text with the URL Standard's basic URL parser
// (WHATWG, https://url.spec.whatwg.org, as the Rust url crate implements
// it), then demands the scheme http or https and at most 2,083 UTF-8 bytes
// of input. The parser below restates the standard's states for the two
// special schemes http and https, without a base URL; the differential
// test of package schemas and TestNormalizeURLAgreesWithModels check it
// against the models.

// MaxURLBytes is the most UTF-8 bytes of a URL data·inclusion's HttpUrl
// takes (its max_length, counted by pydantic-core on the text as written).
const MaxURLBytes = 2083

// urlIDNA is the standard's "domain to ASCII" with beStrict false: UTS #46
// non-transitional, without STD3 rules, hyphen checks or DNS lengths.
var urlIDNA = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.StrictDomainName(false),
	idna.CheckHyphens(false), idna.CheckJoiners(true), idna.BidiRule(), idna.VerifyDNSLength(false))

// Limits on a label of the URL parser under pydantic-core (rust-url's idna
// crate, uts46.rs, after ICU: https://unicode-org.atlassian.net/browse/ICU-13727
// and https://github.com/whatwg/url/issues/824, against Punycode's
// quadratic cost): a label that is not ASCII once mapped, or once its xn--
// form is decoded, has at most punycodeMaxRunes code points; an xn-- label
// has at most punycodeMaxDecodeBytes bytes after its prefix.
const (
	punycodeMaxRunes       = 1000
	punycodeMaxDecodeBytes = 2000
)

// Percent-encode sets of the URL Standard (§1.3), beyond the C0 controls,
// DEL and non-ASCII which are always encoded.
const (
	fragmentSet     = " \"<>`"
	querySet        = " \"#<>"
	specialQuerySet = querySet + "'"
	pathSet         = querySet + "?`{}"
	userinfoSet     = pathSet + "/:;=@[\\]^|"
)

// NormalizeURL returns the URL data·inclusion's models store for v (the
// serialisation of the URL Standard: scheme and host in lower case, host
// in Punycode, default port dropped, path at least "/", dot segments
// resolved, spaces and non-ASCII percent-encoded, tabs and line feeds
// removed) and whether they accept it: at most MaxURLBytes bytes, an http
// or https scheme, a host that is a valid domain (IDNA) without forbidden
// characters, an IPv4 address (decimal, octal or hexadecimal parts) or a
// bracketed IPv6 address, a port of at most 65535.
func NormalizeURL(v string) (string, bool) { return normalizeURL(v, true) }

// normalizeURL is NormalizeURL; plain lets a plainURL, which the standard
// keeps as written, skip the parser (the tests compare both ways).
func normalizeURL(v string, plain bool) (string, bool) {
	if plain && plainURL(v) {
		return v, true
	}
	if len(v) > MaxURLBytes || !utf8.ValidString(v) {
		return "", false
	}
	s := strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	colon := strings.IndexByte(s, ':')
	if colon < 1 {
		return "", false
	}
	scheme := strings.ToLower(s[:colon])
	if scheme != "http" && scheme != "https" {
		return "", false
	}
	rest := strings.TrimLeft(s[colon+1:], "/\\")
	end := strings.IndexAny(rest, "/\\?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	var userinfo string
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		userinfo, authority = authority[:at], authority[at+1:]
	}
	hostText, portText, hasPort := splitHostPort(authority)
	host, ok := parseHost(hostText)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString(scheme + "://")
	if user, pass, _ := strings.Cut(userinfo, ":"); user != "" || pass != "" {
		b.WriteString(percentEncode(user, userinfoSet))
		if pass != "" {
			b.WriteString(":" + percentEncode(pass, userinfoSet))
		}
		b.WriteByte('@')
	}
	b.WriteString(host)
	if hasPort && portText != "" {
		if strings.TrimLeft(portText, "0123456789") != "" {
			return "", false
		}
		p, err := strconv.Atoi(strings.TrimLeft(portText, "0") + "0")
		if err != nil || p/10 > 65535 {
			return "", false
		}
		if p /= 10; !(scheme == "http" && p == 80 || scheme == "https" && p == 443) {
			b.WriteString(":" + strconv.Itoa(p))
		}
	}
	path, query, fragment := tail, "", ""
	hasQuery, hasFragment := false, false
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, fragment, hasFragment = path[:i], path[i+1:], true
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query, hasQuery = path[:i], path[i+1:], true
	}
	b.WriteString(normalizePath(path))
	if hasQuery {
		b.WriteString("?" + percentEncode(query, specialQuerySet))
	}
	if hasFragment {
		b.WriteString("#" + percentEncode(fragment, fragmentSet))
	}
	return b.String(), true
}

// plainURL reports whether v is a link the URL Standard serialises as
// written and HttpUrl accepts: at most MaxURLBytes bytes, "http://" or
// "https://", a host that is a plainDomain whose last label starts with a
// letter (not an IPv4 address), no port, no user, then a path of at least
// "/" without "." or ".." segment, and an optional query, both of the
// bytes no percent-encode set holds (letters, digits and -._~!$&()*+,;=:@/,
// and ? in the query), without fragment.
func plainURL(v string) bool {
	if len(v) > MaxURLBytes {
		return false
	}
	rest, ok := strings.CutPrefix(v, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(v, "http://"); !ok {
			return false
		}
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		return false // the path "/" would be added
	}
	host := rest[:slash]
	if !plainDomain(host) {
		return false
	}
	if c := host[strings.LastIndexByte(host, '.')+1]; c < 'a' || c > 'z' {
		return false
	}
	path, query, _ := strings.Cut(rest[slash:], "?")
	for seg := range strings.SplitSeq(path[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return plainURLBytes(path, false) && plainURLBytes(query, true)
}

// plainURLBytes reports whether s holds only letters, digits and
// -._~!$&()*+,;=:@/ (and ? when query).
func plainURLBytes(s string, query bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~!$&()*+,;=:@/", c) >= 0:
		case c == '?' && query:
		default:
			return false
		}
	}
	return true
}

// IsHTTPURL reports whether data·inclusion's models accept v as an HttpUrl
// (NormalizeURL).
func IsHTTPURL(v string) bool {
	_, ok := NormalizeURL(v)
	return ok
}

// splitHostPort cuts the port off an authority: after the last colon that
// is not inside brackets.
func splitHostPort(a string) (host, port string, hasPort bool) {
	inBrackets := false
	for i := 0; i < len(a); i++ {
		switch a[i] {
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		case ':':
			if !inBrackets {
				return a[:i], a[i+1:], true
			}
		}
	}
	return a, "", false
}

// parseHost is the standard's host parser for a special scheme: an IPv6
// address in brackets, else the percent-decoded text as a domain (to ASCII,
// no forbidden domain code point), an IPv4 address when its last label is
// a number.
func parseHost(h string) (string, bool) {
	if h == "" {
		return "", false
	}
	if strings.HasPrefix(h, "[") {
		if !strings.HasSuffix(h, "]") || strings.ContainsAny(h, "%") {
			return "", false
		}
		a, err := netip.ParseAddr(h[1 : len(h)-1])
		if err != nil || !a.Is6() {
			return "", false
		}
		return "[" + ipv6Text(a) + "]", true
	}
	decoded := percentDecode(h)
	if !utf8.ValidString(decoded) {
		decoded = strings.ToValidUTF8(decoded, "\uFFFD")
	}
	ascii, err := urlIDNA.ToASCII(decoded)
	if err != nil || ascii == "" {
		return "", false
	}
	for i := 0; i < len(ascii); i++ {
		if c := ascii[i]; c <= ' ' || c == 0x7f || strings.IndexByte("#%/:<>?@[\\]^|", c) >= 0 {
			return "", false
		}
	}
	if !punycodeWithinLimits(decoded, ascii) {
		return "", false
	}
	labels := strings.Split(ascii, ".")
	if last := len(labels) - 1; labels[last] == "" && last > 0 {
		labels = labels[:last]
	}
	if _, ok := ipv4Number(labels[len(labels)-1]); ok || isDecimal(labels[len(labels)-1]) {
		return parseIPv4(labels)
	}
	return ascii, true
}

// punycodeWithinLimits checks the labels of ascii, the domain to ASCII of
// input (percent-decoded), against punycodeMaxRunes and
// punycodeMaxDecodeBytes. Each xn-- label of ascii either was xn-- in input
// once mapped (decoded: both limits apply) or was encoded from a Unicode
// label (only the code points count): a label encoded from at most 1,000
// code points in at most MaxURLBytes bytes may pass 2,000 bytes, but input
// then has no room for the ASCII text of that label, so finding that text
// in input, once mapped by UTS #46 code point by code point (uts46Mapped:
// the characters it ignores, such as a soft hyphen or a zero width space
// inside "xn--…", removed; NFKC alone keeps them), tells the two apart.
func punycodeWithinLimits(input, ascii string) bool {
	if !strings.Contains(ascii, "xn--") {
		return true
	}
	for l := range strings.SplitSeq(ascii, ".") {
		if !strings.HasPrefix(l, "xn--") {
			continue
		}
		if len(l)-4 > punycodeMaxDecodeBytes && strings.Contains(uts46Mapped(input), l) {
			return false
		}
		u, err := idna.Punycode.ToUnicode(l)
		if err != nil || utf8.RuneCountInString(u) > punycodeMaxRunes {
			return false
		}
	}
	return true
}

// uts46Mapped is input mapped code point by code point as urlIDNA maps
// it (ASCII in lower case, a character UTS #46 ignores removed, fullwidth
// and other compatibility forms to their ASCII), without NFC nor decoding:
// enough to tell whether an ASCII label was written in input, since no
// composition yields ASCII.
func uts46Mapped(input string) string {
	var b strings.Builder
	b.Grow(len(input))
	for _, r := range input {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		m, _ := urlIDNA.ToUnicode(string(r)) // a disallowed rune is kept as it is
		b.WriteString(m)
	}
	return b.String()
}

func isDecimal(s string) bool { return s != "" && strings.TrimLeft(s, "0123456789") == "" }

// ipv4Number parses one part of an IPv4 address: decimal, octal with a
// leading 0, hexadecimal with 0x.
func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
		if s == "" {
			return 0, true
		}
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 1 << 40, true // too large for any part
		}
		return 0, false
	}
	return n, true
}

// parseIPv4 is the standard's IPv4 parser on the labels of a host.
func parseIPv4(labels []string) (string, bool) {
	if len(labels) > 4 {
		return "", false
	}
	nums := make([]uint64, len(labels))
	for i, l := range labels {
		n, ok := ipv4Number(l)
		if !ok {
			return "", false
		}
		nums[i] = n
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", false
	}
	ip := last
	for i, n := range nums[:len(nums)-1] {
		ip += n << (8 * (3 - i))
	}
	return strconv.Itoa(int(ip>>24)) + "." + strconv.Itoa(int(ip>>16&255)) + "." + strconv.Itoa(int(ip>>8&255)) + "." + strconv.Itoa(int(ip&255)), true
}

// ipv6Text serialises an IPv6 address as the standard does: eight hex
// pieces without leading zeros, the first longest run of two or more zero
// pieces compressed to "::" (no dotted IPv4 tail).
func ipv6Text(a netip.Addr) string {
	b := a.As16()
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	start, length := -1, 1
	for i := 0; i < 8; {
		if pieces[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > length {
			start, length = i, j-i
		}
		i = j
	}
	var s strings.Builder
	for i := 0; i < 8; i++ {
		if i == start {
			s.WriteString("::")
			i += length - 1
			continue
		}
		if s.Len() > 0 && !strings.HasSuffix(s.String(), ":") {
			s.WriteByte(':')
		}
		s.WriteString(strconv.FormatUint(uint64(pieces[i]), 16))
	}
	return s.String()
}

// normalizePath splits the path on / and \, resolves the segments . and ..
// (also written %2e) and percent-encodes each segment; the path is at
// least "/".
func normalizePath(p string) string {
	if p == "" {
		return "/"
	}
	segs := splitAny(p[1:], "/\\")
	var out []string
	for i, seg := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(seg) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case ".", "%2e":
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, percentEncode(seg, pathSet))
		}
	}
	return "/" + strings.Join(out, "/")
}

func splitAny(s, seps string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// percentEncode encodes the C0 controls, DEL, non-ASCII bytes and the
// characters of set as %XX (upper-case hex).
func percentEncode(s, set string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// percentDecode decodes each %XX of s (other % left as written).
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(n))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
