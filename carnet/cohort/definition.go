package cohort

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Definition is a cohort: who belongs to it, where and when.
type Definition struct {
	// Code de la cohorte, stable (par exemple « laon-18-30 »).
	Code string `json:"code" jsonschema:"minLength=1,maxLength=60,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Nom de la cohorte.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Description de la cohorte.
	Description string `json:"description,omitempty" jsonschema:"maxLength=2000"`
	// Source de la définition (projet SPIE, délibération…).
	Source string `json:"source,omitempty" jsonschema:"maxLength=500"`
	// Territoire de la cohorte : la commune de résidence doit en faire partie.
	Territory Territory `json:"territoire"`
	// Tranche d'âge, bornes comprises.
	Age *AgeRange `json:"age,omitempty"`
	// Conditions sur les critères de public.
	Conditions []Condition `json:"criteres,omitempty" jsonschema:"maxItems=20"`
	// Tous les critères doivent être remplis (tous, par défaut) ou au moins un.
	Mode Mode `json:"mode,omitempty"`
	// Début de l'expérimentation.
	Start spie.Date `json:"debut,omitempty"`
	// Fin de l'expérimentation.
	End spie.Date `json:"fin,omitempty"`
}

// Territory is a union of communes, EPCI and départements.
type Territory struct {
	// Codes INSEE des communes.
	Communes []spie.CommuneCode `json:"communes,omitempty" jsonschema:"maxItems=1000,uniqueItems=true"`
	// SIREN des EPCI.
	EPCI []spie.EPCICode `json:"epci,omitempty" jsonschema:"maxItems=100,uniqueItems=true"`
	// Codes des départements.
	Departements []spie.DepartementCode `json:"departements,omitempty" jsonschema:"maxItems=101,uniqueItems=true"`
}

// AgeRange is an age range in whole years, bounds included.
type AgeRange struct {
	// Âge minimal, compris.
	Min *int `json:"min,omitempty" jsonschema:"minimum=0,maximum=120"`
	// Âge maximal, compris.
	Max *int `json:"max,omitempty" jsonschema:"minimum=0,maximum=120"`
}

// Condition requires a public criterion to be true (or false).
type Condition struct {
	// Critère de public.
	Criterion Criterion `json:"critere"`
	// Valeur attendue (vrai par défaut).
	Value *bool `json:"valeur,omitempty"`
}

// Want returns the value the condition requires.
func (c Condition) Want() bool { return c.Value == nil || *c.Value }

// Mode combines the conditions.
type Mode string

// Modes.
const (
	ModeAll Mode = "tous"
	ModeAny Mode = "au-moins-un"
)

// Modes is the code list of modes.
var Modes = spie.Definitions{
	{Key: "tous", Label: spie.Label{FR: "Tous les critères", EN: "All criteria"}, Source: sourceCohorts},
	{Key: "au-moins-un", Label: spie.Label{FR: "Au moins un critère", EN: "At least one criterion"}, Source: sourceCohorts},
}

// Definitions implements spie.Enum.
func (Mode) Definitions() spie.Definitions { return Modes }

// Fault types of cohort definitions.
var (
	FaultCode          = &spie.FaultType{Code: "COHORTE-CODE-01", Severity: spie.SeverityError, FR: "code de cohorte manquant ou mal formé (minuscules, chiffres et tirets)", EN: "missing or malformed cohort code", Source: "format des cohortes de socle : code stable (minuscules, chiffres, tirets)"}
	FaultName          = &spie.FaultType{Code: "COHORTE-NOM-01", Severity: spie.SeverityError, FR: "nom de la cohorte manquant", EN: "missing cohort name", Source: "format des cohortes de socle"}
	FaultTerritory     = &spie.FaultType{Code: "COHORTE-TERRITOIRE-01", Severity: spie.SeverityError, FR: "territoire vide : au moins une commune, un EPCI ou un département", EN: "empty territory: at least one commune, EPCI or département", Source: "RULES.md §8 : une cohorte se définit par un public et un territoire"}
	FaultUnknownPlace  = &spie.FaultType{Code: "COHORTE-TERRITOIRE-02", Severity: spie.SeverityError, FR: "code inconnu du Code officiel géographique (%s) : %q", EN: "code unknown to the official geographic code (%s): %q", Source: "INSEE, Code officiel géographique et liste des EPCI (table de spie/territory, @etalab/decoupage-administratif)"}
	FaultPlaceTwice    = &spie.FaultType{Code: "COHORTE-TERRITOIRE-10", Severity: spie.SeverityWarning, FR: "territoire répété : %q", EN: "repeated territory: %q", Source: "cohérence du document, règle propre à socle"}
	FaultAgeBounds     = &spie.FaultType{Code: "COHORTE-AGE-01", Severity: spie.SeverityError, FR: "âge hors des bornes (0 à 120 ans)", EN: "age out of range (0 to 120)", Source: "plausibilité, règle propre à socle : âges de 0 à 120 ans"}
	FaultAgeEmpty      = &spie.FaultType{Code: "COHORTE-AGE-02", Severity: spie.SeverityError, FR: "tranche d'âge sans borne", EN: "age range without bounds", Source: "RULES.md §8 : une tranche d'âge (Laon : 18–30 ans) a au moins une borne"}
	FaultAgeOrder      = &spie.FaultType{Code: "COHORTE-AGE-10", Severity: spie.SeverityError, FR: "âge minimal supérieur à l'âge maximal", EN: "minimum age above maximum age", Source: "cohérence du document, règle propre à socle"}
	FaultCriterion     = &spie.FaultType{Code: "COHORTE-CRITERE-01", Severity: spie.SeverityError, FR: "critère de public inconnu : %q", EN: "unknown public criterion: %q", Source: "liste des critères de publics de socle (diagnostic.PublicCriteriaFlags)"}
	FaultCriterionMode = &spie.FaultType{Code: "COHORTE-CRITERE-02", Severity: spie.SeverityError, FR: "mode de combinaison inconnu : %q", EN: "unknown combination mode: %q", Source: "format des cohortes de socle : modes de combinaison des critères"}
	FaultCriterionTwic = &spie.FaultType{Code: "COHORTE-CRITERE-10", Severity: spie.SeverityError, FR: "critère répété : %q", EN: "repeated criterion: %q", Source: "cohérence du document, règle propre à socle"}
	FaultPeriodDate    = &spie.FaultType{Code: "COHORTE-PERIODE-01", Severity: spie.SeverityError, FR: "date mal formée : AAAA-MM-JJ attendu", EN: "malformed date: YYYY-MM-DD expected", Source: "ISO 8601 / RFC 3339 (date complète AAAA-MM-JJ)"}
	FaultPeriodOrder   = &spie.FaultType{Code: "COHORTE-PERIODE-10", Severity: spie.SeverityError, FR: "la fin de l'expérimentation précède son début", EN: "the experiment ends before it starts", Source: "cohérence du document, règle propre à socle"}
)

// codeRE is the form of a code, compiled on first use, not at package
// initialisation (issue 17 item 4: the first regexp a WebAssembly module
// compiles costs ≈ 100 ms there).
var codeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

// Check returns the faults of the definition. Communes and EPCI are checked
// against the Code officiel géographique (spie/territory); a definition
// with errors cannot be used to match.
func (d *Definition) Check() spie.Faults {
	var fs spie.Faults
	if !codeRE().MatchString(d.Code) || len(d.Code) > 60 {
		fs = append(fs, FaultCode.At(spie.Pointer("code")))
	}
	if strings.TrimSpace(d.Name) == "" {
		fs = append(fs, FaultName.At(spie.Pointer("nom")))
	}
	fs = append(fs, d.Territory.check()...)
	if a := d.Age; a != nil {
		switch {
		case a.Min == nil && a.Max == nil:
			fs = append(fs, FaultAgeEmpty.At(spie.Pointer("age")))
		case a.Min != nil && (*a.Min < 0 || *a.Min > 120):
			fs = append(fs, FaultAgeBounds.At(spie.Pointer("age", "min")))
		case a.Max != nil && (*a.Max < 0 || *a.Max > 120):
			fs = append(fs, FaultAgeBounds.At(spie.Pointer("age", "max")))
		case a.Min != nil && a.Max != nil && *a.Min > *a.Max:
			fs = append(fs, FaultAgeOrder.At(spie.Pointer("age", "max")))
		}
	}
	if d.Mode != "" && !Modes.Has(string(d.Mode)) {
		fs = append(fs, FaultCriterionMode.At(spie.Pointer("mode"), string(d.Mode)))
	}
	seen := map[Criterion]bool{}
	for i, c := range d.Conditions {
		p := spie.Pointer("criteres", i, "critere")
		switch {
		case !Criteria.Has(string(c.Criterion)):
			fs = append(fs, FaultCriterion.At(p, string(c.Criterion)))
		case seen[c.Criterion]:
			fs = append(fs, FaultCriterionTwic.At(p, string(c.Criterion)))
		}
		seen[c.Criterion] = true
	}
	for _, x := range []struct {
		d    spie.Date
		name string
	}{{d.Start, "debut"}, {d.End, "fin"}} {
		if !x.d.IsZero() {
			if _, ok := x.d.Time(); !ok {
				fs = append(fs, FaultPeriodDate.At(spie.Pointer(x.name)))
			}
		}
	}
	if !d.Start.IsZero() && !d.End.IsZero() && d.End.Before(d.Start) {
		fs = append(fs, FaultPeriodOrder.At(spie.Pointer("fin")))
	}
	fs.Sort()
	return fs
}

func (t Territory) check() spie.Faults {
	var fs spie.Faults
	if len(t.Communes)+len(t.EPCI)+len(t.Departements) == 0 {
		return spie.Faults{FaultTerritory.At(spie.Pointer("territoire"))}
	}
	tb := territory.Default()
	seen := map[string]bool{}
	twice := func(p, v string) {
		if seen[v] {
			fs = append(fs, FaultPlaceTwice.At(p, v))
		}
		seen[v] = true
	}
	for i, c := range t.Communes {
		p := spie.Pointer("territoire", "communes", i)
		if f := spie.CheckIdentifier(c, p); len(f) > 0 {
			fs = append(fs, f...)
		} else {
			fs = append(fs, tb.CheckCommune(c, p)...)
		}
		twice(p, "c"+string(c))
	}
	for i, e := range t.EPCI {
		p := spie.Pointer("territoire", "epci", i)
		if f := spie.CheckIdentifier(e, p); len(f) > 0 {
			fs = append(fs, f...)
		} else if _, ok := tb.EPCI(string(e)); !ok {
			fs = append(fs, FaultUnknownPlace.At(p, "EPCI", string(e)))
		}
		twice(p, "e"+string(e))
	}
	for i, d := range t.Departements {
		p := spie.Pointer("territoire", "departements", i)
		if f := spie.CheckIdentifier(d, p); len(f) > 0 {
			fs = append(fs, f...)
		} else if _, ok := tb.Departement(string(d)); !ok {
			fs = append(fs, FaultUnknownPlace.At(p, "département", string(d)))
		}
		twice(p, "d"+string(d))
	}
	return fs
}

// Contains reports whether the commune lies in the territory, and says how
// (in French).
func (t Territory) Contains(c spie.CommuneCode) (bool, string) {
	tb := territory.Default()
	com, known := tb.Commune(string(c))
	name := string(c)
	if known {
		name = fmt.Sprintf("%s (%s)", com.Name, c)
		if com.Parent != "" {
			if p, ok := tb.Commune(com.Parent); ok {
				com = p
			}
		}
	}
	for _, x := range t.Communes {
		if x == c || (known && string(x) == com.Code) {
			return true, name + ", commune de la cohorte"
		}
	}
	if known && com.EPCI != "" {
		for _, e := range t.EPCI {
			if string(e) == com.EPCI {
				en, _ := tb.EPCI(com.EPCI)
				return true, fmt.Sprintf("%s, dans l'EPCI %s", name, en.Name)
			}
		}
	}
	// The table's département, never the code's prefix: an unknown code
	// (the pre-2007 Saint-Martin 97127) is in no département.
	dep, depKnown := tb.DepartementOf(c)
	for _, d := range t.Departements {
		if depKnown && d == dep {
			return true, fmt.Sprintf("%s, dans le département %s", name, dep)
		}
	}
	if !known && len(t.EPCI) > 0 {
		return false, name + " : commune inconnue du Code officiel géographique"
	}
	return false, name + " : hors du territoire de la cohorte"
}
