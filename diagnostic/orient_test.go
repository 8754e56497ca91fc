package diagnostic_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func ptr[T any](v T) *T { return &v }

// baseDiagnostic is a 46-year-old jobseeker, qualified (bac), who worked a
// year ago, sees themself in a job and has no frein above sans-impact: the
// default rules orient them to the emploi pathway with France Travail.
func baseDiagnostic() *diagnostic.Diagnostic {
	freins := diagnostic.Freins{}
	for _, t := range diagnostic.FreinThematiques {
		freins[diagnostic.FreinThematique(t.Key)] = diagnostic.Frein{Impact: diagnostic.ImpactSansImpact}
	}
	return &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion,
		ID:      "diag-test",
		Date:    "2026-06-01",
		Person:  diagnostic.Person{ID: "p-1", BirthDate: "1980-01-15", Commune: "77288"},
		Professional: diagnostic.Professional{
			WorkSituation:    "recherche-emploi",
			LastActivityDate: "2025-06-01",
			EducationLevel:   "NV4",
			SeesJobShortTerm: ptr(true),
		},
		Freins:         freins,
		Authors:        []diagnostic.Author{{Name: "A", Role: "conseiller-france-travail"}},
		StructureSIRET: "13000548100010",
	}
}

// Modifiers of the base diagnostic.
func noRecentActivity(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "2022-01-10" }
func notQualified(d *diagnostic.Diagnostic)     { d.Professional.EducationLevel = "C3A" }
func seesNoJob(d *diagnostic.Diagnostic)        { d.Professional.SeesJobShortTerm = ptr(false) }
func strong(t string) func(*diagnostic.Diagnostic) {
	return func(d *diagnostic.Diagnostic) {
		d.Freins[diagnostic.FreinThematique(t)] = diagnostic.Frein{Impact: diagnostic.ImpactFort}
	}
}
func moderate(t string) func(*diagnostic.Diagnostic) {
	return func(d *diagnostic.Diagnostic) {
		d.Freins[diagnostic.FreinThematique(t)] = diagnostic.Frein{Impact: diagnostic.ImpactMoyen}
	}
}
func notDiscussed(t string) func(*diagnostic.Diagnostic) {
	return func(d *diagnostic.Diagnostic) { delete(d.Freins, diagnostic.FreinThematique(t)) }
}
func rsa(d *diagnostic.Diagnostic)   { d.Criteria.RSA = true }
func young(d *diagnostic.Diagnostic) { d.Person.BirthDate = "2003-04-02" }
func rqth(d *diagnostic.Diagnostic)  { d.Criteria.RQTH, d.Criteria.BOETH = true, true }
func boeth(d *diagnostic.Diagnostic) { d.Criteria.BOETH = true }
func working(d *diagnostic.Diagnostic) {
	d.Professional.WorkSituation, d.Professional.LastActivityDate = "interim", ""
}

// socialProfile: no recent activity, no projection, a strong frein.
var socialProfile = []func(*diagnostic.Diagnostic){noRecentActivity, seesNoJob, strong("logement")}

// globalProfile: no recent activity, sees a job, a moderate frein.
var globalProfile = []func(*diagnostic.Diagnostic){noRecentActivity, moderate("mobilite")}

func with(groups ...any) []func(*diagnostic.Diagnostic) {
	var out []func(*diagnostic.Diagnostic)
	for _, g := range groups {
		switch v := g.(type) {
		case func(*diagnostic.Diagnostic):
			out = append(out, v)
		case []func(*diagnostic.Diagnostic):
			out = append(out, v...)
		}
	}
	return out
}

type orientCase struct {
	name    string
	mods    []func(*diagnostic.Diagnostic)
	pathway diagnostic.Pathway
	org     diagnostic.Organisation
	decider diagnostic.Decider
	rule    string   // pathway rule
	orgRule string   // organisation rule
	missing []string // codes of missing criteria
	reason  []string // "code=valeur:effet@regle" that must appear, in order
}

