package offer

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
)

// The e-mail rule of data·inclusion's models: pydantic's EmailStr, which
// takes "Nom <adresse>" and surrounding white space, then calls
// email-validator 2.x (2.2.0, the version data·inclusion locks) with
// deliverability off. The rules below restate theirs (pydantic
// networks.validate_email; email_validator syntax.py and rfc_constants.py),
// checked against the models by the differential test of package schemas.

//go:generate go run ../internal/gen/modelclasses -set email -out email_classes_gen.go

// prettyEmail is pydantic's pattern of a "pretty" address: an optional
// display name (words of name characters separated by white space, or a
// quoted string), then the address between angle brackets. Python's \w and
// \s are Unicode, of Python's own tables (unicodedata 14.0 for Python 3.11),
// not Go's: the classes are written from the tables the models gave
// (email_classes_gen.go, emailNameTable and emailSpaceTable), never from
// Go's \pL\pN. Compiled on first use, not at package initialisation
// (issue 17 item 4: ≈ 100 ms of a widget's start).
var prettyEmail = sync.OnceValue(func() *regexp.Regexp {
	s := "[" + classText(emailSpaceTable) + "]"
	name := "[" + classText(emailNameTable) + "]"
	return regexp.MustCompile(`^` + s + `*(?:((?:` + name + `+` + s + `+)*` + name + `+)|"((?:[^"]|\\")+)")?` + s + `*<(.+)>` + s + `*$`)
})

// isEmailSpace is the white space pydantic strips around an address
// (Python's str.strip, the \s of its pattern): emailSpaceTable, in ASCII
// \t to \r, \x1c to \x1f (bidi classes B and S) and the space, read by a
// byte test — \x1c to \x1f are not unicode.IsSpace.
func isEmailSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '\t' && r <= '\r' || r >= 0x1c && r <= ' '
	}
	return unicode.Is(emailSpaceTable, r)
}

// emailSpecialUse are the special-use domains email-validator refuses
// (RFC 6761 and IANA's registry, as listed by email-validator 2.2.0).
var emailSpecialUse = []string{"arpa", "invalid", "local", "localhost", "onion", "test"}

// caseInsensitiveMailboxes are the mailbox names of RFC 2142 that
// email-validator lower-cases.
var caseInsensitiveMailboxes = []string{"info", "marketing", "sales", "support", "abuse", "noc", "security",
	"postmaster", "hostmaster", "usenet", "news", "webmaster", "www", "uucp", "ftp"}

// emailIDNA is the IDNA 2008 / UTS #46 processing of the domain
// (non-transitional, as email-validator calls the idna package).
var emailIDNA = idna.Lookup

// NormalizeEmail returns the address data·inclusion's models store for v
// and whether they accept it. Accepted: at most 2,048 characters; an
// optional display name before the address in angle brackets (dropped);
// white space around the address (trimmed: Python's white space, \x1c to
// \x1f among it); a local part of at most 64
// characters that is a dot-atom of atext and non-ASCII characters (of
// Python's Unicode tables, 14.0: a character they leave unassigned, such as
// Kawi's of 15.0, is refused in the display name, local part and domain; no
// quoted string, no white space, control, format or separator character —
// NBSP and zero-width space are refused —, no combining mark first),
// normalised to NFC, and lower-cased when it is one of the mailbox names of
// RFC 2142 (info, postmaster…); a domain of letters, digits, hyphens, dots
// or non-ASCII characters, mapped by UTS #46 (lower case) and valid in
// IDNA 2008, with a dot, no empty label, no hyphen at either end of a
// label, no "ab--" label but Punycode, at most 253 ASCII characters (63 a
// label) once encoded, a top-level domain ending with a letter, and none of
// the special-use domains arpa, invalid, local, localhost, onion, test; the
// whole address at most 254 UTF-8 bytes, written, normalised and encoded.
// The domain is stored in Unicode ("mairie-évry.fr", not Punycode).
func NormalizeEmail(v string) (string, bool) { return normalizeEmail(v, true) }

