package carnet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
)

// Policy holds the durations and thresholds the carnet's rules use
// (RULES.md §4, §5, §9, §10, §12). They are data: DefaultPolicy gives the
// defaults and a territory loads its own with LoadPolicy.
type Policy struct {
	// Délais d'orientation, de contrat et de rediagnostic (partagés avec les règles d'orientation).
	Deadlines diagnostic.DeadlineRules `json:"delais_orientation"`
	// Délai du diagnostic après l'entrée dans le SPIE, en mois.
	DiagnosticMonths int `json:"diagnostic_mois"`
	// Délai de réponse à une prescription, en jours (72 heures).
	PrescriptionAnswerDays int `json:"reponse_prescription_jours"`
	// Relance d'une demande d'orientation vers un service sans réponse, en jours.
	RequestReminderDays int `json:"relance_demande_jours"`
	// Expiration d'une demande d'orientation vers un service sans réponse, en jours.
	RequestExpiryDays int `json:"expiration_demande_jours"`
	// Durée hebdomadaire minimale d'activité, en heures.
	MinWeeklyHours float64 `json:"heures_hebdomadaires_min"`
	// CEJ : âge minimal, âge maximal (inclus), âge maximal avec RQTH (inclus).
	CEJMinAge     int `json:"cej_age_min"`
	CEJMaxAge     int `json:"cej_age_max"`
	CEJMaxAgeRQTH int `json:"cej_age_max_rqth"`
	// CEJ : heures hebdomadaires minimales et maximales.
	CEJMinHours float64 `json:"cej_heures_min"`
	CEJMaxHours float64 `json:"cej_heures_max"`
	// CEJ : durées minimale, normale maximale et exceptionnelle maximale, en mois.
	CEJMinMonths       int `json:"cej_duree_min_mois"`
	CEJMaxMonths       int `json:"cej_duree_max_mois"`
	CEJExceptionMonths int `json:"cej_duree_exceptionnelle_mois"`
	// PACEA : âges et durée maximale, en mois ; le PACEA prend fin à l'âge de fin.
	PACEAMinAge    int `json:"pacea_age_min"`
	PACEAMaxAge    int `json:"pacea_age_max"`
	PACEAEndAge    int `json:"pacea_age_fin"`
	PACEAMaxMonths int `json:"pacea_duree_max_mois"`
	// Date d'entrée en vigueur du contrat d'engagement unique.
	ContractReformDate spie.Date `json:"date_contrat_engagement"`
	// Alerte de rupture : jours d'avance, et jours pendant lesquels une rupture passée reste signalée.
	RuptureAheadDays int `json:"rupture_avance_jours"`
	RuptureAfterDays int `json:"rupture_apres_jours"`
	// Procédure perdus de vue.
	LostContact LostContactProcedure `json:"perdus_de_vue"`
	// Conservation : mois après la dernière activité.
	RetentionMonths int `json:"conservation_mois"`
	// Fin de l'expérimentation : les données ne sont pas conservées au-delà.
	ExperimentEnd spie.Date `json:"fin_experimentation,omitempty"`
	// Indicateurs : secret statistique, effectif minimal publié (personnes).
	// L'ancien nom « secret_statistique » est encore lu (avertissement).
	SecretThreshold int `json:"seuil_secret"`
}

// LostContactProcedure is the perdus de vue procedure (RULES.md §9 default).
type LostContactProcedure struct {
	// Jours sans contact réussi après lesquels la personne est sans nouvelles.
	SilenceDays int `json:"sans_nouvelles_jours"`
	// Relances, en jours après le début de la procédure, avec les canaux attendus.
	Relances []RelanceStep `json:"relances"`
	// Nombre de relances infructueuses et durée minimale (jours) avant perdu de vue.
	FailedRelances int `json:"relances_infructueuses"`
	MinDays        int `json:"duree_min_jours"`
}

// RelanceStep is one relance of the procedure.
type RelanceStep struct {
	// Jour de la relance après le début de la procédure (J+0, J+7…).
	Day int `json:"jour"`
	// Canaux de la relance.
	Channels []Channel `json:"canaux"`
}

// DefaultPolicy returns the defaults of RULES.md (the orientation deadlines
// come from diagnostic.DefaultOrientationRules).
func DefaultPolicy() Policy {
	return Policy{
		Deadlines:              diagnostic.DefaultOrientationRules().Deadlines,
		DiagnosticMonths:       1,
		PrescriptionAnswerDays: 3,
		RequestReminderDays:    10,
		RequestExpiryDays:      30,
		MinWeeklyHours:         15,
		CEJMinAge:              16, CEJMaxAge: 25, CEJMaxAgeRQTH: 29,
		CEJMinHours: 15, CEJMaxHours: 20,
		CEJMinMonths: 6, CEJMaxMonths: 12, CEJExceptionMonths: 18,
		PACEAMinAge: 16, PACEAMaxAge: 25, PACEAEndAge: 26, PACEAMaxMonths: 24,
		ContractReformDate: "2025-01-01",
		RuptureAheadDays:   30,
		RuptureAfterDays:   30,
		LostContact: LostContactProcedure{
			SilenceDays: 30,
			Relances: []RelanceStep{
				{Day: 0, Channels: []Channel{"sms", "courriel"}},
				{Day: 7, Channels: []Channel{"telephone"}},
				{Day: 14, Channels: []Channel{"courrier"}},
			},
			FailedRelances: 3,
			MinDays:        21,
		},
		RetentionMonths: 24,
		SecretThreshold: secret.DefaultThreshold,
	}
}

