// Package clifault declares the fault types of the spie command's own
// readers (a carnet, a diagnostic or a co-diagnostic pair it cannot read).
// They live outside package main so that the fault catalogue generator
// (internal/gen/faults) registers them with every other code.
package clifault

import "github.com/spie-fr/socle/spie"

// Fault types of the spie command's readers.
var (
	// CarnetInput reports a carnet that cannot be read; its argument is the
	// reason.
	CarnetInput = &spie.FaultType{Code: "INPUT-CARNET-01", Severity: spie.SeverityError, FR: "carnet illisible : %[1]s", EN: "unreadable carnet: %[2]s", Source: "RFC 8259 ; format du carnet de socle (hygiène d'entrée de la commande spie)"}
	// DiagnosticInput is how an unreadable diagnostic is reported by the
	// verbs of the orientation family; its argument is the reason.
	DiagnosticInput = &spie.FaultType{Code: "INPUT-DIAGNOSTIC-01", Severity: spie.SeverityError, FR: "diagnostic illisible : %[1]s", EN: "unreadable diagnostic: %[2]s", Source: "RFC 8259 ; format du diagnostic de socle (hygiène d'entrée de la commande spie)"}
	// Pair reports an unreadable line of co-diagnostic pairs.
	Pair = &spie.FaultType{Code: "INPUT-PAIRE-01", Severity: spie.SeverityError, FR: "ligne illisible : %[1]s", EN: "unreadable line: %[2]s", Source: "RFC 8259 (NDJSON) ; format des paires du co-diagnostic, RULES.md §3"}
	// V0Input reports a data·inclusion v0 document that spie convert-v0
	// cannot read; its arguments are the reason in French and in English.
	V0Input = &spie.FaultType{Code: "INPUT-V0-01", Severity: spie.SeverityError, FR: "document v0 illisible : %[1]s", EN: "unreadable v0 document: %[2]s", Source: "RFC 8259 ; schéma data·inclusion v0 (hygiène d'entrée de la commande spie convert-v0)"}
	// PrescriptionInput reports a prescription that spie prescription cannot
	// read; its arguments are the reason in French and in English.
	PrescriptionInput = &spie.FaultType{Code: "INPUT-PRESCRIPTION-01", Severity: spie.SeverityError, FR: "prescription illisible : %[1]s", EN: "unreadable prescription: %[2]s", Source: "RFC 8259 ; fiche de prescription de socle (hygiène d'entrée de la commande spie)"}
	// ExportActor reports an export of a whole carnet (right of access)
	// asked by someone other than the person or their référent in place.
	ExportActor = &spie.FaultType{Code: "CLI-EXPORT-01", Severity: spie.SeverityError, FR: "seuls la personne elle-même (usager) et son référent en place, habilité à traiter le NIR quand le carnet en porte un, exportent le carnet entier", EN: "only the person (usager) and their current case worker, authorised to process the NIR when the carnet holds one, may export the whole carnet", Source: "RULES.md §10 : seuls la personne et son référent voient les données de santé (RGPD art. 9) ; NIR réservé aux structures habilitées (diagnostic, personne/nir) ; droit d'accès de la personne (RGPD art. 15)"}
	// PairBoth reports a line that holds both the automated decision and the
	// diagnostic it is computed from.
	PairBoth = &spie.FaultType{Code: "INPUT-PAIRE-10", Severity: spie.SeverityError, FR: "une ligne porte soit la décision automatique, soit le diagnostic dont elle se calcule, pas les deux", EN: "a line holds either the automated decision or the diagnostic it is computed from, not both", Source: "RULES.md §3 : une paire compare une décision automatique et une décision humaine ; hygiène d'entrée propre à socle"}
)
