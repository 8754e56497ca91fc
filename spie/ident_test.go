package spie_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Expected values below come from outside the code under test: published
// examples, or keys worked by hand in the comment (N = 97 × q + r, key
// 97 − r; Luhn sums written out digit by digit, from the right, every second
// digit doubled and reduced by 9 above 9).
func TestIdentifiers(t *testing.T) {
	tests := []struct {
		name string
		id   spie.Identifier
		want string // expected fault code, "" when valid
	}{
		// SIRET. INSEE's own example: 732 829 320 00074, the 7th establishment
		// of SIREN 732 829 320.
		{"siret exemple INSEE", spie.SIRET("73282932000074"), ""},
		// 220200141: 1 + 8 + 1 + 0 + 0 + 4 + 0 + 4 + 2 = 20; whole 22020014100012:
		// 2+2+0+0+0+2+4+2+0+0+2+0+2+4 = 20.
		{"siret valide", spie.SIRET("22020014100012"), ""},
		// Same SIREN, last digit 2 → 3: the whole sum becomes 21.
		{"siret clé fausse", spie.SIRET("22020014100013"), "SPIE-SIRET-02"},
		{"siret trop court", spie.SIRET("2202001410001"), "SPIE-SIRET-01"},
		{"siret avec lettre", spie.SIRET("2202001410001A"), "SPIE-SIRET-01"},
		{"siret avec espaces", spie.SIRET("220 200 141 00012"), "SPIE-SIRET-01"},
		// 73282932100015 as a whole: 5+2+0+0+0+2+2+6+9+4+8+4+3+5 = 50, Luhn
		// holds; its SIREN 732829321: 1+4+3+9+2+7+2+6+7 = 41, it does not.
		{"siret dont le SIREN a une clé fausse", spie.SIRET("73282932100015"), "SPIE-SIRET-03"},
		// La Poste (SIREN 356000000: 0+0+0+0+0+0+6+1+3 = 10). Head office
		// 35600000000048: Luhn 8+8+3+5+6 = 30 (its digit sum, 26, is not a
		// multiple of 5: the head office follows Luhn, not the sum rule).
		{"siret La Poste siège (Luhn)", spie.SIRET("35600000000048"), ""},
		// 3+5+6+4+9+8+3+7 = 45.
		{"siret La Poste somme multiple de 5", spie.SIRET("35600000049837"), ""},
		// 3+5+6+1+2+3+4+1 = 25, a multiple of 5, though Luhn fails
		// (1+8+3+4+1+3+5+6 = 31): La Poste's own rule applies.
		{"siret La Poste somme 25 sans Luhn", spie.SIRET("35600000012341"), ""},
		// 3+5+6+1+2+3+4+5 = 29.
		{"siret La Poste somme non multiple de 5", spie.SIRET("35600000012345"), "SPIE-SIRET-02"},
		// Luhn holds (4+2+3+5+6 = 20) but the digit sum is 19: Luhn is no
		// excuse for a La Poste establishment other than the head office.
		{"siret La Poste Luhn mais somme 19", spie.SIRET("35600000000014"), "SPIE-SIRET-02"},
		// NIC 00000: digit sum 14.
		{"siret La Poste NIC 00000", spie.SIRET("35600000000000"), "SPIE-SIRET-02"},

		// SIREN: 732829320 (INSEE's example): 0+4+3+9+2+7+2+6+7 = 40.
		{"siren valide", spie.SIREN("732829320"), ""},
		{"siren clé fausse", spie.SIREN("732829321"), "SPIE-SIREN-02"},
		{"siren 10 chiffres", spie.SIREN("7328293201"), "SPIE-SIREN-01"},
		{"siren La Poste", spie.SIREN("356000000"), ""},

		// INSEE commune codes (COG 2025): Laon 02408, Ajaccio 2A004, Bastia
		// 2B033, Saint-Denis (La Réunion) 97411, Mamoudzou 97611, Papeete 98735,
		// Paris 1er arrondissement 75101, Saint-Martin 97801.
		{"commune Laon", spie.CommuneCode("02408"), ""},
		{"commune Ajaccio 2A", spie.CommuneCode("2A004"), ""},
		{"commune Bastia 2B", spie.CommuneCode("2B033"), ""},
		{"commune Saint-Denis de La Réunion", spie.CommuneCode("97411"), ""},
		{"commune Mayotte", spie.CommuneCode("97611"), ""},
		{"commune Papeete", spie.CommuneCode("98735"), ""},
		{"commune Paris 1er arrondissement", spie.CommuneCode("75101"), ""},
		{"commune Saint-Martin", spie.CommuneCode("97801"), ""},
		{"commune 20xxx (Corse avant 1976)", spie.CommuneCode("20123"), "SPIE-COMMUNE-01"},
		{"commune département 96", spie.CommuneCode("96001"), "SPIE-COMMUNE-01"},
		{"commune 979", spie.CommuneCode("97901"), "SPIE-COMMUNE-01"},
		{"commune 4 chiffres", spie.CommuneCode("2408"), "SPIE-COMMUNE-01"},
		{"code de pays 99100 (Danemark, INSEE)", spie.CommuneCode("99100"), "SPIE-COMMUNE-06"},
		{"commune 2a minuscule", spie.CommuneCode("2a004"), "SPIE-COMMUNE-01"},

		// Départements (COG): 20 is no longer one since 1976; 977 is a
		// collectivity (Saint-Barthélemy), not a département.
		{"département Aisne", spie.DepartementCode("02"), ""},
		{"département 2A", spie.DepartementCode("2A"), ""},
		{"département 2B", spie.DepartementCode("2B"), ""},
		{"département Guyane", spie.DepartementCode("973"), ""},
		{"département Mayotte", spie.DepartementCode("976"), ""},
		{"département 95", spie.DepartementCode("95"), ""},
		{"département 20", spie.DepartementCode("20"), "SPIE-DEPARTEMENT-01"},
		{"département 00", spie.DepartementCode("00"), "SPIE-DEPARTEMENT-01"},
		{"département 96", spie.DepartementCode("96"), "SPIE-DEPARTEMENT-01"},
		{"département 977 (collectivité, pas département)", spie.DepartementCode("977"), "SPIE-DEPARTEMENT-01"},

		// EPCI: 200066793: 3 + (9×2 → 9) + 7 + (6×2 → 3) + 6 + 0 + 0 + 0 + 2 =
		// 30 (see the table test below for every EPCI of the COG).
		{"epci valide", spie.EPCICode("200066793"), ""},
		{"epci ne commençant pas par 2", spie.EPCICode("732829320"), "SPIE-EPCI-01"},
		{"epci clé fausse", spie.EPCICode("200066794"), "SPIE-EPCI-02"},

		// Postal codes (La Poste): Laon 02000, Ajaccio 20000, Saint-Denis 97400,
		// Monaco 98000, Papeete 98714.
		{"code postal Laon", spie.PostalCode("02000"), ""},
		{"code postal Corse", spie.PostalCode("20000"), ""},
		{"code postal outre-mer", spie.PostalCode("97400"), ""},
		{"code postal Monaco", spie.PostalCode("98000"), ""},
		{"code postal Papeete", spie.PostalCode("98714"), ""},
		{"code postal 00000", spie.PostalCode("00000"), "SPIE-CODE-POSTAL-01"},
		{"code postal 99000", spie.PostalCode("99000"), "SPIE-CODE-POSTAL-01"},
		{"code postal 4 chiffres", spie.PostalCode("2000"), "SPIE-CODE-POSTAL-01"},

		// NIR. 1850278006084 = 97 × 19075030990 + 54 → key 43.
		{"nir valide", spie.NIR("185027800608443"), ""},
		// 2690299341732 = 97 × 27735044760 + 12 → key 85 (born abroad: 99 +
		// country 341).
		{"nir valide femme née à l'étranger", spie.NIR("269029934173285"), ""},
		// Published example (npm french-ssn, betagouv/nir_validate):
		// 2 55 08 14 168 025 38; 2550814168025 = 97 × 26297053278 + 59 → 38.
		{"nir exemple publié", spie.NIR("255081416802538"), ""},
		// Published example (npm french-ssn): 1 78 05 99 330 108 17;
		// 1780599330108 = 97 × 18356694124 + 80 → 17.
		{"nir exemple publié né à l'étranger", spie.NIR("178059933010817"), ""},
		// Corsica: 2A read 19. 2850519004123 = 97 × 29386793856 + 91 → 06.
		{"nir Corse 2A", spie.NIR("285052A00412306"), ""},
		// 2B read 18. 1900318004045 = 97 × 19590907258 + 19 → 78.
		{"nir Corse 2B", spie.NIR("190032B00404578"), ""},
		// The former implementation read 2A as 19 and then also subtracted
		// 1,000,000 (2B: 18, minus 2,000,000), and its tests locked in the keys
		// it computed, 12 and 66. The right keys: 185022A123456 → 1850219123456
		// = 97 × 19074423953 + 15 → 82.
		{"nir Corse 2A clé 82", spie.NIR("185022A12345682"), ""},
		{"nir Corse 2A ancienne clé 12", spie.NIR("185022A12345612"), "SPIE-NIR-02"},
		// 1850218123456 = 97 × 19074413643 + 85 → 12; 66 is wrong.
		{"nir Corse 2B clé 12", spie.NIR("185022B12345612"), ""},
		{"nir Corse 2B ancienne clé 66", spie.NIR("185022B12345666"), "SPIE-NIR-02"},
		// Corsica before 1976: département 20. 1700320004123 = 97 ×
		// 17529072207 + 44 → 53.
		{"nir Corse avant 1976 (20)", spie.NIR("170032000412353"), ""},
		// Martinique, 3-digit département and 2-digit commune: 2940397212005 =
		// 97 × 30313373319 + 62 → 35.
		{"nir né en Martinique", spie.NIR("294039721200535"), ""},
		// NIA (sex 8, born in Germany 99109): 8010899109042 = 97 ×
		// 82586588753 + 1 → 96.
		{"nia femme", spie.NIR("801089910904296"), ""},
		// NIA, sex 7: 7850599350123 = 97 × 80934013918 + 77 → 20.
		{"nia homme", spie.NIR("785059935012320"), ""},
		// Unknown month 20: 1852075056001 = 97 × 19093557278 + 35 → 62.
		{"nir mois inconnu 20", spie.NIR("185207505600162"), ""},
		// Fictitious month 50: 1755020123456 = 97 × 18092990963 + 45 → 52.
		{"nir mois fictif 50", spie.NIR("175502012345652"), ""},
		{"nir clé fausse", spie.NIR("185027800608444"), "SPIE-NIR-02"},
		{"nir clé 00", spie.NIR("185027800608400"), "SPIE-NIR-02"},
		{"nir clé 98", spie.NIR("185027800608498"), "SPIE-NIR-02"},
		{"nir 14 caractères", spie.NIR("18502780060844"), "SPIE-NIR-01"},
		{"nir 2A hors du département", spie.NIR("1850278006A8443"), "SPIE-NIR-01"},
		{"nir 2a minuscule", spie.NIR("285052a00412306"), "SPIE-NIR-01"},
		{"nir sexe 3", spie.NIR("385027800608443"), "SPIE-NIR-03"},
		{"nir sexe 4", spie.NIR("485027800608443"), "SPIE-NIR-03"},
		{"nir sexe 5", spie.NIR("585027800608443"), "SPIE-NIR-03"},
		{"nir sexe 0", spie.NIR("085027800608443"), "SPIE-NIR-03"},
		{"nir mois 00", spie.NIR("185007800608443"), "SPIE-NIR-04"},
		{"nir mois 13", spie.NIR("185137800608443"), "SPIE-NIR-04"},
		{"nir mois 21", spie.NIR("185217800608443"), "SPIE-NIR-04"},
		{"nir mois 29", spie.NIR("185297800608443"), "SPIE-NIR-04"},
		{"nir mois 43", spie.NIR("185437800608443"), "SPIE-NIR-04"},
		{"nir mois 49", spie.NIR("185497800608443"), "SPIE-NIR-04"},
		{"nir département 00", spie.NIR("185020000608443"), "SPIE-NIR-05"},
		{"nir outre-mer 970", spie.NIR("185029700608443"), "SPIE-NIR-05"},
		{"nir outre-mer 979", spie.NIR("185029790608443"), "SPIE-NIR-05"},
		{"nir outre-mer 983", spie.NIR("185029830608443"), "SPIE-NIR-05"},

		{"rome valide", spie.ROMECode("M1203"), ""},
		{"rome lettre O", spie.ROMECode("O1203"), "SPIE-ROME-01"},
		{"rome minuscule", spie.ROMECode("m1203"), "SPIE-ROME-01"},
		{"france travail 8 caractères", spie.FranceTravailID("4421937A"), ""},
		{"france travail 8 chiffres", spie.FranceTravailID("44219375"), ""},
		{"france travail 11 caractères", spie.FranceTravailID("12345678901"), ""},
		{"france travail trop court", spie.FranceTravailID("442193"), "SPIE-FT-ID-01"},
		{"france travail minuscule", spie.FranceTravailID("4421937a"), "SPIE-FT-ID-01"},
		{"caf valide", spie.CAFNumber("1234567"), ""},
		{"caf 8 chiffres", spie.CAFNumber("12345678"), "SPIE-CAF-01"},
		{"caf avec lettre", spie.CAFNumber("123456A"), "SPIE-CAF-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := spie.CheckIdentifier(tt.id, "/id")
			if tt.want == "" {
				assert.Empty(t, fs)
				return
			}
			if assert.Len(t, fs, 1) {
				assert.Equal(t, tt.want, fs[0].Code)
				assert.Equal(t, "/id", fs[0].Path)
			}
		})
	}
}

