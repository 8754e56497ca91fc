package schemas_test

import (
	"encoding/json"
	"testing"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

// Seeds beyond testdata/fuzz: the hostile shapes, so that `go test` alone
// runs them through both paths.
var hostileSeeds = []string{
	``, `{}`, `[]`, `null`, `"x"`, `{"id":"a","id":"b"}`, "\xEF\xBB\xBF{}", "{\"id\":\"\xff\"}",
	`{"id":"\ud800"}`, `{"x":NaN}`, `{"x":1e999999999}`, `[[[[[[[[[[]]]]]]]]]]`, `{} {}`,
	`{"criteres_publics":{"mois_inscription_demandeur_emploi":2.0}}`,
	`{"situation_professionnelle":{"besoins":{"inconnu":"BESOIN","a/b~c":7}}}`,
	`{"auteurs":[{"nom":"a'b\"c\\d","role":1,"x'y":2}]}`,
	`{"situation_professionnelle":{"rayon_mobilite_km":1e2,"heures_hebdomadaires_souhaitees":-0.0}}`,
	`{"situation_professionnelle":{"rayon_mobilite_km":100000000000000000000}}`,
	`{"nombre_semaines":100000000000000000000,"volume_horaire_hebdomadaire":1e308}`,
	`{"age":{"min":1.8e1,"max":3e1}}`,
}

// FuzzValidate checks on any input, for every kind on the fast path,
// that the fast path gives exactly the faults of the JSON Schema path
// (codes, paths, severities, messages) and never panics, not even in a
// rule run on a document the schema refused (checked for the other kinds
// too).
func FuzzValidate(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	var kinds, others []string
	for _, k := range schemas.Kinds() {
		if schemas.FastPath(k.Name) == nil {
			kinds = append(kinds, k.Name)
		} else {
			others = append(others, k.Name)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range others {
			schemas.Validate(k, data, diffNow)
			if n := schemas.RulePanics(); n > 0 {
				t.Fatalf("%s : %d règle(s) en panique sur le document partiel %q", k, n, data)
			}
		}
		for _, k := range kinds {
			want := schemas.Interpret(k, data, diffNow)
			got := schemas.Validate(k, data, diffNow)
			if verdict(want) != verdict(got) {
				t.Fatalf("%s : chemins divergents pour %q\nschéma :\n%s\nrapide :\n%s", k, data, verdict(want), verdict(got))
			}
			if n := schemas.RulePanics(); n > 0 {
				t.Fatalf("%s : %d règle(s) en panique sur le document partiel %q", k, n, data)
			}
		}
	})
}

// FuzzDecode checks that a document the fast decoder accepts decodes as
// encoding/json decodes it.
func FuzzDecode(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := new(diagnostic.Diagnostic)
		if _, ok := schemas.Decode("diagnostic", data, got); !ok {
			return
		}
		want := new(diagnostic.Diagnostic)
		if err := json.Unmarshal(data, want); err != nil {
			t.Fatalf("accepté par le décodeur rapide, refusé par encoding/json (%v) : %q", err, data)
		}
		if a, b := mustJSON(t, want), mustJSON(t, got); a != b {
			t.Fatalf("décodages différents de %q\nencoding/json : %s\nrapide :        %s", data, a, b)
		}
	})
}

// FuzzCheckInput checks the input layer against encoding/json: what it
// accepts is valid JSON, and what it refuses as unreadable is not.
func FuzzCheckInput(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fs := schemas.CheckInput(data, schemas.Limits{})
		valid := json.Valid(data)
		switch {
		case fs == nil && !valid:
			t.Fatalf("accepté mais JSON invalide selon encoding/json : %q", data)
		case fs != nil && len(fs) != 1:
			t.Fatalf("plusieurs fautes d'entrée : %v", fs)
		case fs != nil && valid && (fs[0].Code == "INPUT-JSON-01" || fs[0].Code == "INPUT-JSON-02"):
			t.Fatalf("JSON valide refusé comme illisible (%v) : %q", fs, data)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
