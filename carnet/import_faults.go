package carnet

import "github.com/spie-fr/socle/spie"

const (
	srcRepo       = "gip-inclusion/carnet-de-bord, hasura/migrations/carnet_de_bord (commit e0fe721)"
	srcMinimise   = "RGPD art. 5.1.c (minimisation) : le carnet de socle ne garde de la personne qu'un identifiant pseudonyme, sa date de naissance, sa commune et ses droits"
	srcFreeText   = "carnet de bord : notebook_target.target et notebook_action.action sont du texte libre, choisi dans ref_target / ref_action ou saisi (" + srcRepo + ") ; issue 14 : le texte hors référentiel est gardé en libelle_libre"
	srcLegacy     = "migrations du référentiel du carnet de bord (" + srcRepo + ") : table cdb.Renamings"
	srcStatus     = "carnet de bord : statuts action_status (1684311013795_action_status) et TargetStatus (app/src/lib/enums.ts)"
	srcOrient     = "carnet de bord : orientation_request (1666902217239) et types d'orientation pro, sociopro, social, autre (1673345447763, 1690467448554) ; socle : parcours emploi, global, social (RULES.md §3)"
	srcMember     = "carnet de bord : notebook_member (member_type referent, no_referent, orientation_manager ; active) ; socle : un membre professionnel a le SIRET de sa structure"
	srcAppoint    = "carnet de bord : notebook_appointment, statuts pending, present, absent (app/src/lib/constants/keys.ts AppointmentsMapping), supprimé quand deleted_at est renseigné"
	srcSituations = "carnet de bord : notebook_focus.situations ; socle : les situations relèvent du diagnostic, que cet import ne construit pas"
)