var orientCases = []orientCase{
	// Rule emploi-sans-frein.
	{name: "emploi/recent-qualifie-sans-frein", pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein", orgRule: "france-travail-sinon",
		reason: []string{"activite-recente=oui:ecarte@social-freins-forts", "impact-max=sans-impact:retient@emploi-sans-frein", "activite-recente=oui:retient@emploi-sans-frein"}},
	{name: "emploi/en-activite-sans-date", mods: with(working), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/recent-non-qualifie", mods: with(notQualified), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/recent-sans-projection", mods: with(seesNoJob), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/sans-activite-se-projette-qualifie", mods: with(noRecentActivity), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein",
		reason: []string{"se-projette=oui:retient@emploi-sans-frein", "qualifie=oui:retient@emploi-sans-frein"}},
	{name: "emploi/qualifie-par-diplome", mods: with(noRecentActivity, func(d *diagnostic.Diagnostic) {
		d.Professional.EducationLevel = ""
		d.Professional.Diplomas = []diagnostic.Diploma{{Title: "CAP cuisine", Level: "NV5"}}
	}), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/creation-entreprise-non-abordee-ne-compte-pas", mods: with(func(d *diagnostic.Diagnostic) {
		d.Freins["creation-entreprise"] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}
	}), pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/derniere-activite-il-y-a-24-mois-pile", mods: with(notQualified, func(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "2024-06-01" }),
		pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "emploi/rsa-france-travail-decide-departement", mods: with(rsa), pathway: "emploi", org: "france-travail", decider: "departement", rule: "emploi-sans-frein", orgRule: "france-travail-sinon"},
	{name: "emploi/rsa-jeune-mission-locale", mods: with(rsa, young), pathway: "emploi", org: "mission-locale", decider: "departement", rule: "emploi-sans-frein", orgRule: "jeune-mission-locale"},
	{name: "emploi/rsa-rqth-cap-emploi", mods: with(rsa, rqth), pathway: "emploi", org: "cap-emploi", decider: "departement", rule: "emploi-sans-frein", orgRule: "handicap-cap-emploi"},
	{name: "emploi/boeth-cap-emploi", mods: with(boeth), pathway: "emploi", org: "cap-emploi", decider: "france-travail", rule: "emploi-sans-frein", orgRule: "handicap-cap-emploi"},
	{name: "emploi/jeune-rqth-mission-locale-prime", mods: with(young, rqth), pathway: "emploi", org: "mission-locale", decider: "france-travail", orgRule: "jeune-mission-locale"},

	// Rule global-sinon.
	{name: "global/derniere-activite-24-mois-et-un-jour", mods: with(notQualified, func(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "2024-05-31" }),
		pathway: "global", org: "france-travail", decider: "france-travail", rule: "global-sinon",
		reason: []string{"activite-recente=non:ecarte@emploi-sans-frein"}},
	{name: "global/sans-activite-non-qualifie", mods: with(noRecentActivity, notQualified), pathway: "global", org: "france-travail", decider: "france-travail", rule: "global-sinon",
		reason: []string{"se-projette=oui:ecarte@social-freins-forts", "qualifie=non:ecarte@emploi-sans-frein"}},
	{name: "global/sans-activite-sans-projection-sans-frein", mods: with(noRecentActivity, seesNoJob), pathway: "global", org: "france-travail", decider: "france-travail", rule: "global-sinon",
		reason: []string{"impact-max=sans-impact:ecarte@social-freins-forts"}},
	{name: "global/frein-moyen", mods: with(moderate("sante")), pathway: "global", org: "france-travail", decider: "france-travail", rule: "global-sinon",
		reason: []string{"impact-max=moyen:ecarte@emploi-sans-frein"}},
	{name: "global/frein-fort-mais-se-projette", mods: with(noRecentActivity, strong("sante")), pathway: "global", rule: "global-sinon", org: "france-travail", decider: "france-travail",
		reason: []string{"se-projette=oui:ecarte@social-freins-forts", "impact-max=fort:ecarte@emploi-sans-frein"}},
	{name: "global/frein-fort-mais-activite-recente", mods: with(seesNoJob, strong("logement")), pathway: "global", rule: "global-sinon", org: "france-travail", decider: "france-travail",
		reason: []string{"activite-recente=oui:ecarte@social-freins-forts"}},
	{name: "global/rsa-departement", mods: with(globalProfile, rsa), pathway: "global", org: "departement", decider: "departement", rule: "global-sinon", orgRule: "rsa-global-departement",
		reason: []string{"rsa=oui:retient@rsa-global-departement", "parcours=global:retient@rsa-global-departement", "rsa=oui:retient@rsa-departement"}},
	{name: "global/rsa-jeune-mission-locale", mods: with(globalProfile, rsa, young), pathway: "global", org: "mission-locale", decider: "departement", orgRule: "jeune-mission-locale"},
	{name: "global/rsa-boeth-cap-emploi", mods: with(globalProfile, rsa, boeth), pathway: "global", org: "cap-emploi", decider: "departement", orgRule: "handicap-cap-emploi"},
	{name: "global/non-rsa-france-travail", mods: with(globalProfile), pathway: "global", org: "france-travail", decider: "france-travail", orgRule: "france-travail-sinon"},
	{name: "global/non-rsa-jeune-mission-locale", mods: with(globalProfile, young), pathway: "global", org: "mission-locale", decider: "france-travail", orgRule: "jeune-mission-locale"},
	{name: "global/decide-malgre-themes-non-abordes", mods: with(strong("sante"), notDiscussed("logement"), notDiscussed("mobilite"), func(d *diagnostic.Diagnostic) { d.Professional.SeesJobShortTerm = nil }),
		pathway: "global", org: "france-travail", decider: "france-travail", rule: "global-sinon"},

	// Rule social-freins-forts.
	{name: "social/non-rsa-departement", mods: with(socialProfile), pathway: "social", org: "departement", decider: "france-travail", rule: "social-freins-forts", orgRule: "social-departement",
		reason: []string{"activite-recente=non:retient@social-freins-forts", "se-projette=non:retient@social-freins-forts", "impact-max=fort:retient@social-freins-forts", "parcours=social:retient@social-departement"}},
	{name: "social/rsa-departement-decide", mods: with(socialProfile, rsa), pathway: "social", org: "departement", decider: "departement", orgRule: "social-departement"},
	{name: "social/jeune-reste-departement", mods: with(socialProfile, young), pathway: "social", org: "departement", decider: "france-travail", orgRule: "social-departement"},
	{name: "social/rqth-reste-departement", mods: with(socialProfile, rqth, rsa), pathway: "social", org: "departement", decider: "departement", orgRule: "social-departement"},
	{name: "social/fort-malgre-themes-non-abordes", mods: with(socialProfile, notDiscussed("sante"), notDiscussed("mobilite")), pathway: "social", org: "departement", decider: "france-travail"},
	{name: "social/age-inconnu-sans-effet", mods: with(socialProfile, func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "" }), pathway: "social", org: "departement", decider: "france-travail"},

	// Indetermine: never a guess.
	{name: "indetermine/projection-inconnue", mods: with(noRecentActivity, strong("logement"), func(d *diagnostic.Diagnostic) { d.Professional.SeesJobShortTerm = nil }),
		pathway: "indetermine", decider: "france-travail", missing: []string{"se-projette"},
		reason: []string{"se-projette=inconnu:inconnu@social-freins-forts"}},
	{name: "indetermine/activite-inconnue", mods: with(seesNoJob, strong("logement"), func(d *diagnostic.Diagnostic) {
		d.Professional.WorkSituation, d.Professional.LastActivityDate = "", ""
	}), pathway: "indetermine", decider: "france-travail", missing: []string{"activite-recente"}},
	{name: "indetermine/date-activite-mal-formee", mods: with(seesNoJob, strong("logement"), func(d *diagnostic.Diagnostic) { d.Professional.LastActivityDate = "hier" }),
		pathway: "indetermine", decider: "france-travail", missing: []string{"activite-recente"}},
	{name: "indetermine/themes-non-abordes", mods: with(notDiscussed("logement"), func(d *diagnostic.Diagnostic) {
		d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}
	}), pathway: "indetermine", decider: "france-travail", missing: []string{"impact-max"}},
	{name: "indetermine/aucun-theme-aborde", mods: with(func(d *diagnostic.Diagnostic) { d.Freins = nil }), pathway: "indetermine", decider: "france-travail", missing: []string{"impact-max"}},
	{name: "indetermine/qualification-inconnue", mods: with(noRecentActivity, func(d *diagnostic.Diagnostic) { d.Professional.EducationLevel = "" }),
		pathway: "indetermine", decider: "france-travail", missing: []string{"qualifie"}},
	{name: "indetermine/qualification-inconnue-mais-activite-recente", mods: with(func(d *diagnostic.Diagnostic) { d.Professional.EducationLevel = "" }),
		pathway: "emploi", org: "france-travail", decider: "france-travail", rule: "emploi-sans-frein"},
	{name: "indetermine/age-inconnu-organisation", mods: with(globalProfile, func(d *diagnostic.Diagnostic) { d.Person.BirthDate = "" }),
		pathway: "global", decider: "france-travail", rule: "global-sinon", missing: []string{"age"}},
	{name: "indetermine/rsa-decideur-connu", mods: with(rsa, noRecentActivity, seesNoJob, strong("logement"), func(d *diagnostic.Diagnostic) { d.Professional.WorkSituation, d.Professional.LastActivityDate = "", "" }),
		pathway: "indetermine", decider: "departement", missing: []string{"activite-recente"}},
}

