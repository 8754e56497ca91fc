package carnet_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/spie-fr/socle/carnet"
)

// BenchmarkVerifyCarnet measures the verification of the largest example
// (32 events) alone, with its checkpoints, and with checkpoints and keys.
func BenchmarkVerifyCarnet(b *testing.B) {
	data, err := os.ReadFile(examplePath("reorientation-social-global-chauny"))
	if err != nil {
		b.Fatal(err)
	}
	var c carnet.Carnet
	if err := json.Unmarshal(data, &c); err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(testKeysPath("registre-cles-de-test.json"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	reg, fs := carnet.LoadKeyRegistry(f)
	if len(fs) > 0 {
		b.Fatal(fs)
	}
	cps := carnet.TakeCheckpoints(&c)
	for _, tc := range []struct {
		name  string
		trust carnet.Trust
	}{
		{"seul", carnet.Trust{}},
		{"points-de-controle", carnet.Trust{Checkpoints: cps}},
		{"cles", carnet.Trust{Keys: reg}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for range b.N {
				if fs := carnet.VerifyCarnet(&c, tc.trust); len(fs.Errors()) > 0 {
					b.Fatal(fs)
				}
			}
		})
	}
}
