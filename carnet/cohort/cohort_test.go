package cohort_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

var update = flag.Bool("update", false, "rewrite golden files")

func example(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "network", name))
	require.NoError(t, err)
	return b
}

func definition(t testing.TB, name string) *cohort.Definition {
	t.Helper()
	d, err := cohort.Decode(example(t, name))
	require.NoError(t, err)
	require.Empty(t, d.Check())
	return d
}

func intp(i int) *int    { return &i }
func boolp(b bool) *bool { return &b }

func person(commune spie.CommuneCode, birth spie.Date) *diagnostic.Diagnostic {
	return &diagnostic.Diagnostic{ID: "d1", Date: "2026-03-01",
		Person:  diagnostic.Person{ID: "p1", BirthDate: birth, Commune: commune},
		Consent: diagnostic.Consent{Sharing: true, Date: "2026-03-01"}}
}

func TestAgeBoundaries(t *testing.T) {
	def := &cohort.Definition{Code: "c", Name: "C", Territory: cohort.Territory{Departements: []spie.DepartementCode{"02"}},
		Age: &cohort.AgeRange{Min: intp(18), Max: intp(30)}}
	tests := []struct {
		name  string
		birth spie.Date
		in    bool
	}{
		{"18 tomorrow", "2008-03-02", false},
		{"18 today", "2008-03-01", true},
		{"30, 31 tomorrow", "1995-03-02", true},
		{"31 today", "1995-03-01", false},
		{"no birth date", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cohort.Match(def, person("02408", tc.birth), "2026-03-01")
			assert.Equal(t, tc.in, r.Member)
			assert.Equal(t, "age", r.Reasons[len(r.Reasons)-1].Condition)
		})
	}
}

func TestTerritory(t *testing.T) {
	tests := []struct {
		name    string
		terr    cohort.Territory
		commune spie.CommuneCode
		in      bool
	}{
		{"commune listed", cohort.Territory{Communes: []spie.CommuneCode{"02408"}}, "02408", true},
		{"other commune", cohort.Territory{Communes: []spie.CommuneCode{"02408"}}, "02722", false},
		{"commune in EPCI", cohort.Territory{EPCI: []spie.EPCICode{"200071785"}}, "02738", true},
		{"commune outside EPCI", cohort.Territory{EPCI: []spie.EPCICode{"200071785"}}, "02408", false},
		{"département", cohort.Territory{Departements: []spie.DepartementCode{"02"}}, "02691", true},
		{"other département", cohort.Territory{Departements: []spie.DepartementCode{"02"}}, "77288", false},
		{"unknown commune", cohort.Territory{EPCI: []spie.EPCICode{"200071785"}}, "02999", false},
		// No prefix fallback: 97127 was Saint-Martin's code before it left
		// Guadeloupe in 2007 (INSEE, COG); it names no commune today, so it
		// is in no Guadeloupe (971) cohort.
		{"pre-2007 Saint-Martin not in 971", cohort.Territory{Departements: []spie.DepartementCode{"971"}}, "97127", false},
		{"unknown code not in its prefix's département", cohort.Territory{Departements: []spie.DepartementCode{"02"}}, "02999", false},
		// Courcouronnes (91182) merged into Évry-Courcouronnes in 2019: its
		// old code is still in the Essonne (91).
		{"merged commune in its successor's département", cohort.Territory{Departements: []spie.DepartementCode{"91"}}, "91182", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, why := tc.terr.Contains(tc.commune)
			assert.Equal(t, tc.in, in, why)
			assert.NotEmpty(t, why)
		})
	}
}

func TestConditions(t *testing.T) {
	base := cohort.Definition{Code: "c", Name: "C", Territory: cohort.Territory{Departements: []spie.DepartementCode{"02"}}}
	tests := []struct {
		name  string
		conds []cohort.Condition
		mode  cohort.Mode
		crit  diagnostic.PublicCriteria
		in    bool
	}{
		{"parent isolé required, yes", []cohort.Condition{{Criterion: "parent-isole"}}, "", diagnostic.PublicCriteria{ParentIsole: true}, true},
		{"parent isolé required, no", []cohort.Condition{{Criterion: "parent-isole"}}, "", diagnostic.PublicCriteria{}, false},
		{"RSA excluded", []cohort.Condition{{Criterion: "rsa", Value: boolp(false)}}, "", diagnostic.PublicCriteria{RSA: true}, false},
		{"all of two, one missing", []cohort.Condition{{Criterion: "rsa"}, {Criterion: "parent-isole"}}, "", diagnostic.PublicCriteria{RSA: true}, false},
		{"any of two, one met", []cohort.Condition{{Criterion: "rsa"}, {Criterion: "parent-isole"}}, cohort.ModeAny, diagnostic.PublicCriteria{RSA: true}, true},
		{"DELD from months, 12", []cohort.Condition{{Criterion: "deld"}}, "", diagnostic.PublicCriteria{MonthsRegistered: intp(12)}, true},
		{"DELD from months, 11", []cohort.Condition{{Criterion: "deld"}}, "", diagnostic.PublicCriteria{MonthsRegistered: intp(11)}, false},
		{"DETLD unknown months", []cohort.Condition{{Criterion: "detld"}}, "", diagnostic.PublicCriteria{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def := base
			def.Conditions, def.Mode = tc.conds, tc.mode
			require.Empty(t, def.Check())
			d := person("02408", "1990-01-01")
			d.Criteria = tc.crit
			assert.Equal(t, tc.in, cohort.Match(&def, d, "2026-03-01").Member)
		})
	}
}

