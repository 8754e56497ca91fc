package spie

// FaultCommuneUnknown is the one fault of a commune code that names no commune
// of the Code officiel géographique (current commune, commune déléguée or
// associée, municipal arrondissement): a warning, the argument being the code.
// Every kind that holds a commune (diagnostic, carnet, cohort definition,
// service, structure, prescription, label application), the CLI's --commune
// and the offer widget report it through territory.CheckCommune; package spie
// declares it without linking the table (package spie/territory holds it).
var FaultCommuneUnknown = &FaultType{Code: "SPIE-COMMUNE-02", Severity: SeverityWarning, FR: "commune %q inconnue du Code officiel géographique : vérifiez le code INSEE, à ne pas confondre avec le code postal", EN: "commune %q unknown in the official geographic code: check the INSEE code, not to be confused with the postal code", Source: "INSEE, Code officiel géographique (communes, communes déléguées et associées, arrondissements municipaux ; table de spie/territory tirée de @etalab/decoupage-administratif)"}

// FaultCommunePostal replaces [FaultCommuneUnknown] for an unknown code that
// is a postal code (La Poste) — the usual confusion: a warning, the
// arguments being the code and the communes the postal code serves, most
// populous first ("Laon 02408, Aulnois-sous-Laon 02037, … (+22)"). Reported
// by spie/territory.CheckCommune from the codesPostaux of
// @etalab/decoupage-administratif.
var FaultCommunePostal = &FaultType{Code: "SPIE-COMMUNE-03", Severity: SeverityWarning, FR: "commune %q inconnue du Code officiel géographique : c'est un code postal : communes possibles %[1]s → %s", EN: "commune %q unknown in the official geographic code: it is a postal code: possible communes %[1]s → %s", Source: "La Poste, base officielle des codes postaux, telle que reprise par @etalab/decoupage-administratif (codesPostaux de chaque commune) ; INSEE, Code officiel géographique"}

// FaultCommuneMerged replaces [FaultCommuneUnknown] for a retired code of a
// commune merged into a commune nouvelle (or otherwise replaced) that names
// no current commune, commune déléguée or associée: a warning, the
// arguments being the code, the successor's name and its code.
var FaultCommuneMerged = &FaultType{Code: "SPIE-COMMUNE-04", Severity: SeverityWarning, FR: "commune %q : ancienne commune fusionnée dans %s (%s) : utilisez le code de la commune actuelle", EN: "commune %q: former commune merged into %s (%s): use the current commune's code", Source: "INSEE, Code officiel géographique, historique des communes (anciensCodes de @etalab/decoupage-administratif)"}

// FaultCommuneCountry replaces [FaultCommuneUnknown] for a code of 5 digits
// beginning with 99 where the kind accepts any 5-character code (the
// data·inclusion code_insee of a service or structure): the INSEE code of a
// foreign country or territory, never a commune. A warning, as every
// unknown commune; the argument is the code. Reported by
// spie/territory.CheckCommune.
var FaultCommuneCountry = &FaultType{Code: "SPIE-COMMUNE-05", Severity: SeverityWarning, FR: "commune %q inconnue : c'est un code de pays (99…, code INSEE des pays et territoires étrangers), pas un code de commune", EN: "commune %q unknown: it is a country code (99…, INSEE code of foreign countries and territories), not a commune code", Source: "INSEE, Code officiel géographique, pays et territoires étrangers (codes 99xxx)"}

// FaultCommuneCountryFormat replaces [FaultCommuneFormat] (an error, as
// before) where socle's own kinds check the shape of a commune code
// (CommuneCode.Problem): a code of 5 digits beginning with 99 is a country
// code, whose shape is right but which names no commune. No argument, as
// FaultCommuneFormat.
var FaultCommuneCountryFormat = &FaultType{Code: "SPIE-COMMUNE-06", Severity: SeverityError, FR: "c'est un code de pays (99…, code INSEE des pays et territoires étrangers), pas un code de commune", EN: "this is a country code (99…, INSEE code of foreign countries and territories), not a commune code", Source: "INSEE, Code officiel géographique, pays et territoires étrangers (codes 99xxx)"}

// FaultCommunePending is reported by spie/territory.CheckCommune, in a
// program built with the tag spie_communes_external (the widgets'
// WebAssembly modules, which fetch the table of communes as a separate
// file), for a commune code checked before the table has arrived: an
// error, so that no document passes with a commune nobody checked; the
// widget checks the code again once the table is there. The argument is
// the code.
var FaultCommunePending = &FaultType{Code: "SPIE-COMMUNE-07", Severity: SeverityError, FR: "commune %q pas encore vérifiée : la table des communes du Code officiel géographique n'est pas encore chargée", EN: "commune %q not checked yet: the table of communes of the official geographic code is not loaded yet", Source: "socle, spie/territory : la table des communes est servie à part aux widgets (issue 17, point 4) ; aucune commune n'est acceptée ni refusée sans elle"}

// FaultCommuneTable is the error of spie/territory.Provide handed bytes
// that are not the table of communes the program was built with (their
// size or SHA-256 digest differ from territory.TableSize and
// territory.TableSHA256): the table is refused and the program keeps the
// one it had. No argument.
var FaultCommuneTable = &FaultType{Code: "SPIE-COMMUNE-08", Severity: SeverityError, FR: "table des communes refusée : ce n'est pas celle avec laquelle le programme a été construit (taille ou empreinte SHA-256 différente)", EN: "table of communes refused: it is not the one the program was built with (different size or SHA-256 digest)", Source: "socle, spie/territory : la table servie à part est vérifiée par son empreinte, écrite par le générateur avec la table (internal/gen/territory)"}
