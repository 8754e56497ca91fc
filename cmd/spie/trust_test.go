package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// writeCarnet writes a variant of an example carnet in a temporary file.
func writeCarnet(t *testing.T, name string, change func(*carnet.Carnet)) string {
	t.Helper()
	b, err := os.ReadFile(carnetExample(name))
	require.NoError(t, err)
	var k carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &k))
	change(&k)
	out, err := json.Marshal(k)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), name+".json")
	require.NoError(t, os.WriteFile(path, out, 0o644))
	return path
}

func writeJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "f.json")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

// TestViewVerifiesTheJournal (issue 16): spie view and spie alerts verify
// the journal first, with the key registry and checkpoints given.
func TestViewVerifiesTheJournal(t *testing.T) {
	const name = "rsa-perdu-de-vue-soissons"
	registry := filepath.Join("..", "..", "examples", "carnet", "cles", "registre-cles-de-test.json")
	ref := []string{"view", "--role", "referent", "--structure", "22020000000010", "--professionnel", "Marc Dubois", "--date", "2026-06-30"}
	var real carnet.Carnet
	b, err := os.ReadFile(carnetExample(name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &real))
	cps := writeJSON(t, carnet.TakeCheckpoints(&real))

	edited := writeCarnet(t, name, func(k *carnet.Carnet) {
		k.Members = append(k.Members, carnet.Member{ID: "m-intrus", Role: carnet.RoleCoReferent, StructureSIRET: "44400000400010", Start: "2025-01-01"})
	})
	noJournal := writeCarnet(t, name, func(k *carnet.Carnet) { k.Journal = nil })
	unsigned := writeCarnet(t, name, func(k *carnet.Carnet) {
		for i := range k.Journal {
			k.Journal[i].Signature = nil
		}
	})
	view := writeJSON(t, carnet.View(&real, carnet.Viewer{Actor: carnet.Actor{Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}, On: "2026-06-30"}))

	tests := []struct {
		name    string
		args    []string
		code    int
		shown   bool
		errText string
	}{
		{"signé, avec le registre", append(ref, "--cles", registry, carnetExample(name)), exitOK, true, ""},
		{"signé, sans registre : avertissement", append(ref, carnetExample(name)), exitOK, true, "signatures non vérifiées"},
		{"non signé, sans registre : avertissement", append(ref, unsigned), exitOK, true, "journal non signé"},
		{"non signé, avec le registre : refusé", append(ref, "--cles", registry, unsigned), exitInvalid, false, "CARNET-JOURNAL-32"},
		{"membre ajouté hors journal : refusé", append(ref, edited), exitInvalid, false, "CARNET-JOURNAL-10"},
		{"journal retiré, avec les points de contrôle : refusé", append(ref, "--points-de-controle", cps, noJournal), exitInvalid, false, "CARNET-JOURNAL-22"},
		{"journal retiré, sans points de contrôle : avertissement", append(ref, noJournal), exitOK, true, "journal absent"},
		{"avec les points de contrôle et le registre", append(ref, "--points-de-controle", cps, "--cles", registry, carnetExample(name)), exitOK, true, ""},
		{"une vue n'est pas un carnet", append(ref, view), exitInvalid, false, "CARNET-JOURNAL-40"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			if tt.shown {
				assert.Contains(t, out, "p-soissons")
			} else {
				assert.Empty(t, out)
			}
			if tt.errText == "" {
				assert.Empty(t, errOut)
			} else {
				assert.Contains(t, errOut, tt.errText)
			}
		})
	}
	t.Run("alerts refuse un carnet dont le journal ne se vérifie pas", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "alerts", "--date", "2026-06-30", edited)
		assert.Equal(t, exitInvalid, code)
		var res alertsResult
		require.NoError(t, json.Unmarshal([]byte(out), &res))
		assert.True(t, res.Faults.HasCode("CARNET-JOURNAL-10"), "%v", res.Faults)
		assert.Empty(t, res.Alertes)
		assert.Nil(t, res.Suivi)
	})
	t.Run("alerts avec le registre : aucun avertissement", func(t *testing.T) {
		code, out, errOut := runCLI(t, "", "alerts", "--date", "2026-06-30", "--cles", registry, carnetExample("cej-jeune-laon"))
		assert.Equal(t, exitOK, code, errOut)
		var res alertsResult
		require.NoError(t, json.Unmarshal([]byte(out), &res))
		assert.Equal(t, spie.Faults{}, res.Faults)
	})
	for _, args := range [][]string{
		append(ref, "--cles", "absent.json", carnetExample(name)),
		append(ref, "--cles", carnetExample(name), carnetExample(name)),
		append(ref, "--points-de-controle", "absent.json", carnetExample(name)),
		append(ref, "--points-de-controle", registry, carnetExample(name)),
		{"alerts", "--cles", cps, carnetExample(name)},
	} {
		t.Run("usage "+args[len(args)-3], func(t *testing.T) {
			code, out, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.NotEmpty(t, errOut)
		})
	}
}

