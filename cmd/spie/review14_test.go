package main

// Review of issue 14 (interop, CLI) and issue 16 item 5 (the CLI contract),
// done as a new user with the README only. TestReview14Hole… tests are
// findings: they fail until the code is fixed. TestReview14Held… tests are
// attacks that held and must keep holding. Every expected value comes from
// the README or the law it cites, worked by hand in the comments.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	r14Diag    = "../../examples/diagnostic/jeune-laon.json"
	r14PMSMP   = "../../examples/convention-pmsmp/mineur-boulangerie-laon.json"
	r14Carnet  = "../../examples/carnet/cej-jeune-laon.json"
	r14Catalog = "../../examples/network/catalogue-aisne.ndjson"
)

// r14English matches text of Go's JSON, bufio and strconv libraries that the
// README says never reaches a user.
var r14English = regexp.MustCompile(`json: |(?i:invalid character|cannot unmarshal|unknown field|\bunexpected EOF\b|: EOF\b|bufio|strconv|looking for beginning|goroutine|panic)`)

func r14Write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o600))
	return p
}

func r14Read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// r14Lines decodes NDJSON output into one map per line.
func r14Lines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var res []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), "ligne %q", l)
		res = append(res, m)
	}
	return res
}

func r14FaultCodes(line map[string]any) []string {
	var codes []string
	fs, _ := line["faults"].([]any)
	for _, f := range fs {
		if m, ok := f.(map[string]any); ok {
			codes = append(codes, m["code"].(string))
		}
	}
	return codes
}

// ---------------------------------------------------------------- holes

