package spie

// Identifier is implemented by the string types of official identifiers. The
// schema generator reads Pattern and IdentifierLabel; CheckIdentifier runs the
// full check (keys, exceptions) that a pattern cannot express.
type Identifier interface {
	Pattern() string
	IdentifierLabel() Label
	// Problem returns the fault type of the first problem, or nil when valid.
	Problem() *FaultType
}

// Fault types of identifiers. Codes are a public contract: a code keeps its
// meaning for ever; a new fact gets a new code.
var (
	FaultSIRETFormat = &FaultType{Code: "SPIE-SIRET-01", Severity: SeverityError, FR: "le SIRET doit compter 14 chiffres", EN: "a SIRET has 14 digits", Source: "INSEE, répertoire SIRENE : SIRET de 14 chiffres (SIREN puis NIC)"}
	FaultSIRETKey    = &FaultType{Code: "SPIE-SIRET-02", Severity: SeverityError, FR: "la clé de contrôle du SIRET est fausse", EN: "the SIRET check digit is wrong", Source: "INSEE, répertoire SIRENE : clé de Luhn du SIRET (exception de La Poste, SIREN 356000000)"}
	// FaultSIRETSIRENKey: the first nine digits of a SIRET are the SIREN of
	// its legal unit, which carries its own Luhn key.
	FaultSIRETSIRENKey  = &FaultType{Code: "SPIE-SIRET-03", Severity: SeverityError, FR: "le SIREN contenu dans le SIRET (ses 9 premiers chiffres) a une clé de contrôle fausse", EN: "the SIREN inside the SIRET (its first 9 digits) has a wrong check digit", Source: "INSEE, définitions « Numéro Siret » et « Numéro Siren » : les 9 premiers chiffres du SIRET sont le SIREN, avec sa propre clé de Luhn"}
	FaultSIRENFormat    = &FaultType{Code: "SPIE-SIREN-01", Severity: SeverityError, FR: "le SIREN doit compter 9 chiffres", EN: "a SIREN has 9 digits", Source: "INSEE, répertoire SIRENE : SIREN de 9 chiffres"}
	FaultSIRENKey       = &FaultType{Code: "SPIE-SIREN-02", Severity: SeverityError, FR: "la clé de contrôle du SIREN est fausse", EN: "the SIREN check digit is wrong", Source: "INSEE, répertoire SIRENE : clé de Luhn du SIREN"}
	FaultCommuneFormat  = &FaultType{Code: "SPIE-COMMUNE-01", Severity: SeverityError, FR: "le code commune INSEE doit compter 5 caractères (département puis numéro, 2A/2B en Corse, 97x outre-mer)", EN: "an INSEE commune code has 5 characters", Source: "INSEE, Code officiel géographique : code commune de 5 caractères (2A/2B en Corse, 97x outre-mer)"}
	FaultDepartement    = &FaultType{Code: "SPIE-DEPARTEMENT-01", Severity: SeverityError, FR: "code de département inconnu", EN: "unknown département code", Source: "INSEE, Code officiel géographique : départements 01 à 95 (2A, 2B) et 971 à 976"}
	FaultEPCIFormat     = &FaultType{Code: "SPIE-EPCI-01", Severity: SeverityError, FR: "le SIREN d'un EPCI compte 9 chiffres et commence par 2", EN: "an EPCI SIREN has 9 digits and starts with 2", Source: "DGCL (BANATIC) : un EPCI est identifié par son SIREN, qui commence par 2"}
	FaultEPCIKey        = &FaultType{Code: "SPIE-EPCI-02", Severity: SeverityError, FR: "la clé de contrôle du SIREN de l'EPCI est fausse", EN: "the EPCI SIREN check digit is wrong", Source: "INSEE, répertoire SIRENE : clé de Luhn du SIREN"}
	FaultPostalCode     = &FaultType{Code: "SPIE-CODE-POSTAL-01", Severity: SeverityError, FR: "le code postal doit compter 5 chiffres d'un département existant", EN: "a postal code has 5 digits of an existing département", Source: "La Poste, base officielle des codes postaux : 5 chiffres commençant par un département"}
	FaultNIRFormat      = &FaultType{Code: "SPIE-NIR-01", Severity: SeverityError, FR: "le NIR doit compter 15 caractères : sexe, année, mois, département, commune, ordre et clé", EN: "a NIR has 15 characters", Source: "INSEE, NIR (répertoire national d'identification des personnes physiques) : 13 caractères et une clé de 2 chiffres"}
	FaultNIRKey         = &FaultType{Code: "SPIE-NIR-02", Severity: SeverityError, FR: "la clé du NIR est fausse (97 moins le numéro modulo 97)", EN: "the NIR key is wrong (97 minus the number mod 97)", Source: "INSEE, NIR : clé = 97 − (numéro modulo 97), 2A lu 19 et 2B lu 18"}
	FaultNIRSex         = &FaultType{Code: "SPIE-NIR-03", Severity: SeverityError, FR: "le premier chiffre du NIR (sexe) doit être 1 ou 2, ou 7 ou 8 pour un numéro d'attente (NIA)", EN: "the first digit of a NIR (sex) is 1 or 2, or 7 or 8 for a waiting number (NIA)", Source: "décret n° 82-103, art. 4 ; CNAV/INSEE « Guide de l'identification » : sexe 1 ou 2, 7 ou 8 pour un numéro d'attente"}
	FaultNIRMonth       = &FaultType{Code: "SPIE-NIR-04", Severity: SeverityError, FR: "le mois de naissance du NIR (4e et 5e chiffres) doit aller de 01 à 12, ou valoir 20, 30 à 42 ou 50 à 99 quand le mois est inconnu", EN: "the NIR birth month (4th and 5th digits) is 01 to 12, or 20, 30 to 42 or 50 to 99 when the month is unknown", Source: "INSEE « Normalisation du numéro INSEE » ; note technique Net-entreprises « Numéro de sécurité sociale » : mois 01 à 12, ou 20, 30 à 42, 50 à 99"}
	FaultNIRPlace       = &FaultType{Code: "SPIE-NIR-05", Severity: SeverityError, FR: "le lieu de naissance du NIR doit être un département (01 à 96, 2A, 2B) suivi de 3 chiffres, 971 à 978 ou 984 à 989 suivi de 2 chiffres, ou 99 suivi du code du pays", EN: "the NIR birthplace is a département (01 to 96, 2A, 2B) and 3 digits, 971 to 978 or 984 to 989 and 2 digits, or 99 and a country code", Source: "INSEE, xml.insee.fr/schema/nir.html : département (01 à 96, 2A, 2B) et commune, 971 à 978 ou 984 à 989 et commune, ou 99 et code pays"}
	FaultROME           = &FaultType{Code: "SPIE-ROME-01", Severity: SeverityError, FR: "le code ROME doit être une lettre de A à N suivie de 4 chiffres", EN: "a ROME code is a letter A to N and 4 digits", Source: "France Travail, Répertoire opérationnel des métiers et des emplois (ROME) : une lettre de A à N et 4 chiffres"}
	FaultFranceTravail  = &FaultType{Code: "SPIE-FT-ID-01", Severity: SeverityError, FR: "l'identifiant France Travail doit compter 7 chiffres suivis d'une lettre ou d'un chiffre, ou 11 caractères", EN: "a France Travail identifier has 7 digits and a letter or digit, or 11 characters", Source: "France Travail : identifiant de demandeur d'emploi (aucun format public ; socle vérifie la forme usuelle)"}
	FaultCAFNumber      = &FaultType{Code: "SPIE-CAF-01", Severity: SeverityError, FR: "le numéro d'allocataire CAF doit compter 7 chiffres", EN: "a CAF beneficiary number has 7 digits", Source: "CNAF : numéro d'allocataire de 7 chiffres (aucune spécification publique ; forme usuelle)"}
	FaultIdentifierType = &FaultType{Code: "SPIE-ID-01", Severity: SeverityError, FR: "identifiant de type inconnu", EN: "unknown identifier type", Source: "liste des types d'identifiants de socle (spie.Identifier)"}
)

