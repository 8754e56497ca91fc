package spie

import (
	"regexp"
	"strconv"
)

// Identifier is implemented by the string types of official identifiers. The
// schema generator reads Pattern and IdentifierLabel; CheckIdentifier runs the
// full check (keys, exceptions) that a pattern cannot express.
type Identifier interface {
	Pattern() string
	IdentifierLabel() Label
	// Problem returns the fault type of the first problem, or nil when valid.
	Problem() *FaultType
}

// Fault types of identifiers.
var (
	FaultSIRETFormat    = NewFaultType("SPIE-SIRET-01", SeverityError, "le SIRET doit compter 14 chiffres", "a SIRET has 14 digits").WithSource("INSEE, répertoire SIRENE : SIRET de 14 chiffres (SIREN puis NIC)")
	FaultSIRETKey       = NewFaultType("SPIE-SIRET-02", SeverityError, "la clé de contrôle du SIRET est fausse", "the SIRET check digit is wrong").WithSource("INSEE, répertoire SIRENE : clé de Luhn du SIRET (exception de La Poste, SIREN 356000000)")
	FaultSIRENFormat    = NewFaultType("SPIE-SIREN-01", SeverityError, "le SIREN doit compter 9 chiffres", "a SIREN has 9 digits").WithSource("INSEE, répertoire SIRENE : SIREN de 9 chiffres")
	FaultSIRENKey       = NewFaultType("SPIE-SIREN-02", SeverityError, "la clé de contrôle du SIREN est fausse", "the SIREN check digit is wrong").WithSource("INSEE, répertoire SIRENE : clé de Luhn du SIREN")
	FaultCommuneFormat  = NewFaultType("SPIE-COMMUNE-01", SeverityError, "le code commune INSEE doit compter 5 caractères (département puis numéro, 2A/2B en Corse, 97x outre-mer)", "an INSEE commune code has 5 characters").WithSource("INSEE, Code officiel géographique : code commune de 5 caractères (2A/2B en Corse, 97x outre-mer)")
	FaultDepartement    = NewFaultType("SPIE-DEPARTEMENT-01", SeverityError, "code de département inconnu", "unknown département code").WithSource("INSEE, Code officiel géographique : départements 01 à 95 (2A, 2B) et 971 à 976")
	FaultEPCIFormat     = NewFaultType("SPIE-EPCI-01", SeverityError, "le SIREN d'un EPCI compte 9 chiffres et commence par 2", "an EPCI SIREN has 9 digits and starts with 2").WithSource("DGCL (BANATIC) : un EPCI est identifié par son SIREN, qui commence par 2")
	FaultEPCIKey        = NewFaultType("SPIE-EPCI-02", SeverityError, "la clé de contrôle du SIREN de l'EPCI est fausse", "the EPCI SIREN check digit is wrong").WithSource("INSEE, répertoire SIRENE : clé de Luhn du SIREN")
	FaultPostalCode     = NewFaultType("SPIE-CODE-POSTAL-01", SeverityError, "le code postal doit compter 5 chiffres d'un département existant", "a postal code has 5 digits of an existing département").WithSource("La Poste, base officielle des codes postaux : 5 chiffres commençant par un département")
	FaultNIRFormat      = NewFaultType("SPIE-NIR-01", SeverityError, "le NIR doit compter 15 caractères : sexe, année, mois, département, commune, ordre et clé", "a NIR has 15 characters").WithSource("INSEE, NIR (répertoire national d'identification des personnes physiques) : 13 caractères et une clé de 2 chiffres")
	FaultNIRKey         = NewFaultType("SPIE-NIR-02", SeverityError, "la clé du NIR est fausse (97 moins le numéro modulo 97)", "the NIR key is wrong (97 minus the number mod 97)").WithSource("INSEE, NIR : clé = 97 − (numéro modulo 97), 2A lu 19 et 2B lu 18")
	FaultROME           = NewFaultType("SPIE-ROME-01", SeverityError, "le code ROME doit être une lettre de A à N suivie de 4 chiffres", "a ROME code is a letter A to N and 4 digits").WithSource("France Travail, Répertoire opérationnel des métiers et des emplois (ROME) : une lettre de A à N et 4 chiffres")
	FaultFranceTravail  = NewFaultType("SPIE-FT-ID-01", SeverityError, "l'identifiant France Travail doit compter 7 chiffres suivis d'une lettre ou d'un chiffre, ou 11 caractères", "a France Travail identifier has 7 digits and a letter or digit, or 11 characters").WithSource("France Travail : identifiant de demandeur d'emploi (aucun format public ; socle vérifie la forme usuelle)")
	FaultCAFNumber      = NewFaultType("SPIE-CAF-01", SeverityError, "le numéro d'allocataire CAF doit compter 7 chiffres", "a CAF beneficiary number has 7 digits").WithSource("CNAF : numéro d'allocataire de 7 chiffres (aucune spécification publique ; forme usuelle)")
	FaultIdentifierType = NewFaultType("SPIE-ID-01", SeverityError, "identifiant de type inconnu", "unknown identifier type").WithSource("liste des types d'identifiants de socle (spie.Identifier)")
)

