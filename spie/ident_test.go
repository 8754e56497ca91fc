package spie_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
)

func TestIdentifiers(t *testing.T) {
	tests := []struct {
		name string
		id   spie.Identifier
		want string // expected fault code, "" when valid
	}{
		{"siret valide", spie.SIRET("22020014100012"), ""},
		{"siret clé fausse", spie.SIRET("22020014100013"), "SPIE-SIRET-02"},
		{"siret trop court", spie.SIRET("2202001410001"), "SPIE-SIRET-01"},
		{"siret avec lettre", spie.SIRET("2202001410001A"), "SPIE-SIRET-01"},
		{"siret La Poste siège (Luhn)", spie.SIRET("35600000000048"), ""},
		{"siret La Poste somme multiple de 5", spie.SIRET("35600000049837"), ""},
		{"siret La Poste somme non multiple de 5", spie.SIRET("35600000012345"), "SPIE-SIRET-02"},
		{"siren valide", spie.SIREN("732829320"), ""},
		{"siren clé fausse", spie.SIREN("732829321"), "SPIE-SIREN-02"},
		{"siren 10 chiffres", spie.SIREN("7328293201"), "SPIE-SIREN-01"},
		{"commune Laon", spie.CommuneCode("02408"), ""},
		{"commune Ajaccio 2A", spie.CommuneCode("2A004"), ""},
		{"commune Bastia 2B", spie.CommuneCode("2B033"), ""},
		{"commune Saint-Denis de La Réunion", spie.CommuneCode("97411"), ""},
		{"commune Mayotte", spie.CommuneCode("97611"), ""},
		{"commune 20xxx inexistante", spie.CommuneCode("20123"), "SPIE-COMMUNE-01"},
		{"commune département 96", spie.CommuneCode("96001"), "SPIE-COMMUNE-01"},
		{"commune 4 chiffres", spie.CommuneCode("2408"), "SPIE-COMMUNE-01"},
		{"département Aisne", spie.DepartementCode("02"), ""},
		{"département 2A", spie.DepartementCode("2A"), ""},
		{"département Guyane", spie.DepartementCode("973"), ""},
		{"département 20", spie.DepartementCode("20"), "SPIE-DEPARTEMENT-01"},
		{"département 00", spie.DepartementCode("00"), "SPIE-DEPARTEMENT-01"},
		{"département 977 (collectivité, pas département)", spie.DepartementCode("977"), "SPIE-DEPARTEMENT-01"},
		{"epci valide", spie.EPCICode("200066793"), ""},
		{"epci ne commençant pas par 2", spie.EPCICode("732829320"), "SPIE-EPCI-01"},
		{"epci clé fausse", spie.EPCICode("200066794"), "SPIE-EPCI-02"},
		{"code postal Laon", spie.PostalCode("02000"), ""},
		{"code postal Corse", spie.PostalCode("20000"), ""},
		{"code postal outre-mer", spie.PostalCode("97400"), ""},
		{"code postal 00000", spie.PostalCode("00000"), "SPIE-CODE-POSTAL-01"},
		{"code postal 99000", spie.PostalCode("99000"), "SPIE-CODE-POSTAL-01"},
		{"nir valide", spie.NIR("185027800608443"), ""},
		{"nir valide femme", spie.NIR("269029934173285"), ""},
		{"nir Corse 2A", spie.NIR("185022A12345612"), ""},
		{"nir Corse 2B", spie.NIR("185022B12345666"), ""},
		{"nir clé fausse", spie.NIR("185027800608444"), "SPIE-NIR-02"},
		{"nir Corse clé de 2B sur 2A", spie.NIR("185022A12345666"), "SPIE-NIR-02"},
		{"nir 14 caractères", spie.NIR("18502780060844"), "SPIE-NIR-01"},
		{"nir sexe 5", spie.NIR("585027800608443"), "SPIE-NIR-01"},
		{"rome valide", spie.ROMECode("M1203"), ""},
		{"rome lettre O", spie.ROMECode("O1203"), "SPIE-ROME-01"},
		{"rome minuscule", spie.ROMECode("m1203"), "SPIE-ROME-01"},
		{"france travail 8 caractères", spie.FranceTravailID("4421937A"), ""},
		{"france travail 11 caractères", spie.FranceTravailID("12345678901"), ""},
		{"france travail trop court", spie.FranceTravailID("442193"), "SPIE-FT-ID-01"},
		{"caf valide", spie.CAFNumber("1234567"), ""},
		{"caf 8 chiffres", spie.CAFNumber("12345678"), "SPIE-CAF-01"},
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

func TestNIRKey(t *testing.T) {
	assert.Equal(t, 43, spie.NIRKey("1850278006084"))
	assert.Equal(t, 12, spie.NIRKey("185022A123456"))
	assert.Equal(t, 66, spie.NIRKey("185022B123456"))
	assert.Equal(t, -1, spie.NIRKey("123"))
}

func TestCommuneDepartement(t *testing.T) {
	for code, want := range map[spie.CommuneCode]spie.DepartementCode{
		"02408": "02", "2A004": "2A", "97411": "974", "98735": "987", "123": "",
	} {
		t.Run(string(code), func(t *testing.T) { assert.Equal(t, want, code.Departement()) })
	}
}