// SIRET identifies an establishment (Système d'identification du répertoire
// des établissements, INSEE): 14 digits, the SIREN of the legal unit (9 digits,
// with its own Luhn key) followed by the NIC (numéro interne de classement: a
// 4-digit order number and a check digit). The 14 digits as a whole satisfy
// the Luhn formula — except at La Poste (SIREN 356000000), whose
// establishments outnumbered what the Luhn key allows: only its head office,
// 35600000000048, follows Luhn; for every other La Poste SIRET the sum of the
// 14 digits is a multiple of 5. Sources: INSEE, définition « Numéro Siret »
// (insee.fr, Définitions); the La Poste rule as stated in « Système
// d'identification du répertoire des établissements » (fr.wikipedia.org,
// § Exceptions pour le groupe La Poste), which cites INSEE's definition and the
// CNRS note « Normaliser les codes SIREN - SIRET » (22 March 2001); the same
// rule is implemented by python-stdnum (stdnum.fr.siret).
//
// Faults: SPIE-SIRET-01 (not 14 digits), SPIE-SIRET-03 (the SIREN part fails
// its Luhn key), SPIE-SIRET-02 (the SIRET key, or La Poste's digit sum, fails).
type SIRET string

// SIREN identifies a legal unit (Système d'identification du répertoire des
// entreprises, INSEE): 9 digits, the last a Luhn check digit. Source: INSEE,
// définition « Numéro Siren » (insee.fr, Définitions).
// Faults: SPIE-SIREN-01 (not 9 digits), SPIE-SIREN-02 (Luhn key).
type SIREN string