// TestReview14HoleOrientRulesEnglish: `spie orient --rules F` with a broken
// or mistyped rules file prints Go's JSON library text to the user
// (« unexpected EOF », « EOF », « json: cannot unmarshal number into Go
// struct field OrientationRules.version of type string », « json: unknown
// field "regles" »). README: no English text of the JSON library reaches the
// user. Every other file option tried (cohort --definition, prescription
// --delais, alerts --cles, --points-de-controle, match --catalogue) answers
// in French.
func TestReview14HoleOrientRulesEnglish(t *testing.T) {
	for name, rules := range map[string]string{
		"truncated":     `{"version":`,
		"empty-array":   `[]`,
		"wrong-type":    `{"version":1}`,
		"unknown-field": `{"version":"1.0","regles":"x"}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := r14Write(t, "regles.json", []byte(rules))
			code, out, errOut := runCLI(t, "", "orient", "--rules", f, r14Diag)
			assert.Equal(t, exitUsage, code)
			assert.NotRegexp(t, r14English, out+errOut)
		})
	}
}

// TestReview14HoleInvalidUTF8AcceptedByVerbs: a diagnostic whose personne.id
// holds the bytes FF FE is refused by `spie validate` (INPUT-UTF8-01, exit 1)
// but `orient`, `iae`, `match` and `export-ft` take it with exit 0 and no
// fault. README: every verb reads through the one reader, and exit 1 means at
// least one document read is invalid; the same input cannot be valid for one
// verb and invalid for another.
func TestReview14HoleInvalidUTF8AcceptedByVerbs(t *testing.T) {
	doc := bytes.Replace(r14Read(t, r14Diag), []byte(`"p-7f3a9c"`), []byte("\"p-\xff\xfe\""), 1)
	f := r14Write(t, "diag-utf8.json", doc)
	code, out, _ := runCLI(t, "", "validate", "--kind", "diagnostic", "--format", "json", f)
	require.Equal(t, exitInvalid, code, "validate is the reference here")
	require.Contains(t, out, "INPUT-UTF8-01")
	for _, args := range [][]string{
		{"orient", f},
		{"iae", f},
		{"match", "--catalogue", r14Catalog, "--format", "json", f},
		{"export-ft", "--format", "json", f},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, out, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitInvalid, code, errOut)
			assert.Contains(t, out+errOut, "INPUT-UTF8-01")
		})
	}
}

// TestReview14HoleImportFTInvalidUTF8Altered: a France Travail dossier whose
// conseiller is "MLUN\xff\xfe42" imports with exit 0, no fault, and the
// diagnostic holds "MLUN\uFFFD\uFFFD42": the received bytes are replaced
// silently. README: import-ft is « sans perte », values kept « tels que
// reçus » ; `validate` refuses the same bytes (INPUT-UTF8-01).
func TestReview14HoleImportFTInvalidUTF8Altered(t *testing.T) {
	raw := r14Read(t, exDSP)
	require.Contains(t, string(raw), "MLUN0042")
	f := r14Write(t, "dsp-utf8.json", bytes.Replace(raw, []byte("MLUN0042"), []byte("MLUN\xff\xfe42"), 1))
	code, out, errOut := runCLI(t, "", "import-ft", f)
	if strings.Contains(out, "\uFFFD") {
		assert.Contains(t, errOut, "INPUT-UTF8-01", "value altered without a fault")
	}
	assert.Equal(t, exitInvalid, code, "invalid UTF-8 must make the document invalid, as in validate")
}

// r14FillCaller gives an imported diagnostic the fields only the structure
// knows (DSP-IMPORT-01 names them): id, person, commune, SIRET, situation.
func r14FillCaller(t *testing.T, diag string) []byte {
	t.Helper()
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(diag), &d))
	d["id"] = "diag-77-r14"
	p, _ := d["personne"].(map[string]any)
	if p == nil {
		p = map[string]any{}
		d["personne"] = p
	}
	p["id"] = "p-r14"
	p["date_naissance"] = "1990-01-01"
	p["code_commune"] = "77288"
	d["siret_structure"] = "13000548100010" // 14 digits, Luhn-valid (France Travail)
	sp, _ := d["situation_professionnelle"].(map[string]any)
	require.NotNil(t, sp)
	sp["situation_emploi"] = "recherche-emploi"
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return b
}

// TestReview14HoleImportFTFutureDate: a dossier whose dateDeModification is
// 2099-02-01 imports with exit 0 into a diagnostic dated 2099-02-01, with no
// fault about the date; `spie validate` then refuses that diagnostic
// (DIAG-DATE-01 « date dans le futur »). README / issue 14 item 1: the import
// output is a valid diagnostic apart from the fields only the structure can
// give, each named by DSP-IMPORT-01.
func TestReview14HoleImportFTFutureDate(t *testing.T) {
	var dsp map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, exDSP), &dsp))
	dsp["contraintesIndividusDto"].(map[string]any)["dateDeModification"] = "2099-02-01T10:00:00.000+00:00"
	b, _ := json.Marshal(dsp)
	f := r14Write(t, "dsp-2099.json", b)

	code, diag, errOut := runCLI(t, "", "import-ft", f)
	require.NotEmpty(t, diag, errOut)
	filled := r14Write(t, "diag.json", r14FillCaller(t, diag))
	vcode, vout, _ := runCLI(t, "", "validate", "--kind", "diagnostic", "--format", "json", filled)
	if vcode != exitOK {
		// Whatever validate refuses beyond the caller's fields must have
		// been said by import-ft, and the import must not exit 0.
		assert.NotEqual(t, exitOK, code, "import-ft exit 0 on an output validate refuses: %s", vout)
		assert.Contains(t, errOut, "/date ", "no fault from import-ft on the date validate refuses: %s", vout)
	}
}

// TestReview14HoleDSPRoundTripInventsDate: a dossier whose dateDeModification
// is "2025-02-30T10:00:00.000+00:00" (30 February: no such day) is imported
// with DSP-DATE-01 « ignorée », and `export-ft` then writes
// dateDeModification "2026-04-03T00:00:00.000+00:00": a date and a midnight
// time France Travail never sent, with no DSP-EXPORT- fault. README: export
// « n'invente aucune valeur », and what has no value is signalled
// (DSP-EXPORT-…); values socle does not understand are given back « à
// l'identique ».
func TestReview14HoleDSPRoundTripInventsDate(t *testing.T) {
	const bad = "2025-02-30T10:00:00.000+00:00"
	var dsp map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, exDSP), &dsp))
	dsp["contraintesIndividusDto"].(map[string]any)["dateDeModification"] = bad
	b, _ := json.Marshal(dsp)
	f := r14Write(t, "dsp-3002.json", b)

	_, diag, _ := runCLI(t, "", "import-ft", f)
	require.NotEmpty(t, diag)
	filled := r14Write(t, "diag.json", r14FillCaller(t, diag))
	code, out, errOut := runCLI(t, "", "export-ft", filled)
	require.Equal(t, exitOK, code, errOut)
	var back map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &back))
	got := back["contraintesIndividusDto"].(map[string]any)["dateDeModification"]
	if got != bad {
		assert.Nil(t, got, "export-ft wrote a dateDeModification France Travail never sent")
		assert.Contains(t, errOut, "DSP-EXPORT-", "value dropped without a DSP-EXPORT- fault")
	}
}

// TestReview14HolePMSMPBirthAfterStartMessage: a convention whose person is
// born (2030-01-01) after the start of the period (2027-01-04) gets
// PMSMP-DATES-01 at /date_naissance with the message « dates invalides : la
// fin doit suivre le début » — the code of another fact (end before start)
// and a sentence that says nothing about the birth date. House rule: a code
// is never used for another fact; the person reads a wrong explanation.
func TestReview14HolePMSMPBirthAfterStartMessage(t *testing.T) {
	var c map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, r14PMSMP), &c))
	c["date_debut"], c["date_fin"] = "2027-01-04", "2027-01-08"
	c["horaires"] = []any{map[string]any{"date": "2027-01-04", "plages": []any{map[string]any{"debut": "09:00", "fin": "12:00"}}}}
	c["date_naissance"] = "2030-01-01"
	b, _ := json.Marshal(c)
	f := r14Write(t, "pmsmp.json", b)
	code, out, _ := runCLI(t, "", "pmsmp", "--format", "json", f)
	assert.Equal(t, exitInvalid, code)
	lines := r14Lines(t, out)
	require.Len(t, lines, 1)
	found := false
	for _, fa := range lines[0]["faults"].([]any) {
		m := fa.(map[string]any)
		if m["path"] != "/date_naissance" {
			continue
		}
		found = true
		assert.NotEqual(t, "PMSMP-DATES-01", m["code"], "end-before-start code reused for a birth date")
		assert.Contains(t, m["message"], "naissance", "the message must speak of the birth date")
	}
	assert.True(t, found, "a birth date after the start must be refused at /date_naissance")
}

// ---------------------------------------------------------------- held

// TestReview14HeldExitCodes: README's one exit-code table for every verb
// that reads documents: empty, blanks only, a BOM only → 2 (« entrée vide »);
// a file that does not exist → 2; a BOM then broken JSON → 1.
func TestReview14HeldExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(n string, b []byte) string {
		p := filepath.Join(dir, n)
		require.NoError(t, os.WriteFile(p, b, 0o600))
		return p
	}
	empty := write("empty.json", nil)
	blank := write("blank.json", []byte(" \r\n\t\n"))
	bom := write("bom.json", []byte("\xef\xbb\xbf"))
	bomBroken := write("bomBroken.json", []byte("\xef\xbb\xbf{\"x\":"))
	missing := filepath.Join(dir, "absent.json")
	verbs := [][]string{
		{"validate", "--kind", "diagnostic"}, {"orient"}, {"iae"}, {"pmsmp"},
		{"match", "--catalogue", r14Catalog}, {"prescription", "relancer"},
		{"import-ft"}, {"export-ft"}, {"alerts", "--date", "2026-01-01"},
		{"view", "--role", "referent", "--structure", "13000548100010", "--professionnel", "X"},
		{"convert-v0"}, {"normalize", "--kind", "service"}, {"agreement"},
		{"indicators", "--date", "2026-01-01"}, {"coverage", "--catalogue", r14Catalog},
		{"label"}, {"committee"},
	}
	for _, v := range verbs {
		for _, c := range []struct {
			file string
			want int
		}{{empty, exitUsage}, {blank, exitUsage}, {bom, exitUsage}, {missing, exitUsage}, {bomBroken, exitInvalid}} {
			args := append(append([]string{}, v...), c.file)
			code, _, errOut := runCLI(t, "", args...)
			assert.Equal(t, c.want, code, "%v: %s", args, errOut)
			assert.NotRegexp(t, r14English, errOut, "%v", args)
		}
	}
}

// TestReview14HeldHostileValues: huge numbers, a NaN literal, 100 000 nested
// brackets, a date 2025-02-30 and a 2099 date: every verb answers exit 1 with
// French faults, no panic and no library English.
func TestReview14HeldHostileValues(t *testing.T) {
	base := string(r14Read(t, r14Diag))
	require.Contains(t, base, `"rayon_mobilite_km": 15`)
	require.Contains(t, base, `"date": "2026-03-12"`)
	inputs := map[string]string{
		"1e400":      strings.Replace(base, `"rayon_mobilite_km": 15`, `"rayon_mobilite_km": 1e400`, 1),
		"bigint":     strings.Replace(base, `"rayon_mobilite_km": 15`, `"rayon_mobilite_km": 99999999999999999999999999`, 1),
		"NaN":        strings.Replace(base, `"rayon_mobilite_km": 15`, `"rayon_mobilite_km": NaN`, 1),
		"deep":       strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"2025-02-30": strings.Replace(base, `"date": "2026-03-12"`, `"date": "2025-02-30"`, 1),
		"2099":       strings.Replace(base, `"date": "2026-03-12"`, `"date": "2099-03-12"`, 1),
		"dupkey":     strings.Replace(base, `"date": "2026-03-12"`, `"date": "2026-03-12", "date": "2099-03-12"`, 1),
	}
	for name, in := range inputs {
		f := r14Write(t, "in.json", []byte(in))
		for _, args := range [][]string{
			{"validate", "--kind", "diagnostic", "--format", "json", f},
			{"orient", f}, {"iae", f}, {"export-ft", "--format", "json", f},
		} {
			code, out, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitInvalid, code, "%s %s: %s", name, args[0], errOut)
			assert.NotRegexp(t, r14English, out+errOut, "%s %s", name, args[0])
		}
	}
}

// TestReview14HeldStreams: a broken first NDJSON line is one fault and the
// two lines after it are still read and valid (README); CRLF and BOM are
// accepted; junk after a closing bracket is signalled (INPUT-JSON-02).
func TestReview14HeldStreams(t *testing.T) {
	doc, err := compactJSON(r14Read(t, r14Diag))
	require.NoError(t, err)
	code, out, _ := runCLI(t, "{\"x\":\n"+doc+"\r\n"+doc+"\r\n", "validate", "--kind", "diagnostic", "--format", "json", "-")
	assert.Equal(t, exitInvalid, code)
	lines := r14Lines(t, out)
	require.Len(t, lines, 3)
	assert.Equal(t, "-#1", lines[0]["document"])
	assert.Equal(t, []string{"INPUT-JSON-01"}, r14FaultCodes(lines[0]))
	assert.Equal(t, true, lines[1]["valid"])
	assert.Equal(t, "-#3", lines[2]["document"])
	assert.Equal(t, true, lines[2]["valid"])

	code, out, _ = runCLI(t, "\xef\xbb\xbf"+doc, "orient", "-")
	assert.Equal(t, exitOK, code)
	assert.Len(t, r14Lines(t, out), 1)

	code, out, _ = runCLI(t, "["+doc+"] junk", "iae", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "INPUT-JSON-02")
	assert.NotRegexp(t, r14English, out)
}

func compactJSON(b []byte) (string, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// TestReview14HeldDSPRoundTrip: the README's promise on the example dossier:
// import-ft, the caller's fields filled, export-ft gives back every value of
// the dossier unchanged (compared leaf by leaf with the input file).
func TestReview14HeldDSPRoundTrip(t *testing.T) {
	code, diag, errOut := runCLI(t, "", "import-ft", exDSP)
	require.Equal(t, exitOK, code, errOut)
	filled := r14Write(t, "diag.json", r14FillCaller(t, diag))
	code, out, errOut := runCLI(t, "", "export-ft", filled)
	require.Equal(t, exitOK, code, errOut)
	var in, back any
	require.NoError(t, json.Unmarshal(r14Read(t, exDSP), &in))
	require.NoError(t, json.Unmarshal([]byte(out), &back))
	assert.Equal(t, in, back)
}

// TestReview14HeldPMSMPOneMonth: « un mois de date à date » (C. trav.
// D5135-3, CPC art. 641), the README's cases worked by hand: 1–31 January
// (last day = eve of 1 February) accepted, 1 January–1 February refused;
// 31 January + 1 month = 28 February (no 31st), eve = 27 February: 31 Jan –
// 27 Feb accepted, 31 Jan – 28 Feb refused (PMSMP-DUREE-01).
func TestReview14HeldPMSMPOneMonth(t *testing.T) {
	var base map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, r14PMSMP), &base))
	for _, c := range []struct {
		start, end string
		ok         bool
	}{
		{"2027-01-01", "2027-01-31", true},
		{"2027-01-01", "2027-02-01", false},
		{"2027-01-31", "2027-02-27", true},
		{"2027-01-31", "2027-02-28", false},
	} {
		base["date_debut"], base["date_fin"] = c.start, c.end
		base["horaires"] = []any{map[string]any{"date": c.start, "plages": []any{map[string]any{"debut": "09:00", "fin": "12:00"}}}}
		b, _ := json.Marshal(base)
		f := r14Write(t, "p.json", b)
		code, out, _ := runCLI(t, "", "pmsmp", "--format", "json", f)
		if c.ok {
			assert.Equal(t, exitOK, code, "%s–%s: %s", c.start, c.end, out)
		} else {
			assert.Equal(t, exitInvalid, code, "%s–%s", c.start, c.end)
			assert.Contains(t, out, "PMSMP-DUREE-01")
		}
	}
}

// TestReview14HeldIAEPrescriberBoundary: README « Éligibilité IAE »: a
// prescripteur habilité needs no criterion; validity 6 months, expire_le the
// first expired day. Diagnostic of 2026-03-12 + 6 months = 2026-09-12 (by
// hand): eligible on 2026-09-11, not on 2026-09-12. Flags after the file and
// `--flag=value` are accepted.
func TestReview14HeldIAEPrescriberBoundary(t *testing.T) {
	for _, c := range []struct {
		day  string
		want bool
	}{{"2026-09-11", true}, {"2026-09-12", false}} {
		code, out, errOut := runCLI(t, "", "iae", r14Diag, "--auteur", "prescripteur-habilite", "--date="+c.day, "--structure", "ACI")
		require.Equal(t, exitOK, code, errOut)
		lines := r14Lines(t, out)
		require.Len(t, lines, 1)
		el := lines[0]["eligibilite"].([]any)
		require.Len(t, el, 1)
		e := el[0].(map[string]any)
		assert.Equal(t, c.want, e["eligible"], c.day)
		assert.Equal(t, "2026-09-12", e["expire_le"])
	}
}

// TestReview14HoleOrientTextHidesDecidingRule: `spie orient --format text`
// on examples/diagnostic/jeune-laon.json says « Parcours :
// Parcours socio-professionnel » and « Décision prise par : France Travail »,
// but no sentence names the rules that decided them (the JSON says
// regle_parcours "global-sinon" « Dans les autres cas », regle_decideur
// "france-travail-oriente" « France Travail oriente les autres personnes »):
// every criterion line « écarte » another rule. Issue 14 item 4: explanations
// « name the rule that decided »; README: « seule la règle qui décide
// "conduit à" ». The labels are read from `spie rules`, the published rules.
func TestReview14HoleOrientTextHidesDecidingRule(t *testing.T) {
	code, rulesOut, _ := runCLI(t, "", "rules")
	require.Equal(t, exitOK, code)
	var rules map[string]any
	require.NoError(t, json.Unmarshal([]byte(rulesOut), &rules))
	labels := map[string]string{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["id"].(string); ok {
				if l, ok := x["libelle"].(string); ok {
					labels[id] = l
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(rules)

	code, out, _ := runCLI(t, "", "orient", r14Diag)
	require.Equal(t, exitOK, code)
	lines := r14Lines(t, out)
	require.Len(t, lines, 1)
	dec := lines[0]["decision"].(map[string]any)
	_, text, _ := runCLI(t, "", "orient", "--format", "text", r14Diag)
	for _, k := range []string{"regle_parcours", "regle_organisation", "regle_decideur"} {
		id, _ := dec[k].(string)
		require.NotEmpty(t, id, k)
		label := labels[id]
		require.NotEmpty(t, label, "rule %s not in spie rules", id)
		assert.Contains(t, text, label, "%s (%s) decided, the text never names it", k, id)
	}
}

// TestReview14HeldDSPProjects: issue 14 item 1 on a dossier built to the
// peer's shape: a third project ABANDONNE holding BESOIN for « Confirmer son
// choix de métier » (code 4) while the EN_COURS project says POINT_FORT, and a
// date-only dateMiseAJour. README: socle's besoins are those of EN_COURS
// projects, so confirmer-choix-de-metier stays POINT_FORT; the round trip gives
// the dossier back unchanged. Editing a besoin in socle that the France Travail
// projects contradict is warned (DSP-EXPORT-07), not silently dropped.
func TestReview14HeldDSPProjects(t *testing.T) {
	var dsp map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, exDSP), &dsp))
	projects := dsp["besoinsParDiagnosticIndividuDtos"].([]any)
	require.Len(t, projects, 2)
	p0, _ := json.Marshal(projects[0])
	var ab map[string]any
	require.NoError(t, json.Unmarshal(p0, &ab))
	ab["idMetierChiffre"], ab["statut"], ab["estPrioritaire"] = "metier-77-0003", "ABANDONNE", false
	ab["besoins"] = []any{map[string]any{"code": "4", "libelle": "Confirmer son choix de métier", "valeur": "BESOIN"}}
	projects[1].(map[string]any)["dateMiseAJour"] = "2026-04-02"
	dsp["besoinsParDiagnosticIndividuDtos"] = append(projects, ab)
	in, _ := json.Marshal(dsp)
	f := r14Write(t, "dsp3.json", in)

	code, diag, errOut := runCLI(t, "", "import-ft", f)
	require.Equal(t, exitOK, code, errOut)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(diag), &d))
	besoins := d["situation_professionnelle"].(map[string]any)["besoins"].(map[string]any)
	assert.Equal(t, "POINT_FORT", besoins["confirmer-choix-de-metier"])

	filled := r14FillCaller(t, diag)
	code, out, errOut := runCLI(t, "", "export-ft", r14Write(t, "d.json", filled))
	require.Equal(t, exitOK, code, errOut)
	var want, got any
	require.NoError(t, json.Unmarshal(in, &want))
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, want, got)

	var edited map[string]any
	require.NoError(t, json.Unmarshal(filled, &edited))
	edited["situation_professionnelle"].(map[string]any)["besoins"].(map[string]any)["realiser-cv-lettre-motivation"] = "BESOIN"
	b, _ := json.Marshal(edited)
	_, _, errOut = runCLI(t, "", "export-ft", r14Write(t, "e.json", b))
	assert.Contains(t, errOut, "DSP-EXPORT-07")
}

// TestReview14HoleViewWrongPersonNotRefused: `spie view --role usager
// --personne p-autre` on examples/carnet/cej-jeune-laon.json (whose person is
// p-laon-0427) exits 0 with no fault, and the view written for this stranger
// carries the carnet id and the person's identifier p-laon-0427. The same
// caller is refused by `spie export` (CARNET-DROITS-08 « le rôle usager exige
// l'identifiant de la personne authentifiée, qui doit être celle du carnet »,
// exit 1). Issue 16 item 1: the usager role requires the declared person to
// equal the carnet's person; README: `--role usager --personne ID` « pour la
// personne ».
func TestReview14HoleViewWrongPersonNotRefused(t *testing.T) {
	code, out, errOut := runCLI(t, "", "export", "--role", "usager", "--personne", "p-autre", r14Carnet)
	require.Equal(t, exitInvalid, code, errOut)
	require.Contains(t, out, "CARNET-DROITS-08", "export is the reference here")

	code, out, errOut = runCLI(t, "", "view", "--role", "usager", "--personne", "p-autre", "--format", "json", r14Carnet)
	assert.Equal(t, exitInvalid, code, errOut)
	assert.Contains(t, out, "CARNET-DROITS-08")
	assert.NotContains(t, out, "p-laon-0427", "the stranger learns the person's identifier")
}

// TestReview14HeldIAECriteriaBoundaries: criteria of the arrêté du 1er
// septembre 2021 (annexe), worked by hand for a diagnostic of 2026-03-12:
// DELD from 12 months of registration, DETLD from 24 (then DELD is not also
// given: the pair is exclusive); « jeune » is under 26 (born 2000-03-13 → 25,
// born 2000-03-12 → 26, not jeune); « senior » is 50 or more (born 1976-03-12
// → 50, born 1976-03-13 → 49).
func TestReview14HeldIAECriteriaBoundaries(t *testing.T) {
	var base map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, r14Diag), &base))
	run := func(mut func(d map[string]any)) []any {
		b, _ := json.Marshal(base)
		var d map[string]any
		require.NoError(t, json.Unmarshal(b, &d))
		mut(d)
		b, _ = json.Marshal(d)
		code, out, errOut := runCLI(t, "", "iae", "--date", "2026-03-13", "--structure", "ACI", r14Write(t, "d.json", b))
		require.Equal(t, exitOK, code, errOut)
		lines := r14Lines(t, out)
		require.Len(t, lines, 1)
		return lines[0]["criteres"].([]any)
	}
	for _, c := range []struct {
		mois     float64
		has, not []string
	}{
		{11, nil, []string{"deld", "detld"}},
		{12, []string{"deld"}, []string{"detld"}},
		{23, []string{"deld"}, []string{"detld"}},
		{24, []string{"detld"}, []string{"deld"}},
	} {
		got := run(func(d map[string]any) {
			d["criteres_publics"].(map[string]any)["mois_inscription_demandeur_emploi"] = c.mois
		})
		for _, h := range c.has {
			assert.Contains(t, got, h, "%v mois", c.mois)
		}
		for _, n := range c.not {
			assert.NotContains(t, got, n, "%v mois", c.mois)
		}
	}
	for _, c := range []struct {
		born   string
		crit   string
		expect bool
	}{
		{"2000-03-13", "jeune", true}, {"2000-03-12", "jeune", false},
		{"1976-03-12", "senior", true}, {"1976-03-13", "senior", false},
	} {
		got := run(func(d map[string]any) { d["personne"].(map[string]any)["date_naissance"] = c.born })
		if c.expect {
			assert.Contains(t, got, c.crit, c.born)
		} else {
			assert.NotContains(t, got, c.crit, c.born)
		}
	}
}

