// Package label is the labelling of the structures of a SPIE network against
// a charter (Seine-et-Marne charte, RULES.md §11).
//
// The charter is data ([Charter], JSON kind "charte-label"): each criterion
// has a code, a French statement, whether it blocks, the evidence it needs,
// the rule that checks it and that rule's parameters (how recent a training or
// an offer update must be, the answer delay). [DefaultCharter] holds the
// eight default criteria of RULES.md §11.
//
// A structure applies with an [Application] (JSON kind "candidature-label"):
// its identity, trained professionals, signed charters, use of the shared
// tools, référent SPIE, published offer, answer times to prescriptions and the
// participation of the people it supports. [Evaluate] decides labellisee,
// a-completer or refusee, saying for each criterion whether it is met and
// why, until when the label is valid (3 years) and which criterion will lapse
// first; an application that carries a current label is suspended
// (suspendue) when one of its criteria has lapsed.
//
// Faults are in the LABEL- namespace.
package label