// CommuneCode is an INSEE commune code of the Code officiel géographique
// (COG): 5 characters, the département (01–19, 2A, 2B, 21–95) and 3 digits, or
// an overseas code of 3 characters and 2 digits (971–976 for the DROM, 975,
// 977, 978 and 984–989 for the other collectivities). Only the syntax is
// checked here; whether the commune exists is the territory referential's
// business (spie/territory). Source: INSEE, « Code officiel géographique ».
// Fault: SPIE-COMMUNE-01.
type CommuneCode string

// DepartementCode is a département of the COG: 01–19, 2A, 2B, 21–95, 971–976
// (20 has not been a département since 1976; 975, 977, 978 and 98x are
// collectivities, not départements). Source: INSEE, COG, « Départements ».
// Fault: SPIE-DEPARTEMENT-01.
type DepartementCode string

// EPCICode is the SIREN of an établissement public de coopération
// intercommunale: a SIREN (9 digits, Luhn key) of the public-sector series that
// starts with 2 (collectivités territoriales and their groupings; the list
// itself is BANATIC's and INSEE's, held by spie/territory). Faults:
// SPIE-EPCI-01 (not 9 digits starting with 2), SPIE-EPCI-02 (Luhn key).
type EPCICode string

// PostalCode is a French postal code (La Poste): 5 digits whose first two are
// a département number (01–95, 20 for Corsica), 97 for the DROM and
// Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin, or 98 for
// Monaco and the Pacific collectivities. It is a routing code, not a commune
// code (02000 is Laon's postal code; its INSEE code is 02408). Fault:
// SPIE-CODE-POSTAL-01.
type PostalCode string

// NIR is the numéro d'inscription au répertoire (the social security number),
// as defined by article 4 of décret n° 82-103 of 22 January 1982 and described
// by INSEE (xml.insee.fr/schema/nir.html) and its guide with the CNAV « Guide
// de l'identification »: 13 characters then a 2-digit key, 15 in all:
//
//   - sex: 1 (man) or 2 (woman); 7 (man) or 8 (woman) for a provisional
//     number, such as the numéro identifiant d'attente (NIA) that
//     social-protection bodies give, « constitué comme un NIR », while a
//     person born abroad has their birth record checked (circulaire DSS/SD4C
//     n° 2012-213 of 1 June 2012; CNAV/INSEE « Guide de l'identification »,
//     fiche 3). Secondary sources also list 3 and 4 as former values for
//     foreigners being registered; no primary source was found, so socle
//     refuses them (SPIE-NIR-03) — to revisit if a real number is refused;
//   - year of birth: 2 digits;
//   - month of birth: 01–12, or, when the birth record gives no month, a
//     fictitious one: 20, 30–42 or 50–99 (Net-entreprises e-ventail technical
//     note « Numéro de sécurité sociale », the DADS-U control: « le mois de
//     naissance peut aussi être compris entre 30 et 42, entre 50 et 99 » or 20;
//     31 (January) to 42 (December) are « pseudo-fictitious » months of an
//     incomplete record that still gives the month, INSEE « Normalisation du
//     numéro INSEE des personnes physiques », § 6.3; the CNAV reports the
//     values actually given: 20 since 1988, before that 20, 30, 31–42,
//     51–62). INSEE's note reads « 20 à 30 ou 50 ou plus »; socle follows
//     the narrower Net-entreprises control, which matches every value the
//     CNAV reports, and refuses 13–19, 21–29 and 43–49;
//   - place of birth, 5 characters: the département at the date of birth
//     (01–96, with 20 for Corsica before 1976 and 2A/2B since; 91–96 also
//     stood for Algeria, Morocco and Tunisia before independence) and the
//     3-digit commune; overseas, the 3-digit code (971–978, 984–989) and a
//     2-digit commune; born abroad, 99 and the 3-digit INSEE country code;
//   - order number: 3 digits;
//   - key: 97 − (the 13-digit number mod 97), with 2A read as 19 and 2B as 18
//     (see NIRKey), so 01–97.
//
// Faults: SPIE-NIR-01 (not 15 such characters), SPIE-NIR-03 (sex digit),
// SPIE-NIR-04 (month), SPIE-NIR-05 (place), SPIE-NIR-02 (key).
type NIR string