func reasonKey(u diagnostic.CriterionUse) string {
	return string(u.Code) + "=" + u.Value + ":" + u.Effect + "@" + u.Rule
}

func TestOrientDefaultRules(t *testing.T) {
	require.GreaterOrEqual(t, len(orientCases), 30)
	for _, c := range orientCases {
		t.Run(c.name, func(t *testing.T) {
			d := baseDiagnostic()
			for _, m := range c.mods {
				m(d)
			}
			dec := diagnostic.Orient(d, nil)
			assert.Equal(t, c.pathway, dec.Pathway, "parcours")
			assert.Equal(t, c.org, dec.Organisation, "organisation")
			assert.Equal(t, c.decider, dec.Decider, "décideur")
			assert.Equal(t, "cne-2024", dec.Rules)
			if c.rule != "" {
				assert.Equal(t, c.rule, dec.PathwayRule)
			}
			if c.orgRule != "" {
				assert.Equal(t, c.orgRule, dec.OrganisationRule)
			}
			var missing []string
			for _, m := range dec.Missing {
				missing = append(missing, string(m.Code))
				assert.NotEmpty(t, m.Paths, "champs à renseigner pour %s", m.Code)
				assert.NotEmpty(t, m.Sentence)
			}
			assert.Equal(t, c.missing, missing, "critères manquants")
			assert.Equal(t, len(c.missing) == 0, dec.Determined)
			var got []string
			for _, u := range dec.Criteria {
				got = append(got, reasonKey(u))
				assert.NotEmpty(t, u.Sentence, "phrase de %s", u.Code)
			}
			// The expected reasons appear in this order.
			i := 0
			for _, g := range got {
				if i < len(c.reason) && g == c.reason[i] {
					i++
				}
			}
			assert.Equal(t, len(c.reason), i, "raisons attendues %v dans %v", c.reason, got)
		})
	}
}

