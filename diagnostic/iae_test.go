package diagnostic_test

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

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
		// Arrêté du 1er septembre 2021: « niveau d'étude 3 (CAP, BEP) ou infra »,
		// diploma or not; the peer counts ASP level 51 (diplôme obtenu CAP ou BEP).
		{name: "nv5-avec-cap", mods: with(func(d *diagnostic.Diagnostic) {
			d.Professional.EducationLevel = "NV5"
			d.Professional.Diplomas = []diagnostic.Diploma{{Title: "CAP", Level: "NV5"}}
		}), want: []diagnostic.IAECriterion{"cap-bep"}},
		{name: "nv4-bac-pas-cap-bep", mods: with(func(d *diagnostic.Diagnostic) { d.Professional.EducationLevel = "NV4" }), want: nil},
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

type iaeCrit = diagnostic.IAECriterion

const (
	prescriber = diagnostic.IAEAuthorPrescriber
	employer   = diagnostic.IAEAuthorEmployer
)

// TestAssessIAEPeerRules checks the verdict on cases built to the rules of les
// emplois de l'inclusion (gip-inclusion/les-emplois@543eae8d2d54):
// AdministrativeCriteriaForm.clean (itou/www/eligibility_views/forms.py)
// refuses SENIOR with JEUNE and DETLD with DELD before anything else, then
// asks nothing of an authorised prescriber, then iae_has_required_criteria
// (itou/eligibility/utils.py) wants one level-1 criterion or 2 level-2
// criteria (AI, ETTI) / 3 (ACI, EI, EITI). The expected verdicts below are the
// peer's, worked by hand from that code.
func TestAssessIAEPeerRules(t *testing.T) {
	cases := []struct {
		name      string
		criteria  []iaeCrit
		structure diagnostic.IAEStructure
		author    diagnostic.IAEAuthor
		eligible  bool
		rule      string
		fault     string
		path      string
	}{
		{name: "prescripteur-sans-critere-aci", structure: "ACI", author: prescriber, eligible: true, rule: "prescripteur-habilite"},
		{name: "prescripteur-sans-critere-ai", structure: "AI", author: prescriber, eligible: true, rule: "prescripteur-habilite"},
		{name: "prescripteur-un-niveau-2-ei", criteria: []iaeCrit{"qpv"}, structure: "EI", author: prescriber, eligible: true, rule: "prescripteur-habilite"},
		{name: "prescripteur-senior-jeune-refuse", criteria: []iaeCrit{"senior", "jeune"}, structure: "ACI", author: prescriber, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/1"},
		{name: "prescripteur-detld-deld-refuse", criteria: []iaeCrit{"detld", "deld"}, structure: "ETTI", author: prescriber, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/1"},
		{name: "employeur-sans-critere", structure: "ACI", author: employer, rule: "criteres-insuffisants"},
		{name: "employeur-niveau-1-aci", criteria: []iaeCrit{"rsa"}, structure: "ACI", author: employer, eligible: true, rule: "niveau-1"},
		{name: "employeur-niveau-1-etti", criteria: []iaeCrit{"detld"}, structure: "ETTI", author: employer, eligible: true, rule: "niveau-1"},
		{name: "employeur-aci-3-niveau-2", criteria: []iaeCrit{"jeune", "qpv", "cap-bep"}, structure: "ACI", author: employer, eligible: true, rule: "niveau-2"},
		{name: "employeur-ei-2-niveau-2", criteria: []iaeCrit{"jeune", "qpv"}, structure: "EI", author: employer, rule: "criteres-insuffisants"},
		{name: "employeur-eiti-2-niveau-2", criteria: []iaeCrit{"senior", "th"}, structure: "EITI", author: employer, rule: "criteres-insuffisants"},
		{name: "employeur-ai-2-niveau-2", criteria: []iaeCrit{"jeune", "qpv"}, structure: "AI", author: employer, eligible: true, rule: "niveau-2"},
		{name: "employeur-etti-2-niveau-2", criteria: []iaeCrit{"fle", "mobilite"}, structure: "ETTI", author: employer, eligible: true, rule: "niveau-2"},
		{name: "employeur-ai-1-niveau-2", criteria: []iaeCrit{"qpv"}, structure: "AI", author: employer, rule: "criteres-insuffisants"},
		{name: "employeur-zrr-qpv-ai", criteria: []iaeCrit{"frr", "qpv"}, structure: "AI", author: employer, eligible: true, rule: "niveau-2"},
		{name: "employeur-senior-jeune-qpv-refuse", criteria: []iaeCrit{"senior", "jeune", "qpv"}, structure: "ACI", author: employer, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/1"},
		{name: "employeur-jeune-senior-qpv-refuse", criteria: []iaeCrit{"jeune", "qpv", "senior"}, structure: "AI", author: employer, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/2"},
		{name: "employeur-deld-detld-qpv-refuse", criteria: []iaeCrit{"deld", "detld", "qpv"}, structure: "AI", author: employer, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/1"},
		{name: "employeur-rsa-senior-jeune-refuse", criteria: []iaeCrit{"rsa", "senior", "jeune"}, structure: "EI", author: employer, rule: "selection-refusee", fault: "IAE-CRITERE-11", path: "/criteres/2"},
		// socle's own input hygiene (no peer verdict: the peer's form cannot send these).
		{name: "critere-inconnu", criteria: []iaeCrit{"chomeur", "rsa"}, structure: "ACI", author: employer, rule: "selection-refusee", fault: "IAE-CRITERE-01", path: "/criteres/0"},
		{name: "critere-en-double", criteria: []iaeCrit{"qpv", "qpv", "jeune"}, structure: "AI", author: employer, eligible: true, rule: "niveau-2", fault: "IAE-CRITERE-02", path: "/criteres/1"},
		{name: "structure-inconnue", criteria: []iaeCrit{"rsa"}, structure: "SIAE", author: employer, rule: "selection-refusee", fault: "IAE-STRUCTURE-01", path: "/structure"},
		{name: "auteur-inconnu", criteria: []iaeCrit{"rsa"}, structure: "ACI", author: "geiq", rule: "selection-refusee", fault: "IAE-AUTEUR-01", path: "/auteur"},
		{name: "geiq-hors-champ", criteria: []iaeCrit{"rsa"}, structure: "GEIQ", author: prescriber, rule: "hors-champ", fault: "IAE-STRUCTURE-02", path: "/structure"},
		{name: "ea-hors-champ", structure: "EA", author: prescriber, rule: "hors-champ", fault: "IAE-STRUCTURE-02", path: "/structure"},
		{name: "eatt-hors-champ", criteria: []iaeCrit{"th"}, structure: "EATT", author: employer, rule: "hors-champ", fault: "IAE-STRUCTURE-02", path: "/structure"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{Criteria: c.criteria, Structure: c.structure, Author: c.author, Date: "2026-06-01", On: "2026-06-15"})
			assert.Equal(t, c.eligible, e.Eligible, e.Sentence)
			assert.Equal(t, c.rule, e.Rule)
			assert.NotEmpty(t, e.Sentence)
			if c.fault != "" {
				assert.True(t, e.Faults.Has(c.fault, c.path), "%v", e.Faults)
			} else {
				assert.Empty(t, e.Faults)
			}
			if c.author == prescriber {
				assert.Zero(t, e.Level2Required, "rien n'est exigé d'un prescripteur habilité")
			}
		})
	}
}

// TestIAEValidityBoundary: the peer's expires_at is the first expired day
// (help text « Diagnostic expiré à compter de ce jour », valid while
// expires_at > today). Dates worked by hand: 2026-08-31 + 92 days = 30 days
// to 30 September, 61 to 31 October, 91 to 30 November, so 1 December 2026;
// 2026-08-31 + 6 months = 31 February, clamped to 28 February 2027 as
// dateutil's relativedelta does.
func TestIAEValidityBoundary(t *testing.T) {
	cases := []struct {
		author   diagnostic.IAEAuthor
		date     spie.Date
		expires  spie.Date
		lastDay  spie.Date
		eligible bool
		on       spie.Date
	}{
		{employer, "2026-08-31", "2026-12-01", "2026-11-30", true, "2026-11-30"},
		{employer, "2026-08-31", "2026-12-01", "2026-11-30", false, "2026-12-01"},
		{prescriber, "2026-08-31", "2027-02-28", "2027-02-27", true, "2027-02-27"},
		{prescriber, "2026-08-31", "2027-02-28", "2027-02-27", false, "2027-02-28"},
		{prescriber, "2026-03-12", "2026-09-12", "2026-09-11", true, "2026-09-11"},
		{prescriber, "2026-03-12", "2026-09-12", "2026-09-11", false, "2027-01-01"},
		{prescriber, "2026-03-12", "2026-09-12", "2026-09-11", true, "2026-03-12"},
	}
	for _, c := range cases {
		t.Run(string(c.author)+"-"+string(c.date)+"-"+string(c.on), func(t *testing.T) {
			assert.Equal(t, c.expires, diagnostic.DefaultIAEValidity.ExpiresOn(c.date, c.author))
			e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{Criteria: []iaeCrit{"rsa"}, Structure: "ACI", Author: c.author, Date: c.date, On: c.on})
			assert.Equal(t, c.expires, e.ExpiresOn)
			assert.Equal(t, c.eligible, e.Eligible, e.Sentence)
			assert.Equal(t, c.eligible, e.ValidAt(c.on))
			assert.True(t, e.ValidAt(c.lastDay))
			assert.False(t, e.ValidAt(c.expires))
			if !c.eligible {
				assert.Equal(t, "diagnostic-expire", e.Rule)
				assert.True(t, e.Faults.Has("IAE-DATE-02", "/date"), "%v", e.Faults)
				assert.Contains(t, e.Sentence, "expiré depuis le "+string(c.expires))
			}
		})
	}
}

func TestIAEDates(t *testing.T) {
	in := diagnostic.IAEInput{Criteria: []iaeCrit{"rsa"}, Structure: "ACI", Author: prescriber, Date: "2026-06-01", On: "2026-06-01"}
	for name, c := range map[string]struct {
		mod   func(*diagnostic.IAEInput)
		fault string
		path  string
	}{
		"date-absente":          {func(in *diagnostic.IAEInput) { in.Date = "" }, "IAE-DATE-01", "/date"},
		"date-mal-formee":       {func(in *diagnostic.IAEInput) { in.Date = "2026-02-30" }, "IAE-DATE-01", "/date"},
		"jour-absent":           {func(in *diagnostic.IAEInput) { in.On = "" }, "IAE-DATE-04", "/jour"},
		"diagnostic-posterieur": {func(in *diagnostic.IAEInput) { in.Date = "2026-06-02" }, "IAE-DATE-03", "/date"},
		"validite-sur-mesure-ok": {func(in *diagnostic.IAEInput) {
			in.Validity = diagnostic.IAEValidity{PrescriberMonths: 1, EmployerDays: 1}
		}, "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			in := in
			c.mod(&in)
			e := diagnostic.AssessIAECriteria(in)
			if c.fault == "" {
				assert.True(t, e.Eligible)
				return
			}
			assert.False(t, e.Eligible)
			assert.True(t, e.Faults.Has(c.fault, c.path), "%v", e.Faults)
		})
	}
}

func permutations(xs []iaeCrit, fn func([]iaeCrit)) {
	var rec func(k int)
	rec = func(k int) {
		if k == len(xs) {
			fn(append([]iaeCrit(nil), xs...))
			return
		}
		for i := k; i < len(xs); i++ {
			xs[k], xs[i] = xs[i], xs[k]
			rec(k + 1)
			xs[k], xs[i] = xs[i], xs[k]
		}
	}
	rec(0)
}

type verdictShape struct {
	eligible       bool
	rule           string
	codes          []string
	level1, level2 []string
}

func shapeOf(e diagnostic.IAEEligibility) verdictShape {
	s := verdictShape{eligible: e.Eligible, rule: e.Rule, codes: e.Faults.Codes()}
	for _, c := range e.Level1 {
		s.level1 = append(s.level1, string(c))
	}
	for _, c := range e.Level2 {
		s.level2 = append(s.level2, string(c))
	}
	sort.Strings(s.codes)
	sort.Strings(s.level1)
	sort.Strings(s.level2)
	return s
}

// TestIAEVerdictIgnoresOrder is a property test: over random selections of
// up to 5 criteria (always holding at least one side of an exclusive pair,
// often both), every permutation gives the same verdict, the same rule and
// the same fault codes; and a selection holding both sides of a pair is
// never eligible.
func TestIAEVerdictIgnoresOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	keys := diagnostic.IAECriteria.Keys()
	for n := 0; n < 300; n++ {
		pair := diagnostic.IAEExclusivePairs[r.IntN(len(diagnostic.IAEExclusivePairs))]
		sel := []iaeCrit{pair[0]}
		if r.IntN(3) > 0 {
			sel = append(sel, pair[1])
		}
		for len(sel) < 2+r.IntN(4) {
			k := iaeCrit(keys[r.IntN(len(keys))])
			if !slices.Contains(sel, k) {
				sel = append(sel, k)
			}
		}
		both := func(xs []iaeCrit) bool {
			for _, p := range diagnostic.IAEExclusivePairs {
				if slices.Contains(xs, p[0]) && slices.Contains(xs, p[1]) {
					return true
				}
			}
			return false
		}(sel)
		s := diagnostic.IAEStructures[r.IntN(len(diagnostic.IAEStructures))].Key
		a := diagnostic.IAEAuthor(diagnostic.IAEAuthors[r.IntN(len(diagnostic.IAEAuthors))].Key)
		var first *verdictShape
		permutations(sel, func(p []iaeCrit) {
			e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{Criteria: p, Structure: diagnostic.IAEStructure(s), Author: a, Date: "2026-01-05", On: "2026-02-01"})
			got := shapeOf(e)
			if first == nil {
				first = &got
			}
			require.Equal(t, *first, got, "%s %s %v", s, a, p)
			if both {
				require.False(t, e.Eligible, "%v", p)
				require.True(t, e.Faults.HasCode("IAE-CRITERE-11"), "%v", p)
			}
		})
	}
}

