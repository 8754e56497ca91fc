package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// cliResult is one run of `spie validate` on an NDJSON file.
type cliResult struct {
	Cores      int
	Docs       int
	Bytes      int64
	Seconds    float64
	CPUSeconds float64
	PeakRSSKB  int64
	Lines      int // lines of output, one per document (order kept)
}

func (r cliResult) docsPerSec() float64 { return float64(r.Docs) / r.Seconds }
func (r cliResult) mbPerSec() float64   { return float64(r.Bytes) / r.Seconds / 1e6 }

// measureCLI builds spie and validates an NDJSON file on one core, then on
// two (and on every core for the streaming file), keeping the best of the
// rounds.
func measureCLI(rep *report, root string, docs [][]byte) error {
	c := rep.cfg
	bin := filepath.Join(c.work, "spie")
	fmt.Println("== go build ./cmd/spie")
	build := exec.Command("go", "build", "-o", bin, "./cmd/spie")
	build.Dir, build.Stdout, build.Stderr = root, os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return err
	}
	rep.commands = append(rep.commands, "go build -o spie ./cmd/spie")
	file := filepath.Join(c.work, "cli.ndjson")
	lines, size, err := writeNDJSON(file, docs, c.cliDocs)
	if err != nil {
		return err
	}
	cores := []int{1}
	if procs() >= 2 {
		cores = append(cores, 2)
	}
	for round := 1; round <= c.rounds; round++ {
		for i, n := range cores {
			r, err := runCLI(bin, file, n, lines, size)
			if err != nil {
				return err
			}
			fmt.Printf("   spie validate, %d cœur(s) : %8.0f docs/s %6.1f Mo/s  pic %d Mio  (%.1f s, %.1f s de processeur)\n", n, r.docsPerSec(), r.mbPerSec(), r.PeakRSSKB>>10, r.Seconds, r.CPUSeconds)
			if len(rep.cli) <= i {
				rep.cli = append(rep.cli, r)
			} else if r.docsPerSec() > rep.cli[i].docsPerSec() {
				rep.cli[i] = r
			}
		}
	}
	rep.commands = append(rep.commands, fmt.Sprintf("GOMAXPROCS=N spie validate --kind diagnostic --format json --workers N cli.ndjson > sortie  (N = 1, 2 ; %d lignes, %.0f Mo)", lines, float64(size)/1e6))
	_ = os.Remove(file)
	if c.streamMB > 0 {
		big := filepath.Join(c.work, "stream.ndjson")
		perDoc := int64(rep.avgDoc + 1)
		n := int(int64(c.streamMB) * 1e6 / perDoc)
		fmt.Printf("== fichier de %d Mo (%d lignes)\n", c.streamMB, n)
		lines, size, err := writeNDJSON(big, docs, n)
		if err != nil {
			return err
		}
		r, err := runCLI(bin, big, procs(), lines, size)
		_ = os.Remove(big)
		if err != nil {
			return err
		}
		fmt.Printf("   spie validate en flux, %d cœur(s) : %8.0f docs/s %6.1f Mo/s  pic %d Mio  (%.1f s)\n", r.Cores, r.docsPerSec(), r.mbPerSec(), r.PeakRSSKB>>10, r.Seconds)
		rep.stream = &r
		rep.commands = append(rep.commands, fmt.Sprintf("spie validate --kind diagnostic --format json stream.ndjson > sortie  (%d lignes, %.0f Mo, tous les cœurs)", lines, float64(size)/1e6))
	}
	return nil
}

// runCLI runs spie validate on n cores and counts its output lines.
func runCLI(bin, file string, n, docs int, size int64) (cliResult, error) {
	cmd := exec.Command(bin, "validate", "--kind", "diagnostic", "--format", "json", "--workers", fmt.Sprint(n), file)
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return cliResult{}, err
	}
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return cliResult{}, err
	}
	lines := 0
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		lines++
	}
	err = cmd.Wait()
	elapsed := time.Since(start).Seconds()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // 1: some documents are invalid, as the corpus wants
	}
	if err != nil {
		return cliResult{}, fmt.Errorf("spie validate : %w", err)
	}
	if lines < docs {
		return cliResult{}, fmt.Errorf("spie validate : %d lignes de sortie pour %d documents", lines, docs)
	}
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return cliResult{Cores: n, Docs: docs, Bytes: size, Seconds: elapsed, CPUSeconds: cpu, PeakRSSKB: maxRSS(cmd.ProcessState), Lines: lines}, nil
}
