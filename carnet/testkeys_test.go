package carnet_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// testKeysWarning heads the published test keys: anyone can sign with them.
const testKeysWarning = "CLÉS DE TEST PUBLIÉES, POUR LES EXEMPLES ET LES TESTS SEULEMENT : leurs graines privées sont dans ce fichier, n'importe qui peut signer avec. Ne jamais les inscrire dans un registre de production."

// testKeyFile is examples/carnet/cles/cles-de-test.json: for each structure of
// the examples and tests, its seed (hex, 32 bytes, SHA-256 of
// "socle : clé de test publiée " followed by the SIRET) and its public key.
// registre-cles-de-test.json beside it is the matching key registry (public
// keys only), for `spie view --cles`. go test ./carnet -update rewrites both.
type testKeyFile struct {
	Warning string    `json:"avertissement"`
	Keys    []testKey `json:"cles"`
}

type testKey struct {
	carnet.PublicKey
	Seed string `json:"graine"`
}

var testSIRETs = []spie.SIRET{"13002526500013", "22020000000010", "22130001500007", "33188888300013", "44400000400010", "55500000900012", "77500000300019"}

func testKeysPath(name string) string { return filepath.Join("..", "examples", "carnet", "cles", name) }

var (
	testKeysOnce sync.Once
	testKeys     testKeyFile
	testKeysErr  error
)

// loadTestKeys reads the published test keys (writing them first with -update).
func loadTestKeys(t *testing.T) testKeyFile {
	t.Helper()
	testKeysOnce.Do(func() {
		if *update {
			f := testKeyFile{Warning: testKeysWarning}
			var reg carnet.KeyRegistry
			for _, s := range testSIRETs {
				seed := sha256.Sum256([]byte("socle : clé de test publiée " + string(s)))
				pub := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
				k := carnet.PublicKey{ID: "test-" + string(s), StructureSIRET: s, Key: base64.StdEncoding.EncodeToString(pub), Start: "2025-01-01"}
				f.Keys = append(f.Keys, testKey{PublicKey: k, Seed: hex.EncodeToString(seed[:])})
				reg = append(reg, k)
			}
			for name, v := range map[string]any{"cles-de-test.json": f, "registre-cles-de-test.json": reg} {
				b, _ := json.MarshalIndent(v, "", "  ")
				if testKeysErr = os.WriteFile(testKeysPath(name), append(b, '\n'), 0o644); testKeysErr != nil {
					return
				}
			}
		}
		var b []byte
		if b, testKeysErr = os.ReadFile(testKeysPath("cles-de-test.json")); testKeysErr == nil {
			testKeysErr = json.Unmarshal(b, &testKeys)
		}
	})
	require.NoError(t, testKeysErr, "clés de test absentes : go test ./carnet -update")
	return testKeys
}

// testRegistry returns the key registry of the published test keys, read
// from registre-cles-de-test.json through LoadKeyRegistry.
func testRegistry(t *testing.T) carnet.KeyRegistry {
	t.Helper()
	loadTestKeys(t)
	f, err := os.Open(testKeysPath("registre-cles-de-test.json"))
	require.NoError(t, err)
	defer f.Close()
	reg, fs := carnet.LoadKeyRegistry(f)
	require.Empty(t, fs)
	return reg
}

// testSigner returns the signer of the structure with its published test key.
func testSigner(t *testing.T, siret spie.SIRET) carnet.Signer {
	t.Helper()
	for _, k := range loadTestKeys(t).Keys {
		if k.StructureSIRET == siret {
			seed, err := hex.DecodeString(k.Seed)
			require.NoError(t, err)
			return carnet.Signer{KeyID: k.ID, SIRET: siret, Key: ed25519.NewKeyFromSeed(seed)}
		}
	}
	t.Fatalf("pas de clé de test pour la structure %s", siret)
	return carnet.Signer{}
}