// TestIAENeverEligibleWithError is a property test over random inputs, sound
// or not (unknown criteria, structures, authors, malformed or late dates):
// an eligible verdict never carries an error fault, and an ineligible one
// always says why (a rule, and a fault unless criteria are insufficient).
func TestIAENeverEligibleWithError(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 4))
	keys := append(diagnostic.IAECriteria.Keys(), "chomeur", "")
	structures := append(diagnostic.IAEStructures.Keys(), diagnostic.IAEOutOfScope.Keys()...)
	structures = append(structures, "", "SIAE")
	authors := append(diagnostic.IAEAuthors.Keys(), "", "geiq")
	dates := []spie.Date{"", "2026-13-01", "2025-01-01", "2025-12-31", "2026-03-01", "2026-06-01", "2026-06-02"}
	for n := 0; n < 5000; n++ {
		var crit []iaeCrit
		for k := r.IntN(6); k > 0; k-- {
			crit = append(crit, iaeCrit(keys[r.IntN(len(keys))]))
		}
		in := diagnostic.IAEInput{Criteria: crit, Structure: diagnostic.IAEStructure(structures[r.IntN(len(structures))]),
			Author: diagnostic.IAEAuthor(authors[r.IntN(len(authors))]), Date: dates[r.IntN(len(dates))], On: dates[r.IntN(len(dates))]}
		e := diagnostic.AssessIAECriteria(in)
		require.NotEmpty(t, e.Rule, "%+v", in)
		require.NotEmpty(t, e.Sentence, "%+v", in)
		if e.Eligible {
			require.True(t, e.Faults.Valid(), "%+v → %v", in, e.Faults)
			require.True(t, e.ValidAt(in.On), "%+v", in)
		} else if e.Rule != "criteres-insuffisants" {
			require.False(t, e.Faults.Valid(), "%+v", in)
		}
	}
}

