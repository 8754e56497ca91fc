package offer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Fault types of decoding.
var (
	FaultJSONType   = &spie.FaultType{Code: "OFFRE-JSON-01", Severity: spie.SeverityError, FR: "type JSON inattendu : %s attendu", EN: "unexpected JSON type: %s expected", Source: "data·inclusion v1 (types des champs des modèles Structure et Service)"}
	FaultJSONSyntax = &spie.FaultType{Code: "OFFRE-JSON-02", Severity: spie.SeverityError, FR: "document JSON illisible : %s", EN: "unreadable JSON document: %s", Source: "RFC 8259 ; data·inclusion v1"}
)

// jsonFields returns the JSON names of the fields of a struct type.
func jsonFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

var (
	// The members of the models, listed on first use (issue 17 item 4).
	structureFields = sync.OnceValue(func() map[string]bool { return jsonFields(reflect.TypeOf(Structure{})) })
	serviceFields   = sync.OnceValue(func() map[string]bool { return jsonFields(reflect.TypeOf(Service{})) })
	structureReq    = []string{"source", "id", "nom", "date_maj"}
	serviceReq      = []string{"source", "structure_id", "id", "nom", "description", "date_maj"}
)

// splitObject decodes a JSON object into its members and splits them by
// exact, case-sensitive name, as data·inclusion's models match keys: the
// members the type defines (own, re-encoded, what the caller decodes into
// its fields), the unknown ones (extra, kept as written, never decoded into
// a field even when they differ from a field's name only by case: "NOM" is
// not "nom"), and the required ones that are absent or null (missing). Of a
// repeated key, the last member counts, as in the models.
func splitObject(b []byte, known map[string]bool, required []string) (own []byte, extra map[string]RawJSON, missing []string, err error) {
	var m map[string]RawJSON
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, nil, nil, err
	}
	if m == nil {
		return nil, nil, nil, &json.UnmarshalTypeError{Value: "null", Type: reflect.TypeOf(map[string]any{})}
	}
	fields := make(map[string]RawJSON, len(m))
	for k, v := range m {
		if !known[k] {
			if extra == nil {
				extra = map[string]RawJSON{}
			}
			extra[k] = append(RawJSON(nil), v...)
			continue
		}
		fields[k] = v
	}
	for _, k := range required {
		if v, ok := m[k]; !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			missing = append(missing, k)
		}
	}
	own, err = json.Marshal(fields)
	return own, extra, missing, err
}

type structureAlias Structure
type serviceAlias Service

// UnmarshalJSON reads a data·inclusion structure; members whose name is not
// exactly one of its fields go to Extra.
func (s *Structure) UnmarshalJSON(b []byte) error {
	own, extra, missing, err := splitObject(b, structureFields(), structureReq)
	if err != nil {
		return err
	}
	*s = Structure{}
	err = json.Unmarshal(own, (*structureAlias)(s))
	s.Extra, s.missing = extra, missing
	return err
}

// MarshalJSON writes the structure, then its Extra members in key order.
func (s Structure) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(structureAlias(s))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, s.Extra)
}

// UnmarshalJSON reads a data·inclusion service; members whose name is not
// exactly one of its fields go to Extra.
func (s *Service) UnmarshalJSON(b []byte) error {
	own, extra, missing, err := splitObject(b, serviceFields(), serviceReq)
	if err != nil {
		return err
	}
	*s = Service{}
	err = json.Unmarshal(own, (*serviceAlias)(s))
	s.Extra, s.missing = extra, missing
	return err
}

// MarshalJSON writes the service, then its Extra members in key order.
func (s Service) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(serviceAlias(s))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, s.Extra)
}

func appendExtra(b []byte, extra map[string]RawJSON) ([]byte, error) {
	if len(extra) == 0 {
		return b, nil
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := bytes.NewBuffer(b[:len(b)-1])
	for i, k := range keys {
		if i > 0 || len(b) > 2 {
			out.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		out.Write(kb)
		out.WriteByte(':')
		var buf bytes.Buffer
		if err := json.Compact(&buf, extra[k]); err != nil {
			return nil, fmt.Errorf("champ %s : %w", k, err)
		}
		out.Write(buf.Bytes())
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// decodeFaults turns a decoding error into faults.
func decodeFaults(err error) spie.Faults {
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		path := ""
		if te.Field != "" {
			toks := []any{}
			for _, t := range strings.Split(te.Field, ".") {
				toks = append(toks, t)
			}
			path = spie.Pointer(toks...)
		}
		return spie.Faults{FaultJSONType.At(path, jsonTypeName(te.Type))}
	}
	return spie.Faults{FaultJSONSyntax.At("", err.Error())}
}

func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "valeur"
	}
	if t == integerType {
		return "entier"
	}
	switch t.Kind() {
	case reflect.String:
		return "chaîne"
	case reflect.Float32, reflect.Float64:
		return "nombre"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "entier"
	case reflect.Slice, reflect.Array:
		return "tableau"
	case reflect.Map, reflect.Struct:
		return "objet"
	case reflect.Bool:
		return "booléen"
	}
	return t.String()
}

// DecodeService reads one service and returns it with the faults of decoding
// (wrong JSON types) and of Check at now.
func DecodeService(b []byte, now time.Time) (*Service, spie.Faults) {
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return nil, spie.Faults{FaultJSONType.At("", "objet")}
	}
	s := &Service{}
	faults := decodeFaults(json.Unmarshal(b, s))
	if len(faults) > 0 && faults[0].Code == FaultJSONSyntax.Code {
		return nil, faults
	}
	faults = append(faults, s.Check(now)...)
	faults.Sort()
	return s, faults
}

// DecodeStructure reads one structure and returns it with its faults.
func DecodeStructure(b []byte, now time.Time) (*Structure, spie.Faults) {
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return nil, spie.Faults{FaultJSONType.At("", "objet")}
	}
	s := &Structure{}
	faults := decodeFaults(json.Unmarshal(b, s))
	if len(faults) > 0 && faults[0].Code == FaultJSONSyntax.Code {
		return nil, faults
	}
	faults = append(faults, s.Check(now)...)
	faults.Sort()
	return s, faults
}