// Fault types of the import of a carnet de bord notebook (package
// carnet/cdb), declared here since the CARNET codes belong to this package.
var (
	FaultImportRead        = &spie.FaultType{Code: "CARNET-IMPORT-01", Severity: spie.SeverityError, FR: "carnet de bord illisible : %s", EN: "unreadable carnet de bord notebook: %s", Source: "RFC 8259 ; forme des tables du carnet de bord (" + srcRepo + ")"}
	FaultImportEmpty       = &spie.FaultType{Code: "CARNET-IMPORT-02", Severity: spie.SeverityError, FR: "aucun carnet : le document est vide", EN: "no notebook: the document is empty", Source: "forme des tables du carnet de bord (" + srcRepo + ")"}
	FaultImportOpener      = &spie.FaultType{Code: "CARNET-IMPORT-03", Severity: spie.SeverityError, FR: "la structure %s n'est pas celle du référent en cours du carnet : seule elle peut l'ouvrir dans socle", EN: "structure %s is not the structure of the notebook's current référent: only it may open it in socle", Source: "carnet.Create : ouvrir un carnet désigne son référent ; le référent en cours du carnet de bord est le membre referent actif (1670841382499_referent_unique)"}
	FaultImportCommune     = &spie.FaultType{Code: "CARNET-IMPORT-04", Severity: spie.SeverityError, FR: "code INSEE de la commune de la personne à fournir : le carnet de bord n'a que le code postal", EN: "the INSEE code of the person's commune is needed: the carnet de bord only has the postal code", Source: "carnet de bord : beneficiary.postal_code, city ; socle : personne.code_commune (code officiel géographique)"}
	FaultImportBeneficiary = &spie.FaultType{Code: "CARNET-IMPORT-05", Severity: spie.SeverityError, FR: "%s de la personne absent ou illisible", EN: "the person's %s is missing or unreadable", Source: "carnet de bord : beneficiary.id, date_of_birth (NOT NULL)"}
	FaultImportIdentity    = &spie.FaultType{Code: "CARNET-IMPORT-10", Severity: spie.SeverityWarning, FR: "données de la personne non reprises : %s", EN: "data of the person not carried: %s", Source: srcMinimise}
	FaultImportLegacy      = &spie.FaultType{Code: "CARNET-IMPORT-11", Severity: spie.SeverityWarning, FR: "%s « %s » (thème %s) : ancien libellé du carnet de bord, repris comme « %s »", EN: "%s %q (theme %s): former carnet de bord label, carried as %q", Source: srcLegacy}
	FaultImportFreeText    = &spie.FaultType{Code: "CARNET-IMPORT-12", Severity: spie.SeverityWarning, FR: "%s « %s » (thème %s) hors référentiel : gardé en libellé libre", EN: "%s %q (theme %s) outside the referential: kept as a free label", Source: srcFreeText}
	FaultImportTheme       = &spie.FaultType{Code: "CARNET-IMPORT-13", Severity: spie.SeverityWarning, FR: "thème %q inconnu : l'axe de travail et ses objectifs et actions ne sont pas repris", EN: "unknown theme %q: the focus and its targets and actions are not carried", Source: "carnet de bord : ref_theme (1680096458377_add-ref-theme) ; socle : spie.Thematiques (carnet-de-bord/theme)"}
	FaultImportStatus      = &spie.FaultType{Code: "CARNET-IMPORT-14", Severity: spie.SeverityWarning, FR: "statut %q inconnu : élément non repris", EN: "unknown status %q: item not carried", Source: srcStatus}
	FaultImportEndDate     = &spie.FaultType{Code: "CARNET-IMPORT-15", Severity: spie.SeverityWarning, FR: "date de fin absente du carnet de bord : fixée au %s (%s)", EN: "end date missing from the carnet de bord: set to %s (%s)", Source: "carnet de bord : notebook_action et notebook_member n'ont pas de date de fin ; socle : une action terminée et un membre inactif en ont une (CARNET-ACTION-11)"}
	FaultImportSituations  = &spie.FaultType{Code: "CARNET-IMPORT-16", Severity: spie.SeverityWarning, FR: "situations de l'axe %s non reprises (à reporter dans le diagnostic) : %s", EN: "situations of focus %s not carried (to be entered in the diagnostic): %s", Source: srcSituations}
	FaultImportMember      = &spie.FaultType{Code: "CARNET-IMPORT-17", Severity: spie.SeverityWarning, FR: "membre %s non repris : %s", EN: "member %s not carried: %s", Source: srcMember}
	FaultImportOrientation = &spie.FaultType{Code: "CARNET-IMPORT-18", Severity: spie.SeverityWarning, FR: "orientation non reprise : %s", EN: "orientation not carried: %s", Source: srcOrient}
	FaultImportReason      = &spie.FaultType{Code: "CARNET-IMPORT-19", Severity: spie.SeverityWarning, FR: "réorientation sans motif dans le carnet de bord : motif « %s » noté", EN: "re-orientation without a reason in the carnet de bord: reason %q recorded", Source: srcOrient + " ; motif exigé d'une réorientation (CARNET-ORIENTATION-10)", Retired: true, ReplacedBy: []string{"CARNET-ORIENTATION-11"}}
	FaultImportAppointment = &spie.FaultType{Code: "CARNET-IMPORT-20", Severity: spie.SeverityWarning, FR: "rendez-vous non repris : %s", EN: "appointment not carried: %s", Source: srcAppoint}
	FaultImportCreator     = &spie.FaultType{Code: "CARNET-IMPORT-21", Severity: spie.SeverityWarning, FR: "auteur %s de l'action absent des membres : noté comme compte du carnet de bord, rôle partenaire", EN: "author %s of the action is not a member: recorded as a carnet de bord account, role partenaire", Source: "carnet de bord : notebook_action.creator_id (compte) ; socle : proposee_par"}
	FaultImportLinked      = &spie.FaultType{Code: "CARNET-IMPORT-23", Severity: spie.SeverityWarning, FR: "objectif lié au contrat « %s » dans le carnet de bord : lien non repris (le contrat n'est pas dans le carnet exporté)", EN: "target linked to contract %q in the carnet de bord: link not carried (the contract is not in the exported notebook)", Source: "carnet de bord : notebook_target.linked_to (1693895458197_migrate-contract-focus-to-target ; cej, cer, ppae, pacea ou no dans app/src/lib/constants/keys.ts) ; socle : contrats du carnet"}
	FaultImportDate        = &spie.FaultType{Code: "CARNET-IMPORT-22", Severity: spie.SeverityWarning, FR: "date %q illisible : élément non repris", EN: "unreadable date %q: item not carried", Source: "carnet de bord : colonnes date et timestamptz (PostgreSQL)"}
)