// The schema pattern of each identifier must accept every value that Problem
// accepts (a document valid for the rules is valid for the schema).
func TestIdentifierPatternsAcceptValidValues(t *testing.T) {
	for _, id := range []spie.Identifier{
		spie.SIRET("73282932000074"), spie.SIRET("35600000012341"),
		spie.NIR("285052A00412306"), spie.NIR("190032B00404578"), spie.NIR("801089910904296"),
		spie.NIR("185207505600162"), spie.NIR("294039721200535"), spie.NIR("170032000412353"),
		spie.CommuneCode("97801"), spie.PostalCode("98000"), spie.EPCICode("200066793"),
	} {
		require.Nil(t, id.Problem(), "%v", id)
		assert.Regexp(t, regexp.MustCompile(id.Pattern()), fmt.Sprint(id))
	}
}

func TestNIRKey(t *testing.T) {
	tests := []struct {
		first13 string
		want    int
	}{
		{"1850278006084", 43}, // 97 × 19075030990 + 54
		{"285052A004123", 6},  // 2850519004123 = 97 × 29386793856 + 91
		{"190032B004045", 78}, // 1900318004045 = 97 × 19590907258 + 19
		{"185022A123456", 82}, // 1850219123456 = 97 × 19074423953 + 15
		{"185022B123456", 12}, // 1850218123456 = 97 × 19074413643 + 85
		{"8010899109042", 96}, // 97 × 82586588753 + 1
		{"123", -1},
		{"185022C123456", -1},
		{"1850278006A84", -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, spie.NIRKey(tt.first13), tt.first13)
	}
}