// ROMECode is a code of the Répertoire opérationnel des métiers et des emplois
// (France Travail): a letter A–N (the 14 domains) and 4 digits. Fault:
// SPIE-ROME-01.
type ROMECode string

// FranceTravailID is the identifier France Travail gives a registered
// jobseeker (« identifiant France Travail », formerly Pôle emploi). France
// Travail publishes no format or key for it. socle accepts 7 digits followed
// by a capital letter or a digit — the check of les emplois de l'inclusion
// (GIP de l'inclusion, « 8 caractères : 7 chiffres suivis d'une lettre ou
// d'un chiffre »), the form printed on the jobseeker's letters — and, as it
// always has, 11 digits or capital letters, a longer form met in partner
// exchanges for which no published source was found. No key is known, so a
// well-formed but wrong identifier cannot be detected. Fault: SPIE-FT-ID-01.
type FranceTravailID string

// CAFNumber is a CAF beneficiary number (numéro d'allocataire, now called
// « numéro de dossier » by the CAF). The CNAF publishes no format or key for
// it; the public guides describe it as 7 digits, which is what socle checks.
// A wrong but well-formed number cannot be detected. Fault: SPIE-CAF-01.
type CAFNumber string

const (
	patternSIRET       = `^[0-9]{14}$`
	patternSIREN       = `^[0-9]{9}$`
	patternCommune     = `^((0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])[0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2})$`
	patternDepartement = `^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$`
	patternEPCI        = `^2[0-9]{8}$`
	patternPostal      = `^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$`
	// The NIR pattern is assembled from its parts below, so that the schema
	// and Problem say the same thing.
	patternNIR  = `^` + nirSex + `[0-9]{2}` + nirMonth + `(` + nirPlace + `)[0-9]{3}` + nirKeyRange + `$`
	patternROME = `^[A-N][0-9]{4}$`
	patternFT   = `^([0-9]{7}[0-9A-Z]|[0-9A-Z]{11})$`
	patternCAF  = `^[0-9]{7}$`

	nirSex      = `[1278]`
	nirMonth    = `(0[1-9]|1[0-2]|20|3[0-9]|4[0-2]|[5-9][0-9])`
	nirPlace    = `(0[1-9]|[1-8][0-9]|9[0-6]|2[AB])[0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2}|99[0-9]{3}`
	nirKeyRange = `(0[1-9]|[1-8][0-9]|9[0-7])`
)

// The patterns of the parts Problem checks in turn (CommuneCode: a country
// code first; NIR: shape, sex, month, place). ident_match.go implements
// each pattern as a byte loop; its test proves both agree.
const (
	patternCountry  = `^99[0-9]{3}$` // INSEE country codes
	patternNIRShape = `^[0-9]{5}([0-9]{2}|2[AB])[0-9]{8}$`
	patternNIRSex   = `^` + nirSex + `$`
	patternNIRMonth = `^` + nirMonth + `$`
	patternNIRPlace = `^(` + nirPlace + `)$`
)

