package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateLineOverLimit: an NDJSON line over the document size limit
// is reported with INPUT-SIZE-01 and the stream goes on; hostile lines
// (repeated key, deep nesting, NaN) are reported each with their fault.
func TestValidateLineOverLimit(t *testing.T) {
	raw, err := os.ReadFile("../../examples/diagnostic/jeune-laon.json")
	require.NoError(t, err)
	var doc bytes.Buffer
	require.NoError(t, json.Compact(&doc, raw))
	lines := []string{
		doc.String(),
		`{"id":"` + strings.Repeat("x", 9<<20) + `"}`,
		`{"id":"a","id":"b"}`,
		strings.Repeat("[", 1000) + strings.Repeat("]", 1000),
		`{"x":NaN}`,
		doc.String(),
	}
	code, out, _ := runCLI(t, strings.Join(lines, "\n")+"\n", "validate", "--kind", "diagnostic", "--format", "json", "-")
	assert.Equal(t, exitInvalid, code)
	var got []validation
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v validation
		require.NoError(t, dec.Decode(&v))
		got = append(got, v)
	}
	require.Len(t, got, len(lines))
	codes := func(v validation) []string {
		var c []string
		for _, f := range v.Faults {
			c = append(c, f.Code)
		}
		return c
	}
	assert.True(t, got[0].Valid, "%v", got[0].Faults)
	assert.Equal(t, []string{"INPUT-SIZE-01"}, codes(got[1]))
	assert.Equal(t, []string{"INPUT-DUPLICATE-01"}, codes(got[2]))
	assert.Equal(t, []string{"INPUT-DEPTH-01"}, codes(got[3]))
	assert.Equal(t, []string{"INPUT-JSON-01"}, codes(got[4]))
	assert.True(t, got[5].Valid, "%v", got[5].Faults)
}
