package diagnostic

import (
	"fmt"
	"sync"

	"github.com/spie-fr/socle/spie"
)

// Mapping names of the referential catalogues, used in spie.Definition.Map.
const (
	// MapDSPSituation maps to the France Travail DSP situation codes.
	MapDSPSituation = "ft-dsp/situation"
	// MapDSPObjectif maps to the France Travail DSP objectif codes.
	MapDSPObjectif = "ft-dsp/objectif"
	// MapCarnetSituation maps to the carnet de bord situations, "theme|libelle".
	MapCarnetSituation = "carnet-de-bord/situation"
	// MapCarnetObjectif maps to the carnet de bord objectifs, "theme|libelle".
	MapCarnetObjectif = "carnet-de-bord/objectif"
)

// The catalogues are the JSON files of catalog/ (one definition per fact,
// checked by spie.LoadDefinitions); catalog_gen.go holds them as Go literals
// so that no JSON is decoded at package initialisation (issue 17 item 4). A
// test compares each literal to its decoded file.
//
//go:generate go run ../internal/gen/catalogues -dir catalog -pkg diagnostic -out catalog_gen.go

// Situations is the referential of the situations observed during a
// diagnostic: every situation of the France Travail DSP (codes 6–41) and of
// the carnet de bord, one definition per fact. Group is the SPIE thématique.
// Situations of the sante thématique are sensitive data (RGPD art. 9).
var Situations = catalogSituations

// Objectifs is the referential of the objectifs a diagnostic can retain:
// every objectif of the France Travail DSP (codes 1–32) and of the carnet de
// bord, one definition per fact, mapped to data·inclusion thématiques.
var Objectifs = catalogObjectifs

// BesoinDefinitions is the referential of the 20 besoins of the professional
// project of the France Travail DSP (codes 1–21, no 7), mapped to the
// data·inclusion thématiques. (Besoins is the map of a diagnostic's besoins.)
var BesoinDefinitions = catalogBesoins

// Situation is a key of Situations.
type Situation string

// Objectif is a key of Objectifs.
type Objectif string

// Besoin is a key of BesoinDefinitions.
type Besoin string

// Definitions implements spie.Enum.
func (Situation) Definitions() spie.Definitions { return Situations }

// Definitions implements spie.Enum.
func (Objectif) Definitions() spie.Definitions { return Objectifs }

// Definitions implements spie.Enum.
func (Besoin) Definitions() spie.Definitions { return BesoinDefinitions }

// Valid reports whether s is a known situation.
func (s Situation) Valid() bool { return situationIndex().defs[string(s)].Key != "" }

// Valid reports whether o is a known objectif.
func (o Objectif) Valid() bool { return objectifIndex().defs[string(o)].Key != "" }

// Valid reports whether b is a known besoin.
func (b Besoin) Valid() bool { return besoinIndex().defs[string(b)].Key != "" }

// Label returns the French label of s, or s itself when unknown.
func (s Situation) Label() string { return situationIndex().label(string(s)) }

// Label returns the French label of o, or o itself when unknown.
func (o Objectif) Label() string { return objectifIndex().label(string(o)) }

// Label returns the French label of b, or b itself when unknown.
func (b Besoin) Label() string { return besoinIndex().label(string(b)) }

// Thematique returns the SPIE thématique of s ("" when s is unknown).
func (s Situation) Thematique() spie.Thematique { return situationIndex().thematique(string(s)) }

// Thematique returns the SPIE thématique of o ("" when o is unknown).
func (o Objectif) Thematique() spie.Thematique { return objectifIndex().thematique(string(o)) }

// Thematique returns the SPIE thématique of b: emploi-formation or
// creation-entreprise ("" when b is unknown).
func (b Besoin) Thematique() spie.Thematique { return besoinIndex().thematique(string(b)) }

// Sensitive reports whether s is health data, which only the person and
// their référent may see (RGPD art. 9): its thématique (Group) is marked
// Sensitive in spie.Thematiques.
func (s Situation) Sensitive() bool { return s.Thematique().Sensitive() }

// Sensitive reports whether o is health data: its thématique is marked
// Sensitive in spie.Thematiques.
func (o Objectif) Sensitive() bool { return o.Thematique().Sensitive() }

// SituationForDSP returns the situation of a France Travail DSP situation code.
func SituationForDSP(code string) (Situation, bool) {
	k, ok := situationIndex().byDSP[code]
	return Situation(k), ok
}

// ObjectifForDSP returns the objectif of a France Travail DSP objectif code.
func ObjectifForDSP(code string) (Objectif, bool) {
	k, ok := objectifIndex().byDSP[code]
	return Objectif(k), ok
}

// BesoinForDSP returns the besoin of a France Travail DSP besoin code.
func BesoinForDSP(code string) (Besoin, bool) {
	k, ok := besoinIndex().byDSP[code]
	return Besoin(k), ok
}