// SIRET identifies an establishment: 14 digits, Luhn key (La Poste: digit sum
// multiple of 5).
type SIRET string

// SIREN identifies a legal unit: 9 digits with a Luhn key.
type SIREN string

// CommuneCode is an INSEE commune code (Code officiel géographique).
type CommuneCode string

// DepartementCode is a département code: 01–95 but 20, 2A, 2B, 971–976.
type DepartementCode string

// EPCICode is the SIREN of an établissement public de coopération intercommunale.
type EPCICode string

// PostalCode is a French postal code.
type PostalCode string

// NIR is the social security number: 15 characters, key = 97 − (number mod 97).
type NIR string

// ROMECode is a code of the Répertoire opérationnel des métiers et des emplois.
type ROMECode string

// FranceTravailID is the jobseeker identifier of France Travail.
type FranceTravailID string

// CAFNumber is a CAF beneficiary number (numéro d'allocataire).
type CAFNumber string

const (
	patternSIRET       = `^[0-9]{14}$`
	patternSIREN       = `^[0-9]{9}$`
	patternCommune     = `^((0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])[0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2})$`
	patternDepartement = `^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$`
	patternEPCI        = `^2[0-9]{8}$`
	patternPostal      = `^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$`
	patternNIR         = `^[12378][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(0[1-9]|[1-8][0-9]|9[0-9]|2[AB])[0-9]{6}[0-9]{2}$`
	patternROME        = `^[A-N][0-9]{4}$`
	patternFT          = `^([0-9]{7}[0-9A-Z]|[0-9A-Z]{11})$`
	patternCAF         = `^[0-9]{7}$`
)

var (
	reSIRET       = regexp.MustCompile(patternSIRET)
	reSIREN       = regexp.MustCompile(patternSIREN)
	reCommune     = regexp.MustCompile(patternCommune)
	reDepartement = regexp.MustCompile(patternDepartement)
	reEPCI        = regexp.MustCompile(patternEPCI)
	rePostal      = regexp.MustCompile(patternPostal)
	reNIR         = regexp.MustCompile(patternNIR)
	reROME        = regexp.MustCompile(patternROME)
	reFT          = regexp.MustCompile(patternFT)
	reCAF         = regexp.MustCompile(patternCAF)
)

const laPosteSIREN = "356000000"

func (SIRET) Pattern() string           { return patternSIRET }
func (SIREN) Pattern() string           { return patternSIREN }
func (CommuneCode) Pattern() string     { return patternCommune }
func (DepartementCode) Pattern() string { return patternDepartement }
func (EPCICode) Pattern() string        { return patternEPCI }
func (PostalCode) Pattern() string      { return patternPostal }
func (NIR) Pattern() string             { return patternNIR }
func (ROMECode) Pattern() string        { return patternROME }
func (FranceTravailID) Pattern() string { return patternFT }
func (CAFNumber) Pattern() string       { return patternCAF }

func (SIRET) IdentifierLabel() Label { return Label{"Numéro SIRET", "SIRET number"} }
func (SIREN) IdentifierLabel() Label { return Label{"Numéro SIREN", "SIREN number"} }
func (CommuneCode) IdentifierLabel() Label {
	return Label{"Code commune INSEE", "INSEE commune code"}
}
func (DepartementCode) IdentifierLabel() Label {
	return Label{"Code de département", "Département code"}
}
func (EPCICode) IdentifierLabel() Label { return Label{"SIREN de l'EPCI", "EPCI SIREN"} }
func (PostalCode) IdentifierLabel() Label {
	return Label{"Code postal", "Postal code"}
}
func (NIR) IdentifierLabel() Label {
	return Label{"Numéro d'inscription au répertoire (NIR)", "Social security number (NIR)"}
}
func (ROMECode) IdentifierLabel() Label { return Label{"Code ROME", "ROME code"} }
func (FranceTravailID) IdentifierLabel() Label {
	return Label{"Identifiant France Travail", "France Travail identifier"}
}
func (CAFNumber) IdentifierLabel() Label {
	return Label{"Numéro d'allocataire CAF", "CAF beneficiary number"}
}