// normalizeEmail is NormalizeEmail; plain says whether an address written
// in plain ASCII may skip the work that provably leaves it as it is
// (pydantic's pattern needs a '<'; a plain domain, plainDomain, is its own
// IDNA mapping and encoding): the tests compare both ways.
func normalizeEmail(v string, plain bool) (string, bool) {
	if utf8.RuneCountInString(v) > 2048 {
		return "", false
	}
	// The pattern of a "pretty" address has a literal '<': without one
	// it cannot match.
	if !plain || strings.IndexByte(v, '<') >= 0 {
		if m := prettyEmail().FindStringSubmatch(v); m != nil {
			v = m[3]
		}
	}
	v = strings.TrimFunc(v, isEmailSpace)
	if strings.ContainsAny(v, `"<`) {
		// A quoted local part is refused, a display name is only taken
		// by pydantic's pattern above.
		return "", false
	}
	at := strings.IndexByte(v, '@')
	if at < 0 {
		return "", false
	}
	local, domain := v[:at], v[at+1:]
	local, asciiLocal, ok := emailLocal(local)
	if !ok {
		return "", false
	}
	// ASCII is its own NFC: a plain run leaves an ASCII local part as is.
	if !asciiLocal || !plain {
		if nfc := norm.NFC.String(local); nfc != local {
			if _, _, ok := emailLocal(nfc); !ok {
				return "", false
			}
			local = nfc
		}
	}
	if asciiLocal {
		for _, name := range caseInsensitiveMailboxes {
			if strings.EqualFold(local, name) {
				local = strings.ToLower(local)
			}
		}
	}
	uni, ascii, ok := emailDomain(domain, plain)
	if !ok {
		return "", false
	}
	// The address at most 254 bytes: as written, normalised, encoded.
	for _, n := range []int{at + 1 + len(domain), len(local) + 1 + len(uni), len(local) + 1 + len(ascii)} {
		if n > 254 {
			return "", false
		}
	}
	if !asciiLocal && at+1+len(ascii) > 254 {
		return "", false
	}
	if local == v[:at] && uni == domain {
		return v, true // as written: no copy
	}
	return local + "@" + uni, true
}

// IsEmail reports whether data·inclusion's models accept v as an e-mail
// address (NormalizeEmail).
func IsEmail(v string) bool {
	_, ok := NormalizeEmail(v)
	return ok
}

// isAtext reports whether r is an atext character of RFC 5322, or a
// non-ASCII character (RFC 6531).
func isAtext(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r >= 0x80:
		return true
	}
	return strings.ContainsRune("_!#$%&'*+-/=?^`{|}~", r)
}

// emailLocal checks a local part: non-empty, at most 64 characters, a
// dot-atom, without unsafe characters; ascii tells whether it is all ASCII.
func emailLocal(local string) (string, bool, bool) {
	n := utf8.RuneCountInString(local)
	if n == 0 || n > 64 || !utf8.ValidString(local) {
		return "", false, false
	}
	prevDot := true
	ascii := true
	for _, r := range local {
		if r == '.' {
			if prevDot {
				return "", false, false
			}
			prevDot = true
			continue
		}
		if !isAtext(r) {
			return "", false, false
		}
		if r >= 0x80 {
			ascii = false
		}
		prevDot = false
	}
	// Every ASCII atext character is a letter, number, punctuation or
	// symbol (TestASCIIAtextIsSafe): safeChars has only non-ASCII to judge.
	if prevDot || !ascii && !safeChars(local) {
		return "", false, false
	}
	return local, ascii, true
}

