package offer

import "unicode"

// EmailSafeOrMark reports whether email-validator's check_unsafe_chars lets
// r through somewhere in an address (emailSafeTable or emailMarkTable): the
// code points TestEmailDomainCharactersAgreeWithModels sweeps.
func EmailSafeOrMark(r rune) bool {
	return unicode.Is(emailSafeTable, r) || unicode.Is(emailMarkTable, r)
}