// TestOrientCoversEveryRule proves that the table reaches every rule of the
// default rules file.
func TestOrientCoversEveryRule(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range orientCases {
		d := baseDiagnostic()
		for _, m := range c.mods {
			m(d)
		}
		dec := diagnostic.Orient(d, nil)
		seen[dec.PathwayRule], seen[dec.OrganisationRule], seen[dec.DeciderRule] = true, true, true
	}
	r := diagnostic.DefaultOrientationRules()
	for _, p := range r.Pathways {
		assert.True(t, seen[p.ID], "règle de parcours %s jamais appliquée", p.ID)
	}
	for _, o := range r.Organisations {
		assert.True(t, seen[o.ID], "règle d'organisation %s jamais appliquée", o.ID)
	}
	for _, dr := range r.Deciders {
		assert.True(t, seen[dr.ID], "règle de décideur %s jamais appliquée", dr.ID)
	}
}

func TestOrientMissingPaths(t *testing.T) {
	d := baseDiagnostic()
	delete(d.Freins, "logement")
	d.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactNonAborde}
	dec := diagnostic.Orient(d, nil)
	require.Len(t, dec.Missing, 1)
	assert.Equal(t, []string{"/freins/logement/impact", "/freins/sante/impact"}, dec.Missing[0].Paths)
}

func TestOrientDoesNotModifyDiagnostic(t *testing.T) {
	d := baseDiagnostic()
	before, _ := json.Marshal(d)
	diagnostic.Orient(d, nil)
	after, _ := json.Marshal(d)
	assert.JSONEq(t, string(before), string(after))
}

// modifiedRules returns the default rules file changed by edit.
func modifiedRules(t *testing.T, edit func(m map[string]any)) *diagnostic.OrientationRules {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(diagnostic.DefaultOrientationRulesJSON(), &m))
	edit(m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	r, fs := diagnostic.LoadOrientationRules(bytes.NewReader(b))
	require.Empty(t, fs)
	return r
}

