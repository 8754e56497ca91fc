package carnet

import "github.com/spie-fr/socle/spie"

// Trust is what a partner brings, from outside the carnet, to verify a
// carnet's journal: the checkpoints it stored for the chains it has seen.
// The zero Trust verifies the journal against itself only.
type Trust struct {
	// Checkpoints are the partner's stored checkpoints for this carnet
	// (one per chain it has seen; see TakeCheckpoints).
	Checkpoints []Checkpoint
}

// VerifyCarnet verifies the journal of c with what t brings: the chains
// and the content replayed from them (CheckJournal), then the checkpoints
// (CheckCheckpoints). It returns errors when the journal does not verify,
// warnings for what is not proved.
func VerifyCarnet(c *Carnet, t Trust) spie.Faults {
	fs := c.CheckJournal()
	if len(fs.Errors()) > 0 {
		return fs
	}
	fs = append(fs, CheckCheckpoints(c, t.Checkpoints)...)
	fs.Sort()
	return fs
}
