package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spie-fr/socle/offer"
)

// pair is one paired comparison: A and B are measured back to back in every
// round, in alternating order (A then B in odd rounds, B then A in even
// ones), and the ratio A/B of each pair is kept. On a shared machine the
// load changes from one second to the next; two runs measured together see
// about the same load, so the ratio of a pair holds where the best of
// unpaired rounds swings.
type pair struct {
	a, b, label string
}

// pairs are the comparisons BENCHMARKS.md reports. The floor pairs need the
// floor module (bench/floor), the ajv pairs Node.
var pairs = []pair{
	{"fast", "ajv", "diagnostic : socle `schemas.Validate` (chemin rapide) / ajv `allErrors`"},
	{"fast-decode", "ajv", "diagnostic : socle décodeur rapide seul / ajv `allErrors`"},
	{"fast", "ajv-first-error", "diagnostic : socle chemin rapide / ajv arrêt à la première faute"},
	{"fast", "decode", "diagnostic : socle chemin rapide / encoding/json sans contrôle"},
	{"fast", "floor-goccy", "diagnostic : socle chemin rapide / goccy/go-json sans contrôle (plancher)"},
	{"fast", "floor-sonic", "diagnostic : socle chemin rapide / bytedance/sonic sans contrôle (plancher)"},
	{"fast", "floor-jsonv2", "diagnostic : socle chemin rapide / go-json-experiment/json sans contrôle (plancher)"},
	{"fast-service", "ajv-service", "service : socle `schemas.Validate` (normalisation + chemin rapide) / ajv `allErrors`"},
}

// pairResult is the ratios of one pair, one per round.
type pairResult struct {
	pair
	ratios []float64
}

// median, min and max of the ratios: the median is what the report keeps,
// min–max its spread.
func (p pairResult) stats() (med, lo, hi float64) {
	s := append([]float64(nil), p.ratios...)
	sort.Float64s(s)
	return median(s), s[0], s[len(s)-1]
}

// median of sorted values (the mean of the two middle ones for an even
// count).
func median(s []float64) float64 {
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// medianRun is the run of a mode with the median throughput (the lower
// middle one for an even count), whose other figures the table shows.
func medianRun(runs []result) result {
	s := append([]result(nil), runs...)
	sort.Slice(s, func(i, j int) bool { return s[i].docsPerSec() < s[j].docsPerSec() })
	return s[(len(s)-1)/2]
}

// serviceCorpus writes the data·inclusion services of the examples
// (examples/offer/services-aisne.ndjson) to the work folder and tells, line
// by line, which ones need no normalisation (offer.NormalizeService leaves
// them as written): on those only can ajv's verdict, which knows nothing of
// the model's normalisation, be compared with socle's.
func serviceCorpus(root, work string) (path string, plain []bool, err error) {
	b, err := os.ReadFile(filepath.Join(root, "examples", "offer", "services-aisne.ndjson"))
	if err != nil {
		return "", nil, err
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		_, warnings := offer.NormalizeService(l)
		plain = append(plain, len(warnings) == 0)
		out.Write(l)
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return "", nil, err
	}
	path = filepath.Join(work, "service.ndjson")
	return path, plain, os.WriteFile(path, out.Bytes(), 0o644)
}

// buildFloor builds the floor module (bench/floor, a module of its own so
// that its JSON libraries stay out of socle's go.mod) into the work folder.
func buildFloor(root, work string) (string, error) {
	bin := filepath.Join(work, "floor")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Join(root, "bench", "floor")
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = os.Stdout, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build bench/floor : %v : %s", err, strings.TrimSpace(errb.String()))
	}
	return bin, nil
}