func TestAssessIAEAllFromDiagnostic(t *testing.T) {
	d := baseDiagnostic()
	young(d)
	d.Criteria.QPV = true // jeune + qpv: 2 level-2 criteria
	eligibleTo := func(a diagnostic.IAEAuthor, on spie.Date) []diagnostic.IAEStructure {
		var out []diagnostic.IAEStructure
		for _, e := range diagnostic.AssessIAEAll(d, a, on) {
			if e.Eligible {
				out = append(out, e.Structure)
			}
		}
		return out
	}
	assert.Equal(t, []diagnostic.IAEStructure{"AI", "ETTI"}, eligibleTo(employer, "2026-06-01"))
	assert.Equal(t, []diagnostic.IAEStructure{"ACI", "EI", "EITI", "AI", "ETTI"}, eligibleTo(prescriber, "2026-06-01"))
	// 2026-06-01 + 92 days = 1 September 2026 (30 + 31 + 31 = 92): expired for the employer.
	assert.Empty(t, eligibleTo(employer, "2026-09-01"))
	assert.Len(t, eligibleTo(prescriber, "2026-09-01"), 5)
	assert.True(t, diagnostic.AssessIAE(d, "AI", employer, "2026-06-01").Eligible)
}

// peerCriteria is the list of les emplois de l'inclusion's IAE administrative
// criteria, read in itou/eligibility/data/administrative_criteria.json of
// gip-inclusion/les-emplois at commit
// 543eae8d2d547947d3e3ead6dbb2e9668c16db44 (kind → level); GEIQ's extra
// criteria (administrative_criteria_geiq.json) are out of scope.
var peerCriteria = map[string]int{
	"RSA": 1, "ASS": 1, "AAH": 1, "DETLD": 1,
	"CAP_BEP": 2, "SENIOR": 2, "JEUNE": 2, "ASE": 2, "DELD": 2, "TH": 2, "PI": 2, "PSH_PR": 2,
	"REF_DA": 2, "ZRR": 2, "QPV": 2, "DETENTION_MJ": 2, "FLE": 2, "PM": 2,
}

