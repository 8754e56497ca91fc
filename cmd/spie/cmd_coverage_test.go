package main

import "testing"

func TestCoverageVerb(t *testing.T) {
	diags, cat := exNetwork+"diagnostics-aisne-2026.ndjson", exNetwork+"catalogue-aisne.ndjson"
	runVerbCases(t, "coverage", []verbCase{
		{"epci json", []string{"coverage", "--diagnostics", diags, "--catalogue", cat, "--level", "epci"}, "", exitOK, "aisne-epci.json"},
		{"departement text", []string{"coverage", "--diagnostics", diags, "--catalogue", cat, "--level", "departement", "--format", "text"}, "", exitOK, "aisne-departement.txt"},
		{"commune, high ratio threshold", []string{"coverage", "--diagnostics", diags, "--catalogue", cat, "--ratio", "0.5", "--format", "text"}, "", exitOK, "aisne-commune-ratio.txt"},
		{"stdin with a bad line", []string{"coverage", "--diagnostics", "-", "--catalogue", cat, "--format", "text"}, "{oops\n", exitInvalid, "illisible.txt"},
		// The diagnostics on the line: what --diagnostics gives.
		{"diagnostics on the line", []string{"coverage", diags, "--catalogue", cat, "--level", "epci"}, "", exitOK, "aisne-epci.json"},
		{"stdin on the line", []string{"coverage", "--catalogue", cat, "--format", "text", "-"}, "{oops\n", exitInvalid, "illisible.txt"},
		{"no diagnostics", []string{"coverage", "--catalogue", cat}, "", exitUsage, ""},
		{"unknown level", []string{"coverage", "--diagnostics", diags, "--catalogue", cat, "--level", "region"}, "", exitUsage, ""},
		{"missing catalogue", []string{"coverage", "--diagnostics", diags}, "", exitUsage, ""},
	})
}
