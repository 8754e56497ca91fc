package label

import (
	"net/mail"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Application is a structure's application for the label (kind
// "candidature-label"), or the file of a labelled structure under
// re-evaluation.
type Application struct {
	// Identifiant de la candidature.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date de dépôt de la candidature.
	Date spie.Date `json:"date_depot"`
	// La structure candidate.
	Structure Structure `json:"structure"`
	// Professionnels formés au diagnostic partagé et à la référence de parcours.
	TrainedProfessionals []TrainedProfessional `json:"professionnels_formes,omitempty" jsonschema:"maxItems=500"`
	// Chartes et conventions signées.
	SignedCharters []SignedCharter `json:"chartes_signees,omitempty" jsonschema:"maxItems=20"`
	// Outils communs utilisés.
	Tools Tools `json:"outils,omitzero"`
	// Référent SPIE de la structure.
	Referent *ReferentSPIE `json:"referent_spie,omitempty"`
	// Offre publiée au catalogue.
	Offer *PublishedOffer `json:"offre,omitempty"`
	// Réponses aux prescriptions reçues sur la période observée.
	Prescriptions *PrescriptionAnswers `json:"reponses_prescriptions,omitempty"`
	// Actions de participation des personnes accompagnées.
	Participation []Participation `json:"participation_usagers,omitempty" jsonschema:"maxItems=200"`
	// Label en cours, pour une réévaluation.
	CurrentLabel *CurrentLabel `json:"label_en_cours,omitempty"`
}

// Structure identifies the applicant.
type Structure struct {
	// Nom de la structure.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=300"`
	// SIRET de la structure.
	SIRET spie.SIRET `json:"siret"`
	// Code INSEE de la commune du siège.
	Commune spie.CommuneCode `json:"code_commune,omitempty"`
	// La structure est membre du consortium ou du réseau SPIE.
	NetworkMember bool `json:"membre_reseau"`
	// Nom du réseau ou du consortium.
	Network string `json:"reseau,omitempty" jsonschema:"maxLength=300"`
}

// TrainedProfessional is a professional trained in the shared diagnostic.
type TrainedProfessional struct {
	// Nom du professionnel.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Intitulé de la formation suivie.
	Training string `json:"formation,omitempty" jsonschema:"maxLength=300"`
	// Date de fin de la formation.
	Date spie.Date `json:"date_formation"`
}

// SignedCharter is a charter the structure signed.
type SignedCharter struct {
	// Charte ou convention signée.
	Kind CharterKind `json:"type"`
	// Date de signature.
	Date spie.Date `json:"date_signature"`
	// Date de fin, si la signature a été dénoncée ou a expiré.
	End spie.Date `json:"date_fin,omitempty"`
}

// Tools tells which shared tools the structure uses.
type Tools struct {
	// La structure réalise ses diagnostics avec le socle commun.
	SharedDiagnostic bool `json:"diagnostic_socle,omitempty"`
	// La structure suit les parcours dans le carnet de bord.
	Carnet bool `json:"carnet_de_bord,omitempty"`
}

// ReferentSPIE is the structure's contact for the network.
type ReferentSPIE struct {
	// Nom du référent.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Adresse électronique du référent.
	Email string `json:"courriel,omitempty" jsonschema:"maxLength=320"`
	// Téléphone du référent.
	Phone string `json:"telephone,omitempty" jsonschema:"maxLength=30"`
}

// PublishedOffer is the structure's offer in the catalogue.
type PublishedOffer struct {
	// Nombre de services publiés.
	Services int `json:"nombre_services" jsonschema:"minimum=0,maximum=10000"`
	// Date de la dernière mise à jour (date_maj data·inclusion).
	UpdatedAt spie.Date `json:"date_maj"`
}

// PrescriptionAnswers sums up the answers to prescriptions over a period.
type PrescriptionAnswers struct {
	// Début de la période observée.
	From spie.Date `json:"debut_periode"`
	// Fin de la période observée.
	To spie.Date `json:"fin_periode"`
	// Nombre de prescriptions reçues.
	Received int `json:"recues" jsonschema:"minimum=0"`
	// Nombre de prescriptions répondues dans le délai de la charte.
	AnsweredInTime int `json:"repondues_dans_delai" jsonschema:"minimum=0"`
	// Délai de réponse retenu pour ce décompte, en heures.
	DelayHours int `json:"delai_heures" jsonschema:"minimum=1,maximum=720"`
}

// Participation is an action involving the people supported.
type Participation struct {
	// Type d'action.
	Kind ParticipationKind `json:"type"`
	// Date de l'action.
	Date spie.Date `json:"date"`
	// Description de l'action.
	Description string `json:"description,omitempty" jsonschema:"maxLength=2000"`
}

// CurrentLabel is a label already granted.
type CurrentLabel struct {
	// Date de la décision de labellisation.
	Granted spie.Date `json:"date_decision"`
	// Fin de validité du label.
	ValidUntil spie.Date `json:"fin_validite"`
}

// Fault types of applications.
var (
	FaultAppID       = &spie.FaultType{Code: "LABEL-CANDIDATURE-01", Severity: spie.SeverityError, FR: "identifiant de la candidature manquant", EN: "missing application id", Source: "format de candidature au label de socle, RULES.md §11"}
	FaultAppDate     = &spie.FaultType{Code: "LABEL-CANDIDATURE-02", Severity: spie.SeverityError, FR: "date mal formée : AAAA-MM-JJ attendu", EN: "malformed date: YYYY-MM-DD expected", Source: "ISO 8601 / RFC 3339 (date complète AAAA-MM-JJ)"}
	FaultAppName     = &spie.FaultType{Code: "LABEL-CANDIDATURE-03", Severity: spie.SeverityError, FR: "nom de la structure manquant", EN: "missing structure name", Source: "RULES.md §11 : critère 1, structure identifiée"}
	FaultAppKind     = &spie.FaultType{Code: "LABEL-CANDIDATURE-04", Severity: spie.SeverityError, FR: "valeur hors de la liste : %q", EN: "value not in the list: %q", Source: "RULES.md §11 : listes de la charte (critères, pièces, décisions)"}
	FaultAppEmail    = &spie.FaultType{Code: "LABEL-CANDIDATURE-05", Severity: spie.SeverityError, FR: "adresse électronique mal formée", EN: "malformed email address", Source: "RFC 5322 (adresse électronique)"}
	FaultAppFuture   = &spie.FaultType{Code: "LABEL-CANDIDATURE-10", Severity: spie.SeverityError, FR: "date postérieure à la date d'évaluation (%s)", EN: "date after the evaluation date (%s)", Source: "cohérence du document, règle propre à socle : les pièces précèdent l'évaluation"}
	FaultAppCounts   = &spie.FaultType{Code: "LABEL-CANDIDATURE-11", Severity: spie.SeverityError, FR: "plus de prescriptions répondues dans le délai que de prescriptions reçues", EN: "more prescriptions answered in time than received", Source: "RULES.md §11 : critère 7, réponse aux prescriptions sous 72 heures (part mesurée)"}
	FaultAppPeriod   = &spie.FaultType{Code: "LABEL-CANDIDATURE-12", Severity: spie.SeverityError, FR: "la fin de période précède son début", EN: "the period ends before it starts", Source: "cohérence du document, règle propre à socle"}
	FaultAppLabelEnd = &spie.FaultType{Code: "LABEL-CANDIDATURE-13", Severity: spie.SeverityError, FR: "la fin de validité du label précède sa décision", EN: "the label ends before it was granted", Source: "RULES.md §11 : label valable 3 ans à compter de sa décision"}
)

// Check returns the faults of the application as a document, at date (dates
// after it are errors). Whether criteria are met is Evaluate's business.
func (a *Application) Check(date spie.Date) spie.Faults {
	var fs spie.Faults
	dateAt := func(d spie.Date, optional bool, tokens ...any) {
		p := spie.Pointer(tokens...)
		if d.IsZero() && optional {
			return
		}
		if _, ok := d.Time(); !ok {
			fs = append(fs, FaultAppDate.At(p))
		} else if d.After(date) {
			fs = append(fs, FaultAppFuture.At(p, date))
		}
	}
	if isBlank(a.ID) {
		fs = append(fs, FaultAppID.At(spie.Pointer("id")))
	}
	dateAt(a.Date, false, "date_depot")
	if isBlank(a.Structure.Name) {
		fs = append(fs, FaultAppName.At(spie.Pointer("structure", "nom")))
	}
	if a.Structure.Commune != "" {
		path := spie.Pointer("structure", "code_commune")
		if f := spie.CheckIdentifier(a.Structure.Commune, path); len(f) > 0 {
			fs = append(fs, f...)
		} else {
			fs = append(fs, territory.CheckCommune(a.Structure.Commune, path)...)
		}
	}
	for i, p := range a.TrainedProfessionals {
		dateAt(p.Date, false, "professionnels_formes", i, "date_formation")
	}
	for i, s := range a.SignedCharters {
		if !CharterKinds.Has(string(s.Kind)) {
			fs = append(fs, FaultAppKind.At(spie.Pointer("chartes_signees", i, "type"), string(s.Kind)))
		}
		dateAt(s.Date, false, "chartes_signees", i, "date_signature")
		if !s.End.IsZero() {
			if _, ok := s.End.Time(); !ok {
				fs = append(fs, FaultAppDate.At(spie.Pointer("chartes_signees", i, "date_fin")))
			}
		}
	}
	if r := a.Referent; r != nil && r.Email != "" {
		if addr, err := mail.ParseAddress(r.Email); err != nil || addr.Address != r.Email {
			fs = append(fs, FaultAppEmail.At(spie.Pointer("referent_spie", "courriel")))
		}
	}
	if a.Offer != nil {
		dateAt(a.Offer.UpdatedAt, false, "offre", "date_maj")
	}
	if p := a.Prescriptions; p != nil {
		dateAt(p.From, false, "reponses_prescriptions", "debut_periode")
		dateAt(p.To, false, "reponses_prescriptions", "fin_periode")
		if p.From.After(p.To) {
			fs = append(fs, FaultAppPeriod.At(spie.Pointer("reponses_prescriptions", "fin_periode")))
		}
		if p.AnsweredInTime > p.Received {
			fs = append(fs, FaultAppCounts.At(spie.Pointer("reponses_prescriptions", "repondues_dans_delai")))
		}
	}
	for i, p := range a.Participation {
		if !ParticipationKinds.Has(string(p.Kind)) {
			fs = append(fs, FaultAppKind.At(spie.Pointer("participation_usagers", i, "type"), string(p.Kind)))
		}
		dateAt(p.Date, false, "participation_usagers", i, "date")
	}
	if l := a.CurrentLabel; l != nil {
		dateAt(l.Granted, false, "label_en_cours", "date_decision")
		if _, ok := l.ValidUntil.Time(); !ok {
			fs = append(fs, FaultAppDate.At(spie.Pointer("label_en_cours", "fin_validite")))
		} else if l.ValidUntil.Before(l.Granted) {
			fs = append(fs, FaultAppLabelEnd.At(spie.Pointer("label_en_cours", "fin_validite")))
		}
	}
	fs.Sort()
	return fs
}
