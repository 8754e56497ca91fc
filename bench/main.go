// Command bench measures socle's validation against ajv 8 on the same NDJSON
// corpus of diagnostics, in one run: encoding/json decode alone (the floor),
// the fast decoder alone (schemas.Decode), schemas.Validate (the fast path
// of the diagnostic), ajv 8 + ajv-formats in Node, and the
// `spie validate` command on one and two cores (and, with -stream-mb, on a
// file of that size). It checks that every implementation gives the same
// verdicts, prints the figures and writes BENCHMARKS.md.
//
// Run from the repository root: go run ./bench (see bench/README.md).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

type config struct {
	n, invalidPct, rounds, cliDocs, streamMB int
	seed                                     uint64
	minTime                                  time.Duration
	work, out                                string
	ajv, cli                                 bool
}

func main() {
	var c config
	child := flag.String("child", "", "usage interne : mesure un mode dans ce processus")
	corpus := flag.String("corpus", "", "usage interne : corpus NDJSON du mode -child")
	verdicts := flag.String("verdicts", "", "usage interne : fichier des verdicts du mode -child")
	flag.IntVar(&c.n, "n", 10000, "nombre de documents du corpus")
	flag.Uint64Var(&c.seed, "seed", 1, "graine du corpus (même graine, mêmes octets)")
	flag.IntVar(&c.invalidPct, "invalid", 10, "part de documents abîmés, en pour cent")
	flag.IntVar(&c.rounds, "rounds", 3, "tours de mesure (on garde le meilleur de chaque mesure)")
	flag.DurationVar(&c.minTime, "min-time", 2*time.Second, "durée minimale d'une mesure")
	flag.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "socle-bench"), "dossier de travail (corpus, binaire, verdicts)")
	flag.StringVar(&c.out, "out", "BENCHMARKS.md", "rapport écrit (vide : aucun)")
	flag.BoolVar(&c.ajv, "ajv", true, "mesurer ajv (installe ajv et ajv-formats depuis npm dans bench/ajv)")
	flag.BoolVar(&c.cli, "cli", true, "mesurer spie validate sur 1 et 2 cœurs")
	flag.IntVar(&c.cliDocs, "cli-docs", 100000, "lignes du fichier NDJSON donné à spie validate")
	flag.IntVar(&c.streamMB, "stream-mb", 0, "taille en Mo d'un fichier NDJSON validé en flux par spie validate (0 : pas de mesure ; 1024 pour 1 Go)")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *corpus, *verdicts, c.minTime); err != nil {
			fmt.Fprintln(os.Stderr, "bench :", err)
			os.Exit(1)
		}
		return
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench :", err)
		os.Exit(1)
	}
}

// report gathers everything BENCHMARKS.md shows.
type report struct {
	cfg       config
	corpusMB  float64
	avgDoc    int
	invalid   int
	results   map[string]result
	scaling   map[string]result // "fast-par/2" → best run
	cli       []cliResult
	stream    *cliResult
	agreement []string
	started   time.Time
	commands  []string
}

func run(c config) error {
	rep := &report{cfg: c, results: map[string]result{}, scaling: map[string]result{}, started: time.Now().UTC()}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}

	fmt.Printf("== corpus : %d diagnostics, graine %d, %d %% abîmés\n", c.n, c.seed, c.invalidPct)
	docs, err := generate(root, c.n, c.seed, c.invalidPct)
	if err != nil {
		return err
	}
	corpus := filepath.Join(c.work, "corpus.ndjson")
	_, size, err := writeNDJSON(corpus, docs, 0)
	if err != nil {
		return err
	}
	rep.corpusMB = float64(size) / 1e6
	rep.avgDoc = int(size) / len(docs)
	fmt.Printf("   %s : %.1f Mo, %d octets par document en moyenne\n", corpus, rep.corpusMB, rep.avgDoc)

	goModes := []string{"decode", "fast-decode", "fast"}
	var ajvModes []string
	if c.ajv {
		if err := installAjv(root); err != nil {
			return err
		}
		ajvModes = []string{"ajv", "ajv-first-error"}
	}
	for round := 1; round <= c.rounds; round++ {
		fmt.Printf("== tour %d/%d\n", round, c.rounds)
		for _, m := range append(append([]string(nil), goModes...), ajvModes...) {
			vfile := ""
			if round == 1 {
				vfile = filepath.Join(c.work, "verdicts-"+m+".txt")
			}
			var r result
			var err error
			if strings.HasPrefix(m, "ajv") {
				r, err = measureAjv(root, corpus, vfile, m == "ajv", c.minTime)
			} else {
				r, err = measureGo(self, m, corpus, vfile, c.minTime)
			}
			if err != nil {
				return fmt.Errorf("%s : %w", m, err)
			}
			fmt.Printf("   %-16s %9.0f docs/s %7.1f Mo/s %7.1f allocs/doc %8.0f o/doc  pic %4d Mio\n",
				m, r.docsPerSec(), r.mbPerSec(), r.AllocsDoc, r.BytesDoc, r.PeakRSSKB>>10)
			if best, ok := rep.results[m]; !ok || r.docsPerSec() > best.docsPerSec() {
				rep.results[m] = r
			}
		}
	}
	rep.invalid = c.n - rep.results["fast"].ValidCount
	if err := checkVerdicts(rep, c.work, ajvModes); err != nil {
		return err
	}
	if procs() >= 2 {
		if err := measureScaling(rep, self, corpus); err != nil {
			return err
		}
	}
	if c.cli {
		if err := measureCLI(rep, root, docs); err != nil {
			return err
		}
	}
	printSummary(rep)
	if c.out != "" {
		if err := os.WriteFile(c.out, []byte(markdown(rep)+keptSection(c.out)), 0o644); err != nil {
			return err
		}
		fmt.Println("== écrit :", c.out)
	}
	return nil
}