func TestConsentAndPeriod(t *testing.T) {
	def := &cohort.Definition{Code: "c", Name: "C", Territory: cohort.Territory{Departements: []spie.DepartementCode{"02"}},
		Start: "2023-01-01", End: "2026-12-31"}
	d := person("02408", "1990-01-01")
	assert.True(t, cohort.Match(def, d, "2026-12-31").Member)
	assert.False(t, cohort.Match(def, d, "2027-01-01").Member)
	assert.False(t, cohort.Match(def, d, "2022-12-31").Member)
	d.Consent.Sharing = false
	r := cohort.Match(def, d, "2026-03-01")
	assert.False(t, r.Member)
	assert.Equal(t, cohort.Reason{Condition: "consentement", Met: false, Why: "la personne n'a pas consenti au partage au sein du SPIE"}, r.Reasons[1])
}

func TestInvalidDefinitions(t *testing.T) {
	tests := []struct {
		name string
		json string
		code string
		path string
	}{
		{"code", `{"code": "Laon 18", "nom": "C", "territoire": {"departements": ["02"]}}`, "COHORTE-CODE-01", "/code"},
		{"name", `{"code": "c", "nom": "", "territoire": {"departements": ["02"]}}`, "COHORTE-NOM-01", "/nom"},
		{"empty territory", `{"code": "c", "nom": "C", "territoire": {}}`, "COHORTE-TERRITOIRE-01", "/territoire"},
		{"malformed commune", `{"code": "c", "nom": "C", "territoire": {"communes": ["2408"]}}`, "SPIE-COMMUNE-01", "/territoire/communes/0"},
		{"unknown commune", `{"code": "c", "nom": "C", "territoire": {"communes": ["02999"]}}`, "SPIE-COMMUNE-02", "/territoire/communes/0"},
		{"EPCI key", `{"code": "c", "nom": "C", "territoire": {"epci": ["200071786"]}}`, "SPIE-EPCI-02", "/territoire/epci/0"},
		{"unknown département", `{"code": "c", "nom": "C", "territoire": {"departements": ["20"]}}`, "SPIE-DEPARTEMENT-01", "/territoire/departements/0"},
		{"repeated commune", `{"code": "c", "nom": "C", "territoire": {"communes": ["02408", "02408"]}}`, "COHORTE-TERRITOIRE-10", "/territoire/communes/1"},
		{"age order", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "age": {"min": 30, "max": 18}}`, "COHORTE-AGE-10", "/age/max"},
		{"age bounds", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "age": {"min": -1}}`, "COHORTE-AGE-01", "/age/min"},
		{"age empty", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "age": {}}`, "COHORTE-AGE-02", "/age"},
		{"criterion", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "criteres": [{"critere": "celibataire"}]}`, "COHORTE-CRITERE-01", "/criteres/0/critere"},
		{"criterion twice", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "criteres": [{"critere": "rsa"}, {"critere": "rsa", "valeur": false}]}`, "COHORTE-CRITERE-10", "/criteres/1/critere"},
		{"mode", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "mode": "ou"}`, "COHORTE-CRITERE-02", "/mode"},
		{"period", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "debut": "2024-01-01", "fin": "2023-12-31"}`, "COHORTE-PERIODE-10", "/fin"},
		{"date", `{"code": "c", "nom": "C", "territoire": {"departements": ["02"]}, "debut": "2024-13-01"}`, "COHORTE-PERIODE-01", "/debut"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := cohort.Decode([]byte(tc.json))
			require.NoError(t, err)
			fs := d.Check()
			assert.True(t, fs.Has(tc.code, tc.path), "%v", fs)
		})
	}
	_, err := cohort.Decode([]byte(`{"code": "c", "territory": {}}`))
	assert.Error(t, err)
}

func TestAisneCohortsGolden(t *testing.T) {
	for _, name := range []string{"cohorte-laon-18-30.json", "cohorte-soissons-chateau-thierry-sortants.json", "cohorte-la-fere-chauny-tergnier-parents.json"} {
		t.Run(name, func(t *testing.T) {
			def := definition(t, name)
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			s, fs, err := cohort.Scan(def, bytes.NewReader(example(t, "diagnostics-aisne-2026.ndjson")), "2026-06-30", func(r cohort.Result) error {
				if r.Member {
					return enc.Encode(r)
				}
				return nil
			})
			require.NoError(t, err)
			assert.Empty(t, fs)
			assert.Equal(t, 64, s.Read)
			assert.Equal(t, s.Read, s.Members+s.NonMembers+s.Later)
			assert.Positive(t, s.Members)
			sum, _ := json.MarshalIndent(s, "", "  ")
			out.Write(sum)
			out.WriteByte('\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".json")+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "lancez go test -update")
			assert.Equal(t, string(want), out.String())
		})
	}
}

func TestExampleDiagnosticsAreValid(t *testing.T) {
	now := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for i, line := range bytes.Split(bytes.TrimSpace(example(t, "diagnostics-aisne-2026.ndjson")), []byte("\n")) {
		var d diagnostic.Diagnostic
		require.NoError(t, json.Unmarshal(line, &d))
		assert.Empty(t, d.Check(now).Errors(), "ligne %d", i+1)
	}
}

func TestScanReportsUnreadableLines(t *testing.T) {
	def := definition(t, "cohorte-laon-18-30.json")
	in := "{\"id\": \"x\", \"personne\": {\"id\": \"p\", \"code_commune\": \"02408\", \"date_naissance\": \"2000-01-01\"}, \"date\": \"2026-01-01\", \"consentement\": {\"partage\": true}}\n\nnot json\n"
	s, fs, err := cohort.Scan(def, strings.NewReader(in), "2026-06-30", nil)
	require.NoError(t, err)
	assert.Equal(t, 1, s.Members)
	assert.Equal(t, 1, s.Unreadable)
	assert.True(t, fs.Has("INPUT-JSON-01", "/3"))
}

func TestMovements(t *testing.T) {
	def := definition(t, "cohorte-soissons-chateau-thierry-sortants.json")
	m, fs, err := cohort.Movements(def, bytes.NewReader(example(t, "diagnostics-aisne-2026.ndjson")), "2026-06-01", "2026-06-30")
	require.NoError(t, err)
	assert.Empty(t, fs)
	assert.Equal(t, m.AtStart+m.Entered-m.Left, m.AtEnd)
	assert.Equal(t, m.Stayed+m.Left, m.AtStart)

	lines := strings.Join([]string{
		`{"id": "a1", "date": "2026-01-10", "personne": {"id": "a", "code_commune": "02722", "date_naissance": "1990-01-01"}, "criteres_publics": {"sortant_sans_solution": true}, "consentement": {"partage": true}}`,
		`{"id": "a2", "date": "2026-03-10", "personne": {"id": "a", "code_commune": "02722", "date_naissance": "1990-01-01"}, "criteres_publics": {}, "consentement": {"partage": true}}`,
		`{"id": "b1", "date": "2026-02-10", "personne": {"id": "b", "code_commune": "02168", "date_naissance": "1990-01-01"}, "criteres_publics": {"sortant_sans_solution": true}, "consentement": {"partage": true}}`,
		`{"id": "c1", "date": "2026-01-05", "personne": {"id": "c", "code_commune": "02722", "date_naissance": "1990-01-01"}, "criteres_publics": {"sortant_sans_solution": true}, "consentement": {"partage": true}}`,
	}, "\n")
	m, _, err = cohort.Movements(def, strings.NewReader(lines), "2026-01-31", "2026-03-31")
	require.NoError(t, err)
	assert.Equal(t, cohort.Movement{Cohort: def.Code, From: "2026-01-31", To: "2026-03-31", AtStart: 2, AtEnd: 2, Entered: 1, Left: 1, Stayed: 1}, m)
}

func BenchmarkScan(b *testing.B) {
	def := definition(b, "cohorte-laon-18-30.json")
	data := example(b, "diagnostics-aisne-2026.ndjson")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		_, _, _ = cohort.Scan(def, bytes.NewReader(data), "2026-06-30", nil)
	}
}
