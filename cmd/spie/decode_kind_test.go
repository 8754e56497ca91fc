package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decimalIntegers writes the JSON file src twice into dir: as is (compact,
// keys sorted) and with every integer written with a fraction (35 as 35.0,
// 0 as -0.0), which JSON Schema 2020-12 counts as the same integer. The
// journal's "avant" and "apres" (free values kept byte for byte and hashed)
// are left as written.
func decimalIntegers(t *testing.T, dir, src string) (plain, decimal string) {
	t.Helper()
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	var root any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&root))
	n := 0
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if k != "avant" && k != "apres" {
					x[k] = walk(e)
				}
			}
		case []any:
			for i, e := range x {
				x[i] = walk(e)
			}
		case json.Number:
			if strings.ContainsAny(string(x), ".eE") {
				return x
			}
			n++
			if x == "0" {
				return json.Number("-0.0")
			}
			return json.Number(string(x) + ".0")
		}
		return v
	}
	base := filepath.Base(src)
	plain = filepath.Join(dir, "plain-"+base)
	p, err := json.Marshal(root)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(plain, p, 0o644))
	decimal = filepath.Join(dir, "decimal-"+base)
	d, err := json.Marshal(walk(root))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(decimal, d, 0o644))
	require.Positive(t, n, "aucun entier dans %s", src)
	return plain, decimal
}

// TestVerbsReadIntegersWrittenAsDecimals: each verb that reads a document
// of a kind prints the same thing whether its integers are written 35 or
// 35.0.
func TestVerbsReadIntegersWrittenAsDecimals(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		file string
		args func(f string) []string
	}{
		{"orient", exDiag + "jeune-laon.json", func(f string) []string { return []string{"orient", f} }},
		{"alerts", carnetExample("cej-jeune-laon"), func(f string) []string { return []string{"alerts", "--date", "2026-06-30", f} }},
		{"committee", exNetwork + "cto-laon-2023.json", func(f string) []string {
			return []string{"committee", "--calendar", f, "--requests", exNetwork + "cto-laon-2023-demandes.json", "--date", "2023-02-07"}
		}},
		{"cohort", exNetwork + "cohorte-laon-18-30.json", func(f string) []string {
			return []string{"cohort", "--definition", f, "--date", "2026-06-30", exNetwork + "diagnostics-aisne-2026.ndjson"}
		}},
		{"label", exNetwork + "label-melun-labellisee.json", func(f string) []string { return []string{"label", "--date", "2024-03-15", f} }},
		{"label charter", "../../spie/label/charte-defaut.json", func(f string) []string {
			return []string{"label", "--date", "2024-03-15", "--charte", f, exNetwork + "label-melun-labellisee.json"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, decimal := decimalIntegers(t, dir, tc.file)
			wantCode, wantOut, wantErr := runCLI(t, "", tc.args(plain)...)
			require.NotContains(t, wantErr+wantOut, "illisible")
			require.NotEmpty(t, wantOut)
			gotCode, gotOut, gotErr := runCLI(t, "", tc.args(decimal)...)
			assert.Equal(t, wantCode, gotCode, gotErr)
			assert.Equal(t, strings.ReplaceAll(wantOut, "plain-", ""), strings.ReplaceAll(gotOut, "decimal-", ""))
			assert.Equal(t, strings.ReplaceAll(wantErr, "plain-", ""), strings.ReplaceAll(gotErr, "decimal-", ""))
		})
	}
}
