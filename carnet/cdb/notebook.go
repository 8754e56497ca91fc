package cdb

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// MaxSize bounds the notebook read by Parse: 16 Mio, as the other imports.
const MaxSize = 16 << 20

// Notebook is a carnet de bord notebook as its database holds it, one object
// with its rows nested: the columns keep the names of the peer's tables
// (gip-inclusion/carnet-de-bord, hasura/migrations/carnet_de_bord at commit
// e0fe72120e7fec28d919b84d076fb1db62962d3f: notebook, beneficiary,
// notebook_focus, notebook_target, notebook_action, notebook_member,
// orientation_request, notebook_info, notebook_appointment). Timestamps are
// PostgreSQL timestamptz, in its text form ("2021-09-21 13:15:54.752+00") or
// ISO 8601 as Hasura returns them; dates are YYYY-MM-DD.
type Notebook struct {
	ID                  string               `json:"id"`
	CreatedAt           string               `json:"created_at"`
	UpdatedAt           string               `json:"updated_at,omitempty"`
	Beneficiary         *Beneficiary         `json:"beneficiary"`
	Info                *NotebookInfo        `json:"notebook_info,omitempty"`
	Focuses             []Focus              `json:"focuses,omitempty"`
	Members             []NotebookMember     `json:"members,omitempty"`
	OrientationRequests []OrientationRequest `json:"orientation_requests,omitempty"`
	Appointments        []Appointment        `json:"appointments,omitempty"`
}

// Beneficiary is the beneficiary row. Only the columns the carnet keeps are
// named; every other column (name, NIR, contact details, address…) is kept
// in Other by name, so that the import reports it as not carried.
type Beneficiary struct {
	ID          string
	DateOfBirth string
	RightRSA    string
	// Other holds the other columns, by name.
	Other map[string]json.RawMessage
}

// UnmarshalJSON reads the beneficiary row, keeping unknown columns in Other.
func (b *Beneficiary) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	str := func(k string) (string, error) {
		raw, ok := m[k]
		delete(m, k)
		if !ok || string(raw) == "null" {
			return "", nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("beneficiary.%s : %w", k, err)
		}
		return s, nil
	}
	var err error
	if b.ID, err = str("id"); err != nil {
		return err
	}
	if b.DateOfBirth, err = str("date_of_birth"); err != nil {
		return err
	}
	if b.RightRSA, err = str("right_rsa"); err != nil {
		return err
	}
	b.Other = m
	return nil
}

// MarshalJSON writes the row back with its columns.
func (b Beneficiary) MarshalJSON() ([]byte, error) {
	m := map[string]any{"id": b.ID, "date_of_birth": b.DateOfBirth}
	if b.RightRSA != "" {
		m["right_rsa"] = b.RightRSA
	}
	for k, v := range b.Other {
		m[k] = v
	}
	return json.Marshal(m)
}

// NotebookInfo is the notebook_info row: the orientation type in force.
type NotebookInfo struct {
	Orientation string `json:"orientation,omitempty"`
	CreatedAt   string `json:"created_at,omitempty"`
	UpdatedAt   string `json:"updated_at,omitempty"`
}

// Focus is a notebook_focus row (an axe de travail) with its targets.
type Focus struct {
	ID         string   `json:"id"`
	Theme      string   `json:"theme"`
	Situations []string `json:"situations,omitempty"`
	CreatorID  string   `json:"creator_id,omitempty"`
	CreatedAt  string   `json:"created_at,omitempty"`
	UpdatedAt  string   `json:"updated_at,omitempty"`
	Targets    []Target `json:"targets,omitempty"`
}

// Target is a notebook_target row (an objectif): its label is free text
// chosen from ref_target or typed by the professional.
type Target struct {
	ID        string   `json:"id"`
	Target    string   `json:"target"`
	Status    string   `json:"status,omitempty"`
	LinkedTo  string   `json:"linked_to,omitempty"`
	CreatorID string   `json:"creator_id,omitempty"`
	CreatedAt string   `json:"created_at,omitempty"`
	UpdatedAt string   `json:"updated_at,omitempty"`
	Actions   []Action `json:"actions,omitempty"`
}

