package main

import "testing"

func TestCohortVerb(t *testing.T) {
	diags := exNetwork + "diagnostics-aisne-2026.ndjson"
	badDef := "testdata/cohort/input-definition-invalide.json"
	runVerbCases(t, "cohort", []verbCase{
		{"laon members", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "--date", "2026-06-30", "--membres", diags}, "", exitOK, "laon-membres.ndjson"},
		{"laon movements", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "--depuis", "2026-03-01", "--date", "2026-06-30", diags}, "", exitOK, "laon-mouvements.json"},
		{"soissons movements", []string{"cohort", "--definition", exNetwork + "cohorte-soissons-chateau-thierry-sortants.json", "--depuis", "2026-01-31", "--date", "2026-06-30", diags}, "", exitOK, "soissons-mouvements.json"},
		{"carnets", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "--date", "2026-06-30", "--carnets", "--membres", "testdata/cohort/input-carnets.ndjson"}, "", exitOK, "carnets.ndjson"},
		{"carnets and movements", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "--carnets", "--depuis", "2026-01-01", "testdata/cohort/input-carnets.ndjson"}, "", exitUsage, ""},
		{"single parents all", []string{"cohort", "--definition", exNetwork + "cohorte-la-fere-chauny-tergnier-parents.json", "--date", "2026-06-30", diags}, "", exitOK, "monoparentales.ndjson"},
		{"stdin with a bad line", []string{"cohort", "--definition", exNetwork + "cohorte-soissons-chateau-thierry-sortants.json", "--date", "2026-06-30", "-"},
			`{"id": "d1", "date": "2026-01-10", "personne": {"id": "a", "code_commune": "02722", "date_naissance": "1990-01-01"}, "criteres_publics": {"sortant_sans_solution": true}, "consentement": {"partage": true}}` + "\n{oops\n", exitInvalid, "stdin.ndjson"},
		{"invalid definition", []string{"cohort", "--definition", badDef, diags}, "", exitInvalid, "definition-invalide.ndjson"},
		{"no definition", []string{"cohort", diags}, "", exitUsage, ""},
		{"missing input", []string{"cohort", "--definition", exNetwork + "cohorte-laon-18-30.json", "absent.ndjson"}, "", exitUsage, ""},
	})
}
