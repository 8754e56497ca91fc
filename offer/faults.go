package offer

import "github.com/spie-fr/socle/spie"

// Fault types of structures and services. Errors are the verdicts of
// data·inclusion (its JSON Schema and the rules of its pydantic models);
// checks it does not make are warnings.
var (
	FaultRequired = spie.NewFaultType("OFFRE-REQUIS-01", spie.SeverityError,
		"champ obligatoire absent", "required field missing")
	FaultLength = spie.NewFaultType("OFFRE-LONGUEUR-01", spie.SeverityError,
		"longueur de %d caractères hors des bornes %d à %d", "length of %d characters outside %d to %d")
	FaultFormat = spie.NewFaultType("OFFRE-FORMAT-01", spie.SeverityError,
		"format invalide : %s attendu", "invalid format: %s expected")
	FaultDate = spie.NewFaultType("OFFRE-DATE-01", spie.SeverityError,
		"date invalide, attendue au format AAAA-MM-JJ", "invalid date, YYYY-MM-DD expected")
	FaultDateTooOld = spie.NewFaultType("OFFRE-DATE-02", spie.SeverityError,
		"date antérieure au 1er janvier 2000", "date before 1 January 2000")
	FaultDateFuture = spie.NewFaultType("OFFRE-DATE-03", spie.SeverityError,
		"date dans le futur (après le %s)", "date in the future (after %s)")
	FaultEmail = spie.NewFaultType("OFFRE-COURRIEL-01", spie.SeverityError,
		"adresse électronique invalide", "invalid e-mail address")
	FaultURL = spie.NewFaultType("OFFRE-URL-01", spie.SeverityError,
		"lien invalide : une URL http ou https complète est attendue", "invalid link: a full http or https URL is expected")
	FaultEnum = spie.NewFaultType("OFFRE-VALEUR-01", spie.SeverityError,
		"valeur %q inconnue de la liste %s", "value %q not in the list %s")
	FaultRepeated = spie.NewFaultType("OFFRE-LISTE-01", spie.SeverityError,
		"valeur %q répétée dans la liste", "value %q repeated in the list")
	FaultEmptyList = spie.NewFaultType("OFFRE-LISTE-02", spie.SeverityError,
		"la liste ne peut pas être vide (null si non renseignée)", "the list cannot be empty (null when unknown)")
	FaultMinimum = spie.NewFaultType("OFFRE-NOMBRE-01", spie.SeverityError,
		"valeur inférieure au minimum %v", "value below the minimum %v")
	FaultZone = spie.NewFaultType("OFFRE-ZONE-01", spie.SeverityError,
		"code de zone invalide : commune (5 caractères), département (2 ou 3), EPCI (9 chiffres), pays (99xxx) ou « france » attendu",
		"invalid zone code: commune (5 characters), département (2 or 3), EPCI (9 digits), country (99xxx) or \"france\" expected")
	FaultZoneCommune = spie.NewFaultType("OFFRE-ZONE-02", spie.SeverityWarning,
		"commune %q inconnue du Code officiel géographique : data·inclusion la retirera", "commune %q unknown in the official geographic code: data·inclusion will drop it")
	FaultZoneDepartement = spie.NewFaultType("OFFRE-ZONE-03", spie.SeverityWarning,
		"département %q inconnu (une région s'écrit comme la liste de ses départements) : data·inclusion le retirera",
		"unknown département %q (a region is written as the list of its départements): data·inclusion will drop it")
	FaultZoneEPCI = spie.NewFaultType("OFFRE-ZONE-04", spie.SeverityWarning,
		"EPCI %q inconnu : data·inclusion le retirera", "unknown EPCI %q: data·inclusion will drop it")
	FaultPublicsExclusive = spie.NewFaultType("OFFRE-PUBLICS-10", spie.SeverityError,
		"« tous-publics » ne peut pas être combiné avec un autre public", "\"tous-publics\" cannot be combined with another public")
	FaultSiretKey = spie.NewFaultType("OFFRE-SIRET-01", spie.SeverityWarning,
		"la clé de contrôle du SIRET est fausse : data·inclusion retirera un SIRET inconnu", "the SIRET check digit is wrong: data·inclusion drops unknown SIRETs")
	FaultCodeInsee = spie.NewFaultType("OFFRE-COMMUNE-01", spie.SeverityWarning,
		"code commune %q inconnu du Code officiel géographique", "commune code %q unknown in the official geographic code")
	FaultUnknownField = spie.NewFaultType("OFFRE-CHAMP-01", spie.SeverityWarning,
		"champ %q inconnu de data·inclusion v1 : conservé mais ignoré", "field %q unknown to data·inclusion v1: kept but ignored")
	FaultEmptyID = spie.NewFaultType("OFFRE-ID-01", spie.SeverityWarning,
		"identifiant vide", "empty identifier")
	FaultNomPoint = spie.NewFaultType("OFFRE-NOM-01", spie.SeverityWarning,
		"le nom ne devrait pas se terminer par un point", "the name should not end with a full stop")
	FaultCoordinates = spie.NewFaultType("OFFRE-COORDONNEES-01", spie.SeverityWarning,
		"coordonnées incomplètes ou hors limites (latitude −90 à 90, longitude −180 à 180)", "incomplete or out-of-range coordinates")
	FaultModeContact = spie.NewFaultType("OFFRE-MOBILISATION-10", spie.SeverityWarning,
		"mode de mobilisation %q sans le contact qui le permet (%s)", "mobilisation mode %q without the contact it needs (%s)")
	FaultFraisPrecisions = spie.NewFaultType("OFFRE-FRAIS-10", spie.SeverityWarning,
		"service payant sans précision sur les frais", "paid service without details on the fees")
)
