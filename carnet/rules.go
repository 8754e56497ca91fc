package carnet

import (
	"time"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Fault types of the carnet's own rules. 01–09: one field; 10–19: coherence.
var (
	FaultVersion            = &spie.FaultType{Code: "CARNET-VERSION-01", Severity: spie.SeverityError, FR: "version du format inconnue : %q (attendue : %s)", EN: "unknown format version %q (expected %s)", Source: "version du format du carnet de socle (carnet.SchemaVersion)"}
	FaultDateOrder          = &spie.FaultType{Code: "CARNET-DATES-10", Severity: spie.SeverityError, FR: "la date de fin précède la date de début", EN: "the end date is before the start date", Source: "cohérence du document, règle propre à socle"}
	FaultPersonDiagnostic   = &spie.FaultType{Code: "CARNET-PERSONNE-10", Severity: spie.SeverityError, FR: "le diagnostic concerne une autre personne (%q)", EN: "the diagnostic concerns another person (%q)", Source: "cohérence du document, règle propre à socle : le diagnostic intégré concerne la personne du carnet"}
	FaultReferentOverlap    = &spie.FaultType{Code: "CARNET-REFERENT-10", Severity: spie.SeverityError, FR: "deux référents sont actifs en même temps (%s et %s) : le référent est unique", EN: "two case workers are active at once (%s and %s): there is a single one", Source: "RULES.md §8 : le référent qui a orienté la personne reste son interlocuteur unique (« dites-le nous une fois »)"}
	FaultReferentParallel   = &spie.FaultType{Code: "CARNET-REFERENT-12", Severity: spie.SeverityWarning, FR: "avant la fusion des carnets, deux référents suivaient la personne en parallèle (%s et %s)", EN: "before the carnets were merged, two case workers followed the person in parallel (%s and %s)", Source: "RULES.md §8 : référent unique ; constat à la fusion de deux carnets"}
	FaultReferentNone       = &spie.FaultType{Code: "CARNET-REFERENT-11", Severity: spie.SeverityWarning, FR: "aucun référent actif le %s", EN: "no active case worker on %s", Source: "RULES.md §8 : la personne a toujours un référent unique"}
	FaultMemberDup          = &spie.FaultType{Code: "CARNET-MEMBRE-10", Severity: spie.SeverityError, FR: "identifiant %q répété", EN: "repeated id %q", Source: "cohérence du document, règle propre à socle : identifiants uniques"}
	FaultMemberStructure    = &spie.FaultType{Code: "CARNET-MEMBRE-11", Severity: spie.SeverityError, FR: "un professionnel doit indiquer le SIRET de sa structure", EN: "a professional must give their organisation's SIRET", Source: "RULES.md §10 : le partage se consent structure par structure, identifiée par son SIRET"}
	FaultOrientationPathOld = &spie.FaultType{Code: "CARNET-ORIENTATION-01", Severity: spie.SeverityError, FR: "une orientation décidée a pour parcours emploi, global ou social (pas %q)", EN: "a decided orientation's pathway is emploi, global or social (not %q)", Source: "RULES.md §3 : trois parcours, emploi, global, social (arrêté du 21 novembre 2024)", Retired: true, ReplacedBy: []string{"CARNET-ORIENTATION-02"}}
	FaultOrientationPath    = &spie.FaultType{Code: "CARNET-ORIENTATION-02", Severity: spie.SeverityError, FR: "une orientation décidée a pour parcours emploi, global, social ou autre (pas %q)", EN: "a decided orientation's pathway is emploi, global, social or autre (not %q)", Source: "RULES.md §3 : trois parcours, emploi, global, social (arrêté du 21 novembre 2024) ; type « autre » du carnet de bord (migration 1690467448554)"}
	FaultReorientReasonOld  = &spie.FaultType{Code: "CARNET-ORIENTATION-10", Severity: spie.SeverityError, FR: "une réorientation doit être motivée", EN: "a re-orientation needs a reason", Source: "RULES.md §3 : une décision explicable ; la réorientation relance le délai du contrat (RULES.md §4)", Retired: true, ReplacedBy: []string{"CARNET-ORIENTATION-11"}}
	FaultReorientReason     = &spie.FaultType{Code: "CARNET-ORIENTATION-11", Severity: spie.SeverityWarning, FR: "réorientation sans motif : le motif est recommandé", EN: "re-orientation without a reason: a reason is recommended", Source: "RULES.md §3 : une décision explicable ; motif facultatif chez les pairs (carnet de bord : notebook_info.orientation_reason et orientation_request.decision_reason sans contrainte NOT NULL ; rdv-insertion : pas de motif)"}
	FaultOrientationSameDay = &spie.FaultType{Code: "CARNET-ORIENTATION-12", Severity: spie.SeverityError, FR: "deux orientations décidées le même jour (%s) : %q et %q", EN: "two orientations decided on the same day (%s): %q and %q", Source: "RULES.md §3 : une seule orientation en vigueur à une date ; rdv-insertion : starts_at unique par personne (app/models/orientation.rb)"}
	FaultContactFuture      = &spie.FaultType{Code: "CARNET-RDV-10", Severity: spie.SeverityError, FR: "rendez-vous du %s noté « %s » alors qu'il n'a pas encore eu lieu (jour du contrôle : %s) : un rendez-vous à venir a pour résultat « À venir »", EN: "appointment of %s recorded as “%s” although it has not taken place yet (day of the check: %s): an upcoming appointment's result is “Upcoming”", Source: "cohérence du document, règle propre à socle : le résultat d'un rendez-vous se consigne une fois le rendez-vous passé (revue de l'issue 15 : un contact « honoré » daté de 2030 était accepté)"}
	FaultOrientationFuture  = &spie.FaultType{Code: "CARNET-ORIENTATION-13", Severity: spie.SeverityError, FR: "orientation décidée le %s, après le jour du contrôle (%s)", EN: "orientation decided on %s, after the day of the check (%s)", Source: "Une décision se consigne une fois prise ; rdv-insertion : starts_at antérieure ou égale à aujourd'hui (app/models/orientation.rb)"}
	FaultContractLegacy     = &spie.FaultType{Code: "CARNET-CONTRAT-01", Severity: spie.SeverityError, FR: "depuis le %s, le contrat est un contrat d'engagement (ou CEJ, PACEA) : %s n'est plus conclu", EN: "since %s the contract is a contrat d'engagement (or CEJ, PACEA): %s is no longer concluded", Source: "RULES.md §5 : contrat d'engagement depuis le 1er janvier 2025 (loi 2023-1196 pour le plein emploi), CER et PPAE remplacés"}
	FaultContractSigned     = &spie.FaultType{Code: "CARNET-CONTRAT-10", Severity: spie.SeverityWarning, FR: "contrat signé après son début", EN: "contract signed after it started", Source: "cohérence du document, règle propre à socle"}
	FaultContractOverlap    = &spie.FaultType{Code: "CARNET-CONTRAT-11", Severity: spie.SeverityError, FR: "deux contrats sont en vigueur en même temps", EN: "two contracts are in force at once", Source: "RULES.md §5 : un seul contrat d'engagement en vigueur"}
	FaultActivityHours      = &spie.FaultType{Code: "CARNET-ACTIVITE-10", Severity: spie.SeverityError, FR: "%g h d'activité par semaine : au moins %g h, sauf réduction ou dispense motivée", EN: "%g h of activity a week: at least %g h, unless a reduction or exemption is recorded", Source: "RULES.md §4 : au moins 15 heures d'activité par semaine (loi plein emploi, C. trav. L5411-6)"}
	FaultExemptionReason    = &spie.FaultType{Code: "CARNET-ACTIVITE-11", Severity: spie.SeverityError, FR: "le motif %q ne permet pas une dispense (santé, handicap, invalidité, parent isolé sans garde d'un enfant de moins de 12 ans) : une réduction est possible", EN: "reason %q does not allow an exemption; a reduction is possible", Source: "RULES.md §4 : dispense pour santé, handicap, invalidité, parent isolé sans garde d'un enfant de moins de 12 ans"}
	FaultReductionUseless   = &spie.FaultType{Code: "CARNET-ACTIVITE-12", Severity: spie.SeverityWarning, FR: "réduction consignée alors que la durée atteint %g h", EN: "reduction recorded although the duration reaches %g h", Source: "RULES.md §4 : la réduction de la durée d'activité est motivée et n'a lieu d'être que sous 15 heures"}
	FaultPlanHours          = &spie.FaultType{Code: "CARNET-ACTIVITE-13", Severity: spie.SeverityWarning, FR: "les actions en cours totalisent %g h par semaine, moins que les %g h du contrat", EN: "the ongoing actions total %g h a week, less than the contract's %g h", Source: "RULES.md §4 : durée hebdomadaire du plan d'action (loi plein emploi)"}
	FaultCEJAge             = &spie.FaultType{Code: "CARNET-CEJ-10", Severity: spie.SeverityError, FR: "CEJ à %d ans : de %d à %d ans (%d avec une RQTH)", EN: "CEJ at %d: aged %d to %d (%d with RQTH)", Source: "RULES.md §5 : CEJ de 16 à 25 ans, moins de 30 ans avec une RQTH (décret 2022-199)"}
	FaultCEJHours           = &spie.FaultType{Code: "CARNET-CEJ-11", Severity: spie.SeverityError, FR: "CEJ de %g h par semaine : de %g à %g h", EN: "CEJ of %g h a week: %g to %g h", Source: "RULES.md §5 : CEJ de 15 à 20 heures par semaine (décret 2022-199)"}
	FaultCEJDuration        = &spie.FaultType{Code: "CARNET-CEJ-12", Severity: spie.SeverityError, FR: "CEJ de %d mois : de %d à %d mois, %d exceptionnellement", EN: "CEJ of %d months: %d to %d, %d exceptionally", Source: "RULES.md §5 : CEJ de 6 à 12 mois, 18 exceptionnellement (décret 2022-199)"}
	FaultCEJException       = &spie.FaultType{Code: "CARNET-CEJ-13", Severity: spie.SeverityWarning, FR: "CEJ de %d mois : au-delà de %d mois, la prolongation est exceptionnelle", EN: "CEJ of %d months: beyond %d months the extension is exceptional", Source: "RULES.md §5 : au-delà de 12 mois, prolongation exceptionnelle jusqu'à 18 mois (décret 2022-199)"}
	FaultCEJEnd             = &spie.FaultType{Code: "CARNET-CEJ-14", Severity: spie.SeverityError, FR: "un CEJ a une date de fin", EN: "a CEJ has an end date", Source: "RULES.md §5 : un CEJ a une durée (6 à 12 mois, 18 exceptionnellement)"}
	FaultPACEAAge           = &spie.FaultType{Code: "CARNET-PACEA-10", Severity: spie.SeverityError, FR: "PACEA à %d ans : de %d à %d ans", EN: "PACEA at %d: aged %d to %d", Source: "RULES.md §5 : PACEA de 16 à 25 ans (C. trav. L5131-4)"}
	FaultPACEADuration      = &spie.FaultType{Code: "CARNET-PACEA-11", Severity: spie.SeverityError, FR: "PACEA de %d mois : %d mois au plus", EN: "PACEA of %d months: %d months at most", Source: "RULES.md §5 : PACEA de 24 mois au plus"}
	FaultPACEAEnd           = &spie.FaultType{Code: "CARNET-PACEA-12", Severity: spie.SeverityError, FR: "le PACEA prend fin aux %d ans de la personne (%s)", EN: "the PACEA ends on the person's %dth birthday (%s)", Source: "RULES.md §5 : le PACEA prend fin à 26 ans"}
	FaultActionWhat         = &spie.FaultType{Code: "CARNET-ACTION-01", Severity: spie.SeverityError, FR: "une action est soit une action du référentiel, soit un service de l'offre, soit un libellé libre", EN: "an action is either a referential action, an offer service or a free label", Source: "référentiel des actions du carnet de bord (reference/carnet-de-bord/ref_action.psv), service de l'offre data·inclusion, ou libellé libre (actions saisies hors référentiel dans le carnet de bord, issue 14)"}
	FaultActionThematique   = &spie.FaultType{Code: "CARNET-ACTION-02", Severity: spie.SeverityError, FR: "l'action du référentiel relève de la thématique %s", EN: "the referential action belongs to theme %s", Source: "référentiel des actions du carnet de bord : chaque action relève d'une thématique (RULES.md §1)"}
	FaultActionObjectif     = &spie.FaultType{Code: "CARNET-ACTION-10", Severity: spie.SeverityError, FR: "objectif %q introuvable dans le plan", EN: "objective %q not found in the plan", Source: "cohérence du document, règle propre à socle : une action sert un objectif du plan"}
	FaultActionDone         = &spie.FaultType{Code: "CARNET-ACTION-11", Severity: spie.SeverityWarning, FR: "action terminée sans date de fin", EN: "ended action without an end date", Source: "cohérence du document, règle propre à socle"}
	FaultObjectifTheme      = &spie.FaultType{Code: "CARNET-OBJECTIF-01", Severity: spie.SeverityError, FR: "l'objectif du référentiel relève de la thématique %s", EN: "the referential objective belongs to theme %s", Source: "référentiel des objectifs (DSP France Travail, carnet de bord) : chaque objectif relève d'une thématique (RULES.md §1)"}
	FaultObjectifWhat       = &spie.FaultType{Code: "CARNET-OBJECTIF-02", Severity: spie.SeverityError, FR: "l'objectif indique un objectif du référentiel, un besoin, sa source dans le diagnostic ou un libellé libre", EN: "the objective names a referential objective, a need, its source in the diagnostic or a free label", Source: "RULES.md §2 : un objectif du plan vient du référentiel ou d'un besoin du diagnostic ; libellé libre pour les objectifs saisis hors référentiel dans le carnet de bord (issue 14)"}
	FaultConsentWithdrawal  = &spie.FaultType{Code: "CARNET-CONSENTEMENT-10", Severity: spie.SeverityError, FR: "retrait du consentement antérieur à son recueil", EN: "consent withdrawn before it was given", Source: "RULES.md §10 : le consentement peut être retiré après avoir été recueilli (RGPD art. 7.3)"}
	FaultDuplicate          = &spie.FaultType{Code: "CARNET-DOUBLON-10", Severity: spie.SeverityWarning, FR: "%s est proposé à nouveau alors qu'il a déjà été %s (%s)", EN: "%s is proposed again although it was already %s (%s)", Source: "RULES.md §12 : propositions en double (même dispositif proposé deux fois, cible 0)"}
	FaultDuplicateHealth    = &spie.FaultType{Code: "CARNET-DOUBLON-11", Severity: spie.SeverityWarning, FR: "une action relevant de la santé est proposée à nouveau alors qu'elle a déjà été %s (%s)", EN: "a health-related action is proposed again although it was already %s (%s)", Source: "RULES.md §12 : propositions en double (cible 0) ; RULES.md §10 : le détail de santé est une donnée sensible (RGPD art. 9), le message ne cite pas l'action"}
)

// Check runs every rule of the carnet at the instant now, read as a date in
// the person's territory (spie.DateIn with personne.code_commune), with the
// default policy:
// structure, contract and activity, the embedded diagnostic's own rules,
// and the journal (chain and content, no event dated after now: CheckClock). Alerts that depend on the date
// (ruptures, perdus de vue, deadlines, duplicates) are given by Alerts.
func (c *Carnet) Check(now time.Time) spie.Faults {
	p := DefaultPolicy()
	day := spie.DateIn(now, string(c.Person.Commune))
	var fs spie.Faults
	fs = append(fs, c.CheckStructure(day)...)
	fs = append(fs, c.CheckContracts(p)...)
	fs = append(fs, c.CheckActivity(day, p)...)
	if c.Diagnostic != nil {
		for _, f := range c.Diagnostic.Check(now) {
			f.Path = "/diagnostic" + f.Path
			fs = append(fs, f)
		}
		if c.Diagnostic.Person.ID != "" && c.Diagnostic.Person.ID != c.Person.ID {
			fs = append(fs, FaultPersonDiagnostic.At(spie.Pointer("diagnostic", "personne", "id"), c.Diagnostic.Person.ID))
		}
	}
	fs = append(fs, c.CheckJournal()...)
	fs = append(fs, c.CheckClock(now)...)
	fs.Sort()
	return fs
}

// CheckStructure checks ids, date order, the single référent, orientations,
// the plan and consents.
func (c *Carnet) CheckStructure(day spie.Date) spie.Faults {
	var fs spie.Faults
	if c.Version != SchemaVersion {
		fs = append(fs, FaultVersion.At(spie.Pointer("version_schema"), c.Version, SchemaVersion))
	}
	if c.Person.Commune.Problem() == nil { // the schema reports the shape
		fs = append(fs, territory.CheckCommune(c.Person.Commune, spie.Pointer("personne", "code_commune"))...)
	}
	order := func(start, end spie.Date, path string) {
		if !end.IsZero() && end.Before(start) {
			fs = append(fs, FaultDateOrder.At(path))
		}
	}
	ids := func(list string, n int, id func(int) string) {
		seen := map[string]bool{}
		for i := range n {
			if seen[id(i)] {
				fs = append(fs, FaultMemberDup.At(spie.Pointer(list, i, "id"), id(i)))
			}
			seen[id(i)] = true
		}
	}
	ids("membres", len(c.Members), func(i int) string { return c.Members[i].ID })
	ids("orientations", len(c.Orientations), func(i int) string { return c.Orientations[i].ID })
	ids("contrats", len(c.Contracts), func(i int) string { return c.Contracts[i].ID })
	ids("objectifs", len(c.Objectifs), func(i int) string { return c.Objectifs[i].ID })
	ids("actions", len(c.Actions), func(i int) string { return c.Actions[i].ID })
	ids("rendez_vous", len(c.Contacts), func(i int) string { return c.Contacts[i].ID })
	ids("jalons", len(c.Milestones), func(i int) string { return c.Milestones[i].ID })
	ids("consentements", len(c.Consents), func(i int) string { return c.Consents[i].ID })

	for i, m := range c.Members {
		order(m.Start, m.End, spie.Pointer("membres", i, "date_fin"))
		if m.Role != RoleUsager && m.StructureSIRET == "" {
			fs = append(fs, FaultMemberStructure.At(spie.Pointer("membres", i, "siret_structure")))
		}
		if m.StructureSIRET != "" {
			fs = append(fs, spie.CheckIdentifier(m.StructureSIRET, spie.Pointer("membres", i, "siret_structure"))...)
		}
	}
	fs = append(fs, c.CheckReferent(day)...)
	for i, k := range c.Contacts {
		if f := k.futureResult(day, spie.Pointer("rendez_vous", i, "resultat")); f != nil {
			fs = append(fs, *f)
		}
	}
	sameDay := map[spie.Date]int{}
	for i, o := range c.Orientations {
		if !o.Pathway.Recordable() {
			fs = append(fs, FaultOrientationPath.At(spie.Pointer("orientations", i, "parcours"), string(o.Pathway)))
		}
		if first, ok := c.firstOrientation(); ok && first.ID != o.ID && o.Reason == "" {
			fs = append(fs, FaultReorientReason.At(spie.Pointer("orientations", i, "motif")))
		}
		if j, ok := sameDay[o.Date]; ok && o.Date.Valid() {
			fs = append(fs, FaultOrientationSameDay.At(spie.Pointer("orientations", i, "date"), string(o.Date), c.Orientations[j].ID, o.ID))
		} else {
			sameDay[o.Date] = i
		}
		if o.Date.Valid() && day.Valid() && o.Date.After(day) {
			fs = append(fs, FaultOrientationFuture.At(spie.Pointer("orientations", i, "date"), string(o.Date), string(day)))
		}
		fs = append(fs, spie.CheckIdentifier(o.StructureSIRET, spie.Pointer("orientations", i, "siret_organisme_referent"))...)
	}
	objectifs := map[string]bool{}
	for i, o := range c.Objectifs {
		objectifs[o.ID] = true
		if o.Objectif != "" && o.Objectif.Valid() && o.Objectif.Thematique() != o.Thematique {
			fs = append(fs, FaultObjectifTheme.At(spie.Pointer("objectifs", i, "objectif"), string(o.Objectif.Thematique())))
		}
		if o.Objectif == "" && o.Besoin == "" && o.Source == "" && o.FreeLabel == "" {
			fs = append(fs, FaultObjectifWhat.At(spie.Pointer("objectifs", i)))
		}
	}
	for i, a := range c.Actions {
		base := spie.Pointer("actions", i)
		if n := btoi(a.CatalogAction != "") + btoi(a.ServiceID != "") + btoi(a.FreeLabel != ""); n != 1 {
			fs = append(fs, FaultActionWhat.At(base))
		}
		if a.CatalogAction.Valid() && a.CatalogAction.Thematique() != a.Thematique {
			fs = append(fs, FaultActionThematique.At(spie.Join(base, "thematique"), string(a.CatalogAction.Thematique())))
		}
		if a.ObjectifID != "" && !objectifs[a.ObjectifID] {
			fs = append(fs, FaultActionObjectif.At(spie.Join(base, "id_objectif"), a.ObjectifID))
		}
		order(a.Start, a.End, spie.Join(base, "date_fin"))
		if a.Status.Ended() && a.Status != ActionRefused && a.Status != ActionCancelled && a.End.IsZero() {
			fs = append(fs, FaultActionDone.At(spie.Join(base, "date_fin")))
		}
	}
	for i, k := range c.Consents {
		if !k.WithdrawnOn.IsZero() && k.WithdrawnOn.Before(k.Date) {
			fs = append(fs, FaultConsentWithdrawal.At(spie.Pointer("consentements", i, "date_retrait")))
		}
	}
	return fs
}

func (c *Carnet) firstOrientation() (Orientation, bool) {
	var first Orientation
	found := false
	for _, o := range c.Orientations {
		if !found || o.Date.Before(first.Date) || (o.Date == first.Date && o.ID < first.ID) {
			first, found = o, true
		}
	}
	return first, found
}

// CheckReferent checks that référents never overlap (an overlap inherited
// from two merged carnets and over by day is only a warning), and that one
// is active on day unless the carnet is closed.
func (c *Carnet) CheckReferent(day spie.Date) spie.Faults {
	var fs spie.Faults
	for i, a := range c.Members {
		if a.Role != RoleReferent {
			continue
		}
		for j := i + 1; j < len(c.Members); j++ {
			b := c.Members[j]
			if b.Role != RoleReferent {
				continue
			}
			if !overlap(a.Start, a.End, b.Start, b.End) {
				continue
			}
			if a.Origin != b.Origin && a.Origin != "" && b.Origin != "" && !(a.ActiveOn(day) && b.ActiveOn(day)) {
				fs = append(fs, FaultReferentParallel.At(spie.Pointer("membres", j), a.ID, b.ID))
			} else {
				fs = append(fs, FaultReferentOverlap.At(spie.Pointer("membres", j), a.ID, b.ID))
			}
		}
	}
	if _, closed := c.Closed(day); !closed && !c.EntryDate.After(day) {
		if _, ok := c.Referent(day); !ok {
			fs = append(fs, FaultReferentNone.At(spie.Pointer("membres"), string(day)))
		}
	}
	return fs
}

// overlap reports whether two periods (end empty: open) share a day.
func overlap(s1, e1, s2, e2 spie.Date) bool {
	return (e2.IsZero() || !s1.After(e2)) && (e1.IsZero() || !s2.After(e1))
}

// CheckContracts checks each contract against its type's rules (RULES.md §5).
func (c *Carnet) CheckContracts(p Policy) spie.Faults {
	var fs spie.Faults
	for i, k := range c.Contracts {
		base := spie.Pointer("contrats", i)
		if !k.End.IsZero() && k.End.Before(k.Start) {
			fs = append(fs, FaultDateOrder.At(spie.Join(base, "date_fin")))
		}
		if !k.Type.Current() && !k.Start.Before(p.ContractReformDate) {
			fs = append(fs, FaultContractLegacy.At(spie.Join(base, "type"), string(p.ContractReformDate), ContractTypes.LabelFor(string(k.Type))))
		}
		if !k.SignedOn.IsZero() && k.SignedOn.After(k.Start) {
			fs = append(fs, FaultContractSigned.At(spie.Join(base, "date_signature")))
		}
		for j := i + 1; j < len(c.Contracts); j++ {
			if overlap(k.Start, k.End, c.Contracts[j].Start, c.Contracts[j].End) {
				fs = append(fs, FaultContractOverlap.At(spie.Pointer("contrats", j, "date_debut")))
			}
		}
		switch k.Type {
		case ContractCEJ:
			fs = append(fs, c.CheckCEJ(k, base, p)...)
		case ContractPACEA:
			fs = append(fs, c.CheckPACEA(k, base, p)...)
		}
		fs = append(fs, CheckWeeklyHours(k, base, p)...)
	}
	return fs
}

// CheckWeeklyHours checks the weekly activity of a contract: at least
// p.MinWeeklyHours unless a reduction or an exemption with a recorded reason
// (RULES.md §4, loi plein emploi).
func CheckWeeklyHours(k Contract, base string, p Policy) spie.Faults {
	var fs spie.Faults
	a := k.Adjustment
	switch {
	case a == nil:
		if k.WeeklyHours < p.MinWeeklyHours {
			fs = append(fs, FaultActivityHours.At(spie.Join(base, "heures_hebdomadaires"), k.WeeklyHours, p.MinWeeklyHours))
		}
	case a.Kind == AdjustmentExemption:
		if !a.Reason.AllowsExemption() {
			fs = append(fs, FaultExemptionReason.At(spie.Join(base, "amenagement", "motif"), string(a.Reason)))
		}
	case a.Kind == AdjustmentReduction:
		if k.WeeklyHours >= p.MinWeeklyHours {
			fs = append(fs, FaultReductionUseless.At(spie.Join(base, "amenagement"), k.WeeklyHours))
		}
	}
	return fs
}

// CheckCEJ checks a CEJ: age at start, weekly hours and duration.
func (c *Carnet) CheckCEJ(k Contract, base string, p Policy) spie.Faults {
	var fs spie.Faults
	if age, ok := spie.YearsBetween(c.Person.BirthDate, k.Start); ok {
		max := p.CEJMaxAge
		if c.Person.RQTH {
			max = p.CEJMaxAgeRQTH
		}
		if age < p.CEJMinAge || age > max {
			fs = append(fs, FaultCEJAge.At(spie.Join(base, "date_debut"), age, p.CEJMinAge, p.CEJMaxAge, p.CEJMaxAgeRQTH))
		}
	}
	if k.Adjustment == nil && (k.WeeklyHours < p.CEJMinHours || k.WeeklyHours > p.CEJMaxHours) {
		fs = append(fs, FaultCEJHours.At(spie.Join(base, "heures_hebdomadaires"), k.WeeklyHours, p.CEJMinHours, p.CEJMaxHours))
	}
	if k.End.IsZero() {
		return append(fs, FaultCEJEnd.At(spie.Join(base, "date_fin")))
	}
	m, ok := contractMonths(k.Start, k.End)
	switch {
	case !ok:
	case m < p.CEJMinMonths || m > p.CEJExceptionMonths:
		fs = append(fs, FaultCEJDuration.At(spie.Join(base, "date_fin"), m, p.CEJMinMonths, p.CEJMaxMonths, p.CEJExceptionMonths))
	case m > p.CEJMaxMonths:
		fs = append(fs, FaultCEJException.At(spie.Join(base, "date_fin"), m, p.CEJMaxMonths))
	}
	return fs
}

// contractMonths returns the duration of a contract in months, counting a
// contract that ends the day before its monthly anniversary as whole months
// (1 March – 31 August is 6 months).
func contractMonths(start, end spie.Date) (int, bool) {
	m, ok := spie.MonthsBetween(start, end.AddDays(1))
	if !ok {
		return 0, false
	}
	if start.AddMonths(m) != end.AddDays(1) {
		m++ // a started month counts
	}
	return m, true
}

// CheckPACEA checks a PACEA: age at start, duration, end at 26.
func (c *Carnet) CheckPACEA(k Contract, base string, p Policy) spie.Faults {
	var fs spie.Faults
	if age, ok := spie.YearsBetween(c.Person.BirthDate, k.Start); ok && (age < p.PACEAMinAge || age > p.PACEAMaxAge) {
		fs = append(fs, FaultPACEAAge.At(spie.Join(base, "date_debut"), age, p.PACEAMinAge, p.PACEAMaxAge))
	}
	if m, ok := contractMonths(k.Start, k.End); ok && !k.End.IsZero() && m > p.PACEAMaxMonths {
		fs = append(fs, FaultPACEADuration.At(spie.Join(base, "date_fin"), m, p.PACEAMaxMonths))
	}
	if birthday := c.Person.BirthDate.AddMonths(12 * p.PACEAEndAge); birthday != "" && (k.End.IsZero() || k.End.After(birthday)) {
		fs = append(fs, FaultPACEAEnd.At(spie.Join(base, "date_fin"), p.PACEAEndAge, string(birthday)))
	}
	return fs
}

// CheckActivity checks, on day, that the ongoing actions of the plan reach
// the weekly hours of the contract in force (a warning).
func (c *Carnet) CheckActivity(day spie.Date, p Policy) spie.Faults {
	k, ok := c.ContractOn(day)
	if !ok || (k.Adjustment != nil && k.Adjustment.Kind == AdjustmentExemption) {
		return nil
	}
	var total float64
	for _, a := range c.Actions {
		if a.Status == ActionOngoing && !a.Start.After(day) && (a.End.IsZero() || !a.End.Before(day)) {
			total += a.WeeklyHours
		}
	}
	want := k.WeeklyHours
	if total < want {
		for i := range c.Contracts {
			if c.Contracts[i].ID == k.ID {
				return spie.Faults{FaultPlanHours.At(spie.Pointer("contrats", i, "heures_hebdomadaires"), total, want)}
			}
		}
	}
	return nil
}

// CheckJournal verifies the journal's chains and, for a carnet with a
// journal, that replaying it gives the carnet's content.
func (c *Carnet) CheckJournal() spie.Faults {
	if len(c.Journal) == 0 {
		return nil
	}
	if fs := Verify(c.Journal); len(fs) > 0 {
		return fs
	}
	r, fs := Replay(c.Journal)
	if len(fs) > 0 {
		return fs
	}
	if string(canon(r)) != string(canon(c)) {
		return spie.Faults{FaultJournalState.At(spie.Pointer("journal"))}
	}
	return nil
}

// Duplicates reports the actions proposed again after the same dispositif
// (catalogue action or service) was done, refused or abandoned (RULES.md
// §12 "duplicate proposals"). They are warnings.
func (c *Carnet) Duplicates() spie.Faults {
	var fs spie.Faults
	for i, a := range c.Actions {
		b, ok := c.duplicateOf(a)
		if !ok {
			continue
		}
		if a.sensitive() || b.sensitive() {
			// The label of a health action is health data: not quoted.
			fs = append(fs, FaultDuplicateHealth.At(spie.Pointer("actions", i), ActionStatuses.LabelFor(string(b.Status)), b.ID))
		} else {
			fs = append(fs, FaultDuplicate.At(spie.Pointer("actions", i), a.label(), ActionStatuses.LabelFor(string(b.Status)), b.ID))
		}
	}
	return fs
}

// hasDuplicate says whether Duplicates has a fault, without writing them.
func (c *Carnet) hasDuplicate() bool {
	for _, a := range c.Actions {
		if _, ok := c.duplicateOf(a); ok {
			return true
		}
	}
	return false
}

// duplicateOf returns the first action that makes a a duplicate: another
// action on the same dispositif, proposed before a, and done, refused or
// abandoned.
func (c *Carnet) duplicateOf(a Action) (Action, bool) {
	for _, b := range c.Actions {
		if b.ID == a.ID || !sameDispositif(a, b) || !b.ProposedOn.Before(a.ProposedOn) {
			continue
		}
		if b.Status == ActionDone || b.Status == ActionAbandoned || b.Status == ActionRefused {
			return b, true
		}
	}
	return Action{}, false
}

func sameDispositif(a, b Action) bool {
	return (a.CatalogAction != "" && a.CatalogAction == b.CatalogAction) || (a.ServiceID != "" && a.ServiceID == b.ServiceID)
}

// futureResult reports a contact dated after day that already has an
// outcome (CARNET-RDV-10 at path): only « à venir » is known before the
// contact takes place. Check and Apply share it.
func (k Contact) futureResult(day spie.Date, path string) *spie.Fault {
	if !k.Date.Valid() || !day.Valid() || !k.Date.After(day) || k.Result == "" || k.Result == ResultPlanned {
		return nil
	}
	f := FaultContactFuture.At(path, string(k.Date), ContactResults.LabelFor(string(k.Result)), string(day))
	return &f
}

// label names the action in a fault message, in both languages: its
// catalogue label, its free text quoted, or the service it prescribes.
func (a Action) label() spie.Label {
	switch {
	case a.CatalogAction != "":
		return CatalogActions.LabelFor(string(a.CatalogAction))
	case a.FreeLabel != "":
		return spie.Label{FR: "« " + a.FreeLabel + " »", EN: "“" + a.FreeLabel + "”"}
	}
	return spie.Label{FR: "le service " + a.ServiceID, EN: "service " + a.ServiceID}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
