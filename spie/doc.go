// Package spie is the shared vocabulary of the Service public de l'insertion et
// de l'emploi: the ten SPIE thématiques and their mappings to the national
// referentials, target publics, territorial and personal identifiers with real
// checks, and typed faults.
//
// Every code list is one slice of [Definition] values (key, French and English
// labels, description, source and mappings to external codes). Validation,
// JSON Schema enumerations and the labels widgets show are all derived from
// that slice: a list is never written twice.
//
// Faults ([Fault], [Faults]) carry a stable namespaced code, a JSON Pointer to
// the offending field and a French message; codes are a public contract and are
// never reassigned: a code that stops telling its fact is retired
// ([FaultType.Retire]) and new codes are added. Every code names the source of
// its rule and has one owner package per namespace; the catalogue of all codes
// is generated as schemas/FAUTES.md (French) and schemas/fautes/v1/fautes.json.
// See the package examples.
package spie
