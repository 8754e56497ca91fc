package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The corpus: realistic diagnostics of about 3.4 KB, derived from the
// example documents (whose rules they keep satisfying) with varied
// identifiers, texts and counts, and a share of documents spoilt the ways
// exchanged files go wrong. The same seed always gives the same bytes.

var sentences = []string{
	"La personne a été reçue en entretien individuel à l'agence de proximité.",
	"Elle souhaite reprendre une activité professionnelle rapidement, à temps partiel dans un premier temps.",
	"Les démarches d'ouverture de droits sont en cours auprès de la CAF et de la CPAM.",
	"Un accompagnement vers le numérique est proposé avec le conseiller numérique du territoire.",
	"La mobilité reste limitée aux transports en commun, le permis de conduire est un objectif à moyen terme.",
	"Le projet professionnel se précise après une période de mise en situation en milieu professionnel.",
	"Une orientation vers une structure d'insertion par l'activité économique est envisagée.",
	"La situation de logement est fragile : hébergement chez un tiers depuis plusieurs mois.",
	"Les enfants sont scolarisés, une solution de garde périscolaire est à trouver pour les horaires décalés.",
	"La personne exprime le besoin d'être accompagnée dans la rédaction de son CV.",
	"Un rendez-vous avec l'assistante sociale du secteur est fixé dans les quinze jours.",
	"Les compétences acquises lors des emplois saisonniers sont à valoriser.",
	"Une formation qualifiante dans la logistique pourrait être financée par la Région.",
	"Le suivi santé est assuré par le médecin traitant ; aucune contre-indication au travail n'est signalée.",
	"La personne se dit motivée et disponible pour un atelier collectif de recherche d'emploi.",
}

var communes = []string{"02408", "02173", "13055", "11069", "77288", "75056", "69123", "31555", "59350", "33063", "67482", "97411"}

// templates returns the valid example diagnostics as generic JSON trees.
func templates(root string) ([]map[string]any, error) {
	files, err := filepath.Glob(filepath.Join(root, "examples", "diagnostic", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("exemples de diagnostic introuvables sous %s (lancez depuis la racine du dépôt)", root)
	}
	sort.Strings(files)
	var out []map[string]any
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("%s : %w", f, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// generate returns n compact documents, one per NDJSON line; invalidPct of
// them (per cent) are spoilt.
func generate(root string, n int, seed uint64, invalidPct int) ([][]byte, error) {
	tpls, err := templates(root)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	out := make([][]byte, 0, n)
	for i := range n {
		doc := clone(tpls[r.IntN(len(tpls))]).(map[string]any)
		vary(r, doc, i)
		if r.IntN(100) < invalidPct {
			spoil(r, doc)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return nil, err
		}
		out = append(out, bytes.TrimRight(buf.Bytes(), "\n"))
	}
	return out, nil
}

func vary(r *rand.Rand, doc map[string]any, i int) {
	dep := communes[r.IntN(len(communes))]
	doc["id"] = fmt.Sprintf("diag-%s-2026-%06d", dep[:2], i)
	p := doc["personne"].(map[string]any)
	p["id"] = fmt.Sprintf("p-%08x", r.Uint32())
	if _, hasNIR := p["nir"]; !hasNIR {
		p["code_commune"] = dep
	}
	freins := doc["freins"].(map[string]any)
	keys := make([]string, 0, len(freins))
	for k := range freins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Texts until the document weighs about 3.4 KB, as a real diagnostic
	// with its professional's notes.
	target := 3000 + r.IntN(800)
	for size(doc) < target {
		f := freins[keys[r.IntN(len(keys))]].(map[string]any)
		field := "commentaire_professionnel"
		if r.IntN(3) == 0 {
			field = "details"
		}
		old, _ := f[field].(string)
		f[field] = strings.TrimSpace(old + " " + sentences[r.IntN(len(sentences))])
	}
	sp := doc["situation_professionnelle"].(map[string]any)
	if _, ok := sp["rayon_mobilite_km"]; ok {
		sp["rayon_mobilite_km"] = json.Number(fmt.Sprint(5 + r.IntN(60)))
	}
	names := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy"}
	for j, a := range doc["auteurs"].([]any) {
		a.(map[string]any)["nom"] = fmt.Sprintf("%c. %s (%d)", 'A'+rune(r.IntN(26)), names[r.IntN(len(names))], j+1)
	}
}

// spoil breaks a document the ways exchanged files go wrong.
func spoil(r *rand.Rand, doc map[string]any) {
	p := doc["personne"].(map[string]any)
	sp := doc["situation_professionnelle"].(map[string]any)
	switch r.IntN(8) {
	case 0:
		delete(p, "id")
	case 1:
		sp["situation_emploi"] = "chomage"
	case 2:
		p["code_commune"] = "2A0040"
	case 3:
		doc["date"] = "2026-02-30"
	case 4:
		sp["heures_hebdomadaires_souhaitees"] = json.Number("60")
	case 5:
		p["prenom"] = "Camille"
	case 6:
		doc["auteurs"] = map[string]any{"nom": "X"}
	case 7:
		doc["id"] = strings.Repeat("x", 101)
	}
}

func size(v any) int {
	b, _ := json.Marshal(v)
	return len(b)
}

func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = clone(e)
		}
		return a
	}
	return v
}

// writeNDJSON writes the documents, repeated until at least min lines.
func writeNDJSON(path string, docs [][]byte, min int) (lines int, bytes int64, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for lines < max(min, len(docs)) {
		d := docs[lines%len(docs)]
		w.Write(d)
		w.WriteByte('\n')
		bytes += int64(len(d) + 1)
		lines++
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, err
	}
	return lines, bytes, f.Close()
}