// Problem implements Identifier.
func (s SIRET) Problem() *FaultType {
	v := string(s)
	if !reSIRET.MatchString(v) {
		return FaultSIRETFormat
	}
	if v[:9] == laPosteSIREN {
		if v == laPosteSIREN+"00000" || digitSum(v)%5 == 0 || luhn(v) {
			return nil
		}
		return FaultSIRETKey
	}
	if !luhn(v) {
		return FaultSIRETKey
	}
	return nil
}

// Problem implements Identifier.
func (s SIREN) Problem() *FaultType {
	v := string(s)
	if !reSIREN.MatchString(v) {
		return FaultSIRENFormat
	}
	if !luhn(v) {
		return FaultSIRENKey
	}
	return nil
}

// SIREN returns the legal unit of an establishment.
func (s SIRET) SIREN() SIREN {
	if len(s) < 9 {
		return ""
	}
	return SIREN(s[:9])
}

// Problem implements Identifier.
func (c CommuneCode) Problem() *FaultType {
	if !reCommune.MatchString(string(c)) {
		return FaultCommuneFormat
	}
	return nil
}

// Departement returns the département of the commune (2A, 2B, 971…).
func (c CommuneCode) Departement() DepartementCode {
	s := string(c)
	if len(s) != 5 {
		return ""
	}
	if s[:2] == "97" || s[:2] == "98" {
		return DepartementCode(s[:3])
	}
	return DepartementCode(s[:2])
}

// Problem implements Identifier.
func (d DepartementCode) Problem() *FaultType {
	if !reDepartement.MatchString(string(d)) {
		return FaultDepartement
	}
	return nil
}

// Problem implements Identifier.
func (e EPCICode) Problem() *FaultType {
	v := string(e)
	if !reEPCI.MatchString(v) {
		return FaultEPCIFormat
	}
	if !luhn(v) {
		return FaultEPCIKey
	}
	return nil
}

// Problem implements Identifier.
func (p PostalCode) Problem() *FaultType {
	if !rePostal.MatchString(string(p)) || p == "00000" {
		return FaultPostalCode
	}
	return nil
}

// Problem implements Identifier.
func (n NIR) Problem() *FaultType {
	v := string(n)
	if !reNIR.MatchString(v) {
		return FaultNIRFormat
	}
	key, _ := strconv.Atoi(v[13:])
	if NIRKey(v[:13]) != key {
		return FaultNIRKey
	}
	return nil
}

// NIRKey computes the key of the first 13 characters of a NIR: 97 − (number
// mod 97), with Corsica's 2A and 2B read as 19 and 18 (the INSEE rule). It
// returns −1 when the input is not 13 such characters.
func NIRKey(first13 string) int {
	if len(first13) != 13 {
		return -1
	}
	digits := []byte(first13)
	offset := 0
	switch first13[5:7] {
	case "2A":
		digits[5], digits[6] = '1', '9'
		offset = 1000000
	case "2B":
		digits[5], digits[6] = '1', '8'
		offset = 2000000
	}
	n, err := strconv.ParseUint(string(digits), 10, 64)
	if err != nil {
		return -1
	}
	if offset != 0 {
		n -= uint64(offset)
	}
	return int(97 - n%97)
}

// Problem implements Identifier.
func (r ROMECode) Problem() *FaultType {
	if !reROME.MatchString(string(r)) {
		return FaultROME
	}
	return nil
}

// Problem implements Identifier.
func (f FranceTravailID) Problem() *FaultType {
	if !reFT.MatchString(string(f)) {
		return FaultFranceTravail
	}
	return nil
}

// Problem implements Identifier.
func (c CAFNumber) Problem() *FaultType {
	if !reCAF.MatchString(string(c)) {
		return FaultCAFNumber
	}
	return nil
}

// CheckIdentifier returns the faults of id at path: none when valid.
func CheckIdentifier(id Identifier, path string) Faults {
	if t := id.Problem(); t != nil {
		return Faults{t.At(path)}
	}
	return nil
}

// luhn checks the Luhn key of a string of ASCII digits.
func luhn(s string) bool {
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func digitSum(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i] - '0')
	}
	return sum
}
