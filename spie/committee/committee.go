package committee

import (
	"time"

	"github.com/spie-fr/socle/spie"
)

// Defaults of the rules (RULES.md §8).
const (
	DefaultCapacity           = 10
	DefaultDeadlineDaysBefore = 3
	DefaultDeadlineTime       = ClockTime("14:00")
	DefaultAgendaDaysBefore   = 2
	DefaultAnswerHours        = 72
	DefaultTimeZone           = "Europe/Paris"
)

// Committee is a comité technique opérationnel: its rules, members, calendar
// and, optionally, the requests already received.
type Committee struct {
	// Nom du comité (par exemple « CTO SPIE de Laon »).
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Territoire couvert, en clair.
	Territory string `json:"territoire,omitempty" jsonschema:"maxLength=200"`
	// Règles du comité ; les valeurs absentes prennent les valeurs par défaut.
	Rules Rules `json:"regles,omitzero"`
	// Membres du comité.
	Members []Member `json:"membres,omitempty" jsonschema:"maxItems=200"`
	// Calendrier des séances.
	Meetings []Meeting `json:"seances" jsonschema:"minItems=1,maxItems=400"`
	// Demandes d'examen de situation reçues.
	Requests []Request `json:"demandes,omitempty" jsonschema:"maxItems=10000"`
}

// Rules are the committee's rules; zero values take the defaults.
type Rules struct {
	// Nombre maximal de situations examinées par séance (10 par défaut).
	Capacity int `json:"capacite,omitempty" jsonschema:"minimum=1,maximum=100"`
	// Date limite des demandes : nombre de jours avant la séance (3 par défaut).
	DeadlineDaysBefore *int `json:"butoir_jours_avant,omitempty" jsonschema:"minimum=0,maximum=60"`
	// Heure limite des demandes, le jour butoir (14:00 par défaut).
	DeadlineTime ClockTime `json:"butoir_heure,omitempty"`
	// Envoi de l'ordre du jour : nombre de jours avant la séance (2 par défaut).
	AgendaDaysBefore *int `json:"ordre_du_jour_jours_avant,omitempty" jsonschema:"minimum=0,maximum=60"`
	// Délai de réponse aux demandes, en heures (72 par défaut).
	AnswerHours int `json:"delai_reponse_heures,omitempty" jsonschema:"minimum=1,maximum=2160"`
	// Fuseau horaire des heures du calendrier (Europe/Paris par défaut).
	TimeZone string `json:"fuseau_horaire,omitempty" jsonschema:"maxLength=64"`
}

// Member is a member of the committee.
type Member struct {
	// Nom du membre.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Structure du membre.
	Structure string `json:"structure,omitempty" jsonschema:"maxLength=200"`
	// Adresse électronique du membre.
	Email string `json:"courriel,omitempty" jsonschema:"maxLength=320"`
	// Date de signature de la charte de confidentialité ; absente : pas signée.
	CharterSigned spie.Date `json:"charte_confidentialite_signee_le,omitempty"`
}

// Meeting is one meeting of the calendar.
type Meeting struct {
	// Date de la séance.
	Date spie.Date `json:"date"`
	// Heure de début de la séance.
	Time ClockTime `json:"heure"`
	// Lieu de la séance.
	Place string `json:"lieu,omitempty" jsonschema:"maxLength=300"`
	// Date limite des demandes fixée par le calendrier publié (sinon la règle du comité).
	DeadlineDate spie.Date `json:"date_butoir,omitempty"`
	// Heure limite des demandes fixée par le calendrier publié (sinon la règle du comité).
	DeadlineTime ClockTime `json:"heure_butoir,omitempty"`
	// Capacité de cette séance, quand elle diffère de la règle du comité.
	Capacity int `json:"capacite,omitempty" jsonschema:"minimum=1,maximum=100"`
}

