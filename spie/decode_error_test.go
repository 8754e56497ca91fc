package spie_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
)

// TestDescribeJSONError: errors of encoding/json on documents written by
// hand, described in French and English without the library's text. The
// byte offsets are counted by hand: in {"a":} encoding/json stops at the
// sixth byte; in {"id": 3} the number ends at byte 8.
func TestDescribeJSONError(t *testing.T) {
	type doc struct {
		ID string `json:"id"`
	}
	strict := func(s string) error {
		dec := json.NewDecoder(bytes.NewReader([]byte(s)))
		dec.DisallowUnknownFields()
		var d doc
		return dec.Decode(&d)
	}
	for _, tc := range []struct {
		err    error
		fr, en string
	}{
		{json.Unmarshal([]byte(`{"a":}`), new(doc)), "syntaxe invalide à l'octet 6", "syntax error at byte 6"},
		{json.Unmarshal([]byte(`{"id": 3}`), new(doc)), "valeur de type nombre inattendue pour id (octet 8)", "unexpected number value for id (byte 8)"},
		{json.Unmarshal([]byte(`[true]`), new(doc)), "valeur de type liste inattendue (octet 1)", "unexpected array value (byte 1)"},
		{strict(`{"inconnu": 1}`), "champ inconnu « inconnu »", "unknown field « inconnu »"},
		{strict(`{"id": "a"`), "document incomplet : il s'arrête avant sa fin", "incomplete document: it stops before its end"},
		{strict(``), "document vide", "empty document"},
		{json.Unmarshal([]byte(`"2026-04-08t10:00:00z"`), new(time.Time)), "date ou heure illisible : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SSZ (RFC 3339) attendu", "unreadable date or time: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (RFC 3339) expected"},
		{errors.New("strconv.ParseInt: parsing \"x\": invalid syntax"), "contenu inattendu", "unexpected content"},
		{fmt.Errorf("date %q invalide, attendue AAAA-MM-JJ", "x"), `date "x" invalide, attendue AAAA-MM-JJ`, "value refused by its type"},
		// A Fault returned by a type's UnmarshalJSON, as a value or a pointer:
		// its own two messages.
		{spie.Fault{Code: "TEST-DESCRIBE-01", Message: "date x invalide", MessageEN: "invalid date x"}, "date x invalide", "invalid date x"},
		{&spie.Fault{Code: "TEST-DESCRIBE-01", Message: "date y invalide", MessageEN: "invalid date y"}, "date y invalide", "invalid date y"},
	} {
		assert.Equal(t, tc.fr, spie.DescribeJSONError(tc.err), "%v", tc.err)
		assert.Equal(t, tc.en, spie.DescribeJSONErrorEN(tc.err), "%v", tc.err)
	}
}
