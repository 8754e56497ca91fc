package cohort_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func chaunyCarnet() *carnet.Carnet {
	return &carnet.Carnet{ID: "cdb-1", EntryDate: "2026-01-05",
		Person:   carnet.SupportedPerson{ID: "p-19bd04", BirthDate: "1991-02-14", Commune: "02173", Publics: []spie.Public{"familles-monoparentales"}},
		Consents: []carnet.SharingConsent{{ID: "k1", StructureSIRET: "77501234700016", Date: "2026-01-05", Scope: []carnet.Section{"diagnostic"}}},
	}
}

func TestMatchCarnet(t *testing.T) {
	def := definition(t, "cohorte-la-fere-chauny-tergnier-parents.json")
	tests := []struct {
		name   string
		change func(c *carnet.Carnet)
		in     bool
		failed string
	}{
		{"public recorded in the carnet", func(*carnet.Carnet) {}, true, ""},
		{"criterion from the carnet's diagnostic", func(c *carnet.Carnet) {
			c.Person.Publics = nil
			c.Diagnostic = &diagnostic.Diagnostic{Criteria: diagnostic.PublicCriteria{ParentIsole: true}}
		}, true, ""},
		{"not a single parent", func(c *carnet.Carnet) { c.Person.Publics = nil }, false, "parent-isole"},
		{"moved to Laon", func(c *carnet.Carnet) { c.Person.Commune = "02408" }, false, "territoire"},
		{"consent withdrawn", func(c *carnet.Carnet) { c.Consents[0].WithdrawnOn = "2026-03-01" }, false, "consentement"},
		{"consent given later", func(c *carnet.Carnet) { c.Consents[0].Date = "2026-05-01" }, false, "consentement"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := chaunyCarnet()
			tc.change(c)
			r := cohort.MatchCarnet(def, c, "2026-04-01")
			assert.Equal(t, tc.in, r.Member)
			assert.Equal(t, "cdb-1", r.SourceID)
			for _, rs := range r.Reasons {
				assert.Equal(t, rs.Condition != tc.failed, rs.Met, rs.Condition)
			}
		})
	}
}

func ExampleMatchCarnet() {
	def := &cohort.Definition{Code: "chauny-monoparentales", Name: "Familles monoparentales",
		Territory:  cohort.Territory{EPCI: []spie.EPCICode{"200071785"}},
		Conditions: []cohort.Condition{{Criterion: "parent-isole"}}}
	r := cohort.MatchCarnet(def, chaunyCarnet(), "2026-04-01")
	fmt.Println(r.Member, r.Reasons[2].Why)
	// Output: true Parent isolé (famille monoparentale) : oui
}

func ExampleSubjectOfCarnet() {
	s := cohort.SubjectOfCarnet(chaunyCarnet(), "2026-04-01")
	fmt.Println(s.PersonID, s.Commune, s.Criteria.ParentIsole, s.Consent)
	// Output: p-19bd04 02173 true true
}

func TestScanCarnets(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "carnets.ndjson"))
	require.NoError(t, err)
	defer f.Close()
	def := definition(t, "cohorte-laon-18-30.json")
	var members []string
	s, fs, err := cohort.ScanCarnets(def, f, "2026-06-30", func(r cohort.Result) error {
		if r.Member {
			members = append(members, r.SourceID)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Empty(t, fs)
	assert.Equal(t, 10, s.Read)
	assert.Equal(t, len(members), s.Members)
	assert.Equal(t, []string{"cdb-02-0001", "cdb-02-0002", "cdb-02-0005", "cdb-02-0007"}, members)
	assert.Equal(t, 1, s.Excluded["consentement"], "consent withdrawn on carnet 4")
}

func ExampleScanCarnets() {
	in := `{"id": "cdb-1", "date_entree": "2026-01-05", "personne": {"id": "p-1", "date_naissance": "2001-04-02", "code_commune": "02408"}, "consentements": [{"id": "k1", "siret_structure": "77501234700016", "date": "2026-01-05", "perimetre": ["diagnostic"]}]}`
	s, _, _ := cohort.ScanCarnets(laon(), strings.NewReader(in), "2026-06-30", func(r cohort.Result) error {
		fmt.Println(r.SourceID, r.Member)
		return nil
	})
	fmt.Println(s.Members)
	// Output:
	// cdb-1 true
	// 1
}
