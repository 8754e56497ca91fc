package diagnostic_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func monthsRegistered(n int) func(*diagnostic.Diagnostic) {
	return func(d *diagnostic.Diagnostic) { d.Criteria.MonthsRegistered = &n }
}

func TestIAECriteriaOf(t *testing.T) {
	cases := []struct {
		name string
		mods []func(*diagnostic.Diagnostic)
		want []diagnostic.IAECriterion
	}{
		{name: "aucun-critere", want: nil},
		{name: "rsa-niveau-1", mods: with(rsa), want: []diagnostic.IAECriterion{"rsa"}},
		{name: "ass-aah", mods: with(func(d *diagnostic.Diagnostic) { d.Criteria.ASS, d.Criteria.AAH = true, true }), want: []diagnostic.IAECriterion{"ass", "aah"}},
		{name: "detld-24-mois", mods: with(monthsRegistered(24)), want: []diagnostic.IAECriterion{"detld"}},
		{name: "deld-12-mois", mods: with(monthsRegistered(12)), want: []diagnostic.IAECriterion{"deld"}},
		{name: "deld-23-mois", mods: with(monthsRegistered(23)), want: []diagnostic.IAECriterion{"deld"}},
		{name: "moins-de-12-mois", mods: with(monthsRegistered(11)), want: nil},
		{name: "senior-50-ans", mods: with(func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "1976-06-01" }), want: []diagnostic.IAECriterion{"senior"}},
		{name: "49-ans", mods: with(func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "1976-06-02" }), want: nil},
		{name: "jeune", mods: with(young), want: []diagnostic.IAECriterion{"jeune"}},
		{name: "cap-bep-infra", mods: with(notQualified), want: []diagnostic.IAECriterion{"cap-bep"}},
		{name: "nv5-sans-diplome", mods: with(func(d *diagnostic.Diagnostic) { d.Professional.EducationLevel = "NV5" }), want: []diagnostic.IAECriterion{"cap-bep"}},
		{name: "nv5-avec-cap", mods: with(func(d *diagnostic.Diagnostic) {
			d.Professional.EducationLevel = "NV5"
			d.Professional.Diplomas = []diagnostic.Diploma{{Title: "CAP", Level: "NV5"}}
		}), want: nil},
		{name: "th-rqth", mods: with(rqth), want: []diagnostic.IAECriterion{"th"}},
		{name: "mobilite-frein-moyen", mods: with(moderate("mobilite")), want: []diagnostic.IAECriterion{"mobilite"}},
		{name: "criteres-publics-niveau-2", mods: with(func(d *diagnostic.Diagnostic) {
			c := &d.Criteria
			c.ASE, c.ParentIsole, c.SansHebergement, c.Refugie, c.FRR, c.QPV, c.SousMainJustice, c.FrancaisInferieurA1 = true, true, true, true, true, true, true, true
		}), want: []diagnostic.IAECriterion{"ase", "parent-isole", "sans-hebergement", "refugie", "frr", "qpv", "sous-main-justice", "fle"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := baseDiagnostic()
			for _, m := range c.mods {
				m(d)
			}
			assert.Equal(t, c.want, diagnostic.IAECriteriaOf(d))
		})
	}
}

