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
	ajv, cli, floor, profile                 bool
}

func main() {
	var c config
	child := flag.String("child", "", "usage interne : mesure un mode dans ce processus")
	corpus := flag.String("corpus", "", "usage interne : corpus NDJSON du mode -child")
	verdicts := flag.String("verdicts", "", "usage interne : fichier des verdicts du mode -child")
	cpuprofile := flag.String("cpuprofile", "", "usage interne : profil processeur du mode -child")
	flag.IntVar(&c.n, "n", 10000, "nombre de documents du corpus")
	flag.Uint64Var(&c.seed, "seed", 1, "graine du corpus (même graine, mêmes octets)")
	flag.IntVar(&c.invalidPct, "invalid", 10, "part de documents abîmés, en pour cent")
	flag.IntVar(&c.rounds, "rounds", 5, "tours de mesure : chaque paire est mesurée une fois par tour, ordre alterné")
	flag.DurationVar(&c.minTime, "min-time", 2*time.Second, "durée minimale d'une mesure")
	flag.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "socle-bench"), "dossier de travail (corpus, binaire, verdicts)")
	flag.StringVar(&c.out, "out", "BENCHMARKS.md", "rapport écrit (vide : aucun)")
	flag.BoolVar(&c.ajv, "ajv", true, "mesurer ajv (installe ajv et ajv-formats depuis npm dans bench/ajv)")
	flag.BoolVar(&c.cli, "cli", true, "mesurer spie validate sur 1 et 2 cœurs")
	flag.IntVar(&c.cliDocs, "cli-docs", 100000, "lignes du fichier NDJSON donné à spie validate")
	flag.BoolVar(&c.floor, "floor", true, "mesurer le plancher (goccy/go-json, sonic, go-json-experiment/json : module bench/floor)")
	flag.BoolVar(&c.profile, "profile", true, "profiler le chemin rapide (diagnostic et service) pour « où part le temps »")
	flag.IntVar(&c.streamMB, "stream-mb", 0, "taille en Mo d'un fichier NDJSON validé en flux par spie validate (0 : pas de mesure ; 1024 pour 1 Go)")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *corpus, *verdicts, *cpuprofile, c.minTime); err != nil {
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
	cfg          config
	corpusMB     float64
	avgDoc       int
	invalid      int
	results      map[string]result
	scaling      map[string]result // "fast-par/2" → best run
	cli          []cliResult
	stream       *cliResult
	agreement    []string
	runs         map[string][]result // every run of a mode, one per pair and round
	pairs        []pairResult
	profiles     []profile
	servicePlain []bool // service lines that need no normalisation
	floorErr     string
	loadStart    string // load average when the run began
	started      time.Time
	commands     []string
}

func run(c config) error {
	rep := &report{cfg: c, results: map[string]result{}, scaling: map[string]result{}, started: time.Now().UTC(), loadStart: loadAvg()}
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

	env := &measureEnv{self: self, root: root, corpus: corpus, work: c.work, minTime: c.minTime}
	env.serviceCorpus, rep.servicePlain, err = serviceCorpus(root, c.work)
	if err != nil {
		return err
	}
	if c.ajv {
		if err := installAjv(root); err != nil {
			return err
		}
	}
	if c.floor {
		if env.floor, err = buildFloor(root, c.work); err != nil {
			fmt.Println("   plancher non mesuré :", err)
			rep.floorErr = err.Error()
		}
	}
	var todo []pair
	for _, p := range pairs {
		if (!c.ajv && (strings.HasPrefix(p.a, "ajv") || strings.HasPrefix(p.b, "ajv"))) ||
			(env.floor == "" && (strings.HasPrefix(p.a, "floor-") || strings.HasPrefix(p.b, "floor-"))) {
			continue
		}
		todo = append(todo, p)
	}
	rep.runs = map[string][]result{}
	ratios := make([]pairResult, len(todo))
	for round := 1; round <= c.rounds; round++ {
		fmt.Printf("== tour %d/%d (paires, ordre %s)\n", round, c.rounds, map[bool]string{true: "A puis B", false: "B puis A"}[round%2 == 1])
		for i, p := range todo {
			order := []string{p.a, p.b}
			if round%2 == 0 {
				order = []string{p.b, p.a}
			}
			got := map[string]result{}
			for _, m := range order {
				vfile := ""
				if len(rep.runs[m]) == 0 {
					vfile = filepath.Join(c.work, "verdicts-"+m+".txt")
				}
				r, err := env.measure(m, vfile, "")
				if err != nil {
					return fmt.Errorf("%s : %w", m, err)
				}
				got[m] = r
				rep.runs[m] = append(rep.runs[m], r)
			}
			ratio := got[p.a].docsPerSec() / got[p.b].docsPerSec()
			ratios[i].pair = p
			ratios[i].ratios = append(ratios[i].ratios, ratio)
			fmt.Printf("   %-13s %9.0f docs/s  %-16s %9.0f docs/s  rapport %.2f\n", p.a, got[p.a].docsPerSec(), p.b, got[p.b].docsPerSec(), ratio)
		}
	}
	rep.pairs = ratios
	for m, runs := range rep.runs {
		rep.results[m] = medianRun(runs)
	}
	if c.profile {
		for _, m := range []string{"fast", "fast-service"} {
			prof := filepath.Join(c.work, "cpu-"+m+".out")
			penv := *env
			penv.minTime = 4 * c.minTime // enough samples on a loaded machine
			if _, err := penv.measure(m, "", prof); err != nil {
				return fmt.Errorf("profil %s : %w", m, err)
			}
			p, err := readProfile(prof)
			if err != nil {
				return fmt.Errorf("profil %s : %w", m, err)
			}
			p.mode = m
			rep.profiles = append(rep.profiles, p)
		}
	}
	rep.invalid = c.n - rep.results["fast"].ValidCount
	var ajvModes []string
	for _, m := range []string{"ajv", "ajv-first-error"} {
		if len(rep.runs[m]) > 0 {
			ajvModes = append(ajvModes, m)
		}
	}
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
		old, _ := os.ReadFile(c.out)
		if err := os.WriteFile(c.out, []byte(markdown(rep)+handWritten(string(old))+keptSection(c.out)), 0o644); err != nil {
			return err
		}
		fmt.Println("== écrit :", c.out)
	}
	return nil
}

