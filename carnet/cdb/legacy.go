package cdb

import (
	_ "embed"
	"encoding/json"
	"strings"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
)

// Renaming is one renaming of a label by a migration of the carnet de bord:
// notebooks exported before it hold Old.
type Renaming struct {
	// Kind is "objectif" (notebook_target, ref_target) or "action"
	// (notebook_action, ref_action).
	Kind string `json:"type"`
	Old  string `json:"ancien"`
	New  string `json:"nouveau"`
	// Source is the migration file and the table it updates.
	Source string `json:"source"`
}

// legacyTable is the document of legacy.json.
type legacyTable struct {
	Description string     `json:"description"`
	Repo        string     `json:"depot"`
	Commit      string     `json:"commit"`
	Folder      string     `json:"dossier"`
	Renamings   []Renaming `json:"renommages"`
}

//go:embed legacy.json
var legacyJSON []byte

// Renamings is the one table of the legacy labels of the carnet de bord:
// every UPDATE of a target or action label in its Hasura migrations
// (gip-inclusion/carnet-de-bord, hasura/migrations/carnet_de_bord at commit
// LegacySourceCommit), in migration order: the 2022 referential updates
// (1646932547523_update_referentiel, 1647357936182_referentiel-update-2),
// the 2023 changes (1674589230652_update-referentiel-situations,
// 1680096458370_fix-referentiel, 1680096458377_add-ref-theme, which also
// moved targets from the emploi and formation themes to the new themes
// without changing the notebooks' focus themes) and the typo fixes. A
// renaming of ref_* alone (ref_target "Définir un parcours de formation
// personnalisé" → "Monter son dossier de formation") left the old label in
// notebooks: it is here too. Rows whose chain ends outside the current
// referential (a label the peer later deleted) are left out: such a label
// is kept as free text.
var Renamings []Renaming

// LegacySourceCommit is the commit of the peer whose migrations Renamings
// reads.
var LegacySourceCommit string

func init() {
	var t legacyTable
	if err := json.Unmarshal(legacyJSON, &t); err != nil {
		panic("cdb : legacy.json illisible : " + err.Error()) // build defect, ruled out by the tests
	}
	Renamings, LegacySourceCommit = t.Renamings, t.Commit
	objectifByLabel = labelIndex(diagnostic.Objectifs.Keys(), func(k string) []string {
		d, _ := diagnostic.Objectifs.Get(k)
		return d.Map[diagnostic.MapCarnetObjectif]
	})
	actionByLabel = labelIndex(carnet.CatalogActions.Keys(), func(k string) []string {
		d, _ := carnet.CatalogActions.Get(k)
		return d.Map[carnet.MapCarnetAction]
	})
}

var objectifByLabel, actionByLabel map[string]string

// labelIndex maps each libellé of the carnet de bord referential ("theme|
// libelle" entries) to the socle key; a libellé found under two keys is
// left out (the peer's referential has none: its descriptions are unique).
func labelIndex(keys []string, entries func(string) []string) map[string]string {
	m := map[string]string{}
	dup := map[string]bool{}
	for _, k := range keys {
		for _, e := range entries(k) {
			_, label, _ := strings.Cut(e, "|")
			if prev, ok := m[label]; ok && prev != k {
				dup[label] = true
			}
			m[label] = k
		}
	}
	for l := range dup {
		delete(m, l)
	}
	return m
}

// match is how a label of the notebook was read.
type match struct {
	key     string   // socle key, "" when not in the referential
	current string   // the label in the current referential
	legacy  bool     // found through Renamings or under another theme
	sources []string // the migrations applied
}

// resolve finds label (stored under the focus theme) in the current
// referential of kind: the exact (theme, label) pair; else the label
// followed through the renamings, in migration order, then looked up alone
// (the peer stores no theme with a target or an action: the focus gives it,
// and the 2023 change moved referential rows to other themes; its
// descriptions are unique, so the label alone designates the row).
func resolve(kind, theme, label string) match {
	exact, index := exactObjectif, objectifByLabel
	if kind == kindAction {
		exact, index = exactAction, actionByLabel
	}
	if k, ok := exact(theme, label); ok {
		return match{key: k, current: label}
	}
	cur, sources := label, []string(nil)
	for _, r := range Renamings {
		if r.Kind == kind && r.Old == cur {
			cur = r.New
			sources = append(sources, r.Source)
		}
	}
	if k, ok := index[cur]; ok {
		return match{key: k, current: cur, legacy: true, sources: sources}
	}
	return match{}
}

const (
	kindObjectif = "objectif"
	kindAction   = "action"
)

func exactObjectif(theme, label string) (string, bool) {
	o, ok := diagnostic.ObjectifForCarnet(theme, label)
	return string(o), ok
}

func exactAction(theme, label string) (string, bool) {
	a, ok := carnet.CatalogActionForCarnet(theme, label)
	return string(a), ok
}