// bigNIRKey is an independent formulation of the key, as written in other
// sources: Corsica's 2A and 2B are first replaced by 20, then 1,000,000 (2A)
// or 2,000,000 (2B) are subtracted from the 13-digit number; the key is
// 97 − (N mod 97), computed with arbitrary-precision integers.
func bigNIRKey(first13 string) int64 {
	digits, sub := first13, int64(0)
	switch first13[5:7] {
	case "2A":
		digits, sub = first13[:5]+"20"+first13[7:], 1_000_000
	case "2B":
		digits, sub = first13[:5]+"20"+first13[7:], 2_000_000
	}
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		panic(first13)
	}
	n.Sub(n, big.NewInt(sub))
	r := new(big.Int).Mod(n, big.NewInt(97))
	return 97 - r.Int64()
}

// randomNIRBody draws the first 13 characters of a NIR that is well formed
// by construction, from the parts the definition lists.
func randomNIRBody(r *rand.Rand) string {
	sex := []string{"1", "2", "7", "8"}[r.IntN(4)]
	year := fmt.Sprintf("%02d", r.IntN(100))
	months := []int{20}
	for m := 1; m <= 12; m++ {
		months = append(months, m)
	}
	for m := 30; m <= 42; m++ {
		months = append(months, m)
	}
	for m := 50; m <= 99; m++ {
		months = append(months, m)
	}
	month := fmt.Sprintf("%02d", months[r.IntN(len(months))])
	var place string
	switch r.IntN(5) {
	case 0:
		place = []string{"2A", "2B"}[r.IntN(2)] + fmt.Sprintf("%03d", r.IntN(1000))
	case 1:
		place = fmt.Sprintf("97%d%02d", 1+r.IntN(8), r.IntN(100))
	case 2:
		place = fmt.Sprintf("98%d%02d", 4+r.IntN(6), r.IntN(100))
	case 3:
		place = fmt.Sprintf("99%03d", r.IntN(1000))
	default:
		place = fmt.Sprintf("%02d%03d", 1+r.IntN(96), r.IntN(1000))
	}
	return sex + year + month + place + fmt.Sprintf("%03d", r.IntN(1000))
}

func TestNIRKeyProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	pattern := regexp.MustCompile(spie.NIR("").Pattern())
	for i := 0; i < 20000; i++ {
		body := randomNIRBody(r)
		want := bigNIRKey(body)
		require.Equal(t, int(want), spie.NIRKey(body), body)
		require.GreaterOrEqual(t, want, int64(1))
		require.LessOrEqual(t, want, int64(97))
		nir := spie.NIR(fmt.Sprintf("%s%02d", body, want))
		require.Nil(t, nir.Problem(), string(nir))
		require.Regexp(t, pattern, string(nir))
		// Any other key is refused.
		other := 1 + (int(want)+r.IntN(96))%97
		require.NotEqual(t, int(want), other)
		bad := spie.NIR(fmt.Sprintf("%s%02d", body, other))
		require.Equal(t, spie.FaultNIRKey, bad.Problem(), string(bad))
		// A single changed digit of the number is always caught (97 is prime
		// and does not divide d × 10^k for 0 < |d| < 10).
		pos := r.IntN(13)
		if c := body[pos]; c >= '0' && c <= '9' && !(pos == 5 && (body[6] == 'A' || body[6] == 'B')) {
			d := byte('0' + (int(c-'0')+1+r.IntN(9))%10)
			changed := spie.NIR(body[:pos] + string(d) + body[pos+1:] + fmt.Sprintf("%02d", want))
			require.NotNil(t, changed.Problem(), "%s → %s", nir, changed)
		}
	}
}

