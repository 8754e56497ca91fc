package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/frtext"
	"github.com/spie-fr/socle/spie"
)

// faultKeys are the JSON members under which the verbs print lists of
// faults.
var faultKeys = map[string]bool{"faults": true, "fautes": true, "alertes": true, "erreurs": true}

// collectFaults walks a JSON value and decodes every list under a fault key
// strictly into spie.Fault (an unknown member is an error).
func collectFaults(t *testing.T, v any, out *[]spie.Fault) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			if faultKeys[k] {
				b, err := json.Marshal(child)
				require.NoError(t, err)
				dec := json.NewDecoder(bytes.NewReader(b))
				dec.DisallowUnknownFields()
				var fs []spie.Fault
				require.NoError(t, dec.Decode(&fs), "%s : %s", k, b)
				*out = append(*out, fs...)
				continue
			}
			collectFaults(t, child, out)
		}
	case []any:
		for _, child := range x {
			collectFaults(t, child, out)
		}
	}
}

// TestJSONFaultsHaveTheLibraryShape: in every verb that prints faults in
// JSON (cohort and coverage print theirs as French text on stderr;
// convert-v0 also writes its faults in its report,
// TestConvertV0ReportFaults; alerts lists its alerts in the same shape),
// each fault is a spie.Fault (code, path, message, message_en,
// severity) and carries its English message.
func TestJSONFaultsHaveTheLibraryShape(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		stdin func(*testing.T) string
	}{
		{"validate", []string{"validate", "--kind", "diagnostic", "--format", "json", exDiag + "invalid/priorites-en-double-consentement-non-date.json", "-"}, func(*testing.T) string { return "{oops\n[1]" }},
		{"orient", []string{"orient", "-"}, func(*testing.T) string { return `{"id": 3}` + "\n{oops\n" }},
		{"iae", []string{"iae", "-"}, func(*testing.T) string { return `{"id": 3}` }},
		{"pmsmp", []string{"pmsmp", "--format", "json", "-", exPMSMP + "invalid/un-mois-depasse-sans-employeur.json"}, func(*testing.T) string { return `{"id": 3}` + "\n{oops\n" }},
		{"alerts", []string{"alerts", "--date", "2026-06-30", carnetExample("rsa-perdu-de-vue-soissons")}, nil},
		{"alerts illisible", []string{"alerts", "--date", "2025-10-15", "-"}, func(*testing.T) string { return `{"id": 3}` + "\n" }},
		{"agreement", []string{"agreement", "--format", "json", "-"}, func(*testing.T) string {
			return `{"automatique": "emploi", "humain": "emploi", "diagnostic": {"id": "x"}}` + "\n{oops\n"
		}},
		{"import-ft", []string{"import-ft", "--format", "json", exDSP}, nil},
		{"export-ft", []string{"export-ft", "--format", "json", exDiag + "rsa-logement-sante-marseille.json"}, nil},
		{"view", []string{"view", "--format", "json", "--role", "referent", "--structure", "22020000000010", "--professionnel", "Marc Dubois", "--date", "2026-06-30", carnetExample("rsa-perdu-de-vue-soissons")}, nil},
		{"convert-v0", []string{"convert-v0", "-q", "--format", "json", "-"}, func(*testing.T) string { return "{oops\n" }},
		{"import-cdb", []string{"import-cdb", "--siret", "22020000000010", "--commune", "02408", "--format", "json", exCDB}, nil},
		{"indicators", []string{"indicators", "--date", "2026-06-30", "-"}, func(t *testing.T) string { return "{oups\n" + carnetsNDJSON(t) }},
		{"committee", []string{"committee", "--calendar", "testdata/committee/input-heure-invalide.json", "--date", "2023-02-01"}, nil},
		{"label", []string{"label", "--date", "2024-03-15", "-"}, func(t *testing.T) string {
			b, err := os.ReadFile(exNetwork + "label-refusee.json")
			require.NoError(t, err)
			return strings.Replace(string(b), `"date_depot": "2024-03-01"`, `"date_depot": "2024-02-30"`, 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdin := ""
			if tc.stdin != nil {
				stdin = tc.stdin(t)
			}
			_, out, errOut := runCLI(t, stdin, tc.args...)
			faults := jsonFaults(t, out, errOut)
			require.NotEmpty(t, faults, "aucune faute en JSON : %s\n%s", out, errOut)
			frtext.AssertFaults(t, tc.name, faults)
			for _, f := range faults {
				assert.NotEmpty(t, f.Code, "%+v", f)
				assert.NotEmpty(t, f.Message, "%+v", f)
				assert.NotEmpty(t, f.MessageEN, "message_en : %+v", f)
				assert.Contains(t, []spie.Severity{spie.SeverityError, spie.SeverityWarning}, f.Severity, "%+v", f)
			}
		})
	}
}

// jsonFaults decodes out, one or several JSON values, and returns every
// fault listed in them (see collectFaults).
func jsonFaults(t *testing.T, out, errOut string) []spie.Fault {
	t.Helper()
	var faults []spie.Fault
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "sortie JSON : %s\n%s", out, errOut)
		collectFaults(t, v, &faults)
	}
	return faults
}

// TestConvertV0ReportFaults: the report of spie convert-v0 gives the fault
// of a document it cannot read and the faults of the v1 document under
// faults, in the library's shape, message_en included, without
// encoding/json's English text.
func TestConvertV0ReportFaults(t *testing.T) {
	report := filepath.Join(t.TempDir(), "rapport.json")
	in := "{oops\n" + `{"id": 3, "source": "s"}` + "\n[1]\n" + `{"id":"dora--svc2","structure_id":"dora--s1","source":"dora","nom":"X","date_maj":"2025-02-01"}` + "\n"
	code, _, errOut := runCLI(t, in, "convert-v0", "-q", "--rapport", report, "-")
	assert.Equal(t, exitInvalid, code, errOut)
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var faults []spie.Fault
	for _, r := range v.([]any) {
		collectFaults(t, r, &faults)
	}
	// {oops (syntax), {"id": 3} (a number for a text), [1] (not an object),
	// and the service's two v1 faults (nom, description).
	require.Len(t, faults, 5, "%s", b)
	for _, f := range faults {
		assert.NotEmpty(t, f.MessageEN, "%+v", f)
		assert.NotContains(t, f.Message+f.MessageEN, "json:", "%+v", f)
		assert.NotContains(t, f.Message+f.MessageEN, "Go struct", "%+v", f)
	}
}
