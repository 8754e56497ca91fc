package reftest

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// DataInclusionModels returns the folder of data·inclusion's own pydantic
// models (../shared/reference/data-inclusion-v1/models: the package
// data_inclusion.schema v1.0.8 and the email-validator it requires) and the
// python3 of PATH that runs them, or skips the test with a French message
// when the folder is absent or that Python lacks pydantic 2 (the machine
// image's default python3 has pydantic 2.13; /usr/bin/python3 has 1.10,
// which cannot run the models).
func DataInclusionModels(t testing.TB) (python, models string) {
	t.Helper()
	models = Dir(t, "data-inclusion-v1", "models")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 introuvable dans le PATH : comparaison aux modèles data·inclusion ignorée")
	}
	out, err := exec.Command(py, "-c", "import pydantic; print(pydantic.VERSION)").Output()
	if err != nil {
		t.Skipf("%s n'importe pas pydantic : comparaison aux modèles data·inclusion ignorée", py)
	}
	if v := strings.TrimSpace(string(out)); !strings.HasPrefix(v, "2.") {
		t.Skipf("%s a pydantic %s, les modèles data·inclusion demandent pydantic ≥ 2 : comparaison ignorée", py, v)
	}
	check := exec.Command(py, "-c", "import data_inclusion.schema.v1")
	check.Env = append(os.Environ(), "PYTHONPATH="+models, "PYTHONDONTWRITEBYTECODE=1")
	if msg, err := check.CombinedOutput(); err != nil {
		lines := strings.Split(strings.TrimSpace(string(msg)), "\n")
		t.Skipf("%s ne charge pas les modèles data·inclusion (%s) : comparaison ignorée", py, lines[len(lines)-1])
	}
	return py, models
}

// RunDataInclusion runs python with args (a script and its arguments, or
// -c and code), data·inclusion's models on its path, stdin as input, in one
// process, and returns its output; the test fails on an error.
func RunDataInclusion(t testing.TB, python, models string, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(python, args...)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+models, "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("modèles data·inclusion : %v\n%s", err, stderr.String())
	}
	return out
}
