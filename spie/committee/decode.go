package committee

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

// RequestList is a file of requests: {"demandes": [...]}.
type RequestList struct {
	// Demandes d'examen de situation.
	Requests []Request `json:"demandes"`
}

// DecodeRequests reads requests written either as {"demandes": [...]} or as a
// bare JSON array. Unknown fields are refused so that a misspelt field is
// never silently lost.
func DecodeRequests(b []byte) ([]Request, error) {
	trimmed := bytes.TrimSpace(b)
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var rs []Request
		if err := dec.Decode(&rs); err != nil {
			return nil, fmt.Errorf("demandes illisibles : %s", spie.DescribeJSONError(err))
		}
		return rs, nil
	}
	var l RequestList
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("demandes illisibles : %s", spie.DescribeJSONError(err))
	}
	return l.Requests, nil
}

// Decode reads a committee (kind "comite"), refusing unknown fields.
func Decode(b []byte) (*Committee, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c Committee
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("comité illisible : %s", spie.DescribeJSONError(err))
	}
	return &c, nil
}
