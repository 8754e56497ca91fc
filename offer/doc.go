// Package offer is the offre d'insertion of the SPIE, interoperable with the
// national data·inclusion schema (version DataInclusionVersion): its structures and services (every
// field, constraint and code list, with the rules data·inclusion adds to its
// JSON Schema), a streaming catalogue with an index for search by thématique,
// public, eligibility zone and distance, data·inclusion's score_qualite and
// socle's completeness score, duplicate detection,
// the conversion of data·inclusion v0 documents, matching from a diagnostic,
// prescriptions and PMSMP conventions.
//
// Every check returns spie.Faults with codes in the OFFRE-, PRESC- and PMSMP-
// namespaces; rules take the current date as an argument.
package offer
