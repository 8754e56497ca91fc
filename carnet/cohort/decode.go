package cohort

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

// Decode reads a cohort definition (kind "cohorte"), refusing unknown fields
// so that a misspelt field is never silently lost.
func Decode(b []byte) (*Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d Definition
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("définition de cohorte illisible : %s", spie.DescribeJSONError(err))
	}
	if dec.More() {
		return nil, fmt.Errorf("définition de cohorte illisible : données après la fin du document")
	}
	return &d, nil
}