// Fault types of policy files.
var (
	FaultPolicy = &spie.FaultType{Code: "CARNET-POLITIQUE-01", Severity: spie.SeverityError, FR: "paramètres illisibles ou incohérents : %[1]s", EN: "unreadable or inconsistent settings: %[2]s", Source: "RULES.md (préambule) : les valeurs par défaut sont des données qu'un territoire peut remplacer (carnet.Policy)"}
	// FaultPolicyOldName: the threshold's former JSON name, still read.
	FaultPolicyOldName = &spie.FaultType{Code: "CARNET-POLITIQUE-02", Severity: spie.SeverityWarning, FR: "« secret_statistique » est l'ancien nom de « seuil_secret » : valeur lue, renommer le champ", EN: "« secret_statistique » is the former name of « seuil_secret »: value read, rename the field", Source: "RULES.md §10 (seuil du secret statistique, 5 par défaut) : un seul nom JSON, seuil_secret ; l'ancien nom secret_statistique reste lu (compatibilité propre à socle)"}
)

// LoadPolicy reads a policy as JSON over the defaults (absent fields keep
// their default) and checks it. The statistical secret's threshold is
// "seuil_secret"; its former name "secret_statistique" is still read, with
// a warning (CARNET-POLITIQUE-02), and both at once with different values
// are an error. A threshold below secret.DefaultThreshold (RULES.md §10) is
// refused: SECRET-SEUIL-01 at its path. An integral number written with a
// fraction or an exponent (5.0, 5e0) is read in an integer field, as the
// schemas' "integer" reads it (JSON Schema 2020-12); a document that does
// not decode is CARNET-POLITIQUE-01 with spie.DescribeJSONError's French
// and English description.
func LoadPolicy(r io.Reader) (Policy, spie.Faults) {
	p := DefaultPolicy()
	in := struct {
		*Policy
		Threshold *int `json:"seuil_secret"`
		OldName   *int `json:"secret_statistique"`
	}{Policy: &p}
	unreadable := func(err error) (Policy, spie.Faults) {
		return DefaultPolicy(), spie.Faults{FaultPolicy.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return unreadable(err)
	}
	if b, err = integralAsIntegers(b); err != nil {
		return unreadable(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return unreadable(err)
	}
	var fs spie.Faults
	if in.Threshold != nil {
		p.SecretThreshold = *in.Threshold
	}
	if in.OldName != nil {
		if in.Threshold != nil && *in.Threshold != *in.OldName {
			return DefaultPolicy(), spie.Faults{FaultPolicy.At("/secret_statistique", "« seuil_secret » et « secret_statistique » diffèrent", "« seuil_secret » and « secret_statistique » differ")}
		}
		p.SecretThreshold = *in.OldName
		fs = append(fs, FaultPolicyOldName.At("/secret_statistique"))
	}
	if fr, en := p.check(); fr != "" {
		return DefaultPolicy(), spie.Faults{FaultPolicy.At("", fr, en)}
	}
	path := "/seuil_secret"
	if in.Threshold == nil {
		path = "/secret_statistique"
	}
	if f := secret.CheckThreshold(p.SecretThreshold, path); f != nil {
		return DefaultPolicy(), spie.Faults{*f}
	}
	return p, fs
}

// integralAsIntegers rewrites in place, in the JSON document b, every
// integral number written with a fraction or an exponent as its digits
// (5.0 → 5, padded with spaces so that the bytes after it keep their
// offset in a later error; 1e2 → 100 moves them), for an integer field of
// encoding/json. An error is the document's syntax error.
func integralAsIntegers(b []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out []byte
	last := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		num, ok := tok.(json.Number)
		if !ok {
			continue
		}
		end := int(dec.InputOffset())
		start := end - len(num)
		canon := canonicalNumber(num)
		if canon == num || start < last {
			continue
		}
		out = append(out, b[last:start]...)
		out = append(out, canon...)
		for range len(num) - len(canon) {
			out = append(out, ' ')
		}
		last = end
	}
	if out == nil {
		return b, nil
	}
	return append(out, b[last:]...), nil
}

// check says, in French then in English, what is inconsistent in p ("" when
// nothing is).
func (p Policy) check() (fr, en string) {
	switch {
	case p.RetentionMonths < 1 || p.RetentionMonths > 36:
		return fmt.Sprintf("conservation de %d mois hors de 1 à 36", p.RetentionMonths),
			fmt.Sprintf("retention of %d months outside 1 to 36", p.RetentionMonths)
	case p.LostContact.SilenceDays < 1 || p.LostContact.FailedRelances < 1 || len(p.LostContact.Relances) == 0:
		return "procédure perdus de vue incomplète", "incomplete lost-contact procedure"
	case p.SecretThreshold < 1:
		return "secret statistique inférieur à 1", "statistical secret threshold below 1"
	case p.MinWeeklyHours < 0 || p.CEJMinHours > p.CEJMaxHours:
		return "durées hebdomadaires incohérentes", "inconsistent weekly hours"
	}
	if _, ok := p.ContractReformDate.Time(); !ok {
		return "date du contrat d'engagement invalide", "invalid contrat d'engagement date"
	}
	if !p.ExperimentEnd.IsZero() && !p.ExperimentEnd.Valid() {
		return "date de fin d'expérimentation invalide", "invalid end of experiment date"
	}
	return "", ""
}
