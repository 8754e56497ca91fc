package label

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

// DecodeApplication reads an application (kind "candidature-label"),
// refusing unknown fields so that a misspelt field is never silently lost.
func DecodeApplication(b []byte) (*Application, error) {
	var a Application
	if err := strict(b, &a); err != nil {
		return nil, fmt.Errorf("candidature illisible : %s", spie.DescribeJSONError(err))
	}
	return &a, nil
}

// DecodeCharter reads a charter (kind "charte-label"), refusing unknown fields.
func DecodeCharter(b []byte) (Charter, error) {
	var c Charter
	if err := strict(b, &c); err != nil {
		return Charter{}, fmt.Errorf("charte illisible : %s", spie.DescribeJSONError(err))
	}
	return c, nil
}

func strict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("données après la fin du document")
	}
	return nil
}
