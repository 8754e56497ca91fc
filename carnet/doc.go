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
// person and their référent. [View] returns the carnet as a viewer may see
// it, [Visible] the alerts and faults they may see. [Merge] and [MergeRecorded] merge two carnets of the same person,
// keeping every contribution with its provenance and reporting conflicts.
// Sensitive data is protected by rule, not by place: a viewer who may not
// read santé sees that a health frein exists and its impact, nothing more
// (diagnostic.Diagnostic.Redacted); the NIR (the parts marked NIR in
// [Parts]) is shown only to the person and to the members whose structure
// is authorised to process it, marked acces_nir ([Member], [MayReadNIR]);
// no fault message quotes a value it refuses. [Create] and [Apply] guard
// time and values first: a change dated more than [MaxClockSkew] after the
// clock ([WithClock]) is refused, and what they journal passes
// [CheckValues], the value checks of the schema.
// [Purge] applies the retention period — a carnet whose retention date
// cannot be computed from valid dates is refused with a fault
// ([Carnet.Retention]), never kept silently — and [Export] gives the person
// everything held about them. [ComputeIndicators] computes the impact
// indicators of RULES.md §12 from an NDJSON stream in bounded memory, with
// small-cell suppression.
//
// Example carnets: examples/carnet/ in the module.
package carnet
