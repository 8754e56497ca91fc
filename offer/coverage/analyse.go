package coverage

import (
	"fmt"
	"io"
	"sort"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
	"github.com/spie-fr/socle/spie/territory"
)

// Level is the territorial level of the cells.
type Level string

// Levels.
const (
	LevelCommune     Level = "commune"
	LevelEPCI        Level = "epci"
	LevelDepartement Level = "departement"
)

// Levels is the code list of levels.
var Levels = spie.Definitions{
	{Key: "commune", Label: spie.Label{FR: "Commune", EN: "Commune"}, Source: "Code officiel géographique"},
	{Key: "epci", Label: spie.Label{FR: "Intercommunalité (EPCI)", EN: "Intercommunality (EPCI)"}, Source: "Code officiel géographique"},
	{Key: "departement", Label: spie.Label{FR: "Département", EN: "Département"}, Source: "Code officiel géographique"},
}

// Definitions implements spie.Enum.
func (Level) Definitions() spie.Definitions { return Levels }

// Status is how well a cell is covered.
type Status string

// Statuses.
const (
	StatusUncovered Status = "non-couvert"
	StatusThin      Status = "faiblement-couvert"
	StatusCovered   Status = "couvert"
)

// Statuses is the code list of coverage statuses.
var Statuses = spie.Definitions{
	{Key: "non-couvert", Label: spie.Label{FR: "Non couvert", EN: "Uncovered"}, Source: "socle SPIE",
		Description: spie.Label{FR: "Aucun service éligible sur le territoire pour cette thématique.", EN: "No eligible service in the territory for this theme."}},
	{Key: "faiblement-couvert", Label: spie.Label{FR: "Faiblement couvert", EN: "Thinly covered"}, Source: "socle SPIE",
		Description: spie.Label{FR: "Le nombre de personnes ayant un besoin par service éligible atteint le seuil.", EN: "People in need per eligible service reach the threshold."}},
	{Key: "couvert", Label: spie.Label{FR: "Couvert", EN: "Covered"}, Source: "socle SPIE"},
}

// Definitions implements spie.Enum.
func (Status) Definitions() spie.Definitions { return Statuses }

// DefaultThinRatio is the number of people in need per eligible service from
// which a cell is thinly covered (a socle default, not a national rule).
const DefaultThinRatio = 10

// Options set the analysis.
type Options struct {
	// Level of the cells (commune by default).
	Level Level
	// Threshold of the statistical secret (0: secret.DefaultThreshold).
	Threshold int
	// ThinRatio: people in need per service from which a cell is thinly covered (0: 10).
	ThinRatio float64
	// Date: diagnostics after it are left out (empty: none).
	Date spie.Date
}

// Report is the needs against the offer, cell by cell.
type Report struct {
	// Niveau territorial des cellules.
	Level Level `json:"niveau"`
	// Seuil du secret statistique.
	Threshold int `json:"seuil_secret"`
	// Seuil de faible couverture (personnes par service).
	ThinRatio float64 `json:"seuil_faible_couverture"`
	// Reading counters (diagnostics read, later than the date, in an unknown
	// commune, unreadable, without need), for the operator who ran the
	// analysis. They are never published (left out of the JSON): with the
	// published cells they would give a secret cell back by difference
	// (3 read, 0 without need, 0 unknown commune and one secret cell: the
	// cell holds 3 people).
	Read        int `json:"-"`
	Later       int `json:"-"`
	NoCommune   int `json:"-"`
	Unreadable  int `json:"-"`
	WithoutNeed int `json:"-"`
	// Services du catalogue.
	Services int `json:"services_catalogue"`
	// Cellules publiées, les manques d'abord.
	Cells []Cell `json:"cellules"`
	// Cellules non publiées (secret statistique).
	SecretCells int `json:"cellules_masquees"`
}

