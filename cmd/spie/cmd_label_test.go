package main

import "testing"

func TestLabelVerb(t *testing.T) {
	badCharter, strict := "testdata/label/input-charte-invalide.json", "testdata/label/input-charte-stricte.json"
	runVerbCases(t, "label", []verbCase{
		{"labellisee json", []string{"label", "--date", "2024-03-15", exNetwork + "label-melun-labellisee.json"}, "", exitOK, "labellisee.json"},
		{"three as text", []string{"label", "--date", "2024-03-15", "--format", "text", exNetwork + "label-melun-labellisee.json", exNetwork + "label-meaux-a-completer.json", exNetwork + "label-refusee.json"}, "", exitInvalid, "trois.txt"},
		{"indicators", []string{"label", "--date", "2024-03-15", "--format", "indicateurs", exNetwork + "label-melun-labellisee.json", exNetwork + "label-meaux-a-completer.json", exNetwork + "label-refusee.json", exNetwork + "label-melun-reevaluation-suspendue.json"}, "", exitInvalid, "indicateurs.json"},
		{"suspended", []string{"label", "--date", "2024-03-15", "--format", "text", exNetwork + "label-melun-reevaluation-suspendue.json"}, "", exitInvalid, "suspendue.txt"},
		{"own charter", []string{"label", "--date", "2024-03-15", "--charte", strict, "--format", "text", exNetwork + "label-melun-labellisee.json"}, "", exitInvalid, "charte-stricte.txt"},
		{"invalid charter", []string{"label", "--charte", badCharter, exNetwork + "label-melun-labellisee.json"}, "", exitInvalid, "charte-invalide.txt"},
		{"no file", []string{"label"}, "", exitUsage, ""},
		{"bad date", []string{"label", "--date", "2024-02-30", exNetwork + "label-melun-labellisee.json"}, "", exitUsage, ""},
		{"unknown field", []string{"label", exNetwork + "cto-laon-2023.json"}, "", exitInvalid, ""},
	})
}