// SituationForCarnet returns the situation of a carnet de bord situation,
// given by its theme and libellé exactly as the carnet de bord stores them.
func SituationForCarnet(theme, libelle string) (Situation, bool) {
	k, ok := situationIndex().byCarnet[theme+"|"+libelle]
	return Situation(k), ok
}

// ObjectifForCarnet returns the objectif of a carnet de bord objectif, given
// by its theme and libellé exactly as the carnet de bord stores them.
func ObjectifForCarnet(theme, libelle string) (Objectif, bool) {
	k, ok := objectifIndex().byCarnet[theme+"|"+libelle]
	return Objectif(k), ok
}

// DSPCode returns the France Travail DSP situation code of s, if it has one.
func (s Situation) DSPCode() (string, bool) { return situationIndex().dspCode(string(s)) }

// DSPCode returns the France Travail DSP objectif code of o, if it has one.
func (o Objectif) DSPCode() (string, bool) { return objectifIndex().dspCode(string(o)) }

// DSPCode returns the France Travail DSP besoin code of b.
func (b Besoin) DSPCode() (string, bool) { return besoinIndex().dspCode(string(b)) }

// DataInclusionThematiques returns the data·inclusion v1 thématiques that
// serve objectif o.
func (o Objectif) DataInclusionThematiques() []string {
	return objectifIndex().defs[string(o)].Map[spie.MapDataInclusionThematique]
}

// DataInclusionThematiques returns the data·inclusion v1 thématiques that
// serve besoin b.
func (b Besoin) DataInclusionThematiques() []string {
	return besoinIndex().defs[string(b)].Map[spie.MapDataInclusionThematique]
}

// Besoin returns the DSP besoin of the professional project that the carnet
// de bord objectif o expresses (for example "Trouver sa formation").
func (o Objectif) Besoin() (Besoin, bool) {
	codes := objectifIndex().defs[string(o)].Map[spie.MapDSPBesoin]
	if len(codes) != 1 {
		return "", false
	}
	return BesoinForDSP(codes[0])
}

// referentialIndex holds the lookups of one catalogue, built once on first use.
type referentialIndex struct {
	defs     map[string]spie.Definition
	byDSP    map[string]string // DSP code → key
	toDSP    map[string]string // key → DSP code
	byCarnet map[string]string // "theme|libelle" → key
}

// The indexes are built on first use, not at package initialisation (issue
// 17 item 4: a widget starts without them).
var (
	situationIndex = sync.OnceValue(func() referentialIndex {
		return newReferentialIndex(Situations, MapDSPSituation, MapCarnetSituation)
	})
	objectifIndex = sync.OnceValue(func() referentialIndex {
		return newReferentialIndex(Objectifs, MapDSPObjectif, MapCarnetObjectif)
	})
	besoinIndex = sync.OnceValue(func() referentialIndex {
		return newReferentialIndex(BesoinDefinitions, spie.MapDSPBesoin, "")
	})
)

// newReferentialIndex indexes ds by key, DSP code and carnet de bord entry.
// A code mapped twice is a build defect of the generated catalogue, which the
// conformance tests rule out (they build the three indexes: any lookup does);
// it panics rather than answer wrongly.
func newReferentialIndex(ds spie.Definitions, dspMap, carnetMap string) referentialIndex {
	ix := referentialIndex{
		defs:     make(map[string]spie.Definition, len(ds)),
		byDSP:    make(map[string]string),
		toDSP:    make(map[string]string),
		byCarnet: make(map[string]string),
	}
	add := func(m map[string]string, v, key string) {
		if prev, dup := m[v]; dup {
			panic(fmt.Sprintf("catalogue : %q est associé à %q et à %q", v, prev, key))
		}
		m[v] = key
	}
	for _, d := range ds {
		ix.defs[d.Key] = d
		for _, code := range d.Map[dspMap] {
			add(ix.byDSP, code, d.Key)
			add(ix.toDSP, d.Key, code)
		}
		if carnetMap != "" {
			for _, v := range d.Map[carnetMap] {
				add(ix.byCarnet, v, d.Key)
			}
		}
	}
	return ix
}

func (ix referentialIndex) label(key string) string {
	if d, ok := ix.defs[key]; ok {
		return d.Label.FR
	}
	return key
}

func (ix referentialIndex) thematique(key string) spie.Thematique {
	return spie.Thematique(ix.defs[key].Group)
}

// known is Valid and Thematique of key in one lookup: its thématique, and
// whether key is in the index (the rules ask both of every situation and
// objectif).
func (ix referentialIndex) known(key string) (spie.Thematique, bool) {
	d := ix.defs[key]
	return spie.Thematique(d.Group), d.Key != ""
}

func (ix referentialIndex) dspCode(key string) (string, bool) {
	c, ok := ix.toDSP[key]
	return c, ok
}
