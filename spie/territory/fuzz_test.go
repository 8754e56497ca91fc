package territory_test

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// CheckCommune on any string: no panic, at most one fault, a warning of the
// SPIE-COMMUNE family with a French message; a code of the table, none.
func FuzzCheckCommune(f *testing.F) {
	for _, s := range []string{"02408", "02000", "91182", "99100", "97127", "02999", "", "2A004", "75001", "\x00", "éééé"} {
		f.Add(s)
	}
	tb := territory.Default()
	f.Fuzz(func(t *testing.T, s string) {
		fs := tb.CheckCommune(spie.CommuneCode(s), "/c")
		if _, known := tb.Commune(s); known || s == "" {
			if len(fs) != 0 {
				t.Fatalf("%q connu : %v", s, fs)
			}
			return
		}
		if len(fs) != 1 {
			t.Fatalf("%q : %d fautes", s, len(fs))
		}
		switch fs[0].Code {
		case "SPIE-COMMUNE-02", "SPIE-COMMUNE-03", "SPIE-COMMUNE-04", "SPIE-COMMUNE-05":
		default:
			t.Fatalf("%q : code %s", s, fs[0].Code)
		}
		if fs[0].Severity != spie.SeverityWarning || fs[0].Message == "" || fs[0].MessageEN == "" {
			t.Fatalf("%q : %+v", s, fs[0])
		}
	})
}

// Parse on any text: an error or a table, never a panic.
func FuzzParse(f *testing.F) {
	f.Add("C\t02408\t02\t-1\t\tLaon\nG\t02408\t495631\t36271\nP\t02000\t02408\nA\t02113\t02408\n")
	f.Add("E\t200043495\tCA\nC\t02408\t02\t5\t\tLaon\n")
	f.Add("G\t02408\tx\t1\n")
	f.Fuzz(func(t *testing.T, text string) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		_, _ = zw.Write([]byte(text))
		_ = zw.Close()
		tb, err := territory.Parse(b.Bytes())
		if err != nil {
			return
		}
		_, _ = tb.Position("02408")
		_ = tb.CheckCommune("02000", "")
		_, _ = tb.DepartementOf("02113")
	})
}
