// Package carnet is the carnet de bord of the SPIE: the shared follow-up
// record of a person's pathway across structures, exchanged as JSON (kind
// "carnet", schema https://spie-fr.github.io/socle/schemas/v1/carnet.json).
//
// A [Carnet] holds the person and their diagnostic, the members (référent,
// co-référent, partenaire, coordinateur SPIE, chargé d'orientation, the
// person) with their periods — the single référent's history among them —,
// the orientations (the latest in force), the contracts (contrat
// d'engagement, CEJ, PACEA; CER and PPAE still read), the plan d'action
// (objectifs from the diagnostic referentials, actions from
// [CatalogActions] or a service of the offer), the contacts, the milestones
// of the pathway and the consents to sharing, structure by structure.
//
// Every change goes through [Apply], which checks the actor's rights and
// appends an [Event] to the journal: who, structure, role, when, what, the
// value before and after. Events are hash-chained (SHA-256) per carnet;
// [Replay] rebuilds the carnet from its journal. [ProposePlan] proposes the
// objectifs from a diagnostic.
//
// # What the journal proves
//
// [VerifyCarnet] verifies a carnet's journal with what the partner brings
// from outside the carnet ([Trust]); nothing carried inside a carnet
// (keys, checkpoints, a view's mark) proves anything, since whoever writes
// the document writes them too.
//
//   - Alone ([Verify], [Carnet.CheckJournal], the zero Trust): each chain
//     is internally consistent — an event edited, reordered or deleted in
//     the middle is detected, and the content is what the journal replays
//     to. It does NOT prove that the journal is complete or genuine: a cut
//     tail with the content rolled back to match, a removed journal (then
//     only warned, CARNET-JOURNAL-06), a chain re-hashed after a change (of
//     the author, say) and a self-consistent chain prepended (which Replay
//     merges in) all pass.
//   - With checkpoints ([TakeCheckpoints], [CheckCheckpoints]: one
//     {carnet, chaine, longueur, tete} per chain the partner has seen):
//     the prefix of each chain up to its checkpoint is the one seen; a cut
//     tail, a rollback, a removed journal, a re-hashed chain and a chain
//     not joined by a recorded merge are refused. Events after the last
//     checkpoint are proved by their chain only: anyone may have written
//     them.
//   - With a key registry ([KeyRegistry], [VerifySignatures]): every event
//     after the checkpoints (every event without checkpoints) is signed
//     (ed25519) by the structure of its author with a key valid on its
//     date: authorship of those events, and non-repudiation — the
//     structure cannot deny an event its key signed. An event of the
//     person (no SIRET) is signed by the structure whose server applied
//     it. Without registry, an unsigned journal is read with the warning
//     « journal non signé » (CARNET-JOURNAL-30). A key's validity period is
//     checked against the event's own timestamp, and timestamps never go
//     back within a chain (CARNET-JOURNAL-08): once a chain holds an event
//     dated after a key's end, that key can no longer add to it; before
//     that, its holder could still append an event dated within the period.
//   - Neither proves that an event was authorised: a structure may sign a
//     change it had no right to make (Replay re-checking rights is what
//     refuses it), nor that a partner showed every carnet it holds, nor
//     anything before the first checkpoint a partner took if the copy it
//     first received was already forged (only signatures cover that).
//
// Signing happens on the partner's server, never in the browser: a widget
// proposes a [Change], the server applies it with [ApplySigned] (or
// [CreateSigned]; a [MergeRecorded] event is signed with [Signer.Sign]).
// [VerifiedView] verifies the journal before computing a view and shows
// nothing of a carnet whose journal does not verify; the view it returns
// is marked ([ViewMark], field "vue") and is refused as a carnet, since its
// journal is redacted. [Export] (right of access) and [Purge] (retention)
// run on any carnet, as the law requires, and flag one whose journal does
// not verify.
//
// Rules are named functions with CARNET- fault codes and a date argument:
// [Carnet.Check] (structure, contracts and weekly activity, CEJ and PACEA),
// [Carnet.Alerts] (ruptures, the perdus de vue procedure [Carnet.FollowUp],
// open deadlines of RULES.md §4, duplicate proposals). Durations and the
// procedure are data ([Policy], [DefaultPolicy], [LoadPolicy]).
//
// The parts of a carnet are listed once, in the table [Parts] (see [Part]):
// for each, its journal target, the JSON fields that hold it, the section of
// the rights matrix that guards it, the section guarding its health values
// and whether it holds the NIR. The journal, [Merge] and [View] iterate the
// table. What is health data is marked once, by the Sensitive flag of the
// code lists (spie.Thematiques, [AdjustmentReasons], [Sections]).
//
// Sharing follows a role × section × access matrix ([DefaultRights]),
// membership and consent ([Authorize]); health details are seen only by the
// person and their référent. Designating, replacing or ending a référent is
// a right of its own ([Designate]): the person, the current référent, or a
// chargé d'orientation carrying out an orientation recorded in the carnet;
// nobody designates themself. [Replay] re-checks the rights of every event
// against the state before it.
//
// What the partner must check: the library cannot authenticate anyone. The
// [Actor] a partner passes to [Apply], [View], [Merge]… is whoever it
// authenticated: for a professional role, their name (professionnel) and
// their employer's SIRET, both required; for the usager role, the
// identifier of the authenticated person in professionnel, which must be the
// carnet's personne/id. A partner that declares an actor it did not
// authenticate defeats every right of this package. [View] returns the carnet as a viewer may see
// it (without verifying the journal: use [VerifiedView] on a carnet), [Visible] the alerts and faults they may see. [Merge] and [MergeRecorded] merge two carnets of the same person, as
// an actor who may write the members of both, keeping every contribution
// with its provenance (items identified by origin carnet and local id) and
// reporting conflicts, decided by rule: the earlier journal entry wins.
// A merge designates nobody: opening a carnet designates its référents
// ([Create] checks the opener's right, [Replay] re-checks it), and a
// référent that one carnet brings into the other must be proved by the
// journal of the carnet it comes from, replayed with its rights (with
// [WithTrust], verified against the partner's checkpoints and keys), never
// designated by the merging actor's own structure, unless the actor may
// designate in the receiving carnet ([Designate]); a carnet without
// journal brings no référent; an acces_nir mark brought in needs an actor
// already authorised for the NIR. What the merge cannot judge is whether a
// structure that opened a duplicate really accompanies the person: that is
// the merging coordinator's decision, recorded under their name (and
// signed, with keys). Without a key registry, the journal does not prove
// who wrote an entry: a structure can write entries in another's name.
//
// Sensitive data is protected by rule, not by place: a viewer who may not
// read santé sees that a health frein exists and its impact, nothing more
// (diagnostic.Diagnostic.Redacted); the NIR (the parts marked NIR in
// [Parts]) is shown only to the person and to the members whose structure
// is authorised to process it, marked acces_nir ([Member], [MayReadNIR]),
// a mark only a professional already authorised may grant; no fault
// message quotes a value it refuses. [Create] and [Apply] guard time and
// values first: a change dated more than [MaxClockSkew] after the clock
// ([WithClock]) is refused, and what they journal passes [CheckValues],
// the value checks of the schema.
//
// [Purge] applies the retention period — a carnet whose retention date
// cannot be computed from valid dates is refused with a fault
// ([Carnet.Retention]), never kept silently — and [Export] gives the person
// everything held about them. [ComputeIndicators] computes the impact
// indicators of RULES.md §12 from an NDJSON stream in bounded memory, under
// the statistical secret of package spie/secret.
//
// Example carnets: examples/carnet/ in the module.
package carnet