func TestAssessIAECriteria(t *testing.T) {
	cases := []struct {
		name      string
		criteria  []diagnostic.IAECriterion
		structure diagnostic.IAEStructure
		eligible  bool
		level2    int
		fault     string
		path      string
	}{
		{name: "niveau-1-suffit-aci", criteria: []diagnostic.IAECriterion{"rsa"}, structure: "ACI", eligible: true},
		{name: "niveau-1-suffit-etti", criteria: []diagnostic.IAECriterion{"detld"}, structure: "ETTI", eligible: true},
		{name: "aci-3-niveau-2", criteria: []diagnostic.IAECriterion{"jeune", "qpv", "cap-bep"}, structure: "ACI", eligible: true, level2: 3},
		{name: "ei-2-niveau-2-insuffisant", criteria: []diagnostic.IAECriterion{"jeune", "qpv"}, structure: "EI", eligible: false, level2: 2},
		{name: "eiti-2-niveau-2-insuffisant", criteria: []diagnostic.IAECriterion{"senior", "th"}, structure: "EITI", eligible: false, level2: 2},
		{name: "ai-2-niveau-2", criteria: []diagnostic.IAECriterion{"jeune", "qpv"}, structure: "AI", eligible: true, level2: 2},
		{name: "etti-2-niveau-2", criteria: []diagnostic.IAECriterion{"fle", "mobilite"}, structure: "ETTI", eligible: true, level2: 2},
		{name: "ai-1-niveau-2", criteria: []diagnostic.IAECriterion{"qpv"}, structure: "AI", eligible: false, level2: 1},
		{name: "senior-jeune-exclusifs", criteria: []diagnostic.IAECriterion{"senior", "jeune", "qpv"}, structure: "ACI", eligible: false, level2: 2,
			fault: "IAE-CRITERE-10", path: "/criteres/1"},
		{name: "detld-deld-exclusifs", criteria: []diagnostic.IAECriterion{"deld", "detld", "qpv"}, structure: "AI", eligible: true, level2: 2,
			fault: "IAE-CRITERE-10", path: "/criteres/1"},
		{name: "critere-inconnu", criteria: []diagnostic.IAECriterion{"chomeur"}, structure: "ACI", fault: "IAE-CRITERE-01", path: "/criteres/0"},
		{name: "critere-en-double", criteria: []diagnostic.IAECriterion{"qpv", "qpv"}, structure: "AI", level2: 1, fault: "IAE-CRITERE-02", path: "/criteres/1"},
		{name: "structure-inconnue", criteria: []diagnostic.IAECriterion{"rsa"}, structure: "GEIQ", fault: "IAE-STRUCTURE-01", path: "/structure"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := diagnostic.AssessIAECriteria(c.criteria, c.structure, "2026-06-01", diagnostic.DefaultIAEValidity)
			assert.Equal(t, c.eligible, e.Eligible)
			assert.Len(t, e.Level2, c.level2)
			assert.NotEmpty(t, e.Sentence)
			if c.fault != "" {
				assert.True(t, e.Faults.Has(c.fault, c.path), "%v", e.Faults)
			} else {
				assert.Empty(t, e.Faults)
			}
		})
	}
}

func TestIAEValidity(t *testing.T) {
	e := diagnostic.AssessIAECriteria([]diagnostic.IAECriterion{"rsa"}, "ACI", "2026-08-31", diagnostic.DefaultIAEValidity)
	assert.Equal(t, spie.Date("2027-02-28"), e.ValidUntilPrescriber, "6 mois, fin de mois")
	assert.Equal(t, spie.Date("2026-12-01"), e.ValidUntilEmployer, "92 jours")
	assert.True(t, e.ValidAt("2027-02-28", false))
	assert.False(t, e.ValidAt("2027-03-01", false))
	assert.True(t, e.ValidAt("2026-12-01", true))
	assert.False(t, e.ValidAt("2026-12-02", true))
	assert.False(t, e.ValidAt("2026-08-30", false), "avant le diagnostic")
	bad := diagnostic.AssessIAECriteria([]diagnostic.IAECriterion{"rsa"}, "ACI", "", diagnostic.DefaultIAEValidity)
	assert.True(t, bad.Faults.Has("IAE-DATE-01", "/date"))
	assert.False(t, bad.ValidAt("2026-09-01", false))
}

func TestAssessIAEAllFromDiagnostic(t *testing.T) {
	d := baseDiagnostic()
	young(d)
	d.Criteria.QPV = true // jeune + qpv: 2 level-2 criteria
	var eligible []diagnostic.IAEStructure
	for _, e := range diagnostic.AssessIAEAll(d) {
		if e.Eligible {
			eligible = append(eligible, e.Structure)
		}
	}
	assert.Equal(t, []diagnostic.IAEStructure{"AI", "ETTI"}, eligible)
	assert.True(t, diagnostic.AssessIAE(d, "AI").Eligible)
}

func TestIAEListsAreSound(t *testing.T) {
	require.NoError(t, diagnostic.IAECriteria.Check())
	require.NoError(t, diagnostic.IAEStructures.Check())
	assert.Len(t, diagnostic.IAECriteria.InGroup("1"), 4)
	assert.Len(t, diagnostic.IAECriteria.InGroup("2"), 14)
	for _, p := range diagnostic.IAEExclusivePairs {
		assert.NotZero(t, p[0].Level())
	}
}
