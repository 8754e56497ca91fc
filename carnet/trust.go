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
	FaultJournalAbsent     = spie.NewFaultType("CARNET-JOURNAL-06", spie.SeverityWarning, "journal absent : le contenu du carnet n'est prouvé par aucun journal", "no journal: nothing proves the carnet's content")
	FaultJournalAbsentKeys = spie.NewFaultType("CARNET-JOURNAL-07", spie.SeverityError, "journal absent alors qu'un registre de clés est fourni : le contenu du carnet n'est prouvé par aucune signature", "no journal while a key registry is supplied: no signature proves the carnet's content")
)

// VerifyCarnet verifies the journal of c with what t brings: the chains
// and the content replayed from them (CheckJournal), the checkpoints
// (CheckCheckpoints), then the signatures (VerifySignatures). It returns
// errors when the journal does not verify, warnings for what it does not
// prove. A carnet without journal is a warning with the zero Trust
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
	if len(fs.Errors()) > 0 {
		return fs
	}
	fs = append(fs, CheckCheckpoints(c, t.Checkpoints)...)
	fs = append(fs, VerifySignatures(c, t.Keys, t.Checkpoints)...)
	fs.Sort()
	return fs
}