// TestIAECrossSystemTable: socle's criteria and the peer's are in one-to-one
// correspondence, level for level; the exclusive pairs are the peer's
// (forms.py: SENIOR/JEUNE, DETLD/DELD); the authors map to the peer's
// AuthorKind values (itou/users/enums.py: "prescriber", "employer").
func TestIAECrossSystemTable(t *testing.T) {
	toPeer := map[string]string{}
	seen := map[string]bool{}
	for _, d := range diagnostic.IAECriteria {
		codes := d.Map[diagnostic.MapEmploisInclusion]
		require.Len(t, codes, 1, d.Key)
		level, ok := peerCriteria[codes[0]]
		require.True(t, ok, "%s → %s absent du pair", d.Key, codes[0])
		assert.Equal(t, level, diagnostic.IAECriterion(d.Key).Level(), d.Key)
		assert.False(t, seen[codes[0]], "%s deux fois", codes[0])
		seen[codes[0]] = true
		toPeer[d.Key] = codes[0]
	}
	assert.Len(t, seen, len(peerCriteria), "chaque critère du pair a son correspondant")
	assert.Equal(t, "ZRR", toPeer["frr"])
	assert.Equal(t, "CAP_BEP", toPeer["cap-bep"])
	var pairs [][2]string
	for _, p := range diagnostic.IAEExclusivePairs {
		pairs = append(pairs, [2]string{toPeer[string(p[0])], toPeer[string(p[1])]})
	}
	assert.ElementsMatch(t, [][2]string{{"SENIOR", "JEUNE"}, {"DETLD", "DELD"}}, pairs)
	peerAuthor := map[string]string{}
	for _, d := range diagnostic.IAEAuthors {
		peerAuthor[d.Key] = d.Map[diagnostic.MapEmploisInclusion][0]
	}
	assert.Equal(t, map[string]string{"prescripteur-habilite": "prescriber", "employeur": "employer"}, peerAuthor)
	assert.False(t, prescriber.CriteriaRequired())
	assert.True(t, employer.CriteriaRequired())
}

