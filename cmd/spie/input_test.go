package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// verdicts runs spie validate --format json on stdin and returns, in order,
// each document's name, validity and fault codes.
func verdicts(t *testing.T, stdin string) (int, []validation) {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, "validate", "--kind", "diagnostic", "--format", "json", "--workers", "2", "-")
	var vs []validation
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v validation
		require.NoError(t, json.Unmarshal(sc.Bytes(), &v), errOut)
		vs = append(vs, v)
	}
	return code, vs
}

func codesOf(fs []spie.Fault) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// TestValidateKeepsEveryDocument: the cases where the input used to lose
// documents (a broken or over-limit first line, data after an array).
func TestValidateKeepsEveryDocument(t *testing.T) {
	valid := compact(t, readExample(t, "jeune-laon.json"))
	four := strings.Repeat(valid+"\n", 4)

	t.Run("première ligne cassée", func(t *testing.T) {
		code, vs := verdicts(t, "{\"id\": \"x\",\n"+four)
		assert.Equal(t, exitInvalid, code)
		require.Len(t, vs, 5, "la ligne cassée et les 4 documents valides")
		assert.False(t, vs[0].Valid)
		assert.Equal(t, []string{"INPUT-JSON-01"}, codesOf(vs[0].Faults))
		for _, v := range vs[1:] {
			assert.True(t, v.Valid, v.Document)
		}
		_, out, _ := runCLI(t, "{\"id\": \"x\",\n"+four, "validate", "--kind", "diagnostic", "-")
		assert.Contains(t, out, "5 document(s) : 4 valide(s), 1 invalide(s)")
	})

	t.Run("première ligne trop longue", func(t *testing.T) {
		saved := maxDocument
		t.Cleanup(func() { maxDocument = saved })
		maxDocument = 2 * len(valid)
		long := `{"id":"` + strings.Repeat("x", 3*len(valid)) + `"}`
		code, vs := verdicts(t, long+"\n"+four)
		assert.Equal(t, exitInvalid, code)
		require.Len(t, vs, 5)
		assert.Equal(t, []string{"INPUT-SIZE-01"}, codesOf(vs[0].Faults))
		// The size reported is the line's own: 3 × len(valid) + 9 bytes.
		assert.Contains(t, vs[0].Faults[0].Message, "document trop grand : "+itoa(3*len(valid)+9)+" octets")
		for _, v := range vs[1:] {
			assert.True(t, v.Valid, v.Document)
		}
	})

	t.Run("données après le crochet fermant : signalées, puis validées", func(t *testing.T) {
		// Two elements, the trailing data reported, then the two NDJSON
		// documents after the bracket validated: 5 verdicts.
		code, vs := verdicts(t, "["+valid+","+valid+"]\n"+valid+"\n"+valid+"\n")
		assert.Equal(t, exitInvalid, code)
		require.Len(t, vs, 5)
		assert.True(t, vs[0].Valid)
		assert.True(t, vs[1].Valid)
		assert.Equal(t, []string{"INPUT-JSON-02"}, codesOf(vs[2].Faults))
		assert.Equal(t, "-#3", vs[2].Document)
		assert.True(t, vs[3].Valid, vs[3].Document)
		assert.True(t, vs[4].Valid, vs[4].Document)
	})

	t.Run("deux documents sur une ligne", func(t *testing.T) {
		code, vs := verdicts(t, valid+" "+valid+"\n"+valid+"\n")
		assert.Equal(t, exitInvalid, code)
		require.Len(t, vs, 2)
		assert.Equal(t, []string{"INPUT-JSON-02"}, codesOf(vs[0].Faults))
		assert.True(t, vs[1].Valid)
	})

	t.Run("élément cassé d'un tableau : les suivants validés", func(t *testing.T) {
		code, vs := verdicts(t, "["+valid+",{\"id\":},"+valid+"]")
		assert.Equal(t, exitInvalid, code)
		require.Len(t, vs, 3)
		assert.True(t, vs[0].Valid)
		assert.False(t, vs[1].Valid)
		assert.True(t, vs[2].Valid)
	})
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestSingleDocumentInputsThroughTheReader: files that hold one document
// (a DSP payload, a cohort definition) are read by the same reader: a BOM
// is accepted, an empty input is a usage error (2), two documents too.
func TestSingleDocumentInputsThroughTheReader(t *testing.T) {
	dsp, err := os.ReadFile(exDSP)
	require.NoError(t, err)
	code, want, _ := runCLI(t, string(dsp), "import-ft", "--id", "diag-ft-77-0001", "-")
	require.Equal(t, exitOK, code)
	code, got, errOut := runCLI(t, "\uFEFF"+string(dsp), "import-ft", "--id", "diag-ft-77-0001", "-")
	assert.Equal(t, exitOK, code, errOut)
	assert.Equal(t, want, got, "une BOM ne change rien")

	code, _, errOut = runCLI(t, " \n", "import-ft", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "entrée vide")

	code, _, errOut = runCLI(t, compact(t, string(dsp))+"\n"+compact(t, string(dsp)), "import-ft", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "un seul document JSON attendu")

	def, err := os.ReadFile(exNetwork + "cohorte-laon-18-30.json")
	require.NoError(t, err)
	diags := exNetwork + "diagnostics-aisne-2026.ndjson"
	code, want, _ = runCLI(t, string(def), "cohort", "--definition", "-", "--date", "2026-06-30", diags)
	require.Equal(t, exitOK, code)
	code, got, errOut = runCLI(t, "\uFEFF"+string(def), "cohort", "--definition", "-", "--date", "2026-06-30", diags)
	assert.Equal(t, exitOK, code, errOut)
	assert.Equal(t, want, got)
}

// TestReadersRefuseInvalidUTF8: the bytes FF FE inside a string are not
// UTF-8 (RFC 3629: FF and FE never occur); the one reader gives such a
// document with validate's fault, INPUT-UTF8-01 at the string's pointer
// (/a) and the offset of FF (6: `{"a":"` is 6 bytes, counted by hand), to
// every verb; the other documents of the stream go on. A single-document
// option (readOne) refuses it as the document's own fault (exit 1).
func TestReadersRefuseInvalidUTF8(t *testing.T) {
	var got []string
	err := readDocuments(strings.NewReader("{\"a\":\"\xff\xfe\"}\n{\"a\":\"é\"}\n"), func(d input.Doc) error {
		if d.Fault != nil {
			got = append(got, d.Fault.Code+" "+d.Fault.Path+" "+d.Fault.Message)
		} else {
			got = append(got, string(d.Data))
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"INPUT-UTF8-01 /a texte qui n'est pas de l'UTF-8 valide (octet 6)", `{"a":"é"}`}, got)

	f := filepath.Join(t.TempDir(), "x.json")
	require.NoError(t, os.WriteFile(f, []byte("{\"a\":\"\xff\"}"), 0o600))
	_, err = readOne(&cli{}, f, 0)
	require.Error(t, err)
	assert.Equal(t, exitInvalid, readOneCode(err))
	assert.Contains(t, err.Error(), "INPUT-UTF8-01")

	require.NoError(t, os.WriteFile(f, []byte("[]"), 0o600))
	_, err = readOne(&cli{}, f, 0)
	require.Error(t, err)
	assert.Equal(t, exitUsage, readOneCode(err))
}
