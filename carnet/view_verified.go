package carnet

import "github.com/spie-fr/socle/spie"

// ViewMark marks a carnet computed by View: for whom and on which date.
// A marked carnet is a view, not a carnet: its journal is redacted.
type ViewMark struct {
	// Lecteur pour qui la vue a été calculée.
	Viewer Actor `json:"lecteur"`
	// Date de la consultation.
	On spie.Date `json:"date"`
}

// FaultViewNotCarnet refuses a view where a carnet is expected.
var FaultViewNotCarnet = &spie.FaultType{Code: "CARNET-JOURNAL-40", Severity: spie.SeverityError, FR: "ce document est une vue expurgée d'un carnet, pas un carnet : son journal ne peut pas être vérifié", EN: "this document is a redacted view of a carnet, not a carnet: its journal cannot be verified", Source: "contrat navigateur de socle : une vue (carnet.View) porte la marque vue, son journal est expurgé et n'est jamais accepté comme un carnet"}

// VerifiedView verifies the journal of c with t (VerifyCarnet) and, when
// it verifies, returns View(c, v) with the warnings (what is not proved,
// such as « journal non signé »). When it does not verify — or c is itself
// a view — it returns nil and the errors: nothing of the carnet is shown.
// The usager role sees only their own carnet: a declared person that is not
// the carnet's person is refused (CARNET-DROITS-08 at /personne/id,
// RULES.md §10), as Export refuses it.
func VerifiedView(c *Carnet, v Viewer, t Trust) (*Carnet, spie.Faults) {
	return DefaultRights.VerifiedView(c, v, t)
}

// VerifiedView is VerifiedView with the matrix m.
func (m RightsMatrix) VerifiedView(c *Carnet, v Viewer, t Trust) (*Carnet, spie.Faults) {
	fs := VerifyCarnet(c, t)
	if v.Actor.Role == RoleUsager {
		if f := identified(c, v.Actor, spie.Pointer("personne", "id")); f != nil {
			fs = append(fs, *f)
		}
	}
	if len(fs.Errors()) > 0 {
		return nil, fs
	}
	return m.view(c, v), fs
}