func measureGo(self, mode, corpus, verdicts string, minTime time.Duration) (result, error) {
	return measureGoOn(self, mode, corpus, verdicts, minTime, 1)
}

func measureGoOn(self, mode, corpus, verdicts string, minTime time.Duration, procs int) (result, error) {
	cmd := exec.Command(self, "-child", mode, "-corpus", corpus, "-verdicts", verdicts, "-min-time", minTime.String())
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
	return runJSON(cmd)
}

// measureScaling measures, in memory and by the wall clock, encoding/json
// alone and the fast path on one core then two: the first tells what this
// machine's two cores give at the moment, the second what the fast path
// makes of them.
func measureScaling(rep *report, self, corpus string) error {
	fmt.Println("== passage à 2 cœurs, documents en mémoire (horloge)")
	for round := 1; round <= rep.cfg.rounds; round++ {
		for _, m := range []string{"decode-par", "fast-par"} {
			for _, procs := range []int{1, 2} {
				r, err := measureGoOn(self, m, corpus, "", rep.cfg.minTime, procs)
				if err != nil {
					return fmt.Errorf("%s : %w", m, err)
				}
				key := fmt.Sprintf("%s/%d", m, procs)
				fmt.Printf("   %-16s %9.0f docs/s (horloge, %.2f cœur occupé)\n", key, r.wallDocsPerSec(), r.CPUSeconds/r.Seconds)
				if best, ok := rep.scaling[key]; !ok || r.wallDocsPerSec() > best.wallDocsPerSec() {
					rep.scaling[key] = r
				}
			}
		}
	}
	return nil
}

func measureAjv(root, corpus, verdicts string, allErrors bool, minTime time.Duration) (result, error) {
	if verdicts == "" {
		verdicts = os.DevNull
	}
	cmd := exec.Command("node", filepath.Join(root, "bench", "ajv", "validate.mjs"),
		filepath.Join(root, "schemas", "v1", "diagnostic.json"), corpus,
		fmt.Sprint(minTime.Seconds()), verdicts, fmt.Sprint(allErrors))
	return runJSON(cmd)
}

func runJSON(cmd *exec.Cmd) (result, error) {
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%v : %s", err, errb.String())
	}
	var r result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return result{}, fmt.Errorf("sortie illisible %q : %w", out.String(), err)
	}
	return r, nil
}

// installAjv installs ajv and ajv-formats from npm into bench/ajv/node_modules
// (ignored by git) when they are missing.
func installAjv(root string) error {
	dir := filepath.Join(root, "bench", "ajv")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ajv-formats", "package.json")); err == nil {
		return nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return errors.New("npm introuvable : installez Node.js (paquet Debian nodejs et npm) ou lancez avec -ajv=false")
	}
	fmt.Println("== npm install (ajv, ajv-formats) dans bench/ajv")
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--no-package-lock")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// checkVerdicts compares, document by document, ajv with the schema part of
// socle's verdict. (That the fast path and the JSON Schema interpreter give
// the same faults is proven inside package schemas: its differential tests
// and fuzz target; the interpreter is not public.)
func checkVerdicts(rep *report, work string, ajvModes []string) error {
	read := func(m string) ([]string, error) {
		b, err := os.ReadFile(filepath.Join(work, "verdicts-"+m+".txt"))
		if err != nil {
			return nil, err
		}
		return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
	}
	fast, err := read("fast")
	if err != nil {
		return err
	}
	for _, m := range ajvModes {
		av, err := read(m)
		if err != nil {
			return err
		}
		if len(av) != len(fast) {
			return fmt.Errorf("verdicts %s : %d documents au lieu de %d", m, len(av), len(fast))
		}
		diff, schemaInvalid := 0, 0
		for i := range av {
			ok := schemaValid(fast[i])
			if !ok {
				schemaInvalid++
			}
			if ok != (av[i] == "1") {
				diff++
				if diff <= 3 {
					fmt.Printf("   DIFFÉRENCE %s document %d : socle %q, ajv %s\n", m, i+1, fast[i], av[i])
				}
			}
		}
		if diff > 0 {
			return fmt.Errorf("%d documents où %s et socle diffèrent", diff, m)
		}
		rep.agreement = append(rep.agreement, fmt.Sprintf("%s et socle : même verdict de schéma sur les %d documents (%d refusés par le schéma)", m, len(av), schemaInvalid))
	}
	for _, a := range rep.agreement {
		fmt.Println("   OK", a)
	}
	return nil
}

func procs() int { return runtime.NumCPU() }

// keptSection returns the section of the report at path that another
// command writes between its markers (the widgets' sizes and ready times,
// SPIE_MEASURE=1 go test ./wasm -run TestMeasure), to be kept when the
// bench rewrites the file; "" when there is none.
func keptSection(path string) string {
	const begin, end = "<!-- début : section écrite par SPIE_MEASURE=1 go test ./wasm -run TestMeasure -->", "<!-- fin : section écrite par TestMeasure -->"
	old, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	i, j := strings.Index(string(old), begin), strings.Index(string(old), end)
	if i < 0 || j < i {
		return ""
	}
	return "\n" + string(old[i:j+len(end)]) + "\n"
}
