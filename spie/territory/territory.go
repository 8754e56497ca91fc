package territory

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spie-fr/socle/spie"
)

//go:embed communes.tsv.gz
var table []byte

// Commune is a commune of the Code officiel géographique.
type Commune struct {
	Code        string
	Name        string
	Departement string
	// EPCI is the SIREN of the EPCI the commune belongs to ("" when none,
	// e.g. islands without intercommunality).
	EPCI string
	// Parent is, for a commune déléguée or associée or a municipal
	// arrondissement, the current commune it belongs to; "" otherwise.
	Parent string
}

// Departement is a département.
type Departement struct {
	Code, Region, Name string
}

// EPCI is an établissement public de coopération intercommunale.
type EPCI struct {
	Code, Name string
}

// Table holds the territories.
type Table struct {
	Version      string
	communes     map[string]Commune
	departements map[string]Departement
	epcis        map[string]EPCI
	epciMembers  map[string][]string
	byDep        map[string][]string // current communes of each département
}

var (
	once    sync.Once
	def     *Table
	loadErr error
)

// Default returns the embedded table, loaded on first use.
func Default() *Table {
	once.Do(func() { def, loadErr = Parse(table) })
	if loadErr != nil {
		// The table is generated and tested: a failure is a build defect.
		panic(loadErr)
	}
	return def
}

// Parse reads a table in the gzip'd format of internal/gen/territory.
func Parse(gz []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("table des territoires illisible : %w", err)
	}
	t := &Table{communes: map[string]Commune{}, departements: map[string]Departement{}, epcis: map[string]EPCI{}, epciMembers: map[string][]string{}, byDep: map[string][]string{}}
	var epciList []string
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "#") {
			if v, ok := strings.CutPrefix(s, "# source: "); ok {
				t.Version = v
			}
			continue
		}
		f := strings.Split(s, "\t")
		bad := func() error { return fmt.Errorf("table des territoires, ligne %d mal formée : %q", line, s) }
		switch {
		case f[0] == "D" && len(f) == 4:
			t.departements[f[1]] = Departement{Code: f[1], Region: f[2], Name: f[3]}
		case f[0] == "E" && len(f) == 3:
			t.epcis[f[1]] = EPCI{Code: f[1], Name: f[2]}
			epciList = append(epciList, f[1])
		case f[0] == "C" && len(f) == 6:
			i, err := strconv.Atoi(f[3])
			if err != nil || i >= len(epciList) {
				return nil, bad()
			}
			c := Commune{Code: f[1], Departement: f[2], Parent: f[4], Name: f[5]}
			if i >= 0 {
				c.EPCI = epciList[i]
				if c.Parent == "" {
					t.epciMembers[c.EPCI] = append(t.epciMembers[c.EPCI], c.Code)
				}
			}
			t.communes[c.Code] = c
			if c.Parent == "" {
				t.byDep[c.Departement] = append(t.byDep[c.Departement], c.Code)
			}
		default:
			return nil, bad()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("table des territoires illisible : %w", err)
	}
	return t, nil
}

// Commune returns the commune of an INSEE code (current, déléguée, associée
// or municipal arrondissement).
func (t *Table) Commune(code string) (Commune, bool) {
	c, ok := t.communes[code]
	return c, ok
}

// Departement returns the département of a code.
func (t *Table) Departement(code string) (Departement, bool) {
	d, ok := t.departements[code]
	return d, ok
}

// EPCI returns the EPCI of a SIREN.
func (t *Table) EPCI(code string) (EPCI, bool) {
	e, ok := t.epcis[code]
	return e, ok
}

// Members returns the current communes of an EPCI, in code order.
func (t *Table) Members(epci string) []string { return t.epciMembers[epci] }

// Communes returns the number of commune codes known.
func (t *Table) Communes() int { return len(t.communes) }

// CommunesOf returns the current communes of a département, in code order.
func (t *Table) CommunesOf(dep string) []Commune {
	codes := t.byDep[dep]
	out := make([]Commune, len(codes))
	for i, c := range codes {
		out[i] = t.communes[c]
	}
	return out
}

// DepartementsOf returns the départements of a region, in code order.
func (t *Table) DepartementsOf(region string) []string {
	var out []string
	for code, d := range t.departements {
		if d.Region == region {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// CheckCommune reports, at the JSON Pointer path, a commune code that is not
// in the table: [spie.FaultCommuneUnknown] (SPIE-COMMUNE-02, a warning). An
// empty code gives no fault. A code of the wrong shape is unknown too: callers
// that already report the shape (spie.CheckIdentifier, SPIE-COMMUNE-01) call
// it for well-formed codes only, so that one code gets one fault.
func (t *Table) CheckCommune(code spie.CommuneCode, path string) spie.Faults {
	if code == "" {
		return nil
	}
	if _, ok := t.communes[string(code)]; ok {
		return nil
	}
	return spie.Faults{spie.FaultCommuneUnknown.At(path, string(code))}
}

// CheckCommune is [Table.CheckCommune] on the embedded table: the one check
// of commune existence that every kind holding a commune uses.
func CheckCommune(code spie.CommuneCode, path string) spie.Faults {
	return Default().CheckCommune(code, path)
}
