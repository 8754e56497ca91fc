package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTwoDocumentsOnOneLineAreReported: a line holding two documents
// (`{…} {…}`) is reported as INPUT-JSON-02 by every verb that reads a
// stream, never decoded as its first document with the second dropped; the
// lines after it are still read.
func TestTwoDocumentsOnOneLineAreReported(t *testing.T) {
	diag := compactFile(t, exDiag+"jeune-laon.json")
	k := compactFile(t, carnetExample("cej-jeune-laon"))
	pair := `{"id": "p1", "automatique": "emploi", "humain": "emploi", "code_commune": "77288", "publics": [], "criteres": []}`
	for _, tc := range []struct {
		verb string
		args []string
		doc  string
	}{
		{"agreement", []string{"agreement", "--format", "json", "-"}, pair},
		{"orient", []string{"orient", "-"}, diag},
		{"iae", []string{"iae", "-"}, diag},
		{"pmsmp", []string{"pmsmp", "--format", "json", "-"}, compactFile(t, exPMSMP+"mineur-boulangerie-laon.json")},
		{"alerts", []string{"alerts", "--date", "2026-06-30", "-"}, k},
		{"view", []string{"view", "--date", "2026-06-30", "--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois", "-"}, k},
		{"validate", []string{"validate", "--kind", "diagnostic", "-"}, diag},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			in := tc.doc + " " + tc.doc + "\n" + tc.doc + "\n"
			code, out, errOut := runCLI(t, in, tc.args...)
			assert.Equal(t, exitInvalid, code, "%s\n%s", out, errOut)
			assert.Contains(t, out+errOut, "INPUT-JSON-02", "%s\n%s", out, errOut)
		})
	}
}

// englishLibraryText are fragments of encoding/json's error texts.
var englishLibraryText = []string{"json:", "cannot unmarshal", "unknown field", "invalid character", "unexpected end of JSON"}

// frenchDetail are fragments of the French details of input faults, which
// must not appear in message_en.
var frenchDetail = []string{"octet", "inattendu", "champ inconnu", "syntaxe", "fin inattendue"}

// TestInputFaultsAreBilingual: a document the verb cannot decode (unknown
// field, wrong type, broken syntax) is reported with a French detail in
// message and an English one in message_en, never encoding/json's text.
func TestInputFaultsAreBilingual(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		in   string
	}{
		{"agreement champ inconnu", []string{"agreement", "--format", "json", "-"}, `{"automatique": "emploi", "humain": "emploi", "foo": 1}` + "\n"},
		{"agreement type", []string{"agreement", "--format", "json", "-"}, `{"automatique": 3, "humain": "emploi"}` + "\n"},
		{"orient champ inconnu", []string{"orient", "-"}, `{"foo": 1}`},
		{"orient type", []string{"orient", "-"}, `{"id": 3}`},
		{"orient syntaxe", []string{"orient", "-"}, `{"id": }`},
		{"alerts type", []string{"alerts", "--date", "2026-06-30", "-"}, `{"id": 3}`},
		{"alerts champ inconnu", []string{"alerts", "--date", "2026-06-30", "-"}, `{"foo": 3}`},
		{"validate syntaxe", []string{"validate", "--format", "json", "--kind", "diagnostic", "-"}, `{"id": }`},
		{"validate texte non terminé", []string{"validate", "--format", "json", "--kind", "diagnostic", "-"}, `{"id": "x`},
		{"validate nombre démesuré", []string{"validate", "--format", "json", "--kind", "diagnostic", "-"}, `{"id": 1e999999}`},
		{"validate type Go", []string{"validate", "--format", "json", "--kind", "diagnostic", "-"}, `{"id": 1}`},
		{"validate deux documents", []string{"validate", "--format", "json", "--kind", "diagnostic", "-"}, `{} {}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.in, tc.args...)
			assert.Equal(t, exitInvalid, code, "%s\n%s", out, errOut)
			for _, w := range []string{"json:", "cannot unmarshal", "Go struct", "invalid character"} {
				assert.NotContains(t, out+errOut, w)
			}
			faults := jsonFaults(t, out, errOut)
			require.NotEmpty(t, faults, "%s\n%s", out, errOut)
			for _, f := range faults {
				for _, w := range englishLibraryText {
					assert.NotContains(t, f.Message, w)
				}
				assert.NotEmpty(t, f.MessageEN, "%+v", f)
				for _, w := range frenchDetail {
					assert.NotContains(t, strings.ToLower(f.MessageEN), w, "message_en : %s", f.MessageEN)
				}
			}
		})
	}
}