// TestWriteCheckpoints: the checkpoints written after a verified view are
// those of TakeCheckpoints, keep the other carnets' ones, and refuse the
// same carnet with its journal removed next time.
func TestWriteCheckpoints(t *testing.T) {
	const name = "fusion-doublons-marseille"
	var real carnet.Carnet
	b, err := os.ReadFile(carnetExample(name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &real))
	other := carnet.Checkpoint{Carnet: "autre", Chain: "autre", Length: 3, Head: "0000000000000000000000000000000000000000000000000000000000000000"}
	stale := carnet.Checkpoint{Carnet: real.ID, Chain: real.ID, Length: 1, Head: real.Journal[0].Hash}
	in := writeJSON(t, []carnet.Checkpoint{other, stale})
	out := filepath.Join(t.TempDir(), "points.json")
	code, _, errOut := runCLI(t, "", "alerts", "--date", "2026-06-30", "--points-de-controle", in, "--ecrire-points-de-controle", out, carnetExample(name))
	require.Less(t, code, exitUsage, errOut)
	wb, err := os.ReadFile(out)
	require.NoError(t, err)
	var got []carnet.Checkpoint
	require.NoError(t, json.Unmarshal(wb, &got))
	assert.Equal(t, append([]carnet.Checkpoint{other}, carnet.TakeCheckpoints(&real)...), got)

	noJournal := writeCarnet(t, name, func(k *carnet.Carnet) { k.Journal = nil })
	code, stdout, errOut := runCLI(t, "", "view", "--role", "referent", "--structure", "44400000400010", "--professionnel", "Inconnu", "--points-de-controle", out, noJournal)
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, stdout)
	assert.Contains(t, errOut, "CARNET-JOURNAL-22")
}

// TestCheckpointsFileThroughTheOneReader: the checkpoints and key registry
// files are read by the one input reader: a BOM and CRLF line ends are accepted (the journal
// removed is then refused by them), an empty file, a lone object or a
// broken element refused as a usage error.
func TestCheckpointsFileThroughTheOneReader(t *testing.T) {
	const name = "rsa-perdu-de-vue-soissons"
	ref := []string{"view", "--role", "referent", "--structure", "22020000000010", "--professionnel", "Marc Dubois", "--date", "2026-06-30"}
	var real carnet.Carnet
	b, err := os.ReadFile(carnetExample(name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &real))
	pretty, err := json.MarshalIndent(carnet.TakeCheckpoints(&real), "", "  ")
	require.NoError(t, err)
	file := func(content string) string {
		p := filepath.Join(t.TempDir(), "points.json")
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	noJournal := writeCarnet(t, name, func(k *carnet.Carnet) { k.Journal = nil })
	bomCRLF := file("\xEF\xBB\xBF" + strings.ReplaceAll(string(pretty), "\n", "\r\n") + "\r\n")
	code, _, errOut := runCLI(t, "", append(ref, "--points-de-controle", bomCRLF, noJournal)...)
	assert.Equal(t, exitInvalid, code, errOut)
	assert.Contains(t, errOut, "CARNET-JOURNAL-22")

	// The key registry likewise: with a BOM and CRLF, alerts verifies the
	// signatures (no "journal non signé" warning).
	reg, err := os.ReadFile(filepath.Join("..", "..", "examples", "carnet", "cles", "registre-cles-de-test.json"))
	require.NoError(t, err)
	regBOM := file("\xEF\xBB\xBF" + strings.ReplaceAll(string(reg), "\n", "\r\n"))
	code, out, errOut := runCLI(t, "", "alerts", "--date", "2026-06-30", "--cles", regBOM, carnetExample("cej-jeune-laon"))
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "verification_journal")
	code, _, errOut = runCLI(t, "", "alerts", "--date", "2026-06-30", "--cles", file(""), carnetExample("cej-jeune-laon"))
	assert.Equal(t, exitUsage, code, errOut)

	one, err := json.Marshal(carnet.TakeCheckpoints(&real)[0])
	require.NoError(t, err)
	for what, content := range map[string]string{"vide": " \n", "objet seul": string(one), "élément cassé": "[" + string(one) + ", {oops}]"} {
		code, out, errOut := runCLI(t, "", append(ref, "--points-de-controle", file(content), carnetExample(name))...)
		assert.Equal(t, exitUsage, code, "%s : %s", what, errOut)
		assert.Empty(t, out, what)
	}
}
