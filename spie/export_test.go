package spie

// CheckFaultTypesOf runs the registry checks on a given list, so that tests
// prove each check without registering faulty codes.
var CheckFaultTypesOf = checkFaultTypes

// IdentMatchers are the byte-loop matchers of the identifier patterns, by
// the pattern each one implements, for the differential test against
// regexp.
var IdentMatchers = []struct {
	Pattern string
	Match   func(string) bool
}{
	{patternSIRET, matchSIRET},
	{patternSIREN, matchSIREN},
	{patternCAF, matchCAF},
	{patternEPCI, matchEPCI},
	{patternCountry, matchCountry},
	{patternPostal, matchPostal},
	{patternROME, matchROME},
	{patternFT, matchFT},
	{patternDepartement, matchDepartement},
	{patternCommune, matchCommune},
	{patternNIR, matchNIR},
	{patternNIRShape, matchNIRShape},
	{patternNIRSex, matchNIRSex},
	{patternNIRMonth, matchNIRMonth},
	{patternNIRPlace, matchNIRPlace},
}
