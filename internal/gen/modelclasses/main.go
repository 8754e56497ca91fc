// Command modelclasses writes offer/classes_gen.go: the classes \d and \w
// of the patterns of data·inclusion's models (CodePostal ^\d{5}$,
// CodeCommune ^\w{5}$… in data_inclusion/schema/common.py) as the models'
// own regex engine reads them. pydantic-core runs those patterns with
// Rust's regex crate (the models set no regex_engine: the default,
// rust-regex), whose Unicode tables are those of its own release (16.0 for
// pydantic-core 2.46), not Go's (unicode.Version) nor Python's
// (unicodedata). No table is copied: the models are run as the oracle
// (oracle.py) over every code point but the surrogates, and the code points
// they accept are written as unicode.RangeTable values.
//
// With -set email it writes offer/email_classes_gen.go instead: the
// classes the models' e-mail rule judges with Python's Unicode tables
// (email.go, oracle_email.py).
//
// Run it through `go generate ./offer` (python3 with pydantic 2 and the
// models in ../shared/reference/data-inclusion-v1/models, beside the
// module); TestGeneratedFileIsCurrent runs the oracle again and compares.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"unicode/utf8"
)

//go:embed oracle.py
var oracleScript string

func main() {
	out := flag.String("out", "classes_gen.go", "output file")
	python := flag.String("python", "python3", "Python with pydantic 2")
	set := flag.String("set", "patterns", "patterns: \\d and \\w of the models' patterns (classes_gen.go); email: the classes of their e-mail rule (email_classes_gen.go)")
	models := flag.String("models", "", "folder of data·inclusion's models (default: ../shared/reference/data-inclusion-v1/models beside the module)")
	flag.Parse()
	if err := run(*set, *out, *python, *models); err != nil {
		fmt.Fprintln(os.Stderr, "modelclasses :", err)
		os.Exit(1)
	}
}

func run(set, out, python, models string) error {
	if set != "patterns" && set != "email" {
		return fmt.Errorf("-set %q inconnu : patterns ou email", set)
	}
	if models == "" {
		gomod, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil || len(bytes.TrimSpace(gomod)) == 0 {
			return errors.New("go.mod introuvable : donnez -models")
		}
		models = filepath.Join(filepath.Dir(string(bytes.TrimSpace(gomod))), "..", "shared", "reference", "data-inclusion-v1", "models")
	}
	// Without the models or Python (a clone without ../shared), go generate
	// ./... keeps the committed tables and says so: they are the models'
	// verdict, and TestGeneratedFileIsCurrent checks them where the models
	// run.
	if _, err := os.Stat(models); err != nil {
		fmt.Fprintf(os.Stderr, "modelclasses : modèles data·inclusion absents (%s) : %s laissé tel quel\n", models, out)
		return nil
	}
	if _, err := exec.LookPath(python); err != nil {
		fmt.Fprintf(os.Stderr, "modelclasses : %s introuvable : %s laissé tel quel\n", python, out)
		return nil
	}
	var src []byte
	switch set {
	case "patterns":
		c, err := Oracle(python, models)
		if err != nil {
			return err
		}
		if src, err = Generate(c); err != nil {
			return err
		}
	case "email":
		c, err := EmailOracle(python, models)
		if err != nil {
			return err
		}
		if src, err = GenerateEmail(c); err != nil {
			return err
		}
	default:
		return fmt.Errorf("-set %q inconnu : patterns ou email", set)
	}
	return os.WriteFile(out, src, 0o644)
}

// Range is a run of code points, Lo to Hi inclusive.
type Range struct{ Lo, Hi rune }

// Classes are \d and \w as the models read them, each as sorted, disjoint,
// non-adjacent ranges, and the versions of the engine that read them.
type Classes struct {
	Pydantic     string    `json:"pydantic"`
	PydanticCore string    `json:"pydantic_core"`
	Digit        [][2]rune `json:"digit"`
	Word         [][2]rune `json:"word"`
}

// Oracle runs oracle.py with python, the models at models on its path, and
// returns the classes it prints. An error when python fails (without
// pydantic 2 or the models) or prints anything else.
func Oracle(python, models string) (Classes, error) {
	cmd := exec.Command(python, "-c", oracleScript)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+models, "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return Classes{}, fmt.Errorf("modèles data·inclusion (%s) : %v\n%s", models, err, stderr.String())
	}
	var c Classes
	if err := json.Unmarshal(out, &c); err != nil {
		return Classes{}, fmt.Errorf("sortie de l'oracle illisible : %w", err)
	}
	return c, nil
}