// measureEnv is what a measurement needs: this program (whose -child mode
// measures Go), the floor binary, the corpora.
type measureEnv struct {
	self, floor, root, corpus, serviceCorpus, work string
	minTime                                        time.Duration
}

// measure runs one measurement of mode in a process of its own, on one
// core, writing its verdicts to vfile and its CPU profile to prof when they
// are not empty (profiles: Go modes only).
func (e *measureEnv) measure(mode, vfile, prof string) (result, error) {
	diagSchema := filepath.Join(e.root, "schemas", "v1", "diagnostic.json")
	switch {
	case mode == "ajv" || mode == "ajv-first-error":
		return measureAjv(e.root, diagSchema, e.corpus, vfile, mode == "ajv", e.minTime)
	case mode == "ajv-service":
		return measureAjv(e.root, filepath.Join(e.root, "schemas", "v1", "service.json"), e.serviceCorpus, vfile, true, e.minTime)
	case strings.HasPrefix(mode, "floor-"):
		cmd := exec.Command(e.floor, "-mode", strings.TrimPrefix(mode, "floor-"), "-corpus", e.corpus, "-verdicts", vfile, "-min-time", e.minTime.String())
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
		return runJSON(cmd)
	case strings.HasSuffix(mode, "-service"):
		return measureGoOn(e.self, mode, e.serviceCorpus, vfile, prof, e.minTime, 1)
	}
	return measureGoOn(e.self, mode, e.corpus, vfile, prof, e.minTime, 1)
}

func measureGoOn(self, mode, corpus, verdicts, prof string, minTime time.Duration, procs int) (result, error) {
	cmd := exec.Command(self, "-child", mode, "-corpus", corpus, "-verdicts", verdicts, "-cpuprofile", prof, "-min-time", minTime.String())
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
				r, err := measureGoOn(self, m, corpus, "", "", rep.cfg.minTime, procs)
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

func measureAjv(root, schema, corpus, verdicts string, allErrors bool, minTime time.Duration) (result, error) {
	if verdicts == "" {
		verdicts = os.DevNull
	}
	cmd := exec.Command("node", filepath.Join(root, "bench", "ajv", "validate.mjs"),
		schema, corpus,
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
	if len(rep.runs["ajv-service"]) > 0 {
		fs, err := read("fast-service")
		if err != nil {
			return err
		}
		av, err := read("ajv-service")
		if err != nil {
			return err
		}
		if len(av) != len(fs) || len(fs) != len(rep.servicePlain) {
			return fmt.Errorf("verdicts ajv-service : %d documents, socle %d, corpus %d", len(av), len(fs), len(rep.servicePlain))
		}
		diff, compared, schemaInvalid := 0, 0, 0
		for i := range av {
			if !rep.servicePlain[i] {
				continue
			}
			compared++
			ok := schemaValid(fs[i])
			if !ok {
				schemaInvalid++
			}
			if ok != (av[i] == "1") {
				diff++
				if diff <= 3 {
					fmt.Printf("   DIFFÉRENCE ajv-service document %d : socle %q, ajv %s\n", i+1, fs[i], av[i])
				}
			}
		}
		if diff > 0 {
			return fmt.Errorf("%d services où ajv et socle diffèrent", diff)
		}
		rep.agreement = append(rep.agreement, fmt.Sprintf("service, ajv et socle : même verdict de schéma sur les %d services qui n'ont besoin d'aucune normalisation, sur %d (%d refusés par le schéma)", compared, len(av), schemaInvalid))
	}
	for _, a := range rep.agreement {
		fmt.Println("   OK", a)
	}
	return nil
}

func procs() int { return runtime.NumCPU() }

// The markers of the section SPIE_MEASURE=1 go test ./wasm -run TestMeasure
// writes (wasm/measure_test.go, benchBegin and benchEnd).
const (
	measureBegin = "<!-- début : section écrite par SPIE_MEASURE=1 go test ./wasm -run TestMeasure -->"
	measureEnd   = "<!-- fin : section écrite par TestMeasure -->"
)

// keptSection returns the section of the report at path that another
// command writes between its markers (the widgets' sizes and ready times,
// SPIE_MEASURE=1 go test ./wasm -run TestMeasure), to be kept when the
// bench rewrites the file; "" when there is none.
func keptSection(path string) string {
	begin, end := measureBegin, measureEnd
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