// safeChars is email-validator's check_unsafe_chars without spaces:
// letters, numbers, punctuation and symbols (emailSafeTable); a mark but
// first (emailMarkTable). Both of Python's unicodedata.category, generated
// by running email_validator's own function over every code point: a
// character Python's tables leave unassigned (Kawi, new in Unicode 15.0)
// is unsafe, whatever Go's tables say.
func safeChars(s string) bool {
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			// ASCII: '!' to '~' are safe, the rest unsafe (the ASCII
			// members internal/gen/modelclasses requires of the table).
			if r < '!' || r > '~' {
				return false
			}
		case unicode.Is(emailSafeTable, r):
		case unicode.Is(emailMarkTable, r):
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// plainDomain reports whether domain is written as IDNA leaves it: at
// most 253 bytes of lower-case ASCII letters, digits, hyphens and dots, in
// labels of 1 to 63 bytes that neither start nor end with a hyphen nor
// hold one at their third and fourth bytes (no Punycode "xn--" label).
// UTS #46 maps such a domain to itself and encodes it as itself, without
// error (TestPlainDomainIsItsOwnIDNA, FuzzPlainDomain: golang.org/x/net/idna
// is the oracle).
func plainDomain(domain string) bool {
	if domain == "" || len(domain) > 253 {
		return false
	}
	start := 0
	for i := 0; i <= len(domain); i++ {
		if i < len(domain) && domain[i] != '.' {
			if c := domain[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
			continue
		}
		label := domain[start:i]
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' ||
			len(label) >= 4 && label[2] == '-' && label[3] == '-' {
			return false
		}
		start = i + 1
	}
	return true
}

// emailDomain checks a domain as email-validator does and returns it in
// Unicode (as stored) and in ASCII (Punycode); plain lets a plainDomain
// skip the IDNA mapping and encoding, which give it back as it is.
func emailDomain(domain string, plain bool) (string, string, bool) {
	if domain == "" || !utf8.ValidString(domain) {
		return "", "", false
	}
	if plain && plainDomain(domain) {
		// Mapped and encoded as itself; its bytes, labels and length
		// pass every check below but the dot, the last letter and the
		// special-use domains.
		if strings.IndexByte(domain, '.') < 0 || !isASCIILetter(domain[len(domain)-1]) || specialUse(domain) {
			return "", "", false
		}
		return domain, domain, true
	}
	for _, r := range domain {
		if r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return "", "", false
		}
	}
	if !safeChars(domain) {
		return "", "", false
	}
	pre, ok := uts46Remap(domain)
	if !ok {
		return "", "", false
	}
	mapped, err := emailIDNA.ToUnicode(pre)
	if err != nil || !idna2008(mapped) {
		return "", "", false
	}
	// An xn-- label decodes to characters safeChars has not seen: the idna
	// package's decode (check_bidi) refuses one Python's unicodedata leaves
	// without a bidirectional class, i.e. unassigned in its tables, as
	// safeChars does ("0@xn--0-0000a0a0a0a0a0x00x000x.a" holds U+31BC4, of
	// Unicode 15.0: found by CI's fuzzing, refused by the models).
	if !safeChars(mapped) {
		return "", "", false
	}
	for _, r := range mapped {
		if r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return "", "", false
		}
	}
	if strings.HasPrefix(mapped, ".") || strings.HasSuffix(mapped, ".") || strings.Contains(mapped, "..") ||
		strings.HasPrefix(mapped, "-") || strings.HasSuffix(mapped, "-") || strings.Contains(mapped, ".-") || strings.Contains(mapped, "-.") {
		return "", "", false
	}
	for label := range strings.SplitSeq(mapped, ".") {
		if len(label) >= 4 && label[2:4] == "--" && !strings.EqualFold(label[:2], "xn") {
			return "", "", false
		}
	}
	ascii, err := emailIDNA.ToASCII(mapped)
	if err != nil {
		return "", "", false
	}
	if len(ascii) > 253 || !strings.Contains(ascii, ".") {
		return "", "", false
	}
	for label := range strings.SplitSeq(ascii, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return "", "", false
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return "", "", false
			}
		}
	}
	if !isASCIILetter(ascii[len(ascii)-1]) || specialUse(strings.ToLower(ascii)) {
		return "", "", false
	}
	uni, err := emailIDNA.ToUnicode(ascii)
	if err != nil {
		return "", "", false
	}
	return uni, ascii, true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// specialUse reports whether the lower-case ASCII domain is one of
// emailSpecialUse or under one.
func specialUse(lower string) bool {
	for _, d := range emailSpecialUse {
		if lower == d || len(lower) > len(d) && lower[len(lower)-len(d)-1] == '.' && strings.HasSuffix(lower, d) {
			return true
		}
	}
	return false
}

