package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const exPrescription = "../../examples/offer/prescription-acceptee.json"

// prescriptionFiles writes, from the accepted example, the same
// prescription as a draft (no journal) and as sent on 2026-03-15T10:00:00Z
// (the example's first transition), and returns their paths.
func prescriptionFiles(t *testing.T) (draft, sent string) {
	t.Helper()
	b, err := os.ReadFile(exPrescription)
	require.NoError(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal(b, &p))
	dir := t.TempDir()
	write := func(name string) string {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, b, 0o600))
		return path
	}
	p["etat"], p["journal"] = "envoyee", p["journal"].([]any)[:1]
	sent = write("envoyee.json")
	p["etat"] = "brouillon"
	delete(p, "journal")
	draft = write("brouillon.json")
	return draft, sent
}

type prescriptionLine struct {
	Document     string `json:"document"`
	Action       string `json:"action"`
	Prescription *struct {
		Etat    string `json:"etat"`
		Journal []struct {
			De, Vers, Le, Par string
		} `json:"journal"`
	} `json:"prescription"`
	Suivi *struct {
		Relance    string `json:"relance_le"`
		Expire     string `json:"expire_le"`
		Retard     bool   `json:"reponse_en_retard"`
		RelanceDue bool   `json:"relance_due"`
		Expiree    bool   `json:"expiration_due"`
	} `json:"suivi"`
	Faults []struct{ Code, Severity string } `json:"faults"`
}

func prescriptionLines(t *testing.T, out string) []prescriptionLine {
	t.Helper()
	var ls []prescriptionLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var p prescriptionLine
		require.NoError(t, json.Unmarshal([]byte(l), &p), l)
		ls = append(ls, p)
	}
	return ls
}

