package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// result is what one measurement reports (a child process prints it as JSON).
type result struct {
	Mode       string  `json:"mode"`
	Docs       int     `json:"docs"`
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"`
	Bytes      int64   `json:"bytes"`
	AllocsDoc  float64 `json:"allocs_per_doc"`
	BytesDoc   float64 `json:"alloc_bytes_per_doc"`
	PeakRSSKB  int64   `json:"peak_rss_kb"`
	Procs      int     `json:"procs"`
	Runtime    string  `json:"runtime,omitempty"`
	ValidCount int     `json:"valid"`
}

// The figures are per second of processor time when it is known: on a
// shared, loaded machine the wall clock counts the time other processes
// took, the processor time only this one's work.
func (r result) secs() float64 {
	if r.CPUSeconds > 0 {
		return r.CPUSeconds
	}
	return r.Seconds
}
func (r result) docsPerSec() float64     { return float64(r.Docs) / r.secs() }
func (r result) mbPerSec() float64       { return float64(r.Bytes) / r.secs() / 1e6 }
func (r result) wallDocsPerSec() float64 { return float64(r.Docs) / r.Seconds }

// benchNow is the fixed "today" of the rules: the corpus is dated 2026.
var benchNow = func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }

// modes are the Go measurements, each a function of one document returning
// its verdict line.
var modes = map[string]func(doc []byte) string{
	// encoding/json's typed decode, no check at all: the floor.
	"decode": func(doc []byte) string {
		if err := json.Unmarshal(doc, new(diagnostic.Diagnostic)); err != nil {
			return "illisible"
		}
		return "lu"
	},
	// the fast decoder alone (schema checks, no Go rules).
	"fast-decode": func(doc []byte) string {
		fs, _ := schemas.Decode("diagnostic", doc, new(diagnostic.Diagnostic))
		return verdictLine(fs)
	},
	// schemas.Validate of a data·inclusion service: normalisation as the
	// model reads it, then the fast path.
	"fast-service": func(doc []byte) string {
		return verdictLine(schemas.Validate("service", doc, schemas.WithNow(benchNow)))
	},
	// schemas.Validate, which reads the diagnostic on its fast path.
	"fast": func(doc []byte) string {
		return verdictLine(schemas.Validate("diagnostic", doc, schemas.WithNow(benchNow)))
	},
}

// verdictLine renders the faults of one document: "valide", or its sorted
// "CODE path" pairs.
func verdictLine(fs spie.Faults) string {
	if len(fs) == 0 {
		return "valide"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Code + " " + f.Path
	}
	sort.Strings(parts)
	return strings.Join(parts, " ; ")
}

// schemaValid tells from a verdict line whether the JSON Schema alone
// accepts the document (what ajv decides): no SCHEMA- or INPUT- fault.
func schemaValid(line string) bool {
	return !strings.Contains(line, "SCHEMA-") && !strings.Contains(line, "INPUT-")
}

func readLines(path string) ([][]byte, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var out [][]byte
	var total int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 {
			out = append(out, bytes.Clone(l))
			total += int64(len(l))
		}
	}
	return out, total, sc.Err()
}

// runChild measures one mode in this process and prints its result.
func runChild(mode, corpus, verdicts, cpuprofile string, minTime time.Duration) error {
	if base, ok := strings.CutSuffix(mode, "-par"); ok {
		return runParallel(mode, base, corpus, minTime)
	}
	f, ok := modes[mode]
	if !ok {
		return fmt.Errorf("mode %q inconnu", mode)
	}
	docs, size, err := readLines(corpus)
	if err != nil {
		return err
	}
	// Warm-up pass (compiles plans and schemas), which gives the verdicts.
	lines := make([]string, len(docs))
	valid := 0
	for i, d := range docs {
		lines[i] = f(d)
		if lines[i] == "valide" || lines[i] == "lu" {
			valid++
		}
	}
	if verdicts != "" {
		if err := os.WriteFile(verdicts, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	lines = nil
	if cpuprofile != "" {
		pf, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpu := time.Now(), cpuSeconds()
	n, passes := 0, 0
	for {
		for _, d := range docs {
			f(d)
		}
		n += len(docs)
		passes++
		if time.Since(start) >= minTime {
			break
		}
	}
	elapsed, cpuUsed := time.Since(start).Seconds(), cpuSeconds()-cpu
	runtime.ReadMemStats(&after)
	r := result{
		Mode: mode, Docs: n, Seconds: elapsed, CPUSeconds: cpuUsed, Bytes: size * int64(passes),
		AllocsDoc:  float64(after.Mallocs-before.Mallocs) / float64(n),
		BytesDoc:   float64(after.TotalAlloc-before.TotalAlloc) / float64(n),
		PeakRSSKB:  peakRSSSelf(),
		Procs:      runtime.GOMAXPROCS(0),
		Runtime:    runtime.Version(),
		ValidCount: valid,
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// peakRSSSelf reads the peak resident memory of this process (Linux), in KiB.
func peakRSSSelf() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// runParallel measures a mode with one goroutine per GOMAXPROCS, each on its
// share of the documents, by the wall clock: what the cores give together.
func runParallel(mode, base, corpus string, minTime time.Duration) error {
	f, ok := modes[base]
	if !ok {
		return fmt.Errorf("mode %q inconnu", mode)
	}
	docs, size, err := readLines(corpus)
	if err != nil {
		return err
	}
	for _, d := range docs {
		f(d)
	}
	procs := runtime.GOMAXPROCS(0)
	start, cpu := time.Now(), cpuSeconds()
	n, passes := 0, 0
	for time.Since(start) < minTime {
		var wg sync.WaitGroup
		for w := range procs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(docs); i += procs {
					f(docs[i])
				}
			}()
		}
		wg.Wait()
		n += len(docs)
		passes++
	}
	r := result{Mode: mode, Docs: n, Seconds: time.Since(start).Seconds(), CPUSeconds: cpuSeconds() - cpu,
		Bytes: size * int64(passes), PeakRSSKB: peakRSSSelf(), Procs: procs, Runtime: runtime.Version()}
	return json.NewEncoder(os.Stdout).Encode(r)
}
