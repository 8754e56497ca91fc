package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/spie"
)

// trustFlags are the flags of the verbs that show a carnet's content: the
// key registry and the checkpoints the partner keeps outside the carnets.
type trustFlags struct {
	keys, checkpoints, write *string

	stored []carnet.Checkpoint // read from --points-de-controle
	seen   []*carnet.Carnet    // carnets verified, whose checkpoints --ecrire-points-de-controle writes
}

func addTrustFlags(fl *flag.FlagSet) *trustFlags {
	return &trustFlags{
		keys:        fl.String("cles", "", "registre des clés publiques des structures (JSON) : chaque événement du journal doit alors être signé par la structure qui l'a écrit ; sans registre, un journal non signé est signalé"),
		checkpoints: fl.String("points-de-controle", "", "points de contrôle enregistrés pour les carnets déjà vus (JSON : carnet, chaine, longueur, tete) : détecte un journal tronqué, ramené en arrière, retiré, réécrit ou précédé d'une chaîne ajoutée"),
		write:       fl.String("ecrire-points-de-controle", "", "écrit dans ce fichier les points de contrôle des carnets vérifiés (à garder hors des carnets et à redonner par --points-de-controle), avec ceux déjà enregistrés pour les autres carnets"),
	}
}

// maxTrustFile bounds the registry and checkpoints files.
const maxTrustFile = 64 << 20

// load reads the files and returns, for a carnet, the trust to verify it
// with: the registry, and the checkpoints of that carnet (those whose
// carnet is its id or one of its merged carnets, or whose chain is in its
// journal).
func (tf *trustFlags) load(c *cli, verb string) (func(*carnet.Carnet) carnet.Trust, bool) {
	var reg carnet.KeyRegistry
	if *tf.keys != "" {
		b, err := readArray(c, *tf.keys)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie %s : registre de clés %s refusé : %v\n", verb, *tf.keys, err)
			return nil, false
		}
		r, fs := carnet.LoadKeyRegistry(bytes.NewReader(b))
		if len(fs) > 0 {
			fmt.Fprintf(c.stderr, "spie %s : registre de clés %s refusé : %v\n", verb, *tf.keys, fs)
			return nil, false
		}
		reg = r
	}
	var cps []carnet.Checkpoint
	if *tf.checkpoints != "" {
		b, err := readArray(c, *tf.checkpoints)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie %s : points de contrôle %s refusés : %v\n", verb, *tf.checkpoints, err)
			return nil, false
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if dec.Decode(&cps) != nil {
			fmt.Fprintf(c.stderr, "spie %s : points de contrôle %s illisibles : un tableau JSON de {carnet, chaine, longueur, tete} est attendu\n", verb, *tf.checkpoints)
			return nil, false
		}
	}
	tf.stored = cps
	return func(k *carnet.Carnet) carnet.Trust {
		ids := map[string]bool{k.ID: true}
		for _, id := range k.Merged {
			ids[id] = true
		}
		for _, e := range k.Journal {
			ids[e.Carnet] = true
		}
		var mine []carnet.Checkpoint
		for _, cp := range cps {
			if ids[cp.Carnet] || ids[cp.Chain] {
				mine = append(mine, cp)
			}
		}
		return carnet.Trust{Keys: reg, Checkpoints: mine}
	}, true
}

// warnJournal prints the warnings of a journal's verification on stderr.
func warnJournal(c *cli, verb, name string, fs spie.Faults) {
	for _, f := range fs.Warnings() {
		fmt.Fprintf(c.stderr, "spie %s : %s : avertissement : %s\n", verb, name, f.Message)
	}
}

// verified records a carnet whose journal verified, for --ecrire-points-de-controle.
func (tf *trustFlags) verified(k *carnet.Carnet) {
	if *tf.write != "" {
		tf.seen = append(tf.seen, k)
	}
}

// save writes the checkpoints of the carnets verified, replacing the
// stored ones of the same carnets (same id, merged id or chain), and keeps
// the others. The file is replaced whole (written beside, then renamed).
func (tf *trustFlags) save(c *cli, verb string) bool {
	if *tf.write == "" {
		return true
	}
	ids := map[string]bool{}
	var fresh []carnet.Checkpoint
	for _, k := range tf.seen {
		ids[k.ID] = true
		for _, id := range k.Merged {
			ids[id] = true
		}
		for _, cp := range carnet.TakeCheckpoints(k) {
			ids[cp.Chain] = true
			fresh = append(fresh, cp)
		}
	}
	out := []carnet.Checkpoint{}
	for _, cp := range tf.stored {
		if !ids[cp.Carnet] && !ids[cp.Chain] {
			out = append(out, cp)
		}
	}
	out = append(out, fresh...)
	b, _ := json.MarshalIndent(out, "", "  ")
	tmp := *tf.write + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		fmt.Fprintf(c.stderr, "spie %s : écriture impossible de %s\n", verb, *tf.write)
		return false
	}
	if err := os.Rename(tmp, *tf.write); err != nil {
		os.Remove(tmp)
		fmt.Fprintf(c.stderr, "spie %s : écriture impossible de %s\n", verb, *tf.write)
		return false
	}
	return true
}

// readArray reads the JSON array of the file name through the one input
// reader (a BOM, CRLF line ends, a size limit per element) and returns it
// compacted as one array, for the decoders that take a whole array (the key
// registry, the checkpoints). An empty file, a document that is not an
// array, an element the reader cannot give or a file over maxTrustFile is
// an error, in French.
func readArray(c *cli, name string) ([]byte, error) {
	r, closeFn, err := openInput(c, name)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	out := []byte{'['}
	notArray := errors.New("un tableau JSON est attendu")
	err = readDocuments(r, func(d input.Doc) error {
		switch {
		case d.Format != input.FormatArray:
			return notArray
		case d.Fault != nil:
			return fmt.Errorf("élément %d : %s : %s", d.Index-1, d.Fault.Code, d.Fault.Message)
		case len(out)+len(d.Data) > maxTrustFile:
			return fmt.Errorf("plus de %d octets", maxTrustFile)
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, d.Data...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return append(out, ']'), nil
}
