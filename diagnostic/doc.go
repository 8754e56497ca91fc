// Package diagnostic is the socle commun de diagnostic socio-professionnel of
// the SPIE: the person, their public criteria, their professional situation
// (education, passeport de compétences, project and the twenty France Travail
// besoins) and, for each other SPIE thématique, the frein's impact, situations
// and objectifs seen both by the person and by the professional.
//
// A [Diagnostic] is exchanged as JSON (kind "diagnostic", schema
// https://spie-fr.github.io/socle/schemas/v1/diagnostic.json). The rules that a
// JSON Schema cannot express are named methods ([Diagnostic.Check] runs them
// all) returning spie.Faults with stable codes such as DIAG-LOGEMENT-02.
// [Diagnostic.Completeness] says what was not discussed; health details are
// sensitive ([Diagnostic.SensitivePaths], [Diagnostic.Redacted]).
//
// Example documents: examples/diagnostic/ in the module.
package diagnostic