// uts46Remap is the UTS #46 mapping the idna package applies to a domain
// for email-validator (uts46_remap, std3_rules and transitional off): ASCII
// capitals lower-cased, other ASCII kept; a non-ASCII character mapped by
// idnaRemapFrom / idnaRemapTo, refused when in idnaUnmappableTable, kept
// otherwise; then NFC. The tables are that package's (UTS #46 of its own
// Unicode version, 17.0 for idna 3.13), generated for the characters
// safeChars lets through; golang.org/x/net/idna, which then decodes and
// checks the labels, maps with tables of Go's toolchain (15.0 before Go
// 1.27), where Georgian capitals (U+10A0…) are disallowed, ẞ becomes "ss"
// and the Hangul fillers are kept. false when a character is refused.
func uts46Remap(domain string) (string, bool) {
	// A domain the mapping leaves as it is (the common case: lower-case,
	// already mapped) is returned without a copy.
	same := true
	for _, r := range domain {
		if r >= 'A' && r <= 'Z' {
			same = false
		} else if r >= utf8.RuneSelf {
			if unicode.Is(idnaUnmappableTable, r) {
				return "", false
			}
			if _, found := slices.BinarySearch(idnaRemapFrom, r); found {
				same = false
			}
		}
	}
	if same {
		if norm.NFC.IsNormalString(domain) {
			return domain, true
		}
		return norm.NFC.String(domain), true
	}
	var b strings.Builder
	for _, r := range domain {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case unicode.Is(idnaUnmappableTable, r):
			return "", false
		default:
			if i, found := slices.BinarySearch(idnaRemapFrom, r); found {
				b.WriteString(idnaRemapTo[i])
			} else {
				b.WriteRune(r)
			}
		}
	}
	return norm.NFC.String(b.String()), true
}

// idna2008 reports whether every non-ASCII character of a domain mapped by
// UTS #46 may stand in its IDNA 2008 label as the idna package
// email-validator calls judges it (its check_label): PVALID
// (idnaPValidTable), or CONTEXTO (idnaContextOTable) in a context its rule
// allows (contextO), all generated from that package's own tables, of its
// own Unicode version. UTS #46, which golang.org/x/net/idna implements,
// also allows symbols, punctuation and characters IDNA 2008 disallows (old
// Hangul jamo U+1100…, combining marks for symbols U+20D0…): the idna
// package refuses them. CONTEXTJ characters (the joiners) are refused: they
// are format characters, unsafe for check_unsafe_chars before.
func idna2008(domain string) bool {
	for label := range strings.SplitSeq(domain, ".") {
		for i, r := range label {
			switch {
			case r < utf8.RuneSelf, unicode.Is(idnaPValidTable, r):
			case unicode.Is(idnaContextOTable, r):
				if !contextO(label, i, r) {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// contextO applies the rule of RFC 5892 appendix A to the CONTEXTO
// character r at byte i of label, as the idna package's valid_contexto
// does: a middle dot U+00B7 between two l (A.3); a Greek keraia U+0375
// before a Greek character (A.4); a Hebrew geresh or gershayim U+05F3,
// U+05F4 after a Hebrew character (A.5, A.6); a katakana middle dot U+30FB
// in a label with a Hiragana, Katakana or Han character (A.7); Arabic-Indic
// digits U+0660–U+0669 and extended ones U+06F0–U+06F9 not mixed (A.8,
// A.9). Scripts are the idna package's (idnaGreekTable, idnaHebrewTable,
// idnaKanaHanTable).
func contextO(label string, i int, r rune) bool {
	before, _ := utf8.DecodeLastRuneInString(label[:i])
	after, _ := utf8.DecodeRuneInString(label[i+utf8.RuneLen(r):])
	switch {
	case r == 0x00B7:
		return i > 0 && before == 'l' && after == 'l'
	case r == 0x0375:
		return i+utf8.RuneLen(r) < len(label) && unicode.Is(idnaGreekTable, after)
	case r == 0x05F3 || r == 0x05F4:
		return i > 0 && unicode.Is(idnaHebrewTable, before)
	case r == 0x30FB:
		for _, c := range label {
			if c != 0x30FB && unicode.Is(idnaKanaHanTable, c) {
				return true
			}
		}
		return false
	case r >= 0x0660 && r <= 0x0669:
		return !strings.ContainsFunc(label, func(c rune) bool { return c >= 0x06F0 && c <= 0x06F9 })
	case r >= 0x06F0 && r <= 0x06F9:
		return !strings.ContainsFunc(label, func(c rune) bool { return c >= 0x0660 && c <= 0x0669 })
	}
	return false
}