func TestOrientRulesFileChangesDecisionWithoutCode(t *testing.T) {
	t.Run("activite-recente-12-mois", func(t *testing.T) {
		d := baseDiagnostic() // last activity 12 months ago
		notQualified(d)
		d.Professional.LastActivityDate = "2025-03-01"
		assert.Equal(t, diagnostic.PathwayEmploi, diagnostic.Orient(d, nil).Pathway)
		r := modifiedRules(t, func(m map[string]any) { m["activite_recente_mois"] = 12; m["id"] = "territoire-12-mois" })
		dec := diagnostic.Orient(d, r)
		assert.Equal(t, diagnostic.PathwayGlobal, dec.Pathway)
		assert.Equal(t, "territoire-12-mois", dec.Rules)
	})
	t.Run("social-des-impact-moyen", func(t *testing.T) {
		d := baseDiagnostic()
		noRecentActivity(d)
		seesNoJob(d)
		moderate("sante")(d)
		assert.Equal(t, diagnostic.PathwayGlobal, diagnostic.Orient(d, nil).Pathway)
		r := modifiedRules(t, func(m map[string]any) {
			social := m["parcours"].([]any)[0].(map[string]any)
			social["si"].(map[string]any)["tous"].([]any)[2].(map[string]any)["au_moins"] = "moyen"
		})
		assert.Equal(t, diagnostic.PathwaySocial, diagnostic.Orient(d, r).Pathway)
	})
	t.Run("jeunes-jusqu-a-30-ans", func(t *testing.T) {
		d := baseDiagnostic()
		d.Person.BirthDate = "1998-01-01" // 28
		assert.Equal(t, diagnostic.OrganisationFranceTravail, diagnostic.Orient(d, nil).Organisation)
		r := modifiedRules(t, func(m map[string]any) {
			m["organisations"].([]any)[1].(map[string]any)["si"].(map[string]any)["moins_de"] = 30
		})
		assert.Equal(t, diagnostic.OrganisationMissionLocale, diagnostic.Orient(d, r).Organisation)
	})
	t.Run("territoire-depuis-fichier", func(t *testing.T) {
		f, err := os.Open(filepath.Join("..", "examples", "orientation", "regles-77-codiagnostic.json"))
		require.NoError(t, err)
		defer f.Close()
		r, fs := diagnostic.LoadOrientationRules(f)
		require.Empty(t, fs)
		d := baseDiagnostic()
		noRecentActivity(d)
		notQualified(d)
		assert.Equal(t, diagnostic.PathwayGlobal, diagnostic.Orient(d, nil).Pathway)
		dec := diagnostic.Orient(d, r)
		assert.Equal(t, diagnostic.PathwayEmploi, dec.Pathway)
		assert.Equal(t, "77-codiagnostic", dec.Rules)
	})
}