// Generate returns the Go source of classes_gen.go for c: the tables
// modelDigitTable and modelWordTable of package offer. An error when a
// class is empty, unsorted, overlapping, outside Unicode or holds a
// surrogate, or lacks the ASCII members package offer's byte loops assume
// ([0-9] for \d, [0-9A-Za-z_] for \w, and nothing else of ASCII).
func Generate(c Classes) ([]byte, error) {
	if c.Pydantic == "" || c.PydanticCore == "" {
		return nil, errors.New("versions de pydantic absentes de la sortie de l'oracle")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/gen/modelclasses from data·inclusion's models run with pydantic %s / pydantic-core %s (regex engine rust-regex); DO NOT EDIT.\n\n", c.Pydantic, c.PydanticCore)
	b.WriteString("package offer\n\nimport \"unicode\"\n\n")
	for _, t := range []struct {
		name, class, field, pattern string
		ranges                      [][2]rune
		ascii                       func(byte) bool
	}{
		{"modelDigitTable", `\d`, "CodePostal", `^\d{5}$`, c.Digit, func(b byte) bool { return b >= '0' && b <= '9' }},
		{"modelWordTable", `\w`, "CodeCommune", `^\w{5}$`, c.Word, func(b byte) bool {
			return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_'
		}},
	} {
		rs, err := check(t.ranges)
		if err != nil {
			return nil, fmt.Errorf("classe %s : %w", t.class, err)
		}
		for x := byte(0); x < utf8.RuneSelf; x++ {
			if contains(rs, rune(x)) != t.ascii(x) {
				return nil, fmt.Errorf("classe %s : l'octet ASCII %q ne suit pas la boucle de package offer", t.class, x)
			}
		}
		n := 0
		for _, r := range rs {
			n += int(r.Hi-r.Lo) + 1
		}
		fmt.Fprintf(&b, "// %s is %s of the models' patterns: the code points c for which\n", t.name, t.class)
		fmt.Fprintf(&b, "// data·inclusion's %s (%s) accepts c five times, %d code\n// points in %d ranges.\n", t.field, t.pattern, n, len(rs))
		writeTable(&b, t.name, rs)
	}
	return format.Source(b.Bytes())
}

// writeTable writes the declaration of a unicode.RangeTable named name
// holding the ranges rs (checked), with stride 1.
func writeTable(b *bytes.Buffer, name string, rs []Range) {
	r16, r32 := Split(rs)
	fmt.Fprintf(b, "var %s = &unicode.RangeTable{\n", name)
	if len(r16) > 0 {
		b.WriteString("R16: []unicode.Range16{\n")
		for _, r := range r16 {
			fmt.Fprintf(b, "{0x%04x, 0x%04x, 1},\n", r.Lo, r.Hi)
		}
		b.WriteString("},\n")
	}
	if len(r32) > 0 {
		b.WriteString("R32: []unicode.Range32{\n")
		for _, r := range r32 {
			fmt.Fprintf(b, "{0x%x, 0x%x, 1},\n", r.Lo, r.Hi)
		}
		b.WriteString("},\n")
	}
	latin := 0
	for _, r := range r16 {
		if r.Hi <= 0xFF {
			latin++
		}
	}
	if latin > 0 {
		fmt.Fprintf(b, "LatinOffset: %d,\n", latin)
	}
	b.WriteString("}\n\n")
}

// check returns the ranges of a class after checking them: sorted,
// disjoint, not adjacent (the oracle merges adjacent code points), within
// 0..0x10FFFF, without surrogates.
func check(ranges [][2]rune) ([]Range, error) {
	if len(ranges) == 0 {
		return nil, errors.New("vide")
	}
	rs := make([]Range, len(ranges))
	for i, r := range ranges {
		rs[i] = Range{r[0], r[1]}
		switch {
		case r[0] < 0 || r[1] > utf8.MaxRune || r[0] > r[1]:
			return nil, fmt.Errorf("plage %U–%U invalide", r[0], r[1])
		case r[0] <= 0xDFFF && r[1] >= 0xD800:
			return nil, fmt.Errorf("plage %U–%U : substituts", r[0], r[1])
		case i > 0 && r[0] <= ranges[i-1][1]+1:
			return nil, fmt.Errorf("plage %U–%U non triée ou contiguë à la précédente", r[0], r[1])
		}
	}
	return rs, nil
}

func contains(rs []Range, r rune) bool {
	for _, x := range rs {
		if r >= x.Lo && r <= x.Hi {
			return true
		}
	}
	return false
}

// Split divides sorted ranges into those of unicode.RangeTable's R16 (up to
// U+FFFF) and R32, cutting a range that crosses U+FFFF in two.
func Split(rs []Range) (r16, r32 []Range) {
	for _, r := range rs {
		switch {
		case r.Hi <= 0xFFFF:
			r16 = append(r16, r)
		case r.Lo > 0xFFFF:
			r32 = append(r32, r)
		default:
			r16 = append(r16, Range{r.Lo, 0xFFFF})
			r32 = append(r32, Range{0x10000, r.Hi})
		}
	}
	return r16, r32
}
