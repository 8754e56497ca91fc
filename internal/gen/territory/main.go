// Command territory builds the compact territory table embedded by
// offer/territory from the official open data of the French administrative
// division (npm package @etalab/decoupage-administratif, installed by
// scripts/install-territory-data.sh). Run it through `go generate ./offer/...`.
//
// Output: a gzip'd UTF-8 text file, one record a line, tab-separated:
//
//	# source and version
//	D code region name                  a département
//	E siren name                        an EPCI
//	C code dep epci parent name         a commune; epci is the index of its E line
//	                                    (-1 when none); parent is empty for a
//	                                    current commune, else the current commune
//	                                    it belongs to (commune déléguée or associée,
//	                                    arrondissement municipal)
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type commune struct {
	Code        string `json:"code"`
	Nom         string `json:"nom"`
	Type        string `json:"type"`
	Departement string `json:"departement"`
	ChefLieu    string `json:"chefLieu"`
	Commune     string `json:"commune"`
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
	fmt.Fprintf(&b, "# @etalab/decoupage-administratif %s\n", pkg.Version)
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
	return os.WriteFile(out, z.Bytes(), 0o644)
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