const (
	// laPosteSIREN is the SIREN of La Poste, whose SIRET escape the Luhn key.
	laPosteSIREN = "356000000"
	// laPosteHeadOffice is the one La Poste SIRET that follows Luhn.
	laPosteHeadOffice = "35600000000048"
)

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
	if !matchSIRET(v) {
		return FaultSIRETFormat
	}
	if !luhn(v[:9]) {
		return FaultSIRETSIRENKey
	}
	if v[:9] == laPosteSIREN && v != laPosteHeadOffice {
		if digitSum(v)%5 != 0 {
			return FaultSIRETKey
		}
		return nil
	}
	if !luhn(v) {
		return FaultSIRETKey
	}
	return nil
}

// Problem implements Identifier.
func (s SIREN) Problem() *FaultType {
	v := string(s)
	if !matchSIREN(v) {
		return FaultSIRENFormat
	}
	if !luhn(v) {
		return FaultSIRENKey
	}
	return nil
}

// SIREN returns the legal unit of an establishment: its first 9 characters,
// "" when it has fewer.
func (s SIRET) SIREN() SIREN {
	if len(s) < 9 {
		return ""
	}
	return SIREN(s[:9])
}

// Problem implements Identifier.
func (c CommuneCode) Problem() *FaultType {
	if matchCountry(string(c)) {
		return FaultCommuneCountryFormat
	}
	if !matchCommune(string(c)) {
		return FaultCommuneFormat
	}
	return nil
}

// Departement returns the département part of the commune code: 2 characters
// (02, 2A), or 3 overseas (974, 987); "" when the code has not 5 characters.
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
	if !matchDepartement(string(d)) {
		return FaultDepartement
	}
	return nil
}

// Problem implements Identifier.
func (e EPCICode) Problem() *FaultType {
	v := string(e)
	if !matchEPCI(v) {
		return FaultEPCIFormat
	}
	if !luhn(v) {
		return FaultEPCIKey
	}
	return nil
}

// Problem implements Identifier.
func (p PostalCode) Problem() *FaultType {
	if !matchPostal(string(p)) {
		return FaultPostalCode
	}
	return nil
}

// Problem implements Identifier. The parts are checked in order (shape, sex,
// month, place, key) and the first problem is returned.
func (n NIR) Problem() *FaultType {
	v := string(n)
	switch {
	case !matchNIRShape(v):
		return FaultNIRFormat
	case !matchNIRSex(v[:1]):
		return FaultNIRSex
	case !matchNIRMonth(v[3:5]):
		return FaultNIRMonth
	case !matchNIRPlace(v[5:10]):
		return FaultNIRPlace
	}
	key := int(v[13]-'0')*10 + int(v[14]-'0')
	if NIRKey(v[:13]) != key {
		return FaultNIRKey
	}
	return nil
}

// NIRKey computes the key of the first 13 characters of a NIR: 97 − (N mod 97),
// where N is the 13-digit number, Corsica's 2A read as 19 and 2B as 18 (INSEE;
// the same rule written « replace by 20, then subtract 1,000,000 or 2,000,000 »
// gives the same N). The result is between 1 and 97. It returns −1 when the
// input is not 13 digits (2A or 2B allowed at positions 6–7).
func NIRKey(first13 string) int {
	if len(first13) != 13 {
		return -1
	}
	corsica := first13[5:7]
	var n uint64
	for i := 0; i < len(first13); i++ {
		c := first13[i]
		switch {
		case i == 5 && (corsica == "2A" || corsica == "2B"):
			c = '1'
		case i == 6 && corsica == "2A":
			c = '9'
		case i == 6 && corsica == "2B":
			c = '8'
		}
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + uint64(c-'0')
	}
	return int(97 - n%97)
}

// Problem implements Identifier.
func (r ROMECode) Problem() *FaultType {
	if !matchROME(string(r)) {
		return FaultROME
	}
	return nil
}

// Problem implements Identifier.
func (f FranceTravailID) Problem() *FaultType {
	if !matchFT(string(f)) {
		return FaultFranceTravail
	}
	return nil
}

// Problem implements Identifier.
func (c CAFNumber) Problem() *FaultType {
	if !matchCAF(string(c)) {
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

// luhn checks the Luhn key of a string of ASCII digits: from the right, every
// second digit is doubled (minus 9 when above 9) and the sum is a multiple of
// 10 (ISO/IEC 7812-1, annex B).
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
