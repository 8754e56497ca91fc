package spie

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Label is a text in French (first) and English.
type Label struct {
	FR string `json:"fr"`
	EN string `json:"en,omitempty"`
}

// String returns the French text.
func (l Label) String() string { return l.FR }

// Definition describes one key of a code list: its French and English labels,
// a description, the source it was taken from and its mappings to external
// code lists (for example "data-inclusion/categorie" or "ft-dsp/contrainte").
// Sensitive marks a value that is itself health data (RGPD art. 9): the one
// place where socle decides what is health data (the santé thématique, the
// reasons of a contract adjustment that reveal health, the carnet's santé
// section); the code lists derived from such a value (the situations and
// objectifs of a thématique) read the flag of their thématique.
type Definition struct {
	Key         string              `json:"key"`
	Label       Label               `json:"label"`
	Description Label               `json:"description,omitzero"`
	Source      string              `json:"source,omitempty"`
	Group       string              `json:"group,omitempty"`
	Map         map[string][]string `json:"map,omitempty"`
	Sensitive   bool                `json:"sensitive,omitempty"`
}

// Definitions is one code list. Its order is the display order.
type Definitions []Definition

// Get returns the definition of key.
func (ds Definitions) Get(key string) (Definition, bool) {
	for _, d := range ds {
		if d.Key == key {
			return d, true
		}
	}
	return Definition{}, false
}

// Has reports whether key belongs to the list.
func (ds Definitions) Has(key string) bool {
	_, ok := ds.Get(key)
	return ok
}

// Keys returns the keys in display order.
func (ds Definitions) Keys() []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Key
	}
	return out
}

// LabelOf returns the French label of key, or the key itself when unknown.
func (ds Definitions) LabelOf(key string) string {
	if d, ok := ds.Get(key); ok {
		return d.Label.FR
	}
	return key
}

// LabelFor returns the label of key in both languages, for a fault message
// (FaultType.At writes each language's text in its template); an unknown
// key is its own label in both languages.
func (ds Definitions) LabelFor(key string) Label {
	if d, ok := ds.Get(key); ok {
		return d.Label
	}
	return Label{FR: key, EN: key}
}

// Sensitive reports whether key is a sensitive value of the list (see
// Definition.Sensitive); an unknown key is not.
func (ds Definitions) Sensitive(key string) bool {
	d, ok := ds.Get(key)
	return ok && d.Sensitive
}

// SensitiveKeys returns the keys marked sensitive, in display order.
func (ds Definitions) SensitiveKeys() []string {
	var out []string
	for _, d := range ds {
		if d.Sensitive {
			out = append(out, d.Key)
		}
	}
	return out
}

// InGroup returns the definitions whose Group is g.
func (ds Definitions) InGroup(g string) Definitions {
	var out Definitions
	for _, d := range ds {
		if d.Group == g {
			out = append(out, d)
		}
	}
	return out
}

// Mapped returns the keys of the definitions that map to value under the
// mapping name (the reverse of Definition.Map).
func (ds Definitions) Mapped(name, value string) []string {
	var out []string
	for _, d := range ds {
		for _, v := range d.Map[name] {
			if v == value {
				out = append(out, d.Key)
				break
			}
		}
	}
	return out
}

// Check returns a description of what is wrong with the list itself: empty or
// repeated keys, missing French labels. It returns nil for a sound list.
func (ds Definitions) Check() error {
	seen := make(map[string]bool, len(ds))
	var problems []string
	for i, d := range ds {
		switch {
		case d.Key == "":
			problems = append(problems, fmt.Sprintf("entrée %d : clé vide", i))
		case seen[d.Key]:
			problems = append(problems, fmt.Sprintf("clé répétée %q", d.Key))
		}
		if strings.TrimSpace(d.Label.FR) == "" {
			problems = append(problems, fmt.Sprintf("clé %q : libellé français vide", d.Key))
		}
		seen[d.Key] = true
	}
	if len(problems) > 0 {
		return fmt.Errorf("liste de définitions invalide : %s", strings.Join(problems, " ; "))
	}
	return nil
}

// Enum is implemented by the string types whose values come from one code
// list. The schema generator turns it into a JSON Schema oneOf of constants
// with French titles; validators use it to check values.
type Enum interface {
	Definitions() Definitions
}

// LoadDefinitions reads a catalogue of definitions stored as a JSON array in
// fsys (large official lists are embedded data, not Go literals) and checks it.
func LoadDefinitions(fsys fs.FS, name string) (Definitions, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("lecture du catalogue %s : %w", name, err)
	}
	var ds Definitions
	if err := json.Unmarshal(b, &ds); err != nil {
		return nil, fmt.Errorf("catalogue %s illisible : %w", name, err)
	}
	if err := ds.Check(); err != nil {
		return nil, fmt.Errorf("catalogue %s : %w", name, err)
	}
	return ds, nil
}

// MustLoadDefinitions is LoadDefinitions for catalogues embedded in the
// binary, whose soundness tests guarantee; it panics only on a build defect.
func MustLoadDefinitions(fsys fs.FS, name string) Definitions {
	ds, err := LoadDefinitions(fsys, name)
	if err != nil {
		panic(err)
	}
	return ds
}

// SortedKeys returns the keys in lexical order.
func (ds Definitions) SortedKeys() []string {
	k := ds.Keys()
	sort.Strings(k)
	return k
}