func TestLoadOrientationRulesRejectsInvalidRules(t *testing.T) {
	cases := []struct {
		name string
		edit func(m map[string]any)
		raw  string
		code string
		path string
	}{
		{name: "json-illisible", raw: "{", code: "ORIENT-JSON-01", path: ""},
		{name: "champ-inconnu", raw: `{"version":"1.0","inconnu":1}`, code: "ORIENT-JSON-01", path: ""},
		{name: "deux-documents", raw: `{} {}`, code: "ORIENT-JSON-01", path: ""},
		{name: "version", edit: func(m map[string]any) { m["version"] = "9" }, code: "ORIENT-VERSION-01", path: "/version"},
		{name: "id-vide", edit: func(m map[string]any) { m["id"] = "" }, code: "ORIENT-ID-01", path: "/id"},
		{name: "id-majuscules", edit: func(m map[string]any) { m["id"] = "CNE" }, code: "ORIENT-ID-01", path: "/id"},
		{name: "duree-nulle", edit: func(m map[string]any) { m["activite_recente_mois"] = 0 }, code: "ORIENT-DUREE-01", path: "/activite_recente_mois"},
		{name: "delai-contrat", edit: func(m map[string]any) { m["delais"].(map[string]any)["contrat_mois"] = 99 }, code: "ORIENT-DUREE-01", path: "/delais/contrat_mois"},
		{name: "thematique-inconnue", edit: func(m map[string]any) { m["thematiques_freins"] = []any{"logement", "emploi-formation"} }, code: "ORIENT-THEMATIQUE-01", path: "/thematiques_freins/1"},
		{name: "thematique-en-double", edit: func(m map[string]any) { m["thematiques_freins"] = []any{"logement", "logement"} }, code: "ORIENT-THEMATIQUE-10", path: "/thematiques_freins/1"},
		{name: "parcours-vides", edit: func(m map[string]any) { m["parcours"] = []any{} }, code: "ORIENT-REGLES-01", path: "/parcours"},
		{name: "sans-sinon", edit: func(m map[string]any) { m["parcours"] = m["parcours"].([]any)[:2] }, code: "ORIENT-REGLES-10", path: "/parcours/1/si"},
		{name: "inatteignable", edit: func(m map[string]any) {
			p := m["parcours"].([]any)
			m["parcours"] = append([]any{p[2]}, p...)
		}, code: "ORIENT-REGLES-11", path: "/parcours/1"},
		{name: "id-en-double", edit: func(m map[string]any) {
			m["organisations"].([]any)[0].(map[string]any)["id"] = "global-sinon"
		}, code: "ORIENT-ID-10", path: "/organisations/0/id"},
		{name: "parcours-inconnu", edit: func(m map[string]any) { m["parcours"].([]any)[0].(map[string]any)["parcours"] = "accompagne" }, code: "ORIENT-PARCOURS-01", path: "/parcours/0/parcours"},
		{name: "parcours-indetermine-interdit", edit: func(m map[string]any) { m["parcours"].([]any)[2].(map[string]any)["parcours"] = "indetermine" }, code: "ORIENT-PARCOURS-01", path: "/parcours/2/parcours"},
		{name: "organisation-inconnue", edit: func(m map[string]any) { m["organisations"].([]any)[4].(map[string]any)["organisation"] = "pole-emploi" }, code: "ORIENT-ORGANISATION-01", path: "/organisations/4/organisation"},
		{name: "decideur-inconnu", edit: func(m map[string]any) { m["decideurs"].([]any)[0].(map[string]any)["decideur"] = "prefet" }, code: "ORIENT-DECIDEUR-01", path: "/decideurs/0/decideur"},
		{name: "condition-deux-formes", edit: func(m map[string]any) {
			m["parcours"].([]any)[0].(map[string]any)["si"].(map[string]any)["critere"] = "rsa"
		}, code: "ORIENT-CONDITION-01", path: "/parcours/0/si"},
		{name: "condition-deux-operateurs", edit: func(m map[string]any) {
			m["decideurs"].([]any)[0].(map[string]any)["si"] = map[string]any{"critere": "rsa", "egal": true, "moins_de": 3}
		}, code: "ORIENT-CONDITION-01", path: "/decideurs/0/si"},
		{name: "critere-inconnu", edit: func(m map[string]any) {
			m["decideurs"].([]any)[0].(map[string]any)["si"] = map[string]any{"critere": "revenus", "egal": true}
		}, code: "ORIENT-CONDITION-02", path: "/decideurs/0/si/critere"},
		{name: "operateur-inadapte", edit: func(m map[string]any) {
			m["decideurs"].([]any)[0].(map[string]any)["si"] = map[string]any{"critere": "rsa", "moins_de": 3}
		}, code: "ORIENT-CONDITION-03", path: "/decideurs/0/si/moins_de"},
		{name: "impact-inconnu", edit: func(m map[string]any) {
			m["parcours"].([]any)[0].(map[string]any)["si"].(map[string]any)["tous"].([]any)[2].(map[string]any)["au_moins"] = "tres-fort"
		}, code: "ORIENT-CONDITION-04", path: "/parcours/0/si/tous/2/au_moins"},
		{name: "age-negatif", edit: func(m map[string]any) {
			m["organisations"].([]any)[1].(map[string]any)["si"].(map[string]any)["moins_de"] = -1
		}, code: "ORIENT-CONDITION-04", path: "/organisations/1/si/moins_de"},
		{name: "liste-vide", edit: func(m map[string]any) {
			m["parcours"].([]any)[0].(map[string]any)["si"] = map[string]any{"tous": []any{}}
		}, code: "ORIENT-CONDITION-05", path: "/parcours/0/si/tous"},
		{name: "parcours-dans-regle-de-parcours", edit: func(m map[string]any) {
			m["parcours"].([]any)[0].(map[string]any)["si"] = map[string]any{"critere": "parcours", "parmi": []any{"social"}}
		}, code: "ORIENT-CONDITION-10", path: "/parcours/0/si/critere"},
		{name: "trop-imbrique", edit: func(m map[string]any) {
			var c any = map[string]any{"critere": "rsa", "egal": true}
			for range 10 {
				c = map[string]any{"tous": []any{c}}
			}
			m["decideurs"].([]any)[0].(map[string]any)["si"] = c
		}, code: "ORIENT-CONDITION-06", path: "/decideurs/0/si" + strings.Repeat("/tous/0", 8)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := []byte(c.raw)
			if c.edit != nil {
				var m map[string]any
				require.NoError(t, json.Unmarshal(diagnostic.DefaultOrientationRulesJSON(), &m))
				c.edit(m)
				var err error
				raw, err = json.Marshal(m)
				require.NoError(t, err)
			}
			r, fs := diagnostic.LoadOrientationRules(bytes.NewReader(raw))
			assert.Nil(t, r, "des règles invalides ne sont jamais appliquées")
			assert.True(t, fs.Has(c.code, c.path), "attendu %s à %q, obtenu :\n%v", c.code, c.path, fs)
		})
	}
}

