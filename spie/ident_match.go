package spie

// Byte-loop matchers of the identifier patterns. The patterns (patternSIRET…
// in ident.go) stay the one definition the JSON Schemas publish; these
// loops decide exactly what the anchored patterns decide, without a regular
// expression on the hot path (issue 17: identifier checks were 4.4 % of the
// diagnostic's fast path). TestIdentMatchersAgreeWithPatterns and
// FuzzIdentMatchers prove, against the regexp of each pattern, that they
// accept the same strings.

// MatcherOf returns the byte-loop matcher of an identifier pattern of this
// package (the Pattern of SIRET, SIREN, CommuneCode, DepartementCode,
// EPCICode, PostalCode, NIR, ROMECode, FranceTravailID, CAFNumber: the
// patterns the JSON Schemas publish), or nil for any other pattern. The
// matcher accepts exactly the strings the anchored pattern matches, without
// a regular expression (the schemas' fast path checks its patterns with it).
func MatcherOf(pattern string) func(string) bool {
	switch pattern {
	case patternSIRET:
		return matchSIRET
	case patternSIREN:
		return matchSIREN
	case patternCAF:
		return matchCAF
	case patternEPCI:
		return matchEPCI
	case patternPostal:
		return matchPostal
	case patternROME:
		return matchROME
	case patternFT:
		return matchFT
	case patternDepartement:
		return matchDepartement
	case patternCommune:
		return matchCommune
	case patternNIR:
		return matchNIR
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// allDigits tells whether s is n ASCII digits.
func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// dept2 matches the two-character metropolitan département of
// patternCommune and patternDepartement: 0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5].
func dept2(a, b byte) bool {
	switch {
	case a == '0':
		return b >= '1' && b <= '9'
	case a == '1' || (a >= '3' && a <= '8'):
		return isDigit(b)
	case a == '2':
		return (b >= '1' && b <= '9') || b == 'A' || b == 'B'
	case a == '9':
		return b >= '0' && b <= '5'
	}
	return false
}

// matchSIRET is patternSIRET: ^[0-9]{14}$.
func matchSIRET(s string) bool { return allDigits(s, 14) }

// matchSIREN is patternSIREN: ^[0-9]{9}$.
func matchSIREN(s string) bool { return allDigits(s, 9) }

// matchCAF is patternCAF: ^[0-9]{7}$.
func matchCAF(s string) bool { return allDigits(s, 7) }

// matchEPCI is patternEPCI: ^2[0-9]{8}$.
func matchEPCI(s string) bool { return allDigits(s, 9) && s[0] == '2' }

// matchCountry is an INSEE country code: ^99[0-9]{3}$.
func matchCountry(s string) bool { return allDigits(s, 5) && s[0] == '9' && s[1] == '9' }

// matchPostal is patternPostal: ^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$, five
// digits whose first two are 01 to 98.
func matchPostal(s string) bool {
	return allDigits(s, 5) && !(s[0] == '0' && s[1] == '0') && !(s[0] == '9' && s[1] == '9')
}

// matchROME is patternROME: ^[A-N][0-9]{4}$.
func matchROME(s string) bool {
	return len(s) == 5 && s[0] >= 'A' && s[0] <= 'N' && allDigits(s[1:], 4)
}

// matchFT is patternFT: ^([0-9]{7}[0-9A-Z]|[0-9A-Z]{11})$.
func matchFT(s string) bool {
	upperAlnum := func(c byte) bool { return isDigit(c) || (c >= 'A' && c <= 'Z') }
	switch len(s) {
	case 8:
		return allDigits(s[:7], 7) && upperAlnum(s[7])
	case 11:
		for i := 0; i < len(s); i++ {
			if !upperAlnum(s[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// matchDepartement is patternDepartement:
// ^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$.
func matchDepartement(s string) bool {
	switch len(s) {
	case 2:
		return dept2(s[0], s[1])
	case 3:
		return s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '6'
	}
	return false
}

// matchCommune is patternCommune: a metropolitan département (dept2) and 3
// digits, or 97[1-8] or 98[4-9] and 2 digits.
func matchCommune(s string) bool {
	if len(s) != 5 {
		return false
	}
	if dept2(s[0], s[1]) {
		return allDigits(s[2:], 3)
	}
	if s[0] != '9' || !allDigits(s[3:], 2) {
		return false
	}
	return (s[1] == '7' && s[2] >= '1' && s[2] <= '8') || (s[1] == '8' && s[2] >= '4' && s[2] <= '9')
}

// matchNIRShape is ^[0-9]{5}([0-9]{2}|2[AB])[0-9]{8}$: 15 characters, digits
// but for 2A or 2B at positions 6–7.
func matchNIRShape(s string) bool {
	if len(s) != 15 || !allDigits(s[:5], 5) || !allDigits(s[7:], 8) {
		return false
	}
	return (isDigit(s[5]) && isDigit(s[6])) || (s[5] == '2' && (s[6] == 'A' || s[6] == 'B'))
}

// matchNIR is patternNIR: sex (nirSex), 2 digits of year, month
// (nirMonth), place (nirPlace), 3 digits of order, key 01 to 97
// (nirKeyRange), 15 characters.
func matchNIR(s string) bool {
	if len(s) != 15 || !matchNIRSex(s[:1]) || !allDigits(s[1:3], 2) || !matchNIRMonth(s[3:5]) ||
		!matchNIRPlace(s[5:10]) || !allDigits(s[10:15], 5) {
		return false
	}
	return s[13:15] != "00" && s[13:15] <= "97"
}

// matchNIRSex is nirSex: [1278].
func matchNIRSex(s string) bool {
	return len(s) == 1 && (s[0] == '1' || s[0] == '2' || s[0] == '7' || s[0] == '8')
}

// matchNIRMonth is nirMonth: 0[1-9]|1[0-2]|20|3[0-9]|4[0-2]|[5-9][0-9].
func matchNIRMonth(s string) bool {
	if len(s) != 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return false
	}
	switch m := int(s[0]-'0')*10 + int(s[1]-'0'); {
	case m >= 1 && m <= 12, m == 20, m >= 30 && m <= 42, m >= 50:
		return true
	}
	return false
}

// matchNIRPlace is nirPlace: (0[1-9]|[1-8][0-9]|9[0-6]|2[AB])[0-9]{3},
// 97[1-8][0-9]{2}, 98[4-9][0-9]{2} or 99[0-9]{3}.
func matchNIRPlace(s string) bool {
	if len(s) != 5 {
		return false
	}
	a, b := s[0], s[1]
	switch {
	case a == '2' && (b == 'A' || b == 'B'):
		return allDigits(s[2:], 3)
	case !isDigit(a) || !isDigit(b):
		return false
	case a == '9' && b == '7':
		return s[2] >= '1' && s[2] <= '8' && allDigits(s[3:], 2)
	case a == '9' && b == '8':
		return s[2] >= '4' && s[2] <= '9' && allDigits(s[3:], 2)
	case a == '0' && b == '0':
		return false
	}
	return allDigits(s[2:], 3) // 01 to 96, and 99 followed by a country
}