// TestPrescriptionLifecycle: the delays of RULES.md §4 (answer 72 h,
// reminder 10 days, expiry 30 days) counted by hand from the sending on
// 2026-03-15T10:00:00Z: reminder 2026-03-25T10:00:00Z, expiry
// 2026-04-14T10:00:00Z, answer due 2026-03-18T10:00:00Z.
func TestPrescriptionLifecycle(t *testing.T) {
	draft, sent := prescriptionFiles(t)

	// envoyer: the draft is sent; the one already sent is refused (exit 1).
	code, out, errOut := runCLI(t, "", "prescription", "envoyer", draft, sent, "--par", "referent-ml-laon", "--now", "2026-03-15T10:00:00Z", "--format", "json")
	assert.Equal(t, exitInvalid, code, errOut)
	ls := prescriptionLines(t, out)
	require.Len(t, ls, 2)
	assert.Equal(t, draft+"#1", ls[0].Document)
	require.NotNil(t, ls[0].Prescription)
	assert.Equal(t, "envoyee", ls[0].Prescription.Etat)
	assert.Equal(t, "2026-03-15T10:00:00Z", ls[0].Prescription.Journal[0].Le)
	assert.Equal(t, "referent-ml-laon", ls[0].Prescription.Journal[0].Par)
	assert.Nil(t, ls[1].Prescription, "une transition refusée n'écrit pas de prescription")
	assert.Equal(t, "PRESC-TRANSITION-10", ls[1].Faults[0].Code)

	// relancer, from standard input: on 2026-03-25T09:59:59Z the reminder is not yet due; at 10:00:00 it is.
	sentDoc, err := os.ReadFile(sent)
	require.NoError(t, err)
	for _, tc := range []struct {
		now                 string
		late, remind, expir bool
	}{
		{"2026-03-18T10:00:00Z", false, false, false},
		{"2026-03-18T10:00:01Z", true, false, false},
		{"2026-03-25T09:59:59Z", true, false, false},
		{"2026-03-25T10:00:00Z", true, true, false},
		{"2026-04-14T10:00:00Z", true, true, true},
	} {
		code, out, errOut = runCLI(t, string(sentDoc), "prescription", "relancer", "--now", tc.now, "--format", "json", "-")
		require.Equal(t, exitOK, code, errOut)
		l := prescriptionLines(t, out)[0]
		assert.Equal(t, "-#1", l.Document)
		require.NotNil(t, l.Suivi, tc.now)
		assert.Equal(t, "2026-03-25T10:00:00Z", l.Suivi.Relance)
		assert.Equal(t, "2026-04-14T10:00:00Z", l.Suivi.Expire)
		assert.Equal(t, []bool{tc.late, tc.remind, tc.expir}, []bool{l.Suivi.Retard, l.Suivi.RelanceDue, l.Suivi.Expiree}, tc.now)
	}
	// A draft awaits no answer: no follow-up, said in French.
	code, out, _ = runCLI(t, "", "prescription", "relancer", "--now", "2026-03-26T10:00:00Z", draft)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "n'attend pas de réponse (état : Brouillon)")

	// expirer: refused a second before the 30 days, done at the 30th day.
	code, out, _ = runCLI(t, "", "prescription", "expirer", "--now", "2026-04-14T09:59:59Z", "--format", "json", sent)
	assert.Equal(t, exitInvalid, code)
	assert.Equal(t, "PRESC-EXPIRATION-10", prescriptionLines(t, out)[0].Faults[0].Code)
	code, out, _ = runCLI(t, "", "prescription", "expirer", "--now", "2026-04-14T10:00:00Z", "--format", "json", sent)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, "expiree", prescriptionLines(t, out)[0].Prescription.Etat)

	// accepter after the 72 h: accepted, with the warning (exit 0).
	code, out, _ = runCLI(t, "", "prescription", "accepter", "--par", "accueil", "--now", "2026-03-18T10:00:01Z", "--format", "json", sent)
	assert.Equal(t, exitOK, code)
	l := prescriptionLines(t, out)[0]
	assert.Equal(t, "acceptee", l.Prescription.Etat)
	require.Len(t, l.Faults, 1)
	assert.Equal(t, []string{"PRESC-DELAI-10", "warning"}, []string{l.Faults[0].Code, l.Faults[0].Severity})

	// refuser: autre needs a comment (PRESC-REFUS-10); a coded reason suffices.
	code, out, _ = runCLI(t, "", "prescription", "refuser", "--par", "accueil", "--motif", "autre", "--now", "2026-03-16T10:00:00Z", "--format", "json", sent)
	assert.Equal(t, exitInvalid, code)
	assert.Equal(t, "PRESC-REFUS-10", prescriptionLines(t, out)[0].Faults[0].Code)
	code, out, _ = runCLI(t, "", "prescription", "refuser", "--par", "accueil", "--motif", "plus-de-place", "--now", "2026-03-16T10:00:00Z", sent)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, sent+"#1 : la prescription presc-02-2026-0001 est désormais refusée (le 2026-03-16 à 11:00)\n", out)
}

// TestPrescriptionUsage: usage errors exit 2, said in French.
func TestPrescriptionUsage(t *testing.T) {
	_, sent := prescriptionFiles(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"prescription"}, "Usage : spie prescription envoyer|accepter"},
		{[]string{"prescription", "annuler", sent}, `action "annuler" inconnue`},
		{[]string{"prescription", "accepter", sent}, "--par obligatoire"},
		{[]string{"prescription", "refuser", "--par", "x", sent}, `--motif "" inconnu`},
		{[]string{"prescription", "expirer", "--motif", "autre", sent}, "--motif et --commentaire ne servent qu'à refuser"},
		{[]string{"prescription", "expirer", "--now", "2026-04-14", sent}, `instant "2026-04-14" invalide`},
		{[]string{"prescription", "expirer", "--delais", "absent.json", sent}, "fichier introuvable : absent.json"},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		assert.Equal(t, exitUsage, code, tc.args)
		assert.Empty(t, out)
		assert.Contains(t, errOut, tc.want, tc.args)
	}
	// A territory's delays: expiry after 20 days (2026-04-04T10:00:00Z).
	delays := filepath.Join(t.TempDir(), "delais.json")
	require.NoError(t, os.WriteFile(delays, []byte(`{"delai_reponse_heures":48,"relance_jours":7,"expiration_jours":20}`), 0o600))
	code, _, errOut := runCLI(t, "", "prescription", "expirer", "--delais", delays, "--now", "2026-04-04T10:00:00Z", sent)
	assert.Equal(t, exitOK, code, errOut)
}