// Action is a notebook_action row: its label is free text chosen from
// ref_action or typed by the professional.
type Action struct {
	ID         string `json:"id"`
	Action     string `json:"action"`
	Status     string `json:"status,omitempty"`
	CreatorID  string `json:"creator_id,omitempty"`
	CreatedAt  string `json:"created_at,omitempty"`
	UpdatedAt  string `json:"updated_at,omitempty"`
	StartingAt string `json:"starting_at,omitempty"`
}

// NotebookMember is a notebook_member row with its account.
type NotebookMember struct {
	ID         string   `json:"id"`
	AccountID  string   `json:"account_id"`
	MemberType string   `json:"member_type"`
	Active     *bool    `json:"active,omitempty"`
	CreatedAt  string   `json:"created_at,omitempty"`
	Account    *Account `json:"account,omitempty"`
}

// Account is the account of a member: a professional of a structure, or an
// orientation manager (who has none).
type Account struct {
	ID           string        `json:"id,omitempty"`
	Type         string        `json:"type,omitempty"`
	Professional *Professional `json:"professional,omitempty"`
}

// Professional is a professional row with its structure.
type Professional struct {
	Firstname string     `json:"firstname,omitempty"`
	Lastname  string     `json:"lastname,omitempty"`
	Structure *Structure `json:"structure,omitempty"`
}

// Structure is a structure row.
type Structure struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	SIRET string `json:"siret,omitempty"`
}

// OrientationRequest is an orientation_request row: a request, and when
// decided, the orientation type decided and its date.
type OrientationRequest struct {
	ID                       string `json:"id"`
	RequestedOrientationType string `json:"requested_orientation_type,omitempty"`
	DecidedOrientationType   string `json:"decided_orientation_type,omitempty"`
	Status                   string `json:"status,omitempty"`
	DecidedAt                string `json:"decided_at,omitempty"`
	Reason                   string `json:"reason,omitempty"`
	DecisionReason           string `json:"decision_reason,omitempty"`
	CreatedAt                string `json:"created_at,omitempty"`
}

// Appointment is a notebook_appointment row.
type Appointment struct {
	ID        string `json:"id"`
	AccountID string `json:"account_id,omitempty"`
	Date      string `json:"date"`
	Status    string `json:"status"`
	DeletedAt string `json:"deleted_at,omitempty"`
	CreatedAt string `json:"created_at,omitempty"`
	UpdatedAt string `json:"updated_at,omitempty"`
}

// Parse reads one notebook (at most MaxSize bytes). Unknown fields are
// refused, naming the field (CARNET-IMPORT-01), except in beneficiary,
// whose other columns are kept to be reported; an empty document, {} or
// null is no notebook (CARNET-IMPORT-02). It never panics.
func Parse(data []byte) (*Notebook, spie.Faults) {
	if len(data) > MaxSize {
		return nil, spie.Faults{carnet.FaultImportRead.At("", fmt.Sprintf("plus de %d octets", MaxSize))}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return nil, spie.Faults{carnet.FaultImportEmpty.At("")}
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	var n Notebook
	if err := dec.Decode(&n); err != nil {
		return nil, spie.Faults{carnet.FaultImportRead.At("", readProblem(err))}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, spie.Faults{carnet.FaultImportRead.At("", "contenu après le carnet")}
	}
	if n.ID == "" && n.Beneficiary == nil && len(n.Focuses) == 0 && len(n.Members) == 0 {
		return nil, spie.Faults{carnet.FaultImportEmpty.At("")}
	}
	return &n, nil
}

// readProblem says in French what is wrong with the JSON, without the
// decoder's English text.
func readProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("JSON mal formé vers l'octet %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("le champ %q n'a pas le bon type", typ.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "champ inconnu " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "JSON tronqué"
	}
	return "JSON illisible"
}

// timeLayouts are the forms of a timestamptz: PostgreSQL text output and
// ISO 8601 (Hasura), with or without fractional seconds.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z07",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z07",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
}

// dateOf reads a date or a timestamptz as the date of the person's
// territory (commune); ok is false when s is neither.
func dateOf(s, commune string) (spie.Date, bool) {
	if d := spie.Date(s); len(s) == len(spie.DateLayout) && d.Valid() {
		return d, true
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return spie.DateIn(t, commune), true
		}
	}
	return "", false
}