// Cell is one territory × thématique.
type Cell struct {
	Rank          int             `json:"rang"`
	Territory     string          `json:"territoire"`
	TerritoryName string          `json:"nom_territoire"`
	Thematique    spie.Thematique `json:"thematique"`
	// Personnes ayant un besoin dans la thématique.
	People secret.Cell `json:"personnes"`
	// Dont freins forts et moyens (thématiques de freins).
	Fort  *secret.Cell `json:"frein_fort,omitempty"`
	Moyen *secret.Cell `json:"frein_moyen,omitempty"`
	// Services éligibles sur le territoire pour la thématique.
	Services int `json:"services_eligibles"`
	// Personnes par service (absent sans service).
	PerService *float64 `json:"personnes_par_service,omitempty"`
	Status     Status   `json:"couverture"`
}

type counts struct{ people, fort, moyen int }

type cellKey struct {
	unit string
	them spie.Thematique
}

// Analyse reads a stream of diagnostics (NDJSON, a JSON array or one
// document, read by internal/input with its default size limit) and sets
// the needs against the catalogue's services. Unreadable documents are
// returned as faults (INPUT-JSON-01 or INPUT-SIZE-01, placed by
// input.Doc.Locate) and counted; an error is returned when the stream
// cannot be read.
//
// Memory is bounded by the communes and thématiques met, not by the length
// of the stream: each document counts on its own, so the stream should hold one
// diagnostic per person (the latest), as an export of the current
// situations does; a person diagnosed twice in it is counted twice.
//
// A threshold below secret.DefaultThreshold (RULES.md §10) is refused: no
// cell, the fault SECRET-SEUIL-01 at /seuil_secret, also returned as the
// error.
func Analyse(r io.Reader, cat *offer.Catalogue, opts Options) (Report, spie.Faults, error) {
	if cat == nil {
		return Report{}, nil, fmt.Errorf("catalogue de services absent")
	}
	if opts.Level == "" {
		opts.Level = LevelCommune
	}
	if !Levels.Has(string(opts.Level)) {
		return Report{}, nil, fmt.Errorf("niveau territorial inconnu : %q (commune, epci ou departement)", opts.Level)
	}
	if f := secret.CheckThreshold(opts.Threshold, "/seuil_secret"); f != nil {
		return Report{Level: opts.Level, Threshold: opts.Threshold}, spie.Faults{*f}, *f
	}
	if opts.Threshold <= 0 {
		opts.Threshold = secret.DefaultThreshold
	}
	if opts.ThinRatio <= 0 {
		opts.ThinRatio = DefaultThinRatio
	}
	tb := territory.Default()
	rep := Report{Level: opts.Level, Threshold: opts.Threshold, ThinRatio: opts.ThinRatio, Services: cat.Len()}
	needs := map[string]map[spie.Thematique]*counts{} // by commune
	var fs spie.Faults
	err := input.Decode(r, input.Options{}, func(_ input.Doc, d *diagnostic.Diagnostic) error {
		rep.Read++
		if !opts.Date.IsZero() && d.Date.After(opts.Date) {
			rep.Later++
			return nil
		}
		com, ok := tb.Commune(string(d.Person.Commune))
		if !ok {
			rep.NoCommune++
			return nil
		}
		if com.Parent != "" {
			if p, ok := tb.Commune(com.Parent); ok {
				com = p
			}
		}
		ns := NeedsOf(d)
		if len(ns) == 0 {
			rep.WithoutNeed++
			return nil
		}
		m := needs[com.Code]
		if m == nil {
			m = map[spie.Thematique]*counts{}
			needs[com.Code] = m
		}
		for _, n := range ns {
			c := m[n.Thematique]
			if c == nil {
				c = &counts{}
				m[n.Thematique] = c
			}
			c.people++
			switch n.Impact {
			case diagnostic.ImpactFort:
				c.fort++
			case diagnostic.ImpactMoyen:
				c.moyen++
			}
		}
		return nil
	}, func(_ input.Doc, f spie.Fault) { rep.Unreadable++; fs = append(fs, f) })
	if err != nil {
		return rep, fs, err
	}

	// Services by SPIE thématique.
	byThem := map[spie.Thematique][]*offer.Service{}
	for _, s := range cat.Services() {
		for _, t := range ThematiquesOfService(s) {
			byThem[t] = append(byThem[t], s)
		}
	}
	// Aggregate to the level: needs summed, services counted once per unit.
	agg := map[cellKey]*counts{}
	eligible := map[cellKey]map[string]bool{}
	for code, m := range needs {
		com, _ := tb.Commune(code)
		unit := unitOf(com, opts.Level)
		for th, c := range m {
			k := cellKey{unit, th}
			a := agg[k]
			if a == nil {
				a = &counts{}
				agg[k] = a
				eligible[k] = map[string]bool{}
			}
			a.people += c.people
			a.fort += c.fort
			a.moyen += c.moyen
			for _, s := range byThem[th] {
				if eligible[k][s.ID] {
					continue
				}
				if _, ok := cat.Eligible(s, code); ok {
					eligible[k][s.ID] = true
				}
			}
		}
	}
	// One table for the report: each cell's people and their breakdown by
	// impact (fort, moyen published; the rest hidden), under the statistical
	// secret.
	tab := secret.NewTable(opts.Threshold)
	type ids struct{ people, fort, moyen secret.ID }
	cellIDs := map[cellKey]ids{}
	for k, c := range agg {
		x := ids{people: tab.Count(c.people), fort: -1, moyen: -1}
		if hasImpact(k.them) {
			x.fort, x.moyen = tab.Count(c.fort), tab.Count(c.moyen)
			tab.Rest(x.people, x.fort, x.moyen)
		}
		cellIDs[k] = x
	}
	tab.Protect()
	for k, c := range agg {
		x := cellIDs[k]
		if tab.Secret(x.people) {
			rep.SecretCells++
			continue
		}
		cell := Cell{Territory: k.unit, TerritoryName: unitName(tb, k.unit, opts.Level), Thematique: k.them,
			People: tab.Cell(x.people), Services: len(eligible[k])}
		if hasImpact(k.them) {
			fort, moyen := tab.Cell(x.fort), tab.Cell(x.moyen)
			cell.Fort, cell.Moyen = &fort, &moyen
		}
		switch {
		case cell.Services == 0:
			cell.Status = StatusUncovered
		default:
			ratio := float64(int(float64(c.people)/float64(cell.Services)*10+0.5)) / 10
			cell.PerService = &ratio
			cell.Status = StatusCovered
			if float64(c.people)/float64(cell.Services) >= opts.ThinRatio {
				cell.Status = StatusThin
			}
		}
		rep.Cells = append(rep.Cells, cell)
	}
	sortCells(rep.Cells)
	return rep, fs, nil
}

