// Package cohort is the cohorts of a SPIE network: named groups of people
// defined by a territory and public criteria (Aisne: 18–30 year-olds in Laon,
// leavers of insertion actions without solution in Soissons and
// Château-Thierry, single-parent families in La Fère, Chauny and Tergnier;
// RULES.md §8).
//
// A cohort is data ([Definition], JSON kind "cohorte"): its territory as
// communes, EPCI or départements, an age range, conditions on the public
// criteria of the socle commun diagnostic (RSA, parent isolé, sortant sans
// solution…) and the period of the experiment. [Definition.Check] rejects an
// invalid definition with COHORTE- faults.
//
// [Match] says whether the person of a diagnostic belongs to the cohort at a
// date and why, criterion by criterion; [MatchCarnet] does the same from a
// carnet de bord. [Scan] streams an NDJSON file of diagnostics in constant
// memory; [Movements] compares membership at two dates (entries, exits).
package cohort