// r14Tamper writes the example carnet with one content field changed and its
// journal left as is, so that the content no longer matches the journal
// (view, export and alerts all say CARNET-JOURNAL-10 on it).
func r14Tamper(t *testing.T, mut func(c map[string]any)) string {
	t.Helper()
	var c map[string]any
	require.NoError(t, json.Unmarshal(r14Read(t, r14Carnet), &c))
	mut(c)
	b, _ := json.Marshal(c)
	f := r14Write(t, "carnet.json", b)
	_, out, _ := runCLI(t, "", "export", "--role", "usager", "--personne", "p-laon-0427", "--format", "json", f)
	require.Contains(t, out, "CARNET-JOURNAL-10", "export is the reference here")
	return f
}

// TestReview14HolePurgeTamperedCarnetNotFlagged: the example carnet with
// personne.code_commune changed from 02408 to 02691 outside the journal:
// `spie view`, `spie export` and `spie alerts` say CARNET-JOURNAL-10 « le
// contenu du carnet ne correspond pas à son journal »; `spie purge` answers
// « conserve » jusqu'au 2028-09-30, faults [], exit 0. Issue 16 item 1:
// Export and Purge still run on such a carnet « and flag it ».
func TestReview14HolePurgeTamperedCarnetNotFlagged(t *testing.T) {
	f := r14Tamper(t, func(c map[string]any) { c["personne"].(map[string]any)["code_commune"] = "02691" })
	code, out, errOut := runCLI(t, "", "purge", "--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre", "--format", "json", f)
	assert.Contains(t, out, "CARNET-JOURNAL-10")
	assert.Equal(t, exitInvalid, code, errOut)
}