func TestOrientWithInvalidGoRulesDecidesNothing(t *testing.T) {
	r := *diagnostic.DefaultOrientationRules()
	r.Pathways = nil
	dec := diagnostic.Orient(baseDiagnostic(), &r)
	assert.Equal(t, diagnostic.PathwayUndetermined, dec.Pathway)
	assert.False(t, dec.Determined)
	assert.Empty(t, dec.Organisation)
	assert.True(t, dec.RulesFaults.HasCode("ORIENT-REGLES-01"))
}

func TestOrientGoBuiltRulesAreChecked(t *testing.T) {
	r := *diagnostic.DefaultOrientationRules()
	r.ID = "copie"
	dec := diagnostic.Orient(baseDiagnostic(), &r)
	assert.Equal(t, diagnostic.PathwayEmploi, dec.Pathway)
	assert.Equal(t, "copie", dec.Rules)
}

func TestOrientationEnumsAreSound(t *testing.T) {
	for name, ds := range map[string]spie.Definitions{
		"parcours": diagnostic.Pathways, "organisations": diagnostic.Organisations,
		"decideurs": diagnostic.Deciders, "criteres": diagnostic.OrientationCriteria,
	} {
		t.Run(name, func(t *testing.T) { require.NoError(t, ds.Check()) })
	}
}

func TestOrientationFaultTypesAreSound(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
}

