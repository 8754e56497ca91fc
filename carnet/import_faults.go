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
	FaultImportRead        = spie.NewFaultType("CARNET-IMPORT-01", spie.SeverityError, "carnet de bord illisible : %s", "unreadable carnet de bord notebook: %s").WithSource("RFC 8259 ; forme des tables du carnet de bord (" + srcRepo + ")")
	FaultImportEmpty       = spie.NewFaultType("CARNET-IMPORT-02", spie.SeverityError, "aucun carnet : le document est vide", "no notebook: the document is empty").WithSource("forme des tables du carnet de bord (" + srcRepo + ")")
	FaultImportOpener      = spie.NewFaultType("CARNET-IMPORT-03", spie.SeverityError, "la structure %s n'est pas celle du référent en cours du carnet : seule elle peut l'ouvrir dans socle", "structure %s is not the structure of the notebook's current référent: only it may open it in socle").WithSource("carnet.Create : ouvrir un carnet désigne son référent ; le référent en cours du carnet de bord est le membre referent actif (1670841382499_referent_unique)")
	FaultImportCommune     = spie.NewFaultType("CARNET-IMPORT-04", spie.SeverityError, "code INSEE de la commune de la personne à fournir : le carnet de bord n'a que le code postal", "the INSEE code of the person's commune is needed: the carnet de bord only has the postal code").WithSource("carnet de bord : beneficiary.postal_code, city ; socle : personne.code_commune (code officiel géographique)")
	FaultImportBeneficiary = spie.NewFaultType("CARNET-IMPORT-05", spie.SeverityError, "%s de la personne absent ou illisible", "the person's %s is missing or unreadable").WithSource("carnet de bord : beneficiary.id, date_of_birth (NOT NULL)")
	FaultImportIdentity    = spie.NewFaultType("CARNET-IMPORT-10", spie.SeverityWarning, "données de la personne non reprises : %s", "data of the person not carried: %s").WithSource(srcMinimise)
	FaultImportLegacy      = spie.NewFaultType("CARNET-IMPORT-11", spie.SeverityWarning, "%s « %s » (thème %s) : ancien libellé du carnet de bord, repris comme « %s »", "%s %q (theme %s): former carnet de bord label, carried as %q").WithSource(srcLegacy)
	FaultImportFreeText    = spie.NewFaultType("CARNET-IMPORT-12", spie.SeverityWarning, "%s « %s » (thème %s) hors référentiel : gardé en libellé libre", "%s %q (theme %s) outside the referential: kept as a free label").WithSource(srcFreeText)
	FaultImportTheme       = spie.NewFaultType("CARNET-IMPORT-13", spie.SeverityWarning, "thème %q inconnu : l'axe de travail et ses objectifs et actions ne sont pas repris", "unknown theme %q: the focus and its targets and actions are not carried").WithSource("carnet de bord : ref_theme (1680096458377_add-ref-theme) ; socle : spie.Thematiques (carnet-de-bord/theme)")
	FaultImportStatus      = spie.NewFaultType("CARNET-IMPORT-14", spie.SeverityWarning, "statut %q inconnu : élément non repris", "unknown status %q: item not carried").WithSource(srcStatus)
	FaultImportEndDate     = spie.NewFaultType("CARNET-IMPORT-15", spie.SeverityWarning, "date de fin absente du carnet de bord : fixée au %s (%s)", "end date missing from the carnet de bord: set to %s (%s)").WithSource("carnet de bord : notebook_action et notebook_member n'ont pas de date de fin ; socle : une action terminée et un membre inactif en ont une (CARNET-ACTION-11)")
	FaultImportSituations  = spie.NewFaultType("CARNET-IMPORT-16", spie.SeverityWarning, "situations de l'axe %s non reprises (à reporter dans le diagnostic) : %s", "situations of focus %s not carried (to be entered in the diagnostic): %s").WithSource(srcSituations)
	FaultImportMember      = spie.NewFaultType("CARNET-IMPORT-17", spie.SeverityWarning, "membre %s non repris : %s", "member %s not carried: %s").WithSource(srcMember)
	FaultImportOrientation = spie.NewFaultType("CARNET-IMPORT-18", spie.SeverityWarning, "orientation non reprise : %s", "orientation not carried: %s").WithSource(srcOrient)
	FaultImportReason      = spie.NewFaultType("CARNET-IMPORT-19", spie.SeverityWarning, "réorientation sans motif dans le carnet de bord : motif « %s » noté", "re-orientation without a reason in the carnet de bord: reason %q recorded").WithSource(srcOrient + " ; motif exigé d'une réorientation (CARNET-ORIENTATION-10)").Retire("CARNET-ORIENTATION-11")
	FaultImportAppointment = spie.NewFaultType("CARNET-IMPORT-20", spie.SeverityWarning, "rendez-vous non repris : %s", "appointment not carried: %s").WithSource(srcAppoint)
	FaultImportCreator     = spie.NewFaultType("CARNET-IMPORT-21", spie.SeverityWarning, "auteur %s de l'action absent des membres : noté comme compte du carnet de bord, rôle partenaire", "author %s of the action is not a member: recorded as a carnet de bord account, role partenaire").WithSource("carnet de bord : notebook_action.creator_id (compte) ; socle : proposee_par")
	FaultImportLinked      = spie.NewFaultType("CARNET-IMPORT-23", spie.SeverityWarning, "objectif lié au contrat « %s » dans le carnet de bord : lien non repris (le contrat n'est pas dans le carnet exporté)", "target linked to contract %q in the carnet de bord: link not carried (the contract is not in the exported notebook)").WithSource("carnet de bord : notebook_target.linked_to (1693895458197_migrate-contract-focus-to-target ; cej, cer, ppae, pacea ou no dans app/src/lib/constants/keys.ts) ; socle : contrats du carnet")
	FaultImportDate        = spie.NewFaultType("CARNET-IMPORT-22", spie.SeverityWarning, "date %q illisible : élément non repris", "unreadable date %q: item not carried").WithSource("carnet de bord : colonnes date et timestamptz (PostgreSQL)")
)
