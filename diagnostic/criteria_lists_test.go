package diagnostic_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
)

// The list of yes/no criteria and the struct's boolean fields are the same set.
func TestPublicCriteriaFlagsMatchTheStruct(t *testing.T) {
	require.NoError(t, diagnostic.PublicCriteriaFlags.Check())
	var fields []string
	typ := reflect.TypeFor[diagnostic.PublicCriteria]()
	for i := range typ.NumField() {
		if typ.Field(i).Type.Kind() == reflect.Bool {
			fields = append(fields, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
		}
	}
	assert.ElementsMatch(t, fields, diagnostic.PublicCriteriaFlags.Keys())
	for _, d := range diagnostic.PublicCriteriaFlags {
		t.Run(d.Key, func(t *testing.T) {
			assert.NotEmpty(t, d.Label.EN)
			var c diagnostic.PublicCriteria
			p := c.Flag(d.Key)
			require.NotNil(t, p)
			*p = true
			b, _ := jsonMarshal(c)
			assert.Contains(t, b, `"`+d.Key+`":true`)
		})
	}
	var c diagnostic.PublicCriteria
	assert.Nil(t, c.Flag("inconnu"))
}

func jsonMarshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