func TestIAEListsAreSound(t *testing.T) {
	require.NoError(t, diagnostic.IAECriteria.Check())
	require.NoError(t, diagnostic.IAEStructures.Check())
	require.NoError(t, diagnostic.IAEAuthors.Check())
	require.NoError(t, diagnostic.IAEOutOfScope.Check())
	assert.Len(t, diagnostic.IAECriteria.InGroup("1"), 4)
	assert.Len(t, diagnostic.IAECriteria.InGroup("2"), 14)
	for _, p := range diagnostic.IAEExclusivePairs {
		assert.NotZero(t, p[0].Level(), "paire %v", p)
		assert.NotZero(t, p[1].Level(), "paire %v", p)
	}
	for _, d := range diagnostic.IAEOutOfScope {
		assert.False(t, diagnostic.IAEStructures.Has(d.Key), d.Key)
		assert.NotEmpty(t, d.Description.FR, d.Key)
	}
}

// peerVerdict is an oracle written from les emplois de l'inclusion's rules
// (not from socle's code): AdministrativeCriteriaForm.clean refuses
// SENIOR+JEUNE and DETLD+DELD first, then accepts anything from an
// authorised prescriber, then iae_has_required_criteria wants one level-1
// criterion or ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND
// (AI 2, ETTI 2, ACI 3, EI 3, EITI 3) criteria. It speaks the peer's codes.
func peerVerdict(kinds []string, siaeKind string, prescriber bool) bool {
	has := map[string]bool{}
	for _, k := range kinds {
		has[k] = true
	}
	if (has["SENIOR"] && has["JEUNE"]) || (has["DETLD"] && has["DELD"]) {
		return false
	}
	if prescriber {
		return true
	}
	level2 := 0
	for _, k := range kinds {
		if peerCriteria[k] == 1 {
			return true
		}
		level2++
	}
	return level2 >= map[string]int{"AI": 2, "ETTI": 2, "ACI": 3, "EI": 3, "EITI": 3}[siaeKind]
}