// Request asks the committee to examine a person's situation.
type Request struct {
	// Identifiant de la demande.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Référence du carnet de bord de la personne.
	CarnetRef string `json:"reference_carnet" jsonschema:"minLength=1,maxLength=100"`
	// Le référent qui présente la situation et reste l'interlocuteur unique.
	Referent Referent `json:"referent"`
	// Question posée au comité.
	Question string `json:"question" jsonschema:"minLength=1,maxLength=5000"`
	// La personne, volontaire, a accepté que sa situation soit présentée au comité et en est informée.
	PersonAgreed bool `json:"accord_personne"`
	// Date et heure de réception de la demande.
	ReceivedAt time.Time `json:"recue_le"`
	// Date et heure de la réponse faite au référent.
	AnsweredAt *time.Time `json:"repondue_le,omitempty"`
	// Suite donnée par le comité.
	Outcome *Outcome `json:"suite,omitempty"`
}

// Referent is the professional who presents a situation.
type Referent struct {
	// Nom du référent.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Structure du référent.
	Structure string `json:"structure,omitempty" jsonschema:"maxLength=200"`
}

// Outcome records what the committee decided for a situation.
type Outcome struct {
	// Date de la séance où la situation a été examinée.
	MeetingDate spie.Date `json:"date_seance"`
	// Issue de l'examen.
	Status OutcomeStatus `json:"statut"`
	// Solution proposée.
	Solution string `json:"solution_proposee,omitempty" jsonschema:"maxLength=5000"`
	// Action engagée.
	Action string `json:"action,omitempty" jsonschema:"maxLength=2000"`
	// Qui porte l'action.
	Who string `json:"porteur,omitempty" jsonschema:"maxLength=200"`
	// Date du point de suivi.
	FollowUp spie.Date `json:"date_suivi,omitempty"`
}

// OutcomeStatus is the result of the examination of a situation.
type OutcomeStatus string

// Outcome statuses.
const (
	OutcomeResolue      OutcomeStatus = "resolue"
	OutcomeEnCours      OutcomeStatus = "en-cours"
	OutcomeSansSolution OutcomeStatus = "sans-solution"
	sourceAisne                       = "Guide SPIE de l'Aisne ; RULES.md §8"
)

// OutcomeStatuses is the code list of outcome statuses.
var OutcomeStatuses = spie.Definitions{
	{Key: "resolue", Label: spie.Label{FR: "Solution trouvée", EN: "Solved"}, Source: sourceAisne,
		Description: spie.Label{FR: "Une solution a été proposée et engagée.", EN: "A solution was proposed and started."}},
	{Key: "en-cours", Label: spie.Label{FR: "Solution en cours", EN: "In progress"}, Source: sourceAisne,
		Description: spie.Label{FR: "Des actions sont engagées, un point de suivi est prévu.", EN: "Actions are under way, a follow-up is planned."}},
	{Key: "sans-solution", Label: spie.Label{FR: "Sans solution à ce stade", EN: "No solution yet"}, Source: sourceAisne,
		Description: spie.Label{FR: "Le comité n'a pas trouvé de solution ; la situation peut être présentée à nouveau.", EN: "No solution was found; the situation may be presented again."}},
}

// Definitions implements spie.Enum.
func (OutcomeStatus) Definitions() spie.Definitions { return OutcomeStatuses }

// ClockTime is a time of day written HH:MM (24 hours).
type ClockTime string

// Parse returns hours and minutes; ok is false when malformed.
func (c ClockTime) Parse() (h, m int, ok bool) {
	s := string(c)
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
	}
	h = int(s[0]-'0')*10 + int(s[1]-'0')
	m = int(s[3]-'0')*10 + int(s[4]-'0')
	return h, m, h < 24 && m < 60
}

// Pattern implements spie.Identifier (a schema pattern).
func (ClockTime) Pattern() string { return `^([01][0-9]|2[0-3]):[0-5][0-9]$` }

// IdentifierLabel implements spie.Identifier.
func (ClockTime) IdentifierLabel() spie.Label {
	return spie.Label{FR: "Heure (HH:MM)", EN: "Time of day (HH:MM)"}
}

// Problem implements spie.Identifier.
func (c ClockTime) Problem() *spie.FaultType {
	if _, _, ok := c.Parse(); !ok {
		return FaultClockTime
	}
	return nil
}