// FuzzLoadOrientationRules checks that any rules file is either rejected
// with faults or loaded and usable, never a panic.
func FuzzLoadOrientationRules(f *testing.F) {
	f.Add(diagnostic.DefaultOrientationRulesJSON())
	f.Add([]byte(`{"version":"1.0","id":"x","libelle":"x","activite_recente_mois":1,"thematiques_freins":["logement"],"parcours":[{"id":"a","parcours":"global","si":{"un_parmi":[{"critere":"age","moins_de":-3}]}}],"organisations":[],"decideurs":[]}`))
	f.Add([]byte(`{"parcours":[{"si":{"tous":null}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, fs := diagnostic.LoadOrientationRules(bytes.NewReader(data))
		if r == nil {
			if len(fs) == 0 {
				t.Fatal("règles refusées sans faute")
			}
			return
		}
		if len(fs) > 0 {
			t.Fatalf("règles chargées malgré des fautes : %v", fs)
		}
		dec := diagnostic.Orient(baseDiagnostic(), r)
		if dec.Pathway == "" {
			t.Fatal("parcours vide")
		}
	})
}

// BenchmarkOrient measures decisions per second and allocations: on the
// decided cases of the table (the common case) and on every case, including
// the undetermined ones whose list of missing fields allocates.
func BenchmarkOrient(b *testing.B) {
	var decided, all []*diagnostic.Diagnostic
	for _, c := range orientCases {
		d := baseDiagnostic()
		for _, m := range c.mods {
			m(d)
		}
		all = append(all, d)
		if len(c.missing) == 0 {
			decided = append(decided, d)
		}
	}
	rules := diagnostic.DefaultOrientationRules()
	for _, set := range []struct {
		name string
		ds   []*diagnostic.Diagnostic
	}{{"decidees", decided}, {"tous-les-cas", all}} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				diagnostic.Orient(set.ds[n%len(set.ds)], rules)
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "decisions/s")
		})
	}
}

func TestNilDiagnosticNeverPanics(t *testing.T) {
	assert.NotPanics(t, func() {
		dec := diagnostic.Orient(nil, nil)
		assert.Equal(t, diagnostic.PathwayUndetermined, dec.Pathway)
		assert.Nil(t, diagnostic.Deadlines(nil, dec, diagnostic.Milestones{}, "2026-01-01", nil))
		assert.Nil(t, diagnostic.IAECriteriaOf(nil))
		assert.False(t, diagnostic.AssessIAE(nil, "ACI", diagnostic.IAEAuthorEmployer, "2026-01-01").Eligible)
		assert.Len(t, diagnostic.AssessIAEAll(nil, diagnostic.IAEAuthorPrescriber, "2026-01-01"), 5)
		p, _ := diagnostic.ExportDSP(nil)
		assert.Empty(t, p.Contraintes.Items)
		assert.Empty(t, diagnostic.PairOf(nil, dec, "social").Publics)
	})
}

func TestOrientRecentActivityFromSituations(t *testing.T) {
	tests := []struct {
		name      string
		situation diagnostic.Situation
		value     diagnostic.SituationValue
		want      diagnostic.Pathway
	}{
		{"jamais travaillé, ne se projette pas, frein fort : social", "jamais-travaille", diagnostic.SituationOui, "social"},
		{"plus de 2 ans sans emploi : social", "plus-de-2-ans-sans-emploi", "", "social"},
		{"moins de 6 mois sans emploi : activité récente, global", "moins-de-6-mois-sans-emploi", diagnostic.SituationOui, "global"},
		{"jamais travaillé répondu NON : inconnu", "jamais-travaille", diagnostic.SituationNon, "indetermine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := os.ReadFile("../examples/diagnostic/rsa-logement-sante-marseille.json")
			require.NoError(t, err)
			var d diagnostic.Diagnostic
			require.NoError(t, json.Unmarshal(b, &d))
			d.Professional.LastActivityDate = ""
			d.Professional.Situations = []diagnostic.SituationItem{{Situation: tt.situation, Value: tt.value}}
			dec := diagnostic.Orient(&d, diagnostic.DefaultOrientationRules())
			assert.Equal(t, tt.want, dec.Pathway)
		})
	}
}

// TestOrientExplanationsNeverContradict: over every case of the table, with
// the default rules and with the territory rules of the examples (where two
// organisation rules lead to the Département), a sentence that sets a rule
// aside never names an outcome, a criterion that retains names the outcome
// the stage decided and the rule that decided it, and every sentence names
// the rule it speaks of.
func TestOrientExplanationsNeverContradict(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "examples", "orientation", "regles-77-codiagnostic.json"))
	require.NoError(t, err)
	defer f.Close()
	territory, fs := diagnostic.LoadOrientationRules(f)
	require.True(t, fs.Valid(), "%v", fs)
	for _, rules := range []*diagnostic.OrientationRules{diagnostic.DefaultOrientationRules(), territory} {
		labels := map[string]string{}
		for _, r := range rules.Pathways {
			labels[r.ID] = r.Label
		}
		for _, r := range rules.Organisations {
			labels[r.ID] = r.Label
		}
		for _, r := range rules.Deciders {
			labels[r.ID] = r.Label
		}
		for _, c := range orientCases {
			d := baseDiagnostic()
			for _, m := range c.mods {
				m(d)
			}
			dec := diagnostic.Orient(d, rules)
			decided := map[string]string{
				diagnostic.StagePathway:      dec.PathwayRule,
				diagnostic.StageOrganisation: dec.OrganisationRule,
				diagnostic.StageDecider:      dec.DeciderRule,
			}
			outcome := map[string]string{
				diagnostic.StagePathway:      lowerFirst(dec.Pathway.Label()),
				diagnostic.StageOrganisation: "organisation référente " + dec.Organisation.Label(),
				diagnostic.StageDecider:      "décideur " + dec.Decider.Label(),
			}
			for _, u := range dec.Criteria {
				name := labels[u.Rule]
				if name == "" {
					name = u.Rule
				}
				assert.Contains(t, u.Sentence, "« "+name+" »", "%s/%s : la phrase nomme sa règle", rules.ID, c.name)
				switch u.Effect {
				case diagnostic.EffectRejects:
					assert.NotContains(t, u.Sentence, "conduit à", "%s/%s : %s", rules.ID, c.name, u.Sentence)
					assert.NotEqual(t, decided[u.Stage], u.Rule, "%s/%s : une règle écartée n'a pas décidé", rules.ID, c.name)
				case diagnostic.EffectRetains:
					assert.Equal(t, decided[u.Stage], u.Rule, "%s/%s : le critère retenu est celui de la règle qui a décidé", rules.ID, c.name)
					assert.Contains(t, u.Sentence, "conduit à : "+outcome[u.Stage]+" (règle", "%s/%s", rules.ID, c.name)
				}
			}
		}
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToLower(string(r[0])))[0]
	return string(r)
}