// TestReview14HoleExportRetentionUnsaid: the example carnet with date_entree
// "2025-02-30" (no such day) outside the journal. `spie purge` refuses it
// (CARNET-CONSERVATION-01 « la date de fin de conservation ne peut pas être
// calculée »); `spie export` flags only CARNET-JOURNAL-10 and its text says
// « conservé jusqu'au  ; » — an empty date in a French sentence — in JSON the
// retention is simply missing. README: the right-of-access export says
// « jusqu'à quand il est conservé », and purge says a date that prevents the
// computation is refused: the same fact must reach the person, with its fault.
func TestReview14HoleExportRetentionUnsaid(t *testing.T) {
	f := r14Tamper(t, func(c map[string]any) { c["date_entree"] = "2025-02-30" })
	code, out, _ := runCLI(t, "", "purge", "--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre", "--format", "json", f)
	require.Equal(t, exitInvalid, code)
	require.Contains(t, out, "CARNET-CONSERVATION-01", "purge is the reference here")

	code, out, errOut := runCLI(t, "", "export", "--role", "usager", "--personne", "p-laon-0427", "--format", "text", f)
	assert.Equal(t, exitInvalid, code)
	assert.NotContains(t, out, "jusqu'au  ", "an empty date in the sentence")
	assert.Contains(t, out+errOut, "CARNET-CONSERVATION-01", "text export never says the retention cannot be computed")

	_, out, _ = runCLI(t, "", "export", "--role", "usager", "--personne", "p-laon-0427", "--format", "json", f)
	assert.Contains(t, out, "CARNET-CONSERVATION-01", "JSON export never says the retention cannot be computed")
}

// TestReview14HeldMergeChecks: README `spie merge` « après vérification de
// chaque journal » and « d'une même personne »: a tampered carnet is refused
// (CARNET-JOURNAL-10, exit 1), and two carnets of different persons are
// refused (CARNET-FUSION-01, exit 1).
func TestReview14HeldMergeChecks(t *testing.T) {
	actor := []string{"--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre", "--now", "2026-11-30T10:00:00Z"}
	f := r14Tamper(t, func(c map[string]any) { c["personne"].(map[string]any)["code_commune"] = "02691" })
	code, out, _ := runCLI(t, "", append(append([]string{"merge"}, actor...), r14Carnet, f)...)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "CARNET-JOURNAL-10")
	code, out, _ = runCLI(t, "", append(append([]string{"merge"}, actor...), r14Carnet, "../../examples/carnet/fusion-doublons-marseille.json")...)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "CARNET-FUSION-01")
}
