package offer

import "github.com/spie-fr/socle/spie"

// Fault types of structures and services. Errors are the verdicts of
// data·inclusion (its JSON Schema and the rules of its pydantic models);
// checks it does not make are warnings.
var (
	FaultRequired = spie.NewFaultType("OFFRE-REQUIS-01", spie.SeverityError,
		"champ obligatoire absent", "required field missing").WithSource("data·inclusion v1 (champs obligatoires des modèles Structure et Service)")
	FaultLength = spie.NewFaultType("OFFRE-LONGUEUR-01", spie.SeverityError,
		"longueur de %d caractères hors des bornes %d à %d", "length of %d characters outside %d to %d").WithSource("data·inclusion v1 (min_length et max_length des champs, par exemple nom de 3 à 150 caractères)")
	FaultFormat = spie.NewFaultType("OFFRE-FORMAT-01", spie.SeverityError,
		"format invalide : %s attendu", "invalid format: %s expected").WithSource("data·inclusion v1, common.py (formes des codes : code postal, SIRET, code INSEE…)")
	FaultDate = spie.NewFaultType("OFFRE-DATE-01", spie.SeverityError,
		"date invalide, attendue au format AAAA-MM-JJ", "invalid date, YYYY-MM-DD expected").WithSource("data·inclusion v1, date_maj (ISO 8601 AAAA-MM-JJ)")
	FaultDateTooOld = spie.NewFaultType("OFFRE-DATE-02", spie.SeverityError,
		"date antérieure au 1er janvier 2000", "date before 1 January 2000").WithSource("data·inclusion v1, validateur date_maj_valide (date au 21e siècle)")
	FaultDateFuture = spie.NewFaultType("OFFRE-DATE-03", spie.SeverityError,
		"date dans le futur (après le %s)", "date in the future (after %s)").WithSource("data·inclusion v1, validateur date_maj_valide (pas de date dans le futur)")
	FaultEmail = spie.NewFaultType("OFFRE-COURRIEL-01", spie.SeverityError,
		"adresse électronique invalide", "invalid e-mail address").WithSource("data·inclusion v1, champ courriel (EmailStr, email_validator)")
	FaultURL = spie.NewFaultType("OFFRE-URL-01", spie.SeverityError,
		"lien invalide : une URL http ou https complète est attendue", "invalid link: a full http or https URL is expected").WithSource("data·inclusion v1, champs lien (HttpUrl)")
	FaultEnum = spie.NewFaultType("OFFRE-VALEUR-01", spie.SeverityError,
		"valeur %q inconnue de la liste %s", "value %q not in the list %s").WithSource("data·inclusion v1, listes (reference/data-inclusion-v1/*.csv)")
	FaultRepeated = spie.NewFaultType("OFFRE-LISTE-01", spie.SeverityError,
		"valeur %q répétée dans la liste", "value %q repeated in the list").WithSource("data·inclusion v1 : une valeur par liste ; reprise propre à socle")
	FaultEmptyList = spie.NewFaultType("OFFRE-LISTE-02", spie.SeverityError,
		"la liste ne peut pas être vide (null si non renseignée)", "the list cannot be empty (null when unknown)").WithSource("data·inclusion v1 : listes min_length=1 (null quand non renseignée)")
	FaultMinimum = spie.NewFaultType("OFFRE-NOMBRE-01", spie.SeverityError,
		"valeur inférieure au minimum %v", "value below the minimum %v").WithSource("data·inclusion v1 (bornes des nombres, par exemple nombre_semaines)")
	FaultZone = spie.NewFaultType("OFFRE-ZONE-01", spie.SeverityError,
		"code de zone invalide : commune (5 caractères), département (2 ou 3), EPCI (9 chiffres), pays (99xxx) ou « france » attendu",
		"invalid zone code: commune (5 characters), département (2 or 3), EPCI (9 digits), country (99xxx) or \"france\" expected").WithSource("data·inclusion v1, Service.zone_eligibilite (common.py : commune, département, EPCI, pays)")
	FaultZoneCommune = spie.NewFaultType("OFFRE-ZONE-02", spie.SeverityWarning,
		"commune %q inconnue du Code officiel géographique : data·inclusion la retirera", "commune %q unknown in the official geographic code: data·inclusion will drop it").WithSource("data·inclusion v1, Service.zone_eligibilite contre le Code officiel géographique (INSEE) : valeur retirée par data·inclusion")
	FaultZoneDepartement = spie.NewFaultType("OFFRE-ZONE-03", spie.SeverityWarning,
		"département %q inconnu (une région s'écrit comme la liste de ses départements) : data·inclusion le retirera",
		"unknown département %q (a region is written as the list of its départements): data·inclusion will drop it").WithSource("data·inclusion v1, Service.zone_eligibilite contre le Code officiel géographique (INSEE) : valeur retirée par data·inclusion")
	FaultZoneEPCI = spie.NewFaultType("OFFRE-ZONE-04", spie.SeverityWarning,
		"EPCI %q inconnu : data·inclusion le retirera", "unknown EPCI %q: data·inclusion will drop it").WithSource("data·inclusion v1, Service.zone_eligibilite contre la liste des EPCI (DGCL) : valeur retirée par data·inclusion")
	FaultPublicsExclusive = spie.NewFaultType("OFFRE-PUBLICS-10", spie.SeverityError,
		"« tous-publics » ne peut pas être combiné avec un autre public", "\"tous-publics\" cannot be combined with another public").WithSource("data·inclusion v1, validateur tous_publics (services.py)")
	FaultSiretKey = spie.NewFaultType("OFFRE-SIRET-01", spie.SeverityWarning,
		"la clé de contrôle du SIRET est fausse : data·inclusion retirera un SIRET inconnu", "the SIRET check digit is wrong: data·inclusion drops unknown SIRETs").WithSource("INSEE, répertoire SIRENE (clé de Luhn) ; data·inclusion v1 retire un SIRET inconnu")
	// Deprecated: OFFRE-COMMUNE-01 is retired; an unknown code_insee is
	// reported by territory.CheckCommune as spie.FaultCommuneUnknown
	// (SPIE-COMMUNE-02), the one commune fault of every kind.
	FaultCodeInsee = spie.NewFaultType("OFFRE-COMMUNE-01", spie.SeverityWarning,
		"code commune %q inconnu du Code officiel géographique", "commune code %q unknown in the official geographic code").WithSource("INSEE, Code officiel géographique (data·inclusion v1, code_insee)").Retire("SPIE-COMMUNE-02")
	FaultUnknownField = spie.NewFaultType("OFFRE-CHAMP-01", spie.SeverityWarning,
		"champ %q inconnu de data·inclusion v1 : conservé mais ignoré", "field %q unknown to data·inclusion v1: kept but ignored").WithSource("data·inclusion v1 : champs des modèles Structure et Service ; socle conserve les champs inconnus")
	FaultEmptyID = spie.NewFaultType("OFFRE-ID-01", spie.SeverityWarning,
		"identifiant vide", "empty identifier").WithSource("data·inclusion v1, id (identifiant de la source)")
	FaultNomPoint = spie.NewFaultType("OFFRE-NOM-01", spie.SeverityWarning,
		"le nom ne devrait pas se terminer par un point", "the name should not end with a full stop").WithSource("data·inclusion v1, validateur du nom (services.py, nom_ne_se_termine_pas_par_un_point)")
	FaultCoordinates = spie.NewFaultType("OFFRE-COORDONNEES-01", spie.SeverityWarning,
		"coordonnées incomplètes ou hors limites (latitude −90 à 90, longitude −180 à 180)", "incomplete or out-of-range coordinates").WithSource("WGS 84 : latitude de −90 à 90, longitude de −180 à 180 (data·inclusion v1, latitude et longitude)")
	FaultModeContact = spie.NewFaultType("OFFRE-MOBILISATION-10", spie.SeverityWarning,
		"mode de mobilisation %q sans le contact qui le permet (%s)", "mobilisation mode %q without the contact it needs (%s)").WithSource("data·inclusion v1, score_qualite.py (modes_mobilisation_bien_definis) : un mode a son contact")
	FaultFraisPrecisions = spie.NewFaultType("OFFRE-FRAIS-10", spie.SeverityWarning,
		"service payant sans précision sur les frais", "paid service without details on the fees").WithSource("data·inclusion v1, score_qualite.py (frais_bien_definis)")
)
