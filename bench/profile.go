package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"sort"
	"strconv"
	"strings"
)

// profile is a CPU profile of one mode, read from `go tool pprof -top`:
// every function with its flat share (time in the function itself) and cum
// share (the function and what it calls), in per cent of the samples.
type profile struct {
	mode  string
	total string // the profile's total sample time, as pprof writes it
	funcs []profFunc
}

type profFunc struct {
	name      string
	flat, cum float64 // per cent of the samples
}

// readProfile runs `go tool pprof -top` on a profile written by a -child run
// (every node, none dropped) and parses its table.
func readProfile(path string) (profile, error) {
	out, err := exec.Command("go", "tool", "pprof", "-top", "-nodecount=1000000", "-nodefraction=0", "-edgefraction=0", path).Output()
	if err != nil {
		return profile{}, fmt.Errorf("go tool pprof : %w", err)
	}
	return parseTop(out)
}

// parseTop reads pprof's -top text: header lines, among them "Showing nodes
// accounting for X, 100% of TOTAL total", then the columns "flat flat% sum%
// cum cum%" and one line per function.
func parseTop(out []byte) (profile, error) {
	var p profile
	sc := bufio.NewScanner(bytes.NewReader(out))
	table := false
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if !table {
			if _, after, ok := strings.Cut(l, " of "); ok && strings.HasPrefix(l, "Showing nodes") {
				p.total = strings.TrimSuffix(strings.TrimSpace(after), " total")
			}
			if strings.HasPrefix(l, "flat") && strings.Contains(l, "cum%") {
				table = true
			}
			continue
		}
		f := strings.Fields(l)
		if len(f) < 6 {
			continue
		}
		flat, err1 := strconv.ParseFloat(strings.TrimSuffix(f[1], "%"), 64)
		cum, err2 := strconv.ParseFloat(strings.TrimSuffix(f[4], "%"), 64)
		if err1 != nil || err2 != nil {
			return p, fmt.Errorf("ligne de pprof illisible : %q", l)
		}
		p.funcs = append(p.funcs, profFunc{name: strings.Join(f[5:], " "), flat: flat, cum: cum})
	}
	if !table {
		return p, fmt.Errorf("sortie de pprof sans tableau")
	}
	return p, sc.Err()
}

// topFlat returns the n functions with the largest flat share.
func (p profile) topFlat(n int) []profFunc {
	s := append([]profFunc(nil), p.funcs...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].flat > s[j].flat })
	return s[:min(n, len(s))]
}

// topCum returns the n functions of socle (and of the standard library's
// encoding/json, regexp, time) with the largest cum share, the harness's
// own frames left out: where socle's time goes, callers first.
func (p profile) topCum(n int) []profFunc {
	var s []profFunc
	for _, f := range p.funcs {
		if strings.HasPrefix(f.name, "main.") || strings.HasPrefix(f.name, "runtime.main") || strings.HasPrefix(f.name, "runtime.goexit") {
			continue
		}
		if strings.Contains(f.name, "spie-fr/socle/") {
			s = append(s, f)
		}
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].cum > s[j].cum })
	return s[:min(n, len(s))]
}

// byPackage sums the flat shares by package (the function's import path
// without its last element's function part), largest first: which packages
// the processor time is spent in.
func (p profile) byPackage() []profFunc {
	sum := map[string]float64{}
	for _, f := range p.funcs {
		sum[packageOf(f.name)] += f.flat
	}
	out := make([]profFunc, 0, len(sum))
	for k, v := range sum {
		out = append(out, profFunc{name: k, flat: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].flat != out[j].flat {
			return out[i].flat > out[j].flat
		}
		return out[i].name < out[j].name
	})
	return out
}

// packageOf returns the package of a function symbol as pprof names it:
// "github.com/spie-fr/socle/schemas.(*scanner).next" → ".../schemas",
// "runtime.mallocgc" → "runtime"; the runtime's assembly routines, which
// pprof names without a package ("memeqbody"), → "runtime".
func packageOf(name string) string {
	name, _, _ = strings.Cut(name, " ")
	if !strings.Contains(name, ".") {
		return "runtime" // assembly routines (aeshashbody, memeqbody…)
	}
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}
