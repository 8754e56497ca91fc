package carnet

import "github.com/spie-fr/socle/spie"

// Trust is what a partner brings from outside the carnet to verify its
// journal: the checkpoints it stored for the chains it has seen, and the
// registry of the structures' public keys. The zero Trust verifies the
// journal against itself only (and warns that it proves little).
type Trust struct {
	// Checkpoints are the partner's stored checkpoints for this carnet
	// (one per chain it has seen; see TakeCheckpoints). Nil: none.
	Checkpoints []Checkpoint
	// Keys is the registry of public keys. Nil: signatures not checked.
	Keys KeyRegistry
}

// Fault types of a carnet without journal: nothing proves its content.
var (
	FaultJournalAbsent     = &spie.FaultType{Code: "CARNET-JOURNAL-06", Severity: spie.SeverityWarning, FR: "journal absent : le contenu du carnet n'est prouvé par aucun journal", EN: "no journal: nothing proves the carnet's content", Source: "journal du carnet de socle : le contenu est prouvé par le rejeu du journal"}
	FaultJournalTimeOrder  = &spie.FaultType{Code: "CARNET-JOURNAL-08", Severity: spie.SeverityError, FR: "l'événement est daté avant le précédent de sa chaîne", EN: "the event is dated before the previous one of its chain", Source: "journal du carnet de socle : événements horodatés dans l'ordre au sein d'une chaîne (une clé expirée ne peut antidater)"}
	FaultJournalAbsentKeys = &spie.FaultType{Code: "CARNET-JOURNAL-07", Severity: spie.SeverityError, FR: "journal absent alors qu'un registre de clés est fourni : le contenu du carnet n'est prouvé par aucune signature", EN: "no journal while a key registry is supplied: no signature proves the carnet's content", Source: "journal du carnet de socle : avec un registre de clés, le contenu doit être prouvé par des événements signés"}
)

// VerifyCarnet verifies the journal of c with what t brings: the chains
// and the content replayed from them (CheckJournal), the checkpoints
// (CheckCheckpoints), then the signatures (VerifySignatures). It returns
// errors when the journal does not verify (an event dated before the
// previous one of its chain included, CARNET-JOURNAL-08), warnings for
// what it does not prove. A carnet without journal is a warning with the zero Trust
// (CARNET-JOURNAL-06), an error when checkpoints (the removed journal,
// CARNET-JOURNAL-22) or keys (CARNET-JOURNAL-07) are given. A view
// computed by View (marked) is refused (CARNET-JOURNAL-40).
func VerifyCarnet(c *Carnet, t Trust) spie.Faults {
	var fs spie.Faults
	if c.Mark != nil {
		return spie.Faults{FaultViewNotCarnet.At(spie.Pointer("vue"))}
	}
	if len(c.Journal) == 0 {
		switch {
		case len(t.Checkpoints) > 0:
			fs = CheckCheckpoints(c, t.Checkpoints)
		case t.Keys != nil:
			fs = spie.Faults{FaultJournalAbsentKeys.At(spie.Pointer("journal"))}
		default:
			fs = spie.Faults{FaultJournalAbsent.At(spie.Pointer("journal"))}
		}
		fs.Sort()
		return fs
	}
	fs = c.CheckJournal()
	fs = append(fs, checkTimeOrder(c.Journal)...)
	if len(fs.Errors()) > 0 {
		fs.Sort()
		return fs
	}
	fs = append(fs, CheckCheckpoints(c, t.Checkpoints)...)
	fs = append(fs, VerifySignatures(c, t.Keys, t.Checkpoints)...)
	fs.Sort()
	return fs
}

// checkTimeOrder refuses an event dated before the previous event of its
// chain (Apply and MergeRecorded never write one): with it, a key past its
// validity could sign an event dated back within it.
func checkTimeOrder(events []Event) spie.Faults {
	var fs spie.Faults
	last := map[string]Event{}
	for i, e := range events {
		if p, ok := last[e.Carnet]; ok && e.At.Before(p.At) {
			fs = append(fs, FaultJournalTimeOrder.At(spie.Pointer("journal", i, "horodatage")))
		}
		last[e.Carnet] = e
	}
	return fs
}
