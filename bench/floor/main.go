// Command floor measures the decode floor of the benchmark: the fastest
// typed decodes this machine can run of the corpus into
// diagnostic.Diagnostic, with no check at all beyond reading the JSON. It is
// a module of its own so that none of the JSON libraries it measures
// (goccy/go-json, bytedance/sonic, go-json-experiment/json) enters socle's
// go.mod. `go run ./bench` builds and runs it; it prints one result, in the
// shape bench's children print, as a JSON line.
//
// Usage: floor -mode goccy|sonic|jsonv2 -corpus FILE -min-time 2s [-verdicts FILE]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/bytedance/sonic"
	jsonv2 "github.com/go-json-experiment/json"
	goccy "github.com/goccy/go-json"

	"github.com/spie-fr/socle/diagnostic"
)

// decoders are the floors: a typed decode, no check.
var decoders = map[string]func([]byte) error{
	"goccy":  func(b []byte) error { return goccy.Unmarshal(b, new(diagnostic.Diagnostic)) },
	"sonic":  func(b []byte) error { return sonic.Unmarshal(b, new(diagnostic.Diagnostic)) },
	"jsonv2": func(b []byte) error { return jsonv2.Unmarshal(b, new(diagnostic.Diagnostic)) },
}

func main() {
	mode := flag.String("mode", "", "goccy, sonic ou jsonv2")
	corpus := flag.String("corpus", "", "corpus NDJSON")
	verdicts := flag.String("verdicts", "", "fichier des verdicts (lu / illisible)")
	minTime := flag.Duration("min-time", 2*time.Second, "durée minimale de la mesure")
	flag.Parse()
	if err := run(*mode, *corpus, *verdicts, *minTime); err != nil {
		fmt.Fprintln(os.Stderr, "floor :", err)
		os.Exit(1)
	}
}

func run(mode, corpus, verdicts string, minTime time.Duration) error {
	dec, ok := decoders[mode]
	if !ok {
		return fmt.Errorf("décodeur %q inconnu", mode)
	}
	docs, size, err := readLines(corpus)
	if err != nil {
		return err
	}
	lines := make([]string, len(docs))
	valid := 0
	for i, d := range docs {
		lines[i] = "illisible"
		if dec(d) == nil {
			lines[i] = "lu"
			valid++
		}
	}
	if verdicts != "" {
		if err := os.WriteFile(verdicts, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpu := time.Now(), cpuSeconds()
	n, passes := 0, 0
	for time.Since(start) < minTime || passes == 0 {
		for _, d := range docs {
			_ = dec(d)
		}
		n += len(docs)
		passes++
	}
	elapsed, used := time.Since(start).Seconds(), cpuSeconds()-cpu
	runtime.ReadMemStats(&after)
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"mode": "floor-" + mode, "docs": n, "seconds": elapsed, "cpu_seconds": used,
		"bytes":               size * int64(passes),
		"allocs_per_doc":      float64(after.Mallocs-before.Mallocs) / float64(n),
		"alloc_bytes_per_doc": float64(after.TotalAlloc-before.TotalAlloc) / float64(n),
		"peak_rss_kb":         peakRSS(), "procs": runtime.GOMAXPROCS(0),
		"runtime": runtime.Version(), "valid": valid,
	})
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

// cpuSeconds is the processor time of this process, user plus system.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// peakRSS reads the peak resident memory of this process (Linux), in KiB.
func peakRSS() int64 {
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