// TestIAEAgreesWithPeerOracle compares socle's verdict with the oracle on
// every selection of up to 3 of the 18 criteria (988 selections), for the 5
// structure types and the 2 authors: 9,880 cases, on a valid diagnosis.
func TestIAEAgreesWithPeerOracle(t *testing.T) {
	keys := diagnostic.IAECriteria.Keys()
	peer := func(sel []iaeCrit) []string {
		var out []string
		for _, c := range sel {
			d, _ := diagnostic.IAECriteria.Get(string(c))
			out = append(out, d.Map[diagnostic.MapEmploisInclusion][0])
		}
		return out
	}
	var selections [][]iaeCrit
	selections = append(selections, nil)
	for i := range keys {
		selections = append(selections, []iaeCrit{iaeCrit(keys[i])})
		for j := i + 1; j < len(keys); j++ {
			selections = append(selections, []iaeCrit{iaeCrit(keys[i]), iaeCrit(keys[j])})
			for k := j + 1; k < len(keys); k++ {
				selections = append(selections, []iaeCrit{iaeCrit(keys[i]), iaeCrit(keys[j]), iaeCrit(keys[k])})
			}
		}
	}
	require.Len(t, selections, 988)
	n, agree := 0, 0
	for _, sel := range selections {
		for _, s := range diagnostic.IAEStructures.Keys() {
			for _, a := range []diagnostic.IAEAuthor{prescriber, employer} {
				e := diagnostic.AssessIAECriteria(diagnostic.IAEInput{Criteria: sel, Structure: diagnostic.IAEStructure(s), Author: a, Date: "2026-06-01", On: "2026-06-01"})
				want := peerVerdict(peer(sel), s, a == prescriber)
				n++
				if e.Eligible == want {
					agree++
				} else {
					t.Errorf("%v %s %s : socle %v, pair %v", sel, s, a, e.Eligible, want)
				}
			}
		}
	}
	assert.Equal(t, 9880, n)
	t.Logf("accord avec l'oracle des emplois de l'inclusion : %d/%d", agree, n)
}

// TestIAEExpiryAgreesWithPeerOracle: for every diagnosis date of 2024–2027
// (a leap year included) and both authors, expire_le is the peer's
// expires_at, computed here independently: dateutil's relativedelta(months=6)
// keeps the day of the month, clamped to the last day of the target month;
// the employer's timedelta(days=92) counts calendar days.
func TestIAEExpiryAgreesWithPeerOracle(t *testing.T) {
	n := 0
	for day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2028; day = day.AddDate(0, 0, 1) {
		date := spie.Date(day.Format("2006-01-02"))
		y, m := day.Year(), int(day.Month())+6
		if m > 12 {
			y, m = y+1, m-12
		}
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		prescriberEnd := time.Date(y, time.Month(m), min(day.Day(), last), 0, 0, 0, 0, time.UTC)
		employerEnd := day.Add(92 * 24 * time.Hour)
		require.Equal(t, spie.Date(prescriberEnd.Format("2006-01-02")), diagnostic.DefaultIAEValidity.ExpiresOn(date, prescriber), date)
		require.Equal(t, spie.Date(employerEnd.Format("2006-01-02")), diagnostic.DefaultIAEValidity.ExpiresOn(date, employer), date)
		n += 2
	}
	assert.Equal(t, 2922, n)
}
