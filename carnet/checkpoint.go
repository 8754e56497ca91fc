package carnet

import (
	"encoding/json"
	"sort"

	"github.com/spie-fr/socle/spie"
)

// Checkpoint is what a partner stores for each chain of a carnet it has
// seen and verified: {carnet, chain, length, head}. A merged carnet holds
// several chains (one per carnet merged in), hence one checkpoint per chain.
// The partner keeps them outside the carnet (its own database) and brings
// them back to VerifyCarnet through Trust: checkpoints carried inside a
// carnet would prove nothing.
type Checkpoint struct {
	// Identifiant du carnet tel que le partenaire l'a vu.
	Carnet string `json:"carnet" jsonschema:"minLength=1,maxLength=100"`
	// Chaîne du journal (carnet d'origine des événements, Event.Carnet).
	Chain string `json:"chaine" jsonschema:"minLength=1,maxLength=100"`
	// Nombre d'événements de la chaîne vus (rang du dernier + 1).
	Length int `json:"longueur" jsonschema:"minimum=1"`
	// Empreinte SHA-256 du dernier événement vu de la chaîne.
	Head string `json:"tete" jsonschema:"pattern=^[0-9a-f]{64}$"`
}

// Fault types of the verification against checkpoints (CheckCheckpoints).
var (
	FaultCheckpointShort   = &spie.FaultType{Code: "CARNET-JOURNAL-20", Severity: spie.SeverityError, FR: "la chaîne %q compte %d événements, moins que les %d déjà vus : la fin du journal a été retirée ou le carnet ramené en arrière", EN: "chain %q holds %d events, fewer than the %d already seen: the end of the journal was removed or the carnet rolled back", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointHead    = &spie.FaultType{Code: "CARNET-JOURNAL-21", Severity: spie.SeverityError, FR: "l'événement de rang %d de la chaîne %q n'est plus celui déjà vu : la chaîne a été réécrite", EN: "the event of rank %d of chain %q is not the one already seen: the chain was rewritten", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointMissing = &spie.FaultType{Code: "CARNET-JOURNAL-22", Severity: spie.SeverityError, FR: "la chaîne %q déjà vue est absente du journal : le journal a été retiré ou remplacé", EN: "chain %q, already seen, is missing from the journal: the journal was removed or replaced", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointForeign = &spie.FaultType{Code: "CARNET-JOURNAL-23", Severity: spie.SeverityError, FR: "la chaîne %q n'a jamais été vue et aucune fusion enregistrée ne la rattache au carnet : chaîne ajoutée", EN: "chain %q was never seen and no recorded merge joins it to the carnet: chain added", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointNew     = &spie.FaultType{Code: "CARNET-JOURNAL-24", Severity: spie.SeverityWarning, FR: "la chaîne %q est nouvelle depuis le dernier point de contrôle, rattachée par une fusion enregistrée", EN: "chain %q is new since the last checkpoint, joined by a recorded merge", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointBad     = &spie.FaultType{Code: "CARNET-JOURNAL-25", Severity: spie.SeverityError, FR: "point de contrôle illisible pour la chaîne %q", EN: "unreadable checkpoint for chain %q", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
	FaultCheckpointOther   = &spie.FaultType{Code: "CARNET-JOURNAL-26", Severity: spie.SeverityError, FR: "le carnet %q n'est ni le carnet %q des points de contrôle ni le résultat d'une fusion enregistrée avec lui", EN: "carnet %q is neither carnet %q of the checkpoints nor the result of a merge recorded with it", Source: "journal du carnet de socle : chaîne d'empreintes SHA-256 vérifiée contre les points de contrôle conservés par le partenaire (intégrité, RGPD art. 5.1.f)"}
)

// TakeCheckpoints returns one checkpoint per chain of c's journal, sorted
// by chain. The partner stores them after verifying c (VerifyCarnet), in
// place of those it held for the carnet.
func TakeCheckpoints(c *Carnet) []Checkpoint {
	heads := map[string]Event{}
	for _, e := range c.Journal {
		heads[e.Carnet] = e
	}
	out := make([]Checkpoint, 0, len(heads))
	for chain, e := range heads {
		out = append(out, Checkpoint{Carnet: c.ID, Chain: chain, Length: e.Seq + 1, Head: e.Hash})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Chain < out[j].Chain })
	return out
}

// CheckCheckpoints verifies the journal of c against the checkpoints a
// partner stored (TakeCheckpoints), after Verify has checked the chains:
//
//   - each chain seen must still be in the journal (CARNET-JOURNAL-22: a
//     removed or replaced journal), at least as long (CARNET-JOURNAL-20: a
//     cut tail, a rollback), with the same event at the checkpoint's rank
//     (CARNET-JOURNAL-21: a re-hashed or forked chain);
//   - a chain never seen must be joined to a chain seen by a recorded merge
//     (an event fusionner naming it, or naming a chain seen, through any
//     number of merges): then it is reported as new (CARNET-JOURNAL-24,
//     warning), else as added (CARNET-JOURNAL-23, the prepended chain);
//   - the carnet's id must be that of the checkpoints, or a chain joined to
//     it by recorded merges (CARNET-JOURNAL-26).
//
// Events after a checkpoint are proved by nothing but their chain: their
// author is proved by signatures only (VerifySignatures).
func CheckCheckpoints(c *Carnet, cps []Checkpoint) spie.Faults {
	if len(cps) == 0 {
		return nil
	}
	var fs spie.Faults
	byChain := map[string][]Event{}
	for _, e := range c.Journal {
		byChain[e.Carnet] = append(byChain[e.Carnet], e)
	}
	seen := map[string]bool{}
	known := map[string]bool{}
	path := spie.Pointer("journal")
	for _, cp := range cps {
		known[cp.Carnet] = true
		seen[cp.Chain] = true
		if cp.Length < 1 || cp.Chain == "" {
			fs = append(fs, FaultCheckpointBad.At(path, cp.Chain))
			continue
		}
		chain := byChain[cp.Chain]
		switch {
		case len(chain) == 0:
			fs = append(fs, FaultCheckpointMissing.At(path, cp.Chain))
		case len(chain) < cp.Length:
			fs = append(fs, FaultCheckpointShort.At(path, cp.Chain, len(chain), cp.Length))
		case chain[cp.Length-1].Hash != cp.Head || chain[cp.Length-1].Seq != cp.Length-1:
			fs = append(fs, FaultCheckpointHead.At(path, cp.Length-1, cp.Chain))
		}
	}
	// Chains joined by recorded merges: an undirected graph between the
	// chain holding a fusion event and the chains it names.
	links := map[string][]string{}
	for _, e := range c.Journal {
		if e.Op != OpMerge {
			continue
		}
		var absorbed []string
		if json.Unmarshal(e.After, &absorbed) != nil {
			continue
		}
		for _, id := range absorbed {
			links[e.Carnet] = append(links[e.Carnet], id)
			links[id] = append(links[id], e.Carnet)
		}
	}
	joined := map[string]bool{}
	var queue []string
	for id := range seen {
		joined[id] = true
		queue = append(queue, id)
	}
	for id := range known {
		if !joined[id] {
			joined[id] = true
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, next := range links[id] {
			if !joined[next] {
				joined[next] = true
				queue = append(queue, next)
			}
		}
	}
	chains := make([]string, 0, len(byChain))
	for id := range byChain {
		chains = append(chains, id)
	}
	sort.Strings(chains)
	for _, id := range chains {
		switch {
		case seen[id]:
		case joined[id]:
			fs = append(fs, FaultCheckpointNew.At(path, id))
		default:
			fs = append(fs, FaultCheckpointForeign.At(path, id))
		}
	}
	if !known[c.ID] && !joined[c.ID] {
		fs = append(fs, FaultCheckpointOther.At(spie.Pointer("id"), c.ID, cps[0].Carnet))
	}
	return fs
}