// hasImpact reports whether the cells of a thématique are broken down by
// impact (the professional situation's thématiques are not).
func hasImpact(t spie.Thematique) bool {
	return t != spie.ThematiqueEmploiFormation && t != spie.ThematiqueCreationEntreprise
}

func statusOrder(s Status) int {
	switch s {
	case StatusUncovered:
		return 0
	case StatusThin:
		return 1
	}
	return 2
}

// sortCells ranks the gaps: uncovered cells by people in need, then thinly
// covered and covered cells by people per service, ties by territory and
// thématique.
func sortCells(cs []Cell) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if oa, ob := statusOrder(a.Status), statusOrder(b.Status); oa != ob {
			return oa < ob
		}
		pa, _ := a.People.Int()
		pb, _ := b.People.Int()
		if a.Status == StatusUncovered {
			if pa != pb {
				return pa > pb
			}
		} else if *a.PerService != *b.PerService {
			return *a.PerService > *b.PerService
		}
		if a.Territory != b.Territory {
			return a.Territory < b.Territory
		}
		return a.Thematique < b.Thematique
	})
	for i := range cs {
		cs[i].Rank = i + 1
	}
}

func unitOf(c territory.Commune, l Level) string {
	switch l {
	case LevelEPCI:
		if c.EPCI == "" {
			return "sans-epci-" + c.Code
		}
		return c.EPCI
	case LevelDepartement:
		return c.Departement
	}
	return c.Code
}

func unitName(tb *territory.Table, unit string, l Level) string {
	switch l {
	case LevelEPCI:
		if e, ok := tb.EPCI(unit); ok {
			return e.Name
		}
	case LevelDepartement:
		if d, ok := tb.Departement(unit); ok {
			return d.Name
		}
	default:
		if c, ok := tb.Commune(unit); ok {
			return c.Name
		}
	}
	return unit
}
