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
// Beyond the diagnostic itself, the package decides and measures:
//   - [Orient] applies the national orientation criteria (CNE, arrêté of 21
//     November 2024) shipped as data ([DefaultOrientationRules], overridable per
//     territory with [LoadOrientationRules]) and explains each criterion used;
//     a diagnostic too incomplete to decide is "indetermine", never guessed;
//   - the deadlines of the pathway (orientation, contract, re-diagnostic) and
//     whether each is met, late or pending at a date;
//   - [Evaluate] compares automated and human orientations of a co-diagnostic
//     (confusion matrix, agreement, Cohen's kappa, breakdowns), published
//     under the statistical secret of package spie/secret;
//   - the France Travail "diagnostic argumenté" import and export, by codes
//     and without loss: what socle has no place for (each project, dates and
//     times, values that are not socle's) is kept as received and sent back
//     unchanged, France Travail's labels are written, and the export never
//     invents a value ([ImportDSP], [ExportDSP]);
//   - IAE eligibility criteria and their validity.
//
// Example documents: examples/diagnostic/, examples/orientation/,
// examples/dsp/ and examples/agreement/ in the module.
package diagnostic