// Every commune, département and EPCI of the Code officiel géographique (the
// embedded territory table, generated from @etalab/decoupage-administratif)
// must pass the syntax checks: the table is an oracle independent of the
// patterns.
func TestIdentifiersAcceptTheCOG(t *testing.T) {
	tb := territory.Default()
	var deps []string
	for reg := 0; reg < 100; reg++ {
		deps = append(deps, tb.DepartementsOf(fmt.Sprintf("%02d", reg))...)
	}
	require.GreaterOrEqual(t, len(deps), 101, "les 101 départements")
	communes, epcis := 0, map[string]bool{}
	for _, d := range deps {
		assert.Nil(t, spie.DepartementCode(d).Problem(), "département %s", d)
		for _, c := range tb.CommunesOf(d) {
			communes++
			assert.Nil(t, spie.CommuneCode(c.Code).Problem(), "commune %s %s", c.Code, c.Name)
			assert.Equal(t, spie.DepartementCode(d), spie.CommuneCode(c.Code).Departement(), c.Code)
			if c.EPCI != "" && !epcis[c.EPCI] {
				epcis[c.EPCI] = true
				assert.Nil(t, spie.EPCICode(c.EPCI).Problem(), "EPCI %s", c.EPCI)
				assert.Nil(t, spie.SIREN(c.EPCI).Problem(), "EPCI %s", c.EPCI)
			}
		}
	}
	assert.Greater(t, communes, 34000)
	assert.Greater(t, len(epcis), 1200)
}

func TestCommuneDepartement(t *testing.T) {
	for code, want := range map[spie.CommuneCode]spie.DepartementCode{
		"02408": "02", "2A004": "2A", "97411": "974", "98735": "987", "123": "",
	} {
		t.Run(string(code), func(t *testing.T) { assert.Equal(t, want, code.Departement()) })
	}
}

func TestSIRETSIREN(t *testing.T) {
	assert.Equal(t, spie.SIREN("732829320"), spie.SIRET("73282932000074").SIREN())
	assert.Equal(t, spie.SIREN(""), spie.SIRET("7328").SIREN())
}

// FuzzNIR: Problem never panics; a NIR it accepts matches the schema pattern
// and carries the key NIRKey computes.
func FuzzNIR(f *testing.F) {
	for _, s := range []string{"285052A00412306", "190032B00404578", "185027800608443", "801089910904296", "", "2A", "185022A1234568"} {
		f.Add(s)
	}
	pattern := regexp.MustCompile(spie.NIR("").Pattern())
	f.Fuzz(func(t *testing.T, s string) {
		p := spie.NIR(s).Problem()
		if p == nil {
			require.Regexp(t, pattern, s)
			require.Equal(t, fmt.Sprintf("%02d", spie.NIRKey(s[:13])), s[13:])
		}
		if pattern.MatchString(s) {
			require.True(t, p == nil || p == spie.FaultNIRKey, "%s: %v", s, p)
		}
	})
}

// FuzzSIRET: a SIRET accepted has a valid SIREN part.
func FuzzSIRET(f *testing.F) {
	for _, s := range []string{"73282932000074", "73282932100015", "35600000000048", "35600000012341", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if spie.SIRET(s).Problem() == nil {
			require.Nil(t, spie.SIRET(s).SIREN().Problem(), s)
		}
	})
}
