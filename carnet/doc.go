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
// [Verify] proves nothing was altered or removed and [Replay] rebuilds the
// carnet exactly. [ProposePlan] proposes the objectifs from a diagnostic.
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
// it, [Visible] the alerts and faults they may see. [Merge] and [MergeRecorded] merge two carnets of the same person, as
// an actor who may write the members of both, keeping every contribution
// with its provenance (items identified by origin carnet and local id) and
// reporting conflicts, decided by rule: the earlier journal entry wins.
// [Purge] applies the retention period and [Export] gives the person
// everything held about them. [ComputeIndicators] computes the impact
// indicators of RULES.md §12 from an NDJSON stream in bounded memory, under
// the statistical secret of package spie/secret.
//
// Example carnets: examples/carnet/ in the module.
package carnet
